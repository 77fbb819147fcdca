"""Lines that fit the terminal: long sentences break between words at the terminal's width
(asked again at every line, so a resized terminal is followed), instead of the terminal
cutting a word in two at its edge.

Only a terminal is wrapped. A pipe or a file gets every line whole (one idea per line), so a
script, a log or a test reads the same words whatever width it was run at. The standard
library's `shutil.get_terminal_size` (which honours $COLUMNS) and `textwrap` do the work.
"""

from __future__ import annotations

import re
import shutil
import textwrap
from typing import TextIO

MIN_WIDTH = 20  # a terminal narrower than this still gets a few words a line
_HANG = re.compile(r"(\s*)((?:\d+\.|-|\*)\s+)?")  # indent, then a list's "1. " or "- "


def width_of(stream: TextIO) -> int | None:
    """The width to wrap to when `stream` is a terminal; None for a pipe or a file."""
    try:
        if not stream.isatty():
            return None
    except (AttributeError, ValueError):
        return None
    # one column short: some terminals wrap when the last column is written
    return max(MIN_WIDTH, shutil.get_terminal_size().columns - 1)


def fit(line: str, width: int | None) -> list[str]:
    """`line` as lines of at most `width` characters, broken between words. A line's indent is
    kept on every piece, and a numbered or bulleted item hangs under its own words."""
    if width is None or len(line) <= width:
        return [line]
    if "\n" in line:  # several lines in one string: each is wrapped on its own
        return [piece for part in line.split("\n") for piece in fit(part, width)]
    m = _HANG.match(line)
    indent = m.group(1) if m else ""
    hang = indent + " " * len(m.group(2) or "") if m else indent
    if len(hang) > width // 2:  # a deep indent would leave no room for words
        hang = indent = ""
    return textwrap.wrap(line, width=width, initial_indent="", subsequent_indent=hang,
                         break_on_hyphens=False, drop_whitespace=True) or [line]


def lines_for(stream: TextIO, lines: tuple[str, ...] | list[str]) -> str:
    """`lines` as the text to write to `stream`: each ends with a newline, wrapped to it."""
    width = width_of(stream)
    return "".join(piece + "\n" for line in lines for piece in fit(line, width))

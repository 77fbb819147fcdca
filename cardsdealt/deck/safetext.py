"""Characters that must never reach a screen or a terminal as they are.

Control characters (NUL, ESC, BEL, CR, the C1 codes such as CSI) cannot be drawn: pygame
refuses text with a NUL, and a terminal obeys ESC/OSC/BEL sequences instead of showing them
(clearing the screen, retitling the window). Lone surrogates cannot be saved as UTF-8. A deck
may not contain them at all (`yamlsource` refuses them with their line and column); text from
elsewhere (a typed reflection, a folder name) is shown with them spelt out by `printable`.
Tabs and line breaks are ordinary text.
"""

from __future__ import annotations

import re

# C0 but tab and line feed, DEL, C1, and lone surrogates.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def spelt(ch: str) -> str:
    """A control character as an author can find it: `\\x00`, `\\x1b`, `\\ud800`."""
    n = ord(ch)
    return f"\\x{n:02x}" if n < 0x100 else f"\\u{n:04x}"


def printable(text: str) -> str:
    """`text` with every control character spelt out (fast when there is none)."""
    if CONTROL.search(text) is None:
        return text
    return CONTROL.sub(lambda m: spelt(m.group()), text)


def json_safe(line: str) -> str:
    """A line of JSON with every control character written as a JSON escape (`\\u009b`):
    the same text to a JSON reader, nothing a terminal obeys (json.dumps leaves C1 codes and
    DEL raw when ensure_ascii is off)."""
    if CONTROL.search(line) is None:
        return line
    return CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", line)

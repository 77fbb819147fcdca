"""Problems found in a deck, and the one exception type the deck package raises.

A problem always says where (file, line, column), what is wrong and how to fix it, in words a
14-year-old can act on. Errors stop a deck from loading; warnings are advice.
"""

from __future__ import annotations

import difflib
import os
import re
import shlex
from dataclasses import dataclass
from typing import Iterable

from cardsdealt.deck.safetext import CONTROL, printable

# Why a file is called `deck.yaml.txt`: Notepad adds `.txt`, and Windows hides it.
NOTEPAD_HINT = ("Notepad adds `.txt` to a name unless you choose 'All files' when saving, and "
                "Windows hides the ending: in File Explorer, turn on View > File name "
                "extensions to see it.")

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    line: int
    column: int
    message: str
    hint: str = ""
    severity: str = ERROR

    def __post_init__(self) -> None:
        # A problem often quotes what the author wrote (a name, a file name): a control
        # character in it is spelt out, so no screen or terminal ever receives it raw.
        if CONTROL.search(f"{self.file}{self.message}{self.hint}") is not None:
            for name in ("file", "message", "hint"):
                object.__setattr__(self, name, printable(getattr(self, name)))

    def format(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}" if self.line else self.file
        text = f"{where}: {self.severity}: {self.message}"
        if self.hint:
            text += "\n    " + self.hint.replace("\n", "\n    ")
        return text

    def __str__(self) -> str:
        return self.format()


class DeckError(Exception):
    """A deck could not be loaded. `problems` lists every error found (never just the first)."""

    def __init__(self, problems: Iterable[Problem], deck_path: str = ""):
        self.problems = tuple(problems)
        self.deck_path = deck_path
        super().__init__(self.summary())

    def summary(self) -> str:
        n = sum(1 for p in self.problems if p.severity == ERROR)
        first = self.problems[0].format().splitlines()[0] if self.problems else ""
        return f"{n} problem{'s' if n != 1 else ''} in the deck. First: {first}"

    def report(self) -> str:
        lines = [p.format() for p in self.problems]
        n = sum(1 for p in self.problems if p.severity == ERROR)
        lines.append(f"{n} problem{'s' if n != 1 else ''} to fix"
                     + (f" in {printable(self.deck_path)}" if self.deck_path else "") + ".")
        return "\n".join(lines)


def closest(word: str, options: Iterable[str]) -> str | None:
    """The option `word` most likely meant (a slip of the keyboard or of case), or None."""
    opts = [o for o in options if isinstance(o, str)]
    match = difflib.get_close_matches(word, opts, n=1, cutoff=0.6)
    if not match and word.lower() in {o.lower() for o in opts}:
        match = [o for o in opts if o.lower() == word.lower()]
    return match[0] if match else None


def did_you_mean(word: str, options: Iterable[str]) -> str:
    """' Did you mean `x`?' when a close option exists, else ''."""
    match = closest(word, options)
    return f"Did you mean `{match}`?" if match else ""


def list_words(words: Iterable[str], limit: int = 12) -> str:
    ws = [f"`{w}`" for w in words]
    if len(ws) > limit:
        ws = ws[:limit] + ["..."]
    return ", ".join(ws) if ws else "(none)"


_WINDOWS_SPECIAL = re.compile(r"[\s&|<>^()%!'\",;=`$]")


def shell_word(text: str, windows: bool | None = None) -> str:
    """`text` (a folder name) as it must be typed in a command that works when pasted: in
    single quotes for a Mac or Linux shell when needed, in double quotes on Windows."""
    if windows if windows is not None else os.name == "nt":
        return f'"{text}"' if _WINDOWS_SPECIAL.search(text) or not text else text
    return shlex.quote(text)

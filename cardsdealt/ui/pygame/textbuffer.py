"""The text of a multi-line box and its cursor, without pygame: easy to test, and the one
place typed words live until they are saved (the app hands them to `on_quit` if the window
closes first)."""

from __future__ import annotations

from dataclasses import dataclass

MAX_CHARS = 20_000  # a reflection, not a novel; keeps wrapping fast


class TextBuffer:
    """The text and the cursor; `anchor` is the other end of a selection (None: nothing is
    selected). Only Ctrl+A selects (all of it): typing then replaces it, Backspace or
    Delete clear it, and any move of the cursor lets it go."""

    def __init__(self, text: str = "") -> None:
        self.text = text[:MAX_CHARS]
        self.cursor = len(self.text)
        self.anchor: int | None = None

    def select_all(self) -> None:
        self.anchor, self.cursor = 0, len(self.text)

    @property
    def selection(self) -> tuple[int, int] | None:
        """(start, end) of the selected text, or None."""
        if self.anchor is None or self.anchor == self.cursor:
            return None
        return min(self.anchor, self.cursor), max(self.anchor, self.cursor)

    def _drop_selection(self) -> bool:
        """Delete the selected text, if any; True if something was deleted."""
        sel = self.selection
        self.anchor = None
        if sel is None:
            return False
        self.text = self.text[:sel[0]] + self.text[sel[1]:]
        self.cursor = sel[0]
        return True

    def insert(self, s: str) -> None:
        if s:
            self._drop_selection()
        s = s.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
        s = "".join(ch for ch in s if ch == "\n" or ch.isprintable())
        room = MAX_CHARS - len(self.text)
        s = s[:max(0, room)]
        if not s:
            return
        self.text = self.text[:self.cursor] + s + self.text[self.cursor:]
        self.cursor += len(s)

    def backspace(self, word: bool = False) -> None:
        if self._drop_selection() or self.cursor == 0:
            return
        start = self.word_left() if word else self.cursor - 1
        self.text = self.text[:start] + self.text[self.cursor:]
        self.cursor = start

    def delete(self, word: bool = False) -> None:
        if self._drop_selection() or self.cursor >= len(self.text):
            return
        end = self.word_right() if word else self.cursor + 1
        self.text = self.text[:self.cursor] + self.text[end:]

    def left(self, word: bool = False) -> None:
        self.anchor = None
        self.cursor = self.word_left() if word else max(0, self.cursor - 1)

    def right(self, word: bool = False) -> None:
        self.anchor = None
        self.cursor = self.word_right() if word else min(len(self.text), self.cursor + 1)

    def word_left(self) -> int:
        i = self.cursor
        while i > 0 and not self.text[i - 1].isalnum():
            i -= 1
        while i > 0 and self.text[i - 1].isalnum():
            i -= 1
        return i

    def word_right(self) -> int:
        i, n = self.cursor, len(self.text)
        while i < n and not self.text[i].isalnum():
            i += 1
        while i < n and self.text[i].isalnum():
            i += 1
        return i

    def move_to(self, i: int) -> None:
        self.anchor = None
        self.cursor = max(0, min(len(self.text), i))


@dataclass(frozen=True)
class Draft:
    """Typed words not yet saved: the reflection prompt they answer and the text."""

    prompt_id: str | None
    card_id: str | None
    text: str

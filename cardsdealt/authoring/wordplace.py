"""Where in a deck's files a word was written, for advice about that word.

The deck's texts only know their card (or deck.yaml), so `check` would point at a card's
first line, or at deck.yaml:1:1, for a word written lines further on. The word is looked
for in the file instead, from the card's first line on.
"""

from __future__ import annotations

import re
from pathlib import Path

from cardsdealt.deck.model import Deck, Source


class WordFinder:
    """Where a word was written: the text it came from only knows its card (or deck.yaml),
    so the word is looked for in the file, from the card's first line on, and each later
    finding of the same word starts after the one before."""

    def __init__(self, deck: Deck) -> None:
        self.root = Path(deck.root)
        self.texts: dict[str, list[str] | None] = {}
        self.after: dict[tuple[str, str], tuple[int, int]] = {}

    def _lines(self, rel: str) -> list[str] | None:
        if rel not in self.texts:
            try:
                self.texts[rel] = (self.root / rel).read_text(encoding="utf-8-sig").split("\n")
            except (OSError, UnicodeDecodeError):
                self.texts[rel] = None
        return self.texts[rel]

    def word(self, src: Source | None, word: str) -> Source | None:
        rel = src.file if src else "deck.yaml"
        lines = self._lines(rel)
        if not lines:
            return src
        key = (rel, word.lower())
        line, col = max(((src.line - 1 if src else 0), 0), self.after.get(key, (0, 0)))
        pat = re.compile(r"\b" + re.escape(word) + r"\b", re.IGNORECASE)
        for n in range(line, len(lines)):
            text = lines[n]
            if text.lstrip().startswith("#"):
                continue
            m = pat.search(text, col if n == line else 0)
            if m:
                self.after[key] = (n, m.end())
                return Source(rel, n + 1, m.start() + 1)
        return src

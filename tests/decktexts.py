"""The shipped decks' words, for the content tests (tests/test_content.py for every deck,
tests/test_deck2_reach.py for Riley's Journey): every text a player, reader or facilitator
sees, with where it is, and the search for words young people ask us not to use."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from cardsdealt.authoring.lint import PROPER_NAMES
from cardsdealt.deck.model import Deck


def deck_texts(deck: Deck) -> Iterator[tuple[str, str]]:
    """(where, text) for everything a player, reader or facilitator sees."""
    yield "title", deck.title
    yield "introduction", deck.introduction
    for note in deck.content_notes:
        yield "content note", note
    for s in deck.support:
        yield f"support {s.name}", f"{s.name} {s.detail}"
    for st in deck.stats:
        yield f"stat {st.id}", f"{st.label} {st.description}"
    for stage in deck.stages:
        yield f"stage {stage.id}", stage.title
    for c in deck.cards:
        for name in ("title", "statement", "text", "discuss", "voice", "facilitator_notes"):
            yield f"{c.id}.{name}", getattr(c, name)
        for i, ch in enumerate(c.choices, 1):
            yield f"{c.id} choice {i}", " ".join((ch.label, ch.response, ch.reflect))
    for r in deck.reflections:
        yield f"reflection {r.id}", r.prompt
    for e in deck.endings:
        yield f"ending {e.id}", f"{e.title} {e.text}"


def avoid_pattern(words: Iterable[str]) -> re.Pattern:
    """The words as whole words, any case, a space or hyphen inside one matching either
    ("looked after" finds "looked-after")."""
    return re.compile(r"\b(" + "|".join(
        re.escape(w).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]+")
        for w in sorted(words, key=len, reverse=True)) + r")\b", re.IGNORECASE)


def words_to_avoid(deck: Deck, pattern: re.Pattern) -> list[tuple[str, str]]:
    """(where, word) for each use in the deck; the names of laws and guidance (which may hold
    such a word, e.g. the Care Leavers (England) Regulations) are left out."""
    return [(where, m.group(0)) for where, text in deck_texts(deck) if text
            for m in pattern.finditer(PROPER_NAMES.sub(lambda n: " " * len(n.group(0)), text))]

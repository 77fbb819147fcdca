"""How hard a journey deck's words are to read, stage by stage (`cardsdealt simulate`).

The child's own words on each stage's cards (the card text and every response) are measured
with the Flesch-Kincaid grade from textstat (installed with the test extra: the main program
does not need it). Syllables are counted with pyphen, textstat's own offline fallback, so the
figures are the same on every machine and never need a download (textstat would otherwise
fetch NLTK's CMU dictionary on first use).
"""

from __future__ import annotations

import contextlib
from unittest import mock

from cardsdealt.deck.model import Deck


def offline_syllables():
    """A context in which textstat counts syllables with pyphen, never downloading."""
    try:
        from textstat.backend.counts import _count_syllables
    except ImportError:  # textstat before 0.7.4 counts with pyphen only
        return contextlib.nullcontext()
    return mock.patch.object(_count_syllables, "get_cmudict", lambda lang: None)


def child_words(deck: Deck, stage: str) -> str:
    parts = []
    for c in deck.cards_in_stage(stage):
        parts.append(c.words)
        parts += [ch.response for ch in c.choices if ch.response]
    return " ".join(p.strip() for p in parts if p.strip())


def stage_grades(deck: Deck) -> dict[str, float] | None:
    """Stage id -> Flesch-Kincaid grade of the child's words there; None without textstat."""
    try:
        import textstat
    except ImportError:
        return None
    out = {}
    with offline_syllables():
        for s in deck.stages:
            words = child_words(deck, s.id)
            if words:
                out[s.id] = round(float(textstat.flesch_kincaid_grade(words)), 1)
    return out

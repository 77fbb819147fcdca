"""The shipped decks as content: they load cleanly, read at about age 12, use the words young
people ask for, and every card and ending can actually come up in play.

Readability figures are printed (run `pytest tests/test_content.py -s` to see them).
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path
from statistics import mean
from unittest import mock

import pytest
from decktexts import avoid_pattern, words_to_avoid

from cardsdealt.deck import check_deck, load_deck

DECKS = Path(__file__).resolve().parent.parent / "decks"
SHIPPED = sorted(p.parent for p in DECKS.glob("*/deck.yaml"))
IDS = [p.name for p in SHIPPED]

# About age 12: Flesch-Kincaid grade 7 on average, no card above grade 9, and a Flesch
# reading ease of 70 or more on average ("fairly easy": what 12 to 13 year olds read well).
FK_MEAN_MAX = 7.0
FK_CARD_MAX = 9.0
FRE_MEAN_MIN = 70.0

# Words young people ask professionals not to use (deck-format.md, "language that cares").
# The check's own list (cardsdealt.authoring.lint) is added when it is there.
AVOID = {
    "contact": "family time",
    "placement": "home",
    "placements": "homes",
    "lac": "children in care",
    "looked after child": "child in care",
    "looked after children": "children in care",
    "absconded": "went missing",
    "absconding": "going missing",
    "respite": "short break",
}

# Advice a teaching deck may keep on purpose; every other shipped deck passes `check --strict`.
# the example deck's pictures are 400x300 (smaller than `check` asks): the window's golden
# images are drawn from them, so they stay as they are
ADVICE_ALLOWED = {"example": ("has no picture", "is small (400x300)")}


def _avoid_words() -> dict[str, str]:
    words = dict(AVOID)
    with contextlib.suppress(ImportError):
        from cardsdealt.authoring.lint import LANGUAGE_THAT_CARES

        words.update(LANGUAGE_THAT_CARES)
    return words


def _offline_syllables():
    """textstat looks words up in NLTK's CMU dictionary and downloads it on first use. Tests
    never touch the network, so syllables are counted with pyphen (textstat's own fallback)
    on every machine: the same figures here and in CI."""
    try:
        from textstat.backend.counts import _count_syllables
    except ImportError:  # textstat before 0.7.4 counts with pyphen only
        return contextlib.nullcontext()
    return mock.patch.object(_count_syllables, "get_cmudict", lambda lang: None)


@pytest.mark.parametrize("root", SHIPPED, ids=IDS)
def test_deck_loads_with_no_problems(root):
    from cardsdealt.authoring.lint import advise as advice

    deck, problems = check_deck(root)
    assert deck is not None and not problems, "\n".join(p.format() for p in problems)
    allowed = ADVICE_ALLOWED.get(root.name, ())
    left = [p for p in advice(deck) if not any(a in p.format() for a in allowed)]
    assert not left, "\n".join(p.format() for p in left)


@pytest.mark.parametrize("root", SHIPPED, ids=IDS)
def test_card_words_read_at_about_age_12(root):
    textstat = pytest.importorskip("textstat")
    deck = load_deck(root)
    with _offline_syllables():
        grades = {c.id: textstat.flesch_kincaid_grade(c.words) for c in deck.cards if c.words}
        ease = [textstat.flesch_reading_ease(c.words) for c in deck.cards if c.words]
    hardest = max(grades, key=grades.get)
    print(f"\n{root.name}: {len(grades)} cards, Flesch-Kincaid grade mean "
          f"{mean(grades.values()):.1f} (hardest {grades[hardest]:.1f}: {hardest}), "
          f"Flesch reading ease mean {mean(ease):.1f}")
    assert mean(grades.values()) <= FK_MEAN_MAX
    too_hard = {k: round(v, 1) for k, v in grades.items() if v > FK_CARD_MAX}
    assert not too_hard, f"cards above grade {FK_CARD_MAX}: {too_hard}"
    assert mean(ease) >= FRE_MEAN_MIN


@pytest.mark.parametrize("root", SHIPPED, ids=IDS)
def test_no_card_uses_words_young_people_ask_us_to_avoid(root):
    words = _avoid_words()
    found = [f"{where}: {word!r} (say: {words.get(word.lower(), '?')})"
             for where, word in words_to_avoid(load_deck(root), avoid_pattern(words))]
    assert not found, "\n".join(found)


def test_the_avoid_pattern_catches_the_words_and_spares_their_neighbours():
    words = _avoid_words()
    pattern = re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\b", re.I)
    assert pattern.search("We had Contact on Saturday")
    assert pattern.search("her placement ended")
    assert not pattern.search("contactless card, a lace, a palace")


# --- the two original decks of issue 5 ---------------------------------------------------

CLASSIC = DECKS / "cards-youre-dealt"
JOURNEY = DECKS / "kais-journey"


def test_classic_deck_is_a_full_table_deck():
    deck = load_deck(CLASSIC)
    assert deck.modes == ("classic",) and len(deck.cards) == 48
    themes = deck.classic.themes
    pairs = {(c.theme, c.number) for c in deck.cards}
    assert len(pairs) == 48 and {t for t, _ in pairs} == set(themes)
    for c in deck.cards:
        assert len(c.statement.split()) <= 25, c.id
        assert c.discuss and c.voice and c.image, c.id
        assert sum(t.startswith("bright-spots:") for t in c.tags) == 1, c.id
        assert 1 <= sum(t.startswith("pcf:") for t in c.tags) <= 2, c.id
    names = " ".join(s.name for s in deck.support)
    assert "Childline" in names and "Samaritans" in names


def test_journey_deck_has_the_shape_of_a_journey():
    deck = load_deck(JOURNEY)
    assert deck.modes == ("journey",)
    assert len(deck.stages) >= 5 and len(deck.cards) >= 40
    assert len(deck.reflections) >= 10
    assert len(deck.endings) >= 4 and deck.endings[-1].when is None
    assert sum(1 for c in deck.cards if c.requires) >= 5
    assert sum(1 for c in deck.cards for ch in c.choices if ch.next) >= 3
    for c in deck.cards:
        assert 2 <= len(c.choices) <= 4, c.id
        for ch in c.choices:
            assert ch.effects and ch.response, (c.id, ch.label)
    for s in deck.stats:
        assert 2 <= s.start <= 3 and (s.min, s.max) == (0, 5), s.id


def test_every_journey_card_reflection_and_ending_comes_up_in_random_play():
    simulate = pytest.importorskip("cardsdealt.engine.simulate").simulate
    deck = load_deck(JOURNEY)
    report = simulate(deck, games=1500, seed=7, mode="journey")
    assert report.never_reached == [] and report.reflections_never_raised == []
    assert report.unfinished == 0
    for e in deck.endings:  # every ending earned in at least 3% of random journeys
        assert report.endings.get(e.id, 0) >= 0.03 * report.games, (e.id, report.endings)
    dealt = report.steps / report.games
    # the statutory moments (first review, PEP, pathway plan...) are dealt in every game
    assert 12 <= dealt <= 21, f"{dealt:.1f} cards a game"


def test_every_classic_card_gets_played():
    simulate = pytest.importorskip("cardsdealt.engine.simulate").simulate
    report = simulate(load_deck(CLASSIC), games=300, seed=7, mode="classic")
    assert report.never_reached == [] and report.stuck == 0


def test_the_words_searched_are_every_text_a_card_shows():
    """The content tests read every plain text field of a card (tests/decktexts.py): a field
    added to `Card` is searched too, or this says which one is missed."""
    from dataclasses import fields

    from decktexts import deck_texts

    from cardsdealt.deck.model import Card

    deck = load_deck(DECKS / "example")
    read = {where.split(".", 1)[1] for where, _text in deck_texts(deck) if "." in where}
    shown = {f.name for f in fields(Card) if f.type == "str"} - {"id"}
    assert shown <= read, shown - read
    kinds = {where.split(" ")[0] for where, _text in deck_texts(deck) if " " in where}
    assert {"stat", "stage", "support", "reflection", "ending", "content"} <= kinds

"""Riley's Journey, the second journey deck: random play reaches all of it, its numbers never
make good practice look costly, and its words are the ones young people ask for, said by the
people who actually wrote them.

The deck is written by the project's contributors: nothing in it may speak as young people's
own testimony, and every facilitator note names the English guidance the card rests on.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from decktexts import avoid_pattern, deck_texts, words_to_avoid

from cardsdealt.authoring.lint import LANGUAGE_THAT_CARES
from cardsdealt.deck import load_deck
from cardsdealt.engine.simulate import simulate

DECK = Path(__file__).resolve().parent.parent / "decks" / "rileys-journey"
GAMES = 2000

# Words young people ask professionals not to use: the check's own list, and the ones the
# brief names, including the long forms and the hyphenated spellings.
AVOID = set(LANGUAGE_THAT_CARES) | {
    "contact", "placement", "placements", "lac", "cla", "looked after", "looked-after",
    "absconded", "absconding", "abscond", "respite", "unit", "sibling", "siblings",
    "service user", "challenging behaviour", "attention seeking",
}

# Wording that would borrow young people's voice: the deck is not their testimony.
BORROWED_VOICE = (
    "happened to us", "we know, because", "we know because", "as care-experienced young people",
    "young people's own", "in our own words", "written by young people", "designed by care",
)

# Names of English law and statutory guidance a facilitator note may rest on.
GUIDANCE = re.compile(
    r"Children Act 1989|Regulations? 20\d\d|regulations 20\d\d|Quality Standards|IRO Handbook|"
    r"PACE 1984|Code of Practice|Working Together to Safeguard Children 2023|statutory guidance|"
    r"Children and Social Work Act 2017|Crime and Disorder Act 1998|national protocol|"
    r"Care of unaccompanied migrant children|Family Procedure Rules 2010|Getting the Best from "
    r"Complaints|Staying Put guidance|National Standards")

SUPPORT_LINES = {"Become": "0800 023 2033", "Always Heard": "0808 800 5792",
                 "Fosterline": "0800 040 7675", "Samaritans": "116 123", "Childline": "0800 1111"}


@pytest.fixture(scope="module")
def deck():
    return load_deck(DECK)


@pytest.fixture(scope="module")
def report(deck):
    return simulate(deck, games=GAMES, seed=1, mode="journey")


def test_the_deck_is_a_full_journey_written_by_the_contributors(deck):
    assert deck.modes == ("journey",)
    assert len(deck.cards) >= 30 and len(deck.stages) >= 5
    assert len(deck.endings) >= 2 and deck.endings[-1].when is None
    assert deck.authors == ("The cardsdealt contributors",)
    assert deck.content_notes and "made up" in deck.introduction
    assert "never type a real child's name" in deck.introduction
    for c in deck.cards:
        assert c.image and (DECK / c.image).is_file(), c.id
        assert 2 <= len(c.choices) <= 4, c.id
        for ch in c.choices:
            assert ch.response and (ch.effects or ch.set_flags or ch.next), (c.id, ch.label)


def test_random_play_reaches_every_card_reflection_and_ending(deck, report):
    assert report.games == GAMES and report.unfinished == 0
    assert report.never_reached == []
    assert report.reflections_never_raised == []
    assert report.stages_never_finished == []
    assert {c.id for c in deck.cards} <= set(report.card_counts)
    for e in deck.endings:  # every ending is earned in at least 3% of random journeys
        assert report.endings.get(e.id, 0) >= 0.03 * GAMES, (e.id, report.endings)
    dealt = report.steps / report.games
    assert 14 <= dealt <= 20, f"{dealt:.1f} cards a game"


def test_good_practice_is_never_punished_by_the_meters(deck):
    """A choice that makes Riley feel heard never lowers another of her feelings."""
    costly = [(c.id, ch.label) for c in deck.cards for ch in c.choices
              if ch.effects.get("heard", 0) > 0 and any(v < 0 for v in ch.effects.values())]
    assert not costly, costly


def _final_stats(deck, pick, games=500):
    """Average feelings at the end of `games` journeys played with `pick(choices, rng)`."""
    import random

    from cardsdealt.engine.game import Game

    total = {s.id: 0 for s in deck.stats}
    for seed in range(games):
        game, rng = Game.new(deck, "journey", seed), random.Random(seed)
        while not game.state.finished:
            if game.state.pending() is not None:
                game.reflect(None)
            else:
                game.choose(pick(game.choices, rng))
        for k, v in game.state.stats.items():
            total[k] += v
    return {k: v / games for k, v in total.items()}


def test_listening_ends_higher_on_every_feeling_than_random_play(deck):
    def listen(choices, rng):
        heard = [i for i, c in enumerate(choices) if c.effects.get("heard", 0) > 0]
        return rng.choice(heard) if heard else max(
            range(len(choices)), key=lambda i: sum(choices[i].effects.values()))

    listening = _final_stats(deck, listen)
    random_play = _final_stats(deck, lambda choices, rng: rng.randrange(len(choices)))
    for stat in listening:
        assert listening[stat] > random_play[stat], (stat, listening, random_play)


def test_no_text_uses_words_young_people_ask_us_to_avoid(deck):
    found = words_to_avoid(deck, avoid_pattern(AVOID))
    assert not found, "\n".join(f"{where}: {word!r}" for where, word in found)


def test_the_avoid_pattern_would_catch_the_words():
    pattern = avoid_pattern(AVOID)
    for bad in ("family contact", "her placement", "a looked-after child", "LAC review",
                "he absconded", "the residential unit", "her siblings"):
        assert pattern.search(bad), bad
    assert not pattern.search("contactless, community, a lace, Lacey")


def test_nothing_speaks_as_young_peoples_own_testimony(deck):
    borrowed = [(where, phrase) for where, text in deck_texts(deck) if text
                for phrase in BORROWED_VOICE if phrase in text.lower()]
    assert not borrowed, borrowed
    for c in deck.cards:  # the voice is what Riley might say: one person, never "we"
        assert not re.search(r"\b(we|us|our)\b", c.voice, re.IGNORECASE), (c.id, c.voice)


def test_every_facilitator_note_names_the_guidance_it_rests_on(deck):
    missing = [c.id for c in deck.cards if not GUIDANCE.search(c.facilitator_notes)]
    assert not missing, missing


def test_tags_use_the_four_bright_spots_areas_and_pcf(deck):
    areas = {"relationships", "rights-and-voice", "resilience", "recovery"}
    tagged = [*((c.id, c.tags) for c in deck.cards), *((r.id, r.tags) for r in deck.reflections)]
    for where, tags in tagged:
        spots = [t.split(":", 1)[1] for t in tags if t.startswith("bright-spots:")]
        assert len(spots) == 1 and spots[0] in areas, (where, tags)
        assert any(t.startswith("pcf:") for t in tags), (where, tags)


def test_support_lines_for_adults_and_young_people(deck):
    text = " ".join(f"{s.name} {s.detail}" for s in deck.support)
    for name, number in SUPPORT_LINES.items():
        assert name in text and number in text, name

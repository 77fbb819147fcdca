"""Issue 20, item 14: big and hostile decks are checked in bounded time and memory.

Reproductions: a 16 MB flow list (21.8 s, 2.3 GB), `check` of a 10,000-card deck (15.8-18.9 s,
mostly random journeys dealing from every card), 100,000 errors (16 s, all printed). Timing
goals live in bench/bench_check_big.py; these tests pin the bounds that make them hold."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from cardsdealt.authoring import check as check_mod
from cardsdealt.authoring import lint, reach
from cardsdealt.authoring.check import run_check
from cardsdealt.deck import load_deck, yamlsource

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from bench_deck_load import make_deck  # noqa: E402

EXAMPLE = Path(__file__).resolve().parents[2] / "decks" / "example"


def test_a_flow_list_with_too_many_items_is_refused_early(deck_copy, monkeypatch):
    monkeypatch.setattr(yamlsource, "MAX_NODES", 5_000)
    deck_copy.write("cards/flow.yaml", "- id: x\n  tags: [" + "a," * 20_000 + "a]\n")
    p = deck_copy.only_problem("too many")
    assert p.file == "cards/flow.yaml"


def test_a_16_mb_flow_list_is_stopped_at_its_first_items(deck_copy, monkeypatch):
    monkeypatch.setattr(yamlsource, "MAX_LIST_ITEMS", 1_000)
    deck_copy.write("cards/flow.yaml", "- id: x\n  tags:\n    [" + "1," * 50_000 + "1]\n")
    p = deck_copy.only_problem("this list has too many items")
    assert (p.file, p.line, p.column) == ("cards/flow.yaml", 3, 5)


def test_the_shipped_size_limit_fits_the_largest_deck_allowed():
    # 20,000 cards of the benchmark's shape (about 40 values each) must fit under the bound
    assert yamlsource.MAX_NODES >= 20_000 * 45
    assert yamlsource.MAX_LIST_ITEMS >= 20_000


def test_printed_problems_are_capped_with_a_count(deck_copy, monkeypatch):
    monkeypatch.setattr(check_mod, "MAX_PRINTED", 5)
    deck_copy.write("cards/bad.yaml", "".join(f"- id: bad{i}\n  title: x\n  stage: nowhere\n"
                                              for i in range(40)))
    out = io.StringIO()
    assert run_check([deck_copy.root], strict=False, out=out) == 1
    text = out.getvalue()
    assert text.count("error:") == 5
    assert "more problems" in text and "problems to fix" in text


def test_big_deck_reachability_is_summarised_not_listed(tmp_path, monkeypatch):
    monkeypatch.setattr(reach, "REACH_WORK", 10_000)  # a 600-card deck stands in for 10,000
    deck = load_deck(make_deck(tmp_path / "big", 600))
    advice = [p for p in lint.advise(deck) if "dealt" in p.message]
    # 600 cards dealt a few at a time: random journeys cannot tell which can never come up
    assert 0 < len(advice) <= len(deck.stages)
    assert any("simulate" in p.hint for p in advice)


def test_random_journeys_are_bounded_on_big_decks(tmp_path, monkeypatch):
    games = []
    real = reach.simulate

    def spy(deck, games_=None, **kw):
        games.append(kw.get("games", games_))
        return real(deck, **kw)

    monkeypatch.setattr(reach, "simulate", lambda deck, **kw: spy(deck, **kw))
    monkeypatch.setattr(reach, "REACH_WORK", 20_000)  # a 1,000-card deck stands in for 10,000
    deck = load_deck(make_deck(tmp_path / "big", 1_000))
    lint.advise(deck)
    assert games and games[0] * len(deck.cards) <= reach.REACH_WORK


@pytest.mark.parametrize("word", [1, 5, 9, 12, 24, 40])
def test_short_cards_are_not_measured_one_by_one_but_still_fit(word):
    """The shortcut is safe: the widest letters, in words of any length, at the shortcut's
    limits, fit at 1920x1080 as the real layout measures them (4 choices, both card kinds)."""
    import dataclasses

    import pygame

    from cardsdealt.render.fits import card_fit_problems

    pygame.font.init()
    deck = load_deck(EXAMPLE)

    def w(n: int) -> str:
        return (("W" * word + " ") * 200)[:n]

    j, c = deck.card("first-night"), deck.card("my-brother")
    choices = tuple(dataclasses.replace(x, label=w(lint.SHORT_LABEL),
                                        response=w(lint.SHORT_RESPONSE)) for x in j.choices)
    widest = [
        dataclasses.replace(j, title="W" * lint.SHORT_TITLE, text=w(lint.SHORT_WORDS),
                            choices=choices * 2, discuss=w(lint.SHORT_RESPONSE),
                            voice=w(lint.SHORT_RESPONSE)),
        dataclasses.replace(c, title="W" * lint.SHORT_CLASSIC_TITLE,
                            statement=w(lint.SHORT_STATEMENT), discuss=w(lint.SHORT_RESPONSE),
                            voice=w(lint.SHORT_RESPONSE)),
    ]
    for card in widest:
        assert lint.surely_fits(card)
        assert card_fit_problems(deck, card, (1920, 1080)) == []
    assert not lint.surely_fits(dataclasses.replace(c, statement=w(lint.SHORT_STATEMENT + 1)))

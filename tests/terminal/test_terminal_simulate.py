"""`cardsdealt simulate` output: words for authors, JSON for tools, progress only on a TTY."""

from __future__ import annotations

import io
import json
import re

import pytest
from deckfactory import card, choice, classic_deck, cond, journey_deck

from cardsdealt.deck.model import Stage
from cardsdealt.ui.terminal import progress as progress_mod
from cardsdealt.ui.terminal.simulate import run_simulate


class TTY(io.StringIO):
    def isatty(self):
        return True


def deck_with_unreachable_card():
    stages = (Stage("one", "One", draws=2),)
    return journey_deck(stages=stages, reflections=(), cards=(
        card("a", "one", choice("up", {"trust": 1}), choice("down", {"trust": -1})),
        card("b", "one"),
        card("locked-away", "one", requires=cond("trust >= 6", stages=stages))))


def test_text_report():
    out, err = io.StringIO(), io.StringIO()
    assert run_simulate(deck_with_unreachable_card(), 100, 1, None, False, out, err) == 0
    text = out.getvalue()
    assert "100 random journey games (seed 1)" in text
    assert "Cards never reached (1):\n  locked-away" in text
    assert re.search(r"Endings reached:\n  Hopeful: \d+ games \(\d+%\)\n  Still going: ", text)
    assert "Trust in adults: " in text
    assert err.getvalue() == ""


def test_json_report():
    out = io.StringIO()
    run_simulate(journey_deck(), 50, 3, "journey", True, out, io.StringIO())
    data = json.loads(out.getvalue())
    assert data["games"] == 50 and data["seed"] == 3 and data["never_reached"] == []
    assert abs(sum(data["ending_shares"].values()) - 1) < 1e-9


def test_classic_report():
    out = io.StringIO()
    run_simulate(classic_deck(), 20, 1, None, False, out, io.StringIO())
    assert "Player 1 finished first in" in out.getvalue()


def test_progress_only_on_a_tty(monkeypatch):
    ticks = iter(range(10**6))
    monkeypatch.setattr(progress_mod.time, "perf_counter", lambda: next(ticks))
    err = TTY()
    run_simulate(journey_deck(), 200, 1, None, False, io.StringIO(), err)
    assert "\rSimulating: 200 of 200 games" in err.getvalue()
    plain_err = io.StringIO()
    run_simulate(journey_deck(), 200, 1, None, False, io.StringIO(), plain_err)
    assert plain_err.getvalue() == ""


@pytest.mark.parametrize("bad", [dict(games=0), dict(mode="classic")])
def test_bad_requests(bad):
    kw = dict(games=10, seed=1, mode=None, as_json=False)
    kw.update(bad)
    err = io.StringIO()
    assert run_simulate(journey_deck(), out=io.StringIO(), err=err, **kw) == 2
    assert err.getvalue()

"""Fixtures for engine tests.

`make` is parametrised: every test that builds its games with it runs twice, once on the live
game and once on a game that is saved to JSON text and opened again before *every* property
read or action. So every rule is also checked to survive a save/resume exactly.
"""

from __future__ import annotations

import json

import pytest
from deckfactory import classic_deck, journey_deck

from cardsdealt.engine import Game


class RoundTrip:
    """Looks like a Game; before each attribute access the game goes through JSON text."""

    _PASS = {"deck", "start_events"}

    def __init__(self, game: Game) -> None:
        self.__dict__["_game"] = game

    def __getattr__(self, name):
        game = self.__dict__["_game"]
        if name in self._PASS:
            return getattr(game, name)
        if callable(getattr(type(game), name, None)):  # a method: round trip when called
            return lambda *a, **kw: getattr(self._fresh(), name)(*a, **kw)
        return getattr(self._fresh(), name)

    def _fresh(self) -> Game:
        game = self.__dict__["_game"]
        text = json.dumps(game.to_json())
        again = Game.from_json(game.deck, json.loads(text))
        assert again.load_warnings == []
        assert json.dumps(again.to_json()) == text, "a JSON round trip changed the game"
        again.start_events = game.start_events
        self.__dict__["_game"] = again
        return again


@pytest.fixture(params=["live", "json"])
def make(request):
    """make(deck, **Game.new kwargs) -> a Game (or a RoundTrip that behaves as one)."""

    def factory(deck, **kw):
        game = Game.new(deck, **kw)
        return game if request.param == "live" else RoundTrip(game)

    return factory


@pytest.fixture
def jdeck():
    return journey_deck()


@pytest.fixture
def cdeck():
    return classic_deck()

"""The rules engine: pure Python, no pygame, no file I/O. See /work/notes/engine-api.md.

    game = Game.new(deck, mode="journey", seed=7)
    for event in game.choose(0): ...
"""

from cardsdealt.engine.errors import GameError, SaveError
from cardsdealt.engine.events import EVENT_KINDS, Event, Prompt
from cardsdealt.engine.game import Game
from cardsdealt.engine.saves import SAVE_VERSION

__all__ = ["EVENT_KINDS", "Event", "Game", "GameError", "Prompt", "SAVE_VERSION", "SaveError",
           "Summary"]


def __getattr__(name: str):
    # the summary (and `statistics`) is needed at the end of a game, not before its first card
    if name == "Summary":
        from cardsdealt.engine.summary import Summary

        globals()["Summary"] = Summary
        return Summary
    raise AttributeError(f"module 'cardsdealt.engine' has no attribute {name!r}")

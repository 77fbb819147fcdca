"""The rules engine: pure Python, no pygame, no file I/O (the API: game.py, `Game`).

    game = Game.new(deck, mode="journey", seed=7)
    for event in game.choose(0): ...
"""

from cardsdealt.engine.errors import GameError, SaveError
from cardsdealt.engine.events import EVENT_KINDS, Event, Prompt
from cardsdealt.engine.game import Game
from cardsdealt.engine.saves import SAVE_VERSION
from cardsdealt.lazy import exports

__all__ = ["EVENT_KINDS", "Event", "Game", "GameError", "Prompt", "SAVE_VERSION", "SaveError",
           "Summary"]


# the summary (and `statistics`) is needed at the end of a game, not before its first card
__getattr__, __dir__ = exports(__name__, {"Summary": "summary"})

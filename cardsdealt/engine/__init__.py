"""The rules engine: pure Python, no pygame, no file I/O (the API: game.py, `Game`).

    game = Game.new(deck, mode="journey", seed=7)
    for event in game.choose(0): ...
"""

from cardsdealt.engine.errors import GameError, SaveError
from cardsdealt.engine.events import EVENT_KINDS, Event, Prompt
from cardsdealt.lazy import exports

__all__ = ["EVENT_KINDS", "Event", "Game", "GameError", "Prompt", "SAVE_VERSION", "SaveError",
           "Summary"]


# the summary (and `statistics`) is needed at the end of a game, not before its first card;
# the game itself not before a deck is chosen (the presets and the tally are read first)
__getattr__, __dir__ = exports(__name__, {"Game": "game", "SAVE_VERSION": "saves",
                                          "Summary": "summary"})

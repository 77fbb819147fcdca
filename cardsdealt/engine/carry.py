"""Carrying a game onto an edited deck (the window's live preview, `cardsdealt play --watch`):
the author saves a card file and the game on screen goes on with the new words.

`carry_onto(game, deck)` -> (the game on the new deck, what to tell the author):
- Best: the same actions played again on the new deck (`Game.replay(tolerant=True)`) land on
  the same place (`place`: the same card, turn and question). Then everything on screen comes
  from the new files, effects and questions included.
- When the edit moves the game elsewhere (a card added changes the draws), the game is opened
  as a save on the new deck instead: the same cards by id, the same stats; only words change.
- Failing both (the deck's id or ways of playing changed), the actions are played again as far
  as they still fit, and the author is told how far that was.
"""

from __future__ import annotations

from cardsdealt.deck.model import Deck
from cardsdealt.engine.game import Game


def carry_onto(game: Game, deck: Deck) -> tuple[Game, list[str]]:
    actions = list(game.state.actions)
    replayed = game.replay(actions, deck=deck, tolerant=True)
    kept: Game | None = None
    why = ""
    try:
        kept = Game.from_json(deck, game.to_json())
    except Exception as e:  # noqa: BLE001 - any way the old state fails to fit the new deck
        why = getattr(e, "message", None) or str(e)
    if replayed.replayed == len(actions) and (kept is None or place(replayed) == place(kept)):
        return replayed, []
    if kept is not None:
        return kept, list(kept.load_warnings)
    return replayed, [f"The game could not carry on exactly as it was ({why}), so it was "
                      f"played again from the start with the same choices: "
                      f"{replayed.replayed} of {len(actions)} steps still fit."]


def place(game: Game) -> tuple:
    """Where a game stands, as a player sees it."""
    card = game.current_card
    prompt = game.pending_reflection
    return (game.mode, game.turn, card.id if card else None, prompt.id if prompt else None,
            game.finished, game.player if game.mode == "classic" else 0,
            [[c.id for c in h] for h in game.hands] if game.mode == "classic" else [])

"""Resume a saved session as a live Game: the one call a front end needs to carry on.

(The module is `reopen`, so that `cardsdealt.session.resume` is only ever the function.)

Kept apart from the store so the store works over plain JSON (and its tests need no deck),
while this joins the three parts: the saved document, the deck folder, and the engine.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cardsdealt.session.files import SessionError
from cardsdealt.session.listing import deck_folder
from cardsdealt.session.store import Session, SessionStore


@dataclass
class Resumed:
    session: Session
    game: Any  # cardsdealt.engine.Game
    deck: Any  # cardsdealt.deck.model.Deck
    draft: str = ""  # reflection text that was being typed: put it back in the text box
    messages: list[str] = field(default_factory=list)  # show these before play goes on


def resume(store: SessionStore, session_id: str, deck: Any = None,
           read_only: bool = False) -> Resumed:
    """Open a session and rebuild its game exactly (same card, stats, votes, draft).

    `deck`: the Deck to use; by default the deck folder the session was played from is
    loaded again. Cards the edited deck no longer has are reported in `messages` (the
    engine's load_warnings), never a crash. Raises SessionError with a clear message
    (SessionLockedError when another window has it open: then `read_only`, or a copy).
    """
    session, doc, messages = store.open(session_id, read_only=read_only)
    try:
        return _rebuild(session, doc, messages, deck)
    except BaseException:
        session.close()
        raise


def _rebuild(session: Session, doc: dict, messages: list[str], deck: Any) -> Resumed:
    if deck is None:
        deck = _load_deck(doc)
    from cardsdealt.engine import Game, GameError

    try:
        game = Game.from_json(deck, doc["game"])
    except GameError as e:
        raise SessionError(
            f"The saved game in session {session.id} could not be restored: {e} "
            f"The save is kept unchanged at {session.path}."
        ) from e
    warnings = list(getattr(game, "load_warnings", []) or [])
    if warnings:
        messages.append("The deck has changed since this session was saved:")
        messages.extend(f"  - {w}" for w in warnings)
    return Resumed(session, game, deck, session.draft, messages)


def _load_deck(doc: dict) -> Any:
    from cardsdealt.deck import DeckError, load_deck

    info = doc.get("meta", {}).get("deck", {})
    path = deck_folder(doc.get("meta", {}))
    if path is None or not path.is_dir():
        raise SessionError(
            f"The deck this session was played with ({info.get('title') or info.get('id')}) "
            f"is no longer at {info.get('path') or 'its saved place'}. Put it back, or give "
            "the deck folder when resuming."
        )
    try:
        return load_deck(path)
    except DeckError as e:
        raise SessionError(f"The deck at {path} has a problem, so the session cannot carry "
                           f"on until it is fixed:\n{e.report()}") from e

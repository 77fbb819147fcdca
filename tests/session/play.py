"""Scripted play with the real engine on the small deck, saving after every action."""

from __future__ import annotations

from deckfactory import small_deck as make_deck

from cardsdealt.engine import Game

ANSWERS = [
    "Knowing tonight means sleep instead of fear.\n\nI'd ring ahead so the carers say it first.",
    "# Not a heading, *not italics* — Dŵr, café, naïve, Zoë 😊 <b>raw</b>",
]


def play_journey(store, kind="solo", seed=5, stop_at_prompt=False, deck=None):
    """Play to the end (or to the first reflection prompt); returns (session, game)."""
    deck = deck or make_deck()
    game = Game.new(deck, seed=seed)
    session = store.start(deck, game, kind=kind, preset="team-60" if kind == "group" else None)
    k = 0
    while not game.finished:
        if game.pending_reflection is not None:
            if stop_at_prompt:
                return session, game
            game.reflect(ANSWERS[k % 2])
            k += 1
        else:
            n, card = len(game.choices), game.current_card
            if game.turn == 2:  # a note made while the group talks about the card
                session.add_note(card.id, "They linked it to their first week.",
                                 author="Facilitator")
            # the first choice of "first-night" raises its prompt; the last choices lower
            # trust, so the deck's "low-trust" rule fires too
            i = 0 if card.id == "first-night" else n - 1
            game.choose(i, votes=[(game.turn + j) % 6 for j in range(n)])
        session.save(game)
    return session, game

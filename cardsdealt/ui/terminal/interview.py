"""The interview preset in the terminal (`cardsdealt play --text --preset interview`): the
panel shows a candidate a few cards picked at random (the same cards again with the same
seed, so every candidate can see the same ones) and types private notes on each.

The rules are the engine's (`cardsdealt.engine.interview`): which cards, the place kept with
the session (a resumed interview carries on at the same card), how a note is kept. Each note
is kept with the session as a panel note as soon as Enter is pressed; nothing is typed for
the candidate to see.
"""

from __future__ import annotations

from typing import Any, Callable, TextIO

from cardsdealt.engine import Game
from cardsdealt.engine.interview import panel_note, pick_cards, place_meta, saved_cards
from cardsdealt.engine.presets import INTERVIEW_CARDS
from cardsdealt.ui.terminal import render
from cardsdealt.ui.terminal.wrap import lines_for

KEYS = "Enter alone: next card, b: the card before, q: stop"


def run_interview(game: Game, stdin: TextIO, stdout: TextIO, keeper: Any = None,
                  cards: int = INTERVIEW_CARDS) -> int:
    """Show the cards one by one and keep the panel's notes through `keeper` (a
    session.keeper.SessionKeeper, or None: nothing is kept)."""
    deck = game.deck
    session = getattr(keeper, "session", None)
    saved = saved_cards(deck, session.doc.get("meta") or {}) if session is not None else None
    shown, at = (saved[0], saved[1]) if saved else (pick_cards(deck, game.seed, cards), 0)

    def say(*lines: str) -> None:
        stdout.write(lines_for(stdout, lines))
        stdout.flush()

    keep: Callable[..., None] = keeper.save_meta if session is not None else (lambda **kw: None)
    say(f"{deck.title}: interview panel. {len(shown)} cards, picked with seed {game.seed} "
        "(the same seed shows the next candidate the same cards).",
        "Type a private note on each card and press Enter; it is kept with the session.")
    while 0 <= at < len(shown):
        keep(**place_meta(shown, at))
        card = shown[at]
        say(*render.card_lines(card, at + 1))
        say(f"Card {at + 1} of {len(shown)}. A panel note ({KEYS}):")
        line = stdin.readline()
        answer = line.strip()
        if line == "" or answer.lower() in ("q", "quit"):
            say("", "The interview stops here; the notes typed are kept.")
            break
        if answer.lower() == "b":
            at = max(0, at - 1)
            continue
        if answer and session is not None:
            try:
                session.add_note(card.id, panel_note(answer, False), kind="panel")
                say("Note kept.")
            except Exception as e:  # noqa: BLE001 - a failed save must not lose the words
                say(f"Not saved just now ({e}). Your note was: {answer}")
        at += 1
    else:
        say("", "That was the last card: the interview is over.")
    say(*render.support_lines(deck))
    return 0

"""`cardsdealt play --text` (and the terminal fallback when no window can open): pick and load
the deck (keeping.run_text then keeps the session and plays). Also `load_or_report`, the
commands' one way to load a named deck.
"""

from __future__ import annotations

import sys
from pathlib import Path

from cardsdealt.options import PlayOptions
from cardsdealt.paths import all_decks, resolve_deck


def pick_and_load(args: PlayOptions):
    name = args.deck
    if name is None:
        decks = all_decks()
        if not decks:
            print("No deck given and no shipped decks found.", file=sys.stderr)
            return None
        name = str(_pick_deck_in_terminal(decks))
    return load_or_report(name)


def _pick_deck_in_terminal(decks: list[Path]) -> Path:
    if not sys.stdin.isatty() or len(decks) == 1:
        return decks[0]
    print("Decks:")
    for i, d in enumerate(decks, 1):
        print(f"  {i}. {d.name}")
    while True:
        answer = input("Which deck? (number) ").strip()
        if answer.isdigit() and 1 <= int(answer) <= len(decks):
            return decks[int(answer) - 1]
        print(f"Please type a number from 1 to {len(decks)}.")


def load_or_report(name: str):
    """The deck named (a folder, a deck.yaml or a shipped deck), or None after printing its
    problems (file:line, what is wrong, how to fix it) on stderr."""
    from cardsdealt.deck import DeckError, load_deck

    try:
        return load_deck(resolve_deck(name))
    except DeckError as e:
        print(e.report(), file=sys.stderr)
        return None

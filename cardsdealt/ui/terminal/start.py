"""`cardsdealt play --text` (and the terminal fallback when no window can open): pick and load
the deck, start or resume the session through the session adapter (session/keeper.py), and
play (play.py). Also `load_or_report`, the commands' one way to load a named deck.
"""

from __future__ import annotations

import sys
from pathlib import Path

from cardsdealt.options import PlayOptions
from cardsdealt.paths import resolve_deck, shipped_decks
from cardsdealt.ui.terminal.play import run


def play(args: PlayOptions) -> int:
    """The terminal front end, kept by the session adapter after every step (unless
    --no-save, --autoplay or --json: those are for tests and authors, not for a record)."""
    from cardsdealt.session import SessionError, SessionStore, resume
    from cardsdealt.session.keeper import SessionKeeper

    saving = not (args.no_save or args.autoplay or args.json)
    game = None
    preset = args.preset
    try:
        store = SessionStore() if saving or args.resume else None
        keeper = SessionKeeper(store, on_problem=lambda words: print(f"({words})",
                                                                      file=sys.stderr))
        if args.resume:
            r = resume(store, args.resume)
            for line in r.messages:
                print(line)
            deck, game = r.deck, r.game
            keeper.adopt(r.session)
            preset = preset or (r.session.doc.get("meta") or {}).get("preset")
        else:
            deck = _pick_and_load(args)
            if deck is None:
                return 1
            if saving or preset == "interview":
                from cardsdealt.engine import Game, GameError
                from cardsdealt.engine.presets import play_mode

                try:
                    game = Game.new(deck, mode=play_mode(args.preset, deck, args.mode),
                                    seed=args.seed, players=args.players)
                except GameError as e:
                    print(e.message, file=sys.stderr)
                    return 2
                keeper.start(deck, game, args.preset)  # no store (--no-save): nothing kept
    except SessionError as e:
        print(str(e), file=sys.stderr)
        return 1
    session = keeper.session
    if preset == "interview" and game is not None:
        from cardsdealt.ui.terminal.interview import run_interview

        rc = run_interview(game, sys.stdin, sys.stdout, keeper)
    else:
        rc = run(deck, args, sys.stdin, sys.stdout, game=game,
                 after_action=keeper.saved if session is not None else None)
    if session is not None and game is not None and game.finished:
        from cardsdealt.ui.terminal.closing import closing_after_game

        closing_after_game(keeper.store, session, deck, sys.stdin, sys.stdout)
    if session is not None:
        print(f"Your session is kept as {session.id}. Carry on later with "
              f"`cardsdealt play --text --resume {session.id}`; write your record with "
              f"`cardsdealt export {session.id}`.")
    return rc


def _pick_and_load(args: PlayOptions):
    name = args.deck
    if name is None:
        decks = shipped_decks()
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

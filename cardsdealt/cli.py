"""The `cardsdealt` command: it parses the command line and dispatches, nothing more.
`main(argv=None) -> int`; every subcommand imports lazily so that `cardsdealt check` never
pays for pygame and a broken optional part cannot stop the others. `play` hands typed options
(`options.PlayOptions`) to the window (`ui/pygame/launch.play`) or the terminal
(`ui/terminal/start.play`), which keep the session through one adapter (`session/keeper.py`).
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from pathlib import Path

from cardsdealt import __version__
from cardsdealt.engine import presets
from cardsdealt.options import PlayOptions
from cardsdealt.paths import resolve_deck, shipped_decks
from cardsdealt.session.settings import FONTS, THEMES


def _build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="cardsdealt",
        description="The Cards You're Dealt: see the care system through a child's eyes.",
    )
    ap.add_argument("--version", action="version", version=f"cardsdealt {__version__}")
    sub = ap.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("play", help="play a deck (a window, or the terminal with --text)")
    p.add_argument("deck", nargs="?", help="deck folder or shipped deck name")
    p.add_argument("--text", action="store_true", help="play in the terminal (plain lines)")
    p.add_argument("--autoplay", action="store_true", help="pick random choices (terminal)")
    p.add_argument("--json", action="store_true", help="print events as JSON lines (terminal)")
    p.add_argument("--mode", choices=["journey", "classic"], help="which way to play the deck")
    p.add_argument("--players", type=int, default=None, help="players or teams (classic)")
    p.add_argument("--seed", type=int, default=None, help="replay a game with this seed")
    p.add_argument("--fullscreen", action="store_true", help="start fullscreen (projector)")
    p.add_argument("--size", default=None, help="window size, e.g. 1280x720")
    p.add_argument("--resume", default=None, metavar="SESSION", help="resume a saved session")
    p.add_argument("--no-save", action="store_true", help="do not keep a session record")
    p.add_argument("--watch", action="store_true",
                   help="live preview for authors: the screen follows each save of the deck")
    p.add_argument("--preset", choices=presets.NAMES,
                   help="how the session runs (remembered per deck)")
    p.add_argument("--theme", choices=THEMES)
    p.add_argument("--text-size", type=int, choices=range(1, 6), metavar="1-5",
                   help="text size step, 1 (usual) to 5 (largest)")
    p.add_argument("--font", choices=FONTS)
    p.add_argument("--reduced-motion", action="store_true", default=None,
                   help="no animations")
    p.add_argument("--read-aloud", action="store_true", default=None,
                   help="speak cards and prompts (needs an offline speech engine)")

    p = sub.add_parser("check", help="check decks and say exactly what is wrong")
    p.add_argument("decks", nargs="+", metavar="DECK")
    p.add_argument("--strict", action="store_true", help="treat advice (warnings) as errors")

    p = sub.add_parser("schema", help="write the JSON Schema for deck files (editor support)")
    p.add_argument("-o", "--output", default=None, help="file to write (default: print)")
    p.add_argument("--part", choices=["deck", "cards"], default="deck")

    p = sub.add_parser("simulate", help="play many random games and report reachability")
    p.add_argument("deck")
    p.add_argument("-n", "--games", type=int, default=1000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--mode", choices=["journey", "classic"])
    p.add_argument("--players", type=int, default=None, help="players or teams (classic)")
    p.add_argument("--json", action="store_true", help="print the report as JSON")

    p = sub.add_parser("sessions", help="list or delete saved sessions")
    p.add_argument("action", nargs="?", choices=["list", "delete"], default="list")
    p.add_argument("session", nargs="?")

    p = sub.add_parser("export", help="write a session's record (Markdown and PDF)")
    p.add_argument("session")
    p.add_argument("-o", "--output", default=None,
                   help="folder to write into (default: Documents/cardsdealt, or Settings)")
    p.add_argument("--format", choices=["england", "wales", "scotland", "northern-ireland"],
                   default=None, help="whose registration headings the record uses "
                   "(default: the one chosen in Settings, else Social Work England's)")
    p.add_argument("--open", action="store_true", help="open the folder afterwards")

    p = sub.add_parser("record", help="answer your record's questions for a finished "
                       "session (or add a peer reflection), then write the record")
    p.add_argument("session", nargs="?", default="last")
    p.add_argument("--peer", action="store_true",
                   help="add what came out of talking it through with a colleague")
    p.add_argument("-o", "--output", default=None, help="folder to write the record into")
    p.add_argument("--format", choices=["england", "wales", "scotland", "northern-ireland"],
                   default=None)

    p = sub.add_parser("new", help="make a new deck folder to start from")
    p.add_argument("name", help="folder to create, e.g. decks/our-deck")
    p.add_argument("--mode", choices=["journey", "classic"], default="journey")

    p = sub.add_parser("map", help="draw a journey deck as a map (PNG or SVG)")
    p.add_argument("deck")
    p.add_argument("-o", "--output", default="map.png", help="map.png or map.svg")
    p.add_argument("-n", "--games", type=int, default=500,
                   help="random journeys played to find cards never dealt")

    p = sub.add_parser("print", help="printable cards (PDF: table cards 9 a page, journey 4)")
    p.add_argument("deck")
    p.add_argument("-o", "--output", default="cards.pdf")

    sub.add_parser("decks", help="list the shipped decks")

    # the deck studio (#18): share a deck as one .zip, open one, make or change a deck
    p = sub.add_parser("pack", help="put a deck in one .zip file to share it")
    p.add_argument("deck")
    p.add_argument("-o", "--output", required=True, metavar="FILE.zip")
    p = sub.add_parser("unpack", help="install a shared deck (.zip) into your decks folder")
    p.add_argument("zip", metavar="FILE.zip")
    p = sub.add_parser("studio", help="make or change a deck in the window, no YAML needed")
    p.add_argument("deck", nargs="?", help="deck folder or name (default: a new deck)")
    return ap


def main(argv: list[str] | None = None) -> int:
    parser = _build_parser()
    args = parser.parse_args(argv)
    if args.command is None:  # plain `cardsdealt`: the card table
        args = parser.parse_args(["play"])
    handler = globals()[f"_cmd_{args.command}"]
    try:
        return int(handler(args) or 0)
    except KeyboardInterrupt:
        print("\nStopped.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


def _cmd_check(args: argparse.Namespace) -> int:
    from cardsdealt.authoring.check import run_check

    return run_check([resolve_deck(d) for d in args.decks], strict=args.strict, out=sys.stdout)


def _cmd_schema(args: argparse.Namespace) -> int:
    import json

    from cardsdealt.deck.schema import deck_schema

    text = json.dumps(deck_schema(args.part), indent=2, ensure_ascii=False) + "\n"
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"Wrote {args.output}")
    else:
        sys.stdout.write(text)
    return 0


def _cmd_new(args: argparse.Namespace) -> int:
    from cardsdealt.authoring.new import run_new

    return run_new(args.name, args.mode, sys.stdout)


def _cmd_map(args: argparse.Namespace) -> int:
    deck = _load_or_report(args.deck)
    if deck is None:
        return 1
    from cardsdealt.authoring.journeymap import run_map

    return _with_progress("Playing random journeys", "games",
                          lambda p: run_map(deck, args.output, args.games, sys.stdout, p))


def _cmd_print(args: argparse.Namespace) -> int:
    deck = _load_or_report(args.deck)
    if deck is None:
        return 1
    from cardsdealt.authoring.printcards import run_print

    return _with_progress("Drawing cards", "cards",
                          lambda p: run_print(deck, args.output, sys.stdout, p))


def _with_progress(label: str, unit: str, run) -> int:
    """Run a long command with a progress line on stderr (wiped before its last words)."""
    from cardsdealt.ui.terminal.progress import ProgressLine

    progress = ProgressLine(label, sys.stderr, unit=unit)
    try:
        return run(progress)
    finally:
        progress.close()


def _cmd_decks(args: argparse.Namespace) -> int:
    from cardsdealt.deck import DeckError, load_deck

    for path in shipped_decks():
        try:
            d = load_deck(path)
            print(f"{path.name:24} {d.title} ({', '.join(d.modes)}, {len(d.cards)} cards)")
        except DeckError as e:
            print(f"{path.name:24} (has problems: run `cardsdealt check {path}`) {e.summary()}")
    return 0


def _cmd_pack(args: argparse.Namespace) -> int:
    from cardsdealt.session.share import run_pack

    return run_pack(resolve_deck(args.deck), Path(args.output), out=sys.stdout)


def _cmd_unpack(args: argparse.Namespace) -> int:
    from cardsdealt.session.share import run_unpack

    return run_unpack(Path(args.zip), out=sys.stdout)


def _cmd_studio(args: argparse.Namespace) -> int:
    deck = resolve_deck(args.deck) if args.deck else None
    import importlib

    try:  # the window's studio scenes (ui/pygame/studio): `run(deck: Path | None) -> int`
        run_studio = importlib.import_module("cardsdealt.ui.pygame.studio").run
    except (ImportError, AttributeError):
        print("The studio's window is not part of this version of cardsdealt yet. "
              "`cardsdealt new NAME` makes a deck folder to edit by hand.", file=sys.stderr)
        return 1
    return int(run_studio(deck) or 0)


def _load_or_report(name: str):
    from cardsdealt.ui.terminal.start import load_or_report

    return load_or_report(name)


def _cmd_simulate(args: argparse.Namespace) -> int:
    deck = _load_or_report(args.deck)
    if deck is None:
        return 1
    from cardsdealt.ui.terminal.simulate import run_simulate

    return run_simulate(deck, games=args.games, seed=args.seed, mode=args.mode,
                        as_json=args.json, out=sys.stdout, players=args.players)


def display_available() -> bool:
    """False when there is plainly no display (Linux with neither DISPLAY nor WAYLAND_DISPLAY,
    and no SDL driver chosen). Anything subtler shows as DisplayUnavailable from the window."""
    driver = os.environ.get("SDL_VIDEODRIVER", "")
    if sys.platform.startswith("linux") and not driver:
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            return False
    return True


def _cmd_play(ns: argparse.Namespace) -> int:
    args = PlayOptions.of(ns)  # typed from here on: both front ends read PlayOptions
    if args.text or args.autoplay or args.json:
        return _play_text(args, "You asked for the terminal" if args.watch else "")
    if not display_available():
        return _play_text(args, "No display found", "(Use a desktop session for the card "
                          "table.)")
    from cardsdealt.ui.pygame.launch import DisplayUnavailable, play

    try:
        return play(args)
    except DisplayUnavailable as e:  # pragma: no cover - depends on the machine
        return _play_text(args, f"The window could not open ({e})")


def _cmd_sessions(args: argparse.Namespace) -> int:
    from cardsdealt.session.commands import run_sessions

    return run_sessions(args, sys.stdout)


def _cmd_record(args: argparse.Namespace) -> int:
    from cardsdealt.ui.terminal.closing import run_record

    return run_record(args, sys.stdin, sys.stdout)


def _cmd_export(args: argparse.Namespace) -> int:
    from cardsdealt.session.commands import run_export

    return run_export(args, sys.stdout)


def _play_text(args: PlayOptions, why: str = "", more: str = "") -> int:
    """Play in the terminal; `why` (if the window was not asked for, or could not open) is
    said in one line first. The terminal cannot follow a deck's saves: with `--watch` it says
    so, and, like the window's live preview, keeps no session record."""
    from cardsdealt.ui.terminal.keeping import run_text
    from cardsdealt.ui.terminal.start import pick_and_load

    if args.watch:
        print(f"{why}, and watching a deck as you edit it (--watch) needs the window: the "
              "deck is played in the terminal instead, without following your saves and "
              "without keeping a session record.", file=sys.stderr)
        args = dataclasses.replace(args, no_save=True)
    elif why:
        print(f"{why}, so cardsdealt is starting in the terminal." + (f" {more}" if more else ""),
              file=sys.stderr)
    return run_text(args, pick_and_load)

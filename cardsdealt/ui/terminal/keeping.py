"""`cardsdealt play --text` with its session: start or resume, save after every move, and say
plainly when something cannot be saved (a read-only folder, a full disk, a session open in
another window), while the game goes on. Words that could not be saved are shown at the end,
so nothing typed is lost without the person knowing, and they may be written to a file.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Callable, TextIO

from cardsdealt.engine.presets import session_kind
from cardsdealt.session import (
    ReadOnlyError,
    SessionError,
    SessionLockedError,
    SessionStore,
    resume,
)

CHOICES = ("Type c to carry on in a copy of it (your words are kept in the copy), r to look "
           "at it read-only (nothing is saved), or anything else to stop.")


class TextKeeper:
    """The session of one terminal game, and what could not be saved."""

    def __init__(self, out: TextIO, err: TextIO) -> None:
        self.out, self.err = out, err
        self.store: SessionStore | None = None
        self.session: Any = None
        self.deck: Any = None
        self.retry_start = False  # the first save failed: try to start it at each move
        self.said: set[str] = set()  # problems already told (not repeated at every move)
        self.failed = False
        self.kind, self.preset = "solo", None

    def warn(self, words: str) -> None:
        if words not in self.said:
            self.said.add(words)
            print(f"(Not saved: {words})", file=self.err)

    # -- opening -------------------------------------------------------------------------------
    def open_store(self) -> bool:
        try:
            self.store = SessionStore()
        except SessionError as e:
            print(f"{e} You can still play, but nothing is saved.", file=self.err)
            return False
        return True

    def resume(self, name: str, stdin: TextIO) -> Any:
        """The Resumed game, or None (the reason is said)."""
        assert self.store is not None
        try:
            r = resume(self.store, name)
        except SessionLockedError as e:
            print(str(e), file=self.err)
            print(CHOICES, file=self.out)
            answer = stdin.readline().strip().lower()
            try:
                if answer.startswith("c"):
                    copy = self.store.copy(name)
                    copy.close()
                    r = resume(self.store, copy.id)
                    print(f"Carrying on in a copy, kept as {copy.id}.", file=self.out)
                elif answer.startswith("r"):
                    r = resume(self.store, name, read_only=True)
                    print("Read-only: you can play on, but nothing is saved.", file=self.out)
                else:
                    return None
            except SessionError as e2:
                print(str(e2), file=self.err)
                return None
        except SessionError as e:
            print(str(e), file=self.err)
            return None
        self.session = None if r.session.read_only else r.session
        for line in r.messages:
            print(line, file=self.out)
        return r

    def start(self, deck: Any, game: Any, preset: str | None = None) -> None:
        assert self.store is not None
        self.deck = deck
        if not self.store.writable:
            print(self.store.read_only_message, file=self.err)
            return
        try:
            self.kind = session_kind(preset)
            self.preset = preset
            self.session = self.store.start(deck, game, kind=self.kind, preset=preset)
        except ReadOnlyError as e:
            print(f"{e} You can still play, but nothing is saved.", file=self.err)
        except SessionError as e:
            self.retry_start, self.failed = True, True
            print(f"{e} You can still play.", file=self.err)

    # -- saving --------------------------------------------------------------------------------
    def autosave(self, game: Any, _events: Any) -> None:
        assert self.store is not None
        try:
            if self.session is None and self.retry_start:
                self.session = self.store.start(self.deck, game, kind=self.kind,
                                                preset=self.preset)
                self.retry_start = False
                print("(Saved now: the session is kept from here on.)", file=self.err)
            elif self.session is not None:
                was = self.session.unsaved
                self.session.save(game)
                if was:
                    print("(Saved now: everything so far is kept.)", file=self.err)
                    self.said.clear()
        except SessionError as e:
            self.failed = True
            self.warn(str(e))

    def save_meta(self, **fields: Any) -> None:
        """What the interview needs to carry on as it was (its cards, the one it is on)."""
        if self.session is None:
            return
        try:
            self.session.save_meta(**fields)
        except SessionError as e:
            self.failed = True
            self.warn(str(e))

    @property
    def on(self) -> bool:
        return self.session is not None or self.retry_start

    # -- the end -------------------------------------------------------------------------------
    def finish(self, game: Any, stdin: TextIO) -> None:
        s = self.session
        if s is not None and not s.unsaved:
            print(f"Your session is kept as {s.id}. Carry on later with "
                  f"`cardsdealt play --text --resume {s.id}`; write your record with "
                  f"`cardsdealt export {s.id}`.", file=self.out)
            return
        if not self.failed:
            return
        lost = _unsaved_reflections(game, s)
        print("", file=self.out)
        print("Your latest words could not be saved (the disk is full, or the folder cannot "
              "be written)." + (" Here they are, so you can copy them:" if lost else ""),
              file=self.out)
        for words in lost:
            print(f"  {words}", file=self.out)
        if lost and _interactive(stdin):
            print("To keep them in a file, type a folder to write them to (for example a USB "
                  "stick), or press Enter to leave it.", file=self.out)
            place = stdin.readline().strip()
            if place:
                self._write_elsewhere(Path(place).expanduser(), lost)

    def _write_elsewhere(self, folder: Path, lost: list[str]) -> None:
        from cardsdealt.session.files import write_atomic

        path = folder / "cardsdealt-unsaved-words.txt"
        try:
            write_atomic(path, ("\n\n".join(lost) + "\n").encode("utf-8"))
        except SessionError as e:
            print(str(e), file=self.err)
            return
        print(f"Written to {path}.", file=self.out)


def _interactive(stdin: TextIO) -> bool:
    try:
        return stdin.isatty()
    except (AttributeError, ValueError):
        return False


def _unsaved_reflections(game: Any, session: Any) -> list[str]:
    """Reflections typed in this game that are not in the last save."""
    saved: set[str] = set()
    if session is not None:
        state = ((session.doc.get("game") or {}).get("state") or {})
        saved = {r.get("answer") for r in state.get("reflections", []) if isinstance(r, dict)}
    out = []
    for r in getattr(game.state, "reflections", []):
        text = r.get("answer") if isinstance(r, dict) else None
        if text and text not in saved:
            out.append(text)
    if session is not None and session.draft and session.draft not in out:
        out.extend(w for w in session.unsaved_words() if w not in out)
    return out


def run_text(args: Any, pick_and_load: Callable[[Any], Any], stdin: TextIO | None = None,
             out: TextIO | None = None, err: TextIO | None = None) -> int:
    """The terminal front end, with autosave after every move (unless --no-save, --autoplay
    or --json: those are for tests and authors, not for a record)."""
    stdin = sys.stdin if stdin is None else stdin  # looked up now: tests replace them
    out = sys.stdout if out is None else out
    err = sys.stderr if err is None else err
    from cardsdealt.engine import Game, GameError
    from cardsdealt.engine.presets import play_mode
    from cardsdealt.ui.terminal.play import run as run_terminal
    from cardsdealt.ui.terminal.play import tolerant

    tolerant(stdin)  # before anything is read from it
    keeper = TextKeeper(out, err)
    saving = not (args.no_save or args.autoplay or args.json)
    preset = getattr(args, "preset", None)
    game = None
    if saving or args.resume:
        if not keeper.open_store() and args.resume:
            return 1
    if args.resume:
        r = keeper.resume(args.resume, stdin)
        if r is None:
            return 1
        deck, game = r.deck, r.game
        preset = preset or (r.session.doc.get("meta") or {}).get("preset")
    else:
        deck = pick_and_load(args)
        if deck is None:
            return 1
        if (saving and keeper.store is not None) or preset == "interview":
            try:
                game = Game.new(deck, mode=play_mode(preset, deck, args.mode),
                                seed=args.seed, players=args.players)
            except GameError as e:
                print(e.message, file=err)
                return 2
            if saving and keeper.store is not None:
                keeper.start(deck, game, preset)
    if preset == "interview" and game is not None:
        from cardsdealt.ui.terminal.interview import run_interview

        rc = run_interview(game, stdin, out, keeper)
    else:
        rc = run_terminal(deck, args, stdin, out, game=game,
                          after_action=keeper.autosave if keeper.on else None,
                          resumed=bool(args.resume))
    s = keeper.session
    if s is not None and game is not None and game.finished and not s.unsaved:
        from cardsdealt.ui.terminal.closing import closing_after_game

        closing_after_game(keeper.store, s, deck, stdin, out)
    if game is not None:
        keeper.finish(game, stdin)
    if keeper.session is not None:
        keeper.session.close()
    return rc

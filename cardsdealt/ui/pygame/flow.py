"""The path through the screens: start -> introduction -> play -> (reflections) -> summary.

`Table` knows the decks, the chosen way to play and the game; scenes ask it to move on.
The front end never changes game state itself: it calls the engine's actions, and every
accepted action comes back here (`acted`) to be saved in the session (see saving.py).
Unfinished sessions are offered on the start screen and resumed exactly: the same card,
stats and votes, and the words that were being typed back in the reflection box.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from cardsdealt.engine import presets
from cardsdealt.options import PlayOptions
from cardsdealt.ui.pygame.saving import Keeper

if TYPE_CHECKING:  # the deck package (and YAML) loads after the first screen is up
    from cardsdealt.deck.model import Deck


@dataclass
class DeckEntry:
    """A deck on the start screen: loaded, or with the reason it could not be."""

    path: Path
    deck: Deck | None = None
    problem: str = ""
    given: bool = False  # named on the command line


@dataclass
class ResumeEntry:
    """An unfinished session on the start screen."""

    label: str
    detail: str
    resume: Callable[[], object]  # returns a cardsdealt.session.Resumed (or a bare Game)
    extra: dict = field(default_factory=dict)


RESUME_ROWS = 5  # the most recent unfinished sessions offered; `cardsdealt sessions` has all


def session_entries(store, deck_for: Callable[[str], object] | None = None,
                    limit: int = RESUME_ROWS) -> list[ResumeEntry]:
    """Unfinished sessions, newest first, as start-screen rows (unreadable ones are left to
    `cardsdealt sessions`, which explains them). `deck_for(session_id)` may give a deck
    already loaded for a session (None: `resume` loads it from the session's deck folder)."""
    from cardsdealt.session import resume

    def opener(sid: str):
        return lambda: resume(store, sid, deck=deck_for(sid) if deck_for else None)

    from cardsdealt.session import SessionError

    try:
        infos = store.list()
    except (SessionError, OSError):  # an unreadable folder must not keep the decks away
        return []
    rows = []
    for info in infos:
        if info.finished or info.problem:
            continue
        way = presets.way_words(info.preset, info.mode, info.kind)
        detail = f"Saved {when(info.updated)} · {way} · {info.how_far}"
        rows.append(ResumeEntry(info.deck_title or info.deck_id or info.id, detail,
                                opener(info.id), {"id": info.id}))
        if len(rows) >= limit:
            break
    return rows


def when(iso: str) -> str:
    """"3 March 2025, 14:05" from a saved time (or the text as it is if it is not a time)."""
    from datetime import datetime

    try:
        t = datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        return iso or "at an unknown time"
    return f"{t.day} {t:%B %Y}, {t:%H:%M}"


def load_entries(paths: list[Path], given: Path | None = None) -> list[DeckEntry]:
    """The start screen's decks (as last loaded when their files have not changed)."""
    from cardsdealt.deck.problems import DeckError
    from cardsdealt.session.deckcache import load as load_deck

    out: list[DeckEntry] = []
    seen: set[Path] = set()
    for p, is_given in ([(given, True)] if given else []) + [(q, False) for q in paths]:
        key = Path(p).resolve()
        if key in seen:
            continue
        seen.add(key)
        try:
            out.append(DeckEntry(Path(p), load_deck(p), given=is_given))
        except DeckError as e:
            out.append(DeckEntry(Path(p), None, e.summary() if hasattr(e, "summary")
                                 else str(e), given=is_given))
        except OSError as e:
            out.append(DeckEntry(Path(p), None, str(e), given=is_given))
    return out


def _record_entries(app, store) -> list[ResumeEntry]:
    from cardsdealt.ui.pygame.scenes.records import record_entries

    return record_entries(app, store, ResumeEntry, when)


def _same_folder(a, b) -> bool:
    try:
        return bool(a and b) and Path(a).resolve() == Path(b).resolve()
    except OSError:
        return False


class Table:
    """Owns the deck choice and the game; swaps scenes on the app."""

    def __init__(self, app, args=None, entries: list[DeckEntry] | None = None,
                 unfinished: Callable[[], list[ResumeEntry]] | None = None,
                 store=None) -> None:
        self.app = app
        self.args = args = PlayOptions.of(args)
        app.table = self
        self.seed = args.seed
        self.mode_wanted = args.mode
        self.players_wanted = args.players
        self._entries = entries
        self.store = store
        if unfinished is None and store is not None:
            unfinished = lambda: session_entries(store, self._deck_for)  # noqa: E731
        self.unfinished = unfinished or (lambda: [])
        self.records = (lambda: _record_entries(app, store)) if store is not None \
            else (lambda: [])  # finished sessions whose record has questions left
        self.deck: Deck | None = None
        self.mode: str | None = None
        self.players = 2
        self.game = None
        self.preview = None  # watch.LivePreview with --watch
        self.keeper = Keeper(app, store)
        self.read_only = False  # a resumed session opened read-only: nothing is saved
        self._back: tuple | None = None  # a try-out's way back (try_out), and the store
        if args.preset:
            app.preset = args.preset
        outer = app.on_quit

        def on_quit(draft) -> None:
            self.keeper.quit()
            if outer is not None:
                outer(draft)

        app.on_quit = on_quit

    @property
    def entries_loaded(self) -> bool:
        return self._entries is not None

    @property
    def entries(self) -> list[DeckEntry]:
        if self._entries is None:
            from cardsdealt.paths import all_decks, resolve_deck

            name = self.args.deck
            given = resolve_deck(name) if name else None
            self._entries = load_entries(all_decks(), given)  # shipped, then the person's
        return self._entries

    def add_deck(self, folder: Path) -> DeckEntry:
        """List the deck in `folder` (made or changed in the studio just now), read afresh."""
        entry = load_entries([Path(folder)])[0]
        key = Path(folder).resolve()
        if self._entries is not None:
            self._entries = [e for e in self._entries if Path(e.path).resolve() != key] + [entry]
        return entry

    def open_studio(self, deck: Path | None = None, leave_to_start: bool = True):
        """The deck studio (issue 18), from the start screen or `cardsdealt studio`."""
        from cardsdealt.ui.pygame.studio.entry import open_studio

        return open_studio(self.app, self, deck, leave_to_start)

    def reload_decks(self) -> None:
        """Read the deck folders again next time (a shared deck was just installed)."""
        self._entries = None

    @property
    def trying_out(self) -> bool:
        """A game started by the studio's "Play it now" is on (its end goes back there)."""
        return self._back is not None

    def try_out(self, deck: Deck, back: Callable[[], None]) -> None:
        """The studio's "Play it now": `deck` played as it is, kept as no session and in no
        record (it is a try-out of a deck being made); leaving the game for the start screen
        goes `back` to the studio instead, where it was."""
        self._back = (back, self.keeper.store)
        self.keeper.store = None
        self.choose(deck, deck.modes[0], 2)

    # -- moving on ----------------------------------------------------------------------
    def start(self) -> None:
        from cardsdealt.ui.pygame.scenes.start import StartScene

        if self._back is not None:  # the end of a try-out: sessions are kept again
            back, self.keeper.store = self._back
            self._back = None
            back()
            return

        self.app.show(StartScene(self.app, self))

    def choose(self, deck: Deck, mode: str, players: int = 2) -> None:
        from cardsdealt.ui.pygame.scenes.intro import IntroScene

        self.deck, self.mode, self.players = deck, mode, players
        self.app.show(IntroScene(self.app, self, deck))

    def begin(self) -> None:
        """Deal: a new game with the chosen deck and way to play, kept as a new session."""
        from cardsdealt.engine import Game

        self.read_only = False
        self.game = Game.new(self.deck, mode=self.mode, seed=self.seed, players=self.players)
        self.keeper.start(self.deck, self.game,
                          self.app.preset or presets.default_for(self.mode))
        self.play(self.game)

    def play(self, game, draft: str = "", ask: bool = True, resumed=None):
        """Show `game` where it stands (the play screen of the preset in use); a reflection
        it waits for opens with `draft` in it, unless `ask` is False. `resumed`: the session
        being carried on (an interview puts back its cards, its place and the panel notes)."""
        self.game, self.deck, self.mode = game, game.deck, game.mode
        if game.finished and game.discussing is None:
            self.finish()
            return self.app.top
        scene = scene_for(self.app, self, game, resumed=resumed)
        self.app.show(scene)
        again = getattr(scene, "ask_again", None)
        if ask and again is not None and game.pending_reflection is not None:
            again(draft)
        return scene

    def acted(self, game) -> None:
        """A scene's engine action was accepted: keep it."""
        self.keeper.saved(game)

    # -- sessions -----------------------------------------------------------------------
    def _deck_for(self, session_id: str):
        """The start screen's own copy of a session's deck (same id, same folder), so a deck
        is not loaded twice; None when the session was played from another folder. (Only
        reads: opening for real is `resume`'s job, which moves a damaged save aside and
        says so.)"""
        from cardsdealt.session import savefile

        folder = self.store.folder(session_id)
        doc = savefile.check_file(folder / savefile.MAIN).doc or \
            savefile.check_file(folder / savefile.BACKUP).doc or {}
        info = (doc.get("meta") or {}).get("deck") or {}
        for e in self.entries:
            if e.deck is not None and e.deck.id == info.get("id") \
                    and _same_folder(e.deck.root, info.get("path")):
                return e.deck
        return None

    def carry_on(self, entry: ResumeEntry) -> str:
        """Resume a start-screen row. Returns "" or, if it cannot be resumed, why."""
        from cardsdealt.session import SessionError, SessionLockedError

        try:
            r = entry.resume()
        except SessionLockedError as e:  # open in another window: a copy, or read-only?
            if "id" not in entry.extra:
                return str(e)
            self.offer_locked(entry.extra["id"])
            return ""
        except SessionError as e:
            return str(e)
        if hasattr(r, "session"):
            self.resumed(r)
        else:
            self.play(r)
        return ""

    def offer_locked(self, session_id: str) -> None:
        """The session is open in another window: ask whether to carry on in a copy or to
        look at it read-only (scenes/locked.py)."""
        from cardsdealt.ui.pygame.scenes.locked import LockedChoice

        name = f"The session {session_id}"
        for info in self.store.list():  # named as the start screen names it
            if info.id == session_id and info.deck_title:
                name = f"Your session of {info.deck_title}, saved {when(info.updated)},"
        self.app.push(LockedChoice(self.app, self, session_id, name))

    def open_locked(self, session_id: str, copy: bool) -> str:
        """Carry on a session open elsewhere in a copy of it, or read-only. Returns "" or, if
        it cannot be opened, why."""
        from cardsdealt.session import SessionError, resume

        deck = self._deck_for(session_id)
        try:
            if not copy:
                r = resume(self.store, session_id, deck=deck, read_only=True)
            else:
                new = self.store.copy(session_id)
                try:
                    r = resume(self.store, new.id, deck=deck)
                finally:
                    new.close()  # the resumed session holds the copy's lock now
                r.messages.insert(0, f"You are carrying on in a copy of the session, kept as "
                                     f"{new.id}. The other window keeps the original.")
        except SessionError as e:
            return str(e)
        self.resumed(r)
        return ""

    def resumed(self, r) -> None:
        """Carry on a `cardsdealt.session.Resumed`: its session, game, draft and messages."""
        from cardsdealt.ui.pygame.scenes.message import Message

        self.read_only = r.session.read_only  # open elsewhere, or a folder not writable
        if self.read_only:
            from cardsdealt.ui.pygame.scenes.locked import READ_ONLY_STATUS

            self.keeper.session = None  # nothing is written: no "not saved" at every move
            self.app.set_status(READ_ONLY_STATUS)
        else:
            self.keeper.adopt(r.session)
        # the session runs as it was started (terminal sessions have none: the plain way)
        preset = (r.session.doc.get("meta") or {}).get("preset")
        self.app.preset = preset or presets.default_for(r.game.mode)
        self.deck = r.deck
        self.play(r.game, draft=r.draft or "", resumed=r.session)
        if r.messages:
            self.app.push(Message(self.app, "Before you carry on",
                                  "\n".join(line.strip() for line in r.messages)))

    def save_record(self) -> tuple[str, str, Path | None]:
        """Write the reflective record of this session (the end screen's "Save my record").
        Returns a title, words saying where the files went (or why they could not), and
        the folder (None when nothing was written)."""
        from cardsdealt.ui.pygame.writing import write_record

        session = self.app.session
        if session is None and self.read_only:
            return ("No record to save", "This session is open read-only here, so nothing "
                    "from it is saved. Write its record from the window that has it open.",
                    None)
        if session is None:
            return ("No record to save", "This game is not being kept (it was started with "
                    "--no-save or --watch), so there is no record to write.", None)
        if session.unsaved and self.game is not None:
            self.keeper.saved(self.game)
        folder, words = write_record(self.app, session, self.deck)
        title = "Your record is saved" if folder else "The record could not be saved"
        return title, words, folder

    def restart(self) -> None:
        if self.deck is not None:
            self.begin()

    def finish(self) -> None:
        from cardsdealt.ui.pygame.scenes.summary import SummaryScene

        self.app.show(SummaryScene(self.app, self, self.game))
        from cardsdealt.ui.pygame.scenes.records import offer

        offer(self.app, self, self.game)  # the record's own questions (issue 16)


def scene_for(app, table, game, resumed=None):
    """The play screen for `game` under the current preset (the interview has its own).
    `resumed`: the session being carried on, if any (the interview's cards and place are kept
    in it, beside the game)."""
    if getattr(app, "preset", None) == "interview":
        from cardsdealt.ui.pygame.scenes.interview import InterviewScene

        return InterviewScene(app, table, game, resumed=resumed)
    if game.mode == "journey":
        from cardsdealt.ui.pygame.scenes.journey import JourneyScene

        return JourneyScene(app, table, game)
    from cardsdealt.ui.pygame.scenes.classic import ClassicScene

    return ClassicScene(app, table, game)

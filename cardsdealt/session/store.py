"""Sessions on disk: start, save after every action, list, open again, delete.

One folder per session under the store's root (0700), holding `session.json` (0600), its
backup `session.json.bak` (the save before the last), and the exported records. The session
keeps the document it last wrote in memory, so a draft or a note can be saved without the
game object, and the backup is written from memory (no copy of a file that may be damaged).

One writer per session: a session being played holds `session.lock` in its folder (an OS
file lock through the `filelock` library: released by the OS when the program ends, even by
a kill, so a crash never leaves a session locked). A second window or program that opens it
gets SessionLockedError and may open it read-only (`open(..., read_only=True)`: writes are
refused) or carry on in a copy (`copy()`), so two writers never overwrite each other's words.
A data folder that cannot be written is read as usual: sessions open read-only, with a message.
"""

from __future__ import annotations

import os
import re
import shutil
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from cardsdealt.engine.saves import SESSION, stamp
from cardsdealt.session import savefile
from cardsdealt.session.files import (
    STALE_TEMP_SECONDS,
    ReadOnlyError,
    SessionError,
    SessionLockedError,
    clean_stale_temps,
    default_root,
    private_dir,
    read_only_words,
    writable,
    write_atomic,
)
from cardsdealt.session.text import typed

LOCK = "session.lock"
# folder -> (its lock, how many open sessions of this program use it). One per program, not
# per store: the start screen, the play screen and `export` of one program are one writer.
_HELD: dict[Path, tuple[FileLock, int]] = {}

KINDS = ("solo", "group")
IDLE_CAP_SECONDS = 600  # a gap longer than this between saves counts as a break, not play


def deck_place(root: str | Path, deck_id: str, title: str) -> dict:
    """Where a session's deck is: its folder as text, and its exact bytes (base64) too when
    the name is not valid text (a folder name from another system), so it is found again."""
    path = str(root)
    place = {"id": deck_id, "title": title, "path": path}
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        import base64

        raw = os.fsencode(path)
        place["path"] = raw.decode("utf-8", "replace")
        place["path_bytes"] = base64.b64encode(raw).decode("ascii")
    return place


def deck_folder(meta: dict) -> Path | None:
    """The deck folder a session names (see deck_place), or None."""
    place = meta.get("deck") if isinstance(meta, dict) else None
    if not isinstance(place, dict):
        return None
    raw = place.get("path_bytes")
    if isinstance(raw, str):
        import base64
        import binascii

        try:
            return Path(os.fsdecode(base64.b64decode(raw, validate=True)))
        except (binascii.Error, ValueError):
            return None
    path = place.get("path")
    return Path(path) if isinstance(path, str) and path else None


def _now() -> str:
    return datetime.now(timezone.utc).astimezone().isoformat(timespec="seconds")


@dataclass(frozen=True)
class SessionInfo:
    """One line of `store.list()`: enough to pick a session to resume or export."""

    id: str
    path: Path
    deck_id: str = ""
    deck_title: str = ""
    kind: str = "solo"
    created: str = ""
    updated: str = ""
    seconds: int = 0
    turn: int = 0
    stage: str = ""  # the stage's title (journey), "" otherwise
    finished: bool = False
    problem: str | None = None  # set when the save could not be read
    of: int = 0  # an interview: how many cards it shows (turn is the one it is on); 0 otherwise
    mode: str = ""  # "journey" | "classic" ("" in a save that does not say)
    preset: str = ""  # how it was run (engine/presets.py), "" when nobody chose
    played: int = 0  # a table game: the cards played (draws are turns, not cards played)
    cards: int = 0  # a table game: the cards in its game (hands, pile, discards, the top card)

    @property
    def how_far(self) -> str:
        if self.problem:
            return "cannot be read"
        if self.cards:  # a table game counts cards played, not turns
            played = f"{self.played} of {self.cards} cards played"
            return f"finished: {played}" if self.finished else played
        if self.finished:
            return f"finished after {self.turn} cards"
        if self.of:
            return f"card {self.turn} of {self.of}"
        where = f", {self.stage}" if self.stage else ""
        return f"card {self.turn}{where}"


class Session:
    """A session being played. Save after every action; it never loses a committed step."""

    def __init__(self, store: SessionStore, folder: Path, doc: dict, raw: bytes | None,
                 read_only: bool = False):
        self.store = store
        self.folder = folder
        self.doc = doc
        self._last_raw = raw  # bytes of the last good save: becomes the backup on next save
        self._clock = time.monotonic()
        self._unsaved: dict = {}  # changes of a save that failed (full disk): sent again
        self.read_only = read_only  # a look at a session another window has open: no writes
        self._locked = False

    def close(self) -> None:
        """Let other windows open this session for writing (the lock goes at exit anyway)."""
        if self._locked:
            self._locked = False
            self.store._unlock(self.folder)

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- what the front ends read ------------------------------------------------------------
    @property
    def id(self) -> str:
        return self.folder.name  # the folder's name, never a name read from the file

    @property
    def kind(self) -> str:
        return self.doc["meta"]["kind"]

    @property
    def draft(self) -> str:
        """Reflection text typed but not yet submitted ("" when none)."""
        return (self.doc.get("draft") or {}).get("text", "")

    @property
    def notes(self) -> list[dict]:
        return list(self.doc.get("notes", []))

    @property
    def path(self) -> Path:
        return self.folder / savefile.MAIN

    @property
    def unsaved(self) -> bool:
        """True after a save failed (e.g. full disk) until one succeeds: show "not saved"."""
        return bool(self._unsaved)

    # -- saving ------------------------------------------------------------------------------
    def save(self, game) -> None:
        """Save the game after an action. Clears the draft once its prompt is answered."""
        progress = progress_of(game)
        changes = {"game": game.to_json(), "progress": progress}
        draft = self.doc.get("draft")
        pending = progress.get("pending_prompt")
        if draft and (pending is None or draft.get("prompt") not in (None, pending)):
            changes["draft"] = None
        self._write(changes)

    def save_draft(self, text: str, prompt_id: str | None = None) -> None:
        """Keep the reflection being typed. Cheap to call every few seconds: unchanged text
        is not written again."""
        prompt_id = prompt_id or self.doc.get("progress", {}).get("pending_prompt")
        text = typed(text)
        new = {"text": text, "prompt": prompt_id} if text else None
        if new != self.doc.get("draft") or self._unsaved:
            self._write({"draft": new})

    def mark_finished(self) -> None:
        """The session is over though the game is not (an interview shows a few cards of a
        journey): list it with the finished ones, not as something to carry on."""
        progress = {**self.doc.get("progress", {}), "finished": True}
        self._write({"progress": progress})

    def add_note(self, card_id: str | None, text: str, author: str = "",
                 kind: str = "facilitator") -> dict:
        """Keep a facilitator's or panel's note about a card (card_id None: the session)."""
        note = {"card": card_id, "text": typed(text), "author": typed(author), "kind": kind,
                "at": _now(),
                "turn": self.doc.get("progress", {}).get("turn", 0)}
        self._write({"notes": [*self.doc.get("notes", []), note]})
        return note

    def save_record(self, **fields: str) -> None:
        """Keep the person's own words for the CPD record: relevance, learnt, impact, peer."""
        unknown = set(fields) - set(RECORD_FIELDS)
        if unknown:
            raise ValueError(f"unknown record field(s): {', '.join(sorted(unknown))}")
        record = {**self.doc.get("record", {}), **{k: typed(v or "") for k, v in fields.items()}}
        self._write({"record": record})

    def save_closing(self, state: dict) -> None:
        """Keep where the closing questions got to (closing.py): which were skipped, whether
        they were asked to the end, when a solo player added a peer reflection."""
        self._write({"closing": dict(state)})

    def save_meta(self, **fields) -> None:
        """Keep what a front end needs to carry on as it was, beside the game (an interview's
        cards and the one it is on: `interview={"cards": [ids], "at": index}`). Unchanged
        values are not written again. The session's own facts (kind, deck, times) stay."""
        taken = set(fields) & META_OWN
        if taken:
            raise ValueError(f"meta field(s) kept by the session itself: "
                             f"{', '.join(sorted(taken))}")
        meta = self.doc["meta"]
        if not self._unsaved and all(meta.get(k) == v for k, v in fields.items()):
            return
        self._write({"meta": {**meta, **fields}})

    def unsaved_words(self) -> list[str]:
        """What was typed but is not on disk yet (a save failed): reflections, a draft,
        notes and record words, to show the person before the program ends."""
        out: list[str] = []
        pending = self._unsaved
        game = pending.get("game") or {}
        saved = {json_key(r) for r in ((self.doc.get("game") or {}).get("state") or {})
                 .get("reflections", []) if isinstance(r, dict)}
        for r in (game.get("state") or {}).get("reflections", []):
            if isinstance(r, dict) and r.get("answer") and json_key(r) not in saved:
                out.append(str(r["answer"]))
        draft = pending.get("draft")
        if isinstance(draft, dict) and draft.get("text"):
            out.append(str(draft["text"]))
        for note in pending.get("notes", [])[len(self.doc.get("notes", [])):]:
            out.append(str(note.get("text", "")))
        for value in (pending.get("record") or {}).values():
            if value and value not in (self.doc.get("record") or {}).values():
                out.append(str(value))
        return out

    def _write(self, changes: dict) -> None:
        """Write the document with `changes`; only once it is on disk does it become
        `self.doc` (a failed write leaves the session as it was, so a retry writes again)."""
        if self.read_only:
            raise SessionError("This session is open read-only here (it is open in another "
                               "window, or its folder cannot be written): nothing is saved.")
        now = time.monotonic()
        changes = {**self._unsaved, **changes}  # a step whose save failed is not forgotten
        doc = {**self.doc, **changes}
        meta = dict(doc["meta"])
        spent = meta.get("seconds_exact", 0) + min(now - self._clock, IDLE_CAP_SECONDS)
        meta.update(seconds=int(spent), seconds_exact=round(spent, 3), updated=_now())
        doc["meta"] = meta
        doc["seq"] = doc.get("seq", 0) + 1
        raw = savefile.encode(doc)
        try:
            if self._last_raw is not None:
                write_atomic(self.folder / savefile.BACKUP, self._last_raw, saved_before=True)
            write_atomic(self.folder / savefile.MAIN, raw,
                         saved_before=self._last_raw is not None)
        except SessionError:
            self._unsaved = changes
            raise
        self.doc, self._last_raw, self._clock = doc, raw, now  # committed
        self._unsaved = {}


def json_key(reflection: dict) -> tuple:
    return (reflection.get("id"), reflection.get("turn"), reflection.get("answer"))


RECORD_FIELDS = ("relevance", "learnt", "impact", "peer")
META_OWN = frozenset(("created", "updated", "seconds", "seconds_exact", "kind", "preset", "deck"))


def interview_place(meta: dict) -> tuple[int, int]:
    """(the card an interview is on, counting from 1; how many it shows), or (0, 0) when the
    save has no interview place (older saves, other presets) or it is not readable."""
    place = meta.get("interview") if isinstance(meta, dict) else None
    cards = place.get("cards") if isinstance(place, dict) else None
    at = place.get("at") if isinstance(place, dict) else None
    if not isinstance(cards, list) or not cards or isinstance(at, bool) \
            or not isinstance(at, int):
        return 0, 0
    return min(max(at, 0), len(cards) - 1) + 1, len(cards)


def table_count(game: object) -> tuple[int, int]:
    """(cards played, cards in the game) of a saved table game, read from its state; (0, 0)
    for a journey or a state that cannot be read."""
    state = game.get("state") if isinstance(game, dict) else None
    if not isinstance(state, dict) or state.get("mode") != "classic":
        return 0, 0
    try:
        held = sum(len(h) for h in state.get("hands") or [])
        cards = held + len(state.get("pile") or []) + len(state.get("discard") or []) \
            + (1 if state.get("top") else 0)
        return len(state.get("plays") or []), cards
    except TypeError:
        return 0, 0


def progress_of(game) -> dict:
    """How far a game has got, read from the engine's public attributes."""
    stage = getattr(game, "stage", None)
    prompt = getattr(game, "pending_reflection", None)
    card = getattr(game, "current_card", None)
    return {
        "mode": getattr(game, "mode", ""),
        "turn": int(getattr(game, "turn", 0) or 0),
        "stage": getattr(stage, "id", None),
        "stage_title": getattr(stage, "title", "") or "",
        "card": getattr(card, "id", None),
        "pending_prompt": getattr(prompt, "id", None),
        "finished": bool(getattr(game, "finished", False)),
    }


def _remove_if_empty(folder: Path) -> None:
    try:
        if time.time() - folder.stat().st_mtime > STALE_TEMP_SECONDS:
            folder.rmdir()  # only succeeds when empty; recent ones may be starting now
    except OSError:
        pass


def _recency(info: SessionInfo) -> tuple:
    try:
        mtime = (info.path / savefile.MAIN).stat().st_mtime_ns
    except OSError:
        mtime = 0
    return (info.updated, mtime)  # updated is to the second; the file time breaks ties


class SessionStore:
    """All sessions of this user. `root` defaults to the per-user data folder."""

    def __init__(self, root: Path | str | None = None):
        root = Path(root) if root is not None else default_root()
        self._locks = _HELD  # the locks this program holds, shared by all its stores
        try:
            self.root = private_dir(root)
        except ReadOnlyError:
            self.root = root  # cannot even be made: nothing to list, nothing can be saved
        self.writable = self.root.is_dir() and writable(self.root)
        if not self.writable:
            return
        for folder in self._folders():
            if folder not in self._locks and self._try_lock(folder):
                # no one has it open: every temp file is a leftover
                clean_stale_temps(folder, all_of_them=True)
                self._unlock(folder)
            else:  # open in another window: only what is too old to be its write
                clean_stale_temps(folder)
            _remove_if_empty(folder)  # a session killed before its first save

    @property
    def read_only_message(self) -> str | None:
        """Words for a data folder that cannot be written (None when it can)."""
        return None if self.writable else (read_only_words(self.root) + " You can still "
                                           "play, but nothing is saved.")

    # -- one writer per session --------------------------------------------------------------
    def _try_lock(self, folder: Path) -> bool:
        """Hold `folder`'s lock for this program (shared by its sessions). False when another
        window or program holds it; True without a lock where none can be made."""
        held = self._locks.get(folder)
        if held is not None:
            self._locks[folder] = (held[0], held[1] + 1)
            return True
        lock = FileLock(str(folder / LOCK), mode=0o600, thread_local=False)
        try:
            lock.acquire(timeout=0)
        except Timeout:
            return False
        except OSError:
            return True  # a folder that cannot be written has no lock: sessions read-only
        self._locks[folder] = (lock, 1)
        return True

    def _unlock(self, folder: Path) -> None:
        held = self._locks.pop(folder, None)
        if held is None:
            return
        lock, count = held
        if count > 1:
            self._locks[folder] = (lock, count - 1)
        else:
            lock.release()

    def _folders(self) -> list[Path]:
        try:
            return [p for p in self.root.iterdir() if p.is_dir()]
        except OSError:
            return []

    def start(self, deck, game, kind: str = "solo", preset: str | None = None) -> Session:
        """A new session for `game` on `deck`, saved at once."""
        if kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")
        if not self.writable:
            raise ReadOnlyError(read_only_words(self.root))
        folder = self._new_folder(getattr(deck, "id", "deck"))
        now = _now()
        doc = {
            **stamp(SESSION), "id": folder.name, "seq": 0,
            "meta": {"created": now, "updated": now, "seconds": 0, "seconds_exact": 0.0,
                     "kind": kind, "preset": preset,
                     "deck": deck_place(getattr(deck, "root", "") or "",
                                        getattr(deck, "id", ""), getattr(deck, "title", ""))},
            "progress": {}, "game": None, "draft": None, "notes": [], "record": {},
        }
        return self._begin(folder, doc, lambda s: s.save(game))

    def _begin(self, folder: Path, doc: dict, first_save) -> Session:
        """A new session in a fresh `folder`, locked, then saved the first time (when that
        fails, e.g. a full disk, the empty folder goes and the SessionError is raised)."""
        self._try_lock(folder)
        session = Session(self, folder, doc, None)
        session._locked = True
        try:
            first_save(session)
        except SessionError:
            session.close()
            shutil.rmtree(folder, ignore_errors=True)
            raise
        return session

    def copy(self, session_id: str) -> Session:
        """A new session that carries on from a copy of this one (its own folder and name):
        for a second window, when the session is open in another."""
        if not self.writable:
            raise ReadOnlyError(read_only_words(self.root))
        src = self.folder(session_id)
        doc, _raw, _ = savefile.read_session(src, repair=False)
        deck_id = ((doc.get("meta") or {}).get("deck") or {}).get("id", "") or "deck"
        folder = self._new_folder(str(deck_id))
        meta = {**doc["meta"], "copied_from": src.name}
        new = {**doc, "id": folder.name, "seq": 0, "meta": meta}
        return self._begin(folder, new, lambda s: s._write({}))

    def _new_folder(self, deck_id: str) -> Path:
        slug = re.sub(r"[^a-z0-9-]+", "-", deck_id.lower()).strip("-")[:40] or "deck"
        stamp = time.strftime("%Y-%m-%d-%H%M%S")
        for n in range(1000):  # the counter goes before the slug: no id is another's prefix
            folder = self.root / (f"{stamp}-{slug}" if n == 0 else f"{stamp}-{n + 1}-{slug}")
            try:
                folder.mkdir(mode=0o700)
            except FileExistsError:
                continue
            return private_dir(folder)
        raise SessionError(f"Could not create a new session folder in {self.root}.")

    def folder(self, session_id: str, exact: bool = False) -> Path:
        """The folder of a session id, a unique prefix of one, or 'last' (latest updated).
        `exact`: only the full id (for deleting)."""
        if session_id in ("last", "latest"):
            infos = sorted(self.list(), key=_recency, reverse=True)
            if not infos:
                raise SessionError("There are no saved sessions yet.")
            return infos[0].path
        if "/" in session_id or "\\" in session_id or session_id in (".", ".."):
            raise SessionError(f"{session_id!r} is not a session name.")
        if (self.root / session_id).is_dir():
            return self.root / session_id
        if exact:
            raise SessionError(f"No saved session is called {session_id!r}. Give its full "
                               "name, as `cardsdealt sessions` lists it.")
        matches = [p for p in self._folders() if p.name.startswith(session_id)]
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise SessionError(f"No saved session is called {session_id!r}. "
                               "`cardsdealt sessions` lists them.")
        raise SessionError(f"{session_id!r} matches {len(matches)} sessions; type more of "
                           "its name.")

    def open(self, session_id: str, read_only: bool = False) -> tuple[Session, dict, list[str]]:
        """Open a saved session to resume: (session, its document, messages for the user).

        Raises SessionLockedError when another window or program has it open (then open it
        `read_only`, or carry on in a `copy`). In a folder that cannot be written the
        session opens read-only, and the messages say so."""
        folder = self.folder(session_id)
        messages: list[str] = []
        if not read_only and not (self.writable and writable(folder)):
            read_only = True
            messages.append(read_only_words(folder) + " You can carry on playing, but "
                            "nothing new is saved.")
        locked = False
        if not read_only:
            if not self._try_lock(folder):
                raise SessionLockedError(
                    f"The session {folder.name} is open in another window (or another "
                    "program) just now. To keep both sets of words, carry on in a copy of it, "
                    "or open it read-only to look without saving; or close the other window "
                    "and try again.")
            locked = True
            clean_stale_temps(folder)
        try:
            doc, raw, more = savefile.read_session(folder, repair=not read_only)
        except BaseException:
            if locked:
                self._unlock(folder)
            raise
        session = Session(self, folder, doc, raw, read_only=read_only)
        session._locked = locked
        return session, doc, messages + more

    def list(self) -> list[SessionInfo]:
        """Every session: unfinished first, then the most recently played first."""
        found = [self._info(folder) for folder in self._folders()]
        infos = [i for i in found if i is not None]
        infos.sort(key=lambda i: i.updated or i.id, reverse=True)
        infos.sort(key=lambda i: i.finished)
        return infos

    def _info(self, folder: Path) -> SessionInfo | None:
        try:
            names = {p.name for p in folder.iterdir()}
        except OSError as e:
            return SessionInfo(folder.name, folder, problem=f"its folder cannot be read "
                                                           f"({e.strerror or e})")
        if not any(n.startswith(savefile.MAIN) for n in names):
            return None  # not a session folder
        checked = savefile.check_file(folder / savefile.MAIN)
        if checked.doc is None:
            backup = savefile.check_file(folder / savefile.BACKUP)
            if backup.doc is None:
                return SessionInfo(folder.name, folder, problem=checked.problem)
            checked = backup
        doc: dict[str, Any] = checked.doc or {}
        meta, prog = doc.get("meta", {}), doc.get("progress", {})
        at, of = interview_place(meta)
        played, cards = table_count(doc.get("game"))
        return SessionInfo(
            id=folder.name, path=folder, deck_id=meta.get("deck", {}).get("id", ""),
            deck_title=meta.get("deck", {}).get("title", ""), kind=meta.get("kind", "solo"),
            created=meta.get("created", ""), updated=meta.get("updated", ""),
            seconds=meta.get("seconds", 0), turn=at or prog.get("turn", 0),
            stage="" if of else prog.get("stage_title") or prog.get("stage") or "",
            finished=bool(prog.get("finished")), of=of,
            mode=str(prog.get("mode") or (doc.get("game") or {}).get("mode") or ""),
            preset=str(meta.get("preset") or ""), played=played, cards=0 if of else cards,
        )

    def delete(self, session_id: str) -> Path:
        """Remove a session and the records exported next to it. Returns the folder removed."""
        folder = self.folder(session_id, exact=True)
        if not self._try_lock(folder):
            raise SessionLockedError(f"The session {folder.name} is open in another window "
                                     "just now, so it was not deleted.")
        self._unlock(folder)
        try:
            shutil.rmtree(folder)
        except OSError as e:
            raise SessionError(f"Could not delete {folder}: {e.strerror or e}.") from e
        return folder

"""Finding sessions without opening them: the session folders under a store's root, one
line about each (`SessionInfo`, read from the save or its backup, a damaged one named and
never blocking the others), the order the list is shown in, and a session found by its name, a
unique prefix of it, or "last". Also where a session's deck is (`deck_place`, `deck_folder`),
kept in its meta so the deck is found again.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cardsdealt.engine.interview import how_far
from cardsdealt.session import savefile
from cardsdealt.session.files import STALE_TEMP_SECONDS, SessionError


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


def folders(root: Path) -> list[Path]:
    """The folders under a store's root (an unreadable root has none)."""
    try:
        return [p for p in root.iterdir() if p.is_dir()]
    except OSError:
        return []


def remove_if_empty(folder: Path) -> None:
    """A session killed before its first save leaves an empty folder: remove it once it is
    too old to be one starting just now."""
    try:
        if time.time() - folder.stat().st_mtime > STALE_TEMP_SECONDS:
            folder.rmdir()  # only succeeds when empty
    except OSError:
        pass


def info(folder: Path) -> SessionInfo | None:
    """The line about one session folder (None: not a session folder). A save that cannot be
    read falls back to its backup, else the line names the problem."""
    try:
        names = {p.name for p in folder.iterdir()}
    except OSError as e:
        return SessionInfo(folder.name, folder, problem=f"its folder cannot be read "
                                                       f"({e.strerror or e})")
    if not any(n.startswith(savefile.MAIN) for n in names):
        return None
    checked = savefile.check_file(folder / savefile.MAIN)
    if checked.doc is None:
        backup = savefile.check_file(folder / savefile.BACKUP)
        if backup.doc is None:
            return SessionInfo(folder.name, folder, problem=checked.problem)
        checked = backup
    doc: dict[str, Any] = checked.doc or {}
    meta, prog = doc.get("meta", {}), doc.get("progress", {})
    at, of = how_far(meta)
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


def list_sessions(root: Path) -> list[SessionInfo]:
    """Every session under `root`: unfinished first, then the most recently played first."""
    infos = [i for i in (info(folder) for folder in folders(root)) if i is not None]
    infos.sort(key=lambda i: i.updated or i.id, reverse=True)
    infos.sort(key=lambda i: i.finished)
    return infos


def _recency(found: SessionInfo) -> tuple:
    try:
        mtime = (found.path / savefile.MAIN).stat().st_mtime_ns
    except OSError:
        mtime = 0
    return (found.updated, mtime)  # updated is to the second; the file time breaks ties


def find(root: Path, session_id: str, exact: bool = False,
         listed: Callable[[], list[SessionInfo]] | None = None) -> Path:
    """The folder of a session id, a unique prefix of one, or 'last' (latest updated).
    `exact`: only the full id (for deleting)."""
    if session_id in ("last", "latest"):
        infos = sorted((listed or (lambda: list_sessions(root)))(), key=_recency, reverse=True)
        if not infos:
            raise SessionError("There are no saved sessions yet.")
        return infos[0].path
    if "/" in session_id or "\\" in session_id or session_id in (".", ".."):
        raise SessionError(f"{session_id!r} is not a session name.")
    if (root / session_id).is_dir():
        return root / session_id
    if exact:
        raise SessionError(f"No saved session is called {session_id!r}. Give its full "
                           "name, as `cardsdealt sessions` lists it.")
    matches = [p for p in folders(root) if p.name.startswith(session_id)]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise SessionError(f"No saved session is called {session_id!r}. "
                           "`cardsdealt sessions` lists them.")
    raise SessionError(f"{session_id!r} matches {len(matches)} sessions; type more of "
                       "its name.")

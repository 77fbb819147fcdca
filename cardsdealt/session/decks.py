"""The person's own decks: the folder they live in, listing them, and saving a deck as the
studio changes it.

Decks made in the studio or opened from a shared `.zip` live in the per-user data folder,
beside the sessions (`$CARDSDEALT_DATA_DIR/decks` when that is set, as for sessions). The
start screen lists them beside the shipped decks; `paths.resolve_deck` finds them by name.

`DeckSaver` writes what the studio changed on a background thread, each file atomically
(temporary file, fsync, rename: `files.write_atomic`), so a frame never waits for the disk
and a window killed mid-word loses nothing saved before. It looks for changes
every `SETTLE` (50 ms) and writes them then, rather than being woken by `save()`: the
window's thread is then usually asleep between frames rather than drawing one, so the two
seldom wait for each other (Python runs one thread at a time), and changes made together are
written together. A full
disk or a read-only folder gives one plain message (`error`); what was saved already stays as
it was, and the unsaved files are kept to try again with the next change.
"""

from __future__ import annotations

import errno
import os
import threading
import time
from pathlib import Path

from cardsdealt.paths import user_decks, user_decks_dir
from cardsdealt.session.files import (
    READ_ONLY_ERRNOS,
    SessionError,
    clean_stale_temps,
    sync_dir,
    write_atomic,
)

__all__ = ["DeckSaver", "list_user_decks", "new_deck_folder", "read_deck_files",
           "user_decks_dir"]


def list_user_decks() -> list[Path]:
    """The person's deck folders (each holding a deck.yaml), in name order."""
    return user_decks()


def new_deck_folder(title: str, into: Path | None = None) -> Path:
    """A folder name for a new deck called `title` that is not taken: "Title", then
    "Title (2)", "Title (3)"... (not created)."""
    into = user_decks_dir() if into is None else into
    base = safe_folder_name(title)
    path = into / base
    n = 2
    while path.exists():
        path = into / f"{base} ({n})"
        n += 1
    return path


_BAD = set('<>:"/\\|?*') | {chr(c) for c in range(32)}
_WINDOWS_NAMES = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)),
                  *(f"lpt{i}" for i in range(1, 10))}


def safe_folder_name(title: str) -> str:
    """A deck title as a folder name every computer accepts."""
    name = "".join("-" if ch in _BAD else ch for ch in (title or "")).strip(" .")[:60]
    name = name.strip(" .") or "Our deck"
    if name.lower() in _WINDOWS_NAMES or name.startswith("."):
        name = f"Deck {name.lstrip('.')}".strip()
    return name


def deck_words(e: OSError, folder: Path) -> str:
    """One plain message for a deck that could not be saved."""
    if e.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return (f"The disk is full, so the latest change to this deck could not be saved in "
                f"{folder}. Everything saved before is safe. Free some space: the studio "
                "tries again with your next change.")
    if e.errno in READ_ONLY_ERRNOS:
        return (f"The folder {folder} is read-only, so changes to this deck cannot be saved "
                "there. Everything saved before is safe. Use \"Share this deck\" to keep a "
                "copy somewhere else.")
    return (f"This deck could not be saved in {folder} ({e.strerror or e}). Everything saved "
            "before is safe: the studio tries again with your next change.")


SETTLE = 0.05  # s: how often the saver looks for changes, and how long one waits at most
# before it is written (flush and close: at once)


class DeckSaver:
    """Saves a deck folder in the background. `save(changed)` returns at once; `flush()`
    waits until everything asked for is on disk (or has failed: see `error`)."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.error: str | None = None
        self._pending: dict[str, bytes | None] = {}
        self._lock = threading.Lock()
        self._wake = threading.Condition(self._lock)
        self._busy = False
        self._stalled = False  # the last write failed: waiting for the next save to retry
        self._closed = False
        self._hurry = False  # flush or close is waiting: no settling
        self._since = 0.0  # when the oldest change not yet written was handed over
        self._thread = threading.Thread(target=self._run, name="deck-saver", daemon=True)
        self._thread.start()

    def save(self, changed: dict[str, bytes | None]) -> None:
        """Write these files (relative path -> bytes; None deletes) as soon as possible. A
        later save of the same file replaces one not yet written."""
        for rel in changed:
            _check_rel(rel)
        with self._wake:
            if not self._pending:
                self._since = time.monotonic()
            self._pending.update(changed)
            self._stalled = False
            # (no notify: the saver looks every SETTLE; waking it now would make the two
            # threads hand Python's lock to each other in the middle of the window's frame)

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until every file asked for is written or has failed. True when all went to
        disk (`error` says why not)."""
        end = time.monotonic() + timeout
        with self._wake:
            self._hurry = True
            self._wake.notify_all()
            while self._pending and not self._stalled or self._busy:
                left = end - time.monotonic()
                if left <= 0:
                    return False
                self._wake.wait(left)
            self._hurry = False
            return not self._pending and self.error is None

    def close(self, timeout: float = 10.0) -> bool:
        ok = self.flush(timeout)
        with self._wake:
            self._closed = True
            self._wake.notify_all()
        self._thread.join(timeout)
        return ok

    def _run(self) -> None:
        with self._wake:
            while True:
                while not self._pending and not self._closed:
                    self._wake.wait(SETTLE)
                if self._closed and (not self._pending or self._stalled):
                    return
                settle = self._since + SETTLE - time.monotonic()
                if settle > 0 and not self._hurry and not self._closed:
                    self._wake.wait(settle)
                    continue
                self._hurry = False
                batch, self._pending = self._pending, {}
                self._busy = True
                self._wake.release()
                try:
                    failed, error = self._write(batch)
                finally:
                    self._wake.acquire()
                    self._busy = False
                # what failed waits for the next save (a newer version wins)
                for rel, data in failed.items():
                    self._pending.setdefault(rel, data)
                self.error = error
                self._stalled = error is not None
                self._wake.notify_all()
                while self._stalled and not self._closed:
                    # wait for the next save before trying again (no busy loop on a full disk)
                    self._wake.wait(SETTLE)

    def _write(self, batch: dict[str, bytes | None]) -> tuple[dict[str, bytes | None],
                                                             str | None]:
        failed: dict[str, bytes | None] = {}
        error = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            return dict(batch), deck_words(e, self.folder)
        # deck.yaml last: a deck is never seen naming card files or pictures not yet there
        for rel in sorted(batch, key=lambda r: (r == "deck.yaml", r)):
            data = batch[rel]
            path = self.folder.joinpath(*rel.split("/"))
            try:
                if data is None:
                    if path.is_file():
                        path.unlink()
                        sync_dir(path.parent)
                else:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    write_atomic(path, data)
            except SessionError as e:
                cause = e.__cause__
                error = deck_words(cause, self.folder) if isinstance(cause, OSError) \
                    else str(e)
                failed[rel] = data
            except OSError as e:
                error = deck_words(e, self.folder)
                failed[rel] = data
        if error is None:
            clean_stale_temps(self.folder)
        return failed, error


def _check_rel(rel: str) -> None:
    parts = rel.split("/")
    if not rel or rel.startswith("/") or "\\" in rel or ".." in parts or ":" in rel:
        raise ValueError(f"not a path inside a deck folder: {rel!r}")


def read_deck_files(folder: Path, limit: int = 200_000_000) -> dict[str, bytes]:
    """Every file of a deck folder ({relative path: bytes}) for the studio to open; hidden
    files and links are skipped."""
    out: dict[str, bytes] = {}
    total = 0
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".")
                             and not os.path.islink(os.path.join(dirpath, d)))
        for name in sorted(filenames):
            full = os.path.join(dirpath, name)
            if name.startswith(".") or os.path.islink(full):
                continue
            rel = os.path.relpath(full, folder).replace(os.sep, "/")
            with open(full, "rb") as fh:
                data = fh.read()
            total += len(data)
            if total > limit:
                raise SessionError(f"The deck in {folder} is too big to open in the studio.")
            out[rel] = data
    return out

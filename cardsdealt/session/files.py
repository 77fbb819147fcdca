"""Private folders and crash-safe file writes: the only way cardsdealt puts user data on disk.

Why so careful: a reflection typed at the end of a long day must survive a laptop that dies,
an antivirus or OneDrive that holds a file for a moment, and a full disk. So every write
goes to a private temporary file in the same folder, is flushed to the disk, then renamed
over the old file in one step (readers see the old file or the new one, never half of each).
The folder itself is then synced so the rename survives a power cut.
"""

from __future__ import annotations

import errno
import os
import tempfile
import time
from pathlib import Path

from platformdirs import user_data_dir

POSIX = os.name == "posix"
TEMP_PREFIX = ".cardsdealt-"
TEMP_SUFFIX = ".tmp"
STALE_TEMP_SECONDS = 30  # a live write takes milliseconds; older temp files are leftovers
RENAME_RETRIES = 6  # Windows: antivirus / OneDrive may hold the file for a moment
RENAME_BACKOFF = 0.05  # seconds, doubled after each failed try
# Tests only: seconds to sleep between writing the temporary file and renaming it,
# so the kill harness can land a SIGKILL inside a save. Never set in normal use.
_TEST_DELAY_ENV = "CARDSDEALT_TEST_SAVE_DELAY"


class SessionError(Exception):
    """Something about a saved session that the user must be told, in plain words."""


class DiskFullError(SessionError):
    """The disk is full: the step was not saved, the last good save is untouched."""


def default_root() -> Path:
    """Where sessions live: $CARDSDEALT_DATA_DIR/sessions, else the per-user data folder."""
    base = os.environ.get("CARDSDEALT_DATA_DIR")
    if base:
        return Path(base).expanduser() / "sessions"
    return Path(user_data_dir("cardsdealt", appauthor=False, roaming=False)) / "sessions"


def private_dir(path: Path) -> Path:
    """Create `path` (and parents) readable by this user only (0700 on POSIX)."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    if POSIX:
        os.chmod(path, 0o700)
    return path


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so that a crash at any moment leaves the old or the new file.

    The file is created with mode 0600. Raises DiskFullError when the disk is full (the old
    file is kept), SessionError for other failures; the temporary file is always removed.
    """
    folder = path.parent
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX + path.name + ".", suffix=TEMP_SUFFIX,
                                   dir=folder)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        _test_delay()
        _replace_with_retry(tmp, path)
        tmp = None
        sync_dir(folder)
    except OSError as e:
        raise _plain(e, folder) from e
    finally:
        if tmp is not None:
            _remove_quietly(tmp)


def _plain(e: OSError, folder: Path) -> SessionError:
    if e.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return DiskFullError(
            f"The disk is full, so the latest step could not be saved to {folder}. "
            "Your last save is safe and unchanged. Free some space and carry on: "
            "the next step will be saved as normal."
        )
    if isinstance(e, PermissionError):
        return SessionError(
            f"Could not save in {folder}: another program (often antivirus or a cloud sync "
            "app) kept the file locked, or this folder is not writable. Your last save is "
            "safe; the next step will try again."
        )
    return SessionError(f"Could not save in {folder}: {e.strerror or e}. Your last save is "
                        "safe; the next step will try again.")


def _replace_with_retry(src: str, dst: Path) -> None:
    delay = RENAME_BACKOFF
    for attempt in range(RENAME_RETRIES):
        try:
            os.replace(src, dst)
            return
        except PermissionError:
            if attempt == RENAME_RETRIES - 1:
                raise
            time.sleep(delay)
            delay *= 2


def sync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX; Windows has no directory fsync)."""
    if not POSIX:
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems refuse: the data itself is already synced
    finally:
        os.close(fd)


def clean_stale_temps(folder: Path, now: float | None = None) -> int:
    """Remove temporary files left by a write that was killed. Returns how many."""
    now = time.time() if now is None else now
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        if entry.name.startswith(TEMP_PREFIX) and entry.name.endswith(TEMP_SUFFIX):
            try:
                if now - entry.stat().st_mtime > STALE_TEMP_SECONDS:
                    os.remove(entry.path)
                    removed += 1
            except OSError:
                pass
    return removed


def _remove_quietly(path: str) -> None:
    try:
        os.remove(path)
    except OSError:
        pass


def _test_delay() -> None:
    value = os.environ.get(_TEST_DELAY_ENV)
    if value:
        time.sleep(float(value))

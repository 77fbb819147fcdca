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
    """The disk is full: the latest change was not saved, the last good save is untouched."""


class SessionLockedError(SessionError):
    """The session is open in another window or program: open it read-only, or a copy."""


class ReadOnlyError(SessionError):
    """The data folder cannot be written (a read-only disk or folder): nothing is saved."""


READ_ONLY_ERRNOS = (errno.EROFS, errno.EACCES, errno.EPERM)


def read_only_words(folder: Path) -> str:
    return f"The folder {folder} is read-only, so nothing can be saved there."


def writable(folder: Path) -> bool:
    """Whether new files can be made in `folder` (False on a read-only disk or folder)."""
    return os.access(folder, os.W_OK | os.X_OK)


def default_root() -> Path:
    """Where sessions live: $CARDSDEALT_DATA_DIR/sessions, else the per-user data folder."""
    base = os.environ.get("CARDSDEALT_DATA_DIR")
    if base:
        return Path(base).expanduser() / "sessions"
    return Path(user_data_dir("cardsdealt", appauthor=False, roaming=False)) / "sessions"


def private_dir(path: Path) -> Path:
    """Create `path` (and parents) readable by this user only (0700 on POSIX). A folder that
    exists already but cannot be changed (a read-only disk) is used as it is; ReadOnlyError
    when it does not exist and cannot be made."""
    try:
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as e:
        if e.errno in READ_ONLY_ERRNOS and not path.is_dir():
            raise ReadOnlyError(read_only_words(path)) from e
        if not path.is_dir():
            raise _plain(e, path, False) from e
    if POSIX:
        try:
            if os.stat(path).st_mode & 0o077:
                os.chmod(path, 0o700)
        except OSError:
            pass  # read-only: it is read as it is
    return path


def write_atomic(path: Path, data: bytes, saved_before: bool | None = None) -> None:
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
        before = path.exists() if saved_before is None else saved_before
        raise _plain(e, folder, before) from e
    finally:
        if tmp is not None:
            _remove_quietly(tmp)


def _plain(e: OSError, folder: Path, saved_before: bool = True) -> SessionError:
    """Plain words for a failed write. `saved_before`: whether an earlier save of this file
    exists (only then does the message say it is safe)."""
    safe = ("Your last save is safe and unchanged. " if saved_before else
            "Nothing of this session could be saved yet. ")
    if e.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return DiskFullError(
            f"The disk is full, so your latest change could not be saved to {folder}. "
            f"{safe}Free some space: cardsdealt tries again after your next move, and "
            "keeps what you type until then."
        )
    if e.errno == errno.EROFS:
        return ReadOnlyError(f"{read_only_words(folder)} {safe}")
    if isinstance(e, PermissionError):
        return SessionError(
            f"Could not save in {folder}: another program (often antivirus or a cloud sync "
            f"app) kept the file locked, or this folder is not writable. {safe}cardsdealt "
            "tries again after your next move."
        )
    return SessionError(f"Could not save in {folder}: {e.strerror or e}. {safe}cardsdealt "
                        "tries again after your next move.")


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


def clean_stale_temps(folder: Path, now: float | None = None, all_of_them: bool = False) -> int:
    """Remove temporary files left by a write that was killed. Returns how many.
    `all_of_them`: however recent (the caller holds the folder's lock: no one else writes)."""
    now = time.time() if now is None else now
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        if entry.name.startswith(TEMP_PREFIX) and entry.name.endswith(TEMP_SUFFIX):
            try:
                if all_of_them or now - entry.stat().st_mtime > STALE_TEMP_SECONDS:
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

"""One writer per session: the OS file lock a session being played holds in its folder.

A session being played holds `session.lock` in its folder: an OS file lock through the
`filelock` library, released by the OS when the program ends (even by a kill), so a crash never
leaves a session locked. The locks are held per program, not per store: the start screen, the
play screen and `export` of one program are one writer, so a folder's lock is counted and
let go when the last of them closes.
"""

from __future__ import annotations

from pathlib import Path

from filelock import FileLock, Timeout

from cardsdealt.session.files import clean_stale_temps

LOCK = "session.lock"
# folder -> (its lock, how many open sessions of this program use it)
_HELD: dict[Path, tuple[FileLock, int]] = {}


def hold(folder: Path) -> bool:
    """Hold `folder`'s lock for this program (shared by its sessions). False when another
    window or program holds it; True without a lock where none can be made (a folder that
    cannot be written has no lock: its sessions open read-only)."""
    held = _HELD.get(folder)
    if held is not None:
        _HELD[folder] = (held[0], held[1] + 1)
        return True
    lock = FileLock(str(folder / LOCK), mode=0o600, thread_local=False)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        return False
    except OSError:
        return True
    _HELD[folder] = (lock, 1)
    return True


def let_go(folder: Path) -> None:
    """One of this program's sessions in `folder` is closed: the last one releases the lock."""
    held = _HELD.pop(folder, None)
    if held is None:
        return
    lock, count = held
    if count > 1:
        _HELD[folder] = (lock, count - 1)
    else:
        lock.release()


def is_free(folder: Path) -> bool:
    """No other window or program has the session in `folder` open for writing just now."""
    if not hold(folder):
        return False
    let_go(folder)
    return True


def clean_leftovers(folder: Path) -> None:
    """Remove the temporary files a killed save left: all of them when no one has the session
    open, else only those too old to be another window's write in progress."""
    if folder not in _HELD and hold(folder):
        clean_stale_temps(folder, all_of_them=True)  # held while cleaning: no one starts
        let_go(folder)
    else:
        clean_stale_temps(folder)

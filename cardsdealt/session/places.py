"""Where records and certificates go so that people find them, and opening that folder.

A record is for the person: it goes to their Documents folder (platformdirs knows where that
is on Windows, macOS and Linux, including a moved or translated one), in a `cardsdealt`
folder, unless they chose another folder in Settings or with `export -o`. A private copy
stays beside the session in the data folder, so deleting the visible one loses nothing.

`CARDSDEALT_DOCUMENTS_DIR` overrides the Documents folder (tests, shared machines).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

FOLDER_NAME = "cardsdealt"
_ENV = "CARDSDEALT_DOCUMENTS_DIR"


def documents_dir() -> Path:
    """The person's Documents folder (their home folder when there is none at all)."""
    base = os.environ.get(_ENV)
    if base:
        return Path(base).expanduser()
    try:
        from platformdirs import user_documents_dir

        docs = Path(user_documents_dir())
    except Exception:  # noqa: BLE001 - a broken desktop setting must not stop a record
        docs = Path.home() / "Documents"
    return docs if docs.is_dir() or docs.parent.is_dir() else Path.home()


def records_dir(chosen: str | Path | None = None) -> Path:
    """Where records are written: the folder chosen (Settings / -o), else Documents/cardsdealt."""
    if chosen:
        return Path(chosen).expanduser()
    return documents_dir() / FOLDER_NAME


def can_open_folders() -> bool:
    """True where this computer has a way to show a folder (a file manager)."""
    if sys.platform.startswith("win"):
        return hasattr(os, "startfile")
    if sys.platform == "darwin":
        return True
    from shutil import which

    return which("xdg-open") is not None and bool(
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def open_folder(path: Path) -> str:
    """Show `path` in the file manager. Never raises: returns "" when asked to open it, or a
    plain sentence saying why it could not (the path itself is always shown beside it)."""
    path = Path(path)
    if not path.is_dir():
        return f"The folder {path} is not there any more."
    if not can_open_folders():
        return "This computer cannot open folders from here; the full path is shown above."
    try:
        if sys.platform.startswith("win"):
            os.startfile(str(path))  # type: ignore[attr-defined]  # noqa: S606
        else:
            opener = "open" if sys.platform == "darwin" else "xdg-open"
            subprocess.Popen([opener, str(path)], stdin=subprocess.DEVNULL,  # noqa: S603
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             start_new_session=True)
    except OSError as e:
        return f"The folder could not be opened ({e.strerror or e}); the full path is shown above."
    return ""

"""The person's own folders, and the files at the top of them, for choosing a file without a
file dialog: "Open a shared deck" lists the .zip files in Downloads, Desktop, Documents and
the home folder (choose.py). Newest first, hidden files left out, a folder that cannot be
read passed over. (The picture step's photo list, picture.py, looks the same way in
Pictures, Downloads and Desktop.)
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable


def user_folders(*where: Callable[[], object]) -> list[Path]:
    """The folders `where` name (each a function giving a path, such as platformdirs'
    `user_downloads_dir`) that exist, each once, in that order."""
    out: list[Path] = []
    for get in where:
        try:
            p = Path(str(get()))
        except Exception:  # noqa: BLE001 - a platform without that folder
            continue
        if p.is_dir() and p not in out:
            out.append(p)
    return out


def newest_files(folders: list[Path], endings: tuple[str, ...],
                 most: int) -> list[tuple[float, Path]]:
    """(when saved, path) of the files at the top of `folders` whose names end in one of
    `endings` (any case), newest first, at most `most`."""
    found: dict[Path, float] = {}
    for folder in folders:
        try:
            for p in folder.iterdir():
                if p.name.startswith(".") or not p.name.lower().endswith(endings):
                    continue
                try:
                    if p.is_file():
                        found[p] = p.stat().st_mtime
                except OSError:  # gone meanwhile
                    continue
        except OSError:  # a folder that cannot be read
            continue
    newest = sorted(found.items(), key=lambda t: (-t[1], t[0].name.lower()))
    return [(when, p) for p, when in newest[:most]]

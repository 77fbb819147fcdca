"""Pictures: paths that stay inside the deck folder, and a look at the file header only.

Decoding a hostile image can take huge memory (a 100,000 x 100,000 PNG is a few KB on disk), so
the size is read from the header before anything decodes it.
"""

from __future__ import annotations

import os
import stat
import struct
from pathlib import Path, PurePosixPath, PureWindowsPath

MAX_IMAGE_BYTES = 20 * 1024 * 1024
MAX_SIDE = 8000
MIN_PRINT_SIDE = 300  # below this a printed card looks blurred (lint advice)


def inside(root: Path, rel: str) -> Path | None:
    """The path `rel` under `root`, or None when it would leave the folder (`..`, an absolute
    path, a drive letter, or a link pointing elsewhere)."""
    if not rel or "\0" in rel:
        return None
    if PurePosixPath(rel).is_absolute() or PureWindowsPath(rel).is_absolute() or \
            PureWindowsPath(rel).drive or rel.startswith(("\\", "/")):
        return None
    parts = PurePosixPath(rel.replace("\\", "/")).parts
    if ".." in parts:
        return None
    path = root.joinpath(*parts)
    if not _has_link(root, parts):  # the usual case: plain folders and files, no resolving
        return path
    try:
        real = path.resolve()
        base = root.resolve()
    except (OSError, RuntimeError):
        return None
    if real != base and base not in real.parents:
        return None
    return path


def _has_link(root: Path, parts: tuple[str, ...]) -> bool:
    """True when any step of `parts` below `root` is a symbolic link (or a Windows junction).
    A few lstat calls, instead of resolving every folder from the top of the disk."""
    here = str(root)
    for part in parts:
        here = os.path.join(here, part)
        try:
            st = os.lstat(here)
        except OSError:
            return False  # missing: nothing to follow (reported as missing later)
        isjunction = getattr(os.path, "isjunction", None)  # Python 3.12 and later
        if stat.S_ISLNK(st.st_mode) or (isjunction is not None and isjunction(here)):
            return True
    return False


def image_size(path: Path) -> tuple[str, int, int] | None:
    """('png'|'jpeg', width, height) from the header, or None if it is neither."""
    with open(path, "rb") as fh:
        head = fh.read(64 * 1024)
    if head.startswith(b"\x89PNG\r\n\x1a\n") and head[12:16] == b"IHDR":
        w, h = struct.unpack(">II", head[16:24])
        return "png", w, h
    if head.startswith(b"\xff\xd8"):
        i = 2
        while i + 9 < len(head):
            if head[i] != 0xFF:
                i += 1
                continue
            marker = head[i + 1]
            if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
                i += 2
                continue
            seg = struct.unpack(">H", head[i + 2:i + 4])[0]
            if marker in (0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD,
                          0xCE, 0xCF):
                h, w = struct.unpack(">HH", head[i + 5:i + 9])
                return "jpeg", w, h
            i += 2 + seg
        return "jpeg", 0, 0
    return None


def check(root: Path, rel: str) -> tuple[str, str] | None:
    """(what is wrong, how to fix it) for a card picture, or None when it is fine."""
    path = inside(root, rel)
    if path is None:
        return (f"the picture `{rel}` is outside the deck folder",
                "Put the picture in the deck's images/ folder and write its path from there, "
                "e.g. `image: images/first-night.png` (no `..`, no full paths, no links).")
    if not path.is_file():
        folder = path.parent
        near = ""
        if folder.is_dir():
            import difflib

            names = [p.name for p in folder.iterdir()]
            m = difflib.get_close_matches(path.name, names, n=1)
            if m:
                near = f" Did you mean `{PurePosixPath(rel).parent / m[0]}`?"
        return (f"the picture `{rel}` was not found",
                "Check the file name and folder (capital letters count)." + near)
    size = path.stat().st_size
    if size > MAX_IMAGE_BYTES:
        return (f"the picture `{rel}` is too big ({size // 2**20} MB)",
                f"Save it smaller (under {MAX_IMAGE_BYTES // 2**20} MB), e.g. 1200 pixels wide.")
    try:
        info = image_size(path)
    except OSError as e:
        return (f"the picture `{rel}` could not be read ({e.strerror})", "Check the file.")
    if info is None:
        return (f"the picture `{rel}` is not a PNG or JPEG image",
                "Save or export it as PNG or JPEG (a renamed file is not enough).")
    kind, w, h = info
    if w > MAX_SIDE or h > MAX_SIDE:
        return (f"the picture `{rel}` is {w}x{h} pixels, which is too large",
                f"Make it at most {MAX_SIDE} pixels on each side (1200 is plenty).")
    if kind == "png" and (w == 0 or h == 0):
        return (f"the picture `{rel}` is damaged (it has no size)", "Save it again.")
    return None

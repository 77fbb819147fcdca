"""Pictures: paths that stay inside the deck folder, and a look at the file's structure only.

Decoding a hostile image can take huge memory (a 100,000 x 100,000 PNG is a few KB on disk), so
the size is read from the header before anything decodes it: by `check`, and again by
`readable_picture` every time the window or `print` loads a picture. Headers are read by hand
(a few struct reads, bounded): deck/ stays pure, and checking a deck decodes nothing.
A camera's EXIF orientation ("these pixels are stored a quarter turn round") is read the same
way (`orientation`), so the window, `print` and `check` all see a phone photo upright.
"""

from __future__ import annotations

import os
import stat
import struct
from pathlib import Path, PurePosixPath, PureWindowsPath

MAX_IMAGE_BYTES = 20 * 1024 * 1024
MAX_SIDE = 8000
MAX_PIXELS = 40_000_000  # decoded, about 160 MB: a camera photo fits, a decompression bomb not
# The one rule for how big a picture should be, said by `check`, `new`'s README and the guide:
# its shorter side at least this many pixels. Measured with the real layouts
# (tests/authoring/test_picture_rule.py): a 1080p screen draws a card's picture at most 332
# pixels on its shorter side; printed at 300 dpi, a table card's picture is at most 42 mm
# (496 pixels) and a journey card with `new`'s few words gives it 621 pixels (53 mm), where
# 600 prints at 290 dpi; only a journey card with almost no words lets it reach 62 mm (245 dpi).
PICTURE_MIN_SIDE = 600


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
    # the usual case: plain folders and files, no resolving (and nothing to follow in memory)
    if getattr(root, "in_memory", False) or not _has_link(root, parts):
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


class PictureError(Exception):
    """A picture that must not be decoded: what is wrong, in words for the author."""


_PNG = b"\x89PNG\r\n\x1a\n"
_SOF = frozenset((0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF))
MAX_SEGMENTS = 4_000  # JPEG segments before the size; PNG chunks in the whole file
PNG_EXIF_WITHIN = 64 * 1024  # a PNG's orientation (eXIf chunk) is looked for this far in


def image_size(path: Path) -> tuple[str, int, int] | None:
    """('png'|'jpeg', width, height) from the header, or None if it is neither. A JPEG's size
    can come after any number of other segments, so they are walked through the whole file;
    (kind, 0, 0) when the size is missing. The size is the one seen: a phone photo stored
    sideways with an EXIF orientation gives its upright width and height."""
    with open(path, "rb") as fh:
        head = fh.read(32)
        if head.startswith(_PNG):
            kind, w, h = _png_size(head)
            fh.seek(0)
            data = fh.read(PNG_EXIF_WITHIN)  # eXIf comes before the picture data
        elif head.startswith(b"\xff\xd8"):
            fh.seek(0)
            data = fh.read(MAX_IMAGE_BYTES + 1)
            kind, w, h = _jpeg_size(data)
        else:
            return None
    return (kind, *turned_size(data, w, h))


def _png_size(head: bytes) -> tuple[str, int, int]:
    if head[12:16] != b"IHDR" or len(head) < 24:
        return "png", 0, 0
    w, h = struct.unpack(">II", head[16:24])
    return "png", w, h


def _jpeg_size(data: bytes) -> tuple[str, int, int]:
    i, n = 2, len(data)
    for _ in range(MAX_SEGMENTS):
        while i < n and data[i] == 0xFF and i + 1 < n and data[i + 1] == 0xFF:
            i += 1  # fill bytes
        if i + 4 > n or data[i] != 0xFF:
            break
        marker = data[i + 1]
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            i += 2
            continue
        if marker in (0xD9, 0xDA):  # the end, or the picture data: no size came first
            break
        seg = struct.unpack_from(">H", data, i + 2)[0]
        if marker in _SOF:
            if i + 9 > n or seg < 7:
                break
            h, w = struct.unpack_from(">HH", data, i + 5)
            return "jpeg", w, h
        i += 2 + seg
    return "jpeg", 0, 0


def orientation(data: bytes) -> int:
    """The EXIF orientation of a JPEG (APP1 "Exif") or PNG (eXIf chunk): 1 upright (also
    when there is none, or it is damaged); 3 upside down; 6 and 8 stored a quarter turn
    (a phone held upright); 2, 4, 5, 7 mirrored. Cameras store the pixels as the sensor saw
    them and this tag says how to turn them, so the window and `print` apply it.
    A few bounded struct reads of the bytes already in memory."""
    tiff = _exif_block(data)
    if tiff is None or len(tiff) < 8:
        return 1
    order = {b"II": "<", b"MM": ">"}.get(tiff[:2])
    if order is None:
        return 1
    ifd = struct.unpack_from(order + "I", tiff, 4)[0]
    if ifd + 2 > len(tiff):
        return 1
    count = struct.unpack_from(order + "H", tiff, ifd)[0]
    for k in range(min(count, 512)):
        at = ifd + 2 + 12 * k
        if at + 12 > len(tiff):
            break
        tag, kind = struct.unpack_from(order + "HH", tiff, at)
        if tag == 0x0112 and kind == 3:  # Orientation, a SHORT
            value = struct.unpack_from(order + "H", tiff, at + 8)[0]
            return value if 1 <= value <= 8 else 1
    return 1


def turned_size(data: bytes, w: int, h: int) -> tuple[int, int]:
    """(width, height) as the picture is seen once its EXIF orientation is applied."""
    return (h, w) if orientation(data) in (5, 6, 7, 8) else (w, h)


def _exif_block(data: bytes) -> bytes | None:
    """The EXIF (TIFF) bytes of a JPEG or PNG, or None."""
    if data.startswith(_PNG):
        i, n = 8, len(data)
        for _ in range(MAX_SEGMENTS * 25):
            if i + 8 > n:
                return None
            length, kind = struct.unpack_from(">I4s", data, i)
            if kind == b"eXIf":
                return data[i + 8:i + 8 + length]
            if kind in (b"IDAT", b"IEND"):  # eXIf comes before the picture data
                return None
            i += 12 + length
        return None
    if not data.startswith(b"\xff\xd8"):
        return None
    i, n = 2, len(data)
    for _ in range(MAX_SEGMENTS):
        if i + 4 > n or data[i] != 0xFF:
            return None
        marker = data[i + 1]
        if marker in (0xD9, 0xDA):  # the end, or the picture data: no EXIF came first
            return None
        seg = struct.unpack_from(">H", data, i + 2)[0]
        if marker == 0xE1 and data[i + 4:i + 10] == b"Exif\0\0":
            return data[i + 10:i + 2 + seg]
        i += 2 + seg
    return None


def _png_damage(data: bytes) -> str | None:
    """Why a PNG's chunks do not hold together (cut short, no picture data), or None."""
    i, n, seen_data = 8, len(data), False
    for _ in range(MAX_SEGMENTS * 25):
        if i + 12 > n:
            return "it is cut short (the end of the file is missing)"
        length, kind = struct.unpack_from(">I4s", data, i)
        if i + 12 + length > n:
            return "it is cut short (the end of the file is missing)"
        if kind == b"IDAT":
            seen_data = True
        if kind == b"IEND":
            return None if seen_data else "it has no picture data"
        i += 12 + length
    return "it has too many parts"


def _read_head(path, limit: int) -> bytes:
    """The first `limit` bytes of a file on disk or of one held in memory."""
    if getattr(path, "in_memory", False):
        return path.read_bytes()[:limit]
    with open(path, "rb") as fh:
        return fh.read(limit)


def readable_picture(path: Path | str) -> tuple[bytes, str]:
    """(the file's bytes, 'png' | 'jpeg') when the picture is safe to decode from exactly
    these bytes: a PNG or JPEG (by its content, whatever its name), not too big on disk,
    its size read from the header and bounded, and a PNG whole. Raises PictureError.
    The window and `print` call this every time they load a picture, so a file changed or
    swapped after `check` (an SVG, a huge JPEG) is refused, never decoded."""
    if not getattr(path, "in_memory", False):  # a deck held in memory (deck/memfolder.py)
        path = Path(path)
    try:
        data = _read_head(path, MAX_IMAGE_BYTES + 1)
    except OSError as e:
        raise PictureError(f"it could not be read ({e.strerror})") from None
    if len(data) > MAX_IMAGE_BYTES:
        raise PictureError(f"it is too big (over {MAX_IMAGE_BYTES // 2**20} MB)")
    if data.startswith(_PNG):
        kind, w, h = _png_size(data[:32])
        damage = _png_damage(data)
    elif data.startswith(b"\xff\xd8"):
        kind, w, h = _jpeg_size(data)
        damage = None
    else:
        raise PictureError("it is not a PNG or JPEG image")
    if w == 0 or h == 0:
        raise PictureError("it is damaged (it has no size)")
    if w > MAX_SIDE or h > MAX_SIDE or w * h > MAX_PIXELS:
        raise PictureError(f"it is {w}x{h} pixels, which is too large")
    if damage:
        raise PictureError(f"it is damaged: {damage}")
    return data, kind


def check(root: Path, rel: str) -> tuple[str, str] | None:
    """(what is wrong, how to fix it) for a card picture, or None when it is fine."""
    if "\\" in rel:
        return (f"the picture `{rel}` is written with `\\` between folders",
                "Write `/` between folders, e.g. `image: images/first-night.png`: it works on "
                "every computer (`\\` only on Windows).")
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
        readable_picture(path)
    except PictureError as e:
        why = str(e)
        if "not a PNG" in why:
            hint = "Save or export it as PNG or JPEG (a renamed file is not enough)."
        elif "too large" in why:
            hint = (f"Make it at most {MAX_SIDE} pixels on each side (1200 is plenty).")
        else:
            hint = "Open it in a drawing program and save it again, or export it again."
        return f"the picture `{rel}`: {why}", hint
    return None

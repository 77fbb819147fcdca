"""Bringing a photo or a scan into a deck: bytes in, bytes out, nothing written.

`import_photo(data, rotate=0, crop=None, max_side=1600) -> (bytes, "png" | "jpeg")` turns
whatever a person chose or dropped on the window (a phone photo, a scan, a drawing saved from
a paint program) into a picture a deck can carry:

1. It is opened only if it really is a raster picture (PNG, JPEG, GIF, WebP or BMP, by its
   content, whatever its name), and its size is read from the header before anything is
   decoded: a few KB that would expand to gigabytes (a "pixel bomb") is refused undecoded.
   Big camera JPEGs are decoded at a reduced scale straight away (JPEG "draft" mode), so a
   100-megapixel photo costs tens of MB, not half a gigabyte.
2. The camera's EXIF orientation is applied, so a photo taken with the phone held upright is
   upright in the deck (most cameras store the pixels sideways and a tag saying "turn me").
3. Then the person's own `rotate` (degrees clockwise, a multiple of 90), then `crop` (a box
   `(left, top, right, bottom)` in the rotated picture's own pixels: `picture_size` gives
   that size), then it is scaled down so its longest side is at most `max_side`.
4. It is saved again from the pixels alone: **every EXIF field is dropped**, with the GPS
   position a phone writes into each photo, the camera's serial number and the time it was
   taken. A deck is made to be shared; where a young person lives must never travel with it.
   JPEG photos stay JPEG (small); drawings, scans saved as PNG and anything with
   see-through parts become PNG (crisp lines, no smudges around them).

Anything else raises `PictureRefused(message)`, one plain sentence to show as it is: not a
picture, an SVG or HEIC file, cut short, too big in bytes or in pixels.

Pillow does the decoding and encoding: it is the library every Python imaging tool uses, it
reads EXIF and every common camera format, and fpdf2 already depends on it.
"""

from __future__ import annotations

import importlib
import io
import warnings
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PIL import Image, ImageOps
else:
    class _Later:
        """Pillow, imported when a picture is first read: the session layer also runs in a
        browser (Pyodide), where this module must import though Pillow is not there."""

        def __init__(self, name: str) -> None:
            self._name = name

        def __getattr__(self, attr: str) -> Any:
            return getattr(importlib.import_module(self._name), attr)

    Image, ImageOps = _Later("PIL.Image"), _Later("PIL.ImageOps")

__all__ = ["MAX_INPUT_BYTES", "PictureRefused", "import_photo", "picture_size"]

MAX_INPUT_BYTES = 40 * 1024 * 1024  # a big camera JPEG is 10-25 MB; a RAW file is refused
MAX_DECODED_PIXELS = 40_000_000  # decoded at once (about 160 MB): as `check` allows
MAX_JPEG_PIXELS = 170_000_000  # a JPEG: decoded at 1/2..1/8 scale (draft); 108 MP phones fit
MAX_INPUT_SIDE = 30_000
MIN_CROP = 8  # pixels: a smaller box is a slip of the mouse, not a picture
JPEG_QUALITY = 88
FORMATS = ("PNG", "JPEG", "GIF", "WEBP", "BMP")

# EXIF orientation 5..8 store the picture turned a quarter: its sides swap when applied.
_SWAPS_SIDES = frozenset((5, 6, 7, 8))
_ORIENTATION = 0x0112


class PictureRefused(Exception):
    """A file that is not brought in, and why, in one plain message for the person."""


def _not_a_picture(data: bytes) -> str | None:
    """Words for the file types people most often mistake for pictures, or None."""
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<svg", b"<?xml")) and b"<svg" in data[:4096].lower():
        return ("This is an SVG drawing (shapes written as text), not a picture file. Open "
                "it in a drawing program and export it as PNG, then bring that in.")
    if data[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftyphevc", b"ftypavif"):
        return ("This photo is saved as HEIC or AVIF (what iPhones use), which cannot be "
                "read here. On the phone, choose Settings > Camera > Formats > Most "
                "Compatible, or share the photo as JPEG, then bring that in.")
    if head.startswith(b"%pdf"):
        return ("This is a PDF document, not a picture. Take a screenshot of the part you "
                "want, or export that page as PNG, then bring that in.")
    return None


def _open(data: bytes) -> Image.Image:
    """The picture, opened lazily (header only), or PictureRefused."""
    if not data:
        raise PictureRefused("This file is empty: there is no picture in it.")
    if len(data) > MAX_INPUT_BYTES:
        raise PictureRefused(f"This file is {len(data) // 2**20} MB, too big to bring in "
                             f"(the most is {MAX_INPUT_BYTES // 2**20} MB). Save a smaller "
                             "copy, for example 2000 pixels wide.")
    why = _not_a_picture(data)
    if why:
        raise PictureRefused(why)
    try:
        with warnings.catch_warnings():  # sizes are checked here (_check_size), not by
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # Pillow's own
            return Image.open(io.BytesIO(data), formats=FORMATS)  # (its error still stands)
    except Image.DecompressionBombError:
        raise _too_many_pixels() from None
    except (Image.UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError):
        raise PictureRefused("This file is not a picture that can be used here. Bring in a "
                             "PNG or JPEG photo or drawing (a renamed file is not "
                             "enough).") from None


def _too_many_pixels(w: int = 0, h: int = 0) -> PictureRefused:
    size = f" ({w} x {h} pixels)" if w and h else ""
    return PictureRefused(f"This picture is far too large{size} to open safely. Save a "
                          "smaller copy, for example 2000 pixels wide, and bring that in.")


def _orientation(im: Image.Image) -> int:
    try:
        value = im.getexif().get(_ORIENTATION, 1)
    except Exception:  # a damaged EXIF block: the pixels are still the picture
        return 1
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


def _check_size(im: Image.Image) -> None:
    w, h = im.size
    if w < 1 or h < 1:
        raise PictureRefused("This picture is damaged: it has no size.")
    most = MAX_JPEG_PIXELS if im.format == "JPEG" else MAX_DECODED_PIXELS
    if w > MAX_INPUT_SIDE or h > MAX_INPUT_SIDE or w * h > most:
        raise _too_many_pixels(w, h)


def picture_size(data: bytes) -> tuple[int, int]:
    """(width, height) of the picture as it is seen: after its EXIF orientation, before any
    rotate or crop. Reads the header only. Raises PictureRefused."""
    with _open(data) as im:
        _check_size(im)
        w, h = im.size
        return (h, w) if _orientation(im) in _SWAPS_SIDES else (w, h)


def _quarter_turns(rotate: int) -> int:
    if rotate % 90:
        raise ValueError(f"rotate must be a multiple of 90 degrees, not {rotate}")
    return (rotate // 90) % 4


def _box(crop, size: tuple[int, int], scale: float) -> tuple[int, int, int, int] | None:
    """`crop` (in full-size rotated pixels) in the decoded picture's pixels, kept inside it."""
    if crop is None:
        return None
    w, h = size
    left, top, right, bottom = (float(v) * scale for v in crop)
    left, right = sorted((left, right))
    top, bottom = sorted((top, bottom))
    box = (max(0, round(left)), max(0, round(top)), min(w, round(right)), min(h, round(bottom)))
    if box[2] - box[0] < max(1, MIN_CROP * scale) or box[3] - box[1] < max(1, MIN_CROP * scale):
        raise PictureRefused("The part of the picture you chose is too small. Choose a "
                             "bigger part, or keep the whole picture.")
    return box


def _draft(im: Image.Image, full: tuple[int, int], crop, max_side: int) -> None:
    """Ask a JPEG to decode at the smallest scale (1/2, 1/4, 1/8) that still gives the kept
    part at least `max_side` pixels on its longest side."""
    if im.format != "JPEG":
        return
    kept = full
    if crop is not None:
        kept = (abs(crop[2] - crop[0]) or 1, abs(crop[3] - crop[1]) or 1)
    k = min(1.0, max_side / max(kept))
    w, h = im.size
    cap = (MAX_DECODED_PIXELS / (w * h)) ** 0.5
    if k > cap:  # a small part of a huge photo: as much detail as is safe to decode
        k = max((s for s in (0.5, 0.25, 0.125) if s <= cap), default=0.125)
    im.draft("RGB", (max(1, int(w * k)), max(1, int(h * k))))
    if im.size[0] * im.size[1] > MAX_DECODED_PIXELS:
        raise _too_many_pixels(w, h)


def _has_alpha(im: Image.Image) -> bool:
    return im.mode in ("RGBA", "LA", "PA") or (im.mode == "P" and "transparency" in im.info)


def import_photo(data: bytes, rotate: int = 0, crop=None,
                 max_side: int = 1600) -> tuple[bytes, str]:
    """The picture in `data` upright (EXIF), turned by `rotate` degrees clockwise, cut to
    `crop` (left, top, right, bottom in the turned picture's full-size pixels), at most
    `max_side` pixels long, and with no EXIF left: (bytes, "jpeg" | "png").
    Raises PictureRefused for anything that is not a usable picture."""
    turns = _quarter_turns(rotate)
    with _open(data) as im:
        _check_size(im)
        source = im.format
        orient = _orientation(im)
        w0, h0 = im.size
        upright = (h0, w0) if orient in _SWAPS_SIDES else (w0, h0)
        full = (upright[1], upright[0]) if turns % 2 else upright
        _draft(im, full, crop, max_side)
        try:
            im.load()  # an animated GIF or WebP: its first frame
        except (OSError, ValueError, SyntaxError, EOFError, Image.DecompressionBombError):
            raise PictureRefused("This picture is damaged or cut short (the end of the file "
                                 "is missing). Save or download it again, then bring it "
                                 "in.") from None
        pic = ImageOps.exif_transpose(im) if orient != 1 else im.copy()
    scale = pic.size[0] / upright[0]  # decoded / full size (draft mode decodes smaller)
    alpha = _has_alpha(pic)
    pic = pic.convert("RGBA" if alpha else "RGB")
    if turns:  # Pillow turns anticlockwise: a quarter clockwise is ROTATE_270
        pic = pic.transpose({1: Image.Transpose.ROTATE_270, 2: Image.Transpose.ROTATE_180,
                             3: Image.Transpose.ROTATE_90}[turns])
    box = _box(crop, pic.size, scale)
    if box is not None:
        pic = pic.crop(box)
    if max(pic.size) > max_side:
        pic.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    return _encode(pic, photo=source == "JPEG" and not alpha)


def _encode(pic: Image.Image, photo: bool) -> tuple[bytes, str]:
    """Saved from the pixels alone: no EXIF, no text chunks, no colour-profile blob."""
    out = io.BytesIO()
    if photo:
        pic.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
        return out.getvalue(), "jpeg"
    pic.save(out, "PNG", optimize=pic.size[0] * pic.size[1] <= 1_000_000)
    return out.getvalue(), "png"

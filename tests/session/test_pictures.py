"""Photos and scans brought into a deck (session/pictures.py): upright, turned and cut as the
person asked, small enough, with no EXIF left (a phone's GPS position must never travel in a
shared deck), and one plain refusal for anything that is not a usable picture."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image

from cardsdealt.deck.images import readable_picture
from cardsdealt.session.pictures import PictureRefused, import_photo, picture_size

BLUE, RED = (0, 0, 255), (255, 0, 0)


def sideways_photo(orientation: int = 6, size=(400, 200), gps: bool = True) -> bytes:
    """A phone photo stored as the sensor saw it: the left quarter blue, the rest red, with
    an EXIF orientation tag (6: turn a quarter clockwise to see it) and a GPS position."""
    im = Image.new("RGB", size, RED)
    im.paste(BLUE, (0, 0, size[0] // 4, size[1]))
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "PhoneMaker"
    if gps:
        exif[0x8825] = {1: "N", 2: (53.0, 44.0, 31.0), 3: "W", 4: (0.0, 20.0, 10.0)}
    out = io.BytesIO()
    im.save(out, "JPEG", exif=exif, quality=95)
    return out.getvalue()


def _open(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data))


def test_a_sideways_phone_photo_comes_in_upright_with_no_exif_or_gps():
    data = sideways_photo()
    assert picture_size(data) == (200, 400)
    out, ext = import_photo(data)
    assert ext == "jpeg"
    pic = _open(out)
    assert pic.size == (200, 400)
    assert pic.getpixel((100, 40))[2] > 200  # the blue quarter is now at the top
    assert pic.getpixel((100, 360))[0] > 200
    assert not dict(pic.getexif())
    assert b"Exif" not in out and b"PhoneMaker" not in out and b"GPS" not in out
    readable_picture_ok(out)


def readable_picture_ok(data: bytes, tmp=None) -> None:
    """What the deck's own checks say about the result: a picture a deck can carry."""
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "p.img"
        p.write_bytes(data)
        readable_picture(p)


def test_rotate_then_crop_in_the_turned_pictures_coordinates():
    data = sideways_photo()  # seen as 200 x 400: blue top quarter (y < 100)
    out, _ = import_photo(data, rotate=90)  # turned again: 400 x 200, blue on the right
    pic = _open(out)
    assert pic.size == (400, 200) and pic.getpixel((380, 100))[2] > 200
    out, _ = import_photo(data, rotate=-90, crop=(0, 0, 100, 200))  # blue on the left; keep it
    pic = _open(out)
    assert pic.size == (100, 200)
    assert pic.getpixel((50, 100))[2] > 200 and pic.getpixel((95, 100))[2] > 150
    out, _ = import_photo(data, rotate=180)
    assert _open(out).getpixel((100, 380))[2] > 200


def test_scaled_down_to_max_side_keeping_its_shape():
    im = Image.new("RGB", (3000, 1500), (30, 120, 60))
    buf = io.BytesIO()
    im.save(buf, "JPEG")
    out, ext = import_photo(buf.getvalue(), max_side=1600)
    assert ext == "jpeg" and _open(out).size == (1600, 800)


def _grey_jpeg(size, blue_box) -> bytes:
    im = Image.new("RGB", size, (200, 200, 200))
    im.paste(BLUE, blue_box)
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=70)
    return buf.getvalue()


def test_a_big_camera_jpeg_is_cropped_at_full_detail():
    data = _grey_jpeg((6000, 4000), (4000, 3000, 4400, 3300))
    out, _ = import_photo(data, crop=(4000, 3000, 4400, 3300), max_side=1600)
    pic = _open(out)
    assert pic.size == (400, 300)  # the kept part keeps its own pixels
    assert pic.getpixel((200, 150))[2] > 200


def test_a_huge_camera_jpeg_is_decoded_at_a_safe_scale():
    data = _grey_jpeg((12000, 8000), (6000, 4000, 6800, 4600))  # 96 megapixels
    out, _ = import_photo(data)
    assert _open(out).size == (1600, 1067)
    out, _ = import_photo(data, crop=(6000, 4000, 6800, 4600))  # as much detail as is safe
    pic = _open(out)
    assert pic.size == (400, 300) and pic.getpixel((200, 150))[2] > 200


def test_drawings_stay_png_and_keep_see_through_parts():
    im = Image.new("RGBA", (300, 200), (0, 0, 0, 0))
    im.paste((20, 20, 20, 255), (10, 10, 290, 30))
    buf = io.BytesIO()
    im.save(buf, "PNG")
    out, ext = import_photo(buf.getvalue())
    assert ext == "png"
    pic = _open(out)
    assert pic.mode == "RGBA" and pic.getpixel((150, 100))[3] == 0
    assert pic.getpixel((150, 20)) == (20, 20, 20, 255)


def test_a_png_keeps_no_text_chunks_or_exif():
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Location", "53.7676 N, 0.3274 W")
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (53.0, 44.0, 31.0)}
    im = Image.new("RGB", (64, 64), (250, 250, 250))
    buf = io.BytesIO()
    im.save(buf, "PNG", pnginfo=info, exif=exif)
    out, ext = import_photo(buf.getvalue())
    assert ext == "png" and b"53.7676" not in out and b"eXIf" not in out and b"tEXt" not in out


def _png_bomb(w: int, h: int) -> bytes:
    """A tiny PNG whose header claims w x h pixels (its picture data is a few bytes)."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(
            ">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
    ihdr = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(b"\0" * 1000)) + chunk(b"IEND", b""))


SVG = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"/>'


@pytest.mark.parametrize("data, words", [
    (b"", "empty"),
    (SVG, "SVG"),
    (b"MZ\x90\x00" + b"\0" * 200, "not a picture"),  # a renamed Windows program
    (b"\0\0\0\x18ftypheic" + b"\0" * 100, "HEIC"),
    (b"%PDF-1.7\n" + b"\0" * 100, "PDF"),
    (_png_bomb(100_000, 100_000), "far too large"),
    (_png_bomb(9_000, 9_000), "far too large"),  # 81 MP: more than is ever decoded at once
])
def test_not_a_usable_picture_is_refused_in_plain_words(data, words):
    with pytest.raises(PictureRefused) as e:
        import_photo(data)
    assert words in str(e.value)
    assert "\n" not in str(e.value) and "Traceback" not in str(e.value)


def test_a_picture_cut_short_is_refused():
    data = sideways_photo()
    with pytest.raises(PictureRefused, match="cut short"):
        import_photo(data[: len(data) // 2])
    png = io.BytesIO()
    Image.effect_noise((200, 200), 60).save(png, "PNG")
    with pytest.raises(PictureRefused):
        import_photo(png.getvalue()[:-300])


def test_too_big_in_bytes_is_refused_before_anything_is_read():
    from cardsdealt.session import pictures

    with pytest.raises(PictureRefused, match="too big"):
        import_photo(b"\xff\xd8" + b"\0" * (pictures.MAX_INPUT_BYTES + 1))


def test_a_crop_that_is_only_a_slip_of_the_mouse_is_refused():
    with pytest.raises(PictureRefused, match="too small"):
        import_photo(sideways_photo(), crop=(10, 10, 12, 300))


def test_crop_outside_the_picture_is_kept_to_the_picture():
    out, _ = import_photo(sideways_photo(), crop=(-50, -50, 500, 120))
    assert _open(out).size == (200, 120)

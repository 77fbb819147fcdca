"""Issue 17: "a phone photo with an EXIF rotation shows sideways on screen and on paper".
A phone stores an upright photo's pixels sideways with an EXIF orientation tag; the window,
`print` and `check` all see it upright."""

from __future__ import annotations

import io
import shutil
import subprocess

import pygame
import pytest
from PIL import Image, ImageOps

from cardsdealt.deck import images as deck_images
from cardsdealt.render import images

BLUE, RED = (0, 0, 255), (255, 0, 0)


def phone_photo(orientation: int = 6, size=(400, 200), fmt: str = "JPEG") -> bytes:
    """Stored as the sensor saw it: the left quarter blue, the rest red (orientation 6: a
    quarter turn clockwise shows it as the person took it, blue at the top)."""
    im = Image.new("RGB", size, RED)
    im.paste(BLUE, (0, 0, size[0] // 4, size[1]))
    im.paste((0, 200, 0), (size[0] - 20, 0, size[0], 20))  # green: the stored top right
    exif = Image.Exif()
    exif[0x0112] = orientation
    out = io.BytesIO()
    im.save(out, fmt, exif=exif)
    return out.getvalue()


@pytest.fixture(autouse=True)
def _fresh():
    images.clear_caches()
    yield
    images.clear_caches()


def test_the_window_shows_a_sideways_phone_photo_upright(tmp_path):
    p = tmp_path / "photo.jpg"
    p.write_bytes(phone_photo(6))
    img = images.load_picture(str(p))
    assert img is not None and img.get_size() == (200, 400)
    assert img.get_at((100, 40))[2] > 200  # blue on top
    assert img.get_at((100, 360))[0] > 200


@pytest.mark.parametrize("orientation", range(1, 9))
@pytest.mark.parametrize("fmt", ["JPEG", "PNG"])
def test_every_orientation_matches_pillow(tmp_path, orientation, fmt):
    """All eight (four turns, four mirrored), in JPEG (APP1) and PNG (eXIf), as Pillow's
    reference `exif_transpose` shows them."""
    data = phone_photo(orientation, size=(60, 30), fmt=fmt)
    p = tmp_path / ("photo.jpg" if fmt == "JPEG" else "photo.png")
    p.write_bytes(data)
    want = ImageOps.exif_transpose(Image.open(io.BytesIO(data))).convert("RGB")
    got = images.load_picture(str(p))
    assert got is not None and got.get_size() == want.size
    for x, y in [(3, 3), (want.width - 4, 3), (3, want.height - 4),
                 (want.width - 4, want.height - 4), (want.width // 2, want.height // 2)]:
        g, w = got.get_at((x, y))[:3], want.getpixel((x, y))
        assert all(abs(a - b) < 60 for a, b in zip(g, w, strict=True)), (orientation, (x, y), g, w)


def test_damaged_or_missing_exif_changes_nothing():
    assert deck_images.orientation(b"\xff\xd8\xff\xe1\x00\x10Exif\x00\x00MM\x00*\xff\xff") == 1
    assert deck_images.orientation(b"\xff\xd8\xff\xd9") == 1
    assert deck_images.orientation(b"GIF89a") == 1
    big = phone_photo(6)
    assert deck_images.orientation(big) == 6 and deck_images.orientation(big[:40]) == 1


def test_check_reads_the_size_as_seen(tmp_path):
    """`check`'s picture advice names the size a person sees (a small photo: 120 x 240)."""
    from cardsdealt.authoring.lint import advise
    from cardsdealt.deck import load_deck

    root = tmp_path / "deck"
    shutil.copytree(deck_images.Path(__file__).resolve().parents[2] / "decks" / "example",
                    root)
    (root / "images" / "photo.jpg").write_bytes(phone_photo(6, size=(240, 120)))
    for rel in ("cards/classic.yaml", "cards/journey.yaml"):
        f = root / rel
        f.write_text(f.read_text(encoding="utf-8").replace("images/first-night.png",
                                                           "images/photo.jpg"), "utf-8")
    assert deck_images.image_size(root / "images" / "photo.jpg") == ("jpeg", 120, 240)
    deck = load_deck(root)
    photo = {c.id for c in deck.cards if c.image == "images/photo.jpg"}
    small = [p.message for p in advise(deck) if "is small" in p.message
             and p.message.split("`")[1] in photo]
    assert small and all("(120x240)" in m for m in small)


def _transitions(png) -> tuple[int, int]:
    """(blue/red edges between pixels side by side, between pixels one above the other)."""
    s = pygame.image.load(str(png))
    w, h = s.get_size()

    def kind(c):
        if c[2] > 170 and c[0] < 90 and c[1] < 90:
            return "b"
        if c[0] > 170 and c[1] < 90 and c[2] < 90:
            return "r"
        return ""
    grid = [[kind(s.get_at((x, y))) for x in range(w)] for y in range(h)]
    across = sum(1 for y in range(h) for x in range(w - 1)
                 if {grid[y][x], grid[y][x + 1]} == {"b", "r"})
    down = sum(1 for y in range(h - 1) for x in range(w)
               if {grid[y][x], grid[y + 1][x]} == {"b", "r"})
    return across, down


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_print_puts_a_sideways_phone_photo_upright_on_paper(deck_copy, tmp_path):
    """Every picture of the example deck replaced by the phone photo: on the printed faces the
    blue/red edge runs across (photo upright), not up and down (photo on its side)."""
    from cardsdealt.cli import main

    (deck_copy.root / "images" / "photo.jpg").write_bytes(phone_photo(6))
    for rel in ("cards/classic.yaml", "cards/journey.yaml"):
        text = (deck_copy.root / rel).read_text(encoding="utf-8")
        for name in ("first-night", "phone-call", "new-school", "my-room", "meeting"):
            text = text.replace(f"images/{name}.png", "images/photo.jpg")
        (deck_copy.root / rel).write_text(text, encoding="utf-8")
    out = tmp_path / "cards.pdf"
    assert main(["print", str(deck_copy.root), "-o", str(out)]) == 0
    subprocess.run(["pdftoppm", "-r", "30", "-png", "-f", "2", "-l", "6", str(out),
                    str(tmp_path / "p")], check=True)
    pages = [_transitions(p) for p in sorted(tmp_path.glob("p*.png"))]
    across, down = sum(a for a, _ in pages), sum(d for _, d in pages)
    assert down > 40 and across < down // 5, pages

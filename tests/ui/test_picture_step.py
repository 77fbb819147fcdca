"""The studio's picture step (ui/pygame/studio/picture.py) and files dropped on the window
(ui/pygame/drop.py): a drawing or a photo is finished with the keyboard alone and with the
mouse alone; a photo comes in upright, turned and cropped as asked, with no EXIF; a zip
dropped anywhere offers to open a shared deck, and a hostile one is refused in plain words."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pygame
import pytest
from PIL import Image
from uikit import Harness

from cardsdealt.ui.pygame.canvas import CRAYONS
from cardsdealt.ui.pygame.studio.picture import open_picture_step

E = pygame.event.Event
K = pygame
EXAMPLE = Path(__file__).resolve().parents[2] / "decks" / "example"


def photo_file(folder: Path, name: str = "holiday.jpg", orientation: int = 6,
               when: float = 2000.0) -> Path:
    """Stored sideways (left quarter blue, rest red) with an orientation tag and a GPS fix."""
    im = Image.new("RGB", (400, 200), (255, 0, 0))
    im.paste((0, 0, 255), (0, 0, 100, 200))
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x8825] = {1: "N", 2: (53.0, 44.0, 31.0)}
    folder.mkdir(parents=True, exist_ok=True)
    p = folder / name
    im.save(p, "JPEG", exif=exif)
    os.utime(p, (when, when))
    return p


class Step:
    def __init__(self, tmp_path: Path, size=(1280, 720), folders=None):
        self.h = Harness(size)
        self.got: list[tuple[bytes, str]] = []
        self.step = open_picture_step(self.h.app, lambda d, e: self.got.append((d, e)),
                                      folders=[tmp_path / "Pictures"] if folders is None
                                      else folders)
        self.h.frame()

    def key(self, key, unicode="", mod=0):
        self.h.key(key, unicode, mod)

    def tab_to(self, key: str, limit: int = 60):
        for _ in range(limit):
            if self.step.focus == key:
                return
            self.key(K.K_TAB)
        raise AssertionError(f"Tab never reaches {key}: at {self.step.focus}")

    def target(self, key: str):
        return next(t for t in self.step.targets() if t.key == key)

    def click(self, key: str):
        at = self.target(key).rect.center
        self.h.click(at)
        self.h.app.step([E(K.MOUSEBUTTONUP, pos=at, button=1)], 0.02)

    def drag(self, a, b, steps=6):
        app = self.h.app
        app.step([E(K.MOUSEBUTTONDOWN, pos=a, button=1)], 0.02)
        for i in range(1, steps + 1):
            p = (a[0] + (b[0] - a[0]) * i // steps, a[1] + (b[1] - a[1]) * i // steps)
            app.step([E(K.MOUSEMOTION, pos=p, rel=(1, 1), buttons=(1, 0, 0))], 0.02)
        app.step([E(K.MOUSEBUTTONUP, pos=b, button=1)], 0.02)


def _img(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data)).convert("RGB")


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_every_target_is_big_enough_to_touch(tmp_path, size):
    photo_file(tmp_path / "Pictures")
    s = Step(tmp_path, size)
    k = size[1] / 1080
    for view in ("draw", "choose"):
        s.step.show_view(view)
        s.h.settle(0.3)
        for t in s.step.targets():
            assert min(t.rect.w, t.rect.h) >= 48 * k, (view, t.key, t.rect)
            assert s.h.app.screen.get_rect().contains(t.rect), (view, t.key)
    s.step.open_file(tmp_path / "Pictures" / "holiday.jpg")
    for t in s.step.targets():
        assert min(t.rect.w, t.rect.h) >= 48 * k, t.key


def test_draw_with_the_keyboard_alone(tmp_path):
    s = Step(tmp_path)
    s.tab_to("crayon-1")  # Blue
    s.key(K.K_RETURN)
    s.tab_to("draw-canvas")
    s.key(K.K_SPACE, " ")
    for _ in range(6):
        s.key(K.K_RIGHT, mod=K.KMOD_SHIFT)
    s.key(K.K_SPACE, " ")
    s.tab_to("use")
    s.key(K.K_RETURN)
    assert s.step not in s.h.app.scenes
    (data, ext), = s.got
    img = _img(data)
    assert ext == "png" and img.size == (1200, 900)
    assert img.getpixel((600 + 150, 450)) == CRAYONS[1][1]


def test_draw_undo_and_clear_with_the_mouse_alone(tmp_path):
    s = Step(tmp_path)
    canvas = s.target("draw-canvas").rect
    s.click("crayon-3")  # Green
    s.drag((canvas.x + 40, canvas.centery), (canvas.right - 40, canvas.centery))
    s.drag((canvas.centerx, canvas.y + 40), (canvas.centerx, canvas.bottom - 40))
    s.click("undo")
    assert len(s.step.canvas.history) == 1
    s.click("clear")
    assert s.step.canvas.empty
    s.click("use")  # nothing drawn: it says so and stays
    assert s.step in s.h.app.scenes and "Draw something" in s.step.message
    s.click("undo")  # the clear is undone
    s.click("use")
    (data, ext), = s.got
    img = _img(data)
    assert img.getpixel((600, 450)) == CRAYONS[3][1]  # the line across
    assert img.getpixel((600, 100)) == (255, 255, 255)  # the line down was undone


def test_cancel_changes_nothing(tmp_path):
    s = Step(tmp_path)
    s.key(K.K_ESCAPE)
    assert s.step not in s.h.app.scenes and s.got == []


def test_photo_with_the_keyboard_alone_turn_and_crop(tmp_path):
    photo_file(tmp_path / "Pictures")
    s = Step(tmp_path)
    s.tab_to("view-photo")
    s.key(K.K_RETURN)
    s.h.settle(0.3)
    assert s.step.focus == "file-0"
    s.key(K.K_RETURN)
    assert s.step.view == "adjust"
    s.tab_to("turn-right")
    s.key(K.K_RETURN)  # upright it is 200 x 400, blue on top; turned right: blue on the right
    s.tab_to("photo")
    for _ in range(10):  # half as wide...
        s.key(K.K_LEFT, mod=K.KMOD_SHIFT)
        s.key(K.K_LEFT, mod=K.KMOD_SHIFT)
        s.key(K.K_LEFT, mod=K.KMOD_SHIFT)
    for _ in range(20):  # ...moved to the right edge
        s.key(K.K_RIGHT)
    s.tab_to("use")
    s.key(K.K_RETURN)
    (data, ext), = s.got
    img = Image.open(io.BytesIO(data))
    assert ext == "jpeg" and not dict(img.getexif())
    w, h = img.size
    assert h == 200 and w < 400
    assert img.convert("RGB").getpixel((w - 10, 100))[2] > 200  # the blue end kept


def test_photo_with_the_mouse_alone_crop_by_dragging(tmp_path):
    photo_file(tmp_path / "Pictures", "old.jpg", when=1000)
    photo_file(tmp_path / "Pictures", "new.jpg", when=3000)
    s = Step(tmp_path)
    s.click("view-photo")
    s.h.settle(0.3)
    assert s.target("file-0").label == "new.jpg"  # newest first
    s.click("file-0")
    r = s.target("photo").rect  # upright: 200 x 400, blue in the top quarter
    s.drag((r.x + 2, r.y + 2), (r.right - 2, r.y + r.h // 5))
    s.click("use")
    (data, ext), = s.got
    img = _img(data)
    assert img.size[1] < img.size[0]  # only the top strip
    assert img.getpixel((img.size[0] // 2, img.size[1] // 2))[2] > 200


def test_a_file_that_is_not_a_picture_is_refused_on_the_step(tmp_path):
    (tmp_path / "Pictures").mkdir()
    (tmp_path / "Pictures" / "drawing.png").write_text("<svg xmlns='x'/>")
    s = Step(tmp_path)
    s.click("view-photo")
    s.h.settle(0.3)
    s.click("file-0")
    assert s.step.view == "choose" and "SVG" in s.step.message
    s.h.frame()


def test_no_pictures_found_still_offers_the_drop(tmp_path):
    s = Step(tmp_path, folders=[])
    s.click("view-photo")
    s.click("use")
    assert "Choose a photo first" in s.step.message


def test_a_picture_dropped_on_the_open_step_comes_in(tmp_path):
    p = photo_file(tmp_path / "Downloads")
    s = Step(tmp_path)
    s.h.app.step([E(K.DROPFILE, file=str(p))], 0.02)
    assert s.step.view == "adjust" and s.step.photo.name == "holiday.jpg"
    s.tab_to("use")
    s.key(K.K_RETURN)
    (data, _), = s.got
    assert _img(data).size == (200, 400)


# -- a shared deck dropped on the window -----------------------------------------------------

def _zip_of_example(out: Path) -> Path:
    from cardsdealt.session.share import pack

    return pack(EXAMPLE, out)


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("CARDSDEALT_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


def test_a_shared_deck_dropped_on_the_start_screen_is_installed_and_listed(tmp_path,
                                                                             data_dir):
    z = _zip_of_example(tmp_path / "shared.zip")
    h = Harness((1280, 720))
    h.table.start()
    h.settle()
    before = len(h.table.entries)
    h.app.step([E(K.DROPFILE, file=str(z))], 0.02)
    assert h.top.name == "confirm" and "shared.zip" in h.top.message
    h.key(K.K_2, "2")  # "Open it" (the safe answer, "Not now", is marked first)
    assert h.top.name == "message" and h.top.title.startswith("Installed: ")
    assert list((data_dir / "decks").iterdir())
    h.key(K.K_RETURN)
    assert h.top.name == "start"
    assert len(h.table.entries) == before + 1
    h.settle()
    mine = [r for r in h.top.rows if r.kind == "deck"
            and data_dir in Path(r.target.path).parents]
    assert mine  # the installed deck is a row of the start screen


def test_not_now_installs_nothing(tmp_path, data_dir):
    z = _zip_of_example(tmp_path / "shared.zip")
    h = Harness((1280, 720))
    h.table.start()
    h.app.step([E(K.DROPFILE, file=str(z))], 0.02)
    h.key(K.K_1, "1")
    assert h.top.name == "start" and not (data_dir / "decks").exists()


@pytest.mark.parametrize("entry, words", [
    ("../evil.yaml", "outside"),
    ("deck/run.exe", None),
])
def test_a_hostile_zip_is_refused_in_plain_words_and_nothing_is_written(tmp_path, data_dir,
                                                                        entry, words):
    z = tmp_path / "hostile.zip"
    with zipfile.ZipFile(z, "w") as zf:
        for rel, path in [(f"deck/{p.relative_to(EXAMPLE).as_posix()}", p)
                          for p in EXAMPLE.rglob("*") if p.is_file()]:
            zf.write(path, rel)
        zf.writestr(entry, b"MZ\x90\x00")
    h = Harness((1280, 720))
    h.table.start()
    h.app.step([E(K.DROPFILE, file=str(z))], 0.02)
    h.key(K.K_2, "2")
    assert h.top.name == "message" and h.top.title == "This deck was not opened"
    assert "\n" not in h.top.text and h.top.text
    if words:
        assert words in h.top.text
    decks = data_dir / "decks"
    assert not decks.exists() or not [p for p in decks.iterdir()]


def test_a_file_that_is_neither_says_what_can_be_dropped(tmp_path):
    h = Harness((1280, 720))
    h.table.start()
    (tmp_path / "notes.txt").write_text("hello")
    h.app.step([E(K.DROPFILE, file=str(tmp_path / "notes.txt"))], 0.02)
    assert h.top.name == "message" and ".zip" in h.top.text


def test_a_held_arrow_keeps_the_pen_moving_and_a_held_enter_presses_once(tmp_path):
    s = Step(tmp_path)
    s.tab_to("draw-canvas")
    right = E(K.KEYDOWN, key=K.K_RIGHT, mod=0, unicode="", scancode=0)
    up = E(K.KEYUP, key=K.K_RIGHT, mod=0, unicode="", scancode=0)
    xs = []
    for held in (1, 1, 3):  # two single presses, then one press held for two repeats
        s.h.app.step([right] * held + [up], 0.02)
        xs.append(s.step.canvas.pen[0])
    one = xs[1] - xs[0]
    assert one > 0 and xs[2] - xs[1] == pytest.approx(3 * one)
    s.tab_to("use")
    enter = E(K.KEYDOWN, key=K.K_RETURN, mod=0, unicode="\r", scancode=0)
    s.h.app.step([enter, enter], 0.02)  # a held Enter: "Use this picture" once
    assert len(s.got) <= 1

"""What the newcomer walk of the studio found on the picture step (findings-studio.md), kept
fixed: one Tab from the drawing finishes it; the keys line says what the keys do where the
focus is; pressing on the drawing moves the focus ring there at once; a long file name keeps
its ending at the size of the others; the largest text fits every view."""

from __future__ import annotations

import pygame
import pytest
from pixelcheck import measure
from test_picture_step import Step, photo_file

from cardsdealt.render import text as T
from cardsdealt.render.text import font
from cardsdealt.session.settings import TEXT_SIZES, Settings
from cardsdealt.ui.pygame import prefs
from cardsdealt.ui.pygame.studio.picture_choose import short_name

E = pygame.event.Event
K = pygame


def test_one_tab_from_the_drawing_reaches_use_this_picture(tmp_path):
    s = Step(tmp_path)
    assert s.step.focus == "draw-canvas"
    s.key(K.K_SPACE, " ")
    s.key(K.K_RIGHT, mod=K.KMOD_SHIFT)
    s.key(K.K_SPACE, " ")
    s.key(K.K_TAB)
    assert s.step.focus == "use"
    s.key(K.K_RETURN)
    assert len(s.got) == 1 and s.got[0][1] == "png"


def test_the_photo_comes_before_use_this_picture_and_the_side_buttons_after(tmp_path):
    photo_file(tmp_path / "Pictures")
    s = Step(tmp_path)
    s.step.open_file(tmp_path / "Pictures" / "holiday.jpg")
    keys = [t.key for t in s.step.targets()]
    assert keys.index("photo") + 1 == keys.index("use") < keys.index("turn-left")
    assert keys[-1] == "cancel"


def test_the_keys_line_says_what_the_keys_do_where_the_focus_is(tmp_path):
    photo_file(tmp_path / "Pictures")
    s = Step(tmp_path)
    on_drawing = s.step.keys_hint()
    assert "Shift" in on_drawing and "Use this picture" in on_drawing
    s.key(K.K_TAB)
    assert "Enter or Space: press" in s.step.keys_hint()
    s.step.open_file(tmp_path / "Pictures" / "holiday.jpg")
    assert s.step.focus == "photo"
    assert "Shift + arrows" in s.step.keys_hint() and "back to the photos" in s.step.keys_hint()


def test_pressing_on_the_drawing_takes_the_focus_ring_off_the_crayon_at_once(tmp_path):
    s = Step(tmp_path)
    s.click("crayon-2")
    assert s.step.focus == "crayon-2"
    canvas = s.target("draw-canvas").rect
    s.drag((canvas.x + 30, canvas.centery), (canvas.centerx, canvas.centery))
    assert s.step.focus == "draw-canvas"
    shown = s.h.frame().copy()
    s.step.changed()  # everything drawn again from scratch
    fresh = s.h.frame()
    around = s.target("crayon-2").rect.inflate(24, 24)  # the crayon, its ring and arrow
    assert pygame.image.tobytes(shown.subsurface(around), "RGB") == \
        pygame.image.tobytes(fresh.subsurface(around), "RGB")


def test_a_long_file_name_keeps_its_start_and_its_ending():
    pygame.font.init()
    f = font("regular", 20)
    name = "very long name of a picture from the phone 2024-06-11 at 15.30.12.jpg"
    short = short_name(name, f, 160)
    assert f.size(short)[0] <= 160 and "…" in short
    assert short.startswith("very") and short.endswith(".jpg")
    assert short_name("dog.jpg", f, 160) == "dog.jpg"


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_largest_text_fits_every_view_and_reads_clearly(tmp_path, size):
    """At the largest text size in OpenDyslexic on the dark theme (the walk saw the title
    run into the tabs, the headings into their buttons): no text cut, clipped, overlapping
    or off the edge, and every line at WCAG AA contrast."""
    photo_file(tmp_path / "Pictures")
    s = Step(tmp_path, size)
    prefs.apply(s.h.app, Settings(theme="dark", text_size=len(TEXT_SIZES) - 1,
                                  font="opendyslexic"))
    try:
        for view in ("draw", "choose", "adjust"):
            if view == "adjust":
                s.step.open_file(tmp_path / "Pictures" / "holiday.jpg")
            else:
                s.step.show_view(view)
            s.h.settle(0.3)
            found, problems = measure(s.h)
            assert not problems, (view, problems)
            assert all(r.ok for r in found), (view, [str(r) for r in found if not r.ok])
    finally:
        T.configure()

"""The drawing canvas (ui/pygame/canvas.py): lines from the mouse, from fingers and from the
keyboard pen; smooth however fast the hand moves; undo one line at a time; clear, undone by
undo; the eraser; and the PNG that goes in the deck."""

from __future__ import annotations

import io

import pygame
import pytest
from PIL import Image

from cardsdealt.render.theme import contrast_ratio
from cardsdealt.ui.pygame.canvas import CRAYONS, PAPER, SIZES, DrawingCanvas

E = pygame.event.Event
SCREEN = (1920, 1080)
RECT = pygame.Rect(100, 100, 800, 600)  # a 1200 x 900 drawing shown at 2/3


@pytest.fixture
def canvas():
    c = DrawingCanvas((1200, 900))
    c.draw(pygame.Surface(SCREEN), RECT)
    return c


def drag(c, points, button_up=True):
    c.handle(E(pygame.MOUSEBUTTONDOWN, pos=points[0], button=1))
    for p in points[1:]:
        c.handle(E(pygame.MOUSEMOTION, pos=p, rel=(0, 0), buttons=(1, 0, 0)))
    if button_up:
        c.handle(E(pygame.MOUSEBUTTONUP, pos=points[-1], button=1))


def pixel(c, screen_pos):
    x, y = c.to_drawing(screen_pos)
    img = Image.open(io.BytesIO(c.png_bytes())).convert("RGB")
    return img.getpixel((round(x), round(y)))


def test_crayons_stand_out_on_white_and_have_names():
    assert 6 <= len(CRAYONS) <= 8 and len(SIZES) == 3
    for name, colour in CRAYONS:
        assert name and contrast_ratio(colour, PAPER) >= 3.0, name
    assert len({c for _, c in CRAYONS}) == len(CRAYONS)


def test_a_fast_mouse_line_has_no_gaps(canvas):
    canvas.pick_colour(1)
    drag(canvas, [(150, 300), (450, 300), (850, 300)])  # two big jumps between reports
    blue = CRAYONS[1][1]
    for x in range(160, 840, 7):
        assert pixel(canvas, (x, 300)) == blue, x
    assert pixel(canvas, (500, 500)) == PAPER
    assert len(canvas.history) == 1 and not canvas.empty


def test_lines_are_smooth_curves_through_the_reported_points(canvas):
    drag(canvas, [(200, 400), (400, 200), (600, 400)])
    img = Image.open(io.BytesIO(canvas.png_bytes())).convert("RGB")
    x, y = canvas.to_drawing((400, 200))
    assert img.getpixel((round(x), round(y))) == PAPER  # the corner is rounded off
    x, y = canvas.to_drawing((400, 250))  # the curve passes halfway to it
    assert img.getpixel((round(x), round(y))) == CRAYONS[0][1]


def test_undo_takes_back_one_line_and_clear_is_undone_too(canvas):
    drag(canvas, [(200, 200), (300, 200)])
    drag(canvas, [(200, 400), (300, 400)])
    assert canvas.undo()
    assert pixel(canvas, (250, 400)) == PAPER and pixel(canvas, (250, 200)) != PAPER
    canvas.clear()
    assert canvas.empty and pixel(canvas, (250, 200)) == PAPER
    assert canvas.undo()  # the clear
    assert pixel(canvas, (250, 200)) != PAPER
    assert canvas.undo() and not canvas.undo()
    assert canvas.empty


def test_the_eraser_rubs_out_wider_than_the_crayon(canvas):
    canvas.pick_size(2)
    drag(canvas, [(200, 300), (700, 300)])
    canvas.pick_eraser()
    drag(canvas, [(400, 200), (400, 400)])
    assert pixel(canvas, (400, 300)) == PAPER and pixel(canvas, (300, 300)) != PAPER
    assert canvas.undo() and pixel(canvas, (400, 300)) != PAPER


def test_fingers_draw_in_window_fractions_and_mouse_copies_are_ignored(canvas):
    canvas.pick_colour(3)
    w, h = SCREEN
    canvas.handle(E(pygame.FINGERDOWN, x=300 / w, y=500 / h, finger_id=1, touch_id=1))
    # SDL also sends a made-up mouse press for the same touch: it must draw nothing
    assert not canvas.handle(E(pygame.MOUSEBUTTONDOWN, pos=(300, 200), button=1, touch=True))
    canvas.handle(E(pygame.FINGERDOWN, x=300 / w, y=650 / h, finger_id=2, touch_id=1))
    canvas.handle(E(pygame.FINGERMOTION, x=700 / w, y=500 / h, finger_id=1, touch_id=1))
    canvas.handle(E(pygame.FINGERMOTION, x=700 / w, y=650 / h, finger_id=2, touch_id=1))
    canvas.handle(E(pygame.FINGERUP, x=700 / w, y=500 / h, finger_id=1, touch_id=1))
    canvas.handle(E(pygame.FINGERUP, x=700 / w, y=650 / h, finger_id=2, touch_id=1))
    green = CRAYONS[3][1]
    assert pixel(canvas, (500, 500)) == green and pixel(canvas, (500, 650)) == green
    assert pixel(canvas, (500, 200)) == PAPER
    assert len(canvas.history) == 2  # one line per finger, each undone on its own
    canvas.undo()
    assert pixel(canvas, (500, 650)) == PAPER and pixel(canvas, (500, 500)) == green


def test_a_touch_outside_the_canvas_is_not_taken():
    c = DrawingCanvas((1200, 900))
    c.draw(pygame.Surface(SCREEN), RECT)
    assert not c.handle(E(pygame.FINGERDOWN, x=0.9, y=0.9, finger_id=1, touch_id=1))
    assert not c.handle(E(pygame.MOUSEBUTTONDOWN, pos=(1500, 900), button=1))
    assert c.empty


def test_the_keyboard_pen_draws(canvas):
    key = pygame.K_RIGHT
    canvas.handle(E(pygame.KEYDOWN, key=pygame.K_SPACE, mod=0, unicode=" "))
    for _ in range(5):
        canvas.handle(E(pygame.KEYDOWN, key=key, mod=pygame.KMOD_SHIFT, unicode=""))
    canvas.handle(E(pygame.KEYDOWN, key=pygame.K_SPACE, mod=0, unicode=" "))
    img = Image.open(io.BytesIO(canvas.png_bytes())).convert("RGB")
    assert img.getpixel((600 + 120, 450)) == CRAYONS[0][1]
    assert img.getpixel((600 + 300, 450)) == PAPER and len(canvas.history) == 1


def test_the_png_is_the_whole_drawing_at_full_size(canvas):
    drag(canvas, [(120, 120), (880, 680)])
    img = Image.open(io.BytesIO(canvas.png_bytes()))
    assert img.format == "PNG" and img.size == (1200, 900)


def test_what_is_shown_follows_the_drawing(canvas):
    screen = pygame.Surface(SCREEN)
    drag(canvas, [(200, 300), (700, 300)])
    canvas.draw(screen, RECT)
    assert screen.get_at((450, 300))[:3] == CRAYONS[0][1]
    canvas.undo()
    canvas.draw(screen, RECT)
    assert min(screen.get_at((450, 300))[:3]) > 240


def test_a_drawing_the_card_has_is_drawn_on_again_and_clear_takes_it_off(canvas):
    # a group opening the picture step on a card they drew on adds to their drawing
    drag(canvas, [(200, 200), (300, 200)])
    before = pygame.image.load(io.BytesIO(canvas.png_bytes()), "d.png")
    again = DrawingCanvas((1200, 900), before)
    again.draw(pygame.Surface(SCREEN), RECT)
    assert not again.empty and pixel(again, (250, 200)) != PAPER
    drag(again, [(200, 400), (300, 400)])
    assert pixel(again, (250, 200)) != PAPER and pixel(again, (250, 400)) != PAPER
    again.clear()
    assert again.empty and pixel(again, (250, 200)) == PAPER
    assert again.undo() and pixel(again, (250, 200)) != PAPER  # undo brings it all back
    assert again.undo() and pixel(again, (250, 200)) != PAPER and pixel(again, (250, 400)) == PAPER
    # a picture of another size (a photo) is not a drawing to add to: a white page
    assert DrawingCanvas((1200, 900), pygame.Surface((400, 300))).empty

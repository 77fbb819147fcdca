"""Pictures of the studio's picture step at 1280x720 and 1920x1080 (tests/ui/golden), compared
with stored ones. Update on purpose only: CARDSDEALT_UPDATE_GOLDEN=1.

- picture-draw: a drawing begun (a black wave, an orange line); Orange and Middle chosen (thick
  outline and a tick); the drawing has the focus ring.
- picture-choose: "Bring in a photo": thumbnails of the Pictures folder, newest first (the
  phone photo stored sideways is shown upright), the drop area, "Older" for the next page.
- picture-adjust: the phone photo upright, a crop box with the rest dimmed, turn buttons.
"""

from __future__ import annotations

import colorsys
import os
from pathlib import Path

import pygame
import pytest
from golden_compare import check
from PIL import Image, ImageDraw
from uikit import Harness

from cardsdealt.ui.pygame.studio.picture import open_picture_step

SIZES = [(1280, 720), (1920, 1080)]
E = pygame.event.Event


def _pictures(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(9):
        colour = tuple(int(255 * c) for c in colorsys.hsv_to_rgb(i / 9, 0.45, 0.92))
        im = Image.new("RGB", (640, 480), colour)
        d = ImageDraw.Draw(im)
        d.rectangle((120, 200, 520, 440), fill=(250, 245, 235))
        d.polygon([(100, 210), (320, 60), (540, 210)], fill=(120, 70, 60))
        exif = Image.Exif()
        if i == 8:  # the newest: a phone photo, its pixels stored sideways with a tag
            im = im.transpose(Image.Transpose.ROTATE_90)
            exif[0x0112] = 6
        p = folder / f"photo-{i}.jpg"
        im.save(p, "JPEG", exif=exif, quality=92)
        os.utime(p, (1000 + i, 1000 + i))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_picture_step_screens(tmp_path, size):
    _pictures(tmp_path / "Pictures")
    h = Harness(size)
    step = open_picture_step(h.app, lambda d, e: None, folders=[tmp_path / "Pictures"])
    h.frame()
    r = next(t.rect for t in step.targets() if t.key == "draw-canvas")

    def line(points):
        at = lambda p: (r.x + round(p[0] * r.w), r.y + round(p[1] * r.h))  # noqa: E731
        h.app.step([E(pygame.MOUSEBUTTONDOWN, pos=at(points[0]), button=1)], 0.02)
        for p in points[1:]:
            h.app.step([E(pygame.MOUSEMOTION, pos=at(p), rel=(3, 3), buttons=(1, 0, 0))], 0.02)
        h.app.step([E(pygame.MOUSEBUTTONUP, pos=at(points[-1]), button=1)], 0.02)

    line([(0.1 + k * 0.04, 0.3 + 0.12 * ((k % 4) - 1.5) / 1.5) for k in range(20)])
    step._crayon(2)
    line([(0.2, 0.75), (0.5, 0.8), (0.8, 0.7)])
    name = f"{size[0]}x{size[1]}"
    check(h.frame(), f"picture-draw-{name}")
    step.show_view("choose")
    h.settle(1.0)
    check(h.frame(), f"picture-choose-{name}")
    step.open_file(tmp_path / "Pictures" / "photo-8.jpg")
    step.photo.crop = (0.1, 0.15, 0.9, 0.6)
    step.changed()
    check(h.frame(), f"picture-adjust-{name}")

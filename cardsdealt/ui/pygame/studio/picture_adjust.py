"""The picture step's **Adjust** view: the photo upright (its EXIF orientation applied),
"Turn left" / "Turn right", and a crop box: drag it out with the mouse or a finger, or with
the keys (arrows move it, Shift + arrows change its size). It is scaled down and its EXIF (a
phone's GPS position) dropped on the way in (session/pictures.py).
"""

from __future__ import annotations

import pygame
from pygame import Rect

from cardsdealt.render.draw import focus_ring
from cardsdealt.render.text import draw_fitted, fit
from cardsdealt.session.pictures import import_photo, picture_size
from cardsdealt.ui.pygame.canvas import fit_rect
from cardsdealt.ui.pygame.studio.picture_base import StepBase, Target, dashed, surface_of

PREVIEW_SIDE = 1400  # the photo shown while turning and cropping
CROP_STEP = 0.04  # of the picture's side, per arrow press (Shift + arrow: its size)


class Photo:
    """A photo being brought in: its bytes, upright preview, turn and crop."""

    def __init__(self, name: str, data: bytes) -> None:
        self.name, self.data = name, data
        self.full = picture_size(data)  # upright, full size (header only)
        small, ext = import_photo(data, max_side=PREVIEW_SIDE)  # refuses anything unusable
        self.preview = surface_of(small, ext)
        self.turn = 0  # degrees clockwise
        self.crop = (0.0, 0.0, 1.0, 1.0)  # of the turned picture, as fractions
        self._turned: pygame.Surface | None = None

    @property
    def turned(self) -> pygame.Surface:
        if self._turned is None:
            self._turned = pygame.transform.rotate(self.preview, -self.turn)
        return self._turned

    def rotate(self, by: int) -> None:
        self.turn = (self.turn + by) % 360
        self._turned = None
        self.crop = (0.0, 0.0, 1.0, 1.0)  # a box drawn on the old way up means nothing now

    @property
    def whole(self) -> bool:
        return self.crop == (0.0, 0.0, 1.0, 1.0)

    def result(self) -> tuple[bytes, str]:
        w, h = self.full if self.turn % 180 == 0 else (self.full[1], self.full[0])
        box = None if self.whole else (self.crop[0] * w, self.crop[1] * h,
                                       self.crop[2] * w, self.crop[3] * h)
        return import_photo(self.data, rotate=self.turn, crop=box)


class PictureAdjust(StepBase):
    """The Adjust view (a mixin of PictureStep)."""

    photo: Photo | None

    def _adjust_targets(self, main, side, row_h, gap) -> list[Target]:
        half = (side.w - gap) // 2
        y = side.y + self.m.px(20)
        t = [Target("photo", self._photo_rect(main), "The photo", lambda: None),
             Target("turn-left", Rect(side.x, y, half, row_h), "Turn left",
                    lambda: self._turn(-90)),
             Target("turn-right", Rect(side.x + half + gap, y, half, row_h), "Turn right",
                    lambda: self._turn(90))]
        y += row_h + gap
        t.append(Target("whole", Rect(side.x, y, half, row_h), "Whole picture", self._whole))
        t.append(Target("another", Rect(side.x + half + gap, y, half, row_h), "Another photo",
                        lambda: self.show_view("choose")))
        return t

    def _photo_rect(self, main: Rect) -> Rect:
        if self.photo is None:
            return main
        return fit_rect(self.photo.turned.get_size(), main.inflate(-self.m.px(20),
                                                                   -self.m.px(20)))

    # -- actions ---------------------------------------------------------------------------
    def open_bytes(self, name: str, data: bytes) -> None:
        """Raises PictureRefused (the caller says it)."""
        self.canvas.lift_pen()
        self.photo = Photo(name, data)
        self.show_view("adjust")

    def _turn(self, by: int) -> None:
        if self.photo is not None:
            self.photo.rotate(by)
            self.changed()

    def _whole(self) -> None:
        if self.photo is not None:
            self.photo.crop = (0.0, 0.0, 1.0, 1.0)
            self.changed()

    def _fraction(self, pos) -> tuple[float, float]:
        r = self._photo_rect(self._areas()[0])
        return (min(1.0, max(0.0, (pos[0] - r.x) / max(1, r.w))),
                min(1.0, max(0.0, (pos[1] - r.y) / max(1, r.h))))

    def _drag(self, pos) -> None:
        if self.photo is None or self._drag_from is None:
            return
        (x0, y0), (x1, y1) = self._drag_from, self._fraction(pos)
        if abs(x1 - x0) > 0.02 and abs(y1 - y0) > 0.02:  # a click is not a box
            self.photo.crop = (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
            self.changed()

    def _crop_key(self, key, mods) -> bool:
        """Arrows move the crop box; Shift + arrows change its size."""
        steps = {pygame.K_LEFT: (-1, 0), pygame.K_RIGHT: (1, 0), pygame.K_UP: (0, -1),
                 pygame.K_DOWN: (0, 1)}
        if self.photo is None or key not in steps:
            return False
        dx, dy = (v * CROP_STEP for v in steps[key])
        x0, y0, x1, y1 = self.photo.crop
        if mods & pygame.KMOD_SHIFT:
            x1 = min(1.0, max(x0 + 0.05, x1 + dx))
            y1 = min(1.0, max(y0 + 0.05, y1 + dy))
        else:
            dx = min(max(dx, -x0), 1.0 - x1)
            dy = min(max(dy, -y0), 1.0 - y1)
            x0, x1, y0, y1 = x0 + dx, x1 + dx, y0 + dy, y1 + dy
        self.photo.crop = (x0, y0, x1, y1)
        self.changed()
        return True

    # -- drawing ---------------------------------------------------------------------------
    def _render_adjust(self, surface, main, side) -> None:
        m, th = self.m, self.theme
        photo = self.photo
        if photo is None:
            return
        r = self._photo_rect(main)
        surface.blit(pygame.transform.smoothscale(photo.turned, r.size), r)
        x0, y0, x1, y1 = photo.crop
        box = Rect(r.x + round(x0 * r.w), r.y + round(y0 * r.h), round((x1 - x0) * r.w),
                   round((y1 - y0) * r.h))
        if not photo.whole:
            veil = pygame.Surface(r.size, pygame.SRCALPHA)
            veil.fill((0, 0, 0, 150))
            veil.fill((0, 0, 0, 0), box.move(-r.x, -r.y))
            surface.blit(veil, r)
        pygame.draw.rect(surface, (255, 255, 255), box, width=max(2, m.px(4)))
        dashed(surface, box, (0, 0, 0), max(2, m.px(4)), m.px(18))
        if self.focus == "photo":
            focus_ring(surface, r, th, m.u, radius=4)
        y = side.y + m.px(20) + 2 * (m.px(92) + m.px(16)) + m.px(10)
        turned = {0: "", 90: " Turned right.", 180: " Upside down.", 270: " Turned left."}
        words = (f"{photo.name}.{turned[photo.turn]} To keep only part of it, drag a box over "
                 "that part. With keys, on the photo: Shift + arrows make the box smaller "
                 "(or larger), then arrows move it. The picture is made smaller on the way "
                 "in, and the photo's hidden details (where and when it was taken) are left "
                 "out.")
        f = fit(words, "regular", (side.w, side.bottom - y - m.px(150)), m.px(26), m.px(18))
        draw_fitted(surface, f, Rect(side.x, y, side.w, side.bottom - y - m.px(150)),
                    th.table_ink)
        self._message(surface, side)

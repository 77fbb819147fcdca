"""What the three views of the picture step share (studio/picture.py puts them together).

- `Target`: one button (or the drawing, the photo, a thumbnail) with its place and action.
- `StepBase`: the step's state and the parts every view draws with: the layout (`_areas`),
  a button with its tick and focus ring, a side heading, the message box.
- `tick`, `dashed`, `surface_of`: small drawing helpers.

The views (picture_draw.py, picture_choose.py, picture_adjust.py) are mixins on `StepBase`;
`PictureStep` (picture.py) is all three plus the tabs, "Use this picture" / "Cancel" and the
keys and clicks that move between them.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pygame
from pygame import Rect

from cardsdealt.render.draw import button, focus_ring, panel
from cardsdealt.render.text import draw_fitted, draw_text, fit
from cardsdealt.ui.pygame.canvas import SIZES, DrawingCanvas
from cardsdealt.ui.pygame.scenes.base import Scene


@dataclass
class Target:
    key: str
    rect: Rect
    label: str
    action: Callable[[], None]
    selected: bool = False
    swatch: tuple[int, int, int] | None = None
    px: float | None = None  # the label's size, when a row of buttons shares one


def surface_of(data: bytes, ext: str) -> pygame.Surface:
    return pygame.image.load(io.BytesIO(data), f"picture.{ext}")


class StepBase(Scene):
    """The state the views share, and the parts they all draw with."""

    canvas: DrawingCanvas
    view: str  # "draw" | "choose" | "adjust"
    focus: str
    message: str
    folders: list[Path] | None
    files: list[Path] | None
    page: int
    thumbs: dict[Path, pygame.Surface | None]
    _targets: list[Target]
    _drag_from: tuple[float, float] | None

    # -- provided by PictureStep (picture.py) ---------------------------------------------
    def show_view(self, view: str) -> None:
        raise NotImplementedError  # PictureStep switches the views

    def open_bytes(self, name: str, data: bytes) -> None:
        raise NotImplementedError  # PictureAdjust turns and crops the photo

    # -- layout ----------------------------------------------------------------------------
    def _areas(self) -> tuple[Rect, Rect, Rect]:
        """(main area, side panel, bottom bar)."""
        m = self.m
        top = m.px(230)
        bottom = m.h - m.px(130)
        side_w = m.px(760)
        main = Rect(m.margin, top, m.w - 3 * m.margin - side_w, bottom - top - m.px(20))
        side = Rect(main.right + m.margin, top, side_w, main.h)
        bar = Rect(m.margin, bottom, m.w - 2 * m.margin, m.px(72))  # under it, the keys line
        return main, side, bar

    def say(self, text: str) -> None:
        self.message = text
        self.changed()

    # -- drawing ---------------------------------------------------------------------------
    def _button(self, surface, tg: Target) -> None:
        """A button; the chosen crayon, size or view has a thick outline and a tick (never
        told by colour alone)."""
        m, th = self.m, self.theme
        focused = tg.key == self.focus
        if tg.swatch is None:
            button(surface, tg.rect, "", th, m.u, focused=focused)
            side = round(tg.rect.h * 0.4)
            left = right = m.px(12)
            if tg.key.startswith("size-"):
                r = max(2, round(SIZES[int(tg.key[5:])][1] * m.u * 0.6))
                pygame.draw.circle(surface, th.ink, (tg.rect.x + m.px(34), tg.rect.centery), r)
                left = m.px(34) + r + m.px(8)
            if tg.key.startswith(CHOSEN):  # room for the tick kept, chosen or not
                right = side + m.px(24)
            if tg.selected:
                tick(surface, Rect(tg.rect.right - side - m.px(16), tg.rect.centery - side // 2,
                                   side, side), th.ink, max(2, m.px(6)))
            inner = Rect(tg.rect.x + left, tg.rect.y + m.px(4), tg.rect.w - left - right,
                         tg.rect.h - m.px(8))  # the words never run under the dot or tick
            f = fit(tg.label, "bold", inner.size, round(34 * m.u), round(22 * m.u))
            draw_fitted(surface, f, inner, th.ink, align="center", valign="middle")
        else:
            panel(surface, tg.rect, th, m.u, fill=th.paper, shadow=False)
            side = swatch_side(m)
            dot = Rect(tg.rect.x + m.px(12), tg.rect.centery - side // 2, side, side)
            pygame.draw.rect(surface, tg.swatch, dot, border_radius=max(2, m.px(12)))
            draw_text(surface, tg.label, "bold", tg.px or m.px(28),
                      (dot.right + m.px(10), tg.rect.centery), th.ink, anchor="midleft",
                      max_w=swatch_label_w(tg.rect, m), max_h=tg.rect.h - m.px(8))
            if tg.selected:
                tick(surface, dot.inflate(-dot.w // 4, -dot.h // 4), th.paper, max(2, m.px(7)))
        if tg.selected:
            pygame.draw.rect(surface, th.ink, tg.rect, width=max(2, m.px(6)),
                             border_radius=max(2, m.px(22)))
        if focused:
            focus_ring(surface, tg.rect, th, m.u)

    def _heading(self, surface, text: str, pos, room: int) -> None:
        """A heading over a row of buttons, never taller than the `room` above them."""
        m = self.m
        draw_text(surface, text, "bold", m.px(32), pos, self.theme.table_ink,
                  max_w=self._areas()[1].w, max_h=room)

    def _message(self, surface, side: Rect) -> None:
        if not self.message:
            return
        m, th = self.m, self.theme
        box = Rect(side.x, side.bottom - m.px(140), side.w, m.px(140))
        panel(surface, box, th, m.u, shadow=False)
        pygame.draw.rect(surface, th.accent, box, width=max(2, m.px(4)),
                         border_radius=max(2, m.px(22)))
        f = fit(self.message, "bold", (box.w - m.px(40), box.h - m.px(20)), m.px(26),
                m.px(16))
        draw_fitted(surface, f, box.inflate(-m.px(40), -m.px(20)), th.ink, valign="middle")


CHOSEN = ("view-", "size-", "eraser")  # buttons that show a tick when chosen


def swatch_side(m) -> int:
    """The side of a crayon's colour square (small enough to leave its name room)."""
    return m.px(50)


def swatch_label_w(rect: Rect, m) -> int:
    """Room for a crayon's name beside its colour."""
    return rect.w - m.px(12) - swatch_side(m) - m.px(10) - m.px(10)


def tick(surface, box: Rect, colour, width: int) -> None:
    """A tick mark filling `box` (drawn: the reading font has no tick glyph)."""
    pts = [(box.x, box.y + box.h * 0.55), (box.x + box.w * 0.38, box.bottom),
           (box.right, box.y)]
    pygame.draw.lines(surface, colour, False, pts, width)


def dashed(surface, rect: Rect, colour, width: int, dash: int) -> None:
    """A dashed outline (the drop area, the crop box)."""
    for (ax, ay), (bx, by) in ((rect.topleft, rect.topright), (rect.topright, rect.bottomright),
                               (rect.bottomright, rect.bottomleft),
                               (rect.bottomleft, rect.topleft)):
        length = max(abs(bx - ax), abs(by - ay))
        for s in range(0, length, 2 * dash):
            e = min(length, s + dash)
            k0, k1 = s / max(1, length), e / max(1, length)
            pygame.draw.line(surface, colour, (ax + (bx - ax) * k0, ay + (by - ay) * k0),
                             (ax + (bx - ax) * k1, ay + (by - ay) * k1), width)

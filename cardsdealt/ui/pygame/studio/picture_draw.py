"""The picture step's **Draw** view: the crayon canvas (ui/pygame/canvas.py) with its
crayons, sizes, rubber, undo and clear beside it.

Draw with the mouse, a pen or a finger; with keys, the arrows move a pen mark on the drawing
and Space puts it down or lifts it (canvas.py). The drawing is blitted every frame
(`draw_live`), over the still parts, which are drawn only when a button or view changes.
"""

from __future__ import annotations

from functools import partial

import pygame
from pygame import Rect

from cardsdealt.render.draw import focus_ring
from cardsdealt.render.text import draw_fitted, fit, fitted_line_px
from cardsdealt.ui.pygame.canvas import CRAYONS, SIZES, fit_rect
from cardsdealt.ui.pygame.studio.picture_base import StepBase, Target, swatch_label_w

DRAWING_SIZE = (1200, 900)


class PictureDraw(StepBase):
    """The Draw view (a mixin of PictureStep)."""

    def _draw_targets(self, main, side, row_h, gap) -> list[Target]:
        t = [Target("draw-canvas", fit_rect(self.canvas.size, main), "The drawing", lambda: None)]
        cols = 4
        w = (side.w - (cols - 1) * gap) // cols
        y = side.y + self.m.px(56)
        label_w = swatch_label_w(Rect(0, 0, w, row_h), self.m)
        px = min(fitted_line_px(name, "bold", self.m.px(28), label_w) for name, _ in CRAYONS)
        for i, (name, colour) in enumerate(CRAYONS):  # every name at one size
            r = Rect(side.x + (i % cols) * (w + gap), y + (i // cols) * (row_h + gap), w, row_h)
            t.append(Target(f"crayon-{i}", r, name, partial(self._crayon, i),
                            selected=not self.canvas.eraser and self.canvas.colour == i,
                            swatch=colour, px=px))
        y += 2 * (row_h + gap) + self.m.px(64)
        w3 = (side.w - 2 * gap) // 3
        for i, (name, _) in enumerate(SIZES):
            t.append(Target(f"size-{i}", Rect(side.x + i * (w3 + gap), y, w3, row_h), name,
                            partial(self._size, i), selected=self.canvas.thickness == i))
        y += row_h + gap + self.m.px(24)
        for i, (key, label, act) in enumerate((("eraser", "Rubber", self._eraser),
                                               ("undo", "Undo", self._undo),
                                               ("clear", "Clear", self._clear))):
            t.append(Target(key, Rect(side.x + i * (w3 + gap), y, w3, row_h), label, act,
                            selected=key == "eraser" and self.canvas.eraser))
        return t

    # -- actions ---------------------------------------------------------------------------
    def _crayon(self, i: int) -> None:
        self.canvas.pick_colour(i)
        self.changed()

    def _size(self, i: int) -> None:
        self.canvas.pick_size(i)
        self.changed()

    def _eraser(self) -> None:
        self.canvas.pick_eraser()
        self.changed()

    def _undo(self) -> None:
        self.canvas.undo()
        self.app.dirty = True

    def _clear(self) -> None:
        self.canvas.clear()
        self.app.dirty = True

    # -- drawing ---------------------------------------------------------------------------
    def _render_draw(self, surface, main, side) -> None:
        m = self.m
        self._heading(surface, "Crayons", (side.x, side.y), m.px(52))
        row_h, gap = m.px(92), m.px(16)
        y = side.y + m.px(56) + 2 * (row_h + gap) + m.px(14)
        self._heading(surface, "Size", (side.x, y), m.px(46))
        y += m.px(50) + row_h + gap + m.px(24) + row_h + m.px(24)
        f = fit("On the drawing: draw with the mouse, a pen or a finger. With keys: arrows "
                "move the pen (Shift + arrows: further), Space puts it down or lifts it, "
                "Ctrl+Z undoes. Then Tab to “Use this picture”.", "regular",
                (side.w, side.bottom - y), m.px(26), m.px(18))
        draw_fitted(surface, f, Rect(side.x, y, side.w, side.bottom - y), self.theme.table_ink)

    def draw_live(self, surface: pygame.Surface) -> None:
        """The drawing changes with every move of a crayon: blitted each frame, over the
        still parts (which are drawn only when a button or view changes)."""
        if self.view != "draw":
            return
        m, th = self.m, self.theme
        main = self._areas()[0]
        r = fit_rect(self.canvas.size, main)
        self.canvas.draw(surface, r)
        pygame.draw.rect(surface, th.edge, r.inflate(2, 2), width=max(1, m.px(2)))
        if self.focus == "draw-canvas":
            focus_ring(surface, r, th, m.u, radius=2)
        if self.message:
            self._message(surface, self._areas()[1])

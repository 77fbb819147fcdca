"""The picture step of a card: draw one, or bring in a photo or a scan.

`open_picture_step(app, on_done)` opens it over the studio; `on_done(data, ext)` hears the
picture chosen (PNG or JPEG bytes, "png" | "jpeg") when the person presses "Use this
picture". Cancel (or Esc) closes it and changes nothing.

Three views, one screen, each in its own module:

- **Draw** (picture_draw.py): the crayon canvas with its crayons, sizes, rubber, undo and
  clear beside it.
- **Bring in a photo** (picture_choose.py): the pictures in the person's Pictures, Downloads
  and Desktop folders, newest first, as thumbnails to click; or a file dropped on the window.
- **Adjust** (picture_adjust.py): the photo upright, turned, cropped; scaled down and its
  EXIF dropped on the way in.

This module is the step itself: the two tabs, "Use this picture" and "Cancel", the layout of
every view's buttons in Tab order, and the keys and clicks. What the views share is in
picture_base.py.

Every button is a target of at least 48 pixels at 1080p and is reached with Tab / Shift+Tab
(or the arrows) and pressed with Enter or Space, so keyboard-only and mouse- or touch-only
both finish the step. On the canvas the arrows move a pen mark and Space puts it down.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Callable

import pygame
from pygame import Rect

from cardsdealt.render.draw import hint
from cardsdealt.render.text import draw_text
from cardsdealt.session.pictures import PictureRefused
from cardsdealt.ui.pygame.canvas import DrawingCanvas
from cardsdealt.ui.pygame.studio.picture_adjust import PictureAdjust
from cardsdealt.ui.pygame.studio.picture_base import Target
from cardsdealt.ui.pygame.studio.picture_choose import (
    PICTURE_TYPES,
    PictureChoose,
    picture_folders,
)
from cardsdealt.ui.pygame.studio.picture_draw import DRAWING_SIZE, PictureDraw

__all__ = ["PictureStep", "open_picture_step", "picture_folders", "PICTURE_TYPES"]


class PictureStep(PictureDraw, PictureChoose, PictureAdjust):
    name = "picture-step"
    pausable = False  # Esc goes back (or cancels), it never opens the pause menu

    def wants_repeat(self, event) -> bool:
        """A held arrow keeps the keyboard pen moving on the drawing; nothing else repeats
        (a held Enter must not press "Use this picture" and then the card's buttons)."""
        return self.view == "draw" and self.focus == "draw-canvas" and event.key in (
            pygame.K_LEFT, pygame.K_RIGHT, pygame.K_UP, pygame.K_DOWN)

    def __init__(self, app, on_done: Callable[[bytes, str], None],
                 folders: list[Path] | None = None, drawing: bytes | None = None) -> None:
        super().__init__(app)
        self.on_done = on_done
        self.canvas = DrawingCanvas(DRAWING_SIZE, _drawing(drawing))
        self.view = "draw"  # "draw" | "choose" | "adjust"
        self.folders = folders
        self.files = None  # listed when "Bring in a photo" is first opened
        self.page = 0
        self.thumbs = {}
        self.photo = None
        self.message = ""
        self.focus = "draw-canvas"
        self._drag_from = None
        self._targets = []

    # -- layout --------------------------------------------------------------------------
    def targets(self) -> list[Target]:
        """Every button of the view shown, in Tab order (layout included)."""
        m = self.m
        main, side, bar = self._areas()
        row_h = m.px(92)
        gap = m.px(16)
        t: list[Target] = []
        tab_w = m.px(380)
        t.append(Target("view-draw", Rect(m.margin, m.px(120), tab_w, row_h), "Draw",
                        lambda: self.show_view("draw"), selected=self.view == "draw"))
        t.append(Target("view-photo", Rect(m.margin + tab_w + gap, m.px(120), tab_w + m.px(60),
                                           row_h), "Bring in a photo",
                        lambda: self.show_view("choose"), selected=self.view != "draw"))
        if self.view == "draw":
            view = self._draw_targets(main, side, row_h, gap)
        elif self.view == "choose":
            view = self._choose_targets(main, side, row_h, gap)
        else:
            view = self._adjust_targets(main, side, row_h, gap)
        half = (bar.w - gap) // 2
        use = Target("use", Rect(bar.x, bar.y, min(half, m.px(620)), bar.h),
                     "Use this picture", self.use)
        cancel = Target("cancel", Rect(bar.right - min(half, m.px(420)), bar.y,
                                       min(half, m.px(420)), bar.h), "Cancel", self.cancel)
        # Column by column: the drawing (or photos) then "Use this picture" below it, then
        # the side panel and "Cancel" below that: one Tab from the drawing finishes it.
        left = [tg for tg in view if _in_main(tg.key)]
        return t + left + [use] + [tg for tg in view if not _in_main(tg.key)] + [cancel]

    # -- actions -------------------------------------------------------------------------
    def show_view(self, view: str) -> None:
        self.canvas.lift_pen()
        if view == "choose":
            self.list_files()
        self.view = view
        self.message = ""
        self.focus = {"draw": "draw-canvas", "choose": "view-photo", "adjust": "photo"}[view]
        if view == "choose" and self.files:
            self.focus = f"file-{self.page * self._per_page()}"
        self.changed()

    def use(self) -> None:
        try:
            if self.view == "adjust" and self.photo is not None:
                data, ext = self.photo.result()
            elif self.view == "draw" and not self.canvas.empty:
                data, ext = self.canvas.png_bytes(), "png"
            else:
                self.say("Draw something first, or bring in a photo." if self.view == "draw"
                         else "Choose a photo first: click one, or drop a picture file on "
                              "this window.")
                return
        except PictureRefused as e:
            self.say(str(e))
            return
        self.app.pop(self)
        self.on_done(data, ext)

    def cancel(self) -> None:
        self.app.pop(self)

    # -- input ---------------------------------------------------------------------------
    def handle(self, event: pygame.event.Event) -> None:
        t = event.type
        if t == pygame.KEYDOWN:
            self._key(event)
        elif self.view == "draw" and t in (pygame.FINGERDOWN, pygame.FINGERMOTION,
                                           pygame.FINGERUP, pygame.MOUSEMOTION,
                                           pygame.MOUSEBUTTONUP) and self.canvas.handle(event):
            self.app.dirty = True
        elif t == pygame.MOUSEBUTTONDOWN and getattr(event, "button", 1) == 1:
            self._press(event)
        elif t == pygame.MOUSEMOTION and self._drag_from is not None:
            self._drag(event.pos)
        elif t == pygame.MOUSEBUTTONUP and self._drag_from is not None:
            self._drag(event.pos)
            self._drag_from = None
        elif t == pygame.MOUSEWHEEL and self.view == "choose":
            self._page(1 if event.y < 0 else -1)

    def _press(self, event) -> None:
        if self.view == "draw" and self.canvas.handle(event):
            if self.focus != "draw-canvas":  # the ring leaves the button pressed before
                self.focus = "draw-canvas"
                self.changed()
            self.app.dirty = True
            return
        for tg in self.targets():
            if tg.rect.collidepoint(event.pos):
                self.focus = tg.key
                if tg.key == "photo":
                    self._drag_from = self._fraction(event.pos)
                    self.changed()
                else:
                    tg.action()
                    self.app.dirty = True
                return

    def _key(self, event) -> None:  # noqa: C901 - one branch per key is the clearest
        key, mods = event.key, getattr(event, "mod", 0)
        if key == pygame.K_ESCAPE:
            if self.view == "adjust":
                self.show_view("choose")
            else:
                self.cancel()
            return
        if key == pygame.K_z and mods & pygame.KMOD_CTRL and self.view == "draw":
            self._undo()
            return
        if key == pygame.K_TAB:
            self.move(-1 if mods & pygame.KMOD_SHIFT else 1)
            return
        if self.focus == "draw-canvas" and self.view == "draw" and self.canvas.key_pen(event):
            self.app.dirty = True
            return
        if self.focus == "photo" and self.view == "adjust" and self._crop_key(key, mods):
            return
        if key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE, pygame.K_F5):
            tg = self._focused()
            if tg is not None:
                tg.action()
                self.app.dirty = True
        elif key in (pygame.K_RIGHT, pygame.K_DOWN, pygame.K_PAGEDOWN):
            self.move(1)
        elif key in (pygame.K_LEFT, pygame.K_UP, pygame.K_PAGEUP):
            self.move(-1)

    def _focused(self) -> Target | None:
        return next((tg for tg in self.targets() if tg.key == self.focus), None)

    def move(self, d: int) -> None:
        keys = [tg.key for tg in self.targets()]
        i = keys.index(self.focus) if self.focus in keys else -d
        self.focus = keys[(i + d) % len(keys)]
        if self.focus != "draw-canvas":
            self.canvas.lift_pen()
        self.changed()

    # -- drawing -------------------------------------------------------------------------
    def render(self, surface: pygame.Surface) -> None:
        m, th = self.m, self.theme
        surface.fill(th.table)
        draw_text(surface, "A picture for this card", "bold", m.px(52),  # above the tabs
                  (m.margin, m.px(36)), th.table_ink, max_w=m.w - 2 * m.margin,
                  max_h=m.px(80))
        main, side, bar = self._areas()
        self._targets = self.targets()
        if self.view == "draw":
            self._render_draw(surface, main, side)
        elif self.view == "choose":
            self._render_choose(surface, main, side)
        else:
            self._render_adjust(surface, main, side)
        for tg in self._targets:
            if _in_main(tg.key):
                continue
            self._button(surface, tg)
        hint(surface, Rect(m.margin, bar.bottom + m.px(8), bar.w,
                           m.h - bar.bottom - m.px(16)), self.keys_hint(), th, m.u)

    def keys_hint(self) -> str:
        """The keys line, for what has the focus (on the drawing the arrows draw)."""
        esc = "Esc: back to the photos" if self.view == "adjust" else "Esc: cancel"
        if self.view == "draw" and self.focus == "draw-canvas":
            return ("Arrows: move the pen (Shift: further) · Space: pen down or up · "
                    "Tab: Use this picture · " + esc)
        if self.view == "adjust" and self.focus == "photo":
            return "Shift + arrows: box size · Arrows: move the box · Tab: next · " + esc
        return "Tab or arrows: move · Enter or Space: press · " + esc


def _in_main(key: str) -> bool:
    """The drawing, the photo or a thumbnail (drawn by its view, not as a button)."""
    return key in ("draw-canvas", "photo") or key.startswith("file-")


def _drawing(data: bytes | None) -> pygame.Surface | None:
    """The card's picture, when it is a drawing made here (a PNG of the drawing's size), to
    go on drawing on; a photo, or anything unreadable, gives an empty page."""
    if not data or not data.startswith(b"\x89PNG"):
        return None
    try:
        pic = pygame.image.load(io.BytesIO(data), "drawing.png")
    except (pygame.error, ValueError):
        return None
    return pic.convert() if pic.get_size() == DRAWING_SIZE else None


def open_picture_step(app, on_done: Callable[[bytes, str], None],
                      folders: list[Path] | None = None,
                      drawing: bytes | None = None) -> PictureStep:
    """Open the picture step over the screen shown; `on_done(data, ext)` when a picture is
    chosen ("png" or "jpeg"). `folders`: where to list pictures (None: Pictures, Downloads
    and Desktop); `drawing`: the card's picture now (a drawing made here opens to add to)."""
    step = PictureStep(app, on_done, folders, drawing)
    app.push(step)
    return step

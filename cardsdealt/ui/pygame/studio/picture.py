"""The picture step of a card: draw one, or bring in a photo or a scan.

`open_picture_step(app, on_done)` opens it over the studio; `on_done(data, ext)` hears the
picture chosen (PNG or JPEG bytes, "png" | "jpeg") when the person presses "Use this
picture". Cancel (or Esc) closes it and changes nothing.

Three views, one screen:

- **Draw**: the crayon canvas (ui/pygame/canvas.py) with its crayons, sizes, eraser, undo
  and clear beside it.
- **Bring in a photo**: the pictures in the person's Pictures, Downloads and Desktop folders,
  newest first, as thumbnails to click (no file dialog, no terminal); or a file dropped on the
  window (app.py hands it here).
- **Adjust**: the photo upright (its EXIF orientation applied), "Turn left" / "Turn right",
  and a crop box: drag it out with the mouse or a finger, or with the keys (arrows move it,
  Shift + arrows change its size). It is scaled down and its EXIF (a phone's GPS position)
  dropped on the way in (session/pictures.py).

Every button is a target of at least 48 pixels at 1080p and is reached with Tab / Shift+Tab
(or the arrows) and pressed with Enter or Space, so keyboard-only and mouse- or touch-only
both finish the step. On the canvas the arrows move a pen mark and Space puts it down.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Callable

import pygame
from pygame import Rect

from cardsdealt.render.draw import button, focus_ring, hint, panel
from cardsdealt.render.text import draw_fitted, draw_text, fit
from cardsdealt.session.pictures import (
    MAX_INPUT_BYTES,
    PictureRefused,
    import_photo,
    picture_size,
)
from cardsdealt.ui.pygame.canvas import CRAYONS, SIZES, DrawingCanvas, fit_rect
from cardsdealt.ui.pygame.scenes.base import Scene

__all__ = ["PictureStep", "open_picture_step", "picture_folders", "PICTURE_TYPES"]

PICTURE_TYPES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp")
MAX_LISTED = 120  # pictures listed from the folders (newest first)
PREVIEW_SIDE = 1400  # the photo shown while turning and cropping
THUMB_SIDE = 220
DRAWING_SIZE = (1200, 900)
CROP_STEP = 0.04  # of the picture's side, per arrow press (Shift + arrow: its size)


def picture_folders() -> list[Path]:
    """Where people keep pictures: Pictures, Downloads and Desktop (those that exist)."""
    import platformdirs

    out: list[Path] = []
    for get in (platformdirs.user_pictures_dir, platformdirs.user_downloads_dir,
                platformdirs.user_desktop_dir):
        try:
            p = Path(get())
        except Exception:  # noqa: BLE001 - a platform without that folder
            continue
        if p.is_dir() and p not in out:
            out.append(p)
    return out


def list_pictures(folders: list[Path]) -> list[Path]:
    """Picture files at the top of `folders` (hidden files left out), newest first."""
    found: list[tuple[float, Path]] = []
    for folder in folders:
        try:
            with os.scandir(folder) as it:
                for entry in it:
                    if entry.name.startswith(".") or \
                            not entry.name.lower().endswith(PICTURE_TYPES):
                        continue
                    try:
                        if entry.is_file():
                            found.append((entry.stat().st_mtime, Path(entry.path)))
                    except OSError:
                        continue
        except OSError:
            continue
    found.sort(key=lambda t: (-t[0], t[1].name.lower()))
    return [p for _, p in found[:MAX_LISTED]]


def read_picture_file(path: Path) -> bytes:
    """The file's bytes, or PictureRefused in plain words."""
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_INPUT_BYTES + 1)
    except OSError as e:
        raise PictureRefused(f"{path.name} could not be opened ({e.strerror or e}).") from None
    return data


def surface_of(data: bytes, ext: str) -> pygame.Surface:
    return pygame.image.load(io.BytesIO(data), f"picture.{ext}")


@dataclass
class Target:
    key: str
    rect: Rect
    label: str
    action: Callable[[], None]
    selected: bool = False
    swatch: tuple[int, int, int] | None = None


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


class PictureStep(Scene):
    name = "picture-step"
    pausable = False  # Esc goes back (or cancels), it never opens the pause menu

    def __init__(self, app, on_done: Callable[[bytes, str], None],
                 folders: list[Path] | None = None) -> None:
        super().__init__(app)
        self.on_done = on_done
        self.canvas = DrawingCanvas(DRAWING_SIZE)
        self.view = "draw"  # "draw" | "choose" | "adjust"
        self.folders = folders
        self.files: list[Path] | None = None  # listed when "Bring in a photo" is first opened
        self.page = 0
        self.thumbs: dict[Path, pygame.Surface | None] = {}
        self.photo: Photo | None = None
        self.message = ""
        self.focus = "draw-canvas"
        self._drag_from: tuple[float, float] | None = None
        self._targets: list[Target] = []
        self._drawn_version = -1

    # -- geometry ------------------------------------------------------------------------
    def _areas(self) -> tuple[Rect, Rect, Rect]:
        """(main area, side panel, bottom bar)."""
        m = self.m
        top = m.px(230)
        bottom = m.h - m.px(130)
        side_w = m.px(760)
        main = Rect(m.margin, top, m.w - 3 * m.margin - side_w, bottom - top - m.px(20))
        side = Rect(main.right + m.margin, top, side_w, main.h)
        bar = Rect(m.margin, bottom, m.w - 2 * m.margin, m.px(96))
        return main, side, bar

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
            t += self._draw_targets(main, side, row_h, gap)
        elif self.view == "choose":
            t += self._choose_targets(main, side, row_h, gap)
        else:
            t += self._adjust_targets(main, side, row_h, gap)
        half = (bar.w - gap) // 2
        t.append(Target("use", Rect(bar.x, bar.y, min(half, m.px(620)), bar.h),
                        "Use this picture", self.use))
        t.append(Target("cancel", Rect(bar.right - min(half, m.px(420)), bar.y,
                                       min(half, m.px(420)), bar.h), "Cancel", self.cancel))
        return t

    def _draw_targets(self, main, side, row_h, gap) -> list[Target]:
        t = [Target("draw-canvas", fit_rect(self.canvas.size, main), "The drawing", lambda: None)]
        cols = 4
        w = (side.w - (cols - 1) * gap) // cols
        y = side.y + self.m.px(56)
        for i, (name, colour) in enumerate(CRAYONS):
            r = Rect(side.x + (i % cols) * (w + gap), y + (i // cols) * (row_h + gap), w, row_h)
            t.append(Target(f"crayon-{i}", r, name, partial(self._crayon, i),
                            selected=not self.canvas.eraser and self.canvas.colour == i,
                            swatch=colour))
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

    def _grid(self, main: Rect) -> tuple[int, int, int]:
        """(columns, rows, tile side) of the thumbnails."""
        m = self.m
        side = m.px(230)
        cols = max(1, (main.w + m.px(20)) // (side + m.px(20)))
        rows = max(1, (main.h - m.px(20)) // (side + m.px(60)))
        return cols, rows, side

    def _choose_targets(self, main, side, row_h, gap) -> list[Target]:
        m = self.m
        t: list[Target] = []
        files = self.files or []
        cols, rows, tile = self._grid(main)
        per = cols * rows
        shown = files[self.page * per:(self.page + 1) * per]
        for i, path in enumerate(shown):
            r = Rect(main.x + (i % cols) * (tile + m.px(20)),
                     main.y + (i // cols) * (tile + m.px(60)), tile, tile)
            t.append(Target(f"file-{self.page * per + i}", r, path.name,
                            partial(self.open_file, path)))
        y = side.y + side.h - 2 * row_h - gap
        if len(files) > per:
            half = (side.w - gap) // 2
            if self.page > 0:
                t.append(Target("newer", Rect(side.x, y, half, row_h), "Newer",
                                lambda: self._page(-1)))
            if (self.page + 1) * per < len(files):
                t.append(Target("older", Rect(side.x + half + gap, y, half, row_h), "Older",
                                lambda: self._page(1)))
        return t

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

    # -- actions -------------------------------------------------------------------------
    def show_view(self, view: str) -> None:
        self.canvas.lift_pen()
        if view == "choose" and self.files is None:
            self.files = list_pictures(self.folders if self.folders is not None
                                       else picture_folders())
        self.view = view
        self.message = ""
        self.focus = {"draw": "draw-canvas", "choose": "view-photo", "adjust": "photo"}[view]
        if view == "choose" and self.files:
            self.focus = f"file-{self.page * self._per_page()}"
        self.changed()

    def _per_page(self) -> int:
        cols, rows, _ = self._grid(self._areas()[0])
        return cols * rows

    def _page(self, d: int) -> None:
        self.page = max(0, self.page + d)
        self.focus = f"file-{self.page * self._per_page()}"
        self.changed()

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

    def _turn(self, by: int) -> None:
        if self.photo is not None:
            self.photo.rotate(by)
            self.changed()

    def _whole(self) -> None:
        if self.photo is not None:
            self.photo.crop = (0.0, 0.0, 1.0, 1.0)
            self.changed()

    def open_file(self, path: Path) -> None:
        """Bring in the picture at `path` (chosen from the list, or dropped on the window)."""
        try:
            self.open_bytes(path.name, read_picture_file(path))
        except PictureRefused as e:
            self.say(f"{path.name}: {e}")

    def open_bytes(self, name: str, data: bytes) -> None:
        """Raises PictureRefused (the caller says it)."""
        self.canvas.lift_pen()
        self.photo = Photo(name, data)
        self.show_view("adjust")

    def say(self, text: str) -> None:
        self.message = text
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
            self.focus = "draw-canvas"
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

    def _focused(self) -> Target | None:
        return next((tg for tg in self.targets() if tg.key == self.focus), None)

    def move(self, d: int) -> None:
        keys = [tg.key for tg in self.targets()]
        i = keys.index(self.focus) if self.focus in keys else -d
        self.focus = keys[(i + d) % len(keys)]
        if self.focus != "draw-canvas":
            self.canvas.lift_pen()
        self.changed()

    def take_file(self, path: str) -> bool:
        """A file dropped on the window while this step is open: True when it was a picture
        (brought in, or refused with a message here)."""
        p = Path(path)
        if not p.name.lower().endswith(PICTURE_TYPES):
            return False
        self.open_file(p)
        self.app.dirty = True
        return True

    # -- thumbnails ----------------------------------------------------------------------
    def update(self, dt: float) -> None:
        """One thumbnail per frame, so a folder of big photos never freezes the window."""
        if self.view != "choose" or not self.files:
            return
        per = self._per_page()
        for path in self.files[self.page * per:(self.page + 1) * per]:
            if path not in self.thumbs:
                self.thumbs[path] = _thumbnail(path)
                self.changed()
                self.app.animating = True
                return

    # -- drawing -------------------------------------------------------------------------
    def render(self, surface: pygame.Surface) -> None:
        m, th = self.m, self.theme
        surface.fill(th.table)
        draw_text(surface, "A picture for this card", "bold", m.px(52),
                  (m.margin, m.px(36)), th.table_ink, max_w=m.w - 2 * m.margin)
        main, side, bar = self._areas()
        self._targets = self.targets()
        if self.view == "draw":
            self._render_draw(surface, main, side)
        elif self.view == "choose":
            self._render_choose(surface, main, side)
        else:
            self._render_adjust(surface, main, side)
        for tg in self._targets:
            if tg.key in ("draw-canvas", "photo") or tg.key.startswith("file-"):
                continue
            self._button(surface, tg)
        hint(surface, Rect(m.margin, bar.bottom + m.px(6), bar.w, m.h - bar.bottom - m.px(6)),
             "Tab or arrows: move · Enter or Space: press · Esc: "
             + ("back to the photos" if self.view == "adjust" else "cancel"), th, m.u)

    def _button(self, surface, tg: Target) -> None:
        """A button; the chosen crayon, size or view has a thick outline and a tick (never
        told by colour alone)."""
        m, th = self.m, self.theme
        focused = tg.key == self.focus
        if tg.swatch is None:
            button(surface, tg.rect, tg.label, th, m.u, focused=focused)
            if tg.key.startswith("size-"):
                r = max(2, round(SIZES[int(tg.key[5:])][1] * m.u * 0.6))
                pygame.draw.circle(surface, th.ink, (tg.rect.x + m.px(34), tg.rect.centery), r)
            if tg.selected:
                side = round(tg.rect.h * 0.4)
                _tick(surface, Rect(tg.rect.right - side - m.px(16), tg.rect.centery - side // 2,
                                    side, side), th.ink, max(2, m.px(6)))
        else:
            panel(surface, tg.rect, th, m.u, fill=th.paper, shadow=False)
            side = tg.rect.h - m.px(28)
            dot = Rect(tg.rect.x + m.px(12), tg.rect.y + m.px(14), side, side)
            pygame.draw.rect(surface, tg.swatch, dot, border_radius=max(2, m.px(12)))
            draw_text(surface, tg.label, "bold", m.px(28), (dot.right + m.px(10),
                                                              tg.rect.centery), th.ink,
                      anchor="midleft", max_w=tg.rect.right - dot.right - m.px(16),
                      max_h=tg.rect.h - m.px(8))
            if tg.selected:
                _tick(surface, dot.inflate(-dot.w // 4, -dot.h // 4), th.paper, max(2, m.px(7)))
        if tg.selected:
            pygame.draw.rect(surface, th.ink, tg.rect, width=max(2, m.px(6)),
                             border_radius=max(2, m.px(22)))
        if focused:
            focus_ring(surface, tg.rect, th, m.u)

    def _heading(self, surface, text: str, pos) -> None:
        m = self.m
        draw_text(surface, text, "bold", m.px(32), pos, self.theme.table_ink,
                  max_w=self._areas()[1].w)

    def _render_draw(self, surface, main, side) -> None:
        m = self.m
        self._heading(surface, "Crayons", (side.x, side.y))
        row_h, gap = m.px(92), m.px(16)
        y = side.y + m.px(56) + 2 * (row_h + gap) + m.px(14)
        self._heading(surface, "Size", (side.x, y))
        y += m.px(50) + row_h + gap + m.px(24) + row_h + m.px(24)
        f = fit("On the drawing: draw with the mouse, a pen or a finger. With keys: arrows "
                "move the pen, Space puts it down or lifts it, Ctrl+Z undoes.", "regular",
                (side.w, side.bottom - y), m.px(26), m.px(18))
        draw_fitted(surface, f, Rect(side.x, y, side.w, side.bottom - y), self.theme.table_ink)

    def _render_choose(self, surface, main, side) -> None:
        m, th = self.m, self.theme
        files = self.files or []
        for tg in self._targets:
            if not tg.key.startswith("file-"):
                continue
            r = tg.rect
            panel(surface, r, th, m.u, shadow=False)
            path = files[int(tg.key[5:])]
            thumb = self.thumbs.get(path)
            inner = r.inflate(-m.px(16), -m.px(16))
            if thumb is not None:
                img = pygame.transform.smoothscale(thumb, fit_rect(thumb.get_size(),
                                                                   inner).size)
                surface.blit(img, img.get_rect(center=inner.center))
            else:
                words = "…" if path not in self.thumbs else "Cannot be opened"
                draw_text(surface, words, "italic", m.px(24), inner.center, th.muted,
                          anchor="center", max_w=inner.w)
            draw_text(surface, path.name, "regular", m.px(22), (r.x, r.bottom + m.px(6)),
                      th.table_ink, max_w=r.w)
            if tg.key == self.focus:
                focus_ring(surface, r, th, m.u)
        drop = Rect(side.x, side.y, side.w, m.px(300))
        pygame.draw.rect(surface, th.paper, drop, border_radius=max(2, m.px(22)))
        _dashed(surface, drop, th.accent, max(2, m.px(5)), m.px(24))
        f = fit("Drop a picture file on this window, from any folder.", "bold",
                (drop.w - m.px(60), drop.h - m.px(40)), m.px(36), m.px(20))
        draw_fitted(surface, f, drop.inflate(-m.px(60), -m.px(40)), th.ink, align="center",
                    valign="middle")
        where = ", ".join(p.name for p in (self.folders if self.folders is not None
                                           else picture_folders())) or "no picture folders"
        words = (f"Pictures from {where}, newest first. Click one, or Tab to it and press "
                 "Enter." if files else
                 f"No pictures found in {where}. Drop a picture file on this window.")
        f = fit(words, "regular", (side.w, m.px(160)), m.px(26), m.px(18))
        draw_fitted(surface, f, Rect(side.x, drop.bottom + m.px(24), side.w, m.px(160)),
                    th.table_ink)
        self._message(surface, side)

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
        _dashed(surface, box, (0, 0, 0), max(2, m.px(4)), m.px(18))
        if self.focus == "photo":
            focus_ring(surface, r, th, m.u, radius=4)
        y = side.y + m.px(20) + 2 * (m.px(92) + m.px(16)) + m.px(10)
        turned = {0: "", 90: " Turned right.", 180: " Upside down.", 270: " Turned left."}
        words = (f"{photo.name}.{turned[photo.turn]} To keep only part of it, drag a box over "
                 "that part. With keys: Tab to the photo, then arrows move the box and "
                 "Shift + arrows change its size. The picture is made smaller on the way in, "
                 "and the photo's hidden details (where and when it was taken) are left out.")
        f = fit(words, "regular", (side.w, side.bottom - y - m.px(150)), m.px(26), m.px(18))
        draw_fitted(surface, f, Rect(side.x, y, side.w, side.bottom - y - m.px(150)),
                    th.table_ink)
        self._message(surface, side)

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


def _tick(surface, box: Rect, colour, width: int) -> None:
    """A tick mark filling `box` (drawn: the reading font has no tick glyph)."""
    pts = [(box.x, box.y + box.h * 0.55), (box.x + box.w * 0.38, box.bottom),
           (box.right, box.y)]
    pygame.draw.lines(surface, colour, False, pts, width)


def _dashed(surface, rect: Rect, colour, width: int, dash: int) -> None:
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


def _thumbnail(path: Path) -> pygame.Surface | None:
    try:
        data, ext = import_photo(read_picture_file(path), max_side=THUMB_SIDE)
        return surface_of(data, ext)
    except (PictureRefused, pygame.error, OSError, ValueError):
        return None


def open_picture_step(app, on_done: Callable[[bytes, str], None],
                      folders: list[Path] | None = None) -> PictureStep:
    """Open the picture step over the screen shown; `on_done(data, ext)` when a picture is
    chosen ("png" or "jpeg"). `folders`: where to list pictures (None: Pictures, Downloads
    and Desktop)."""
    step = PictureStep(app, on_done, folders)
    app.push(step)
    return step

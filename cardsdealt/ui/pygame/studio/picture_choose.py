"""The picture step's **Bring in a photo** view: the pictures in the person's Pictures,
Downloads and Desktop folders, newest first, as thumbnails to click (no file dialog, no
terminal); or a file dropped on the window (app.py and drop.py hand it to `take_file`).

Thumbnails are made one per frame (`update`), so a folder of big photos never freezes the
window. A file chosen or dropped goes to the Adjust view (picture_adjust.py), or is refused
with one message here.
"""

from __future__ import annotations

import os
from functools import partial
from pathlib import Path

import pygame
from pygame import Rect

from cardsdealt.render.draw import focus_ring, panel
from cardsdealt.render.text import draw_fitted, draw_text, fit, font, px_for_height, scaled
from cardsdealt.session.pictures import MAX_INPUT_BYTES, PictureRefused, import_photo
from cardsdealt.ui.pygame.canvas import fit_rect
from cardsdealt.ui.pygame.studio.picture_base import StepBase, Target, dashed, surface_of

PICTURE_TYPES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp")
MAX_LISTED = 120  # pictures listed from the folders (newest first)
THUMB_SIDE = 220


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


def short_name(name: str, f: pygame.font.Font, width: int) -> str:
    """`name` in `width` pixels at one size: too long, its middle gives way to "…", so its
    start and its ending (".jpg", a phone's date and time) both stay readable."""
    if f.size(name)[0] <= width:
        return name
    keep = len(name) - 1
    while keep > 2:
        head = name[:(keep + 1) // 2].rstrip(" ._-")
        tail = name[len(name) - keep // 2:].lstrip(" _-")
        if tail.count(".") > 1:  # ".30.12.jpg": no dot against the "…"
            tail = tail.lstrip(".")
        if f.size(f"{head}…{tail}")[0] <= width:
            return f"{head}…{tail}"
        keep -= 1
    return "…"


def _thumbnail(path: Path) -> pygame.Surface | None:
    try:
        data, ext = import_photo(read_picture_file(path), max_side=THUMB_SIDE)
        return surface_of(data, ext)
    except (PictureRefused, pygame.error, OSError, ValueError):
        return None


class PictureChoose(StepBase):
    """The Bring in a photo view (a mixin of PictureStep)."""

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

    def list_files(self) -> None:
        """The pictures in the folders, listed once (when the view is first opened)."""
        if self.files is None:
            self.files = list_pictures(self.folders if self.folders is not None
                                       else picture_folders())

    def _per_page(self) -> int:
        cols, rows, _ = self._grid(self._areas()[0])
        return cols * rows

    def _page(self, d: int) -> None:
        self.page = max(0, self.page + d)
        self.focus = f"file-{self.page * self._per_page()}"
        self.changed()

    def open_file(self, path: Path) -> None:
        """Bring in the picture at `path` (chosen from the list, or dropped on the window)."""
        try:
            self.open_bytes(path.name, read_picture_file(path))
        except PictureRefused as e:
            self.say(f"{path.name}: {e}")

    def take_file(self, path: str) -> bool:
        """A file dropped on the window while this step is open: True when it was a picture
        (brought in, or refused with a message here)."""
        p = Path(path)
        if not p.name.lower().endswith(PICTURE_TYPES):
            return False
        self.open_file(p)
        self.app.dirty = True
        return True

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

    # -- drawing ---------------------------------------------------------------------------
    def _render_choose(self, surface, main, side) -> None:
        m, th = self.m, self.theme
        files = self.files or []
        # one size for every name, no taller than the gap under its tile
        name_px = px_for_height("regular", scaled(m.px(24)), m.px(50))
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
            draw_text(surface, short_name(path.name, font("regular", name_px), r.w),
                      "regular", m.px(24), (r.x, r.bottom + m.px(6)), th.table_ink,
                      max_px=name_px)
            if tg.key == self.focus:
                focus_ring(surface, r, th, m.u)
        drop = Rect(side.x, side.y, side.w, m.px(300))
        pygame.draw.rect(surface, th.paper, drop, border_radius=max(2, m.px(22)))
        dashed(surface, drop, th.accent, max(2, m.px(5)), m.px(24))
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

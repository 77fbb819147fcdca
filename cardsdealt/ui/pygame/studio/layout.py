"""The shape of every studio screen, and where each control goes on it: a header (what this
screen is, and "Saved"), a column of things to fill in or press (scrolls when long), an
optional side (the card's preview, or the deck's parts) and a row of buttons along the
bottom. What is pressed and typed is screen.py's; each control is drawn by control.py.

Targets are at least 84 design px tall (56 px at 1280x720, 84 px at 1080p); the sizes grow
with the text size setting and every colour comes from the theme.
"""

from __future__ import annotations

import pygame
from pygame import Rect

from cardsdealt.render.text import draw_text, fit, font, grown, line_height, scaled
from cardsdealt.ui.pygame.scenes.base import Scene
from cardsdealt.ui.pygame.studio.control import (
    ADVICE_PX,
    BOX_PX,
    HINT_PX,
    LABEL_PX,
    ROW_H,
    Control,
    draw_control,
)
from cardsdealt.ui.pygame.textbox import TextBox

KEYS_HINT = "F1: keys \u00b7 Esc: back"  # under "Saved": the help lists the rest


class Layout(Scene):
    """A studio screen's controls and where they are; subclasses give `controls()` (the
    column), `tools()` (the bottom row) and, if they have one, `draw_side(surface, rect)`."""

    pausable = False  # Esc goes back a screen
    name = "studio"
    title = ""
    side_share = 0.0  # share of the width the side takes (0: no side)

    def __init__(self, app, studio) -> None:
        super().__init__(app)
        self.studio = studio
        self.scroll = 0
        self.focus_key: str | None = None
        self._controls: list[Control] | None = None
        self._column: list[Control] = []
        self._tools: list[Control] = []
        self._still: pygame.Surface | None = None  # all but what typing changes (render)
        self._still_key: tuple = ()
        self._still_version = 0
        self._typing = False
        self._kept_boxes: dict[str, TextBox] = {}  # the boxes before a restyle, by key

    # -- to give -----------------------------------------------------------------------
    def controls(self) -> list[Control]:
        return []

    def tools(self) -> list[Control]:
        return []

    def heading(self) -> str:
        return self.title

    def draw_side(self, surface: pygame.Surface, rect: Rect) -> None:
        pass

    # -- the controls ------------------------------------------------------------------
    def all(self) -> list[Control]:
        if self._controls is None:
            self._column = self.controls()
            self._tools = self.tools()
            for t in self._tools:
                t.tool = True
            self._controls = self._column + self._tools
            for c in self._column:  # a box as it was (its cursor, its selection) after restyle
                kept = self._kept_boxes.get(c.key)
                if kept is not None and c.box is not None and kept.text == c.box.text:
                    c.box = kept
            keys = [c.key for c in self._controls]
            if self.focus_key not in keys:
                self.focus_key = self._first_key()
            self._layout()
            if self._kept_boxes:  # new settings: the marked one stays in view
                self._kept_boxes = {}
                self._reveal(whole=False)
        return self._controls

    def refresh_tools(self) -> None:
        """Undo and Redo are pressable exactly when there is something to undo or redo."""
        doc = self.studio.doc
        for t in self._tools:
            if t.key == "tool.undo":
                t.enabled = bool(doc is not None and doc.can_undo)
            elif t.key == "tool.redo":
                t.enabled = bool(doc is not None and doc.can_redo)

    def _first_key(self) -> str | None:
        live = [c for c in self._controls or [] if c.enabled]
        return live[0].key if live else None

    def focused(self) -> Control | None:
        for c in self.all():
            if c.key == self.focus_key:
                return c
        return None

    def find(self, key: str) -> Control | None:
        return next((c for c in self.all() if c.key == key), None)

    # -- geometry ----------------------------------------------------------------------
    def areas(self) -> tuple[Rect, Rect, Rect, Rect]:
        """(header, column, side, tools)."""
        m = self.m
        g = m.margin
        header = Rect(g, m.px(14), m.w - 2 * g, m.px(96))
        tools_h = m.px(ROW_H * grown(0.4))
        tools = Rect(g, m.h - tools_h - m.px(20), m.w - 2 * g, tools_h)
        body_top = header.bottom + m.px(10)
        body = Rect(g, body_top, m.w - 2 * g, tools.y - m.px(22) - body_top)
        if self.side_share:
            side_w = round(body.w * self.side_share)
            side = Rect(body.right - side_w, body.y, side_w, body.h)
            column = Rect(body.x, body.y, body.w - side_w - m.px(40), body.h)
        else:
            side = Rect(body.right, body.y, 0, body.h)
            column = body
        return header, column, side, tools

    def _label_h(self) -> int:
        """A label's line, from the font in use at the text size chosen."""
        return line_height(font("bold", scaled(self.m.px(LABEL_PX)))) + self.m.px(4)

    def _heights(self, c: Control, w: int) -> tuple[int, int, int, int]:
        """(label h, hint h, control h, advice h) in pixels."""
        m = self.m
        g = grown()
        label_h = self._label_h() if c.label and c.kind not in ("button", "row") else 0
        hint_h = 0
        if c.hint and c.kind not in ("button", "row"):
            f = fit(c.hint, "regular", (w, m.px(200)), m.px(HINT_PX), m.px(HINT_PX))
            hint_h = f.height
        box_px = scaled(m.px(BOX_PX))
        lh = line_height(font("regular", box_px))
        if c.kind == "text":
            h = 3 * lh + 2 * max(4, box_px * 3 // 4)  # three lines show; more scroll
        elif c.kind == "line":
            h = lh + 2 * max(4, box_px * 3 // 4)
        elif c.kind == "row":
            h = m.px(112 * g)
        else:
            h = m.px(ROW_H * grown(0.4)) if not c.detail else m.px(124 * g)
        adv = 0
        for a in c.advice[:3]:
            f = fit(a, "regular", (w - m.px(40), m.px(400)), m.px(ADVICE_PX), m.px(ADVICE_PX))
            adv += f.height + m.px(6)
        return label_h, hint_h, h, adv

    def _layout(self) -> None:
        """Where every control is, before scrolling (column controls) or fixed (tools)."""
        m = self.m
        _header, column, _side, tools = self.areas()
        y = 0
        gap = m.px(26)
        i = 0
        col = self._column
        while i < len(col):
            c = col[i]
            row = [c]
            if c.group >= 0:
                while i + len(row) < len(col) and col[i + len(row)].group == c.group:
                    row.append(col[i + len(row)])
            total = sum(x.width for x in row)
            x = column.x + m.px(30)  # room for the focus pointer
            avail = column.w - m.px(30) - m.px(16) * (len(row) - 1) - m.px(12)
            tallest = 0
            widths = [round(avail * x_c.width / total) for x_c in row]
            above = max(sum(self._heights(x_c, w)[:2]) for x_c, w in zip(row, widths, strict=True))
            high = max(self._heights(x_c, w)[2] for x_c, w in zip(row, widths, strict=True))
            for x_c, w in zip(row, widths, strict=True):
                lh, hh, h, ah = self._heights(x_c, w)
                h = high  # a row's controls line up, all as tall as the tallest
                x_c.rect = Rect(x, y + above, w, h)
                x_c._top = y + above - lh - hh  # type: ignore[attr-defined]
                x_c._advice_h = ah  # type: ignore[attr-defined]
                tallest = max(tallest, above + h + ah)
                x += w + m.px(16)
            y += tallest + gap
            i += len(row)
        self._content_h = y
        n = len(self._tools)
        if n:
            gap_t = m.px(16)
            w = (tools.w - gap_t * (n - 1)) // n
            for k, t in enumerate(self._tools):
                t.rect = Rect(tools.x + k * (w + gap_t), tools.y, w, tools.h)
        for c in self._column:
            if c.box is not None:
                c.box.set_geometry(self._screen_rect(c), scaled(m.px(BOX_PX)))

    def _screen_rect(self, c: Control) -> Rect:
        if c.tool:
            return c.rect
        column = self.areas()[1]
        return c.rect.move(0, column.y - self.scroll)

    def _reveal(self, whole: bool = True) -> None:
        """Scroll the marked control into view: its label, itself and its advice (`whole`),
        or, when the page is only laid out again, itself (so nothing moves that need not)."""
        c = self.focused()
        if c is None or c.tool:
            return
        column = self.areas()[1]
        top = getattr(c, "_top", c.rect.y) if whole else c.rect.y
        bottom = c.rect.bottom + (getattr(c, "_advice_h", 0) if whole else 0)
        if top < self.scroll:
            self.scroll = max(0, top - self.m.px(10))
        elif bottom > self.scroll + column.h:
            self.scroll = bottom - column.h + self.m.px(10)
        self._place_boxes()

    def _place_boxes(self) -> None:
        m = self.m
        for c in self._column:
            if c.box is not None:
                c.box.set_geometry(self._screen_rect(c), scaled(m.px(BOX_PX)))

    def scroll_by(self, dy: int) -> None:
        column = self.areas()[1]
        most = max(0, getattr(self, "_content_h", 0) - column.h)
        self.scroll = max(0, min(most, self.scroll + dy))
        self._place_boxes()
        self.changed()


    # -- drawing -----------------------------------------------------------------------
    # What does not move while someone types (every control, the tools) is kept in a still
    # picture; a keystroke draws only the marked box, the header and the side over it.

    def changed(self) -> None:
        if not self._typing:
            self._still_version += 1
        super().changed()

    def restyle(self) -> None:
        """New settings (text size, theme, font): everything is laid out and drawn again;
        the words typed, and where the cursor is in them, stay as they are."""
        if self._controls is not None:  # (restyled twice before it is drawn: kept once)
            self._kept_boxes = {c.key: c.box for c in self._controls if c.box is not None}
        self._controls = None
        self._still = None
        super().restyle()

    def draw(self, surface: pygame.Surface) -> None:
        """Straight onto the screen: the still picture is this screen's own cache (one
        full-screen copy a frame, not two)."""
        self.render(surface)
        self.draw_live(surface)

    def render(self, surface: pygame.Surface) -> None:
        m, th = self.m, self.theme
        self.all()
        self._place_boxes()
        self.refresh_tools()
        header, column, side, tools = self.areas()
        key = (surface.get_size(), self._still_version, th.name,
               tuple(t.enabled for t in self._tools))
        still = self._still
        if still is None or still.get_size() != surface.get_size() or self._still_key != key:
            if still is None or still.get_size() != surface.get_size():
                still = self._still = pygame.Surface(surface.get_size(), 0, surface)
            self._render_still(still)
            self._still_key = key
        surface.blit(still, (0, 0))
        focused = self.focused()
        if focused is not None and focused.is_text and not focused.tool:
            clip = surface.get_clip()
            surface.set_clip(column.inflate(m.px(24), m.px(16)))
            self._draw_control(surface, focused, self._screen_rect(focused),
                               getattr(focused, "_top", 0) + column.y - self.scroll, True,
                               box_only=True)
            surface.set_clip(clip)
        pygame.draw.rect(surface, th.table, header.inflate(0, m.px(8)))
        draw_text(surface, self.heading(), "bold", m.px(52), (header.x, header.centery),
                  th.table_ink, anchor="midleft", max_w=header.w - m.px(380),
                  max_h=header.h)
        status = self.studio.status_words()
        y = header.centery - (m.px(20) if status else 0)
        if status:
            draw_text(surface, status, "bold", m.px(30), (header.right, y), th.table_muted,
                      anchor="midright", max_w=m.px(360), max_h=header.h // 2)
        draw_text(surface, KEYS_HINT, "regular", m.px(24),
                  (header.right, y + (m.px(40) if status else 0)), th.table_muted,
                  anchor="midright", max_w=m.px(360), max_h=header.h // 2)
        if side.w:
            pygame.draw.rect(surface, th.table, side)
            self.draw_side(surface, side)

    def _render_still(self, surface: pygame.Surface) -> None:
        m, th = self.m, self.theme
        surface.fill(th.table)
        header, column, side, tools = self.areas()
        clip = surface.get_clip()
        surface.set_clip(column.inflate(m.px(24), m.px(16)))
        focused = self.focused()
        for c in self._column:
            r = self._screen_rect(c)
            top = getattr(c, "_top", r.y) + column.y - self.scroll
            if r.bottom + getattr(c, "_advice_h", 0) < column.y - m.px(16) \
                    or top > column.bottom + m.px(16):
                continue
            self._draw_control(surface, c, r, top, c is focused)
        surface.set_clip(clip)
        most = getattr(self, "_content_h", 0) - column.h
        if most > 0:
            track = Rect(column.right + m.px(8), column.y, m.px(10), column.h)
            pygame.draw.rect(surface, th.meter_track, track, border_radius=4)
            h = max(m.px(40), track.h * column.h // self._content_h)
            y = track.y + (track.h - h) * self.scroll // most
            pygame.draw.rect(surface, th.table_muted, Rect(track.x, y, track.w, h),
                             border_radius=4)
        for t in self._tools:
            self._draw_control(surface, t, t.rect, t.rect.y, t is focused)


    def _draw_control(self, s: pygame.Surface, c: Control, r: Rect, top: int,
                      focused: bool, box_only: bool = False) -> None:
        draw_control(s, c, r, top, focused, self.m, self.theme, self._label_h(), box_only)

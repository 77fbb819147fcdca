"""The studio's screens share one shape: a header (what this screen is, and "Saved"), a
column of things to fill in or press (scrolls when long), an optional side (the card's
preview, or the deck's parts) and a row of buttons along the bottom.

Everything on a studio screen is a `Control` the marker moves over, so the keyboard and the
mouse (or a finger) each do every step alone:

- Tab / Shift+Tab: the next / previous control; Up and Down jump a whole row (a card in a
  list with its buttons is one row), PageDown/PageUp as a clicker sends them too;
- Enter or Space presses a button, turns a "pick" to its next option (Left and Right go
  either way) and flips a yes/no; in a one-line box Enter goes on to the next box;
- Esc goes back a screen; Ctrl+Z undoes and Ctrl+Y (or Ctrl+Shift+Z) redoes, anywhere;
- a click or a tap marks a control and presses it (a box puts its cursor there), the wheel
  scrolls the column.

Targets are at least 84 design px tall (56 px at 1280x720, 84 px at 1080p); the sizes grow
with the text size setting and every colour comes from the theme.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

import pygame
from pygame import Rect

from cardsdealt.render.draw import focus_ring, panel, pointer
from cardsdealt.render.text import (
    draw_fitted,
    draw_text,
    fit,
    font,
    grown,
    line_height,
    scaled,
)
from cardsdealt.ui.pygame.scenes.base import Scene
from cardsdealt.ui.pygame.textbox import TextBox, keyboard

TEXT_KINDS = ("line", "text")
LABEL_PX, HINT_PX, BOX_PX, ADVICE_PX = 32, 26, 32, 26
ROW_H = 96  # design px of a button, a pick or a list row


@dataclass(eq=False)
class Control:
    """One thing the marker can be on. `kind`: "button", "line", "text", "pick", "toggle",
    "stepper" or "row" (a list item: pressing it opens it)."""

    key: str
    label: str = ""
    kind: str = "button"
    hint: str = ""
    action: Callable[[], Any] | None = None  # button, row
    on_change: Callable[[Any], Any] | None = None  # line/text (str), pick, toggle, stepper
    value: Any = None
    options: list[tuple[Any, str]] = field(default_factory=list)  # pick: (value, words)
    advice: list[str] = field(default_factory=list)
    detail: str = ""  # a row's second line, a button's words under its label
    group: int = -1  # Up/Down jump between groups (-1: a group of its own)
    width: float = 1.0  # share of the row (controls with the same group share a row)
    tool: bool = False  # in the bottom row of buttons
    box: TextBox | None = None
    rect: Rect = field(default_factory=lambda: Rect(0, 0, 0, 0))
    enabled: bool = True
    example: str = ""
    bounds: tuple[int, int] = (-99, 99)  # a stepper's lowest and highest

    def __post_init__(self) -> None:
        if self.kind in TEXT_KINDS and self.box is None:
            text = "" if self.value is None else str(self.value)
            self.box = TextBox(text, placeholder=f"For example: {self.example}"
                               if self.example else "")
            self.box.buf.move_to(len(text))

    @property
    def is_text(self) -> bool:
        return self.kind in TEXT_KINDS

    def words(self) -> str:
        """What a pick shows now."""
        for v, w in self.options:
            if v == self.value:
                return w
        return self.options[0][1] if self.options else ""


class StudioScreen(Scene):
    """A studio screen; subclasses give `controls()` (the column), `tools()` (the bottom
    row) and, if they have one, `draw_side(surface, rect)`."""

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

    # -- to give -----------------------------------------------------------------------
    def controls(self) -> list[Control]:
        return []

    def tools(self) -> list[Control]:
        return []

    def heading(self) -> str:
        return self.title

    def draw_side(self, surface: pygame.Surface, rect: Rect) -> None:
        pass

    def back(self) -> None:
        self.studio.leave(self)

    def gone(self) -> bool:
        """True when what this screen edits is not there any more (undone, deleted)."""
        return False

    # -- the controls ------------------------------------------------------------------
    def all(self) -> list[Control]:
        if self._controls is None:
            self._column = self.controls()
            self._tools = self.tools()
            for t in self._tools:
                t.tool = True
            self._controls = self._column + self._tools
            keys = [c.key for c in self._controls]
            if self.focus_key not in keys:
                self.focus_key = self._first_key()
            self._layout()
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

    def rebuild(self) -> None:
        """Read every value again (after undo, redo, or a change that adds or removes)."""
        self._controls = None
        self.all()
        self._show_keyboard()
        self.changed()

    def focused(self) -> Control | None:
        for c in self.all():
            if c.key == self.focus_key:
                return c
        return None

    def find(self, key: str) -> Control | None:
        return next((c for c in self.all() if c.key == key), None)

    @property
    def wants_text(self) -> bool:  # type: ignore[override]
        c = self.focused() if self._controls is not None else None
        return c is not None and c.is_text

    def set_focus(self, key: str | None) -> None:
        old = self.focused()
        if old is not None and old.key != key and old.is_text and self.studio.doc is not None:
            self.studio.doc.end_typing()  # the next edit of that box is a new undo step
        self.focus_key = key
        self._reveal()
        self._show_keyboard()
        self.changed()

    def _show_keyboard(self) -> None:
        c = self.focused()
        keyboard(c.box if c is not None and c.is_text else None)

    def move(self, d: int, by_row: bool = False) -> None:
        self.all()
        self.refresh_tools()
        items = [c for c in self.all() if c.enabled]
        if not items:
            return
        cur = self.focused()
        i = items.index(cur) if cur in items else (-1 if d > 0 else 0)
        if by_row and cur is not None:
            j = i
            while 0 <= j + d < len(items) and self._row_of(items[j + d]) == self._row_of(cur):
                j += d
            j += d
            if not 0 <= j < len(items):
                j %= len(items)
            if d < 0:  # the first control of that row
                row = self._row_of(items[j])
                while j > 0 and self._row_of(items[j - 1]) == row:
                    j -= 1
            self.set_focus(items[j].key)
            return
        self.set_focus(items[(i + d) % len(items)].key)

    def _row_of(self, c: Control):
        return ("tool",) if c.tool else (c.group if c.group >= 0 else id(c))

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

    def _reveal(self) -> None:
        c = self.focused()
        if c is None or c.tool:
            return
        column = self.areas()[1]
        top = getattr(c, "_top", c.rect.y)
        bottom = c.rect.bottom + getattr(c, "_advice_h", 0)
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


    def on_show(self) -> None:
        if self.gone():
            self.studio.leave(self)
            return
        self._controls = None
        self.all()
        self._show_keyboard()
        super().on_show()

    def on_hide(self) -> None:
        keyboard(None)
        super().on_hide()

    # -- input -------------------------------------------------------------------------
    def handle(self, event: pygame.event.Event) -> None:  # noqa: C901 - one table of keys
        t = event.type
        if t == pygame.KEYDOWN:
            self._key(event)
        elif t in (pygame.TEXTINPUT, pygame.TEXTEDITING):
            c = self.focused()
            if c is not None and c.box is not None:
                self._typed(c, event)
        elif t == pygame.MOUSEBUTTONDOWN and getattr(event, "button", 1) == 1:
            self._click(event.pos)
        elif t == pygame.MOUSEWHEEL:
            self.scroll_by(-event.y * self.m.px(90))
        elif t == pygame.MOUSEBUTTONDOWN and getattr(event, "button", 1) in (4, 5):
            self.scroll_by(self.m.px(90) * (1 if event.button == 5 else -1))

    def _key(self, event) -> None:  # noqa: C901 - one branch per key is the clearest
        k = event.key
        mods = getattr(event, "mod", 0)
        ctrl = bool(mods & (pygame.KMOD_CTRL | pygame.KMOD_META))
        shift = bool(mods & pygame.KMOD_SHIFT)
        if ctrl and (k == pygame.K_y or (k == pygame.K_z and shift)):
            self.studio.redo(self)
            return
        if ctrl and k == pygame.K_z:
            self.studio.undo(self)
            return
        if k == pygame.K_ESCAPE:
            self.back()
            return
        if k == pygame.K_TAB:
            self.move(-1 if shift else 1)
            return
        if k in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
            self.move(1 if k == pygame.K_PAGEDOWN else -1)
            return
        c = self.focused()
        if c is not None and c.is_text:
            if c.kind == "line" and k in (pygame.K_UP, pygame.K_DOWN):
                self.move(1 if k == pygame.K_DOWN else -1, by_row=True)
            elif c.kind == "line" and k in (pygame.K_RETURN, pygame.K_KP_ENTER):
                self.move(1)
            elif k in (pygame.K_RETURN, pygame.K_KP_ENTER) and ctrl:
                self.move(1)
            else:
                self._typed(c, event)
            return
        if k in (pygame.K_DOWN, pygame.K_UP):
            self.move(1 if k == pygame.K_DOWN else -1, by_row=True)
        elif k in (pygame.K_LEFT, pygame.K_RIGHT):
            d = 1 if k == pygame.K_RIGHT else -1
            if c is not None and c.kind in ("pick", "stepper"):
                self.step(c, d)
            else:
                self.move(d)
        elif k in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE, pygame.K_F5):
            if c is not None:
                self.press(c)
        elif k in (pygame.K_PLUS, pygame.K_EQUALS, pygame.K_KP_PLUS, pygame.K_MINUS,
                   pygame.K_KP_MINUS) and c is not None and c.kind == "stepper":
            self.step(c, 1 if k in (pygame.K_PLUS, pygame.K_EQUALS, pygame.K_KP_PLUS) else -1)

    def _typed(self, c: Control, event) -> None:
        assert c.box is not None
        before = c.box.text
        if c.box.handle(event):
            self._typing = True  # only the box, the header and the side are drawn again
            try:
                if c.box.text != before and c.on_change is not None:
                    if c.kind == "line" and "\n" in c.box.text:
                        c.box.buf.text = c.box.text.replace("\n", " ")  # a one-line box
                    self.studio.edit(self, c.on_change, c.box.text)
                self.changed()
            finally:
                self._typing = False

    def _click(self, pos) -> None:
        self.all()
        self.refresh_tools()
        for c in self.all():
            if not c.enabled:
                continue
            r = self._screen_rect(c)
            if not c.tool and not self.areas()[1].collidepoint(pos):
                continue
            if r.collidepoint(pos):
                if c.key != self.focus_key:
                    self.set_focus(c.key)
                if c.is_text:
                    assert c.box is not None
                    c.box.handle(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
                    self.changed()
                elif c.kind in ("pick", "stepper"):
                    self.step(c, -1 if pos[0] < r.x + r.w // 3 else 1)
                else:
                    self.press(c)
                return

    # -- acting ------------------------------------------------------------------------
    def press(self, c: Control) -> None:
        if not c.enabled:
            return
        if c.kind in ("button", "row"):
            if c.action is not None:
                c.action()
        elif c.kind == "pick":
            self.step(c, 1)
        elif c.kind == "toggle":
            c.value = not c.value
            if c.on_change is not None:
                self.studio.edit(self, c.on_change, c.value)
            self.changed()
        elif c.kind == "stepper":
            self.step(c, 1)

    def step(self, c: Control, d: int) -> None:
        if c.kind == "pick" and c.options:
            vals = [v for v, _w in c.options]
            i = vals.index(c.value) if c.value in vals else -1
            c.value = vals[(i + d) % len(vals)]
        elif c.kind == "stepper":
            lo, hi = c.bounds
            c.value = max(lo, min(hi, int(c.value or 0) + d))
        else:
            return
        if c.on_change is not None:
            self.studio.edit(self, c.on_change, c.value)
        self.changed()

    # -- drawing -----------------------------------------------------------------------
    # What does not move while someone types (every control, the tools) is kept in a still
    # picture; a keystroke draws only the marked box, the header and the side over it.

    def changed(self) -> None:
        if not self._typing:
            self._still_version += 1
        super().changed()

    def restyle(self) -> None:
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
        if status:
            draw_text(surface, status, "bold", m.px(30), (header.right, header.centery),
                      th.table_muted, anchor="midright", max_w=m.px(360), max_h=header.h)
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

    def _draw_control(self, s: pygame.Surface, c: Control, r: Rect, top: int,  # noqa: C901
                      focused: bool, box_only: bool = False) -> None:  # (one branch a kind)
        m, th = self.m, self.theme
        u = m.u
        if c.label and c.kind not in ("button", "row") and not box_only:
            draw_text(s, c.label, "bold", m.px(LABEL_PX), (r.x, top), th.table_ink,
                      max_w=r.w)
            if c.hint:
                f = fit(c.hint, "regular", (r.w, m.px(200)), m.px(HINT_PX), m.px(HINT_PX))
                draw_fitted(s, f, Rect(r.x, top + self._label_h(), r.w, f.height),
                            th.table_muted)
        if c.is_text:
            assert c.box is not None
            c.box.draw(s, th, u, focused)
            if focused:
                pointer(s, (r.x - m.px(10), r.centery), th.focus, u)
            if box_only:
                return
        elif c.kind in ("button", "row"):
            fill = th.focus_fill if focused else (th.paper if c.enabled else th.placeholder)
            panel(s, r, th, u, fill=fill, shadow=False)
            ink = th.ink if c.enabled else th.muted
            pad = m.px(24)
            if c.detail:
                draw_text(s, c.label, "bold", m.px(34), (r.x + pad, r.y + m.px(14)), ink,
                          max_w=r.w - 2 * pad, max_h=r.h * 0.45)
                draw_text(s, c.detail, "regular", m.px(27), (r.x + pad, r.centery + m.px(6)),
                          th.muted, max_w=r.w - 2 * pad, max_h=r.h * 0.4)
            else:
                f = fit(c.label, "bold", (r.w - 2 * pad, r.h - m.px(8)), m.px(34),
                        m.px(22))
                draw_fitted(s, f, r.inflate(-2 * pad, 0), ink,
                            align="center" if c.tool or c.width < 1 else "left",
                            valign="middle")
            if focused:
                focus_ring(s, r, th, u)
        elif c.kind in ("pick", "stepper", "toggle"):
            panel(s, r, th, u, fill=th.focus_fill if focused else th.paper, shadow=False)
            pad = m.px(24)
            if c.kind == "toggle":
                box = Rect(r.x + pad, r.centery - m.px(22), m.px(44), m.px(44))
                pygame.draw.rect(s, th.paper, box, border_radius=m.px(6))
                pygame.draw.rect(s, th.ink, box, width=max(2, m.px(4)), border_radius=m.px(6))
                if c.value:
                    from cardsdealt.render.card_view import tick

                    tick(s, box.center, th.ink, u * 1.4)
                words = "Yes" if c.value else "No"
                draw_text(s, words, "bold", m.px(34), (box.right + pad, r.centery), th.ink,
                          anchor="midleft", max_w=r.w - box.w - 3 * pad, max_h=r.h)
            else:
                words = c.words() if c.kind == "pick" else self._stepper_words(c)
                a = m.px(16)
                y = r.centery
                pygame.draw.polygon(s, th.ink, [(r.x + pad, y), (r.x + pad + a, y - a),
                                                (r.x + pad + a, y + a)])
                pygame.draw.polygon(s, th.ink, [(r.right - pad, y), (r.right - pad - a, y - a),
                                                (r.right - pad - a, y + a)])
                if c.kind == "stepper":
                    draw_text(s, "less", "regular", m.px(24), (r.x + pad + a + m.px(10), y),
                              th.muted, anchor="midleft", max_h=r.h)
                    draw_text(s, "more", "regular", m.px(24),
                              (r.right - pad - a - m.px(10), y), th.muted, anchor="midright",
                              max_h=r.h)
                inner = r.inflate(-2 * (pad + a + m.px(80 if c.kind == "stepper" else 20)), 0)
                f = fit(words, "bold", (inner.w, r.h - m.px(10)), m.px(32), m.px(22))
                draw_fitted(s, f, inner, th.ink, align="center", valign="middle")
            if focused:
                focus_ring(s, r, th, u)
        y = r.bottom + m.px(6)
        for note in c.advice[:3]:
            f = fit(note, "regular", (r.w - m.px(40), m.px(400)), m.px(ADVICE_PX),
                    m.px(ADVICE_PX))
            mark = Rect(r.x, y + m.px(4), m.px(26), m.px(26))
            pygame.draw.rect(s, th.accent, mark, border_radius=m.px(13))
            draw_text(s, "!", "bold", m.px(22), mark.center, th.text_on(th.accent),
                      anchor="center", max_h=mark.h)
            draw_fitted(s, f, Rect(r.x + m.px(38), y, r.w - m.px(40), f.height), th.table_ink)
            y += f.height + m.px(6)

    def _stepper_words(self, c: Control) -> str:
        v = int(c.value or 0)
        if c.detail == "change":
            return "no change" if v == 0 else (f"up by {v}" if v > 0 else f"down by {-v}")
        return str(v)

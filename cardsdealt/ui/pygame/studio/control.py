"""One thing on a studio screen (`Control`: a button, a box to write in, a pick, a yes/no, a
stepper, a row of a list) and how it is drawn (`draw_control`): its label and hint above,
the control itself, and check's advice under it, each with a "!" mark.

Every size is in design px (1080p), grown with the text size setting; every colour comes
from the theme.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

import pygame
from pygame import Rect

from cardsdealt.render.draw import focus_ring, panel, pointer
from cardsdealt.render.text import draw_fitted, draw_text, fit
from cardsdealt.ui.pygame.textbox import TextBox

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
        if self.value in (None, ""):  # a question not answered yet shows no answer as given
            return "Not chosen yet: press to choose"
        return self.options[0][1] if self.options else ""


def draw_control(s: pygame.Surface, c: Control, r: Rect, top: int,  # noqa: C901
                 focused: bool, m, th, label_h: int,
                 box_only: bool = False) -> None:  # (one branch a kind)
    """`c` at `r` (its label and hint from `top`, `label_h` a label's line); `box_only`: just
    the box being typed in, over the still picture (layout.py)."""
    u = m.u
    if c.label and c.kind not in ("button", "row") and not box_only:
        draw_text(s, c.label, "bold", m.px(LABEL_PX), (r.x, top), th.table_ink,
                  max_w=r.w)
        if c.hint:
            f = fit(c.hint, "regular", (r.w, m.px(200)), m.px(HINT_PX), m.px(HINT_PX))
            draw_fitted(s, f, Rect(r.x, top + label_h, r.w, f.height),
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
            words = c.words() if c.kind == "pick" else stepper_words(c)
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


def stepper_words(c: Control) -> str:
    v = int(c.value or 0)
    if c.detail == "change":
        return "no change" if v == 0 else (f"up by {v}" if v > 0 else f"down by {-v}")
    return str(v)

"""Small drawing helpers shared by the scenes: panels, buttons, meters, focus marks.

Focus is never shown by colour alone: a thick outline plus a pointer triangle at the left.
Meters show a label, segments (filled and hollow shapes) and the figures ("3 of 5").
"""

from __future__ import annotations

import pygame
from pygame import Rect

from cardsdealt.render.text import draw_fitted, draw_text, fit
from cardsdealt.render.theme import Theme


def panel(surface: pygame.Surface, rect: Rect, theme: Theme, u: float, fill=None,
          shadow: bool = True, edge: bool = True, radius: float = 22) -> None:
    r = max(2, round(radius * u))
    if shadow:
        off = max(2, round(8 * u))
        pygame.draw.rect(surface, theme.shadow, rect.move(off // 2, off), border_radius=r)
    pygame.draw.rect(surface, fill or theme.paper, rect, border_radius=r)
    if edge:
        pygame.draw.rect(surface, theme.edge, rect, width=max(1, round(theme.edge_width * u)),
                         border_radius=r)


def focus_ring(surface: pygame.Surface, rect: Rect, theme: Theme, u: float,
               radius: float = 22) -> None:
    """A thick outline around `rect` and a pointer in the margin to its left."""
    t = max(3, round(theme.focus_width * u))
    pygame.draw.rect(surface, theme.focus, rect.inflate(2 * t, 2 * t), width=t,
                     border_radius=max(2, round((radius + theme.focus_width) * u)))
    pointer(surface, (rect.x - 2 * t, rect.centery), theme.focus, u)


def pointer(surface: pygame.Surface, tip: tuple[int, int], colour, u: float) -> None:
    s = max(6, round(18 * u))
    x, y = tip
    pygame.draw.polygon(surface, colour, [(x, y), (x - s, y - s), (x - s, y + s)])


def badge(surface: pygame.Surface, centre: tuple[int, int], label: str, theme: Theme, u: float,
          filled: bool = False) -> None:
    """A round number badge like "1" next to a choice."""
    r = max(8, round(30 * u))
    if filled:
        pygame.draw.circle(surface, theme.focus, centre, r)
        colour = theme.text_on(theme.focus)
    else:
        pygame.draw.circle(surface, theme.paper, centre, r)
        pygame.draw.circle(surface, theme.ink, centre, r, width=max(1, round(3 * u)))
        colour = theme.ink
    draw_text(surface, label, "bold", round(34 * u), centre, colour, anchor="center",
              max_h=2 * r)


def button(surface: pygame.Surface, rect: Rect, label: str, theme: Theme, u: float,
           focused: bool = False, key: str = "") -> None:
    """A button with its keyboard key written under or after the label."""
    panel(surface, rect, theme, u, fill=theme.focus_fill if focused else theme.paper,
          shadow=False)
    text = f"{label}  ({key})" if key else label
    f = fit(text, "bold", (rect.w - round(24 * u), rect.h - round(8 * u)),
            round(34 * u), round(22 * u))
    draw_fitted(surface, f, rect.inflate(-round(24 * u), 0), theme.ink, align="center",
                valign="middle")
    if focused:
        focus_ring(surface, rect, theme, u)


def meter(surface: pygame.Surface, rect: Rect, label: str, value: int, lo: int, hi: int,
          theme: Theme, u: float) -> None:
    """A labelled meter: the label, one segment per step, and "value of max" in figures."""
    label_px, fig_px = round(28 * u), round(28 * u)
    figure = f"{value} of {hi}" if lo == 0 else f"{value} (from {lo} to {hi})"
    most = max(6, round(rect.h * 0.55))  # larger text sizes still leave room for the bar
    fig = draw_text(surface, figure, "bold", fig_px, (rect.right, rect.y), theme.table_ink,
                    anchor="topright", max_h=most)
    lab = draw_text(surface, label, "bold", label_px, (rect.x, rect.y), theme.table_ink,
                    max_w=max(10, rect.w - fig.w - round(16 * u)), max_h=most)
    top = max(rect.y + round(44 * u), fig.bottom + round(4 * u), lab.bottom + round(4 * u))
    bar = Rect(rect.x, top, rect.w, max(4, rect.bottom - round(4 * u) - top))
    steps = max(1, hi - lo)
    gap = max(1, round(6 * u))
    seg_w = (bar.w - gap * (steps - 1)) / steps
    for i in range(steps):
        seg = Rect(round(bar.x + i * (seg_w + gap)), bar.y, max(1, round(seg_w)), bar.h)
        if lo + i < value:
            pygame.draw.rect(surface, theme.meter_fill, seg, border_radius=max(1, round(6 * u)))
        else:
            pygame.draw.rect(surface, theme.meter_track, seg, border_radius=max(1, round(6 * u)))
            pygame.draw.rect(surface, theme.edge, seg, width=max(1, round(theme.edge_width * u)),
                             border_radius=max(1, round(6 * u)))


def meters_row(surface: pygame.Surface, rect: Rect, stats: list, values: dict, theme: Theme,
               u: float, columns: int | None = None) -> None:
    """Meters for every stat side by side along `rect` (in rows of `columns` if given)."""
    if not stats:
        return
    cols = columns or len(stats)
    rows = -(-len(stats) // cols)
    gap = round(48 * u)
    w = (rect.w - gap * (cols - 1)) // cols
    row_h = rect.h // rows
    h = min(row_h, round(88 * u))
    for i, st in enumerate(stats):
        r, c = divmod(i, cols)
        box = Rect(rect.x + c * (w + gap), rect.y + r * row_h + (row_h - h) // 2, w, h)
        v = int(values.get(st.id, st.start))
        meter(surface, box, st.label, v, st.min, st.max, theme, u)


def hint(surface: pygame.Surface, rect: Rect, text: str, theme: Theme, u: float,
         align: str = "left") -> None:
    """A quiet line of key hints along the bottom."""
    f = fit(text, "regular", rect.size, round(28 * u), round(20 * u))
    draw_fitted(surface, f, rect, theme.table_muted, align=align, valign="middle")

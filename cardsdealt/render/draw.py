"""Small drawing helpers shared by the scenes: panels, buttons, meters, focus marks.

Focus is never shown by colour alone: a thick outline plus a pointer triangle at the left.
Meters show a label, segments (filled and hollow shapes) and the figures ("3 of 5").
"""

from __future__ import annotations

import pygame
from pygame import Rect

from cardsdealt.render.text import (
    LINE_FACTOR,
    draw_fitted,
    draw_text,
    fit,
    font,
    font_family,
    text_scale,
)
from cardsdealt.render.theme import Theme

METER_PX = 28  # design px of a meter's label and figures
METER_H = 88  # design px of a meter at the usual text size: label, then the bar under it


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
          theme: Theme, u: float, inline: bool = False, scale: float = 0.0) -> None:
    """A labelled meter: the label and the figures ("value of max") on a line, one segment
    per step under them; `inline`: all on one line (label, bar, figures), for a wide, low
    place. A long label ("Feeling connected") stays whole at every text size: `meter_rows`
    gives the meters more rows, or puts each on one line, rather than cut it. `scale`: the
    text size drawn at (0: the one chosen)."""
    px = round(METER_PX * u) * (scale / text_scale() if scale else 1)
    figure = meter_figure(value, lo, hi)
    if inline:
        lab = draw_text(surface, label, "bold", px, (rect.x, rect.centery), theme.table_ink,
                        anchor="midleft", max_w=rect.w * 2 // 3, max_h=max(6, rect.h))
        x = lab.right + round(18 * u)
        row = Rect(x, rect.y, rect.right - x, rect.h)
        fig = draw_text(surface, figure, "bold", px, (row.right, row.centery), theme.table_ink,
                        anchor="midright", max_h=max(6, row.h))
        bar_h = min(row.h, max(4, round(40 * u)))
        bar = Rect(row.x, row.centery - bar_h // 2, max(4, row.w - fig.w - round(14 * u)),
                   bar_h)
    else:  # the label and the figures on a line, the bar under them
        most = max(6, round(rect.h * 0.55), rect.h - round(44 * u))
        fig = draw_text(surface, figure, "bold", px, (rect.right, rect.y), theme.table_ink,
                        anchor="topright", max_h=most)
        lab = draw_text(surface, label, "bold", px, (rect.x, rect.y), theme.table_ink,
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


def _meter_line(u: float, scale: float = 0.0) -> int:
    """The height of a meter's label line at the text size (`scale`, 0: the one chosen)."""
    f = font("bold", max(6, round(round(METER_PX * u) * (scale or text_scale()))))
    return round(f.get_height() * LINE_FACTOR[font_family()])


def meter_figure(value: int, lo: int, hi: int) -> str:
    return f"{value} of {hi}" if lo == 0 else f"{value} (from {lo} to {hi})"


def meter_rows(stats: tuple[tuple[str, str], ...], width: int, u: float,
               scale: float = 0.0) -> tuple[int, int, bool]:
    """(columns, row height, inline) for meters of `stats` ((label, widest figure) pairs)
    across `width` at the text size (`scale`, 0: the one chosen): the lowest arrangement in
    which every label is whole. Side by side with the label over the bar while they fit;
    else in more rows, each meter on one line (label, bar, figures) where that fits, as it
    is lower. Labels are never cut: they move to another row instead."""
    s = scale or text_scale()
    f = font("bold", max(6, round(round(METER_PX * u) * s)))
    gap = round(48 * u)
    n = max(1, len(stats))
    line = _meter_line(u, s)
    stacked_h = max(round(METER_H * u), line + round(38 * u))  # (a bar of 30 or more)
    inline_h = max(line, round(40 * u)) + round(16 * u)
    bar_min = round(14 * u) + 5 * round(14 * u)  # a gap and at least a short bar
    best: tuple[int, int, int, bool] | None = None  # (height, -columns, row_h, inline)
    for cols in range(n, 0, -1):
        w = (width - gap * (cols - 1)) // cols
        rows = -(-n // cols)
        labs = [f.size(lab)[0] for lab, _ in stats]
        figs = [f.size(fig)[0] for _, fig in stats]
        if all(lw + fw + round(16 * u) <= w for lw, fw in zip(labs, figs, strict=True)):
            cand = (rows * stacked_h, -cols, stacked_h, False)
            best = cand if best is None or cand < best else best
        if all(lw + round(18 * u) + bar_min + fw <= w
               for lw, fw in zip(labs, figs, strict=True)):
            cand = (rows * inline_h, -cols, inline_h, True)
            best = cand if best is None or cand < best else best
    if best is None:
        return 1, stacked_h, False
    return -best[1], best[2], best[3]


def meters_row(surface: pygame.Surface, rect: Rect, stats: list, values: dict, theme: Theme,
               u: float, columns: int | None = None, scale: float = 0.0) -> None:
    """Meters for every stat along `rect`: in rows of `columns` if given, else as
    `meter_rows` arranges them. `scale`: the text size drawn at (0: the one chosen)."""
    if not stats:
        return
    cols, wanted, inline = meter_rows(tuple((st.label, meter_figure(st.max, st.min, st.max))
                                            for st in stats), rect.w, u, scale)
    if columns:  # as asked: side by side, each label over its bar
        cols, inline = columns, False
        wanted = max(round(METER_H * u), _meter_line(u, scale) + round(38 * u))
    rows = -(-len(stats) // cols)
    gap = round(48 * u)
    w = (rect.w - gap * (cols - 1)) // cols
    row_h = rect.h // rows
    h = min(row_h, wanted)
    for i, st in enumerate(stats):
        r, c = divmod(i, cols)
        box = Rect(rect.x + c * (w + gap), rect.y + r * row_h + (row_h - h) // 2, w, h)
        v = int(values.get(st.id, st.start))
        meter(surface, box, st.label, v, st.min, st.max, theme, u, inline, scale)


def hint(surface: pygame.Surface, rect: Rect, text: str, theme: Theme, u: float,
         align: str = "left") -> None:
    """A quiet line of key hints along the bottom."""
    f = fit(text, "regular", rect.size, round(28 * u), round(20 * u))
    draw_fitted(surface, f, rect, theme.table_muted, align=align, valign="middle")

"""A quiet line of news over every screen: "Not saved just now ...", "Live preview ...".

It sits in a small rounded pill at the top middle, in the strip every screen leaves free
above its header, in words (never a colour alone). It is drawn after the scenes, so no scene
has to know about it; it is short and calm on purpose: the session goes on.
"""

from __future__ import annotations

import pygame
from pygame import Rect

from cardsdealt.render.layout import metrics
from cardsdealt.render.text import draw_fitted, fit


def status_rect(size: tuple[int, int], text: str) -> tuple[Rect, object]:
    m = metrics(size)
    pad_x, pad_y = m.px(20), m.px(4)
    max_w = min(m.w - m.px(160), m.px(1300)) - 2 * pad_x
    f = fit(text, "bold", (max_w, m.px(30)), m.px(26), m.px(20))
    w = min(max_w, max(f.width, 1)) + 2 * pad_x
    h = min(f.height, m.px(64)) + 2 * pad_y
    return Rect((m.w - w) // 2, m.px(4), w, h), f


def draw_status(surface: pygame.Surface, text: str, theme) -> None:
    r, f = status_rect(surface.get_size(), text)
    u = metrics(surface.get_size()).u
    radius = max(2, round(14 * u))
    pygame.draw.rect(surface, theme.paper, r, border_radius=radius)
    pygame.draw.rect(surface, theme.accent, r, width=max(2, round(3 * u)),
                     border_radius=radius)
    draw_fitted(surface, f, r.inflate(-2 * max(1, round(20 * u)), 0), theme.ink,
                align="center", valign="middle")

"""The hands-up tally in the window: number keys to counts, and the counts drawn as a bar
beside each choice, with the count in figures and in words (never colour alone). The
counting itself and the tie rule are the engine's (`cardsdealt.engine.tally`).
"""

from __future__ import annotations

import pygame
from pygame import Rect

from cardsdealt.engine.tally import Tally
from cardsdealt.render.text import draw_text


def entry_key(tally: Tally, event) -> bool:
    """Feed a KEYDOWN to the count being typed. True if the key was used."""
    digit = _digit(event)
    if digit is not None:
        tally.entry_digit(digit)
        return True
    if event.key == pygame.K_BACKSPACE:
        tally.entry_back()
        return True
    if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_F5):
        tally.entry_enter()
        return True
    return False


_KEYPAD = {getattr(pygame, f"K_KP{i}"): i for i in range(10)}


def _digit(event) -> int | None:
    ch = getattr(event, "unicode", "") or ""
    if len(ch) == 1 and ch in "0123456789":
        return int(ch)
    if pygame.K_0 <= event.key <= pygame.K_9:
        return event.key - pygame.K_0
    return _KEYPAD.get(event.key)


def draw_bar(surface: pygame.Surface, rect: Rect, count: int, most: int, theme, u: float,
             leader: bool = False, tie: bool = False) -> None:
    """One choice's tally in `rect` (a column beside the choice): the count in figures with
    "hands" beside it, "most" or "tie" under it, and a bar as long as the count."""
    bar_h = max(4, min(round(16 * u), rect.h // 7))
    big = max(10, round(min((rect.h - bar_h) * 0.45, 52 * u)))
    fig = draw_text(surface, str(count), "bold", big, (rect.x, rect.y + round(2 * u)),
                    theme.table_ink)
    small = max(8, round(min(24 * u, big * 0.6)))
    draw_text(surface, "hand" if count == 1 else "hands", "regular", small,
              (fig.right + round(8 * u), fig.bottom - round(big * 0.18)), theme.table_muted,
              anchor="bottomleft", max_w=max(10, rect.right - fig.right - round(8 * u)))
    track = Rect(rect.x, rect.bottom - bar_h - round(4 * u), rect.w, bar_h)
    if leader and track.y - fig.bottom >= small:
        draw_text(surface, "tie" if tie else "most", "bold", small,
                  (rect.x, track.y - round(4 * u)), theme.table_ink, anchor="bottomleft")
    pygame.draw.rect(surface, theme.meter_track, track, border_radius=max(1, bar_h // 2))
    pygame.draw.rect(surface, theme.edge, track, width=max(1, round(2 * u)),
                     border_radius=max(1, bar_h // 2))
    if count and most:
        fill = Rect(track.x, track.y, max(bar_h, round(track.w * count / most)), bar_h)
        pygame.draw.rect(surface, theme.meter_fill, fill, border_radius=max(1, bar_h // 2))


def draw_tally(surface: pygame.Surface, columns: list[Rect], tally: Tally, theme,
               u: float) -> None:
    most = max(tally.counts, default=0)
    leaders = tally.leaders()
    tie = len(leaders) > 1
    for i, r in enumerate(columns):
        if i < len(tally.counts):
            draw_bar(surface, r, tally.counts[i], most, theme, u, leader=i in leaders, tie=tie)

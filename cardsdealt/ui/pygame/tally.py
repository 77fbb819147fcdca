"""Counting a room's raised hands without anyone's device.

The trainer presses a choice's number once per raised hand, or types a count: C, the
choice's number, the count, Enter ("C 2 1 2 Enter": choice 2 has 12 hands). Backspace or
Back takes the last step away again. The counts go into the engine with the choice
(`game.choose(i, votes=[...])`), so they are saved with the session and appear in the
summary and the exported record.

The tally is drawn as a bar beside each choice, with the count in figures and in words
(never colour alone).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pygame
from pygame import Rect

from cardsdealt.render.text import draw_text

MAX_COUNT = 999


@dataclass
class Tally:
    counts: list[int]
    history: list[tuple[int, int]] = field(default_factory=list)  # (choice, count before)
    entering: bool = False  # C was pressed: a choice number, then a count, then Enter
    entry_choice: int | None = None
    entry_digits: str = ""

    @classmethod
    def empty(cls, n: int) -> Tally:
        return cls([0] * n)

    @property
    def total(self) -> int:
        return sum(self.counts)

    def votes(self) -> list[int] | None:
        """The counts for the engine, or None when nobody was counted."""
        return list(self.counts) if self.total else None

    def leaders(self) -> list[int]:
        """The choices with the most hands (more than one: a tie); [] before any count."""
        if not self.total:
            return []
        top = max(self.counts)
        return [i for i, c in enumerate(self.counts) if c == top]

    def add(self, i: int, n: int = 1) -> bool:
        if not 0 <= i < len(self.counts):
            return False
        self.history.append((i, self.counts[i]))
        self.counts[i] = max(0, min(MAX_COUNT, self.counts[i] + n))
        return True

    def set(self, i: int, n: int) -> bool:
        if not 0 <= i < len(self.counts):
            return False
        self.history.append((i, self.counts[i]))
        self.counts[i] = max(0, min(MAX_COUNT, n))
        return True

    def undo(self) -> bool:
        """Take the last counting step away (a hand counted by mistake)."""
        if not self.history:
            return False
        i, before = self.history.pop()
        self.counts[i] = before
        return True

    # -- typing a count: C, the choice's number, the count, Enter ---------------------
    def start_entry(self) -> None:
        self.entering, self.entry_choice, self.entry_digits = True, None, ""

    def cancel_entry(self) -> None:
        self.entering, self.entry_choice, self.entry_digits = False, None, ""

    def entry_key(self, event) -> bool:
        """Feed a KEYDOWN to the count being typed. True if the key was used."""
        digit = _digit(event)
        if digit is not None:
            if self.entry_choice is None:
                if 1 <= digit <= len(self.counts):
                    self.entry_choice = digit - 1
            elif len(self.entry_digits) < 3:
                self.entry_digits += str(digit)
            return True
        if event.key == pygame.K_BACKSPACE:
            if self.entry_digits:
                self.entry_digits = self.entry_digits[:-1]
            elif self.entry_choice is not None:
                self.entry_choice = None
            else:
                self.cancel_entry()
            return True
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_F5):
            if self.entry_choice is not None and self.entry_digits:
                self.set(self.entry_choice, int(self.entry_digits))
            self.cancel_entry()
            return True
        return False

    def entry_words(self) -> str:
        if not self.entering:
            return ""
        if self.entry_choice is None:
            return f"Type a count: press the choice's number (1–{len(self.counts)})"
        return (f"Hands for choice {self.entry_choice + 1}: {self.entry_digits or '_'}  "
                "· Enter: keep it · Backspace: correct")

    def summary_words(self) -> str:
        """"5 hands counted: 1 has 3, 2 has 2" for hints and the presenter window."""
        if not self.total:
            return "No hands counted yet."
        each = ", ".join(f"{i + 1} has {c}" for i, c in enumerate(self.counts))
        return f"{hands(self.total)} counted: {each}"


def hands(n: int) -> str:
    return f"{n} hand" if n == 1 else f"{n} hands"


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

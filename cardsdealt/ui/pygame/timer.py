"""The discussion timer: a calm ring that empties as the group talks, with the time in figures
and in words. It never forces anyone on: at the end the ring turns into a quiet full circle
and says so; nothing flashes, and the game waits for the trainer.

The timer lives on the app (`Facilitation.timer`), not on a scene, so it keeps time under
the blank screen, the help and the notes. It asks for a redraw only when the shown second
changes, and only while it runs: a stopped timer costs nothing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pygame
from pygame import Rect

from cardsdealt.render.text import draw_text, fitted_line_px

STEP = 30  # seconds added or taken by + and -
MIN_LENGTH, MAX_LENGTH = 30, 60 * 60


def clock_figures(seconds: float) -> str:
    """"1:30" for 90 seconds (whole seconds, rounded up, so 0:00 means the time is over)."""
    s = max(0, math.ceil(seconds - 1e-9))
    return f"{s // 60}:{s % 60:02d}"


def clock_words(seconds: float) -> str:
    """"1 minute 30 seconds" (read aloud and understood at a glance)."""
    s = max(0, math.ceil(seconds - 1e-9))
    m, r = divmod(s, 60)
    parts = []
    if m:
        parts.append(f"{m} minute" + ("" if m == 1 else "s"))
    if r or not m:
        parts.append(f"{r} second" + ("" if r == 1 else "s"))
    return " ".join(parts)


@dataclass
class DiscussionTimer:
    length: float = 120.0  # the full discussion, in seconds
    left: float = 120.0
    running: bool = False
    chimed: bool = False  # the end was marked (sound at most once)

    @classmethod
    def for_deck(cls, deck) -> DiscussionTimer:
        n = float(max(MIN_LENGTH, getattr(deck, "discussion_seconds", 120) or 120))
        return cls(n, n)

    @property
    def finished(self) -> bool:
        return self.left <= 0

    @property
    def started(self) -> bool:
        return self.running or self.left < self.length

    def toggle(self) -> None:
        """T: start, pause, go on; after the end, start again from the full length."""
        if self.finished:
            self.reset(start=True)
        else:
            self.running = not self.running

    def reset(self, start: bool = False) -> None:
        self.left, self.running, self.chimed = self.length, start, False

    def adjust(self, seconds: float) -> None:
        """+ and -: the length and the time left move together (the length is kept for the
        next cards of this session)."""
        new_len = min(MAX_LENGTH, max(MIN_LENGTH, self.length + seconds))
        moved = new_len - self.length
        self.length = new_len
        self.left = min(self.length, max(0.0, self.left + moved))
        if self.left > 0:
            self.chimed = False

    def tick(self, dt: float) -> bool:
        """Let `dt` seconds pass. True when what is shown changed (a new second, the end)."""
        if not self.running or dt <= 0:
            return False
        before = clock_figures(self.left)
        self.left = max(0.0, self.left - dt)
        if self.left <= 0:
            self.running = False
            return True
        return clock_figures(self.left) != before

    def status_words(self) -> str:
        if self.finished:
            return "Time is up: carry on when ready"
        words = clock_words(self.left)
        if self.running:
            return f"{words} left"
        return f"Paused: {words} left" if self.started else f"{words} to talk"


def _ring_points(centre, r_out: float, r_in: float, a0: float, a1: float) -> list:
    """A thick arc from angle a0 to a1 (radians, clockwise from 12 o'clock) as a polygon."""
    cx, cy = centre
    steps = max(2, int(abs(a1 - a0) / (math.pi / 90)) + 1)
    outer, inner = [], []
    for i in range(steps + 1):
        a = a0 + (a1 - a0) * i / steps
        sx, sy = math.sin(a), -math.cos(a)
        outer.append((cx + sx * r_out, cy + sy * r_out))
        inner.append((cx + sx * r_in, cy + sy * r_in))
    return outer + inner[::-1]


def draw_ring(surface: pygame.Surface, rect: Rect, timer: DiscussionTimer, theme,
              u: float) -> None:
    """The ring in the square `rect`: track, the time left as a filled arc, figures inside."""
    d = min(rect.w, rect.h)
    centre = rect.center
    r_out = d / 2
    thick = max(4, round(d * 0.11))
    r_in = r_out - thick
    pygame.draw.circle(surface, theme.meter_track, centre, round(r_out))
    pygame.draw.circle(surface, theme.paper, centre, round(r_in))
    if timer.finished:  # the end: a quiet, full circle in the calm colour, a tick of words
        pygame.draw.circle(surface, theme.meter_fill, centre, round(r_out),
                           width=max(2, thick // 3))
    else:
        share = max(0.0, min(1.0, timer.left / max(1.0, timer.length)))
        if share >= 0.999:
            pygame.draw.circle(surface, theme.meter_fill, centre, round(r_out))
            pygame.draw.circle(surface, theme.paper, centre, round(r_in))
        elif share > 0:
            pts = _ring_points(centre, r_out, r_in, 0.0, 2 * math.pi * share)
            pygame.draw.polygon(surface, theme.meter_fill, pts)
    pygame.draw.circle(surface, theme.edge, centre, round(r_out), width=max(1, round(2 * u)))
    fig = "0:00" if timer.finished else clock_figures(timer.left)
    px = fitted_line_px(fig, "bold", round(d * 0.37), round(r_in * 1.76))
    draw_text(surface, fig, "bold", px, (centre[0], centre[1] - round(d * 0.04)), theme.ink,
              anchor="center")
    small = "done" if timer.finished else ("running" if timer.running else "paused"
                                           if timer.started else "ready")
    draw_text(surface, small, "regular", max(8, round(d * 0.12)),
              (centre[0], centre[1] + round(d * 0.19)), theme.muted, anchor="center",
              max_px=max(8, round(d * 0.12)))  # inside the ring: not grown by the text size


def draw_timer(surface: pygame.Surface, rect: Rect, timer: DiscussionTimer, theme, u: float,
               keys: str = "T: start or pause · + and −: 30 s") -> None:
    """The ring on the left of `rect`; beside it a label, the time in words (one line,
    shrunk to fit) and the keys."""
    d = min(rect.h, round(rect.w * 0.42))
    ring = Rect(rect.x, rect.y + (rect.h - d) // 2, d, d)
    draw_ring(surface, ring, timer, theme, u)
    x = ring.right + max(6, round(22 * u))
    w = rect.right - x
    if w < 40:
        return
    line = max(8, round(min(34 * u, rect.h * 0.25)))
    small = max(8, round(line * 0.72))
    label = "Discussion timer"
    lines = [(label, "bold", small, theme.table_muted), (timer.status_words(), "bold", line,
                                                         theme.table_ink)]
    if keys and rect.h >= 3.2 * line:
        lines.append((keys, "regular", small, theme.table_muted))
    heights = [round(px * 1.3) for _, _, px, _ in lines]
    y = rect.centery - sum(heights) // 2
    for (text, style, px, colour), hh in zip(lines, heights, strict=True):
        draw_text(surface, text, style, px, (x, y + hh // 2), colour, anchor="midleft",
                  max_w=w, max_h=hh)  # larger text sizes stay on their own line
        y += hh


_CHIME = None


def soft_chime() -> None:
    """A short, soft tone at the end of the discussion time. Sound is started here, the first
    time it is needed (the window never opens audio at launch), and where there is no sound
    device this is silently nothing: the ring's quiet full circle still says the time is up."""
    global _CHIME
    try:
        if not pygame.mixer.get_init():
            if _CHIME is False:
                return  # tried once: no sound here
            try:
                pygame.mixer.init()
            except pygame.error:
                _CHIME = False
                return
        if _CHIME is None:
            _CHIME = _make_chime()
        if _CHIME is False:
            return
        _CHIME.set_volume(0.25)
        _CHIME.play()
    except (pygame.error, ImportError, AttributeError, ValueError, TypeError):
        return


def _make_chime():
    """Two seconds of a fading 528 Hz tone, made here (no sound file to ship)."""
    import array

    freq, size, channels = pygame.mixer.get_init()
    if size != -16:  # only the usual signed 16-bit format is made here
        return False
    n = int(freq * 1.6)
    amp = 0.3 * 32767
    samples = array.array("h")
    for i in range(n):
        env = math.exp(-3.0 * i / n) * min(1.0, i / (freq * 0.05))
        v = int(amp * env * math.sin(2 * math.pi * 528 * i / freq))
        samples.extend([v] * channels)
    return pygame.mixer.Sound(buffer=samples.tobytes())

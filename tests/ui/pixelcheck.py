"""Measuring text on real rendered pixels: contrast (WCAG 2.2 AA) and text that does not fit.

How contrast is measured (`measure(harness)`): the current screen is drawn three times.
  A: as people see it;
  B: the same with no text drawn (every layout step still runs, so nothing moves);
  C: every line of text drawn as a solid, unique "id colour" (its glyph pixels at 50 %
     coverage or more), everything else as in A.
Pixels where C differs from B are text; the id colour says which line drew them, and so its
size and weight. For each line, per background colour under it (B), the glyph pixel of A
that contrasts most with that background is the text's own colour (a fully covered glyph
pixel); that pair gives the ratio. Text over a dimmed veil (the screen beneath a menu) comes
out of the veil with another colour and is not counted: it is not meant to be read.

The same probe notes text that was cut with an ellipsis or clipped by its box, text drawn
past the edge of its surface, and lines of different texts whose ink overlaps.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

import pygame

from cardsdealt.render import text as T
from cardsdealt.render.layout import metrics
from cardsdealt.render.theme import contrast_ratio

LARGE_PX, LARGE_BOLD_PX = 24, 18.66  # WCAG "large text" at 1080p (18 pt, 14 pt bold)


@dataclass(frozen=True)
class Line:
    text: str
    style: str
    px: int
    colour: tuple


@dataclass(frozen=True)
class Reading:
    text: str
    px: int
    bold: bool
    fg: tuple
    bg: tuple
    ratio: float
    needed: float

    @property
    def ok(self) -> bool:
        return self.ratio + 1e-9 >= self.needed

    def __str__(self) -> str:
        return (f"{self.ratio:.2f}:1 (needs {self.needed}) {self.fg} on {self.bg}, "
                f"{self.px} px{' bold' if self.bold else ''}: {self.text[:50]!r}")


class Probe:
    """Installed as `text.probe`: sees every line of text drawn (see text.py)."""

    def __init__(self) -> None:
        self.mode = "normal"  # "normal" | "hide" | "ids"
        self.ids: dict[bytes, Line] = {}
        self.problems: list[str] = []
        self.inks: dict[int, list] = defaultdict(list)  # surface id -> [(call, rect, text)]
        self.surfaces: dict[int, pygame.Surface] = {}

    # -- called by text.py ---------------------------------------------------------------
    def text(self, surface, img, rect, text, style, px, colour, call) -> None:
        if self.mode == "hide":
            return
        if self.mode == "normal":
            surface.blit(img, rect)
            self._note_ink(surface, img, rect, text, call)
            return
        n = len(self.ids) + 1
        key = bytes((255, (n >> 8) & 255, n & 255))  # red 255: a dimmed copy never has it
        self.ids[key] = Line(text, style, px, tuple(colour)[:3])
        solid = pygame.mask.from_surface(img, 127).to_surface(
            setcolor=(255, (n >> 8) & 255, n & 255, 255), unsetcolor=None)
        surface.blit(solid, rect)

    def overflow(self, kind: str, text: str, px: int) -> None:
        if self.mode == "normal":
            self.problems.append(f"{kind}: {text[:70]!r}")

    def _note_ink(self, surface, img, rect, text, call) -> None:
        ink = img.get_bounding_rect().move(rect.topleft)
        if ink.w == 0 or ink.h == 0:
            return
        area = surface.get_clip() or surface.get_rect()
        if area == surface.get_rect() and not area.contains(ink):  # (a box's own clip: "clipped")
            self.problems.append(f"off the edge of its surface: {text[:70]!r} at {ink}")
        ink = ink.clip(area)
        if ink.w == 0 or ink.h == 0:
            return
        key = id(surface)
        self.surfaces[key] = surface  # keeps the id meaningful while the probe lives
        for other_call, other, other_text in self.inks[key]:
            if (call is None or other_call is not call) and ink.colliderect(other) \
                    and ink.clip(other).w * ink.clip(other).h > 4:
                self.problems.append(f"overlapping text: {text[:40]!r} and {other_text[:40]!r}")
        self.inks[key].append((call or object(), ink, text))

    def reset_frame(self) -> None:
        self.inks.clear()
        self.surfaces.clear()


def _redraw(h):
    for scene in list(h.app.scenes):
        scene.restyle()
    return h.frame()


def render_with_probe(h) -> tuple[pygame.Surface, pygame.Surface, pygame.Surface, Probe]:
    """The screen as shown (A), without text (B) and with id-coloured text (C)."""
    probe = Probe()
    T.probe = probe
    try:
        a = _redraw(h)
        probe.mode = "hide"
        b = _redraw(h)
        probe.mode = "ids"
        c = _redraw(h)
    finally:
        T.probe = None
        _redraw(h)
    return a, b, c, probe


def readings(a, b, c, ids: dict[bytes, Line], size) -> list[Reading]:
    """One reading per line of text and background colour under it (see the docstring)."""
    u = metrics(size).u
    diff = pygame.mask.from_threshold(c, (0, 0, 0, 255), (1, 1, 1, 255), b)
    diff.invert()
    where = pygame.image.tobytes(diff.to_surface(setcolor=(255, 255, 255, 255),
                                                 unsetcolor=(0, 0, 0, 255)), "RGB")
    ab, bb, cb = (pygame.image.tobytes(s, "RGB") for s in (a, b, c))
    pairs: dict[bytes, Counter] = defaultdict(Counter)
    for hit in re.finditer(b"\xff\xff\xff", where):
        i = hit.start()
        key = cb[i:i + 3]
        if key in ids:
            pairs[key][(ab[i:i + 3], bb[i:i + 3])] += 1
    out = []
    for key, counts in pairs.items():
        line = ids[key]
        total = sum(counts.values())
        by_bg: dict[bytes, Counter] = defaultdict(Counter)
        for (fg, bg), n in counts.items():
            by_bg[bg][fg] += n
        bold = line.style == "bold"
        large = line.px >= LARGE_PX * u or (bold and line.px >= LARGE_BOLD_PX * u)
        for bg, fgs in by_bg.items():
            n = sum(fgs.values())
            if n < max(4, total // 10):
                continue  # a few pixels over a neighbour's edge (a focus ring, a border)
            bgc = tuple(bg)
            steady = [f for f, k in fgs.items() if k >= 2] or list(fgs)
            fg = max(steady, key=lambda f: contrast_ratio(tuple(f), bgc))
            out.append(Reading(line.text, line.px, bold, tuple(fg), bgc,
                               round(contrast_ratio(tuple(fg), bgc), 2), 3.0 if large else 4.5))
    return out


def measure(h) -> tuple[list[Reading], list[str]]:
    """Contrast readings for every line of text on the current screen, and the text that
    was cut, clipped, overlapping or off the edge."""
    a, b, c, probe = render_with_probe(h)
    return readings(a, b, c, probe.ids, h.app.size), probe.problems


class Watch:
    """Notes text that does not fit while a session is played (install, play, `problems`)."""

    def __init__(self) -> None:
        self.probe = Probe()

    def __enter__(self) -> Watch:
        T.probe = self.probe
        return self

    def __exit__(self, *exc) -> None:
        T.probe = None

    def frame(self, h, where: str) -> list[str]:
        """Redraw the whole screen once and return what did not fit on it."""
        self.probe.problems.clear()
        self.probe.reset_frame()
        _redraw(h)
        found = [f"{where}: {p}" for p in self.probe.problems]
        self.probe.reset_frame()
        return found

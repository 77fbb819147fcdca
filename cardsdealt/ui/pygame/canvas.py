"""A drawing canvas for card pictures: crayons, three sizes, an eraser, undo and clear.

`DrawingCanvas(size)` holds a white drawing `size` pixels big (the picture that goes in the
deck) and shows it in whatever rectangle `draw(surface, rect)` is given. It takes:

- the mouse, and pen tablets (which reach programs as a mouse);
- touch screens: FINGERDOWN / FINGERMOTION / FINGERUP, whose positions are fractions of the
  window; each finger draws its own line, so two people can draw at once. The mouse events
  SDL makes up from a touch (`event.touch`) are ignored, or every line would be drawn twice;
- the keyboard (`key_pen`): the arrows move a pen mark, Space puts the pen down or lifts it,
  so a person who uses no mouse can draw too.

Lines are smooth however fast the hand moves: the points the system reports are joined by
curves through their midpoints, stamped with round crayon tips close enough together to leave
no gaps. Each new piece is drawn at once on the full-size drawing and on the copy shown on
screen, so a frame while drawing is one blit (bench/bench_studio.py times it).

Undo takes back one line at a time; clear is itself undone by undo. `png_bytes()` gives the
drawing as a PNG for the deck.

The crayons: eight colours that each stand out on white paper (at least 3:1, the contrast
asked of shapes) and stay apart for people with the common kinds of colour blindness (they
follow the Okabe-Ito colours, darkened where needed for contrast); every crayon also has a
name, shown on its button, so no one has to tell them apart by colour alone.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass, field

import pygame

PAPER = (255, 255, 255)

CRAYONS: tuple[tuple[str, tuple[int, int, int]], ...] = (
    ("Black", (20, 20, 20)),
    ("Blue", (0, 114, 178)),
    ("Orange", (213, 94, 0)),
    ("Green", (0, 158, 115)),
    ("Pink", (204, 121, 167)),
    ("Brown", (140, 81, 10)),
    ("Gold", (184, 134, 11)),
    ("Purple", (51, 34, 136)),
)
SIZES: tuple[tuple[str, float], ...] = (("Thin", 6), ("Middle", 16), ("Thick", 36))
ERASER_GROW = 2.0  # the eraser is wider than the crayon at the same size
DESIGN_WIDTH = 1200  # sizes above are in pixels of a drawing this wide
KEY_STEP = 12  # design pixels the keyboard pen moves per arrow press (Shift: 4 times)


@dataclass
class Stroke:
    colour: tuple[int, int, int]
    width: float  # in drawing pixels
    points: list[tuple[float, float]] = field(default_factory=list)


@dataclass
class Clear:
    """A clear, kept in the history so undo brings the drawing back."""


class DrawingCanvas:
    def __init__(self, size: tuple[int, int] = (1200, 900),
                 start: pygame.Surface | None = None) -> None:
        self.size = (max(16, int(size[0])), max(16, int(size[1])))
        # a drawing the card already has, to add to (a clear takes it off, undo brings it back)
        self.start = start if start is not None and start.get_size() == self.size else None
        self.colour = 0  # index into CRAYONS
        self.thickness = 1  # index into SIZES
        self.eraser = False
        self.history: list[Stroke | Clear] = []
        self.version = 0  # goes up with every change (the scene redraws, the studio saves)
        self.rect = pygame.Rect(0, 0, *self.size)  # where it was last shown
        self.screen_size = self.size  # the window it was shown in (touch positions)
        self.pen: tuple[float, float] | None = None  # the keyboard pen, in drawing pixels
        self.pen_down = False
        self._live: dict[object, Stroke] = {}  # "mouse", "key" or a finger id -> its line
        self._full = pygame.Surface(self.size)
        self._page(with_start=True)
        self._shown: pygame.Surface | None = None  # the drawing at the size shown

    # -- state -------------------------------------------------------------------------
    @property
    def empty(self) -> bool:
        """Nothing drawn since the last clear (a drawing it started from counts)."""
        if not self.history:
            return self.start is None
        return isinstance(self.history[-1], Clear)

    @property
    def can_undo(self) -> bool:
        return bool(self.history)

    def pick_colour(self, i: int) -> None:
        self.colour, self.eraser = i % len(CRAYONS), False
        self.version += 1

    def pick_size(self, i: int) -> None:
        self.thickness = max(0, min(len(SIZES) - 1, i))
        self.version += 1

    def pick_eraser(self) -> None:
        self.eraser = True
        self.version += 1

    def undo(self) -> bool:
        """Take back the last line (or the last clear). False when there is nothing."""
        self._end_all()
        if not self.history:
            return False
        self.history.pop()
        self._replay()
        return True

    def clear(self) -> None:
        """A white page again (undo brings the drawing back)."""
        self._end_all()
        if self.empty:
            return
        self.history.append(Clear())
        self._replay()

    def png_bytes(self) -> bytes:
        """The drawing as a PNG, at its full size."""
        self._end_all()
        out = io.BytesIO()
        pygame.image.save(self._full, out, "drawing.png")
        return out.getvalue()

    # -- events --------------------------------------------------------------------------
    def handle(self, event: pygame.event.Event) -> bool:
        """Draw with this event if it is a drawing one; True when it was used."""
        t = event.type
        if t in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEMOTION, pygame.MOUSEBUTTONUP):
            if getattr(event, "touch", False):
                return False  # SDL's copy of a finger: the FINGER event draws it
            return self._mouse(event)
        if t in (pygame.FINGERDOWN, pygame.FINGERMOTION, pygame.FINGERUP):
            return self._finger(event)
        if t == pygame.KEYDOWN:
            return self.key_pen(event)
        return False

    def _mouse(self, event) -> bool:
        t, pos = event.type, event.pos
        if t == pygame.MOUSEBUTTONDOWN:
            if getattr(event, "button", 1) != 1 or not self.rect.collidepoint(pos):
                return False
            self._begin("mouse", self.to_drawing(pos))
            return True
        if "mouse" not in self._live:
            return False
        if t == pygame.MOUSEMOTION:
            if not getattr(event, "buttons", (1, 0, 0))[0]:
                self._end("mouse")  # the button came up outside the window
                return True
            self._extend("mouse", self.to_drawing(pos))
            return True
        self._extend("mouse", self.to_drawing(pos))
        self._end("mouse")
        return True

    def _finger(self, event) -> bool:
        sw, sh = self.screen_size
        pos = (event.x * sw, event.y * sh)
        key = ("finger", getattr(event, "touch_id", 0), event.finger_id)
        if event.type == pygame.FINGERDOWN:
            if not self.rect.collidepoint(pos):
                return False
            self._begin(key, self.to_drawing(pos))
            return True
        if key not in self._live:
            return False
        self._extend(key, self.to_drawing(pos))
        if event.type == pygame.FINGERUP:
            self._end(key)
        return True

    def key_pen(self, event) -> bool:
        """Arrows move the pen mark (Shift: further); Space puts the pen down or lifts it."""
        steps = {pygame.K_LEFT: (-1, 0), pygame.K_RIGHT: (1, 0), pygame.K_UP: (0, -1),
                 pygame.K_DOWN: (0, 1)}
        if self.pen is None:
            self.pen = (self.size[0] / 2, self.size[1] / 2)
        if event.key == pygame.K_SPACE:
            if self.pen_down:
                self._end("key")
            else:
                self._begin("key", self.pen)
            self.pen_down = not self.pen_down
            self.version += 1
            return True
        if event.key not in steps:
            return False
        dx, dy = steps[event.key]
        far = 4 if getattr(event, "mod", 0) & pygame.KMOD_SHIFT else 1
        k = KEY_STEP * far * self.size[0] / DESIGN_WIDTH
        x = min(self.size[0] - 1.0, max(0.0, self.pen[0] + dx * k))
        y = min(self.size[1] - 1.0, max(0.0, self.pen[1] + dy * k))
        self.pen = (x, y)
        if self.pen_down:
            self._extend("key", self.pen)
        self.version += 1
        return True

    def lift_pen(self) -> None:
        """The keyboard pen leaves the canvas (focus moved on): its line ends."""
        if self.pen_down:
            self._end("key")
            self.pen_down = False
            self.version += 1

    def to_drawing(self, pos) -> tuple[float, float]:
        """A window position as drawing pixels (outside the canvas: kept at its edge)."""
        r = self.rect
        x = (pos[0] - r.x) * self.size[0] / max(1, r.w)
        y = (pos[1] - r.y) * self.size[1] / max(1, r.h)
        return (min(self.size[0] - 1.0, max(0.0, x)), min(self.size[1] - 1.0, max(0.0, y)))

    # -- lines ---------------------------------------------------------------------------
    def _width(self) -> float:
        w = SIZES[self.thickness][1] * (ERASER_GROW if self.eraser else 1.0)
        return w * self.size[0] / DESIGN_WIDTH

    def _begin(self, key, p) -> None:
        self._end(key)
        colour = PAPER if self.eraser else CRAYONS[self.colour][1]
        stroke = Stroke(colour, self._width(), [p])
        self._live[key] = stroke
        self.history.append(stroke)
        self._stamp(stroke.colour, stroke.width, [p])
        self.version += 1

    def _extend(self, key, p) -> None:
        stroke = self._live[key]
        pts = stroke.points
        if math.dist(pts[-1], p) < 0.5:
            return
        pts.append(p)
        if len(pts) == 2:
            piece = _line(pts[0], _mid(pts[0], pts[1]), stroke.width)
        else:
            piece = _curve(_mid(pts[-3], pts[-2]), pts[-2], _mid(pts[-2], pts[-1]),
                           stroke.width)
        self._stamp(stroke.colour, stroke.width, piece)
        self.version += 1

    def _end(self, key) -> None:
        stroke = self._live.pop(key, None)
        if stroke is None or len(stroke.points) < 2:
            return
        pts = stroke.points
        self._stamp(stroke.colour, stroke.width, _line(_mid(pts[-2], pts[-1]), pts[-1],
                                                        stroke.width))
        self.version += 1

    def _end_all(self) -> None:
        for key in list(self._live):
            self._end(key)
        self.pen_down = False

    def _stamp(self, colour, width: float, points) -> None:
        """Round crayon tips at `points`, on the drawing and on the copy shown."""
        r = max(1.0, width / 2)
        for x, y in points:
            pygame.draw.circle(self._full, colour, (x, y), r)
        if self._shown is not None:
            k = self._shown.get_width() / self.size[0]
            rs = max(1.0, r * k)
            for x, y in points:
                pygame.draw.circle(self._shown, colour, (x * k, y * k), rs)

    def _page(self, with_start: bool) -> None:
        """The white page, with the drawing it started from when that is still on it."""
        self._full.fill(PAPER)
        if with_start and self.start is not None:
            self._full.blit(self.start, (0, 0))

    def _replay(self) -> None:
        """Draw every line again from the last clear (after an undo or a clear)."""
        start = 0
        for i, item in enumerate(self.history):
            if isinstance(item, Clear):
                start = i + 1
        self._page(with_start=start == 0)  # a clear took the drawing it started from off
        for item in self.history[start:]:
            if isinstance(item, Stroke):
                for piece in _pieces(item):
                    for x, y in piece:
                        pygame.draw.circle(self._full, item.colour, (x, y),
                                           max(1.0, item.width / 2))
        self._shown = None
        self.version += 1

    # -- showing -------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """The drawing scaled into `rect` (its own shape kept), and the keyboard pen mark."""
        rect = fit_rect(self.size, rect)
        if self._shown is None or self._shown.get_size() != rect.size:
            self._shown = pygame.transform.smoothscale(self._full, rect.size)
        self.rect = rect
        self.screen_size = surface.get_size()
        surface.blit(self._shown, rect)
        if self.pen is not None:
            k = rect.w / self.size[0]
            c = (rect.x + self.pen[0] * k, rect.y + self.pen[1] * k)
            r = max(6.0, self._width() * k / 2 + 4)
            ink = PAPER if self.eraser else CRAYONS[self.colour][1]
            pygame.draw.circle(surface, (0, 0, 0), c, r + 3, width=3)
            pygame.draw.circle(surface, (255, 255, 255), c, r, width=2)
            if self.pen_down:
                pygame.draw.circle(surface, ink, c, max(2.0, r - 4))


def fit_rect(size: tuple[int, int], box: pygame.Rect) -> pygame.Rect:
    """The largest rectangle of `size`'s shape centred in `box`."""
    k = min(box.w / size[0], box.h / size[1])
    w, h = max(1, round(size[0] * k)), max(1, round(size[1] * k))
    return pygame.Rect(box.centerx - w // 2, box.centery - h // 2, w, h)


def _mid(a, b) -> tuple[float, float]:
    return ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)


def _spacing(width: float) -> float:
    return max(0.75, width / 5)


def _line(a, b, width: float) -> list[tuple[float, float]]:
    n = max(1, math.ceil(math.dist(a, b) / _spacing(width)))
    return [(a[0] + (b[0] - a[0]) * i / n, a[1] + (b[1] - a[1]) * i / n)
            for i in range(1, n + 1)]


def _curve(a, c, b, width: float) -> list[tuple[float, float]]:
    """Points along the curve from `a` to `b` bent towards `c` (quadratic Bezier)."""
    n = max(1, math.ceil((math.dist(a, c) + math.dist(c, b)) / _spacing(width)))
    out = []
    for i in range(1, n + 1):
        t = i / n
        u = 1 - t
        out.append((u * u * a[0] + 2 * u * t * c[0] + t * t * b[0],
                    u * u * a[1] + 2 * u * t * c[1] + t * t * b[1]))
    return out


def _pieces(stroke: Stroke) -> list[list[tuple[float, float]]]:
    """A finished line as the pieces it was drawn in (the same points as when drawn)."""
    pts, w = stroke.points, stroke.width
    out = [[pts[0]]]
    if len(pts) >= 2:
        out.append(_line(pts[0], _mid(pts[0], pts[1]), w))
        for i in range(2, len(pts)):
            out.append(_curve(_mid(pts[i - 2], pts[i - 1]), pts[i - 1],
                              _mid(pts[i - 1], pts[i]), w))
        out.append(_line(_mid(pts[-2], pts[-1]), pts[-1], w))
    return out

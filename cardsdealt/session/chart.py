"""The stats chart for records: drawn with pygame onto an offscreen Surface, saved as PNG.

Readable when printed in grey: each line has its own marker shape and dash pattern as well
as a colour (Okabe-Ito colours, safe for colour-blind readers), and the labels are large.
Only pygame.font is initialised: no window, no audio.
"""

from __future__ import annotations

import os

from cardsdealt import paths

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # no banner in `cardsdealt export`
FONT_DIR = paths.FONT_DIR
COLOURS = [(0, 114, 178), (213, 94, 0), (0, 158, 115), (204, 121, 167), (230, 159, 0),
           (86, 180, 233), (0, 0, 0)]
MARKERS = ["circle", "square", "triangle", "diamond"]
INK, GRID, PAPER = (20, 24, 32), (210, 214, 220), (255, 255, 255)


def draw_chart(labels: dict[str, str], history: list[dict], ranges: dict[str, tuple[int, int]],
               size: tuple[int, int] = (1800, 900)):
    """A Surface with one line per stat over the turns (history[0] is the start)."""
    import pygame

    pygame.font.init()
    w, h = size
    surf = pygame.Surface(size)
    surf.fill(PAPER)
    font = _font(pygame, 34, "Regular")
    small = _font(pygame, 28, "Regular")
    lo = min(r[0] for r in ranges.values()) if ranges else 0
    hi = max(r[1] for r in ranges.values()) if ranges else 1
    hi = max(hi, lo + 1)
    turns = max(1, len(history) - 1)
    legend_h = 70 * ((len(labels) + 1) // 2)
    left, right, top, bottom = 110, w - 50, 30 + legend_h, h - 110

    def pos(turn: int, value: float) -> tuple[int, int]:
        x = left + (right - left) * turn / turns
        y = bottom - (bottom - top) * (value - lo) / (hi - lo)
        return int(x), int(y)

    for v in range(lo, hi + 1):  # horizontal grid with values
        y = pos(0, v)[1]
        pygame.draw.line(surf, GRID, (left, y), (right, y), 2)
        text = small.render(str(v), True, INK)
        surf.blit(text, (left - 20 - text.get_width(), y - text.get_height() // 2))
    step = max(1, turns // 12)
    for t in range(0, turns + 1, step):  # turn labels
        x = pos(t, lo)[0]
        pygame.draw.line(surf, INK, (x, bottom), (x, bottom + 10), 3)
        text = small.render("start" if t == 0 else str(t), True, INK)
        surf.blit(text, (x - text.get_width() // 2, bottom + 16))
    caption = font.render("cards played", True, INK)
    surf.blit(caption, ((left + right - caption.get_width()) // 2, h - 50))
    pygame.draw.line(surf, INK, (left, bottom), (right, bottom), 3)
    pygame.draw.line(surf, INK, (left, top - 10), (left, bottom), 3)

    n = len(labels)
    for i, (sid, label) in enumerate(labels.items()):
        colour, marker = COLOURS[i % len(COLOURS)], MARKERS[i % len(MARKERS)]
        nudge = (i - (n - 1) / 2) * 6  # lines with equal values stay visible side by side
        points = [pos(t, row[sid]) for t, row in enumerate(history) if sid in row]
        points = [(x, int(y + nudge)) for x, y in points]
        _polyline(pygame, surf, colour, points, dashed=i % 2 == 1)
        for p in points:
            _marker(pygame, surf, colour, p, marker, 11)
        lx = left + (i % 2) * (right - left) // 2
        ly = 20 + 70 * (i // 2)
        _polyline(pygame, surf, colour, [(lx, ly + 22), (lx + 70, ly + 22)], dashed=i % 2 == 1)
        _marker(pygame, surf, colour, (lx + 35, ly + 22), marker, 11)
        surf.blit(font.render(label, True, INK), (lx + 90, ly + 2))
    return surf


def chart_png(labels, history, ranges) -> bytes:
    """The chart as PNG bytes (the caller writes them safely)."""
    import io

    import pygame

    buf = io.BytesIO()
    pygame.image.save(draw_chart(labels, history, ranges), buf, "chart.png")
    return buf.getvalue()


def _font(pygame, size: int, style: str):
    path = FONT_DIR / f"AtkinsonHyperlegible-{style}.ttf"
    return pygame.font.Font(str(path) if path.is_file() else None, size)


def _polyline(pygame, surf, colour, points, dashed: bool) -> None:
    if len(points) < 2:
        return
    if not dashed:
        pygame.draw.lines(surf, colour, False, points, 6)
        return
    for (x1, y1), (x2, y2) in zip(points, points[1:], strict=False):
        length = max(1.0, ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5)
        dash = 22
        for k in range(0, int(length), dash * 2):
            a, b = k / length, min(1.0, (k + dash) / length)
            pygame.draw.line(surf, colour, (x1 + (x2 - x1) * a, y1 + (y2 - y1) * a),
                             (x1 + (x2 - x1) * b, y1 + (y2 - y1) * b), 6)


def _marker(pygame, surf, colour, p, shape: str, r: int) -> None:
    x, y = p
    if shape == "circle":
        pygame.draw.circle(surf, colour, p, r)
    elif shape == "square":
        pygame.draw.rect(surf, colour, (x - r, y - r, 2 * r, 2 * r))
    elif shape == "triangle":
        pygame.draw.polygon(surf, colour, [(x, y - r - 2), (x - r - 2, y + r), (x + r + 2, y + r)])
    else:
        pygame.draw.polygon(surf, colour, [(x, y - r - 3), (x + r + 3, y), (x, y + r + 3),
                                           (x - r - 3, y)])

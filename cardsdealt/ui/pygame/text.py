"""Fonts, wrapping and fitting text into boxes.

Every box of text on screen goes through `fit()`: the text is wrapped at the largest size
that fits, shrinking step by step down to a floor; if it still does not fit at the floor it
is clipped and can be scrolled (`Fitted.overflow`). The card-overflow test and the renderer
use the same function, so what the test measures is what people see.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pygame

from cardsdealt.ui.pygame.theme import FONT_DIR

STYLES = {
    "regular": "AtkinsonHyperlegible-Regular.ttf",
    "bold": "AtkinsonHyperlegible-Bold.ttf",
    "italic": "AtkinsonHyperlegible-Italic.ttf",
}


@lru_cache(maxsize=160)
def font(style: str, px: int) -> pygame.font.Font:
    """The shipped font at a pixel size; pygame's own font if the file is missing."""
    px = max(6, int(px))
    path = FONT_DIR / STYLES.get(style, STYLES["regular"])
    try:
        f = pygame.font.Font(str(path), px)
    except (OSError, FileNotFoundError, pygame.error):
        f = pygame.font.Font(None, px)
    return f


def wrap(text: str, f: pygame.font.Font, width: int) -> list[str]:
    """Lines no wider than `width`. Paragraph breaks (newlines) are kept; a word longer than
    the line is broken between characters rather than spilling out of the box."""
    width = max(1, width)
    lines: list[str] = []
    for para in text.split("\n"):
        words = para.split(" ")
        line = ""
        for word in words:
            trial = f"{line} {word}" if line else word
            if f.size(trial)[0] <= width:
                line = trial
                continue
            if line:
                lines.append(line)
            line = ""
            while f.size(word)[0] > width and len(word) > 1:
                cut = _longest_prefix(word, f, width)
                lines.append(word[:cut])
                word = word[cut:]
            line = word
        lines.append(line)
    return lines


def _longest_prefix(word: str, f: pygame.font.Font, width: int) -> int:
    lo, hi = 1, len(word)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if f.size(word[:mid])[0] <= width:
            lo = mid
        else:
            hi = mid - 1
    return lo


@dataclass(frozen=True)
class Fitted:
    """Text laid out in a box: which size was used, the lines, and whether it overflowed."""

    style: str
    px: int
    lines: tuple[str, ...]
    line_h: int
    width: int  # widest line
    height: int  # all lines
    box: tuple[int, int]

    @property
    def overflow(self) -> bool:
        return self.height > self.box[1] or self.width > self.box[0]

    @property
    def font(self) -> pygame.font.Font:
        return font(self.style, self.px)


def line_height(f: pygame.font.Font, spacing: float = 1.08) -> int:
    return max(1, round(f.get_linesize() * spacing))


@lru_cache(maxsize=512)
def fit(text: str, style: str, box: tuple[int, int], max_px: int, min_px: int,
        spacing: float = 1.08) -> Fitted:
    """The largest size from `max_px` down to `min_px` at which `text` fits `box`."""
    w, h = max(1, box[0]), max(1, box[1])
    min_px = max(6, min(min_px, max_px))
    px = max_px
    while True:
        f = font(style, px)
        lines = wrap(text, f, w)
        lh = line_height(f, spacing)
        height = lh * len(lines)
        width = max((f.size(s)[0] for s in lines), default=0)
        if (height <= h and width <= w) or px <= min_px:
            return Fitted(style, px, tuple(lines), lh, width, height, (w, h))
        px = max(min_px, px - max(1, px // 16))


def draw_fitted(surface: pygame.Surface, fitted: Fitted, rect: pygame.Rect, colour,
                align: str = "left", valign: str = "top", scroll: int = 0) -> None:
    """Draw fitted text inside `rect`, clipped to it; `scroll` moves it up by pixels."""
    f = fitted.font
    y = rect.y - scroll
    if valign == "middle" and fitted.height < rect.h:
        y += (rect.h - fitted.height) // 2
    old_clip = surface.get_clip()
    surface.set_clip(rect.clip(old_clip) if old_clip else rect)
    for line in fitted.lines:
        if y + fitted.line_h >= rect.y and y <= rect.bottom and line:
            img = f.render(line, True, colour)
            x = rect.x
            if align == "center":
                x += (rect.w - img.get_width()) // 2
            elif align == "right":
                x += rect.w - img.get_width()
            surface.blit(img, (x, y))
        y += fitted.line_h
    surface.set_clip(old_clip)


def draw_text(surface: pygame.Surface, text: str, style: str, px: int, pos, colour,
              anchor: str = "topleft", max_w: int | None = None) -> pygame.Rect:
    """One line of text; if `max_w` is given, shrink (to 70 %) then cut with an ellipsis."""
    f = font(style, px)
    if max_w is not None and f.size(text)[0] > max_w:
        small = fitted_line_px(text, style, px, max_w)
        f = font(style, small)
        if f.size(text)[0] > max_w:
            while len(text) > 1 and f.size(text + "…")[0] > max_w:
                text = text[:-1]
            text = text.rstrip() + "…"
    img = f.render(text, True, colour)
    r = img.get_rect(**{anchor: pos})
    surface.blit(img, r)
    return r


def fitted_line_px(text: str, style: str, px: int, max_w: int) -> int:
    """A size at which one line fits `max_w`, not below 70 % of `px`."""
    floor = max(6, round(px * 0.7))
    while px > floor and font(style, px).size(text)[0] > max_w:
        px -= max(1, px // 16)
    return max(px, floor)

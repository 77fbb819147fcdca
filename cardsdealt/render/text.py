"""Fitting text into boxes and drawing it: the one path every text on screen takes.

Every box of text on screen goes through `fit()`: the text is wrapped at the largest size
that fits, shrinking step by step down to a floor; if it still does not fit at the floor it
is clipped and can be scrolled (`Fitted.overflow`). The card-overflow test and the renderer
use the same function, so what the test measures is what people see.

Sizes given to `fit()` and `draw_text()` are design sizes: the text size setting (5 steps,
`configure()`) multiplies them, and text then shrinks to its box as usual, never below the
design floor (`min_px`), which is the size that was already legible. Text that must stay
inside a shape (a number in a circle, a label on a band) passes `max_px` to `draw_text()`.

The fonts and the text size setting are in `render/fonts.py`, line breaking in
`render/wrap.py`; both are imported here too, so `text` stays the one name to use.

`probe` (tests only): while a `Probe` is installed, every line of text drawn is reported to
it, so that a test can measure contrast from real pixels and find text cut or clipped.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from cardsdealt.render.fonts import (  # noqa: F401 - re-exported: text is the one name
    FAMILIES,
    FONT_WORDS,
    GROWTH,
    LINE_FACTOR,
    SIZE_FACTOR,
    SIZE_STEPS,
    STYLES,
    ReadingFont,
    _caches,
    _look,
    configure,
    font,
    font_family,
    grown,
    growth,
    line_height,
    scaled,
    text_cache,
    text_scale,
)
from cardsdealt.render.wrap import (  # noqa: F401 - re-exported as above
    _break_long,
    _wrap_words,
    broken,
    longest_prefix,
    wrap,
)

probe = None  # a test's Probe while installed (see the module docstring)


@dataclass(frozen=True)
class Fitted:
    """Text laid out in a box: which size was used (real pixels), the lines, and whether it
    overflowed."""

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



@text_cache(maxsize=512)
def fit(text: str, style: str, box: tuple[int, int], max_px: float, min_px: float,
        spacing: float = 1.08, exact: bool = False) -> Fitted:
    """The largest size from `max_px` (times the text size) down to `min_px` at which `text`
    fits `box` with every word whole; a word is broken only if it is wider than the box even
    at `min_px`. With `exact`, the sizes are real pixels already (not scaled)."""
    w, h = max(1, box[0]), max(1, box[1])
    top = round(max_px) if exact else scaled(max_px)
    min_px = max(6, min(round(min_px), top))
    sizes = [top]
    while sizes[-1] > min_px:
        px = sizes[-1]
        sizes.append(max(min_px, px - max(1, px // 16)))

    tried: dict[int, Fitted] = {}

    def attempt(i: int) -> Fitted:
        if i not in tried:
            f = font(style, sizes[i])
            lines = wrap(text, f, w)
            lh = line_height(f, spacing)
            width = max((f.size(s)[0] for s in lines), default=0)
            tried[i] = Fitted(style, sizes[i], tuple(lines), lh, width, lh * len(lines), (w, h))
        return tried[i]

    def largest(ok) -> Fitted | None:
        """The first size that is `ok`: the first, else halving the steps between (smaller
        text never needs more room, so the sizes that are ok are the lower end of the list)."""
        if ok(attempt(0)):
            return attempt(0)
        lo, hi, found = 1, len(sizes) - 1, None
        while lo <= hi:
            mid = (lo + hi) // 2
            if ok(attempt(mid)):
                found, hi = attempt(mid), mid - 1
            else:
                lo = mid + 1
        return found

    # every word whole if any size allows it (a smaller title rather than "Understand/ing");
    # else the largest that fits with a long word broken; else the floor, clipped
    return (largest(lambda t: not t.overflow and not broken(text, t.lines))
            or largest(lambda t: not t.overflow) or attempt(len(sizes) - 1))


def draw_fitted(surface: pygame.Surface, fitted: Fitted, rect: pygame.Rect, colour,
                align: str = "left", valign: str = "top", scroll: int = 0,
                scrollable: bool = False) -> None:
    """Draw fitted text inside `rect`, clipped to it; `scroll` moves it up by pixels.
    (`scrollable`: the caller lets people scroll, so text beyond the box is not lost.)"""
    f = fitted.font
    y = rect.y - scroll
    if valign == "middle" and fitted.height < rect.h:
        y += (rect.h - fitted.height) // 2
    if probe is not None and fitted.overflow and not scrollable:
        probe.overflow("clipped", " ".join(fitted.lines), fitted.px)
    old_clip = surface.get_clip()
    surface.set_clip(rect.clip(old_clip) if old_clip else rect)
    call = object()
    for line in fitted.lines:
        if y + fitted.line_h >= rect.y and y <= rect.bottom and line:
            img = f.render(line, True, colour)
            x = rect.x
            if align == "center":
                x += (rect.w - img.get_width()) // 2
            elif align == "right":
                x += rect.w - img.get_width()
            put(surface, img, img.get_rect(topleft=(x, y)), line, fitted.style, fitted.px,
                colour, call)
        y += fitted.line_h
    surface.set_clip(old_clip)


def draw_text(surface: pygame.Surface, text: str, style: str, px: float, pos, colour,
              anchor: str = "topleft", max_w: int | None = None,
              max_px: float | None = None, max_h: float | None = None) -> pygame.Rect:
    """One line of text at design size `px` (times the text size, but never above `max_px`
    real pixels, nor taller than `max_h`); if `max_w` is given, shrink (to 70 % of `px`)
    then cut with an ellipsis."""
    size = scaled(px)
    if max_px is not None:
        size = max(6, min(size, round(max_px)))
    if max_h is not None:
        size = px_for_height(style, size, round(max_h))
    f = font(style, size)
    if max_w is not None and f.size(text)[0] > max_w:
        floor = max(6, min(size, round(px * 0.7)))
        while size > floor and font(style, size).size(text)[0] > max_w:
            size = max(floor, size - max(1, size // 16))
        f = font(style, size)
        if f.size(text)[0] > max_w:
            if probe is not None:
                probe.overflow("cut", text, size)
            while len(text) > 1 and f.size(text + "…")[0] > max_w:
                text = text[:-1]
            text = text.rstrip() + "…"
    img = f.render(text, True, colour)
    r = img.get_rect(**{anchor: pos})
    put(surface, img, r, text, style, size, colour)
    return r


@text_cache(maxsize=256)
def px_for_height(style: str, px: int, height: int) -> int:
    """The largest size up to `px` whose line is no taller than `height` (never below 6)."""
    while px > 6 and font(style, px).get_height() * LINE_FACTOR[_look["family"]] > height:
        px = max(6, px - max(1, px // 16))
    return px


def fitted_line_px(text: str, style: str, px: float, max_w: int) -> float:
    """A design size that, at the chosen text size, fits one line in `max_w` (not below
    70 % of `px` in real pixels): for `draw_text(..., px=<this>)`."""
    s = _look["scale"]
    real, floor = scaled(px), max(6, round(px * 0.7))
    while real > floor and font(style, real).size(text)[0] > max_w:
        real -= max(1, real // 16)
    return max(real, floor) / s


def put(surface: pygame.Surface, img: pygame.Surface, rect: pygame.Rect, text: str,
        style: str, px: int, colour, call=None) -> None:
    """Blit one rendered line of text (the single place text reaches a surface, so that a
    probe sees every line)."""
    if probe is None:
        surface.blit(img, rect)
    else:
        probe.text(surface, img, rect, text, style, px, colour, call)

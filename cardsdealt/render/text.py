"""Fonts, wrapping and fitting text into boxes; the reading font and the text size setting.

Every box of text on screen goes through `fit()`: the text is wrapped at the largest size
that fits, shrinking step by step down to a floor; if it still does not fit at the floor it
is clipped and can be scrolled (`Fitted.overflow`). The card-overflow test and the renderer
use the same function, so what the test measures is what people see.

Sizes given to `fit()` and `draw_text()` are design sizes: the text size setting (5 steps,
`configure()`) multiplies them, and text then shrinks to its box as usual, never below the
design floor (`min_px`), which is the size that was already legible. Text that must stay
inside a shape (a number in a circle, a label on a band) passes `max_px` to `draw_text()`.
`font()` itself is not scaled: it is the plain font at a pixel size.

Two reading fonts are shipped with their licences in assets/fonts: Atkinson Hyperlegible
(the usual one) and OpenDyslexic. OpenDyslexic has no italic, and dyslexia style guides ask
for none: its "italic" is the regular face.

Every cache that depends on the font or the text size is made with `text_cache()`, so
`configure()` clears them all at once; layouts keyed by window size alone would otherwise
keep the old font's line breaks.

`probe` (tests only): while a `Probe` is installed, every line of text drawn is reported to
it, so that a test can measure contrast from real pixels and find text cut or clipped.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pygame

from cardsdealt.render.theme import FONT_DIR

FAMILIES = {
    "atkinson": {
        "regular": "AtkinsonHyperlegible-Regular.ttf",
        "bold": "AtkinsonHyperlegible-Bold.ttf",
        "italic": "AtkinsonHyperlegible-Italic.ttf",
    },
    "opendyslexic": {
        "regular": "OpenDyslexic-Regular.otf",
        "bold": "OpenDyslexic-Bold.otf",
        "italic": "OpenDyslexic-Regular.otf",
    },
}
FONT_WORDS = {"atkinson": "Atkinson Hyperlegible", "opendyslexic": "OpenDyslexic"}
# Sizes are Atkinson Hyperlegible sizes: OpenDyslexic is drawn at 88 % of the asked size so
# that its letters have about the same x-height (its own em is larger: 55 against 50 at
# 100 px; at 88 % it is 48, and its letters are still wider).
# Its own line spacing (1.75 em) is also far wider than it needs: lines are set at 80 % of it,
# which is still 1.4 em, the generous spacing dyslexia style guides ask for.
SIZE_FACTOR = {"atkinson": 1.0, "opendyslexic": 0.88}
LINE_FACTOR = {"atkinson": 1.0, "opendyslexic": 0.8}
STYLES = FAMILIES["atkinson"]

_look: dict[str, Any] = {"family": "atkinson", "scale": 1.0}
_caches: list = []
probe = None  # a test's Probe while installed (see the module docstring)


def text_cache(maxsize: int):
    """`functools.lru_cache` for results that depend on the font or the text size."""
    def wrap_fn(fn):
        cached = lru_cache(maxsize=maxsize)(fn)
        _caches.append(cached)
        return cached
    return wrap_fn


def configure(family: str = "atkinson", scale: float = 1.0) -> bool:
    """Choose the reading font and the text size; True if anything changed."""
    family = family if family in FAMILIES else "atkinson"
    scale = max(0.5, min(3.0, float(scale)))
    if (family, scale) == (_look["family"], _look["scale"]):
        return False
    _look["family"], _look["scale"] = family, scale
    for c in _caches:
        c.cache_clear()
    return True


def font_family() -> str:
    return _look["family"]


def text_scale() -> float:
    return _look["scale"]


def grown(share: float = 0.5) -> float:
    """How much a box of text grows with the text size: 1 as usual, then `share` of the
    extra size (text in the box shrinks to fit the rest)."""
    return 1 + (_look["scale"] - 1) * share


SIZE_STEPS = (1.0, 1.15, 1.3, 1.5, 1.75)  # the text sizes offered (= settings.TEXT_SIZES)
GROWTH = 0.54  # the main texts grow by at least this share of the text size's extra


def growth(scale: float | None = None) -> float:
    """How much larger than at the usual text size the main texts of the table (the card's
    words, the choices, the questions) must at least be: 1.41 at the largest size (1.75)."""
    s = _look["scale"] if scale is None else scale
    return 1 + (s - 1) * GROWTH


def scaled(px: float) -> int:
    """A design text size at the chosen text size."""
    return max(6, round(px * _look["scale"]))


@lru_cache(maxsize=8)
def _cover(path: str) -> frozenset[int]:
    """The code points a font file draws (its character map; fontTools comes with fpdf2)."""
    from fontTools.ttLib import TTFont

    try:
        return frozenset(TTFont(path).getBestCmap())
    except Exception:  # noqa: BLE001 - a file fontTools cannot read: assume plain ASCII
        return frozenset(range(32, 127))


class ReadingFont(pygame.font.Font):
    """A shipped font that draws every text it is given the same way on screen as the PDFs
    do on paper (cardsdealt/glyphs.py): letters composed (NFC), a letter it lacks taken from
    the other shipped font (Atkinson Hyperlegible has no Welsh ŵ or ŷ; OpenDyslexic has), and
    what neither has named in brackets ("[grinning face]"), measured as it is drawn."""

    cover: frozenset[int] = frozenset()
    both: frozenset[int] = frozenset()
    other: pygame.font.Font | None = None

    def _plain(self, text: str) -> bool:
        return text.isascii() or (unicodedata.is_normalized("NFC", text)
                                  and all(ord(c) in self.cover for c in text))

    def _runs(self, text: str) -> list[tuple[bool, str]]:
        """The shown text in runs: (drawn by this font, words)."""
        from cardsdealt.glyphs import printable

        shown = printable(text, self.both)[0]
        runs: list[tuple[bool, str]] = []
        for ch in shown:
            mine = ord(ch) in self.cover or self.other is None
            if runs and runs[-1][0] == mine:
                runs[-1] = (mine, runs[-1][1] + ch)
            else:
                runs.append((mine, ch))
        return runs

    def size(self, text, *args):
        if self._plain(text):
            return super().size(text)
        w = 0
        for mine, part in self._runs(text):
            w += (super().size(part) if mine else self.other.size(part))[0]
        return w, self.get_height()

    def render(self, text, antialias, color, bgcolor=None, *args):
        if self._plain(text):
            if bgcolor is None:
                return super().render(text, antialias, color)
            return super().render(text, antialias, color, bgcolor)
        runs = self._runs(text)
        surf = pygame.Surface(self.size(text), pygame.SRCALPHA)
        if bgcolor is not None:
            surf.fill(bgcolor)
        x = 0
        for mine, part in runs:
            if mine:
                img, y = super().render(part, antialias, color), 0
            else:  # on this font's baseline
                assert self.other is not None
                img = self.other.render(part, antialias, color)
                y = self.get_ascent() - self.other.get_ascent()
            surf.blit(img, (x, y))
            x += img.get_width()
        return surf


def _font_file(family: str, style: str) -> str:
    files = FAMILIES.get(family, STYLES)
    return str(FONT_DIR / files.get(style, files["regular"]))


@lru_cache(maxsize=200)
def _font(family: str, style: str, px: int) -> pygame.font.Font:
    path = _font_file(family, style)
    real = max(6, round(px * SIZE_FACTOR.get(family, 1.0)))
    try:
        f = ReadingFont(path, real)
    except (OSError, FileNotFoundError, pygame.error):
        return pygame.font.Font(None, real)
    other_family = "opendyslexic" if family == "atkinson" else "atkinson"
    other_path = _font_file(other_family, style)
    f.cover = _cover(path)
    try:
        f.other = pygame.font.Font(other_path, max(6, round(px * SIZE_FACTOR[other_family])))
        f.both = f.cover | _cover(other_path)
    except (OSError, FileNotFoundError, pygame.error):
        f.both = f.cover
    return f


def font(style: str, px: float) -> pygame.font.Font:
    """The chosen font at a pixel size (not scaled); pygame's own if the file is missing."""
    return _font(_look["family"], style, max(6, round(px)))


def wrap(text: str, f: pygame.font.Font, width: int) -> list[str]:
    """Lines no wider than `width`. Paragraph breaks (newlines) are kept; a word longer than
    the line is broken between characters rather than spilling out of the box.

    The lines are the greedy ones (each takes every word that still fits, measured by the
    font); where the break falls is first guessed from the letters' advances, then checked
    with the real measure on either side, so a line costs ~2 measures instead of one per
    word (an introduction at 7 sizes: 430 measures before, 60 now; same lines)."""
    width = max(1, width)
    lines: list[str] = []
    for para in text.split("\n"):
        words = para.split(" ")
        if len(words) < 4:  # short: word by word
            _wrap_words(words, f, width, lines)
        else:
            _wrap_guessed(para, words, f, width, lines)
    return lines


def _wrap_words(words: list[str], f: pygame.font.Font, width: int, lines: list[str]) -> None:
    line = ""
    for word in words:
        trial = f"{line} {word}" if line else word
        if f.size(trial)[0] <= width:
            line = trial
            continue
        if line:
            lines.append(line)
        line = _break_long(word, f, width, lines)
    lines.append(line)


def _break_long(word: str, f: pygame.font.Font, width: int, lines: list[str]) -> str:
    """Put the parts of a word wider than the line on lines of their own; the rest (which
    fits) is returned to start the next line."""
    while f.size(word)[0] > width and len(word) > 1:
        cut = longest_prefix(word, f, width)
        lines.append(word[:cut])
        word = word[cut:]
    return word


def _wrap_guessed(para: str, words: list[str], f: pygame.font.Font, width: int,
                  lines: list[str]) -> None:
    advance = {}
    for ch, m in zip(para, f.metrics(para), strict=False):  # only a guess: checked below
        advance[ch] = m[4] if m else 0
    space = advance.get(" ", 0)
    guess = [sum(advance.get(c, 0) for c in w) for w in words]

    def fits(i: int, k: int) -> bool:
        return f.size(" ".join(words[i:i + k]))[0] <= width

    i, n = 0, len(words)
    while i < n:
        while i < n and not words[i]:
            i += 1  # a space at the start of a line is dropped, as word by word
        if i == n:
            lines.append("")
            break
        k, est = 1, guess[i]
        while i + k < n and est + space + guess[i + k] <= width:
            est += space + guess[i + k]
            k += 1
        if fits(i, k):
            while i + k < n and fits(i, k + 1):
                k += 1
        else:
            while k > 1 and not fits(i, k):
                k -= 1
        if k == 1 and f.size(words[i])[0] > width:
            # as word by word: the long word's parts get lines, its rest starts the next
            words[i] = _break_long(words[i], f, width, lines)
            guess[i] = sum(advance.get(c, 0) for c in words[i])
            if i + 1 < n and fits(i, 2):
                continue  # (the rest is short: words after it may join it)
        lines.append(" ".join(words[i:i + k]))
        i += k


def longest_prefix(word: str, f: pygame.font.Font, width: int, minimum: int = 1) -> int:
    """How many leading characters of `word` fit in `width` (at least `minimum`)."""
    lo, hi = minimum, len(word)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if f.size(word[:mid])[0] <= width:
            lo = mid
        else:
            hi = mid - 1
    return lo


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


def line_height(f: pygame.font.Font, spacing: float = 1.08) -> int:
    """The distance between lines of `f` (a font of the chosen family)."""
    return max(1, round(f.get_linesize() * spacing * LINE_FACTOR[_look["family"]]))


@text_cache(maxsize=512)
def fit(text: str, style: str, box: tuple[int, int], max_px: float, min_px: float,
        spacing: float = 1.08, exact: bool = False) -> Fitted:
    """The largest size from `max_px` (times the text size) down to `min_px` at which `text`
    fits `box`. With `exact`, the sizes are real pixels already (not scaled)."""
    w, h = max(1, box[0]), max(1, box[1])
    top = round(max_px) if exact else scaled(max_px)
    min_px = max(6, min(round(min_px), top))
    sizes = [top]
    while sizes[-1] > min_px:
        px = sizes[-1]
        sizes.append(max(min_px, px - max(1, px // 16)))

    def attempt(px: int) -> Fitted:
        f = font(style, px)
        lines = wrap(text, f, w)
        lh = line_height(f, spacing)
        width = max((f.size(s)[0] for s in lines), default=0)
        return Fitted(style, px, tuple(lines), lh, width, lh * len(lines), (w, h))

    # the largest size that fits: the first size, else halving the steps between (smaller
    # text never needs more room, so the sizes that fit are the lower end of the list)
    best = attempt(sizes[0])
    if not best.overflow or len(sizes) == 1:
        return best
    lo, hi = 1, len(sizes) - 1  # sizes[hi] is the floor: used whether it fits or not
    found = floor = None
    while lo <= hi:
        mid = (lo + hi) // 2
        tried = attempt(sizes[mid])
        if mid == len(sizes) - 1:
            floor = tried
        if tried.overflow:
            lo = mid + 1
        else:
            found, hi = tried, mid - 1
    return found or floor or attempt(sizes[-1])


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

"""The reading fonts and the text size setting: which font, at which size, and how each
draws letters it lacks.

Two reading fonts are shipped with their licences in assets/fonts: Atkinson Hyperlegible
(the usual one) and OpenDyslexic. OpenDyslexic has no italic, and dyslexia style guides ask
for none: its "italic" is the regular face.

The text size setting (5 steps, `configure()`) multiplies design sizes (`scaled()`); `font()`
itself is not scaled: it is the plain font at a pixel size.

Every cache that depends on the font or the text size is made with `text_cache()`, so
`configure()` clears them all at once; layouts keyed by window size alone would otherwise
keep the old font's line breaks.
"""

from __future__ import annotations

import unicodedata
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



def line_height(f: pygame.font.Font, spacing: float = 1.08) -> int:
    """The distance between lines of `f` (a font of the chosen family)."""
    return max(1, round(f.get_linesize() * spacing * LINE_FACTOR[_look["family"]]))


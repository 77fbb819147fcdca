"""Colours in one table per theme, so that a theme is a `Theme(...)` value and not a hunt
through the drawing code. (Font files and the text size: `text.py`.)

Three themes, chosen in the settings screen or with --theme:
- default: calm and warm, a linen table, cream cards, warm near-black ink.
- high-contrast: near-black on white, for washed-out projectors and low vision; no soft
  shadows, black outlines, a thick blue focus ring on a yellow highlight.
- dark: warm dark (not pure black) for dim rooms, warm off-white words.

Every pair of text and background colour is measured from rendered pixels by
tests/ui/test_ui_contrast.py (WCAG 2.2 AA). Nothing on screen relies on colour alone: focus
has a thick outline and a pointer, meters carry figures, playable cards say so in words,
classic themes are named in words on their band.
"""

from __future__ import annotations

from dataclasses import dataclass

from cardsdealt import paths

Colour = tuple[int, int, int]

FONT_DIR = paths.FONT_DIR


@dataclass(frozen=True)
class Theme:
    name: str
    table: Colour  # the background, like a tabletop
    table_ink: Colour  # text written straight on the table
    table_muted: Colour  # quieter text on the table (hints, captions)
    paper: Colour  # cards and panels
    ink: Colour  # text on paper
    muted: Colour  # quieter text on paper
    edge: Colour  # thin outlines of cards and buttons
    shadow: Colour  # soft shadow under cards
    accent: Colour  # headings and small marks
    focus: Colour  # the thick outline of the focused thing
    focus_fill: Colour  # the tint behind the focused thing
    meter_fill: Colour
    meter_track: Colour
    card_back: Colour
    card_back_mark: Colour
    placeholder: Colour  # the calm picture placeholder
    placeholder_mark: Colour
    blank: Colour  # the blanked screen, and the veil behind menus
    themes: tuple[Colour, ...]  # colour bands for classic themes (always named in words too)
    focus_width: float = 7  # design px of the focus outline (thicker in high contrast)
    edge_width: float = 2  # design px of card and button outlines

    def text_on(self, fill: Colour) -> Colour:
        """`paper` or `ink`, whichever reads better on `fill` (bands, tags, badges)."""
        return max((self.paper, self.ink), key=lambda c: contrast_ratio(c, fill))


def luminance(rgb: Colour) -> float:
    """WCAG relative luminance of an sRGB colour (0 black .. 1 white)."""
    def lin(v: int) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (lin(v) for v in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: Colour, b: Colour) -> float:
    """WCAG contrast ratio, 1 (same) .. 21 (black on white)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


# One row per colour: the usual theme, high contrast, dark. (The fields' meanings: Theme.)
_NAMES = ("default", "high-contrast", "dark")
_COLOURS: dict[str, tuple[Colour, Colour, Colour]] = {
    "table": ((233, 223, 207), (255, 255, 255), (34, 30, 27)),
    "table_ink": ((43, 38, 35), (10, 10, 10), (238, 228, 212)),
    "table_muted": ((92, 80, 70), (40, 40, 40), (196, 184, 168)),
    "paper": ((255, 251, 243), (255, 255, 255), (52, 46, 41)),
    "ink": ((38, 33, 30), (10, 10, 10), (242, 233, 219)),
    "muted": ((98, 86, 76), (40, 40, 40), (200, 188, 172)),
    "edge": ((176, 160, 140), (10, 10, 10), (98, 88, 78)),
    # high contrast has no soft shadows: the black outline shapes every card
    "shadow": ((196, 182, 162), (255, 255, 255), (22, 19, 17)),
    "accent": ((150, 72, 40), (0, 40, 120), (236, 168, 122)),
    "focus": ((24, 88, 104), (0, 60, 190), (132, 204, 214)),
    "focus_fill": ((226, 238, 236), (255, 236, 110), (44, 70, 74)),
    "meter_fill": ((84, 122, 96), (10, 10, 10), (150, 196, 160)),
    "meter_track": ((222, 212, 196), (255, 255, 255), (70, 63, 57)),
    "card_back": ((168, 92, 62), (10, 10, 10), (120, 66, 46)),
    "card_back_mark": ((214, 150, 112), (110, 110, 110), (160, 98, 70)),
    "placeholder": ((238, 228, 212), (238, 238, 238), (62, 55, 49)),
    "placeholder_mark": ((214, 196, 170), (200, 200, 200), (84, 75, 67)),
    "blank": ((12, 10, 9), (0, 0, 0), (10, 9, 8)),
}
# The colour bands of classic themes, one row a theme (always named in words too); deep
# enough that the words on them read at 4.5:1 or more.
_BANDS: dict[str, tuple[Colour, ...]] = {
    "default": ((170, 92, 58), (72, 122, 90), (86, 100, 150), (140, 104, 40), (128, 84, 128),
                (48, 118, 130)),
    "high-contrast": ((120, 30, 0), (0, 85, 40), (0, 50, 140), (110, 70, 0), (90, 20, 100),
                      (0, 80, 90)),
    "dark": ((150, 74, 50), (62, 112, 82), (76, 92, 140), (128, 96, 40), (118, 76, 118),
             (40, 108, 118)),
}
_WIDTHS = {"high-contrast": {"focus_width": 10, "edge_width": 3}}  # thicker outlines


def _theme(column: int) -> Theme:
    name = _NAMES[column]
    return Theme(name=name, themes=_BANDS[name], **_WIDTHS.get(name, {}),
                 **{role: row[column] for role, row in _COLOURS.items()})


DEFAULT, HIGH_CONTRAST, DARK = (_theme(i) for i in range(len(_NAMES)))

THEMES = {t.name: t for t in (DEFAULT, HIGH_CONTRAST, DARK)}
THEME_WORDS = {"default": "Warm (usual)", "high-contrast": "High contrast",
               "dark": "Dark, for dim rooms"}

"""Colours in one table, so that the high-contrast and dark themes (a later issue) are a new
`Theme(...)` value and not a hunt through the drawing code. (Font files: `text.STYLES`.)

Colours are calm and warm: a linen table, cream cards, warm near-black ink. Nothing on screen
relies on colour alone: focus has a thick outline and a marker, meters carry figures, playable
cards say so in words.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

Colour = tuple[int, int, int]

FONT_DIR = Path(__file__).resolve().parents[3] / "assets" / "fonts"


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
    blank: Colour  # the blanked screen
    themes: tuple[Colour, ...]  # colour bands for classic themes (always named in words too)


DEFAULT = Theme(
    name="default",
    table=(233, 223, 207),
    table_ink=(43, 38, 35),
    table_muted=(92, 80, 70),
    paper=(255, 251, 243),
    ink=(38, 33, 30),
    muted=(98, 86, 76),
    edge=(176, 160, 140),
    shadow=(196, 182, 162),
    accent=(150, 72, 40),
    focus=(24, 88, 104),
    focus_fill=(226, 238, 236),
    meter_fill=(84, 122, 96),
    meter_track=(222, 212, 196),
    card_back=(168, 92, 62),
    card_back_mark=(214, 150, 112),
    placeholder=(238, 228, 212),
    placeholder_mark=(214, 196, 170),
    blank=(12, 10, 9),
    themes=(
        (196, 120, 82),
        (104, 140, 116),
        (112, 128, 168),
        (186, 152, 84),
        (150, 110, 150),
        (96, 150, 160),
    ),
)

THEMES = {"default": DEFAULT}

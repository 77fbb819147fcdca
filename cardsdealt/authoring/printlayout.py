"""Card faces for paper, set as real text (selectable, searchable, read by screen readers).

A printed face carries every word the group wrote on that card: the statement or journey text,
"What we want you to know" (voice), "Talk about" (discuss), a journey card's numbered choices,
and on a follow-on card a note of what leads to it. Pictures stay pictures (drawn by the
screen's own picture code, so they crop and fall back the same way).

Fitting: the words are set at the largest size from `SIZES` that leaves the picture at least
`PIC_MIN` mm; the picture then takes the room that is left (up to its cap) and any spare room is
shared out between the blocks, so no table card has a blank bottom. Nothing is ever set below
`FLOOR_PT`: words that still do not fit go on a continuation card ("continued") and the caller
is told, so it can warn.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from cardsdealt.deck.model import Card, Deck

PT = 25.4 / 72  # mm per point
LEADING = 1.2
FLOOR_PT = 8.0  # the smallest size ever printed
PAD = 3.5  # mm inside the card edge
BAND_H = 6.5
PIC_MIN = 16.0
VOICE_HEAD = "What we want you to know"
DISCUSS_HEAD = "Talk about"

Colour = tuple[int, int, int]


@dataclass
class Line:
    text: str
    style: str  # "", "B", "I"
    size: float  # pt
    colour: str  # a key of the palette: ink, muted, accent
    gap: float = 0.0  # mm of space above the line (the start of a block)
    block: int = 0  # which Block of the face it came from

    @property
    def height(self) -> float:
        return self.size * PT * LEADING


@dataclass
class Block:
    """One run of words: set in `style`, `scale` times the body size, after a `gap`."""
    text: str
    style: str = ""
    scale: float = 1.0
    colour: str = "ink"
    gap: float = 1.6  # in mm, before the block (stretched when there is room to spare)
    indent: float = 0.0


@dataclass
class Face:
    """What one printed card face shows."""
    card: Card
    band_label: str = ""
    band_right: str = ""
    band_colour: Colour | None = None
    title: str = ""
    blocks: list[Block] = field(default_factory=list)
    picture: str | None = None  # a path, or None for no picture area at all
    continued: bool = False


def condition_words(deck: Deck, card: Card) -> str:
    """What leads to a follow-on card, in words a group can read at the table."""
    if card.requires is None:
        return ""
    src = card.requires.source
    titles = {c.id: c.title for c in deck.cards}

    def chose(m: re.Match) -> str:
        cid, n = m.group(1), int(m.group(2))
        owner = next((c for c in deck.cards if c.id == cid), None)
        label = ""
        if owner is not None and 0 < n <= len(owner.choices):
            label = f' ("{owner.choices[n - 1].label}")'
        return f'the group chose {n} on "{titles.get(cid, cid)}"{label}'

    text = re.sub(r'chose\(\s*"([^"]+)"\s*,\s*(\d+)\s*\)', chose, src)
    text = re.sub(r'seen\(\s*"([^"]+)"\s*\)',
                  lambda m: f'"{titles.get(m.group(1), m.group(1))}" has been played', text)
    flags = [f for f in deck.flags if re.search(rf"\b{re.escape(f)}\b", src)]
    setters = []
    for f in flags:
        for c in deck.cards:
            for i, ch in enumerate(c.choices, 1):
                if f in ch.set_flags:
                    setters.append(f'choice {i} on "{c.title}" sets {f}')
    text = re.sub(r"\band\b", "and", text)
    note = f"Follow-on card. Deal it only if {text}."
    if setters:
        note += " (" + "; ".join(dict.fromkeys(setters)) + ".)"
    return note


def build_face(deck: Deck, card: Card, index: int, band_colour: Colour | None,
               band_label: str) -> Face:
    classic = card.theme is not None
    right = str(card.number) if classic and card.number is not None else f"No. {index}"
    blocks: list[Block] = []
    follow = condition_words(deck, card)
    if follow:
        blocks.append(Block(follow, "I", 0.85, "muted", gap=0.6))
    blocks.append(Block(card.words, "", 1.0, "ink", gap=1.0))
    if card.voice:
        blocks.append(Block(VOICE_HEAD, "B", 0.85, "accent"))
        blocks.append(Block(card.voice, "I", 0.95, "ink", gap=0.3))
    if card.discuss:
        blocks.append(Block(DISCUSS_HEAD, "B", 0.85, "accent"))
        blocks.append(Block(card.discuss, "", 0.95, "ink", gap=0.3))
    if card.choices:
        blocks.append(Block("What does the adult do?", "B", 0.85, "accent"))
        for i, ch in enumerate(card.choices, 1):
            blocks.append(Block(f"{i}. {ch.label}", "", 0.95, "ink", gap=0.6))
        blocks.append(Block(f"Responses: see the response booklet, No. {index}.", "I", 0.85,
                            "muted"))
    return Face(card, band_label, right, band_colour, card.title, blocks, card.image)


def wrap(pdf, text: str, width: float) -> list[str]:
    """Break `text` into lines no wider than `width` mm in the pdf's current font.

    Greedy, at spaces, like fpdf2's multi_cell, but about ten times faster: word widths are
    measured once per font and size (fpdf2's own breaker measures every character of every
    candidate line, which made a 50-card deck take half a minute). A word wider than the line
    is split between letters, so nothing is ever cut off."""
    key = (pdf.font_family, pdf.font_style, pdf.font_size_pt)
    cache = _WIDTHS.setdefault(key, {})

    def w(word: str) -> float:
        if word not in cache:
            cache[word] = pdf.get_string_width(word)
        return cache[word]

    space = w(" ")
    lines: list[str] = []
    for para in text.split("\n"):
        line, lw = "", 0.0
        for word in para.split():
            ww = w(word)
            while ww > width:  # a word longer than the line: split it between letters
                if line:
                    lines.append(line)
                    line, lw = "", 0.0
                cut = len(word) - 1
                while cut > 1 and w(word[:cut]) > width:
                    cut -= 1
                lines.append(word[:cut])
                word = word[cut:]
                ww = w(word)
            if line and lw + space + ww > width:
                lines.append(line)
                line, lw = "", 0.0
            line, lw = (f"{line} {word}", lw + space + ww) if line else (word, ww)
        lines.append(line)
    return lines


_WIDTHS: dict[tuple, dict[str, float]] = {}


class FaceSetter:
    """Sets faces into card-sized boxes on an fpdf2 page (fonts "Atkinson" "", "B", "I")."""

    def __init__(self, pdf, card_mm: tuple[float, float], palette: dict[str, Colour],
                 picture: Callable[[str | None, float, float], str | None],
                 sizes: dict[bool, tuple[tuple[float, ...], float]]):
        self.pdf = pdf
        self.w, self.h = card_mm
        self.palette = palette
        self.picture = picture  # (path, w mm, h mm) -> an image file to place, or None
        self.sizes = sizes  # classic card or not -> (body sizes to try, picture cap in mm)

    # -- measuring -------------------------------------------------------------------------
    def lines(self, blocks: list[Block], size: float, width: float) -> list[Line]:
        out: list[Line] = []
        for i, b in enumerate(blocks):
            s = max(FLOOR_PT, size * b.scale)
            self.pdf.set_font("Atkinson", b.style, s)
            first = True
            for t in wrap(self.pdf, b.text, width - b.indent) or [""]:
                out.append(Line(t, b.style, s, b.colour, b.gap if first else 0.0, i))
                first = False
        return out

    def title_lines(self, title: str, width: float) -> list[Line]:
        for s in (12.0, 11.0, 10.0, 9.0, FLOOR_PT):
            self.pdf.set_font("Atkinson", "B", s)
            ls = wrap(self.pdf, title, width)
            if len(ls) <= 2 or s == FLOOR_PT:
                return [Line(t, "B", s, "accent") for t in ls]
        return []

    # -- fitting ---------------------------------------------------------------------------
    def fit(self, face: Face) -> tuple[list[Line], float, float, list[Line]]:
        """(lines on this face, body pt, picture mm, lines left over for a continuation)."""
        inner_w = self.w - 2 * PAD
        room = self.h - 2 * PAD - (BAND_H + 1.5 if face.band_label else 0)
        room -= sum(t.height for t in self.title_lines(face.title, inner_w)) + 1.0
        pic_min = PIC_MIN + 1.5 if face.picture is not None else 0.0
        sizes, pic_max = self.sizes[face.card.theme is not None]
        for size in sizes:
            ls = self.lines(face.blocks, size, inner_w)
            need = sum(t.height + t.gap for t in ls)
            if need + pic_min <= room:
                pic = 0.0
                if face.picture is not None:
                    pic = min(pic_max, room - need - 1.5)
                return ls, size, pic, []
        ls = self.lines(face.blocks, FLOOR_PT, inner_w)
        avail = room - pic_min
        used, cut = 0.0, 0
        while cut < len(ls) and used + ls[cut].height + ls[cut].gap <= avail:
            used += ls[cut].height + ls[cut].gap
            cut += 1
        pic = PIC_MIN if face.picture is not None else 0.0
        return ls[:cut], FLOOR_PT, pic, ls[cut:]

    # -- drawing ---------------------------------------------------------------------------
    def draw(self, face: Face, x: float, y: float) -> list[Line]:
        """Draw `face` with its top-left corner at (x, y); returns lines that did not fit."""
        pdf = self.pdf
        lines, _size, pic_h, rest = self.fit(face)
        pdf.set_draw_color(*self.palette["edge"])
        pdf.set_fill_color(*self.palette["paper"])
        pdf.set_line_width(0.3)
        pdf.rect(x + 0.6, y + 0.6, self.w - 1.2, self.h - 1.2, style="DF", round_corners=True,
                 corner_radius=2.5)
        cx, cy, cw = x + PAD, y + PAD, self.w - 2 * PAD
        if face.band_label:
            fill = face.band_colour or self.palette["accent"]
            pdf.set_fill_color(*fill)
            pdf.rect(cx, cy, cw, BAND_H, style="F", round_corners=True, corner_radius=1.5)
            pdf.set_text_color(*_text_on(fill, self.palette))
            pdf.set_font("Atkinson", "B", 9)
            pdf.set_xy(cx + 1.5, cy)
            pdf.cell(cw - 3, BAND_H, face.band_label, align="L")
            pdf.set_xy(cx + 1.5, cy)
            pdf.cell(cw - 3, BAND_H, face.band_right, align="R")
            cy += BAND_H + 1.5
        bottom = y + self.h - PAD
        if face.picture is not None and pic_h > 0:
            img = self.picture(face.picture, cw, pic_h)
            if img:
                pdf.image(img, cx, cy, cw, pic_h)
            cy += pic_h + 1.5
        for t in self.title_lines(face.title + (" (continued)" if face.continued else ""), cw):
            self._line(t, cx, cy, cw)
            cy += t.height
        cy += 1.0
        # share spare room between the blocks so the card never has an empty bottom
        spare = bottom - cy - sum(t.height + t.gap for t in lines)
        starts = sum(1 for t in lines if t.gap > 0) or 1
        extra = max(0.0, min(spare / starts, 3.0)) if not rest else 0.0
        for t in lines:
            cy += t.gap + (extra if t.gap > 0 else 0.0)
            self._line(t, cx, cy, cw)
            cy += t.height
        return rest

    def _line(self, t: Line, x: float, y: float, w: float) -> None:
        self.pdf.set_font("Atkinson", t.style, t.size)
        self.pdf.set_text_color(*self.palette[t.colour])
        self.pdf.set_xy(x, y)
        self.pdf.cell(w, t.height, t.text, align="L")


def continuation(face: Face, rest: list[Line]) -> Face:
    """A face with no picture for the words that did not fit, block by block as written."""
    blocks: list[Block] = []
    seen: dict[int, Block] = {}
    for t in rest:
        if t.block in seen:
            seen[t.block].text += " " + t.text
            continue
        b = face.blocks[t.block]
        seen[t.block] = Block(t.text, b.style, b.scale, b.colour, b.gap if t.gap else 0.6,
                              b.indent)
        blocks.append(seen[t.block])
    return Face(face.card, face.band_label, face.band_right, face.band_colour, face.title,
                blocks, None, continued=True)


def _text_on(fill: Colour, palette: dict[str, Colour]) -> Colour:
    from cardsdealt.render.theme import contrast_ratio

    return max((palette["paper"], palette["ink"]), key=lambda c: contrast_ratio(c, fill))

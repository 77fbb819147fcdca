"""Stacking several pieces of text in one column (a response, what changed, a question),
all shrunk together until they fit, so no piece steals the space of another."""

from __future__ import annotations

from dataclasses import dataclass

from pygame import Rect

from cardsdealt.render import text as T
from cardsdealt.render.text import Fitted, draw_fitted, fit


@dataclass(frozen=True)
class Block:
    text: str
    style: str = "regular"
    px: float = 36  # design px at 1080p
    min_px: float = 24
    colour: str = "ink"  # a Theme attribute name
    gap: float = 20  # design px below this block


def stack(blocks: list[Block], box: tuple[int, int], u: float) -> list[Fitted]:
    """Fit every block at one common scale (from the text size setting, 1 as usual, down to
    each block's floor)."""
    blocks = [b for b in blocks if b.text.strip()]
    w, h = box
    scale = T.text_scale()
    while True:
        out = []
        total = 0
        for b in blocks:
            px = max(round(b.min_px * u), round(b.px * u * scale))
            f = fit(b.text.strip(), b.style, (w, 100_000), px, px, exact=True)
            out.append(f)
            total += f.height + round(b.gap * u)
        if blocks:
            total -= round(blocks[-1].gap * u)
        if total <= h or scale <= 0.5:
            return out
        scale -= 0.05


def draw_stack(surface, blocks: list[Block], rect: Rect, u: float, theme,
               valign: str = "top") -> int:
    """Draw the blocks from the top of `rect`, clipped to it. Returns the height used."""
    blocks = [b for b in blocks if b.text.strip()]
    fitted = stack(blocks, rect.size, u)
    total = sum(f.height + round(b.gap * u) for f, b in zip(fitted, blocks, strict=False))
    if T.probe is not None and total - (round(blocks[-1].gap * u) if blocks else 0) > rect.h:
        T.probe.overflow("clipped", " ".join(b.text for b in blocks), 0)
    y = rect.y + (max(0, rect.h - total) // 2 if valign == "middle" else 0)
    for f, b in zip(fitted, blocks, strict=False):
        r = Rect(rect.x, y, rect.w, max(0, min(f.height, rect.bottom - y)))
        if r.h > 0:
            draw_fitted(surface, f, r, getattr(theme, b.colour))
        y += f.height + round(b.gap * u)
    return total


def stack_overflows(blocks: list[Block], box: tuple[int, int], u: float) -> bool:
    blocks = [b for b in blocks if b.text.strip()]
    fitted = stack(blocks, box, u)
    total = sum(f.height + round(b.gap * u) for f, b in zip(fitted, blocks, strict=False)) \
        - (round(blocks[-1].gap * u) if blocks else 0)
    return total > box[1]


def note_blocks(notes: str, voice: str = "", discuss: str = "", end_gap: int = 0) \
        -> list[Block]:
    """A card's facilitator notes, then what young people want known and the question to
    talk about (the notes overlay, and the presenter window's larger notes)."""
    blocks = [Block(notes or "This card has no facilitator notes.", "regular", 40, 26, "ink",
                    30)]
    if voice:
        blocks += [Block("What we want you to know", "bold", 34, 24, "accent", 10),
                   Block(voice, "italic", 38, 26, "ink", 30)]
    if discuss:
        blocks += [Block("Talk about it", "bold", 34, 24, "accent", 10),
                   Block(discuss, "regular", 36, 24, "ink", end_gap)]
    return blocks

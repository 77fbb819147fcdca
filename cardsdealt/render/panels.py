"""The text panels of the table, laid out without drawing: the journey's choices beside the
card (`choice_layout`), what a choice brought back (`response_blocks`, with `change_words`)
and the classic game's discussion (`discussion_blocks`). The scenes draw these and
`fits.card_fit_problems` (the window's overflow test and `cardsdealt check`) measures them,
so what is checked is what is shown.
"""

from __future__ import annotations

from pygame import Rect

from cardsdealt.render.blocks import Block
from cardsdealt.render.text import fit, font, scaled, text_cache

CHOICE_MAX, CHOICE_MIN = 40, 28


@text_cache(maxsize=64)
def choice_layout(panel_rect: tuple, u: float, labels: tuple[str, ...]) -> tuple:
    """Rects and fitted labels for the choices, all at one size, stacked in the panel."""
    x, y, w, h = panel_rect
    head_h = max(round(70 * u), font("bold", scaled(44 * u)).get_height() + round(14 * u))
    gap = round(22 * u)
    pad = round(20 * u)
    text_x = round(92 * u)
    avail = h - head_h - round(110 * u)  # room for two lines of key hints under them
    px = scaled(CHOICE_MAX * u)  # the text size setting starts larger, then shrinks to fit
    while True:
        fits = [fit(lab, "regular", (w - text_x - pad, 100_000), px, px, exact=True)
                for lab in labels]
        heights = [max(f.height + 2 * pad, round(84 * u)) for f in fits]
        total = sum(heights) + gap * (len(labels) - 1)
        if total <= avail or px <= round(CHOICE_MIN * u):
            break
        px -= max(1, px // 16)
    rects, top = [], y + head_h
    for hh in heights:
        rects.append(Rect(x, top, w, hh))
        top += hh + gap
    return tuple(rects), tuple(fits), total > avail


def response_blocks(chose: str, response: str, changes: list[str], discuss: str,
                    voice: str) -> list[Block]:
    blocks = [Block("You chose: " + chose, "regular", 30, 22, "muted", 18)]
    if response:
        blocks.append(Block(f"“{response}”", "italic", 48, 34, "ink", 26))
    if changes:
        blocks.append(Block("\n".join(changes), "bold", 32, 22, "ink", 26))
    if discuss:
        blocks.append(Block("Talk about it: " + discuss, "regular", 34, 22, "accent", 18))
    if voice:
        blocks.append(Block("What we want you to know: " + voice, "regular", 30, 22, "muted", 0))
    return blocks


def change_words(deck, before: dict, after: dict) -> list[str]:
    out = []
    for st in deck.stats:
        d = after.get(st.id, 0) - before.get(st.id, 0)
        if d:
            way = "up" if d > 0 else "down"
            out.append(f"{st.label} went {way} by {abs(d)}: now {after[st.id]} of {st.max}")
    return out


def discussion_blocks(card) -> tuple[list[Block], list[Block]]:
    talk = [Block("Talk about it", "bold", 34, 24, "accent", 14),
            Block(card.discuss or "What is this card saying to you?", "bold", 46, 30, "ink", 0)]
    voice = [Block("What we want you to know", "bold", 34, 24, "accent", 14),
             Block(card.voice, "italic", 42, 28, "ink", 0)] if card.voice else []
    return talk, voice

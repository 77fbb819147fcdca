"""The text panels of the table, laid out without drawing: the whole journey table at the
chosen text size (`journey_arrangement`: how wide the card, how big its words, the room's
question and the choices beside it, how many rows of meters), the choices alone
(`choice_layout`), what a choice brought back (`response_blocks`, with `change_words`)
and the classic game's discussion (`discussion_blocks`). The scenes draw these and
`fits.card_fit_problems` (the window's overflow test and `cardsdealt check`) measures them,
so what is checked is what is shown.

Larger text sizes make the main texts larger, not only their upper limit: the table gives
them room (the card narrower, its picture smaller, the meters in more rows) until the card's
words, the choices and the question are each at least `text.growth()` times their size at
the usual text size (1.41 at the largest), and never smaller than there.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from pygame import Rect

from cardsdealt.deck.credits import VOICE_HEADINGS
from cardsdealt.render import layout as L
from cardsdealt.render.blocks import Block
from cardsdealt.render.card_view import FaceLayout, journey_face_layout
from cardsdealt.render.draw import METER_H, meter_rows
from cardsdealt.render.text import (
    SIZE_STEPS,
    Fitted,
    fit,
    font,
    growth,
    text_cache,
    text_scale,
)

# design px at 1080p: the choices are read from the back of the room (at 44 px and over a
# 1080p screen shrunk to a quarter still reads them, as a far seat does)
CHOICE_MAX, CHOICE_MIN = 44, 28
CHOICE_GOAL = 40  # at the usual text size the card gives up width until choices are this big
CHOICE_GOAL_TIMER = 34  # (the smaller goal that still leaves room for a large timer)
TALK_MAX, TALK_MIN, TALK_BOX = 44, 24, 150  # the room's question above the choices
TALK_GOAL = 40


@text_cache(maxsize=64)
def choice_layout(panel_rect: tuple, u: float, labels: tuple[str, ...], floor: int = 0,
                  scale: float = 0.0) -> tuple:
    """Rects and fitted labels for the choices, all at one size, stacked in the panel: the
    largest size that fits, from the text size's own down to the usual floor; or, given a
    `floor` (real px), at that size. `scale`: the text size (0: the one chosen)."""
    s = scale or text_scale()
    x, y, w, h = panel_rect
    head_h = max(round(70 * u), font("bold", max(6, round(round(44 * u) * s))).get_height()
                 + round(14 * u))
    gap = round(22 * u)
    pad = round(20 * u)
    text_x = round(92 * u)
    avail = h - head_h - round(110 * u)  # room for two lines of key hints under them
    # the text size starts larger and shrinks to fit; with a floor they are drawn at it (as
    # large as the text size asks: a larger one now would leave a larger size less room)
    low = max(floor, round(CHOICE_MIN * u))
    px = low if floor else max(6, round(CHOICE_MAX * u * s))
    while True:
        fits = [fit(lab, "regular", (max(1, w - text_x - pad), 100_000), px, px, exact=True)
                for lab in labels]
        heights = [max(f.height + 2 * pad, round(84 * u)) for f in fits]
        total = sum(heights) + gap * (len(labels) - 1)
        if total <= avail or px <= low:
            break
        px = max(low, px - max(1, px // 16))
    rects, top = [], y + head_h
    for hh in heights:
        rects.append(Rect(x, top, w, hh))
        top += hh + gap
    return tuple(rects), tuple(fits), total > avail


def response_blocks(chose: str, response: str, changes: list[str], discuss: str,
                    voice: str, heading: str = VOICE_HEADINGS["contributors"]) -> list[Block]:
    blocks = [Block("You chose: " + chose, "regular", 30, 22, "muted", 18)]
    if response:
        blocks.append(Block(f"“{response}”", "italic", 48, 34, "ink", 26))
    if changes:
        blocks.append(Block("\n".join(changes), "bold", 32, 22, "ink", 26))
    if discuss:
        blocks.append(Block("Talk about it: " + discuss, "regular", 44, 24, "accent", 18))
    if voice:
        blocks.append(Block(f"{heading}: " + voice, "regular", 42, 24, "muted", 0))
    return blocks


def change_words(deck, before: dict, after: dict) -> list[str]:
    out = []
    for st in deck.stats:
        d = after.get(st.id, 0) - before.get(st.id, 0)
        if d:
            way = "up" if d > 0 else "down"
            out.append(f"{st.label} went {way} by {abs(d)}: now {after[st.id]} of {st.max}")
    return out


def discussion_blocks(card, heading: str = VOICE_HEADINGS["contributors"]) \
        -> tuple[list[Block], list[Block]]:
    talk = [Block("Talk about it", "bold", 34, 24, "accent", 14),
            Block(card.discuss or "What is this card saying to you?", "bold", 46, 30, "ink", 0)]
    voice = [Block(heading, "bold", 34, 24, "accent", 14),
             Block(card.voice, "italic", 42, 28, "ink", 0)] if card.voice else []
    return talk, voice


def talk_first(discuss: str, w: int, u: float, floor: int = 0,
               scale: float = 0.0) -> tuple[Fitted | None, int]:
    """The card's question for the room, above the choices (the introduction asks the group
    to talk first): its fitted words and the height it takes with the gap under it."""
    if not discuss:
        return None, 0
    s = scale or text_scale()
    box_h = round(TALK_BOX * u * (1 + (s - 1) * 0.8))
    # with a floor it is drawn at that size: it grows with the text size as asked, and leaves
    # the rest of the column to the choices
    f = fit("Talk about it first: " + discuss, "regular", (w, box_h),
            floor or round(TALK_MAX * u * s), max(floor, round(TALK_MIN * u)), exact=True)
    return f, min(f.height, box_h) + round(22 * u)


@dataclass(frozen=True)
class Arrangement:
    """The journey table at one text size: where things go and how big their words are."""

    table: L.JourneyTable
    face: FaceLayout
    talk: Fitted | None
    talk_h: int
    choice_panel: Rect  # under the room's question (narrowed for the hands' tally)
    choices: tuple  # choice_layout's answer: rects, fitted labels, overflow
    scale: float  # the text size it was made for (the size below's, when this one's failed)
    share: float  # of the body the card takes
    timer: tuple[int, int]  # px the timer takes: (from the meters' row, under the choices)

    @property
    def fits(self) -> bool:
        return not (self.face.text.overflow or self.choices[2]
                    or (self.talk is not None and self.talk.overflow))

    def sizes(self) -> tuple[int, int, int]:
        """The real px of the card's words, the choices and the question."""
        return (self.face.text.px, self.choices[1][0].px if self.choices[1] else 0,
                self.talk.px if self.talk is not None else 0)


def _arrange(size: tuple[int, int], stats: tuple[tuple[str, str], ...], title: str,
             words: str, labels: tuple[str, ...], discuss: str, narrow: int,
             timer: tuple[int, int], scale: float, share: float,
             floors: tuple[int, int, int]) -> Arrangement:
    """`timer`: (px it takes from the meters' row, px it takes under the choices)."""
    m = L.metrics(size)
    u = m.u
    footer = 56.0
    if stats:
        cols, row_h, _ = meter_rows(stats, m.w - 2 * m.margin - timer[0], u, scale)
        rows = -(-len(stats) // cols)
        extra = rows * row_h - round(METER_H * u)
        footer = 130.0 + (extra / u if extra > 0 else 0)
    t = L.journey_table(size, bool(stats), share, footer)
    face = journey_face_layout(t.card.size, u, title, words, floor=floors[0], scale=scale)
    talk, talk_h = talk_first(discuss, t.panel.w, u, floors[2], scale)
    p = Rect(t.panel.x, t.panel.y + talk_h, t.panel.w - narrow, t.panel.h - talk_h)
    ch = choice_layout((p.x, p.y, p.w, p.h - timer[1]), u, labels, floors[1], scale)
    return Arrangement(t, face, talk, talk_h, p, ch, scale, share, timer)


@text_cache(maxsize=32)
def journey_arrangement(size: tuple[int, int], stats: tuple[tuple[str, str], ...], title: str,
                        words: str, labels: tuple[str, ...], discuss: str = "",
                        narrow: int = 0, timer_w: int = 0, timer_h: int = 0) -> Arrangement:
    """The journey table for one card at the chosen text size. `stats`: (label, widest
    figure) of each meter; `narrow`: px the choices leave at their right (the hands'
    tally); a discussion timer, if shown, goes large under the choices (`timer_h` px) where
    that leaves the choices their size, else into the meters' row (`timer_w` px).

    At the usual size the card takes the widest share that leaves the choices their goal
    size. At each larger size in turn the card's words and the choices are first asked to be
    `growth()` times their usual size (the question above the choices, which has less room
    to give, its square root), then no smaller than at the size below; the card gives up
    width (and its picture height) until they fit."""
    m = L.metrics(size)
    shares = (0.46, 0.42, 0.38, 0.34) if m.portrait else (0.52, 0.48, 0.44, 0.40, 0.36)
    head = (size, stats, title, words, labels, discuss, narrow)
    modes = [head + ((0, timer_h),), head + ((timer_w, 0),)] if timer_w else [head + ((0, 0),)]
    goal = (0, round(CHOICE_GOAL * m.u), round(TALK_GOAL * m.u))
    least = (0, 0, round(TALK_MIN * m.u))  # a long card: the question at its smallest
    fallback = _arrange(*modes[-1], 1.0, shares[0], least)
    # a timer is large under the choices if they keep at least a smaller goal there (read
    # from the back of the room, it is worth a few px of the choices), else beside the meters
    if not timer_w:
        base = _first_fit(modes, 1.0, shares, (goal, least), fallback)
    else:
        low = (0, round(CHOICE_GOAL_TIMER * m.u), goal[2])
        base = _first_fit(modes[:1], 1.0, shares, (goal, low), _first_fit(
            modes[1:], 1.0, shares, (goal, least), _first_fit(modes[:1], 1.0, shares, (least,),
                                                              fallback)))
    # that card: the choices as large as fit, the question at its size (not larger: room is
    # left for it to grow at larger text sizes)
    base = _arrange(*head, base.timer, 1.0, base.share, (0, 0, base.sizes()[2]))
    s = text_scale()
    prev = base
    # each text size in turn, so that no size draws a main text smaller than the size below
    for step in [x for x in SIZE_STEPS if 1.0 < x < s] + ([s] if s > 1.0 else []):
        low = prev.sizes()
        grown = tuple(max(math.ceil(px * growth(step) ** share), p)  # the room's question
                      for px, p, share in zip(base.sizes(), low, (1, 1, 0.5), strict=True))
        prev = _first_fit(modes, step, shares, (grown, (grown[0], grown[1], low[2]),
                                                (low[0], grown[1], grown[2]),
                                                (low[0], grown[1], low[2]), low), prev)
        prev = _grow_words(head, prev, grown[0])
    return prev


def _grow_words(head: tuple, a: Arrangement, goal: int) -> Arrangement:
    """`a` with the card's words as large as its card holds, up to `goal` px, all else as it
    is. A long card beside long choices (Kai's first night at 1280x720) found no table at the
    larger text sizes that kept the choices their size, and kept the size below's words; the
    card itself has room for larger words (its picture gives way): 38 -> 46 px there."""
    have, choices, talk = a.sizes()
    lo, hi, best = have + 1, goal, a
    while lo <= hi:  # larger words never fit where smaller ones did not
        mid = (lo + hi) // 2
        b = _arrange(*head, a.timer, a.scale, a.share, (mid, choices, talk))  # type: ignore[call-arg]
        if b.fits:
            best, lo = b, mid + 1
        else:
            hi = mid - 1
    return best


def _first_fit(modes: list[tuple], scale: float, shares: tuple[float, ...],
               floors: tuple[tuple[int, ...], ...], otherwise: Arrangement) -> Arrangement:
    """The first arrangement that fits, trying each set of floors with each place for the
    timer and the card at each share, widest first; if none does, `otherwise` (the size
    below's: at this text size the table's words stay as large as they were)."""
    for fl in floors:
        for args in modes:
            for share in shares:
                a = _arrange(*args, scale, share, fl)  # type: ignore[call-arg]
                if a.fits:
                    return a
    return otherwise

"""Where things go, computed from the window size every time it is asked.

Sizes are written for a 1920x1080 screen and multiplied by `u`, so a 1280x720 window gets the
same picture at two thirds and a 4K projector gets it doubled. A portrait window (taller than
wide: a phone-shaped screen, a rotated display) is measured against 1080x1920 instead, so its
text is as large as on the landscape screen of the same width-by-height, and the table
stacks: the card on top, the choices under it. Functions here are pure and cached by size:
a resize asks again and gets a new answer. Nothing here draws.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from pygame import Rect

MIN_SIZE = (320, 240)


@dataclass(frozen=True)
class Metrics:
    w: int
    h: int
    u: float  # 1.0 at 1920x1080

    @property
    def portrait(self) -> bool:
        return self.h > self.w

    def px(self, v: float) -> int:
        """A design size (at 1080p) in pixels at this window size, never below 1."""
        return max(1, round(v * self.u))

    @property
    def margin(self) -> int:
        return self.px(40)

    @property
    def screen(self) -> Rect:
        return Rect(0, 0, self.w, self.h)


@lru_cache(maxsize=32)
def metrics(size: tuple[int, int]) -> Metrics:
    w, h = max(MIN_SIZE[0], size[0]), max(MIN_SIZE[1], size[1])
    if h > w:  # portrait: the design screen stands on its end
        return Metrics(w, h, min(w / 1080, h / 1920))
    return Metrics(w, h, min(w / 1920, h / 1080))


@dataclass(frozen=True)
class Frame:
    """The three bands every table screen shares."""

    header: Rect
    body: Rect
    footer: Rect


@lru_cache(maxsize=32)
def frame(size: tuple[int, int], footer: float = 120) -> Frame:
    m = metrics(size)
    g = m.margin
    header = Rect(g, m.px(16), m.w - 2 * g, m.px(84))
    fh = m.px(footer)
    footer_r = Rect(g, m.h - fh - m.px(12), m.w - 2 * g, fh)
    body = Rect(g, header.bottom + m.px(8), m.w - 2 * g, footer_r.y - header.bottom - m.px(24))
    return Frame(header, body, footer_r)


# -- journey -----------------------------------------------------------------------------

@dataclass(frozen=True)
class JourneyTable:
    card: Rect  # the card on the table
    panel: Rect  # choices, or the response after choosing
    meters: Rect  # stats, along the bottom
    header: Rect


CARD_SHARE = 0.54  # of the body's width (landscape) the card takes; the choices the rest
CARD_SHARE_PORTRAIT = 0.46  # of the body's height (portrait): the card on top


@lru_cache(maxsize=128)
def journey_table(size: tuple[int, int], has_stats: bool = True, card_share: float = 0.0,
                  footer: float = 0.0) -> JourneyTable:
    """`card_share`: the part of the body the card takes (0: the usual); `footer`: the
    footer's height in design px (0: the usual, room for one row of meters)."""
    m = metrics(size)
    fr = frame(size, footer or (130 if has_stats else 56))
    body = fr.body
    gap = m.px(44)
    if m.portrait:
        card_h = round(body.h * (card_share or CARD_SHARE_PORTRAIT))
        card = Rect(body.x, body.y, body.w, card_h)
        panel = Rect(body.x, card.bottom + gap, body.w, body.bottom - card.bottom - gap)
        return JourneyTable(card, panel, fr.footer, fr.header)
    card_w = round(body.w * (card_share or CARD_SHARE))
    card = Rect(body.x, body.y, card_w, body.h)
    panel = Rect(card.right + gap, body.y, body.right - card.right - gap, body.h)
    return JourneyTable(card, panel, fr.footer, fr.header)


@dataclass(frozen=True)
class CardFace:
    """Inside one card: picture on top, title, then the words."""

    picture: Rect
    title: Rect
    text: Rect
    band: Rect  # a thin strip at the very top (theme colour / stage), may be empty


PICTURE_SHARES = (0.40, 0.32, 0.24)  # tried in turn until the words fit


def card_face(card: Rect, u: float, picture_share: float, band: bool = False,
              title_h: float = 58) -> CardFace:
    pad = max(4, round(34 * u))
    inner = card.inflate(-2 * pad, -2 * pad)
    band_h = round(44 * u) if band else 0
    band_r = Rect(inner.x, inner.y, inner.w, band_h)
    top = inner.y + (band_h + round(14 * u) if band else 0)
    pic_h = round((inner.bottom - top) * picture_share)
    picture = Rect(inner.x, top, inner.w, pic_h)
    title_top = picture.bottom + (round(22 * u) if pic_h else 0)
    title = Rect(inner.x, title_top, inner.w, round(title_h * u))
    text = Rect(inner.x, title.bottom + round(14 * u), inner.w,
                max(1, inner.bottom - title.bottom - round(14 * u)))
    return CardFace(picture, title, text, band_r)


def card_face_side(card: Rect, u: float, band: bool = True, title_h: float = 58) -> CardFace:
    """A wide card (classic top card): band on top, picture on the left, words on the right."""
    pad = max(4, round(34 * u))
    inner = card.inflate(-2 * pad, -2 * pad)
    band_h = round(52 * u) if band else 0
    band_r = Rect(inner.x, inner.y, inner.w, band_h)
    top = inner.y + band_h + round(20 * u)
    pic_side = min(inner.bottom - top, round(inner.w * 0.32))
    picture = Rect(inner.x, top, pic_side, pic_side)
    x = picture.right + round(30 * u)
    title = Rect(x, top, inner.right - x, round(title_h * u))
    text = Rect(x, title.bottom + round(12 * u), inner.right - x,
                max(1, inner.bottom - title.bottom - round(12 * u)))
    return CardFace(picture, title, text, band_r)


# -- classic -----------------------------------------------------------------------------

@dataclass(frozen=True)
class ClassicTable:
    top_card: Rect
    side: Rect  # teams, hints (or the timer while discussing)
    hand: Rect  # the current team's cards (or the discussion words)
    header: Rect
    pile: Rect  # where the draw pile sits (the deal animation starts there)


@lru_cache(maxsize=32)
def classic_table(size: tuple[int, int]) -> ClassicTable:
    m = metrics(size)
    fr = frame(size, 48)
    body = fr.body
    if m.portrait:  # the top card across the width, the side column under it, then the hand
        top_card = Rect(body.x, body.y, body.w, round(body.h * 0.36))
        gap = m.px(28)
        side = Rect(body.x, top_card.bottom + gap, body.w, round(body.h * 0.16))
        hand_y = side.bottom + gap
        hand = Rect(body.x, hand_y, body.w, body.bottom - hand_y)
        pile = Rect(side.right - m.px(150), side.y, m.px(150), min(side.h, m.px(200)))
        return ClassicTable(top_card, side, hand, fr.header, pile)
    top_h = round(body.h * 0.56)
    top_w = round(body.w * 0.60)
    top_card = Rect(body.x, body.y, top_w, top_h)
    gap = m.px(40)
    side = Rect(top_card.right + gap, body.y, body.right - top_card.right - gap, top_h)
    hand_y = top_card.bottom + m.px(28)
    hand = Rect(body.x, hand_y, body.w, body.bottom - hand_y)
    pile = Rect(side.right - m.px(150), side.y, m.px(150), m.px(200))
    return ClassicTable(top_card, side, hand, fr.header, pile)


def hand_slots(hand: Rect, n: int, u: float) -> list[Rect]:
    """Places for `n` cards in the hand area: one row up to 7, then more rows; never
    narrower than 180 design px (a portrait window: fewer to a row, more rows)."""
    if n <= 0:
        return []
    gap = max(2, round(18 * u))
    per_row = max(7, -(-n // 3)) if n > 7 else max(n, 5)
    per_row = max(1, min(per_row, (hand.w + gap) // (round(180 * u) + gap)))
    rows = -(-n // per_row)
    w = (hand.w - gap * (per_row - 1)) // per_row
    h = (hand.h - gap * (rows - 1)) // rows
    slots = []
    for i in range(n):
        r, c = divmod(i, per_row)
        slots.append(Rect(hand.x + c * (w + gap), hand.y + r * (h + gap), w, h))
    return slots


@dataclass(frozen=True)
class Discussion:
    discuss: Rect
    voice: Rect


def discussion_boxes(hand: Rect, u: float) -> Discussion:
    gap = round(36 * u)
    half = (hand.w - gap) // 2
    return Discussion(Rect(hand.x, hand.y, half, hand.h),
                      Rect(hand.x + half + gap, hand.y, hand.w - half - gap, hand.h))

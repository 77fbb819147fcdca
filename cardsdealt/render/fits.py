"""Does every piece of a card's text fit on screen? The same layout functions the scenes draw
with, asked without drawing. Used by the test that renders every card of every shipped deck,
and useful to deck authors ("cardsdealt check" may call it later)."""

from __future__ import annotations

from pygame import Rect

from cardsdealt.deck.credits import voice_heading
from cardsdealt.deck.model import Card, Deck
from cardsdealt.render import layout as L
from cardsdealt.render.blocks import stack_overflows
from cardsdealt.render.card_view import (
    STATEMENT_MIN,
    classic_face_layout,
    hand_card_layout,
)


def card_fit_problems(deck: Deck, card: Card, size: tuple[int, int]) -> list[str]:
    """What would overflow its box for this card at this window size ([] when all fits)."""
    m = L.metrics(size)
    out: list[str] = []
    if card.choices or card.text:
        out += _journey(deck, card, size, m)
    if card.statement or card.theme:
        out += _classic(card, size, m)
    return out


def _check(out: list[str], what: str, fitted, floor: int | None = None) -> None:
    if fitted.overflow:
        out.append(f"{what} does not fit (even at {fitted.px} px)")
    elif floor is not None and fitted.px < floor:
        out.append(f"{what} is {fitted.px} px, below {floor} px")


def _journey(deck: Deck, card: Card, size, m) -> list[str]:
    from cardsdealt.render.draw import meter_figure
    from cardsdealt.render.panels import journey_arrangement, response_blocks

    out: list[str] = []
    labels = tuple(c.label for c in card.choices)
    stats = tuple((st.label, meter_figure(st.max, st.min, st.max)) for st in deck.stats)
    a = journey_arrangement(size, stats, card.title, card.words, labels, card.discuss or "")
    g, lay = a.table, a.face
    _check(out, "title", lay.title)
    _check(out, "text", lay.text, round(STATEMENT_MIN * m.u))
    if labels and a.choices[2]:
        out.append("the choices do not fit beside the card")
    if a.talk is not None and a.talk.overflow:
        out.append("the question for the room does not fit above the choices")
    body = (g.panel.w, g.panel.h - m.px(80))
    for i, c in enumerate(card.choices, 1):
        changes = [f"{s.label} went down by 1: now 0 of {s.max}" for s in deck.stats
                   if s.id in c.effects]
        blocks = response_blocks(c.label, c.response, changes, card.discuss, card.voice,
                                 voice_heading(deck))
        if stack_overflows(blocks, body, m.u):
            out.append(f"the response to choice {i} does not fit")
    return out


def _classic(card: Card, size, m) -> list[str]:
    from cardsdealt.render.panels import discussion_blocks

    out: list[str] = []
    g = L.classic_table(size)
    lay = classic_face_layout(g.top_card.size, m.u, card.title, card.words)
    _check(out, "title", lay.title)
    _check(out, "statement", lay.text, round(STATEMENT_MIN * m.u))
    for n in (7, 12):  # a dealt hand, and a hand that has had to draw
        area = Rect(g.hand.x, g.hand.y, g.hand.w - m.px(300), g.hand.h)
        slot = L.hand_slots(area, n, m.u)[0]
        hl = hand_card_layout(slot.size, m.u, card.title)
        if hl.title.overflow:
            out.append(f"the title on a small card in a hand of {n} does not fit")
    boxes = L.discussion_boxes(Rect(g.hand.x, g.hand.y, g.hand.w, g.hand.h - m.px(60)), m.u)
    talk, voice = discussion_blocks(card, "What young people want you to know")  # longest
    for name, rect, blocks in (("discuss", boxes.discuss, talk), ("voice", boxes.voice, voice)):
        inner = rect.inflate(-m.px(56), -m.px(48))
        if blocks and stack_overflows(blocks, inner.size, m.u):
            out.append(f"the {name} words do not fit while discussing")
    return out

"""The interview preset's rules, shared by both front ends: which cards a candidate is shown,
where the panel is, and how a panel note that was typed but not kept is marked.

A panel shows a candidate a few cards picked at random from a deck (`pick_cards`: the same
cards again with the same seed, so every candidate can see the same ones). The cards picked
and the one on the table are kept beside the game in the session's meta (`place_meta`:
`{"interview": {"cards": [card ids], "at": index}}`), so a resumed interview carries on at
the same card of the same cards (`saved_cards`; `saved_place` is the one reader of what is kept,
`how_far` what the list of sessions shows). A save from before the place was kept starts
again at the first card.
"""

from __future__ import annotations

import random

from cardsdealt.deck.model import Card, Deck

UNFINISHED = " (typed but not kept when the window closed)"  # ends an unfinished panel note


def pick_cards(deck: Deck, seed: int, n: int) -> list[Card]:
    """`n` cards with words, in a random order fixed by `seed`."""
    cards = [c for c in deck.cards if c.words.strip()]
    return random.Random(f"interview:{seed}").sample(cards, max(0, min(n, len(cards))))


def place_meta(cards: list[Card], at: int) -> dict:
    """What the session keeps beside the game: `session.save_meta(**place_meta(...))`."""
    return {"interview": {"cards": [c.id for c in cards], "at": at}}


def saved_place(meta: object) -> tuple[list[object], int] | None:
    """The place a session's meta keeps, as written: (card ids, index of the one on the
    table). None when there is none or it cannot be read (a save from before it was kept, a
    damaged one). The one reader of the place: resuming and the list of sessions use it."""
    place = meta.get("interview") if isinstance(meta, dict) else None
    ids = place.get("cards") if isinstance(place, dict) else None
    at = place.get("at", 0) if isinstance(place, dict) else None
    if not isinstance(ids, list) or not ids or isinstance(at, bool) or not isinstance(at, int):
        return None
    return ids, at


def how_far(meta: object) -> tuple[int, int]:
    """(the card a saved interview is on, counting from 1; how many it shows), read without
    the deck (for the list of sessions); (0, 0) when the save keeps no readable place."""
    place = saved_place(meta)
    if place is None:
        return 0, 0
    ids, at = place
    return min(max(at, 0), len(ids) - 1) + 1, len(ids)


def saved_cards(deck: Deck, meta: object) -> tuple[list[Card], int, int] | None:
    """The cards a saved interview showed and the one it was on: (cards, index, how many of
    its cards the deck no longer has). None when the save keeps no place (a save from before
    it was kept, or one that cannot be read): the interview starts at the first card."""
    place = saved_place(meta)
    if place is None:
        return None
    ids, at = place
    by_id = {c.id: c for c in deck.cards}
    cards: list[Card] = []
    before = 0
    for i, card_id in enumerate(ids):
        card = by_id.get(card_id) if isinstance(card_id, str) else None
        if card is None or card in cards:
            continue
        cards.append(card)
        before += i < at  # a card the deck has lost: carry on at the next one still there
    if not cards:
        return None
    return cards, min(before, len(cards) - 1), len(ids) - len(cards)


def panel_note(text: str, unfinished: bool) -> str:
    """A panel note as the session keeps it: words typed and not kept when the window closed
    are kept too, marked as unfinished, so nothing typed is lost."""
    return text + (UNFINISHED if unfinished else "")

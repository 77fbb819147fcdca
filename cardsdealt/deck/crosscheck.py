"""Checks across a deck's parts, once every file is read: card ids are unique, `next` and
`seen()`/`chose()` name cards that exist (and choices they have), pictures are safe, each
mode has its cards, and no cards keep sending the journey round for ever.

The loader (loader.py) builds each part where it was written; what can only be judged with
the whole deck in hand is here, reported at the line of the card or condition concerned.
"""

from __future__ import annotations

from pathlib import Path

from cardsdealt.deck import images
from cardsdealt.deck.nodes import Names, NodeReader
from cardsdealt.deck.problems import did_you_mean


def cross_check(root: Path, f: NodeReader, entries: list, names: Names,
                complete: bool) -> None:
    """Ids unique, `next` and seen() targets exist, images are safe and sane. When a card
    file could not be read at all (`complete` is False), references to its cards are not
    reported: they would only be echoes of the one real problem."""
    first = _unique_ids(entries)
    journey_ids = {e.card.id for e in entries if e.card.stage}
    pictures: dict[str, tuple[str, str] | None] = {}
    for card, id_node, cf, nexts, img in entries:
        for target, node in nexts:
            if target not in first:
                if complete:
                    hint = did_you_mean(target, first)
                    cf.err(node, f"`next: {target}` points to a card that does not exist",
                           (hint + " " if hint else "") + "Use the `id` of a card in this deck.")
            elif target not in journey_ids:
                cf.err(node, f"`next: {target}` points to a card that is not a journey card")
        if card.requires is not None and complete:
            for cid in [c for c in card.requires.cards if c not in first]:
                cf.err(id_node, f"`requires` of `{card.id}` names the card `{cid}`, which "
                       "does not exist", did_you_mean(cid, first))
        if img is not None and card.image is not None:
            if card.image not in pictures:  # read each picture once, however many cards use it
                pictures[card.image] = images.check(root, card.image)
            msg = pictures[card.image]
            if msg:
                cf.err(img[1], msg[0], msg[1])
    if complete:
        _conditions_name_cards(f, names, first)
    if complete:
        _mode_cards(f, entries, names, names.modes_node)


def _conditions_name_cards(f: NodeReader, names: Names, first: dict) -> None:
    """`seen("x")` and `chose("x", 1)` in deck.yaml (reflections, endings, stages) name cards
    that exist: a journey that waits for a missing card would never end as written."""
    for cond, node, what in names.deck_conditions:
        for cid in sorted(c for c in cond.cards if c not in first):
            f.err(node, f"{what} names the card `{cid}`, which does not exist",
                  did_you_mean(cid, first) or "Use the `id` of a card in this deck.")


def _unique_ids(entries: list) -> dict[str, tuple]:
    """Card id -> (file, id node) of its first card; a second card with the id is reported,
    naming the first one's file and line."""
    first: dict[str, tuple] = {}
    for e in entries:
        if e.card.id in first:
            other_file, other_node = first[e.card.id]
            where = (f"line {other_node.start_mark.line + 1}" if other_file is e.reader
                     else f"{other_file.rel} line {other_node.start_mark.line + 1}")
            e.reader.err(e.id_node, f"two cards have the id `{e.card.id}` (the other is at "
                         f"{where})", "Every card needs its own id: rename one of them.")
        else:
            first[e.card.id] = (e.reader, e.id_node)
    return first


def _mode_cards(f: NodeReader, cards: list, names: Names, where) -> None:
    if not cards or where is None:
        return
    if "journey" in names.modes:
        if not any(e.card.stage for e in cards):
            f.err(where, "this journey deck has no journey cards",
                  "Journey cards have `stage`, `text` and `choices`.")
    if "classic" in names.modes and not any(e.card.theme for e in cards):
        f.err(where, "this classic deck has no classic cards",
              "Classic cards have `theme`, `number` and `statement`.")

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
from cardsdealt.deck.problems import WARNING, Problem, did_you_mean


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
        _endless(entries, first)
        _choice_numbers(f, entries, names, first)
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


def _endless(entries: list, first: dict) -> None:
    """Cards that can only send the journey round for ever: each of their choices has
    `next` to another such card, and none is `once` (a `once` card seen before is not dealt
    again, which lets the journey move on). Found by removing, until none is left to remove,
    every card with a way out; what remains is reported once per group, at its first card."""
    journey = {e.card.id: e for e in entries if e.card.stage and e.card.choices
               and first.get(e.card.id, (None,))[0] is e.reader}
    trap = {cid for cid, e in journey.items()
            if not e.card.once and all(ch.next for ch in e.card.choices)}
    changed = True
    while changed:
        stuck = {cid for cid in trap
                 if all(ch.next in trap for ch in journey[cid].card.choices)}
        changed, trap = stuck != trap, stuck
    done: set[str] = set()
    for e in entries:
        cid = e.card.id
        if cid not in trap or cid in done:
            continue
        path, at = [cid], journey[cid].card.choices[0].next
        while at not in path:
            path.append(at)
            at = journey[at].card.choices[0].next
        path.append(at)
        group, todo = set(), [cid]
        while todo:  # every card of this group, so the group gets one message
            c = todo.pop()
            if c not in group:
                group.add(c)
                todo += [ch.next for ch in journey[c].card.choices]
        done |= group
        shown = " → ".join(f"`{c}`" for c in path)
        e.reader.err(e.id_node, f"these cards send the journey round for ever: {shown} "
                     "(every choice on them has `next` to another of them)",
                     f"Change `once: false` to `once: true` on `{cid}` (then it is dealt "
                     "only once), or give one of its choices no `next:`, so the journey can "
                     "move on.")


def _choice_numbers(f: NodeReader, entries: list, names: Names, first: dict) -> None:
    """`chose("card", 3)` names a choice the card has."""
    cards = {e.card.id: e.card for e in entries}
    conditions = [(cond, node, what, f) for cond, node, what in names.deck_conditions]
    conditions += [(e.card.requires, e.id_node, f"`requires` of `{e.card.id}`", e.reader)
                   for e in entries if e.card.requires is not None]
    for cond, node, what, reader in conditions:
        for cid, n in sorted(cond.chosen):
            card = cards.get(cid)
            if card is None or not card.choices or n <= len(card.choices):
                continue
            reader.err(node, f"{what} asks about choice {n} of `{cid}`, but that card has "
                       f"{len(card.choices)} choices", f"Choices are counted from 1: use a "
                       f"number from 1 to {len(card.choices)}.")


def enough_cards(f: NodeReader, rules, node, entries: list) -> None:
    """A classic table can deal every player `hand_size` cards and turn one up. Too few for
    the fewest players is an error (no game as written); too few for the most is advice."""
    if rules is None or node is None:
        return
    have = sum(1 for e in entries if e.card.theme)
    hand = rules.hand_size
    short = [p for p in range(rules.players_min, rules.players_max + 1) if p * hand + 1 > have]
    if not short or not have:
        return
    p = short[0]
    need = p * hand + 1
    for k, _v in getattr(node, "value", ()) if isinstance(node.value, list) else ():
        if getattr(k, "value", None) == "hand_size":
            node = k  # point at the `hand_size:` line
    what = (f"with {p} players and `hand_size: {hand}`, dealing needs {need} classic cards "
            f"({p} × {hand}, and 1 turned up), but this deck has {have}")
    if p == rules.players_min:
        f.err(node, what, f"Write {need - have} more card{'s' if need - have != 1 else ''}, "
              "or lower `hand_size`.")
        return
    m = node.start_mark
    f.problems.append(Problem(
        f.rel, m.line + 1, m.column + 1, what + ", so each player would get fewer cards",
        f"Write {need - have} more card{'s' if need - have != 1 else ''}, lower `hand_size`, "
        f"or set `players: {{min: {rules.players_min}, max: {p - 1}}}`.", WARNING))

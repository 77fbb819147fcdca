"""`check`'s advice from random play: cards never dealt, reflections never raised, cards
that keep leading to each other with `next`. The same random journeys (`random_journeys`)
draw the journey map's dashed "never dealt" cards (journeymap.py).
"""

from __future__ import annotations

from cardsdealt.deck.model import Deck, Source
from cardsdealt.deck.problems import WARNING, Problem
from cardsdealt.engine.simulate import simulate


def warning(src: Source | None, message: str, hint: str) -> Problem:
    """A piece of advice at `src` (None: deck.yaml)."""
    src = src or Source("deck.yaml", 1, 1)
    return Problem(src.file, src.line or 1, src.column or 1, message, hint, WARNING)


REACH_GAMES = 300  # random journeys played by `check` to find what never comes up
REACH_WORK = 100_000  # games x cards: a big deck plays fewer journeys (each deals from all)
REACH_MIN_GAMES = 10
EXPECTED_DEALS = 3  # a card is "never dealt" only when a stage dealt this many per card
LONGEST_JOURNEY = 500  # cards: a random journey still going after this is going round


def random_journeys(deck: Deck, games: int, progress=None):
    """The simulate report of `games` random journeys (seed 1, so advice is repeatable):
    what `check` warns about and what the journey map draws dashed."""
    return simulate(deck, games=games, seed=1, mode="journey", progress=progress,
                    max_steps=LONGEST_JOURNEY)


def reach_games(deck: Deck) -> int:
    """Random journeys for `check`: 300, fewer on a deck of thousands of cards (every deal
    tests every card of its stage), never under 10."""
    return max(REACH_MIN_GAMES, min(REACH_GAMES, REACH_WORK // max(1, len(deck.cards))))


def advice(deck: Deck) -> list[Problem]:
    if "journey" not in deck.modes:
        return []
    games = reach_games(deck)
    try:
        report = random_journeys(deck, games)
    except Exception:  # noqa: BLE001 - advice must never stop a check
        return []
    out = _loops(deck, report, games)
    thin = _thin_stages(deck, report, games)
    for stage, (dealt, cards) in thin.items():
        out.append(warning(None, f"random journeys dealt {dealt} cards from the stage `{stage}`, "
                           f"which has {cards}: too few to tell which cards can never come up",
                           f"Run `cardsdealt simulate DECK --games {cards * EXPECTED_DEALS}` "
                           "to see which cards are never dealt."))
    for cid in report.never_reached:
        c = deck.card(cid)
        if c.stage in thin:
            continue
        out.append(warning(c.source, f"the card `{cid}` was never dealt in {games} random "
                           "journeys", "Check its `requires` and its stage's `draws`; run "
                           "`cardsdealt simulate` for the full picture."))
    for rid in report.reflections_never_raised:
        r = next((r for r in deck.reflections if r.id == rid), None)
        out.append(warning(r.source if r else None,
                           f"the reflection `{rid}` never came up in {games} random "
                           "journeys", "Check that its `when` can become true with the stats' "
                           "ranges."))
    return out


def _thin_stages(deck: Deck, report, games: int) -> dict[str, tuple[int, int]]:
    """Stages whose cards were dealt too rarely for "never dealt" to mean anything:
    stage -> (deals, cards)."""
    cards: dict[str, int] = {}
    for c in deck.cards:
        if c.stage and c.choices:
            cards[c.stage] = cards.get(c.stage, 0) + 1
    dealt: dict[str, int] = {}
    for cid, n in report.card_counts.items():
        if deck.has_card(cid):
            stage = deck.card(cid).stage
            dealt[stage] = dealt.get(stage, 0) + n
    unseen = {deck.card(cid).stage for cid in report.never_reached if deck.has_card(cid)}
    return {s: (dealt.get(s, 0), n) for s, n in cards.items()
            if s in unseen and dealt.get(s, 0) < EXPECTED_DEALS * n}


def _loops(deck: Deck, report, games: int) -> list[Problem]:
    out = []
    for cycle, n in report.loops.items():
        ids = cycle.split()
        if not ids or not deck.has_card(ids[0]):
            continue
        path = " → ".join(f"`{c}`" for c in ids + ids[:1])
        out.append(warning(deck.card(ids[0]).source,
                           f"{n} of {games} random journeys were still going after "
                           f"{LONGEST_JOURNEY} cards: {path} kept leading to each other with "
                           "`next`",
                           "Give one of these cards `once: true`, or a choice without `next:`, "
                           "so the journey can move on."))
    return out

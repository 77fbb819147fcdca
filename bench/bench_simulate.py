"""Simulate throughput: card steps (choices made) per second on one core, median of 5 runs.

    python bench/bench_simulate.py [DECK] [--games N]

DECK defaults to the largest shipped journey deck. The goal is 20,000 steps/s, so that
`cardsdealt simulate -n 10000` on a 15-card journey answers within a few seconds.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cardsdealt.deck import load_deck  # noqa: E402
from cardsdealt.engine.simulate import simulate  # noqa: E402

GOAL = 20_000


def pick_deck(name: str | None):
    if name:
        path = Path(name) if Path(name).exists() else ROOT / "decks" / name
        return load_deck(path)
    best = None
    for folder in sorted((ROOT / "decks").iterdir()):
        if not (folder / "deck.yaml").is_file():
            continue
        deck = load_deck(folder)
        if "journey" in deck.modes and (best is None or len(deck.cards) > len(best.cards)):
            best = deck
    if best is None:
        sys.exit("No journey deck found under decks/.")
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("deck", nargs="?")
    ap.add_argument("--games", type=int, default=2000)
    args = ap.parse_args()
    deck = pick_deck(args.deck)
    rates = []
    for run in range(5):
        start = time.perf_counter()
        report = simulate(deck, args.games, seed=run + 1, mode="journey")
        rates.append(report.steps / (time.perf_counter() - start))
    rate = statistics.median(rates)
    print(f"deck: {deck.id} ({len(deck.cards)} cards), {args.games} games per run")
    print(f"simulate: {rate:,.0f} card steps/s (median of 5 runs; "
          f"min {min(rates):,.0f}, max {max(rates):,.0f})")
    print(f"goal: {GOAL:,} steps/s on one core; ratio to goal: {rate / GOAL:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())

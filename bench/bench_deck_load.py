"""Deck load + validate time for synthetic decks of 48, 1,000 and 10,000 cards, each as a ratio
to a bare `yaml.load` with the C loader on the same files (the floor: parsing alone).
Goal: <= 1.5x at every size, and linear growth (time per card flat from 1,000 to 10,000)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import median_time, report  # noqa: E402

from cardsdealt.deck import load_deck  # noqa: E402

DECK_YAML = """format: 1
id: synthetic
title: "Synthetic"
authors: ["bench"]
introduction: "A synthetic deck for the benchmark."
modes: [journey]
stats:
  trust: {label: "Trust", start: 2, min: 0, max: 5}
  heard: {label: "Heard", start: 2, min: 0, max: 5}
flags: [told]
stages: [one, two, three]
cards: cards/
reflections:
  - when: "trust <= 1"
    prompt: "What would rebuild trust?"
endings:
  - title: "End"
    text: "The end."
"""

CARD = """- id: card-{i}
  stage: {stage}
  title: "Card number {i}"
  text: "Something happened to me today and I did not know who to tell about it."
  discuss: "What would you want an adult to notice here?"
  voice: "Notice the small things. Ask us, then listen."
  tags: [bright-spots:relationships, pcf:values-and-ethics]
  requires: "trust >= 1 or told"
  choices:
    - label: "Sit with me and ask what happened"
      effects: {{trust: +1, heard: +1}}
      set: [told]
      response: "I told them a bit. It helped."
    - label: "Wait until I bring it up"
      effects: {{trust: -1}}
      response: "I kept it to myself."
"""


def make_deck(root: Path, n: int) -> Path:
    (root / "cards").mkdir(parents=True)
    (root / "deck.yaml").write_text(DECK_YAML, encoding="utf-8")
    stages = ("one", "two", "three")
    text = "".join(CARD.format(i=i, stage=stages[i % 3]) for i in range(n))
    (root / "cards" / "cards.yaml").write_text(text, encoding="utf-8")
    return root


def bare_load(root: Path) -> None:
    for name in ("deck.yaml", "cards/cards.yaml"):
        with open(root / name, "rb") as fh:
            yaml.load(fh, Loader=yaml.CSafeLoader)


def main() -> int:
    print(f"# deck load + validate vs bare yaml.load (C loader: {yaml.__with_libyaml__})")
    per_card = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in (48, 1_000, 10_000):
            root = make_deck(Path(tmp) / f"d{n}", n)
            runs = 7 if n < 10_000 else 5
            bare = median_time(lambda r=root: bare_load(r), runs=runs)
            ours = median_time(lambda r=root: load_deck(r), runs=runs)
            per_card[n] = ours / n
            report(f"load {n} cards", f"{ours * 1000:.1f} ms", ours / bare, "<= 1.5x",
                   ours / bare <= 1.5)
            report(f"  bare yaml.load {n} cards (floor)", f"{bare * 1000:.1f} ms")
    growth = per_card[10_000] / per_card[1_000]
    report("time per card, 10,000 vs 1,000", f"{per_card[10_000] * 1e6:.1f} us", growth,
           "<= 1.2x (linear)", growth <= 1.2)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Every YAML example in docs/authoring.md is checked: card examples are put in a new deck
and must pass `check`; the lint example must load as deck.yaml settings."""

import re
from pathlib import Path

import pytest
import yaml

from cardsdealt.authoring.new import new_deck
from cardsdealt.deck import check_deck

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "authoring.md"
BLOCKS = re.findall(r"```yaml\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.S)


def test_guide_has_examples():
    assert len(BLOCKS) >= 3


@pytest.mark.parametrize("block", BLOCKS, ids=lambda b: b.split("\n")[0][:30])
def test_guide_example_passes_check(tmp_path, block):
    data = yaml.safe_load(block)
    is_classic = isinstance(data, list) and "theme" in data[0]
    root = new_deck(tmp_path / "guide-deck", "classic" if is_classic else "journey")
    if isinstance(data, list):  # cards: add them to the starter deck's cards
        for card in data:
            if card.get("image", "").startswith("images/") and \
                    not (root / card["image"]).exists():
                (root / card["image"]).write_bytes((root / "images/placeholder.png").read_bytes())
        with open(root / "cards" / "cards.yaml", "a", encoding="utf-8") as fh:
            fh.write("\n" + block)
    else:  # deck.yaml settings
        with open(root / "deck.yaml", "a", encoding="utf-8") as fh:
            fh.write("\n" + block)
    deck, problems = check_deck(root)
    assert deck is not None, "\n".join(p.format() for p in problems)

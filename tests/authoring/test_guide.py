"""docs/authoring.md is tested against the real program, so it cannot drift:

- every YAML example is put in a new deck (cards added to its cards, deck.yaml parts put in
  place of the starter's) and the deck must pass `check`;
- every screen text the guide shows (`<!-- output: NAME -->` blocks) is exactly what
  cardsdealt prints for that step (made by tools/guide_examples.py, which rewrites them).
"""

import re
import sys
from pathlib import Path

import pytest
import yaml

from cardsdealt.authoring.new import new_deck
from cardsdealt.deck import check_deck

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "authoring.md"
TEXT = GUIDE.read_text(encoding="utf-8")
BLOCKS = re.findall(r"```yaml\n(.*?)```", TEXT, re.S)
sys.path.insert(0, str(ROOT / "tools"))
import guide_examples  # noqa: E402

OUTPUTS = guide_examples.blocks(TEXT)


def test_guide_has_examples():
    assert len(BLOCKS) >= 8
    assert len(OUTPUTS) >= 6


def test_guide_covers_every_step():
    for words in ("stats:", "stages:", "draws:", "flags", "requires:", "set:", "next:",
                  "reflections:", "endings:", "fixed first card", "several card files",
                  "Windows laptop", "Notepad", "TextEdit", "Make Plain Text", "sideways",
                  "folder name", "cardsdealt studio"):
        assert words in TEXT, words


def _without_keys(deck_yaml: str, keys) -> str:
    """deck.yaml with the top-level `keys` (and their indented lines) taken out."""
    out, skipping = [], False
    for line in deck_yaml.split("\n"):
        top = re.match(r"([a-z_]+):", line)
        if top:
            skipping = top.group(1) in keys
        elif line and not line.startswith((" ", "#")):
            skipping = False
        if not skipping:
            out.append(line)
    return "\n".join(out)


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
    else:  # deck.yaml parts: in place of the starter's
        deck_yaml = root / "deck.yaml"
        text = _without_keys(deck_yaml.read_text(encoding="utf-8"), set(data))
        deck_yaml.write_text(text + "\n" + block, encoding="utf-8")
    deck, problems = check_deck(root)
    assert deck is not None, "\n".join(p.format() for p in problems)


@pytest.mark.parametrize("name,shown", OUTPUTS, ids=[n for n, _ in OUTPUTS])
def test_guide_shows_what_the_program_prints(name, shown):
    assert shown == guide_examples.output(name), (
        f"docs/authoring.md's `{name}` block differs from what cardsdealt prints: run "
        "`python tools/guide_examples.py` and read the new text before committing it")

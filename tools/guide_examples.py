"""The screen text docs/authoring.md shows, made by the real program so it cannot drift.

Each `<!-- output: NAME -->` line in the guide is followed by a fenced block holding what
cardsdealt prints for the step NAME below (a deck made by `cardsdealt new our-deck`, with
the step's change). tests/authoring/test_guide.py compares every block with this output;
after changing a message, run `python tools/guide_examples.py` to rewrite the blocks.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cardsdealt.authoring.check import run_check  # noqa: E402
from cardsdealt.authoring.new import run_new  # noqa: E402

GUIDE = ROOT / "docs" / "authoring.md"
BLOCK = re.compile(r"(<!-- output: ([a-z-]+) -->\n```\n)(.*?)(```)", re.S)
CARDS = "our-deck/cards/cards.yaml"


def _edit(rel: str, old: str, new: str) -> None:
    p = Path(rel)
    text = p.read_text(encoding="utf-8")
    assert old in text, (rel, old)
    p.write_text(text.replace(old, new, 1), encoding="utf-8")


STEPS = {
    "ok": lambda: None,
    "stat-typo": lambda: _edit(CARDS, "effects: {trust: +1}", "effects: {trsut: +1}"),
    "missing-quote": lambda: _edit(CARDS, 'title: "First day"', 'title: "First day'),
    "apostrophe": lambda: _edit(CARDS, 'title: "First day"', "title: 'Alex's first day'"),
    "notepad-txt": lambda: Path("our-deck/cards/cards.yaml").rename(
        "our-deck/cards/cards.yaml.txt"),
    "word-dash": lambda: _edit(CARDS, "effects: {heard: -1}", "effects: {heard: \u20131}"),
    "card-file": lambda: None,
}


def output(name: str) -> str:
    """What the guide's step `name` prints, run in a new empty folder."""
    with tempfile.TemporaryDirectory() as tmp, contextlib.chdir(tmp):
        out = io.StringIO()
        run_new("our-deck", "journey", out)
        if name == "new":
            return out.getvalue().replace(os.sep + ".", "/.")
        STEPS[name]()
        out = io.StringIO()
        target = CARDS if name == "card-file" else "our-deck"
        run_check([Path(target)], strict=False, out=out)
        return out.getvalue()


def blocks(text: str) -> list[tuple[str, str]]:
    """(name, text shown) for every output block of the guide."""
    return [(m.group(2), m.group(3)) for m in BLOCK.finditer(text)]


def rewrite() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    new = BLOCK.sub(lambda m: m.group(1) + output(m.group(2)) + m.group(4), text)
    GUIDE.write_text(new, encoding="utf-8")


if __name__ == "__main__":
    rewrite()
    print(f"Rewrote {len(blocks(GUIDE.read_text(encoding='utf-8')))} output blocks in {GUIDE}.")

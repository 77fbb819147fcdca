"""The deck studio's model (authoring/studio), without the window: what one keystroke costs.

On a 12-card journey deck made through the studio, and on Kai's Journey (60 cards written by
hand): a keystroke in a card's words, then
- `preview()`: the card as typed, to draw (goal: well under a frame, <= 1 ms);
- `changed_files()`: the bytes to save (goal: <= 16 ms, so a save never costs a frame);
  floor: ruamel.yaml writing that one card alone (the studio writes only what changed);
- `load()` and `advice()`: check and lint on the files in memory, done when typing pauses
  (no goal: printed so the window knows what a pause costs).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests" / "authoring"))
from common import report  # noqa: E402

from cardsdealt.authoring.studio import StudioDeck  # noqa: E402
from cardsdealt.authoring.studio.yamlio import _one_part  # noqa: E402
from cardsdealt.paths import DECKS  # noqa: E402
from cardsdealt.session.decks import read_deck_files  # noqa: E402


def twelve_cards() -> StudioDeck:
    from test_studio_doc import _journey_deck

    doc = _journey_deck()
    for cid in [c.id for c in doc.cards()]:
        doc.duplicate_card(cid)
    return doc


def keystrokes(doc: StudioDeck, cid: str, what, n: int = 40) -> float:
    """Median seconds of one keystroke in the card's words followed by `what`."""
    doc.set_card(cid, "text", "Start")
    what(doc, cid)
    times = []
    for i in range(n):
        t = time.perf_counter()
        doc.set_card(cid, "text", "I typed this " + "x" * i)
        what(doc, cid)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def save(doc: StudioDeck, _cid: str) -> None:
    doc.changed_files()
    doc.mark_saved()


def one_card_floor(doc: StudioDeck, cid: str) -> float:
    rel, seq, i, card = doc._find(cid)
    times = []
    for _ in range(20):
        t = time.perf_counter()
        _one_part(seq, i, card, None)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> int:
    print("# the studio's model: one keystroke")
    for label, make in (("12-card studio deck", twelve_cards),
                        ("Kai's Journey, 60 cards by hand",
                         lambda: StudioDeck.from_files(read_deck_files(DECKS / "kais-journey")))):
        t = time.perf_counter()
        doc = make()
        opened = time.perf_counter() - t
        cid = doc.cards()[len(doc.cards()) // 2].id
        doc.load()
        preview = keystrokes(doc, cid, lambda d, c: d.preview(c))
        saving = keystrokes(doc, cid, save)
        floor = one_card_floor(doc, cid)
        print(f"  {label} ({len(doc.cards())} cards)")
        report("  keystroke + preview (median)", f"{preview * 1000:.2f} ms", goal="<= 1 ms",
               ok=preview <= 0.001)
        report("  keystroke + bytes to save (median)", f"{saving * 1000:.1f} ms",
               saving / floor, "<= 16 ms", saving <= 0.016)
        report("    floor: ruamel.yaml writing that card alone", f"{floor * 1000:.1f} ms")
        t = time.perf_counter()
        doc.load()
        loaded = time.perf_counter() - t
        t = time.perf_counter()
        doc.advice("")
        advised = time.perf_counter() - t
        report("  load() on the files in memory (a pause)", f"{loaded * 1000:.0f} ms")
        report("  advice() for every field (a pause)", f"{advised * 1000:.0f} ms")
        report("  making it through the studio" if "studio" in label else "  opening it",
               f"{opened * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())

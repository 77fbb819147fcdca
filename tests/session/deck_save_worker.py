"""The deck saver's kill worker (run by test_user_decks.py; not a test itself).

Types a card's words into a studio deck one letter at a time, as a group would, handing each
change to a `DeckSaver`, until it is killed. Lines written (one write each):
  ready               the deck exists on disk
  typed N T           N letters typed by monotonic time T (handed to the saver, not waited for)
"""

import os
import sys
import time
from pathlib import Path

from cardsdealt.authoring.studio import StudioDeck
from cardsdealt.session.decks import DeckSaver

WORDS = "I got here late at night and nobody knew where my brother was. " * 40


def say(line: str) -> None:
    os.write(1, (line + "\n").encode())


def main() -> None:
    folder = Path(sys.argv[1])
    doc = StudioDeck.new("journey", "Kill test")
    cid = doc.add_card("journey", title="First night")
    saver = DeckSaver(folder)
    saver.save(doc.changed_files() or doc.files())
    saver.save(doc.files())
    saver.flush()
    doc.mark_saved()
    say("ready")
    for n in range(1, len(WORDS) + 1):
        doc.set_card(cid, "text", WORDS[:n])
        saver.save(doc.changed_files())
        doc.mark_saved()
        say(f"typed {n} {time.monotonic():.4f}")
        time.sleep(0.02)


if __name__ == "__main__":
    main()

"""The studio's kill worker (run by test_studio_kill.py; not a test itself).

Opens the studio on the dummy video driver, makes a new journey and a card, and types one
letter every 0.1 s into the card's "What is happening", with the window's own clock, saying
"typed N" after each. The test kills it with SIGKILL and reads the deck folder. First line:
"ready <deck folder>".
"""

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/: deckfactory

import pygame  # noqa: E402
from studiokit import Driver  # noqa: E402
from uikit import Harness  # noqa: E402

TEXT = ("I got here late. My things were in a bag and nobody said where I would sleep. " * 4)


def say(line: str) -> None:
    os.write(1, (line + "\n").encode())


def main() -> None:
    pygame.display.init()
    pygame.font.init()
    h = Harness((1280, 720), entries=[])
    d = Driver(h)
    h.table.open_studio()
    d.press("new.journey")
    d.press("make")
    d.press("add-card")
    d.go(f"card:{d.top.cid}.text")
    say(f"ready {d.top.studio.folder}")
    last = time.monotonic()
    for n, ch in enumerate(TEXT, 1):
        time.sleep(0.1)
        now = time.monotonic()
        h.app.step([pygame.event.Event(pygame.TEXTINPUT, text=ch)], now - last)
        last = now
        say(f"typed {n}")


if __name__ == "__main__":
    main()

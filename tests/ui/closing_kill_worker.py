"""The window's kill worker (run by test_closing_window.py; not a test itself).

Opens the window on the dummy video driver with a finished session's closing questions, as
the start screen does, and types one letter every 0.1 s into the first answer, with the
window's own clock, saying "typed N" after each. The test kills it with SIGKILL and checks
what the save holds. Line written first: "ready".
"""

import os
import sys
import time
from argparse import Namespace
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")

import pygame  # noqa: E402

from cardsdealt.session import SessionStore  # noqa: E402
from cardsdealt.ui.pygame.app import App  # noqa: E402
from cardsdealt.ui.pygame.display import open_display  # noqa: E402
from cardsdealt.ui.pygame.flow import Table  # noqa: E402
from cardsdealt.ui.pygame.scenes.closing import ClosingScene  # noqa: E402

TEXT = ("On a first night the child watches every adult for what happens next, and I had "
        "been treating it as paperwork. " * 6)


def say(line: str) -> None:
    os.write(1, (line + "\n").encode())


def main(root: str, session_id: str, _deck_root: str) -> None:
    pygame.display.init()
    pygame.font.init()
    store = SessionStore(Path(root))
    app = App(open_display((1280, 720)))
    args = Namespace(deck=None, mode=None, players=None, seed=1, fullscreen=False, size=None,
                     resume=None, no_save=False, preset=None)
    table = Table(app, args, entries=[], store=store)
    table.start()
    session, _doc, _messages = store.open(session_id)
    app.push(ClosingScene(app, session))
    enter = pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="\r",
                               scancode=0)
    app.step([enter], 0.0)  # Begin
    assert app.top.page == "ask"
    say("ready")
    last = time.monotonic()
    for n, ch in enumerate(TEXT, 1):
        time.sleep(0.1)
        now = time.monotonic()
        app.step([pygame.event.Event(pygame.TEXTINPUT, text=ch)], now - last)
        last = now
        say(f"typed {n}")


if __name__ == "__main__":
    main(*sys.argv[1:4])

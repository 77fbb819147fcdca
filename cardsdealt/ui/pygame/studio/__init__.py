"""The deck studio in the window (issue #18): young people make and change a deck without a
terminal or YAML. One screen a module:

    choose.py      "Make or change a deck" (a new journey, a new table game, one of your
                   decks, a shared deck) -> the new deck's name
    deckpage.py    the deck's page: its cards (Up, Down, Copy, Delete), Add a card, Play it
                   now, Share this deck; and "About this deck"
    cardform.py    one card's form, the card beside it as the projector and paper show it,
                   and one choice on a journey card
    parts.py       parts of the story, meters, endings, questions: the lists and each form
    conditions.py  "Only if...": rules from plain-words pickers

Under them: form.py (a form of fields from the catalogue), page.py (what every screen that
changes the deck shares), screen.py, layout.py and control.py (the keys and mouse, the
shape, and the controls of every studio screen), preview.py (the live preview), state.py
(one sitting), entry.py (the way in); the picture step (drawing, photos) is picture.py.

`run(deck)` is `cardsdealt studio [DECK]`: the window itself is made by launch.py
(`launch.run_studio`), which reaches the studio through flow.Table; so the studio never imports
launch.py, and `run` is looked up there when it is first asked for (PEP 562), as
cardsdealt/lazy.py does for the packages' names.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any


def __getattr__(name: str) -> Any:
    if name in ("run", "run_studio"):
        return import_module("cardsdealt.ui.pygame.launch").run_studio
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

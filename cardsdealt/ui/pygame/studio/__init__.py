"""The deck studio in the window (issue #18): young people make and change a deck without a
terminal or YAML. The screens are in screens.py, their shared shape and keys in screen.py,
the live preview in preview.py, one sitting's state in state.py, the way in in entry.py;
the picture step (drawing, photos) is picture.py.

`run(deck)` is `cardsdealt studio [DECK]`: the window itself is made by app.py
(`app.run_studio`), which reaches the studio through flow.Table; so the studio never imports
app.py, and `run` is looked up there when it is first asked for (PEP 562), as
cardsdealt/lazy.py does for the packages' names.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any


def __getattr__(name: str) -> Any:
    if name in ("run", "run_studio"):
        return import_module("cardsdealt.ui.pygame.app").run_studio
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

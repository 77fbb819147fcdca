"""The deck studio in the window (issue #18): young people make and change a deck without a
terminal or YAML. `run(deck)` is `cardsdealt studio [DECK]`; `open_studio(app, table)` is the
start screen's "Make or change a deck". The screens are in screens.py, their shared shape
and keys in screen.py, the live preview in preview.py, one sitting's state in state.py; the
picture step (drawing, photos) is picture.py."""

from __future__ import annotations

from pathlib import Path


def open_studio(app, table=None, deck: Path | None = None):
    """Show the studio in `app`: its first screen, or straight into `deck` (a folder)."""
    from cardsdealt.ui.pygame.studio.entry import open_studio as _open

    return _open(app, table, deck)


def run(deck: Path | None = None, size: str | None = None) -> int:
    """`cardsdealt studio [DECK]`: a window with the studio. Raises DisplayUnavailable when
    no window can open."""
    from cardsdealt.ui.pygame.studio.entry import run as _run

    return _run(deck, size)


run_studio = run

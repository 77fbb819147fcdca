"""Into the studio: `open_studio` shows its first screen (flow.Table.open_studio calls it,
from the start screen's "Make or change a deck" and from `cardsdealt studio`, which
launch.run_studio opens). The studio never imports launch.py or flow.py: the Table it is handed
lists a deck and plays it, so the window's parts keep no circle of imports."""

from __future__ import annotations

from pathlib import Path


def open_studio(app, table, deck: Path | None = None, leave_to_start: bool = True):
    from cardsdealt.ui.pygame.studio.choose import ChooseScreen
    from cardsdealt.ui.pygame.studio.state import Studio

    old = getattr(app, "studio", None)
    if old is not None:
        old.close_deck()
        if old.tick in app.tickers:
            app.tickers.remove(old.tick)
        if old._closing in app.event_filters:
            app.event_filters.remove(old._closing)
    studio = Studio(app, table, leave_to_start)
    app.studio = studio
    app.tickers.append(studio.tick)
    first = ChooseScreen(app, studio)
    studio.open(first)
    if deck is not None:
        first.change(Path(deck))
    return studio

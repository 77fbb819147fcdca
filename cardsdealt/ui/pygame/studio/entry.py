"""Into the studio: from the start screen (`open_studio`) or the command line (`run`)."""

from __future__ import annotations

from pathlib import Path

import pygame


def open_studio(app, table=None, deck: Path | None = None):
    from cardsdealt.ui.pygame.studio.screens import CardsScreen, ChooseScreen
    from cardsdealt.ui.pygame.studio.state import Studio

    studio = Studio(app, table)
    if studio.tick not in app.tickers:
        app.tickers[:] = [t for t in app.tickers
                          if not getattr(getattr(t, "__self__", None), "_is_studio", False)]
        app.tickers.append(studio.tick)
    studio._is_studio = True  # type: ignore[attr-defined]
    first = ChooseScreen(app, studio)
    studio.open(first)
    if deck is not None:
        first.change(Path(deck))
    return studio


def run(deck: Path | None = None, size: str | None = None) -> int:
    from cardsdealt.options import PlayOptions
    from cardsdealt.ui.pygame import prefs
    from cardsdealt.ui.pygame.app import App
    from cardsdealt.ui.pygame.display import open_display, parse_size

    screen = open_display(parse_size(size))
    try:
        app = App(screen)
        for line in prefs.install(app, PlayOptions()):
            app.set_status(line)
        studio = open_studio(app, None, deck)
        rc = app.run()
        studio.close_deck()
        return rc
    finally:
        pygame.display.quit()

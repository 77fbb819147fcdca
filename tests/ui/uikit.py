"""Helpers for the window tests: an app on the dummy video driver, and key presses the way a
keyboard or a presenter clicker sends them. The small decks built by hand (so pictures of the
screens do not change when the shipped decks are edited) are tests/deckfactory.py's."""

from __future__ import annotations

import os
from argparse import Namespace
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")

import pygame  # noqa: E402
from deckfactory import make_picture, rens_week, table_game  # noqa: E402

from cardsdealt.deck.model import Deck  # noqa: E402
from cardsdealt.ui.pygame.app import App  # noqa: E402
from cardsdealt.ui.pygame.display import open_display  # noqa: E402
from cardsdealt.ui.pygame.flow import DeckEntry, Table  # noqa: E402

journey_deck, classic_deck = rens_week, table_game  # the names the window tests use
__all__ = ["Harness", "classic_deck", "entries_for", "journey_deck", "make_picture"]


class Harness:
    """An app on the dummy driver at a fixed size, driven by synthetic events; with a
    session `store` (as `cardsdealt play` has one) and the command line's `preset`."""

    def __init__(self, size=(1280, 720), entries=None, seed=7, on_quit=None, store=None,
                 preset=None):
        screen = open_display(size)
        self.app = App(screen, on_quit=on_quit)
        args = Namespace(deck=None, mode=None, players=None, seed=seed, fullscreen=False,
                         size=None, resume=None, no_save=store is None, preset=preset)
        self.table = Table(self.app, args, entries=entries, store=store)

    def close(self) -> None:
        """The window's close button."""
        self.app.step([pygame.event.Event(pygame.QUIT)], 0.02)

    # -- the usual ways on -----------------------------------------------------------------
    def to_card(self) -> None:
        """Start screen -> the marked deck (F5) -> through the content notes and introduction
        -> the first card, dealt."""
        self.table.start()
        self.settle()
        self.key(pygame.K_F5)
        while self.top.name == "intro":
            self.key(pygame.K_PAGEDOWN)
        self.settle()

    def play_to(self, card_id: str, tries: int = 10) -> None:
        """Take the first choice and go on until `card_id` is on the table."""
        for _ in range(tries):
            if self.top.shown.id == card_id:
                return
            self.key(pygame.K_1, "1")
            self.key(pygame.K_PAGEDOWN)
            self.settle()

    def to_door_question(self) -> None:
        """Ren's Week: on to the door card, then its second choice: the question "Why might a
        child hold on to their bag?" opens in the text box."""
        self.to_card()
        self.play_to("door")
        self.key(pygame.K_2, "2")
        self.key(pygame.K_PAGEDOWN)

    def words(self):
        """Every line of text on the current screen, redrawn in full: a pixelcheck.Probe
        (`probe.inks`: each line's rect and text, by colour)."""
        from pixelcheck import Probe

        from cardsdealt.render import text as T

        probe = Probe()
        T.probe = probe
        try:
            for s in self.app.scenes:
                s.restyle()
            self.frame()
        finally:
            T.probe = None
        return probe

    # -- input ---------------------------------------------------------------------------
    def key(self, key: int, unicode: str = "", mod: int = 0, dt: float = 0.02) -> None:
        down = pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode=unicode,
                                  scancode=0)
        up = pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode="", scancode=0)
        self.app.step([down, up], dt)

    def hold(self, key: int, seconds: float = 1.0) -> None:
        """Hold a key down (a clicker's long press), stepping time while it is held."""
        self.app.step([pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="")], 0.0)
        t = 0.0
        while t < seconds:
            self.app.step([], 0.05)
            t += 0.05
        self.app.step([pygame.event.Event(pygame.KEYUP, key=key, mod=0, unicode="")], 0.0)

    def type(self, text: str) -> None:
        self.app.step([pygame.event.Event(pygame.TEXTINPUT, text=text)], 0.02)

    def click(self, pos) -> None:
        self.app.step([pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1)], 0.02)

    def tap(self, pos, button: int = 1) -> None:
        """A click with its release (a finger on a touch screen is a left click)."""
        self.app.step([pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=tuple(pos),
                                          button=button)], 0.02)
        self.app.step([pygame.event.Event(pygame.MOUSEBUTTONUP, pos=tuple(pos),
                                          button=button)], 0.02)

    def settle(self, seconds: float = 0.5) -> None:
        """Let animations finish."""
        t = 0.0
        while t < seconds:
            self.app.step([], 0.05)
            t += 0.05

    def frame(self) -> pygame.Surface:
        self.app.dirty = True
        self.app.step([], 0.0)
        return self.app.screen.copy()

    def shot_between(self, key: int, unicode: str = "") -> pygame.Surface:
        """Press a key that opens something (help, notes, blank, pause), take the picture,
        press it again to close it."""
        self.key(key, unicode)
        shot = self.frame()
        self.key(key, unicode)
        return shot

    @property
    def top(self):
        return self.app.top


def entries_for(*decks: Deck) -> list[DeckEntry]:
    return [DeckEntry(Path(d.root), d) for d in decks]

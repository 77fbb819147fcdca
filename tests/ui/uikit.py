"""Helpers for the window tests: small decks built by hand (so pictures of the screens do not
change when the shipped decks are edited), an app on the dummy video driver, and key presses
the way a keyboard or a presenter clicker sends them."""

from __future__ import annotations

import os
from argparse import Namespace
from pathlib import Path
from types import MappingProxyType

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")

import pygame  # noqa: E402

from cardsdealt.deck.model import (  # noqa: E402
    Card,
    Choice,
    ClassicRules,
    Deck,
    Ending,
    Source,
    Stage,
    Stat,
    Support,
)
from cardsdealt.ui.pygame.app import App  # noqa: E402
from cardsdealt.ui.pygame.display import open_display  # noqa: E402
from cardsdealt.ui.pygame.flow import DeckEntry, Table  # noqa: E402

SUPPORT = (Support("Your supervisor or a colleague you trust",
                   "Talk it through after the session."),
           Support("Childline", "0800 1111, free and private, for children and young people."))


def _choice(label, effects=None, response="", reflect=""):
    return Choice(label, MappingProxyType(effects or {}), response=response, reflect=reflect)


def make_picture(path: Path) -> None:
    """A small drawing standing in for a child's picture: a house under a sun."""
    s = pygame.Surface((320, 240))
    s.fill((250, 236, 210))
    pygame.draw.circle(s, (240, 180, 80), (250, 60), 34)
    pygame.draw.rect(s, (190, 110, 90), (80, 110, 130, 100))
    pygame.draw.polygon(s, (120, 80, 70), [(70, 112), (145, 50), (220, 112)])
    pygame.draw.rect(s, (90, 120, 150), (130, 160, 30, 50))
    path.parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(s, str(path))


def journey_deck(root: Path) -> Deck:
    make_picture(root / "images" / "door.png")
    src = Source("cards/a.yaml", 1, 1)
    cards = (
        Card("door", "The front door", src, image="images/door.png", stage="arriving",
             text="A lady I have never met opens the door. The hall smells of toast. "
                  "I hold my bag very tight.",
             discuss="What would help a child feel safe in the first minute?",
             voice="Say our name, and tell us yours.",
             choices=(_choice("Say hello, say your name, and show Ren where to sit",
                              {"trust": 1}, "She said my name right. That was something."),
                      _choice("Take Ren's bag straight up to the bedroom", {"trust": -1},
                              "I didn't want to let go of my bag.",
                              reflect="Why might a child hold on to their bag?"))),
        Card("tea", "Teatime", src, image="images/missing.png", stage="arriving",
             text="There is pasta for tea. I don't know if I'm allowed seconds.",
             discuss="How do children learn the unwritten rules of a new home?",
             choices=(_choice("Tell Ren the house rules about food, kindly and simply",
                              {"settled": 1}, "Seconds are allowed. Good."),
                      _choice("Wait for Ren to ask", {"settled": -1},
                              "I went to bed hungry."),
                      _choice("Ask Ren what they like to eat, and write it on the shopping list",
                              {"settled": 1, "trust": 1}, "Nobody ever asked me that."))),
        Card("school", "New school", src, stage="settling",
             text="On Monday I start at a new school. My old friends don't know where I went.",
             choices=(_choice("Help Ren send a message to an old friend", {"trust": 1},
                              "Jay wrote back the same day."),
                      _choice("Say it's best to make a fresh start", {"trust": -1},
                              "I don't want a fresh start. I want my friends."))),
    )
    return Deck(
        id="rens-week", title="Ren's Week", root=str(root), modes=("journey",),
        content_notes=("moving to a new home", "missing old friends"),
        introduction="Hi, I'm Ren. I'm ten. This is my first week somewhere new.\n\n"
                     "You are the adults around me. Talk about each card, then choose.",
        support=SUPPORT,
        stats=(Stat("trust", "Trust in adults", 2, 0, 5), Stat("settled", "Feeling settled",
                                                             2, 0, 5)),
        stages=(Stage("arriving", "Arriving", draws=2), Stage("settling", "Settling in",
                                                              draws=1)),
        cards=cards,
        endings=(Ending("end", "A start", "I'm still here. I unpacked one bag. That's a start."),),
    )


def classic_deck(root: Path) -> Deck:
    src = Source("cards/c.yaml", 1, 1)
    themes = ("family", "home", "school")
    words = {
        "family": ("Family time", "I see my dad in a room with a table. It doesn't feel like us."),
        "home": ("My room", "My room has a lock on the inside. I can sleep now."),
        "school": ("Front row", "My teacher saved me a seat at the front. She noticed me."),
    }
    cards = []
    for t in themes:
        for n in range(1, 6):
            title, statement = words[t]
            cards.append(Card(f"{t}-{n}", f"{title} {n}", src, theme=t, number=n,
                              statement=statement,
                              discuss="What could an adult do or say here?",
                              voice="Ask us. We usually know what would help."))
    return Deck(id="table", title="Table Game", root=str(root), modes=("classic",),
                introduction="Play a card that matches. Talk about every card played.",
                support=SUPPORT, discussion_seconds=90, cards=tuple(cards),
                classic=ClassicRules(2, 5, 5, ("theme", "number"), themes))


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

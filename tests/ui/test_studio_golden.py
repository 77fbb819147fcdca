"""Pictures of every studio screen at 1280x720 and 1920x1080, compared with stored ones
(tests/ui/golden/studio-*.png; see golden_compare.py). The screens are reached as a person
reaches them (tests/ui/test_studio_make.py's walk), so each picture is a real moment of
making a deck. Each test's docstring says what a person should see; every screen's header
also says "Saved" (once there is a deck) and, under it, "F1: keys · Esc: back"."""

from __future__ import annotations

import os

import pygame
import pytest
from golden_compare import check
from studiokit import Driver
from test_studio_make import make_journey, make_table
from uikit import Harness, entries_for, journey_deck

from cardsdealt.paths import DECKS
from cardsdealt.session.share import pack

SIZES = [(1280, 720), (1920, 1080)]


def walk(size, tmp, out: dict) -> None:
    h = Harness(size, entries_for(journey_deck(tmp / "rens")))
    d = Driver(h)

    def shot(name: str) -> None:
        top = h.top
        if hasattr(top, "advise"):
            top.advise()  # check's advice now, not after the pause it waits for
        top.studio.note = ""
        top.studio.flush()  # "Saved", not "Saving…" (which lasts until typing pauses)
        out[name] = h.frame()
        smallest = min(min(c.rect.w, c.rect.h) for c in top.all() if c.enabled)
        out.setdefault("smallest", {})[name] = smallest

    make_journey(d, tmp, shot)
    d.press("tool.share")
    out["studio-shared"] = h.frame()
    h.key(pygame.K_RETURN)
    d.back()
    make_table(d, shot)
    d.back()  # the first screen: a deck someone sent, in Downloads and on the Desktop
    downloads, desktop = tmp / "home" / "Downloads", tmp / "home" / "Desktop"
    for folder, name, day in ((downloads, "Our journey from Hillside.zip", 3),
                              (desktop, "Table game cards.zip", 1)):
        folder.mkdir(parents=True, exist_ok=True)
        pack(DECKS / "example", folder / name)
        noon = 1_700_000_000 - 1_700_000_000 % 86400 + 43200 - day * 86400  # any time zone
        os.utime(folder / name, (noon, noon))
    d.press("open.shared")
    shot("studio-open-shared")
    h.key(pygame.K_F1)
    out["studio-help"] = h.frame()


@pytest.fixture(scope="module", params=SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def shots(request, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("studio")
    mp = pytest.MonkeyPatch()
    mp.setenv("CARDSDEALT_DATA_DIR", str(tmp / "data"))
    mp.chdir(tmp)  # the shared zip's folder, said on screen, is the same every run
    mp.setenv("CARDSDEALT_DOCUMENTS_DIR", "Documents")
    mp.setenv("HOME", str(tmp / "home"))  # where "Open a shared deck" looks
    mp.setenv("XDG_CONFIG_HOME", str(tmp / "config"))
    mp.delenv("DISPLAY", raising=False)  # the share message as on a computer that cannot
    mp.delenv("WAYLAND_DISPLAY", raising=False)  # show folders: the same picture everywhere
    out: dict[str, pygame.Surface] = {}
    try:
        walk(request.param, tmp, out)
    finally:
        mp.undo()
    return request.param, out


def _check(shots, name):
    size, out = shots
    check(out[name], f"{name}-{size[0]}x{size[1]}")


def test_every_target_is_big_enough_for_a_finger(shots):
    """Every button, box, pick and row is at least 48 px each way at 1080p (and at least two
    thirds of that, 32 px, in a 1280x720 window), on every screen."""
    size, out = shots
    least = 48 if size == (1920, 1080) else 32
    small = {name: px for name, px in out["smallest"].items() if px < least}
    assert not small, small


def test_choose(shots):
    """"Make or change a deck": three large rows, "Make a new journey" (marked), "Make a new
    table game" and "Open a shared deck", each with a line saying what it is; Back and
    Settings along the bottom."""
    _check(shots, "studio-choose")


def test_name(shots):
    """"A new journey": "What is your deck called?" with its hint and "Jo's first week"
    typed in the marked box; a "Make it" button below; Back."""
    _check(shots, "studio-name")


def test_cards_empty(shots):
    """The new deck's page, headed "Jo's first week" and "Saved" on the right: Add a card
    (marked), About this deck, the four journey parts with their counts, each with a line
    saying what it is; Back, Undo, Redo (greyed), Play it now, Share this deck, Settings along
    the bottom."""
    _check(shots, "studio-cards-empty")


def test_deck(shots):
    """"About this deck": the name, who made it, keep our names off (No), whose words
    (young people), the introduction typed in two lines, content notes (marked)."""
    _check(shots, "studio-deck")


def test_part(shots):
    """"Part of the story 2: Settling in": its name, how many cards (3, marked), ends
    early when... (not set)."""
    _check(shots, "studio-part")


def test_parts(shots):
    """"Parts of the story": Add a part (first), then "1. Arriving" and "2. Settling in",
    each with its number of cards and a Delete button beside it."""
    _check(shots, "studio-parts")


def test_choice(shots):
    """"Choice 1 on “First night”": what the adult does, what happens next, the meter
    change ("up by 1"), "knows where her brother is" remembered, leads to "A phone call"
    (marked); the card on the screen and on paper on the right."""
    _check(shots, "studio-choice")


def test_card(shots):
    """The "First night" card's form: name, part of the story, what is happening, its picture
    (with "Take it off"), its two choices; on the right "On the screen" (the projector's
    card) and "On paper" (the printed card with its band, title, words, voice, question and
    numbered choices)."""
    _check(shots, "studio-card")


def test_condition(shots):
    """"Only if an earlier choice…": Rule 1 with "a choice remembered" and "knows where
    her brother is" side by side, Remove; Add a rule; Done, No rule, Undo, Redo."""
    _check(shots, "studio-condition")


def test_shared(shots):
    """Over the deck's page: "Your deck is ready to share" with the zip's folder and how
    someone else opens it; one button."""
    _check(shots, "studio-shared")


def test_table_card(shots):
    """A table card's form: name "My room", theme Home, statement, picture, voice, question; the
    wide projector card with its "Home · Number 1" band and the poker-size paper card."""
    _check(shots, "studio-card-table")


def test_table_cards(shots):
    """The table game's page: six cards "1. My sister" ... with their theme and number,
    each row with Up, Down, Copy and Delete buttons, scrolled so that the card just written,
    "6. My name" (marked), is in view; Settings last along the bottom."""
    _check(shots, "studio-cards")


def test_open_shared(shots):
    """"Open a shared deck": the two .zip files found, newest first, "Table game cards.zip"
    (in your Desktop folder) then "Our journey from Hillside.zip" (in your Downloads
    folder), each with the day it was saved; Back."""
    _check(shots, "studio-open-shared")


def test_help(shots):
    """F1 in the studio: "Keys in the deck studio", moving on the left (Tab, Up and Down,
    Enter or Space, Left and Right, Esc, click or tap), writing on the right (Enter,
    Ctrl+Enter, Ctrl+Z, Ctrl+Y, F2 for settings, F1 for this help)."""
    _check(shots, "studio-help")

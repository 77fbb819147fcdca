"""Pictures of the facilitation screens at 1920x1080, compared with stored ones (see
test_ui_golden.py for how; update with CARDSDEALT_UPDATE_GOLDEN=1 after looking)."""

from __future__ import annotations

import pygame
import pytest
from golden_compare import check
from test_facilitation import NEXT, START, RoomHarness
from uikit import entries_for, journey_deck

K = pygame
SIZE = (1920, 1080)


@pytest.fixture(scope="module")
def shots(tmp_path_factory):
    mp = pytest.MonkeyPatch()
    mp.setenv("CARDSDEALT_DATA_DIR", str(tmp_path_factory.mktemp("data")))
    mp.setenv("CARDSDEALT_PRESET_SCREEN", "1")
    mp.delenv("CARDSDEALT_PRESENTER", raising=False)
    out: dict[str, pygame.Surface] = {}
    try:
        h = RoomHarness(entries_for(journey_deck(tmp_path_factory.mktemp("d") / "rens")),
                        size=SIZE)
        h.table.start()
        h.settle()
        h.key(START)
        out["preset"] = h.frame()
        h.key(NEXT)  # wraps to "Group supervision"
        h.key(START)
        while h.top.name == "intro":
            h.key(NEXT)
        h.settle()
        h.key(K.K_t, "t")  # the timer runs 25 s, then pauses
        h.settle(25)
        h.key(K.K_t, "t")
        out["timer"] = h.frame()
        for key, ch in ((K.K_1, "1"), (K.K_2, "2"), (K.K_2, "2"), (K.K_2, "2")):
            h.key(key, ch)
        out["tally"] = h.frame()
        out["notes"] = h.shot_between(K.K_n, "n")
        out["help"] = h.shot_between(K.K_h, "h")
        fac = h.app.facilitation
        fac.presenter_size = SIZE
        h.key(K.K_p, "p")  # one screen here: it asks first, and the test says yes
        h.key(K.K_DOWN)
        h.key(K.K_RETURN)
        h.app.step([], 0.05)
        out["presenter"] = fac.presenter.window.get_surface().copy()
        h.key(K.K_PERIOD, ".")
        out["blank"] = h.frame()
        h.app.step([], 0.05)
        out["presenter-blank"] = fac.presenter.window.get_surface().copy()
        h.key(K.K_b, "b")  # the card back
        h.key(K.K_n, "n")  # the notes larger on the presenter window, not on the projector
        h.app.step([], 0.05)
        out["presenter-notes"] = fac.presenter.window.get_surface().copy()
        fac.close()
    finally:
        mp.undo()
    return out


def _check(shots, name):
    check(shots[name], f"fac-{name}-{SIZE[0]}x{SIZE[1]}")


def test_preset_screen(shots):
    """"How will you run this session?": Group supervision, Interview panel (5 cards), On my
    own (marked: the plain way, as nothing is remembered yet); keys along the bottom."""
    _check(shots, "preset")


def test_timer(shots):
    """The door card and its two choices, each with a count column (0 hands); bottom right a
    ring three-quarters full around "1:35", "paused", and "Paused: 1 minute 35 seconds
    left" beside it; the meters take the rest of the bottom row."""
    _check(shots, "timer")


def test_tally(shots):
    """As the timer, with "1 hand" beside choice 1 and "3 hands · most" beside choice 2,
    bars as long as the counts, and the hint "4 hands counted: ..." under the choices."""
    _check(shots, "tally")


def test_notes_overlay(shots):
    """The table dimmed; a panel "For the facilitator", the card's title, its notes (or that
    it has none), "What we want you to know" and "Talk about it"."""
    _check(shots, "notes")


def test_help_overlay(shots):
    """The keys in two columns: clicker and keyboard on the left; running the room (T, + and
    −, N, K, P, Backspace) and the hands-up vote (numbers, C, F5, W) on the right."""
    _check(shots, "help")


def test_blank(shots):
    """A dark, empty screen (the presenter window says the projector is blank)."""
    _check(shots, "blank")


def test_presenter_window(shots):
    """The presenter view: the card on the projector, notes for you and the young people's
    words on the left; the ring, the hands counted per choice and "Next step: F5 takes the
    room's choice: 2. ..." on the right; the keys along the bottom."""
    _check(shots, "presenter")


def test_presenter_window_while_blank(shots):
    """As the presenter view, with a band at the top: "The projector is blank. Any key
    brings the card back.\""""
    _check(shots, "presenter-blank")


def test_presenter_window_with_the_notes_larger(shots):
    """After N: a band at the top, "Your notes are larger here, only on your screen: the room
    still sees the card. N again: the usual view."; on the left "Notes for you: The front
    door", its notes (or that it has none), "What we want you to know" and "Talk about it" in
    larger type (not the card's words); the ring, the hands and the next step on the right."""
    _check(shots, "presenter-notes")

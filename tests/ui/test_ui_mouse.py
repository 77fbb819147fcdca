"""A trainer or a practitioner with only a mouse (or a touch screen: one finger is a left
click) plays Kai's Journey, in every preset that runs it, from the start screen to the end,
and reaches every room action (timer, notes, blank, help, back a step, break) by clicking."""

from __future__ import annotations

import pytest
from uikit import Harness, entries_for

from cardsdealt.deck import load_deck
from cardsdealt.paths import DECKS as SHIPPED_DECKS


def MouseHarness(entries, preset) -> Harness:  # noqa: N802 - reads as the class
    return Harness(entries=entries, preset=preset, seed=5)


def _menu(h: Harness, result: str) -> None:
    """Open the play screen's Menu with a click and click the entry giving `result`."""
    scene = h.top
    h.tap(scene.menu_rect(scene.geom().header).center)
    menu = h.top
    assert menu.name == "room-menu"
    i = [r for r, _ in menu.entries].index(result)
    h.tap(menu.items()[i].center)


def _kai():
    return load_deck(SHIPPED_DECKS / "kais-journey")


@pytest.mark.parametrize("preset", ["solo", "supervision", "interview"])
def test_kais_journey_to_the_end_by_mouse_alone(preset):
    h = MouseHarness(entries_for(_kai()), preset)
    h.table.start()
    h.settle()
    start = h.top
    h.tap(start.items()[start.focus].center)  # the deck's row
    for _ in range(12):  # content notes, introduction (a click goes on)
        if h.top.name not in ("intro", "interview-setup", "preset", "message"):
            break
        items = h.top.items() if hasattr(h.top, "items") else []
        h.tap(items[-1].center if items and h.top.name != "intro" else (640, 360))
    h.settle()
    seen = []
    for _ in range(300):
        top = h.top
        if top.name in ("summary", "interview-end"):
            break
        if top.name == "reflection":
            _, _, save, skip = top._geometry()
            h.tap(skip.center)
            if h.top.name == "confirm":
                h.tap(h.top.items()[1].center)
        elif top.name == "panel-note":
            h.tap(top._buttons()[1].center)  # Keep the note
        elif top.name == "interview":
            seen.append(top.shown.id)
            before, note, after = top._buttons()
            h.tap(note.center)  # a private note, kept with a click
            assert h.top.name == "panel-note"
            h.tap(h.top._buttons()[1].center)
            h.tap(after.center)
        elif getattr(top, "phase", "") == "card":
            seen.append(top.shown.id)
            h.tap(top.items()[len(seen) % len(top.items())].center)
        elif getattr(top, "phase", "") == "response":
            h.tap(top._response_buttons()[1].center)
        else:
            h.tap((640, 360))
        h.settle(0.4)
    assert h.top.name in ("summary", "interview-end"), f"stuck on {h.top.name}"
    assert len(seen) >= 3
    h.app.close_windows() if hasattr(h.app, "close_windows") else None


def test_every_room_action_has_a_mouse_route():
    h = MouseHarness(entries_for(_kai()), "supervision")
    h.table.start()
    h.settle()
    h.tap(h.top.items()[h.top.focus].center)
    while h.top.name == "intro":
        h.tap((640, 360))
    h.settle()
    scene = h.top
    timer = h.app.facilitation.timer
    running = timer.running
    _menu(h, "timer")
    assert h.top is scene and timer.running != running
    for result in ("blank", "help", "notes", "break"):  # each opens, and a tap comes back
        _menu(h, result)
        assert h.top.name == result
        h.tap((640, 360))
        assert h.top is scene
    # hands counted by clicking the counts, the room's choice by clicking the choice
    cols = scene.tally_columns(scene._choices()[0])
    h.tap(cols[1].center)
    h.tap(cols[1].center)
    assert scene.tally.counts[1] == 2
    first = scene.shown
    h.tap(scene.items()[1].center)
    assert scene.phase == "response"
    h.tap(scene._response_buttons()[0].center)  # choose again
    assert scene.phase == "card" and scene.shown is first
    h.tap(scene.items()[0].center)
    h.tap(scene._response_buttons()[1].center)  # go on
    h.settle()
    assert scene.shown is not first
    _menu(h, "undo")  # back a step: the last card again
    assert scene.shown is first
    h.tap(scene.menu_rect(scene.geom().header).center, button=3)  # a right click
    assert h.top.name == "room-menu"
    h.tap(h.top.items()[0].center)  # back to the game
    assert h.top is scene

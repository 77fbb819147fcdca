"""The presenter window's "Next step" is always the step of the screen in front of the room
(the one the next press of the clicker goes to), never the play screen's under it: on a
group question, over a blank or a break, in a menu, and at the end."""

from __future__ import annotations

import pygame
import pytest
from test_facilitation import NEXT, START, RoomHarness, to_door_card, to_first_card
from uikit import entries_for

from cardsdealt.ui.pygame.presenter import gather

K = pygame
BACK = K.K_PAGEUP


@pytest.fixture(autouse=True)
def _own_settings(tmp_path, monkeypatch):
    monkeypatch.setenv("CARDSDEALT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("CARDSDEALT_PRESET_SCREEN", "1")
    monkeypatch.setenv("CARDSDEALT_PRESENTER", "1")


def step(h) -> str:
    return gather(h.app).next_step


def test_the_next_step_follows_a_group_question_and_what_covers_it(rens):
    h = RoomHarness(entries_for(rens), preset="supervision")
    to_door_card(h)
    assert "Count the hands" in step(h)
    h.hands(2, 3)
    h.key(START)
    assert step(h).startswith("Next opens a question")  # the response: true here
    h.key(NEXT)
    q = h.top
    assert q.name == "reflection"
    assert step(h).startswith("Next saves and goes on")  # not the response's "opens a question"
    h.key(K.K_RETURN)
    assert q.wants_text and step(h).startswith("Typing the group's words")
    h.key(K.K_PAGEUP)
    assert not q.wants_text and step(h).startswith("Next saves")
    h.key(BACK)
    assert step(h).startswith("“Skip” is marked")
    h.key(K.K_PERIOD, ".")
    assert h.top.name == "blank" and step(h).startswith("Any key or click brings the card")
    h.key(K.K_PERIOD, ".")
    h.key(K.K_k, "k")
    assert h.top.name == "break" and "comes back to the game" in step(h)
    h.key(K.K_k, "k")
    h.key(K.K_ESCAPE)
    assert h.top.name == "pause" and step(h).startswith("“Resume” is marked")
    h.key(K.K_ESCAPE)
    assert h.top is q and step(h).startswith("“Skip” is marked")
    h.key(NEXT)  # saves (nothing typed) and goes on: the play screen's own step again
    h.settle()
    assert h.top.name == "journey" and step(h) == h.top.next_step()
    pres = h.app.facilitation.presenter
    assert pres is not None and pres._key[10] == step(h)  # what the window drew last
    h.close_windows()


def test_the_next_step_before_and_after_the_game(rens):
    h = RoomHarness(entries_for(rens))
    h.table.start()
    h.settle()
    assert step(h) == "“Ren's Week” is marked: F5 (or hold Next) takes it; Next moves on."
    h.key(START)
    assert step(h).startswith("“On my own” is marked")
    h.key(NEXT)  # wraps round to the first
    assert step(h).startswith("“Group supervision” is marked")
    h.key(START)
    seen = []
    while h.top.name == "intro":
        seen.append(step(h))
        h.key(NEXT)
    assert seen and seen[-1].endswith("Next: deal the first card.")
    while h.top.name != "summary":  # choice 1 on every card; a question is saved as it is
        if h.top.name == "journey":
            h.hands(1)
        h.key(START)
        h.key(NEXT)
        h.settle()
    assert step(h).startswith("“") and "support panel is on the projector" in step(h)
    h.close_windows()


def test_the_table_game_end_marks_the_certificate(table_deck):
    h = RoomHarness(entries_for(table_deck), preset="table")
    to_first_card(h, preset_moves=0)
    game = h.top.game
    while not game.finished:  # played by the engine; the window catches up
        game.apply(game.actions()[0])
    h.table.finish()
    h.settle()
    s = h.top
    assert s.name == "summary"
    while s.focus != len(s.actions):
        h.key(K.K_DOWN)
    assert step(h).startswith("“Winners' certificate (W)” is marked")
    h.close_windows()

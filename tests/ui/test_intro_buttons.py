"""The content notes and the introduction, with a mouse or a finger only: Back and Next are
buttons you can see (findings-studio 20: the page said "Next (PageDown or Space)" and had no
button; a click anywhere went on, which nobody would guess, and nothing went back)."""

from __future__ import annotations

import pygame
import pytest
from uikit import Harness


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (720, 1280)])
def test_back_and_next_are_buttons_on_every_page(size):
    h = Harness(size)
    h.table.start()
    h.settle()
    while h.top.rows[h.top.focus].mode != "journey":  # a journey with content notes
        h.key(pygame.K_DOWN)
    h.key(pygame.K_F5)
    h.settle()
    while h.top.name != "intro":  # how the session runs: the first way offered
        h.key(pygame.K_RETURN)
        h.settle()
    intro = h.top
    assert len(intro.pages) == 2
    back, nxt = intro._buttons()
    for r in (back, nxt):
        assert r.w >= 48 and r.h >= 48 and 0 <= r.x and r.right <= size[0] \
            and r.bottom <= size[1]
    h.click(nxt.center)
    assert h.top is intro and intro.page == 1
    h.click(back.center)
    assert h.top is intro and intro.page == 0
    h.click(nxt.center)
    h.click(nxt.center)  # "Start" on the last page deals the first card
    h.settle()
    assert h.top.name != "intro"


def test_the_end_screen_counts_one_card_and_shows_no_command_line():
    """findings-studio 23: "1 cards · seed 954633 (to play this again: --seed 954633)" on a
    youth group's end screen."""
    from types import SimpleNamespace

    from cardsdealt.ui.pygame.scenes.summary import facts

    game = SimpleNamespace(mode="journey", seed=954633)
    line = facts(game, SimpleNamespace(path=["first-night"], reflections=[]))
    assert line.startswith("1 card ·") and "--" not in line and "954633" in line

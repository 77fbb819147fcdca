"""A deck that is both a journey and a table game has a start screen row for each; the
preset screen after each row offers only the ways to run that way of playing."""

from __future__ import annotations

import pygame
from deckfactory import small_deck
from uikit import Harness, entries_for


def test_each_row_of_a_two_mode_deck_offers_its_own_presets(room_settings):
    h = Harness((1280, 720), entries_for(small_deck()))
    h.table.start()
    h.settle()
    start = h.top
    rows = [(r.kind, r.mode) for r in start.rows if r.kind == "deck"]
    assert rows == [("deck", "journey"), ("deck", "classic")]
    offered = {}
    for mode in ("journey", "classic"):
        h.table.start()
        h.settle()
        start = h.top
        start.focus = next(i for i, r in enumerate(start.rows) if r.mode == mode)
        h.key(pygame.K_F5)
        assert h.top.name == "preset"
        offered[mode] = [p.name for p in h.top.options]
        drawn = " ".join(t for inks in h.words().inks.values() for _, _, t in inks)
        assert ("Group supervision" in drawn) == (mode == "journey"), drawn
        assert ("Classic table game" in drawn) == (mode == "classic"), drawn
    assert offered == {"journey": ["supervision", "interview", "solo"],
                       "classic": ["table", "interview"]}

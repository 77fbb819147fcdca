"""A trainer with only a presenter clicker (PageDown, PageUp, F5, Esc, '.', B) can play a
journey and a table game from the start screen to the end summary."""

from __future__ import annotations

import pygame
import pytest
from uikit import Harness, classic_deck, entries_for, journey_deck

from cardsdealt.deck import load_deck
from cardsdealt.paths import DECKS as SHIPPED_DECKS

NEXT, BACK, START = pygame.K_PAGEDOWN, pygame.K_PAGEUP, pygame.K_F5


def _shipped(name: str):
    return load_deck(SHIPPED_DECKS / name)


def play_journey_with_clicker(h: Harness, use_hold: bool) -> list[str]:
    """Returns the card ids seen. Every press is a clicker key."""
    h.table.start()
    h.key(START)  # the first deck is marked: start it
    for _ in range(10):  # content notes and introduction (may scroll)
        if h.top.name != "intro":
            break
        h.key(NEXT)
    h.settle(0.4)  # the first card is dealt (a press during the deal only finishes it)
    seen = []
    for turn in range(400):
        top = h.top
        if top.name == "summary":
            return seen
        if top.name == "reflection":
            h.key(NEXT)  # a clicker cannot type: PageDown goes on (skips)
        elif top.phase == "card":
            seen.append(top.shown.id)
            h.key(NEXT)  # marks choice 1
            if turn % 3 == 1:
                h.key(NEXT)  # moves the mark to choice 2
            if use_hold and turn % 2:
                h.hold(NEXT)
            else:
                h.key(START)
        else:
            h.key(NEXT)
        h.settle(0.4)
    raise AssertionError(f"the journey did not end; stuck on {h.top.name}")


@pytest.mark.parametrize("which", ["hand-built", "kais-journey"])
def test_journey_to_the_end_with_clicker_keys(which, tmp_path):
    deck = journey_deck(tmp_path / "d") if which == "hand-built" else _shipped(which)
    h = Harness((1280, 720), entries_for(deck), seed=11)
    seen = play_journey_with_clicker(h, use_hold=True)
    game = h.table.game
    assert game.finished and len(seen) >= 2
    assert [s.card_id for s in game.summary().path] == seen
    assert any(a[0] == "choose" and a[1] == 1 for a in game.state.actions)  # Next moved the mark


def test_clicker_back_undoes_and_blank_returns(tmp_path):
    h = Harness((1280, 720), entries_for(journey_deck(tmp_path / "d")), seed=3)
    h.table.start()
    h.key(START)
    h.key(NEXT)
    h.key(NEXT)
    h.settle()
    first = h.top.shown.id
    h.key(NEXT)
    h.key(START)
    assert h.top.phase == "response"
    h.key(BACK)  # undo the choice
    assert h.top.phase == "card" and h.top.shown.id == first and not h.table.game.state.actions
    h.key(pygame.K_PERIOD, ".")
    assert h.top.name == "blank"
    h.key(pygame.K_PERIOD, ".")
    assert h.top.name == "journey"
    h.key(pygame.K_ESCAPE)
    assert h.top.name == "pause" and h.app.running
    h.key(START)  # the clicker's start button resumes (Resume is marked)
    assert h.top.name == "journey"


def play_classic_with_clicker(h: Harness) -> int:
    h.table.start()
    h.key(START)
    for _ in range(10):
        if h.top.name != "intro":
            break
        h.key(NEXT)
    h.settle(0.4)
    turns = 0
    for _ in range(3000):
        top = h.top
        if top.name == "summary":
            return turns
        if top.discussing:
            h.key(NEXT)  # the group has talked: next turn
        else:
            h.key(NEXT)  # mark the first playable card, or Draw
            h.key(START)
            turns += 1
        h.settle(0.35)
    raise AssertionError("the table game did not end")


@pytest.mark.parametrize("which", ["hand-built", "cards-youre-dealt"])
def test_table_game_to_the_end_with_clicker_keys(which, tmp_path):
    deck = classic_deck(tmp_path / "d") if which == "hand-built" else _shipped(which)
    h = Harness((1280, 720), entries_for(deck), seed=5)
    turns = play_classic_with_clicker(h)
    game = h.table.game
    assert game.finished and turns > 2
    assert game.winner is not None or game.ending is not None
    assert any(a[0] == "play" for a in game.state.actions)


def test_no_playable_card_a_short_next_draws(tmp_path):
    h = Harness((1280, 720), entries_for(classic_deck(tmp_path / "d")), seed=5)
    h.table.start()
    h.key(START)
    while h.top.name == "intro":
        h.key(NEXT)
    h.settle(0.4)
    for _ in range(200):  # play until drawing is the only move
        top = h.top
        if top.name == "summary":
            pytest.skip("this seed never leaves a hand with no playable card")
        if top.discussing:
            h.key(NEXT)
        elif [k for k, _, _ in top._targets()] == ["draw"]:
            before = len(h.table.game.state.actions)
            h.key(NEXT)  # one short press: a card is drawn
            assert len(h.table.game.state.actions) == before + 1
            assert h.table.game.state.actions[-1][0] == "draw"
            return
        else:
            h.key(NEXT)
            h.key(START)
        h.settle(0.35)
    raise AssertionError("never had to draw")


@pytest.mark.parametrize("how", ["clicker", "mouse"])
def test_the_winners_certificate_by_clicker_or_mouse(how, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(tmp_path / "Documents"))
    h = Harness((1280, 720), entries_for(classic_deck(tmp_path / "d")), seed=5)
    play_classic_with_clicker(h)
    end = h.top
    assert end.name == "summary"
    cert = len(end.items()) - 1  # the certificate is the last stop
    if how == "clicker":
        while end.focus != cert:
            h.key(NEXT)
        h.key(START)
    else:
        r = end.items()[cert]
        h.app.step([pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=r.center, button=1)], 0.02)
    assert h.top.name == "message" and h.top.title == "Certificate saved"
    assert list(tmp_path.rglob("*certificate*.pdf"))

"""A resumed interview carries on where the panel had got to: the same cards, the same card on
the table, as many cards as were chosen, and the panel's notes back beside them. A save from
before the place was kept still opens, at the first card as it always did."""

from __future__ import annotations

import dataclasses
from types import SimpleNamespace

import pygame
import pytest
from test_facilitation import NEXT, RoomHarness
from test_facilitation_ends import Seen, to_interview
from uikit import entries_for, journey_deck

from cardsdealt.deck.model import Card, Source
from cardsdealt.engine.interview import pick_cards, saved_cards
from cardsdealt.session import SessionStore, savefile
from cardsdealt.ui.pygame.app import App

K = pygame
SEED = 5


pytestmark = pytest.mark.usefixtures("room_settings")  # tests/ui/conftest.py


@pytest.fixture
def deck(tmp_path):
    """Ren's week with five more cards: enough for an interview of seven."""
    base = journey_deck(tmp_path / "rens-week")
    src = Source("cards/b.yaml", 1, 1)
    more = tuple(Card(f"extra-{i}", f"Another day {i}", src, stage="settling",
                      text=f"Day {i}: I am still here, and I am still working it out.",
                      discuss="What would you notice, and what would you do?")
                 for i in range(1, 6))
    return dataclasses.replace(base, cards=base.cards + more)


def note(h, words: str) -> None:
    h.key(K.K_RETURN)
    assert h.top.name == "panel-note"
    h.type(words)
    h.key(K.K_RETURN, mod=K.KMOD_CTRL)
    assert h.top.name == "interview"


def next_card(h) -> None:
    h.key(NEXT)
    h.settle()  # the next card is dealt (a key during the deal only finishes it)


def quit_keeping_the_session(h) -> None:
    """Esc, then "Quit (your session is kept)"."""
    h.key(K.K_ESCAPE)
    assert h.top.name == "pause"
    choice = [k for k, _ in h.top.entries].index("quit") + 1
    h.key(getattr(K, f"K_{choice}"), str(choice))
    assert not h.app.running


def to_card_three_of_seven(h) -> tuple[list[str], dict[str, list[str]]]:
    """An interview of seven cards: a note on the first, on to the third, one on it too."""
    to_interview(h, more=2)
    scene = h.top
    assert scene.name == "interview" and len(scene.cards) == 7
    note(h, "Spoke about the bag first.")
    next_card(h)
    next_card(h)
    note(h, "Asked what the child would want.")
    assert scene.index == 2
    ids = [c.id for c in scene.cards]
    return ids, {ids[0]: ["Spoke about the bag first."],
                 ids[2]: ["Asked what the child would want."]}


def carry_on_from_start_screen(store, deck, changed: bool = False):
    """A new window: the start screen's first row, "Carry on". `changed`: the deck was edited
    since, so "Before you carry on" says so first."""
    h = RoomHarness(entries_for(deck), store=SessionStore(store.root), seed=SEED)
    h.table.start()
    h.settle()
    row = h.top.rows[0]
    assert row.kind == "resume"
    h.key(K.K_UP)  # the deck row is marked first: a session opens only when chosen
    h.key(K.K_RETURN)
    assert (h.top.name == "message") == changed
    if changed:
        h.key(K.K_RETURN)
    h.settle()
    return h, row


def test_a_resumed_interview_is_at_the_same_card_of_the_same_cards(store, deck, monkeypatch):
    seen = Seen(monkeypatch)
    h = RoomHarness(entries_for(deck), store=store, seed=SEED)
    ids, notes = to_card_three_of_seven(h)
    sid = h.app.session.id
    assert h.app.session.doc["meta"]["interview"] == {"cards": ids, "at": 2}
    quit_keeping_the_session(h)

    # a fresh window, where nobody has chosen a number of cards (5 unless told)
    h2, row = carry_on_from_start_screen(store, deck)
    assert "card 3 of 7" in row.detail and "Interview panel" in row.detail
    scene = h2.top
    assert scene.name == "interview" and h2.app.session.id == sid
    assert [c.id for c in scene.cards] == ids and scene.index == 2
    assert scene.shown.id == ids[2]
    assert scene.kept == notes  # the panel's notes are back, on their cards
    seen.words.clear()
    scene.changed()  # drawn again from scratch, not from the cached layer
    h2.frame()
    assert "Card 3 of 7" in seen.text
    assert "Panel notes" not in seen.text  # how many the panel kept is private
    # it carries on from here and keeps going: back to the first card, its note still there
    next_card(h2)
    assert scene.index == 3
    assert SessionStore(store.root).open(sid)[1]["meta"]["interview"]["at"] == 3
    for _ in range(3):
        h2.key(K.K_PAGEUP)
        h2.settle()
    assert scene.index == 0 and scene.kept[ids[0]] == ["Spoke about the bag first."]
    note(h2, "Came back to this at the end.")
    kept = [n["text"] for n in SessionStore(store.root).open(sid)[0].notes
            if n["card"] == ids[0]]
    assert kept == ["Spoke about the bag first.", "Came back to this at the end."]


def test_play_resume_opens_the_interview_at_its_card(store, deck, monkeypatch):
    """`cardsdealt play --resume ID`: straight into the interview, at the card it was on."""
    from cardsdealt import cli

    h = RoomHarness(entries_for(deck), store=store, seed=SEED)
    ids, notes = to_card_three_of_seven(h)
    sid = h.app.session.id
    quit_keeping_the_session(h)
    seen = {}

    def fake_run(self):
        top = self.top
        seen.update(top=top.name, cards=[c.id for c in top.cards], index=top.index,
                    kept=top.kept, session=self.session.id if self.session else None)
        return 0

    monkeypatch.setattr(App, "run", fake_run)
    from cardsdealt.session import resume as real

    # the test deck lives in memory, so `resume` is given it instead of loading the folder
    monkeypatch.setattr("cardsdealt.session.resume",
                        lambda st, sid_, deck_=None: real(st, sid_, deck=deck))
    assert cli.main(["play", "--resume", sid, "--size", "1280x720"]) == 0
    assert seen == {"top": "interview", "cards": ids, "index": 2, "kept": notes,
                    "session": sid}


def test_a_save_from_before_the_place_was_kept_starts_at_the_first_card(store, deck):
    h = RoomHarness(entries_for(deck), store=store, seed=SEED)
    ids, _ = to_card_three_of_seven(h)
    session = h.app.session
    quit_keeping_the_session(h)
    # the save as an older cardsdealt wrote it: no interview place in its meta
    doc = SessionStore(store.root).open(session.id)[1]
    del doc["meta"]["interview"]
    session.path.write_bytes(savefile.encode(doc))

    h2, row = carry_on_from_start_screen(store, deck)
    assert "card 1" in row.detail and " of " not in row.detail
    scene = h2.top
    assert scene.name == "interview" and h2.app.session.id == session.id
    assert scene.index == 0 and len(scene.cards) == 5  # as many as a new interview shows
    assert [c.id for c in scene.cards] == [c.id for c in pick_cards(deck, SEED, 5)]
    assert h2.top.name == "interview" and not h2.app.status
    for card in scene.cards:  # notes on cards shown again are back beside them
        if card.id in (ids[0], ids[2]):
            assert scene.kept[card.id]
    # from now on the place is kept with the session
    next_card(h2)
    place = SessionStore(store.root).open(session.id)[1]["meta"]["interview"]
    assert place == {"cards": [c.id for c in scene.cards], "at": 1}


def test_a_resumed_interview_leaves_out_cards_the_deck_no_longer_has(store, deck):
    h = RoomHarness(entries_for(deck), store=store, seed=SEED)
    ids, _ = to_card_three_of_seven(h)
    quit_keeping_the_session(h)
    edited = dataclasses.replace(deck, cards=tuple(c for c in deck.cards if c.id != ids[1]))
    h2, _ = carry_on_from_start_screen(store, edited)
    scene = h2.top
    assert [c.id for c in scene.cards] == ids[:1] + ids[2:]
    assert scene.shown.id == ids[2]  # still the card the panel was on
    assert "1 of this interview's cards is no longer in it" in scene.notice


def test_with_no_save_a_resumed_interview_is_shown_as_it_was(store, deck):
    """`--no-save --resume`: the interview and its notes are shown, nothing is written."""
    from cardsdealt.session import resume

    h = RoomHarness(entries_for(deck), store=store, seed=SEED)
    ids, notes = to_card_three_of_seven(h)
    sid = h.app.session.id
    quit_keeping_the_session(h)
    before = (store.root / sid / "session.json").read_bytes()
    h2 = RoomHarness(entries_for(deck), store=None, seed=SEED)
    h2.table.resumed(resume(SessionStore(store.root), sid, deck=deck))
    h2.settle()
    scene = h2.top
    assert [c.id for c in scene.cards] == ids and scene.index == 2 and scene.kept == notes
    next_card(h2)
    assert scene.index == 3 and h2.app.session is None
    assert (store.root / sid / "session.json").read_bytes() == before


# -- the saved place, without a window --------------------------------------------------------

def _deck(*ids: str):
    return SimpleNamespace(cards=tuple(SimpleNamespace(id=i) for i in ids))


@pytest.mark.parametrize("meta", [
    {}, {"interview": None}, {"interview": "card 3"}, {"interview": {"at": 2}},
    {"interview": {"cards": "abc", "at": 0}}, {"interview": {"cards": ["a"], "at": True}},
    {"interview": {"cards": ["a"], "at": "2"}}, {"interview": {"cards": [], "at": 0}},
    {"interview": {"cards": ["gone", 7, None], "at": 0}}, None, "meta",
])
def test_a_save_without_a_readable_place_starts_again(meta):
    assert saved_cards(_deck("a", "b", "c"), meta) is None


def test_the_saved_place_is_the_card_it_was_on():
    deck = _deck("a", "b", "c", "d")
    [a, b, c, d] = deck.cards
    assert saved_cards(deck, {"interview": {"cards": ["c", "a", "d"], "at": 1}}) == \
        ([c, a, d], 1, 0)
    # a lost card is left out; on it, the interview goes on at the next one still there
    assert saved_cards(deck, {"interview": {"cards": ["a", "x", "b"], "at": 1}}) == \
        ([a, b], 1, 1)
    assert saved_cards(deck, {"interview": {"cards": ["a", "b", "x"], "at": 2}}) == \
        ([a, b], 1, 1)
    assert saved_cards(deck, {"interview": {"cards": ["a", "b"], "at": 9}}) == ([a, b], 1, 0)
    assert saved_cards(deck, {"interview": {"cards": ["a", "b"], "at": -3}}) == ([a, b], 0, 0)


def test_a_full_disk_costs_the_panel_nothing_but_a_calm_notice(store, deck, monkeypatch):
    import cardsdealt.session.store as store_mod
    from cardsdealt.session import DiskFullError

    h = RoomHarness(entries_for(deck), store=store, seed=SEED)
    to_interview(h)
    scene = h.top
    real = store_mod.write_atomic

    def full(path, data, **_):
        raise DiskFullError("The disk is full.")

    monkeypatch.setattr(store_mod, "write_atomic", full)
    next_card(h)
    assert scene.index == 1 and h.app.status.startswith("Not saved just now: the disk is full")
    monkeypatch.setattr(store_mod, "write_atomic", real)
    next_card(h)  # the next save that works keeps the place, and the notice goes
    assert h.app.status == "" and not h.app.session.unsaved
    assert SessionStore(store.root).open(h.app.session.id)[1]["meta"]["interview"]["at"] == 2

"""What a front end keeps beside the game (an interview's cards and the card it is on), and how
the list of sessions says how far an interview got."""

import pytest

from cardsdealt.session import DiskFullError, SessionStore

from .fakes import FakeDeck, FakeGame

PLACE = {"cards": ["door", "tea", "school", "bus", "park"], "at": 2}


def test_save_meta_keeps_the_place_and_the_sessions_own_facts(store):
    s = store.start(FakeDeck(), FakeGame(), kind="group", preset="interview")
    s.save_meta(interview=PLACE)
    again, doc, _ = store.open(s.id)
    assert doc["meta"]["interview"] == PLACE
    assert doc["meta"]["kind"] == "group" and doc["meta"]["preset"] == "interview"
    assert doc["meta"]["deck"]["id"] == "fake"
    s.save(FakeGame(1))  # a save of the game leaves the place as it was
    assert store.open(s.id)[1]["meta"]["interview"] == PLACE


def test_save_meta_writes_nothing_when_nothing_changed(store):
    s = store.start(FakeDeck(), FakeGame(), kind="group", preset="interview")
    s.save_meta(interview=PLACE)
    seq = store.open(s.id)[1]["seq"]
    s.save_meta(interview=dict(PLACE))
    assert store.open(s.id)[1]["seq"] == seq
    s.save_meta(interview={**PLACE, "at": 3})
    assert store.open(s.id)[1]["seq"] == seq + 1


@pytest.mark.parametrize("name", ["kind", "preset", "deck", "created", "seconds"])
def test_save_meta_cannot_change_what_the_session_keeps_itself(store, name):
    s = store.start(FakeDeck(), FakeGame(), kind="group", preset="interview")
    with pytest.raises(ValueError):
        s.save_meta(**{name: "something else"})


def test_a_place_that_could_not_be_saved_goes_with_the_next_save(store, monkeypatch):
    import cardsdealt.session.store as store_mod

    s = store.start(FakeDeck(), FakeGame(), kind="group", preset="interview")
    real = store_mod.write_atomic

    def full(path, data, **_):
        raise DiskFullError("The disk is full.")

    monkeypatch.setattr(store_mod, "write_atomic", full)
    with pytest.raises(DiskFullError):
        s.save_meta(interview=PLACE)
    assert s.unsaved
    monkeypatch.setattr(store_mod, "write_atomic", real)
    s.save_draft("")  # any save that works
    assert not s.unsaved and store.open(s.id)[1]["meta"]["interview"] == PLACE


def test_the_list_says_which_card_of_how_many_an_interview_is_on(store):
    s = store.start(FakeDeck(), FakeGame(), kind="group", preset="interview")
    [info] = store.list()
    assert info.how_far == "card 0, Settling in"  # no place kept (as an older save)
    s.save_meta(interview=PLACE)
    [info] = SessionStore(store.root).list()
    assert info.how_far == "card 3 of 5" and info.turn == 3 and info.of == 5
    s.save_meta(interview={**PLACE, "at": 4})
    s.mark_finished()
    [info] = SessionStore(store.root).list()
    assert info.finished and info.how_far == "finished after 5 cards"


@pytest.mark.parametrize("place", [None, "card 3", {"at": 2}, {"cards": [], "at": 0},
                                   {"cards": ["a"], "at": "2"}, {"cards": ["a"], "at": True}])
def test_a_place_that_cannot_be_read_is_left_out_of_the_list(store, place):
    s = store.start(FakeDeck(), FakeGame(), kind="group", preset="interview")
    s.save_meta(interview=place)
    [info] = store.list()
    assert info.how_far == "card 0, Settling in" and info.of == 0

"""The interview preset's rules without a window: which cards, where the panel is, notes."""

from deckfactory import journey_deck

from cardsdealt.engine.interview import (
    UNFINISHED,
    how_far,
    panel_note,
    pick_cards,
    place_meta,
    saved_cards,
)


def test_the_same_seed_shows_every_candidate_the_same_cards():
    deck = journey_deck()
    first = pick_cards(deck, 7, 2)
    assert len(first) == 2 and pick_cards(deck, 7, 2) == first
    assert all(c.words.strip() for c in first)
    assert len(pick_cards(deck, 7, 99)) == len([c for c in deck.cards if c.words.strip()])


def test_the_place_kept_with_the_session_is_the_place_resumed():
    deck = journey_deck()
    cards = pick_cards(deck, 3, 3)
    assert saved_cards(deck, place_meta(cards, 2)) == (cards, 2, 0)


def test_no_place_kept_starts_at_the_first_card():
    assert saved_cards(journey_deck(), {}) is None
    assert saved_cards(journey_deck(), {"interview": {"cards": "first-night"}}) is None


def test_how_far_reads_the_same_place_without_the_deck():
    deck = journey_deck()
    meta = place_meta(pick_cards(deck, 3, 3), 2)
    assert how_far(meta) == (3, 3)  # the third card of three, counting from 1
    assert how_far({"interview": {"cards": ["a", "b"], "at": 9}}) == (2, 2)  # kept in range
    for unreadable in ({}, {"interview": {"cards": [], "at": 0}},
                       {"interview": {"cards": ["a"], "at": True}}, "not a dict"):
        assert how_far(unreadable) == (0, 0)
        assert saved_cards(deck, unreadable) is None  # the same reader says no to both


def test_a_note_typed_but_not_kept_is_kept_marked_unfinished():
    assert panel_note("Good listener", False) == "Good listener"
    assert panel_note("Good list", True) == "Good list" + UNFINISHED

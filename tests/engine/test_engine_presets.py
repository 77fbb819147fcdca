"""Which ways to run a session are offered for a deck and a way of playing it."""

from __future__ import annotations

from deckfactory import classic_deck, journey_deck, small_deck

from cardsdealt.engine import presets


def _names(deck, mode=None) -> list[str]:
    return [p.name for p in presets.fitting(deck, mode)]


def test_a_two_mode_decks_rows_offer_the_presets_of_their_own_way_of_playing():
    both = small_deck()
    assert both.modes == ("journey", "classic")
    assert _names(both, "classic") == ["table", "interview"]  # no journey presets
    assert _names(both, "journey") == ["supervision", "interview", "solo"]  # no table game
    for mode in ("journey", "classic"):
        assert all(presets.mode_for(p, both, mode) == mode for p in presets.fitting(both, mode))
    assert _names(both) == list(presets.NAMES)  # no way chosen: everything it can run


def test_a_one_mode_deck_offers_what_it_can_run():
    assert _names(journey_deck(), "journey") == ["supervision", "interview", "solo"]
    assert _names(classic_deck(), "classic") == ["table", "interview"]
    assert _names(classic_deck(), "journey") == ["table", "interview"]  # a way it lacks

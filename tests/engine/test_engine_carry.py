"""Carrying a game onto an edited deck (the live preview's rule), without a window."""

from __future__ import annotations

from dataclasses import replace

import pytest
from deckfactory import journey_deck

from cardsdealt.engine import Game, GameError
from cardsdealt.engine.carry import carry_onto, place


def _played() -> Game:
    game = Game.new(journey_deck(), seed=1)
    game.choose(1)
    while game.pending_reflection:
        game.reflect(None)
    return game


def test_replay_counts_the_actions_it_applied():
    game = _played()
    again = game.replay(game.state.actions)
    assert again.replayed == len(game.state.actions)
    assert again.to_json()["state"] == game.to_json()["state"]


def test_strict_replay_raises_where_a_tolerant_one_stops():
    game = _played()
    actions = [*game.state.actions, ["choose", 99, None]]
    with pytest.raises(GameError):
        game.replay(actions)
    stopped = game.replay(actions, tolerant=True)
    assert stopped.replayed == len(actions) - 1 and place(stopped) == place(game)


def test_an_edit_of_words_only_keeps_the_place_and_says_nothing():
    game = _played()
    cards = tuple(replace(c, text=c.text + " (edited)") for c in journey_deck().cards)
    edited = replace(journey_deck(), cards=cards)
    new, messages = carry_onto(game, edited)
    assert messages == [] and place(new) == place(game)
    assert new.current_card.text.endswith("(edited)")


def test_the_card_on_the_table_removed_carries_on_from_the_save_and_says_so():
    game = _played()
    gone = game.current_card.id
    edited = replace(journey_deck(), cards=tuple(c for c in journey_deck().cards
                                                 if c.id != gone))
    new, messages = carry_onto(game, edited)
    assert any(gone in m for m in messages)
    assert new.current_card is not None and new.current_card.id != gone


def test_a_deck_that_changed_its_id_is_played_again_with_the_same_actions():
    game = _played()
    new, messages = carry_onto(game, replace(journey_deck(), id="another-deck"))
    assert messages == [] and place(new) == place(game) and new.deck.id == "another-deck"


def test_when_nothing_fits_the_author_is_told_how_far_the_actions_went():
    game = _played()
    cards = tuple(replace(c, choices=c.choices[:1]) for c in journey_deck().cards)
    edited = replace(journey_deck(), id="another-deck", cards=cards)
    new, messages = carry_onto(game, edited)
    n = len(game.state.actions)
    assert len(messages) == 1 and "played again from the start" in messages[0]
    assert f"0 of {n} steps still fit" in messages[0] and new.turn == 1


def test_undo_choice_goes_back_to_the_card_and_returns_the_words_taken_back():
    game = Game.new(journey_deck(), seed=1)
    first = game.current_card.id
    game.choose(0)  # first-night asks two questions before the next card
    game.reflect("A lot.")
    game.reflect("")
    assert game.current_card.id != first
    events, answers = game.undo_choice()
    assert [e.kind for e in events] == ["undone"] and events[0].data["action"][0] == "choose"
    assert game.state.actions == [] and game.current_card.id == first
    assert game.pending_reflection is None
    assert answers == {"first-night#1": "A lot."}  # the skipped one had no words to keep


def test_undo_choice_with_a_question_waiting_takes_the_choice_back():
    game = Game.new(journey_deck(), seed=1)
    game.choose(0)
    assert game.pending_reflection is not None
    game.undo_choice()
    assert game.state.actions == [] and game.pending_reflection is None


def test_undo_choice_refuses_with_nothing_to_undo_and_in_the_table_game():
    from deckfactory import classic_deck

    with pytest.raises(GameError):
        Game.new(journey_deck(), seed=1).undo_choice()
    with pytest.raises(GameError):
        Game.new(classic_deck(), seed=1, players=2).undo_choice()

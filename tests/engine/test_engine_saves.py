"""Saving, resuming, replaying and undoing: exact, and kind when the deck has changed."""

from __future__ import annotations

import json
import random

import pytest
from deckfactory import classic_deck, journey_deck

from cardsdealt.engine import SAVE_VERSION, Game, GameError, SaveError


def random_actions(game, n, seed):
    r = random.Random(seed)
    done = []
    for _ in range(n):
        if game.finished:
            break
        action = list(r.choice(game.actions()))
        if action[0] == "reflect":
            action.append(r.choice(["", "I noticed something.", None]))
        if action[0] == "choose":
            action.append(r.choice([None, [r.randrange(5) for _ in game.choices]]))
        game.apply(action)
        done.append(action)
    return done


def via_text(game):
    return Game.from_json(game.deck, json.loads(json.dumps(game.to_json())))


@pytest.mark.parametrize("deck", [journey_deck(), classic_deck()], ids=["journey", "classic"])
def test_replay_is_deterministic(deck):
    for seed in range(5):
        a = Game.new(deck, seed=seed, players=3)
        actions = random_actions(a, 60, seed)
        b = Game.new(deck, seed=seed, players=3)
        for action in actions:
            b.apply(action)
        assert a.to_json() == b.to_json()
        assert a.to_json()["state"]["actions"] == actions


@pytest.mark.parametrize("deck", [journey_deck(), classic_deck()], ids=["journey", "classic"])
def test_seed_changes_the_deal(deck):
    deals = {json.dumps(Game.new(deck, seed=s, players=2).to_json()["state"]) for s in range(8)}
    assert len(deals) > 1


@pytest.mark.parametrize("deck", [journey_deck(), classic_deck()], ids=["journey", "classic"])
def test_save_mid_game_and_continue_identically(deck):
    for seed in range(4):
        a = Game.new(deck, seed=seed, players=2)
        random_actions(a, 5, seed)
        b = via_text(a)
        assert b.to_json() == a.to_json() and b.load_warnings == []
        rest = random_actions(a, 40, seed + 100)
        for action in rest:
            b.apply(action)
        assert b.to_json() == a.to_json()


@pytest.mark.parametrize("deck", [journey_deck(), classic_deck()], ids=["journey", "classic"])
def test_undo_goes_back_exactly_step_by_step(deck, make):
    game = make(deck, seed=7, players=2)
    saved = [game.to_json()]
    r = random.Random(3)
    while not game.finished and len(saved) < 25:
        action = list(r.choice(game.actions()))
        if action[0] == "reflect":
            action.append("thought")
        game.apply(action)
        saved.append(game.to_json())
    saved.pop()
    while saved:
        ev = game.undo()
        assert [e.kind for e in ev] == ["undone"]
        assert game.to_json() == saved.pop()
    with pytest.raises(GameError):
        game.undo()


def test_undo_a_reflection_answer_brings_the_prompt_back(make):
    game = make(journey_deck(), seed=1)
    game.choose(0)
    prompt = game.pending_reflection
    game.reflect("my answer")
    game.undo()
    assert game.pending_reflection == prompt
    game.undo()
    assert game.pending_reflection is None and game.current_card.id == "first-night"
    assert game.stats == {"trust": 2, "belonging": 2}


JOURNEY_BAD = [
    lambda g: g.choose(2), lambda g: g.choose(-1), lambda g: g.choose("1"),
    lambda g: g.choose(True), lambda g: g.choose(0, votes=[1, 2, 3]),
    lambda g: g.reflect("no prompt"), lambda g: g.play("first-night"), lambda g: g.draw(),
    lambda g: g.end_discussion(), lambda g: g.undo(), lambda g: g.apply(["dance"]),
]


@pytest.mark.parametrize("bad", JOURNEY_BAD)
def test_invalid_journey_actions_change_nothing(make, bad):
    game = make(journey_deck(), seed=1)
    before = game.to_json()
    with pytest.raises(GameError):
        bad(game)
    assert game.to_json() == before


def test_actions_after_the_end_are_refused(make):
    game = make(journey_deck(), seed=1)
    while not game.finished:
        game.reflect(None) if game.pending_reflection else game.choose(1)
    before = game.to_json()
    for bad in (lambda: game.choose(0), lambda: game.reflect("x")):
        with pytest.raises(GameError):
            bad()
    assert game.to_json() == before
    game.undo()  # but undo still works after the end
    assert not game.finished


@pytest.mark.parametrize("bad", [
    lambda g: g.play("nope"), lambda g: g.end_discussion(), lambda g: g.choose(0),
    lambda g: g.play(g.hands[1][0].id),
])
def test_invalid_classic_actions_change_nothing(make, bad):
    game = make(classic_deck(), seed=1, players=2)
    before = game.to_json()
    with pytest.raises(GameError):
        bad(game)
    assert game.to_json() == before


def test_save_format_header():
    data = Game.new(journey_deck(), seed=3).to_json()
    assert data["format"] == "cardsdealt-game" and data["version"] == SAVE_VERSION
    assert data["min_reader"] <= SAVE_VERSION
    assert data["deck"] == "journey-test" and data["seed"] == 3 and data["mode"] == "journey"
    assert json.loads(json.dumps(data)) == data


@pytest.mark.parametrize("change, words", [
    (lambda d: d.update(version=SAVE_VERSION + 1, min_reader=SAVE_VERSION + 1), "newer"),
    (lambda d: d.update(save_version=SAVE_VERSION + 1) or [d.pop(k) for k in
                                                           ("version", "min_reader")], "newer"),
    (lambda d: d.update(format="cardsdealt-session"), "not a cardsdealt game"),
    (lambda d: d.update(deck="another-deck"), "another-deck"),
    (lambda d: d.pop("version"), "damaged"),
    (lambda d: d["state"].pop("stats"), "damaged"),
    (lambda d: d["state"].update(turn="seven"), "damaged"),
    (lambda d: d.update(state=[]), "damaged"),
])
def test_bad_saves_raise_save_error_with_clear_message(change, words):
    data = Game.new(journey_deck(), seed=3).to_json()
    change(data)
    with pytest.raises(SaveError) as err:
        Game.from_json(journey_deck(), data)
    assert words in str(err.value)
    assert isinstance(err.value, GameError)


def test_a_save_in_the_first_layout_still_opens():
    """Version 1 named its version keys save_version/min_compatible and had no format."""
    game = Game.new(journey_deck(), seed=3)
    game.choose(0)
    data = game.to_json()
    for key in ("format", "version", "min_reader"):
        data.pop(key)
    data.update(save_version=1, min_compatible=1)
    again = Game.from_json(journey_deck(), data)
    assert again.state.to_json() == game.state.to_json()


def test_not_a_save():
    with pytest.raises(SaveError):
        Game.from_json(journey_deck(), ["not", "a", "save"])


def _without(deck, *ids):
    from dataclasses import replace
    return replace(deck, cards=tuple(c for c in deck.cards if c.id not in ids))


def test_save_from_older_deck_with_card_removed_from_history():
    game = Game.new(journey_deck(), seed=1)
    game.choose(0)
    game.reflect("kept answer")
    game.reflect(None)
    assert game.current_card.id == "phone-call"
    game.choose(1)
    edited = _without(journey_deck(), "first-night")
    loaded = Game.from_json(edited, json.loads(json.dumps(game.to_json())))
    assert len(loaded.load_warnings) == 1 and "first-night" in loaded.load_warnings[0]
    assert loaded.current_card.id == game.current_card.id
    s = loaded.summary()
    assert s.path[0].card_id == "first-night" and s.path[0].title == "First night"
    assert s.reflections[0].answer == "kept answer"
    while not loaded.finished:
        loaded.reflect(None) if loaded.pending_reflection else loaded.choose(0)
    with pytest.raises(GameError):  # cannot replay to before the resume point
        for _ in range(20):
            loaded.undo()


def test_save_from_older_deck_with_current_card_removed_deals_another():
    game = Game.new(journey_deck(), seed=1)
    game.choose(1)  # first-night, no forced card
    while game.pending_reflection:
        game.reflect(None)
    current = game.current_card.id
    edited = _without(journey_deck(), current)
    loaded = Game.from_json(edited, game.to_json())
    assert any(current in w for w in loaded.load_warnings)
    assert loaded.current_card is not None and loaded.current_card.id != current
    assert [e.kind for e in loaded.start_events][-1] == "card_dealt"


def test_save_from_older_deck_with_stat_changes():
    from dataclasses import replace

    from cardsdealt.deck.model import Stat
    game = Game.new(journey_deck(), seed=1)
    game.choose(0)
    edited = replace(journey_deck(), stats=(Stat("trust", "Trust", 2, 0, 2),
                                            Stat("voice", "Being heard", 1, 0, 5)))
    loaded = Game.from_json(edited, game.to_json())
    assert loaded.stats == {"trust": 2, "voice": 1}
    assert any("belonging" in w for w in loaded.load_warnings)


def test_classic_save_from_older_deck_with_cards_removed():
    game = Game.new(classic_deck(), seed=5, players=2)
    gone = [game.hands[0][0].id, game.current_card.id]
    edited = _without(classic_deck(), *gone)
    loaded = Game.from_json(edited, game.to_json())
    assert len(loaded.load_warnings) == 2
    assert len(loaded.hands[0]) == 6
    assert loaded.current_card is not None and loaded.current_card.id not in gone
    while not loaded.finished:
        loaded.apply(list(loaded.actions()[0]))
    assert loaded.winner is not None


def test_undo_after_exact_resume_works():
    game = Game.new(journey_deck(), seed=2)
    game.choose(1)
    game.reflect("low trust")
    game.choose(0)
    loaded = via_text(game)
    loaded.undo()
    game.undo()
    assert loaded.to_json() == game.to_json()


def test_random_state_saves_as_plain_numbers():
    data = Game.new(classic_deck(), seed=11, players=4).to_json()
    assert isinstance(data["state"]["rng_counter"], int)
    assert data["state"]["rng_counter"] > 0


BAD_VALUES = (None, "x", 5, -1, 99, True, [], {}, [None], [[]], [["a"]], [{}], [{"card": 5}],
              [{"card": "x", "turn": 1}], {"a": "b"})


@pytest.mark.parametrize("deck", [journey_deck(), classic_deck()], ids=["journey", "classic"])
def test_damaged_state_fields_never_crash(deck):
    """Any one field of the saved state replaced by junk: a SaveError, or a game that plays."""
    import copy
    game = Game.new(deck, seed=3, players=2)
    random_actions(game, 3, 1)
    base = game.to_json()
    for key in base["state"]:
        for bad in BAD_VALUES:
            data = copy.deepcopy(base)
            data["state"][key] = bad
            try:
                loaded = Game.from_json(deck, data)
                loaded.summary(), loaded.hands, loaded.current_card, loaded.discussing
                random_actions(loaded, 30, 2)
            except SaveError:
                pass

"""Journey rules: dealing, stages, effects, forced cards, reflections, endings."""

from __future__ import annotations

import pytest
from deckfactory import STATS, card, choice, cond, journey_deck

from cardsdealt.deck.model import Ending, Reflection, Stage
from cardsdealt.engine import EVENT_KINDS, GameError


def kinds(events):
    return [e.kind for e in events]


def play_to_end(game, pick=0):
    while not game.finished:
        if game.pending_reflection is not None:
            game.reflect(None)
        else:
            game.choose(pick % len(game.choices))


def linear_deck(*cards, stages=None, **kw):
    """A deck whose cards are dealt in a known order (weights make the first eligible win)."""
    stages = stages or (Stage("one", "One", draws=len(cards)),)
    cards = tuple(c if c.stage else c for c in cards)
    return journey_deck(stages=stages, cards=cards, reflections=kw.pop("reflections", ()),
                        **kw)


def test_start_deals_first_card_of_first_stage(make, jdeck):
    game = make(jdeck, seed=1)
    assert kinds(game.start_events) == ["game_started", "stage_changed", "card_dealt"]
    assert game.mode == "journey" and game.seed == 1
    assert game.stage.id == "arriving"
    assert game.current_card.stage == "arriving"
    assert game.turn == 1
    assert game.stats == {"trust": 2, "belonging": 2}
    assert game.flags == frozenset()
    assert game.actions() == [("choose", 0), ("choose", 1)]
    assert not game.finished and game.ending is None


def test_effects_change_stats_and_flags_with_events(make, jdeck):
    game = make(jdeck, seed=1)
    assert game.current_card.id == "first-night"  # weight 1000
    events = game.choose(0)
    assert kinds(events)[:4] == ["choice_made", "stat_changed", "flag_set", "response"]
    changed = events[1].data
    assert (changed["stat"], changed["old"], changed["new"]) == ("trust", 2, 3)
    assert game.stats["trust"] == 3
    assert "has_trusted_adult" in game.flags
    assert all(e.kind in EVENT_KINDS for e in events)


def test_effects_clamp_to_bounds(make):
    deck = linear_deck(card("a", "one", choice("down", {"trust": -9}), choice("up", {"trust": 9}),
                            weight=100),
                       card("b", "one", choice("up", {"trust": 9}), choice("x")))
    game = make(deck, seed=3)
    ev = game.choose(0)
    sc = [e.data for e in ev if e.kind == "stat_changed"][0]
    assert (sc["old"], sc["new"], sc["wanted"]) == (2, 0, -9)
    assert game.stats["trust"] == 0
    game.choose(0)
    assert game.stats["trust"] == 5


def test_clear_flag(make):
    deck = linear_deck(card("a", "one", choice("set", set=["moved_school"]), choice("x"),
                            weight=100),
                       card("b", "one", choice("clear", clear=["moved_school"]), choice("x")))
    game = make(deck, seed=1)
    game.choose(0)
    assert "moved_school" in game.flags
    ev = game.choose(0)
    assert "flag_cleared" in kinds(ev) and "moved_school" not in game.flags


def test_requires_and_once(make):
    stages = (Stage("one", "One", draws=3),)
    deck = linear_deck(
        card("gate", "one", choice("open", set=["has_trusted_adult"]), choice("x"), weight=50),
        card("locked", "one", requires=cond("has_trusted_adult", stages=stages), weight=1000),
        card("plain", "one", weight=1),
        stages=stages)
    game = make(deck, seed=2)
    assert game.current_card.id == "gate"  # "locked" is not eligible yet, though heavier
    game.choose(0)
    assert game.current_card.id == "locked"
    game.choose(0)
    assert game.current_card.id == "plain"  # once: gate and locked are not dealt again
    game.choose(0)
    assert game.finished


def test_once_false_card_can_come_back(make):
    deck = linear_deck(card("again", "one", once=False), stages=(Stage("one", "One", draws=3),))
    game = make(deck, seed=1)
    for _ in range(3):
        assert game.current_card.id == "again"
        game.choose(0)
    assert game.finished and game.turn == 3


def test_weight_zero_is_never_dealt_and_weights_bias(jdeck):
    from cardsdealt.engine import Game
    firsts = [Game.new(jdeck, seed=s).current_card.id for s in range(40)]
    # first-night weighs 1000, phone-call 0.001, bin-bag 1
    assert firsts.count("first-night") >= 38
    deck = linear_deck(card("zero", "one", weight=0), card("one", "one"))
    assert {Game.new(deck, seed=s).current_card.id for s in range(20)} == {"one"}


def test_next_forces_card_and_reflect_comes_first(make, jdeck):
    game = make(jdeck, seed=1)
    ev = game.choose(0)  # first-night: next phone-call, reflect prompt
    raised = [e for e in ev if e.kind == "reflection_raised"]
    assert raised[0].data["id"] == "first-night#1"
    assert game.pending_reflection.text == "What does a bin bag say to a child?"
    assert game.current_card.id == "first-night"  # no new card until reflections are done
    assert game.actions() == [("reflect",)]
    with pytest.raises(GameError):
        game.choose(0)
    ev = game.reflect("A lot.")
    assert kinds(ev)[0] == "reflection_answered"
    assert game.pending_reflection.id == "trusted"  # the rule queued second
    ev = game.reflect("")
    assert kinds(ev)[0] == "reflection_skipped"
    dealt = [e for e in ev if e.kind == "card_dealt"]
    assert dealt[0].data["card"] == "phone-call" and dealt[0].data["forced"]


def test_next_into_later_stage_jumps(make):
    stages = (Stage("one", "One", draws=5), Stage("two", "Two", draws=5),
              Stage("three", "Three", draws=1))
    deck = linear_deck(
        card("start", "one", choice("jump", next="far"), choice("stay"), weight=100),
        card("filler", "one"), card("middle", "two"), card("far", "three"),
        stages=stages)
    game = make(deck, seed=1)
    ev = game.choose(0)
    changes = [e.data for e in ev if e.kind == "stage_changed"]
    assert [c["stage"] for c in changes] == ["three"]
    assert changes[0]["reason"] == "jumped"
    assert game.current_card.id == "far" and game.stage.id == "three"
    game.choose(0)
    assert game.finished
    assert "middle" not in {s.card_id for s in game.summary().path}


def test_next_to_seen_once_card_is_ignored(make):
    deck = linear_deck(
        card("a", "one", choice("go back to b", next="b"), choice("x"), weight=100),
        card("b", "one", choice("go to a", next="a"), choice("x"), weight=10),
        card("c", "one"),
        stages=(Stage("one", "One", draws=5),))
    game = make(deck, seed=1)
    game.choose(0)
    assert game.current_card.id == "b"
    game.choose(0)  # a was seen and is once: normal dealing continues
    assert game.current_card.id == "c"


def test_stage_ends_after_draws_until_and_when_empty(make):
    stages = (Stage("one", "One", draws=1),
              Stage("two", "Two", draws=9, until=cond("trust >= 4")),
              Stage("three", "Three", draws=9))
    deck = linear_deck(
        card("one-a", "one", weight=10), card("one-b", "one"),
        card("two-a", "two", choice("up", {"trust": 2}), choice("x"), weight=10),
        card("two-b", "two"),
        card("three-a", "three"),
        stages=stages)
    game = make(deck, seed=1)
    assert game.current_card.id == "one-a"
    ev = game.choose(0)  # draws=1 reached
    assert [e.data["reason"] for e in ev if e.kind == "stage_changed"] == ["draws"]
    assert game.current_card.id == "two-a"
    ev = game.choose(0)  # trust 3 -> 5: `until` holds
    assert [e.data["reason"] for e in ev if e.kind == "stage_changed"] == ["until"]
    assert game.current_card.id == "three-a"
    ev = game.choose(0)  # nothing else eligible in the last stage: the game ends
    assert kinds(ev)[-1] == "game_ended" and game.finished
    assert game.current_card is None and game.actions() == []
    assert [r for _, r in game.state.stage_log] == ["draws", "until", "no_cards"]


def test_first_matching_ending_else_default(make):
    endings = (Ending("high", "High", "Trust is high.", cond("trust >= 3")),
               Ending("low", "Low", "Trust is low.", cond("trust <= 1")),
               Ending("default", "Middle", "Somewhere between."))
    deck = linear_deck(card("a", "one", choice("up", {"trust": 1}), choice("down", {"trust": -1}),
                            choice("same")),
                       stages=(Stage("one", "One", draws=1),), endings=endings)
    results = {}
    for pick in range(3):
        game = make(deck, seed=1)
        ev = game.choose(pick)
        results[pick] = game.ending.id
        assert ev[-1].data["ending"] == game.ending.id
    assert results == {0: "high", 1: "low", 2: "default"}


def test_reflection_rules_once_and_each_time(make):
    stages = (Stage("one", "One", draws=6),)
    rules = (Reflection("low", cond("trust <= 1"), "Low trust?", once=True),
             Reflection("flag", cond("moved_school"), "Moved school?", once=False))
    deck = linear_deck(
        card("c", "one", choice("down", {"trust": -1}), choice("up", {"trust": 1}),
             choice("move", set=["moved_school"]), choice("unmove", clear=["moved_school"]),
             once=False),
        stages=stages, reflections=rules)
    game = make(deck, seed=1)
    raised = []

    def do(i):
        for e in game.choose(i):
            if e.kind == "reflection_raised":
                raised.append(e.data["id"])
        while game.pending_reflection is not None:
            for e in game.reflect("noted"):
                if e.kind == "reflection_raised":
                    raised.append(e.data["id"])

    do(0)  # trust 1: low fires
    do(1)  # trust 2
    do(0)  # trust 1 again: once=True rule stays quiet
    do(2)  # moved_school: flag fires
    do(3)  # cleared
    do(2)  # set again: once=False fires again
    assert raised == ["low", "flag", "flag"]
    assert [r.status for r in game.summary().reflections] == ["answered"] * 3


def test_several_reflections_queue_and_choice_prompt_first(make):
    rules = (Reflection("r1", cond("trust >= 3"), "First rule"),
             Reflection("r2", cond("belonging >= 3"), "Second rule"))
    deck = linear_deck(card("a", "one", choice("both", {"trust": 1, "belonging": 1},
                                               reflect="Choice prompt"), choice("x"),
                            weight=100),
                       card("b", "one"), stages=(Stage("one", "One", draws=2),),
                       reflections=rules)
    game = make(deck, seed=1)
    game.choose(0)
    seen = []
    while game.pending_reflection is not None:
        seen.append(game.pending_reflection.text)
        assert game.current_card.id == "a"
        game.reflect(None)
    assert seen == ["Choice prompt", "First rule", "Second rule"]
    assert game.current_card.id == "b"


def test_votes_recorded_and_checked(make, jdeck):
    game = make(jdeck, seed=1)
    with pytest.raises(GameError):
        game.choose(0, votes=[1])
    with pytest.raises(GameError):
        game.choose(0, votes=[1, -2])
    ev = game.choose(1, votes=[3, 5])
    assert ev[0].data["votes"] == [3, 5]
    assert game.summary().path[0].votes == (3, 5)


def test_summary_path_stats_moves_and_ending(make, jdeck):
    game = make(jdeck, seed=4)
    play_to_end(game)
    s = game.summary()
    assert s.finished and s.ending_id in {"hopeful", "default"}
    assert len(s.path) == game.turn == len(s.stat_history) - 1
    assert all(step.label for step in s.path)
    assert s.stat_history[0] == {"trust": 2, "belonging": 2}
    assert s.stat_history[-1] == game.stats
    for stat in ("trust", "belonging"):
        moved = sum(m.change for m in s.stat_moves[stat])
        assert s.stat_history[0][stat] + moved == game.stats[stat]
    data = s.to_json()
    import json
    assert json.loads(json.dumps(data)) == data


def test_every_game_ends(jdeck):
    from cardsdealt.engine import Game
    for seed in range(30):
        game = Game.new(jdeck, seed=seed)
        play_to_end(game, pick=seed)
        assert game.ending is not None
        assert game.turn <= sum(s.draws for s in jdeck.stages)


def test_mode_must_be_offered(jdeck):
    from cardsdealt.engine import Game
    with pytest.raises(GameError):
        Game.new(jdeck, mode="classic")
    with pytest.raises(GameError):
        Game.new(jdeck, mode="poker")
    assert Game.new(jdeck).mode == "journey"
    assert isinstance(Game.new(jdeck).seed, int)


def test_stats_in_deck_only():
    assert {s.id for s in STATS} == {"trust", "belonging"}

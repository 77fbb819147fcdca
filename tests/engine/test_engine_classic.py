"""Classic rules: the paper game for 2 to 5 players or teams."""

from __future__ import annotations

import pytest
from deckfactory import classic_deck

from cardsdealt.engine import Game, GameError


def set_table(game, hands, top, pile=(), discard=(), player=0):
    """Arrange the table by hand (rules tests only: undo would not match such a game)."""
    s = game.state
    s.hands = [list(h) for h in hands]
    s.top, s.pile, s.discard, s.player = top, list(pile), list(discard), player


def test_deal(make, cdeck):
    game = make(cdeck, mode="classic", seed=2, players=3)
    assert [e.kind for e in game.start_events] == ["game_started", "card_dealt", "turn_passed"]
    assert [len(h) for h in game.hands] == [7, 7, 7]
    assert game.current_card is not None and game.player == 0
    assert game.player_names == ["Player 1", "Player 2", "Player 3"]
    ids = [c.id for h in game.hands for c in h] + game.state.pile + [game.current_card.id]
    assert sorted(ids) == sorted(c.id for c in cdeck.cards)  # every card once
    assert game.choices == () and game.pending_reflection is None


def test_small_deck_deals_fewer_cards(make):
    deck = classic_deck(n_per_theme=1)  # 5 cards
    game = make(deck, seed=1, players=2)
    assert [len(h) for h in game.hands] == [2, 2]
    with pytest.raises(GameError):
        Game.new(classic_deck(n_per_theme=1), players=5)


@pytest.mark.parametrize("players", [1, 6, 0])
def test_player_count_checked(cdeck, players):
    with pytest.raises(GameError):
        Game.new(cdeck, players=players)


def test_player_names(cdeck):
    game = Game.new(cdeck, players=2, player_names=["Reds", "Blues"])
    assert game.player_names == ["Reds", "Blues"]
    with pytest.raises(GameError):
        Game.new(cdeck, players=3, player_names=["Reds", "Blues"])


def test_playable_matches_theme_or_number(make, cdeck):
    game = make(cdeck, seed=1, players=2)
    set_table(game, [["recovery-3", "resilience-5", "relationships-2"], ["feeling-safe-1"]],
              top="recovery-5", pile=["feeling-safe-2"])
    assert sorted(c.id for c in game.playable()) == ["recovery-3", "resilience-5"]
    assert game.actions() == [("play", "recovery-3"), ("play", "resilience-5")]
    before = game.to_json()
    with pytest.raises(GameError):
        game.play("relationships-2")  # neither theme nor number match
    with pytest.raises(GameError):
        game.play("feeling-safe-1")  # someone else's card
    with pytest.raises(GameError):
        game.draw()  # a card can be played
    assert game.to_json() == before


def test_match_fields_come_from_the_deck(make):
    from cardsdealt.deck.model import ClassicRules
    deck = classic_deck(classic=ClassicRules(2, 5, 7, ("theme",), ()))
    game = make(deck, seed=1, players=2)
    set_table(game, [["recovery-3", "resilience-5"], ["feeling-safe-1"]], top="recovery-5")
    assert [c.id for c in game.playable()] == ["recovery-3"]


def test_play_pauses_for_discussion_then_next_player(make, cdeck):
    game = make(cdeck, seed=1, players=2)
    set_table(game, [["recovery-3", "resilience-1"], ["feeling-safe-1"]], top="recovery-5")
    ev = game.play("recovery-3")
    assert [e.kind for e in ev] == ["card_played", "discussion_started"]
    assert ev[1].data["discuss"] and ev[1].data["voice"]
    assert game.discussing.id == "recovery-3" and game.current_card.id == "recovery-3"
    assert game.actions() == [("end_discussion",)]
    assert game.playable() == []
    with pytest.raises(GameError):
        game.play("resilience-1")
    with pytest.raises(GameError):
        game.draw()
    assert game.player == 0
    ev = game.end_discussion()
    assert [e.kind for e in ev] == ["discussion_ended", "turn_passed"]
    assert game.player == 1 and game.discussing is None
    assert game.state.discard == ["recovery-5"]
    with pytest.raises(GameError):
        game.end_discussion()


def test_draw_passes_turn(make, cdeck):
    game = make(cdeck, seed=1, players=2)
    set_table(game, [["relationships-1"], ["feeling-safe-1"]], top="recovery-5",
              pile=["resilience-5"])
    assert game.actions() == [("draw",)]
    ev = game.draw()
    assert [e.kind for e in ev] == ["card_drawn", "turn_passed"]
    assert [c.id for c in game.hands[0]] == ["relationships-1", "resilience-5"]
    assert game.player == 1


def test_empty_pile_reshuffles_discards_under_top(make, cdeck):
    game = make(cdeck, seed=1, players=2)
    set_table(game, [["relationships-1"], ["feeling-safe-1"]], top="recovery-5",
              discard=["resilience-2", "resilience-3"])
    ev = game.draw()
    assert ev[0].data["reshuffled"]
    assert game.current_card.id == "recovery-5"  # the top card stays
    assert len(game.state.pile) == 1 and game.state.discard == []
    assert game.hands[0][-1].id in {"resilience-2", "resilience-3"}


def test_nothing_to_draw_passes_and_stuck_table_ends(make, cdeck):
    game = make(cdeck, seed=1, players=2)
    set_table(game, [["relationships-1", "relationships-2"], ["feeling-safe-1"]],
              top="recovery-5")
    ev = game.draw()
    assert [e.kind for e in ev] == ["turn_passed"] and ev[0].data["reason"] == "nothing_to_draw"
    assert game.player == 1 and len(game.hands[0]) == 2
    ev = game.draw()  # a whole round where nobody could move
    assert game.finished and ev[-1].kind == "game_ended"
    assert game.winner == 1  # the fewest cards
    assert "Everyone who joined the conversation is a winner" in game.ending.text


def test_first_empty_hand_ends_after_the_discussion(make, cdeck):
    game = make(cdeck, seed=1, players=3, player_names=["Ash", "Bo", "Cy"])
    set_table(game, [["relationships-1"], ["recovery-1", "recovery-2"], ["feeling-safe-1"]],
              top="recovery-5", player=1)
    game.play("recovery-2")
    assert not game.finished
    game.end_discussion()
    game.draw()  # Cy cannot match: the discards become the pile and Cy draws recovery-5
    assert [c.id for c in game.hands[2]] == ["feeling-safe-1", "recovery-5"]
    game.draw()  # Ash cannot match and nothing is left to draw: the turn passes
    assert game.player == 1
    game.play("recovery-1")
    assert not game.finished  # the last card is still talked about
    ev = game.end_discussion()
    assert game.finished and game.winner == 1
    assert ev[-1].kind == "game_ended" and ev[-1].data["name"] == "Bo"
    assert "Bo" in game.ending.title
    assert "everyone who joined the conversation is a winner" in game.ending.text.lower()
    assert game.actions() == [] and game.playable() == []
    with pytest.raises(GameError):
        game.draw()
    s = game.summary()
    assert [(p.name, p.card_id) for p in s.plays] == [("Bo", "recovery-2"), ("Bo", "recovery-1")]
    assert s.discussions == ("recovery-2", "recovery-1")
    assert s.winner == 1 and s.player_names == ("Ash", "Bo", "Cy")


def test_journey_actions_refused_in_classic(make, cdeck):
    game = make(cdeck, seed=1, players=2)
    before = game.to_json()
    for bad in (lambda: game.choose(0), lambda: game.reflect("x")):
        with pytest.raises(GameError):
            bad()
    assert game.to_json() == before


def test_random_games_end_with_every_card_accounted_for(cdeck):
    import random
    for seed in range(20):
        game = Game.new(cdeck, seed=seed, players=2 + seed % 4)
        r = random.Random(seed)
        for _ in range(2000):
            if game.finished:
                break
            action = r.choice(game.actions())
            game.apply(list(action))
            s = game.state
            held = [c for h in s.hands for c in h] + s.pile + s.discard + [s.top]
            assert sorted(held) == sorted(c.id for c in cdeck.cards)
        assert game.finished and game.winner is not None

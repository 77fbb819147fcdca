"""End-to-end terminal games through piped stdin, as a screen-reader user or a script plays."""

from __future__ import annotations

import io
import json
import re
from argparse import Namespace
from pathlib import Path

import pytest
from deckfactory import Source, classic_deck, journey_deck

from cardsdealt.deck.model import Card, ClassicRules
from cardsdealt.engine import EVENT_KINDS
from cardsdealt.ui.terminal.play import _parse_choice, run

DECKS = Path(__file__).resolve().parents[2] / "decks"


def args(**kw):
    base = dict(mode=None, players=None, seed=5, autoplay=False, json=False, deck=None,
                resume=None, no_save=False, preset=None)
    base.update(kw)
    return Namespace(**base)


def play(deck, text="", **kw):
    out = io.StringIO()
    code = run(deck, args(**kw), io.StringIO(text), out)
    return code, out.getvalue()


def plain(output: str) -> None:
    """Screen-reader friendly: no escape codes, no box drawing, no emoji."""
    assert "\x1b" not in output and "\r" not in output
    assert not re.search(r"[\u2500-\u257f\u2580-\u259f\U0001F300-\U0001FAFF\u2600-\u27bf]",
                         output)


def test_journey_to_the_end_through_piped_stdin():
    code, out = play(journey_deck(), "1\n" * 40)
    assert code == 0
    plain(out)
    order = [out.index(s) for s in ("Content notes: this deck talks about moving home",
                                    "Introduction", "Hi, I'm Sam", "Seed: 5", "Card 1:",
                                    "The end:", "Summary", "Support:", "A helpline: call 0000")]
    assert order == sorted(order)
    assert "  1. " in out and "  2. " in out  # numbered choices
    assert "Reflection: What does a bin bag say to a child?" in out
    assert "Reflections:" in out and "    1" in out  # the typed answer "1" is in the summary


def test_end_of_input_stops_politely():
    code, out = play(journey_deck(), "1\n")
    assert code == 0
    assert "The input ended, so the game stops here." in out
    assert "Summary of the game so far" in out and "Support:" in out
    assert "--seed 5" in out


def test_q_stops_and_shows_summary_and_support():
    code, out = play(journey_deck(), "2\nq\n1\n")
    assert code == 0
    assert "Stopped before the end." in out
    assert "Chosen 2:" in out and "Chosen 1:" not in out
    assert out.rstrip().endswith("use --seed 5.")
    assert "Support:" in out


def test_empty_reflection_skips_and_text_is_kept():
    code, out = play(journey_deck(), "1\nIt says they don't matter.\n\n")
    assert "Reflection kept." in out and "Reflection skipped." in out
    assert "It says they don't matter." in out.split("Summary")[1]
    assert "(skipped)" in out


def test_undo_and_invalid_input():
    code, out = play(journey_deck(), "7\nhello\n2\nu\n1\n")
    assert out.count("Please type a number from 1 to 2") == 2
    assert "Undone: back one step." in out
    after = out.split("Undone: back one step.")[1]
    assert "Card 1: First night" in after and "Chosen 1:" in after
    assert "There is nothing to undo." in play(journey_deck(), "u\n")[1]


def test_votes_can_be_typed():
    _, out = play(journey_deck(), "2: 4 6\n")
    assert "Chosen 2: Let me settle and talk tomorrow (votes: 4, 6)" in out
    assert _parse_choice("3", 3) == (2, None)
    assert _parse_choice("1: 2, 0, 5", 3) == (0, [2, 0, 5])
    assert _parse_choice("1: 2 0", 3) is None and _parse_choice("4", 3) is None


def test_group_supervision_counts_hands_and_takes_the_most():
    _, out = play(journey_deck(), ": 4 6\n", preset="supervision")
    assert "Count the room's raised hands" in out
    assert "Chosen 2: Let me settle and talk tomorrow (votes: 4, 6)" in out


def test_group_supervision_asks_the_room_on_a_tie():
    _, out = play(journey_deck(), ": 3 3\n5\n1\n", preset="supervision")
    assert "A tie: 1 and 2 have 3 hands each." in out
    assert "Please type 1 or 2." in out  # 5 is not one of the tied choices
    assert "(votes: 3, 3)" in out and "Chosen 1:" in out


def test_group_supervision_counts_must_be_one_per_choice():
    _, out = play(journey_deck(), ": 3\n: 0 0\n", preset="supervision")
    assert "Please type a colon and 2 counts" in out
    assert "Nobody was counted" in out
    assert "Chosen" not in out


def test_u_at_a_question_goes_back_to_the_card_and_keeps_the_words():
    _, out = play(journey_deck(), "1\nA lot.\nu\n1\n")
    after = out.split("Undone: back one step.")[1]
    assert "Card 1: First night" in after
    assert "Before, you wrote: A lot." in after


def test_json_lines():
    code, out = play(journey_deck(), "1\nthought\n\n2\n", json=True)
    lines = [json.loads(line) for line in out.splitlines()]
    assert lines[0]["event"] == "game_started" and lines[0]["seed"] == 5
    assert {line["event"] for line in lines} <= EVENT_KINDS
    assert any(line["event"] == "reflection_answered" and line["text"] == "thought"
               for line in lines)


@pytest.mark.parametrize("deck", [journey_deck(), classic_deck()], ids=["journey", "classic"])
def test_autoplay_is_seeded_and_finishes(deck):
    code, out = play(deck, autoplay=True, players=3, seed=11)
    assert code == 0 and "The end:" in out and "Summary" in out
    plain(out)
    assert play(deck, autoplay=True, players=3, seed=11)[1] == out
    assert play(deck, autoplay=True, players=3, seed=12)[1] != out


def same_theme_deck():
    cards = tuple(Card(id=f"c{i}", title=f"Card {i}", source=Source("c.yaml"), theme="home",
                       number=i, statement=f"Statement {i}.", discuss=f"Talk {i}?")
                  for i in range(1, 10))
    return classic_deck(cards=cards, classic=ClassicRules(2, 5, 3, ("theme", "number"),
                                                          ("home",)))


def test_classic_through_piped_stdin():
    code, out = play(same_theme_deck(), "1\n\n" * 10, players=2)
    assert code == 0
    plain(out)
    assert "Player 1's turn. Player 1's hand:" in out
    assert ": can be played" in out
    assert "Pause and talk: Talk" in out
    assert "Everyone who joined the conversation is a winner." in out
    assert "Cards played (" in out and "Discussions held: 5." in out


def test_classic_draw_with_enter():
    cards = tuple(Card(id=f"c{i}", title=f"Card {i}", source=Source("c.yaml"), theme=f"t{i}",
                       number=i, statement=f"Statement {i}.") for i in range(1, 10))
    deck = classic_deck(cards=cards, classic=ClassicRules(2, 5, 3, ("theme", "number"), ()))
    code, out = play(deck, "\n" * 10, players=2)
    assert "does not match" in out and "can be played" not in out
    assert "No card matches. Press Enter to draw a card" in out
    assert "has no card that matches and draws one." in out
    assert "nothing left to draw" in out and "Nobody could play or draw" in out


def test_wrong_player_count_is_reported():
    code, out = play(classic_deck(), players=9)
    assert code == 2 and "2 to 5 players" in out


def shipped():
    return sorted(p.name for p in DECKS.iterdir() if (p / "deck.yaml").is_file()) \
        if DECKS.is_dir() else []


@pytest.mark.parametrize("name", shipped())
def test_every_shipped_deck_plays_in_the_terminal(name):
    from cardsdealt.deck import load_deck
    deck = load_deck(DECKS / name)
    for mode in deck.modes:
        for seed in (1, 2):
            code, out = play(deck, autoplay=True, mode=mode, seed=seed)
            assert code == 0 and "The end:" in out, out[-2000:]
            plain(out)
            code, out = play(deck, autoplay=True, mode=mode, seed=seed, json=True)
            assert json.loads(out.splitlines()[-1])["event"] == "game_ended"
        if mode == "journey":  # a person typing 1 and Enter all the way through
            code, out = play(deck, "1\n" * 200, mode=mode)
            assert "The end:" in out and "Summary" in out
        code, out = play(deck, "", mode=mode)  # nothing typed at all
        assert code == 0 and "The input ended" in out


def test_resumed_game_and_after_action_hook():
    from cardsdealt.engine import Game
    deck = journey_deck()
    game = Game.new(deck, seed=5)
    game.choose(0)  # a reflection is now waiting
    resumed = Game.from_json(deck, json.loads(json.dumps(game.to_json())))
    seen = []
    out = io.StringIO()
    code = run(deck, args(), io.StringIO("my answer\n"), out, game=resumed,
               after_action=lambda g, ev: seen.append([e.kind for e in ev]))
    text = out.getvalue()
    assert code == 0 and "Carrying on a saved game." in text
    assert "Reflection: What does a bin bag say to a child?" in text
    assert seen and seen[0][0] == "reflection_answered"
    assert resumed.state.reflections[0]["answer"] == "my answer"


def test_autoplay_on_cards_that_loop_for_ever_ends_kindly():
    """Two cards whose every choice sends the journey to the other (a deck `check` refuses,
    built here past the loader): `play --text --autoplay` still ends, with the engine's
    note, after its card limit, not 207,073 cards later."""
    from deckfactory import card, choice

    from cardsdealt.engine.journey import CARD_LIMIT

    loop = (card("a", "arriving", choice("One", next="b"), choice("Two", next="b"), once=False),
            card("b", "arriving", choice("One", next="a"), choice("Two", next="a"), once=False))
    deck = journey_deck()
    deck = journey_deck(cards=loop + deck.cards[1:], reflections=())
    code, out = play(deck, autoplay=True, seed=3, no_save=True)
    assert code == 0
    assert "far longer than any journey needs, so it ends here" in out
    assert "The end:" in out
    dealt = out.count("Something happens: a.") + out.count("Something happens: b.")
    limit = CARD_LIMIT + sum(s.draws for s in deck.stages)
    assert 100 < dealt <= limit + 1


def test_solo_play_has_no_vote_instruction_and_supervision_has_the_count():
    for preset in (None, "solo"):
        _, out = play(journey_deck(), "1\n", preset=preset)
        assert "vote" not in out.lower() and "hands" not in out.lower()
    _, out = play(journey_deck(), "1\n", preset="supervision")
    assert "Count the room's raised hands" in out


def test_resumed_game_does_not_read_the_introduction_again():
    from cardsdealt.engine import Game
    deck = journey_deck()
    game = Game.new(deck, seed=5)
    game.choose(0)
    resumed = Game.from_json(deck, json.loads(json.dumps(game.to_json())))
    out = io.StringIO()
    run(deck, args(), io.StringIO("fine\n"), out, game=resumed)
    text = out.getvalue()
    assert "Introduction" not in text and "Hi, I'm Sam" not in text
    assert text.index("Content notes: this deck talks about moving home") < text.index(
        "Carrying on a saved game.")
    # a saved game quit before its first move is still carried on, not introduced again
    fresh = Game.new(deck, seed=5)
    out = io.StringIO()
    run(deck, args(), io.StringIO(""), out, game=fresh, resumed=True)
    assert "Introduction" not in out.getvalue() and "Card 1:" in out.getvalue()


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("columns", [40, 72])
def test_a_terminal_gets_lines_broken_between_words_at_its_width(monkeypatch, columns):
    monkeypatch.setenv("COLUMNS", str(columns))
    deck = journey_deck()
    out = _Terminal()
    run(deck, args(preset="supervision"), io.StringIO("1\n" * 40), out)
    wrapped = out.getvalue()
    _, whole = play(deck, "1\n" * 40, preset="supervision")
    assert max(map(len, wrapped.splitlines())) <= columns - 1
    assert max(map(len, whole.splitlines())) > columns  # the pipe keeps lines whole
    assert wrapped.split() == whole.split()  # the same words, none cut in two
    plain(wrapped)


def test_a_numbered_choice_hangs_under_its_own_words():
    from cardsdealt.ui.terminal.wrap import fit
    line = "  2. Ask the social worker why nobody told you before the move happened"
    pieces = fit(line, 30)
    assert pieces[0].startswith("  2. ") and len(pieces) > 1
    assert all(p.startswith("     ") and not p[5].isspace() for p in pieces[1:])
    assert " ".join(p.strip() for p in pieces) == line.strip()
    two = "first line of the two\nsecond line"
    assert fit(two, 25) == ["first line of the two", "second line"]
    assert fit(line, None) == [line]

"""Resuming with the real engine: exactly where it stopped, also after the deck was edited."""

import json

import pytest
from deckfactory import small_deck as make_deck

from cardsdealt.engine import Game
from cardsdealt.session import SessionError, resume
from cardsdealt.session.savefile import MAIN, encode

from .play import play_journey


def test_resume_restores_card_stats_votes_and_draft(store):
    session, game = play_journey(store, kind="group", stop_at_prompt=True)
    session.save_draft("Half of what I want to s")
    r = resume(store, session.id, deck=make_deck())
    assert r.messages == []
    assert r.game.to_json() == game.to_json()
    assert r.game.current_card.id == game.current_card.id
    assert r.game.stats == game.stats and r.game.turn == game.turn
    assert r.game.pending_reflection == game.pending_reflection
    assert [s.votes for s in r.game.summary().path] == [s.votes for s in game.summary().path]
    assert r.draft == "Half of what I want to s"
    # and play simply goes on from there, in the same session
    r.game.reflect(r.draft + "ay.")
    r.session.save(r.game)
    assert r.session.draft == ""
    assert resume(store, session.id, deck=make_deck()).game.to_json() == r.game.to_json()


def test_resume_edited_deck_shows_the_engines_warnings(store):
    session, game = play_journey(store, stop_at_prompt=True)
    gone = game.current_card.id
    before = (session.folder / MAIN).read_bytes()
    r = resume(store, session.id, deck=make_deck(drop=(gone,)))
    assert r.messages[0].startswith("The deck has changed")
    assert any(gone in m and "no longer in the deck" in m for m in r.messages)
    assert (session.folder / MAIN).read_bytes() == before  # opening never rewrites the save
    reflections = r.game.summary().reflections
    assert reflections and reflections[0].prompt == game.pending_reflection.text


def test_resume_game_from_newer_engine_is_refused_and_kept(store):
    session, game = play_journey(store, stop_at_prompt=True)
    doc = json.loads((session.folder / MAIN).read_text("utf-8"))
    doc["game"]["version"] = 99
    doc["game"]["min_reader"] = 50
    (session.folder / MAIN).write_bytes(encode(doc))
    before = (session.folder / MAIN).read_bytes()
    with pytest.raises(SessionError, match="newer version of cardsdealt.*kept unchanged"):
        resume(store, session.id, deck=make_deck())
    assert (session.folder / MAIN).read_bytes() == before


def test_resume_loads_the_deck_from_its_folder(store, tmp_path):
    session, _ = play_journey(store, stop_at_prompt=True)
    with pytest.raises(SessionError, match="no longer at"):
        resume(store, session.id)  # the small deck was built in memory: no folder


def test_resume_shipped_example_deck_from_its_folder(store):
    from pathlib import Path

    from cardsdealt.deck import DeckError, load_deck

    folder = Path(__file__).resolve().parents[2] / "decks" / "example"
    try:
        deck = load_deck(folder)
    except (DeckError, FileNotFoundError, OSError):
        pytest.skip("the example deck does not load yet")
    game = Game.new(deck, mode="journey", seed=2)
    session = store.start(deck, game)
    game.apply(list(game.actions()[0]))
    session.save(game)
    r = resume(store, session.id)  # no deck given: loaded again from the saved path
    assert r.game.to_json() == game.to_json() and r.deck.root == deck.root

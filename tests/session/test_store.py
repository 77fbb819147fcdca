"""The store over plain JSON: start, save, draft, notes, list, open, delete, file modes."""

import json
import os
import stat

import pytest

from cardsdealt.session import SessionError, SessionStore, default_root
from cardsdealt.session.savefile import BACKUP, MAIN

from .fakes import FakeDeck, FakeGame
from .play import play_journey

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def test_root_follows_env(tmp_path, monkeypatch):
    monkeypatch.setenv("CARDSDEALT_DATA_DIR", str(tmp_path / "x"))
    assert default_root() == tmp_path / "x" / "sessions"
    assert SessionStore().root == tmp_path / "x" / "sessions"


def test_root_default_is_user_data_dir(monkeypatch):
    monkeypatch.delenv("CARDSDEALT_DATA_DIR", raising=False)
    from platformdirs import user_data_dir

    assert default_root() == __import__("pathlib").Path(
        user_data_dir("cardsdealt", appauthor=False, roaming=False)) / "sessions"


def test_start_save_open_roundtrip(store):
    s = store.start(FakeDeck(), FakeGame(0), kind="group", preset="team-90")
    s.save(FakeGame(1))
    s.save(FakeGame(2, pending="p1"))
    s.save_draft("half a tho")
    s.save_draft("half a thought")
    s.add_note("first-night", "The group asked about siblings", author="Jo")
    again, doc, messages = store.open(s.id)
    assert messages == []
    assert doc["game"] == {"save_version": 1, "turn": 2, "finished": False}
    assert again.draft == "half a thought"
    assert doc["meta"]["kind"] == "group" and doc["meta"]["preset"] == "team-90"
    assert doc["meta"]["deck"] == {"id": "fake", "title": "A Fake Deck", "path": ""}
    assert doc["progress"]["turn"] == 2 and doc["progress"]["stage"] == "settling"
    assert again.notes[0]["card"] == "first-night" and again.notes[0]["author"] == "Jo"
    # the backup is the save before the last one
    bak = json.loads((s.folder / BACKUP).read_text("utf-8"))
    assert bak["seq"] == doc["seq"] - 1


def test_draft_cleared_once_prompt_answered(store):
    s = store.start(FakeDeck(), FakeGame(1, pending="p1"))
    s.save_draft("my answer so far")
    s.save(FakeGame(1, pending="p1"))  # another save while still on the prompt keeps it
    assert s.draft == "my answer so far"
    s.save(FakeGame(2))  # answered: the draft has gone into the game
    assert s.draft == ""
    assert store.open(s.id)[0].draft == ""


def test_unchanged_draft_not_rewritten(store):
    s = store.start(FakeDeck(), FakeGame(1, pending="p"))
    s.save_draft("same")
    seq = s.doc["seq"]
    s.save_draft("same")
    assert s.doc["seq"] == seq


def test_list_unfinished_first_and_how_far(store):
    a = store.start(FakeDeck(), FakeGame(3, finished=True))
    b = store.start(FakeDeck(), FakeGame(2))
    infos = store.list()
    assert [i.id for i in infos] == [b.id, a.id]
    assert infos[0].deck_title == "A Fake Deck"
    assert infos[0].how_far == "card 2, Settling in"
    assert infos[1].how_far == "finished after 3 cards"


def test_ids_prefix_last_and_delete(store):
    a = store.start(FakeDeck(), FakeGame(1))
    b = store.start(FakeDeck(), FakeGame(1))
    assert a.id != b.id
    assert store.folder(b.id) == b.folder
    assert store.folder("last") in (a.folder, b.folder)
    with pytest.raises(SessionError, match="matches 2"):
        store.folder(a.id[:4])
    with pytest.raises(SessionError, match="full name"):
        store.delete(a.id[:10])  # deleting needs the whole name
    (a.folder / "record.md").write_text("x")
    store.delete(a.id)
    assert not a.folder.exists() and b.folder.exists()
    with pytest.raises(SessionError, match="No saved session"):
        store.open(a.id)
    with pytest.raises(SessionError, match="not a session name"):
        store.open("../etc")


def test_time_spent_counts_play_not_breaks(store, monkeypatch):
    import cardsdealt.session.store as mod

    clock = [1000.0]
    monkeypatch.setattr(mod.time, "monotonic", lambda: clock[0])
    s = store.start(FakeDeck(), FakeGame(0))
    clock[0] += 30
    s.save(FakeGame(1))
    clock[0] += 5 * 3600  # left the laptop overnight
    s.save(FakeGame(2))
    assert s.doc["meta"]["seconds"] == 30 + mod.IDLE_CAP_SECONDS


def test_stale_temp_files_cleaned_at_start(store, tmp_path):
    s = store.start(FakeDeck(), FakeGame(0))
    old = s.folder / ".cardsdealt-session.json.abc.tmp"
    fresh = s.folder / ".cardsdealt-session.json.def.tmp"
    old.write_text("{")
    fresh.write_text("{")
    os.utime(old, (0, 0))
    SessionStore(store.root)
    assert not old.exists() and fresh.exists()  # a fresh one may be another window's write


@posix_only
def test_private_file_modes(store):
    s = store.start(FakeDeck(), FakeGame(0))
    s.save(FakeGame(1))
    assert stat.S_IMODE(os.stat(store.root).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(s.folder).st_mode) == 0o700
    for name in (MAIN, BACKUP):
        assert stat.S_IMODE(os.stat(s.folder / name).st_mode) == 0o600


def test_reflection_text_never_logged(store, caplog, capsys):
    import logging

    from cardsdealt.session import export_record

    caplog.set_level(logging.DEBUG)
    secret = "what I really think about my manager"
    s = store.start(FakeDeck(), FakeGame(1, pending="p"))
    s.save_draft(secret)
    store.open(s.id)
    store.list()
    session, _ = play_journey(store)
    session.save_record(learnt=secret)
    export_record(store, session.id)
    assert secret not in caplog.text
    out = capsys.readouterr()
    assert secret not in out.out and secret not in out.err


def test_session_code_never_touches_logs_or_clipboard():
    """Reflections stay in the session files and the records the person asks for."""
    import re
    from pathlib import Path

    import cardsdealt.session as pkg

    for path in Path(pkg.__file__).parent.glob("*.py"):
        text = path.read_text("utf-8")
        assert not re.search(r"^\s*(import|from)\s+(logging|pyperclip|tkinter)\b", text,
                             re.MULTILINE), path
        assert not re.search(r"\bscrap\.|getLogger|\.(debug|info|warning)\(", text), path


def test_kind_checked(store):
    with pytest.raises(ValueError):
        store.start(FakeDeck(), FakeGame(0), kind="party")




def test_mark_finished_lists_an_unfinished_game_as_done(store):
    """An interview shows a few cards of a journey: its session ends though the game does not."""
    s = store.start(FakeDeck(), FakeGame(), kind="group", preset="interview")
    [info] = store.list()
    assert not info.finished
    s.mark_finished()
    [info] = store.list()
    assert info.finished


def test_a_table_game_is_listed_by_cards_played_not_turns(store):
    """Drawing a card is a turn but plays no card: the list says how many cards were played,
    of how many in the game, and how the session was run."""
    from pathlib import Path

    from cardsdealt.deck import load_deck
    from cardsdealt.engine import Game

    deck = load_deck(Path(__file__).resolve().parents[2] / "decks" / "cards-youre-dealt")
    game = Game.new(deck, mode="classic", seed=0, players=2)
    session = store.start(deck, game, kind="group", preset="table")
    while len(game.state.plays) < 6:  # the first move the engine offers, each time
        game.apply(game.actions()[0])
        session.save(game)
    draws = sum(a[0] == "draw" for a in game.state.actions)
    assert draws > 0  # the seed makes someone draw, so turns and plays differ
    info = store.list()[0]
    in_game = sum(map(len, game.hands)) + len(game.state.pile) + len(game.state.discard) + 1
    assert (info.mode, info.preset, info.played) == ("classic", "table", 6)
    assert info.how_far == f"6 of {in_game} cards played" and info.turn == 6 + draws

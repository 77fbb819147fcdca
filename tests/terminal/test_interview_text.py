"""The interview preset in the terminal: the engine's cards and place, notes kept as panel
notes, a resumed interview at the same card."""

import io
import sys

from cardsdealt.cli import main
from cardsdealt.session import SessionStore


def _play(monkeypatch, capsys, argv, typed):
    monkeypatch.setattr(sys, "stdin", io.StringIO(typed))
    rc = main(argv)
    return rc, capsys.readouterr().out


def test_notes_are_kept_as_panel_notes_and_a_resume_carries_on_at_the_same_card(
        tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CARDSDEALT_DATA_DIR", str(tmp_path))
    rc, out = _play(monkeypatch, capsys, ["play", "example", "--text", "--seed", "3",
                                          "--preset", "interview"],
                    "Listened before answering\n\nq\n")
    assert rc == 0 and "interview panel" in out and "Note kept." in out
    assert "Card 3 of 5" in out and "The interview stops here" in out
    [info] = SessionStore().list()
    assert info.kind == "group"
    _session, doc, _ = SessionStore().open(info.id)
    [note] = doc["notes"]
    assert note["kind"] == "panel" and note["text"] == "Listened before answering"
    assert doc["meta"]["interview"]["at"] == 2
    rc, out = _play(monkeypatch, capsys, ["play", "--text", "--resume", info.id], "b\nq\n")
    assert rc == 0 and "Card 3 of 5" in out.split("interview panel")[1]
    assert "Card 2 of 5" in out  # b: the card before


def test_without_a_session_the_cards_are_shown_and_nothing_is_kept(tmp_path, monkeypatch,
                                                                    capsys):
    monkeypatch.setenv("CARDSDEALT_DATA_DIR", str(tmp_path))
    rc, out = _play(monkeypatch, capsys, ["play", "example", "--text", "--no-save",
                                          "--preset", "interview"], "\n" * 5)
    assert rc == 0 and "Card 5 of 5" in out and "the interview is over" in out
    assert "Note kept." not in out and SessionStore().list() == []

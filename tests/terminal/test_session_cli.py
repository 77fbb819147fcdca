"""The terminal game keeps a session after every step; `--resume` carries on exactly there."""

import io
import sys

from cardsdealt.cli import main
from cardsdealt.session import SessionStore


def _play(monkeypatch, capsys, argv, typed):
    monkeypatch.setattr(sys, "stdin", io.StringIO(typed))
    rc = main(argv)
    return rc, capsys.readouterr().out


def test_stop_then_resume_keeps_every_word(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CARDSDEALT_DATA_DIR", str(tmp_path))
    rc, out = _play(monkeypatch, capsys, ["play", "example", "--text", "--seed", "3"],
                    "1\n2\nwaiting is the hardest part\nq\n")
    assert rc == 0 and "Your session is kept as" in out
    [info] = SessionStore().list()
    assert not info.finished
    rc, out = _play(monkeypatch, capsys, ["play", "--text", "--resume", info.id],
                    "my second thought\n1\n1\n1\n1\n\n\n\n")
    assert rc == 0 and "Carrying on a saved game." in out
    _session, doc, _messages = SessionStore().open(info.id)
    text = str(doc)
    assert "waiting is the hardest part" in text and "my second thought" in text


def test_no_save_and_autoplay_keep_nothing(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CARDSDEALT_DATA_DIR", str(tmp_path))
    _play(monkeypatch, capsys, ["play", "example", "--text", "--no-save"], "1\nq\n")
    _play(monkeypatch, capsys, ["play", "example", "--text", "--autoplay", "--seed", "1"], "")
    assert SessionStore().list() == []


def test_resume_unknown_session_is_a_clear_message(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CARDSDEALT_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert main(["play", "--text", "--resume", "nope"]) == 1
    err = capsys.readouterr().err
    assert "nope" in err and "Traceback" not in err


def test_a_wrong_answer_asks_again_without_reading_the_hand_out_again(monkeypatch, capsys):
    """Screen-reader users hear every line: a slip should cost one line, not the whole hand."""
    rc, out = _play(monkeypatch, capsys, ["play", "cards-youre-dealt", "--text", "--no-save",
                                          "--seed", "4", "--players", "3"], "x\nx\nq\n")
    assert rc == 0
    assert out.count("Player 1's hand:") == 1
    assert out.count("Please type a number from 1 to 7") == 2


def test_a_group_preset_in_the_terminal_is_kept_as_a_group_session(tmp_path, monkeypatch,
                                                                    capsys):
    monkeypatch.setenv("CARDSDEALT_DATA_DIR", str(tmp_path))
    rc, out = _play(monkeypatch, capsys, ["play", "example", "--text", "--seed", "3",
                                          "--preset", "supervision"], ": 1 4\nq\n")
    assert rc == 0 and "(votes: 1, 4)" in out
    [info] = SessionStore().list()
    assert info.kind == "group"

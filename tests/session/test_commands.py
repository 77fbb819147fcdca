"""`cardsdealt sessions` and `cardsdealt export`, through the CLI's own entry point."""

import io
from argparse import Namespace

from cardsdealt.session.commands import run_export, run_sessions

from .fakes import FakeDeck, FakeGame
from .play import play_journey


def _run(fn, **kw):
    out = io.StringIO()
    code = fn(Namespace(**kw), out)
    return code, out.getvalue()


def test_list_empty_then_unfinished_first(store):
    code, text = _run(run_sessions, action="list", session=None)
    assert code == 0 and "No saved sessions yet" in text
    done = store.start(FakeDeck(), FakeGame(4, finished=True))
    going = store.start(FakeDeck(), FakeGame(2))
    code, text = _run(run_sessions, action="list", session=None)
    assert code == 0
    assert text.index("Not finished") < text.index(going.id) < text.index("Finished:") \
        < text.index(done.id)
    assert "A Fake Deck" in text and "card 2, Settling in" in text


def test_delete_needs_a_name_and_removes_the_session(store, capsys):
    s = store.start(FakeDeck(), FakeGame(1))
    s.close()  # a session still open in a window is not deleted (see test_attack)
    code, _ = _run(run_sessions, action="delete", session=None)
    assert code == 2 and "Say which session" in capsys.readouterr().err
    code, _ = _run(run_sessions, action="delete", session="nope")
    assert code == 1 and "No saved session" in capsys.readouterr().err
    code, text = _run(run_sessions, action="delete", session=s.id)
    assert code == 0 and "Deleted" in text and not s.folder.exists()


def test_export_command_writes_the_files(store, tmp_path, capsys):
    session, _ = play_journey(store, kind="group")
    code, text = _run(run_export, session=session.id, output=str(tmp_path / "out"))
    assert code == 0
    written = [line.strip() for line in text.splitlines()[1:] if line.startswith("  ")]
    assert "A private copy is kept with the session" in text
    assert len(written) == 5 and all(line.startswith(str(tmp_path / "out")) for line in written)
    assert "deck folder was not found" in capsys.readouterr().err  # said, not fatal


def test_export_unknown_session_is_a_clear_error(store, capsys):
    code, text = _run(run_export, session="2020-01-01", output=None)
    assert code == 1 and "No saved session" in capsys.readouterr().err and text == ""

"""The person's own decks: where they live, how they are found and listed, and the studio's
saver: atomic, in the background, nothing saved more than 2 s before a kill is lost, one
plain message for a folder that cannot be written."""

from __future__ import annotations

import errno
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cardsdealt import paths
from cardsdealt.authoring.new import placeholder_png
from cardsdealt.authoring.studio import StudioDeck
from cardsdealt.deck.loader import check_deck
from cardsdealt.session import decks
from cardsdealt.session.decks import DeckSaver, list_user_decks, new_deck_folder, user_decks_dir

from .deck_save_worker import WORDS

HERE = Path(__file__).resolve().parent


def _make(folder: Path, title: str) -> Path:
    doc = StudioDeck.new("classic", title)
    doc.set_deck("classic.themes", ["family"])
    cid = doc.add_card("table", title="My sister")
    doc.set_card(cid, "statement", "I want to see my sister.")
    saver = DeckSaver(folder)
    saver.save(doc.files())
    assert saver.close()
    return folder


def test_user_decks_live_beside_sessions_and_follow_the_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("CARDSDEALT_DATA_DIR", str(tmp_path / "data"))
    assert user_decks_dir() == tmp_path / "data" / "decks"
    assert list_user_decks() == []  # no folder yet: nothing, and nothing made


def test_user_decks_are_listed_found_by_name_and_on_the_start_list(tmp_path, monkeypatch):
    monkeypatch.setenv("CARDSDEALT_DATA_DIR", str(tmp_path / "data"))
    mine = _make(user_decks_dir() / "Our deck", "Our deck")
    (user_decks_dir() / ".unpacking-abc").mkdir()  # a zip being opened: never listed
    (user_decks_dir() / "not a deck").mkdir()
    assert list_user_decks() == [mine]
    assert paths.resolve_deck("Our deck") == mine
    assert paths.all_decks() == paths.shipped_decks() + [mine]
    assert paths.resolve_deck("example") == paths.DECKS / "example"  # shipped first


def test_a_new_deck_never_takes_a_folder_already_there(tmp_path):
    _make(tmp_path / "Jo", "Jo")
    assert new_deck_folder("Jo", tmp_path) == tmp_path / "Jo (2)"
    assert new_deck_folder('a/b:c*?"<>|', tmp_path).name == "a-b-c------"
    assert new_deck_folder("CON", tmp_path).name == "Deck CON"
    assert new_deck_folder("...", tmp_path).name == "Our deck"


def test_the_saver_writes_changes_and_deletions_and_the_deck_reads_back(tmp_path):
    doc = StudioDeck.new("journey", "Jo")
    saver = DeckSaver(tmp_path / "jo")
    saver.save(doc.files())
    doc.mark_saved()
    path = doc.add_picture("me", placeholder_png())
    saver.save(doc.changed_files())
    doc.mark_saved()
    assert saver.flush() and (tmp_path / "jo" / path).is_file()
    doc.undo()
    saver.save(doc.changed_files())
    assert saver.close()
    assert not (tmp_path / "jo" / path).exists()
    again = StudioDeck.from_files(decks.read_deck_files(tmp_path / "jo"))
    assert again.files() == doc.files()


def test_the_saver_refuses_a_path_outside_the_deck(tmp_path):
    saver = DeckSaver(tmp_path / "jo")
    for bad in ("../x.yaml", "/etc/passwd", "a\\b.yaml", "C:/x.yaml"):
        with pytest.raises(ValueError):
            saver.save({bad: b"x"})
    saver.close()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="needs POSIX permissions and a user that they apply to")
def test_a_read_only_folder_gives_one_plain_message_and_keeps_what_was_saved(tmp_path):
    folder = _make(tmp_path / "jo", "Jo")
    before = (folder / "deck.yaml").read_bytes()
    doc = StudioDeck.from_files(decks.read_deck_files(folder))
    doc.set_deck("title", "Jo two")
    os.chmod(folder, 0o500)
    try:
        saver = DeckSaver(folder)
        saver.save(doc.changed_files())
        assert not saver.flush()
        assert saver.error is not None and "read-only" in saver.error
        assert "Everything saved before is safe" in saver.error
        assert (folder / "deck.yaml").read_bytes() == before
        os.chmod(folder, 0o700)
        saver.save({})  # the next change tries again, and the waiting file goes too
        assert saver.flush() and saver.error is None
        assert b"Jo two" in (folder / "deck.yaml").read_bytes()
        saver.close()
    finally:
        os.chmod(folder, 0o700)


@pytest.mark.parametrize("code, words", [(errno.ENOSPC, "The disk is full"),
                                         (errno.EROFS, "is read-only")])
def test_a_full_disk_or_read_only_disk_gives_one_plain_message(tmp_path, monkeypatch, code,
                                                                words):
    from cardsdealt.session import files as files_mod

    real = decks.write_atomic
    broken = [True]

    def fails(path, data, saved_before=None):  # as write_atomic fails on such a disk
        if broken[0]:
            e = OSError(code, os.strerror(code))
            raise files_mod._plain(e, path.parent) from e
        real(path, data)

    monkeypatch.setattr(decks, "write_atomic", fails)
    saver = DeckSaver(tmp_path / "jo")
    saver.save({"deck.yaml": b"x"})
    assert not saver.flush()
    assert words in saver.error and "Everything saved before is safe" in saver.error
    assert saver.error.count(".") <= 4  # one short message, not a traceback
    assert not (tmp_path / "jo" / "deck.yaml").exists()
    broken[0] = False
    saver.save({"cards/a.yaml": b"- id: a\n"})  # the next change: both files go now
    assert saver.flush() and saver.error is None
    assert (tmp_path / "jo" / "deck.yaml").read_bytes() == b"x"
    saver.close()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_studio_killed_mid_word_loses_nothing_saved_two_seconds_before(tmp_path):
    rng = random.Random(18)
    env = dict(os.environ, CARDSDEALT_TEST_SAVE_DELAY="0.004",
               PYTHONPATH=str(HERE.parents[1]))
    for run in range(2):
        folder = tmp_path / f"deck{run}"
        worker = subprocess.Popen([sys.executable, str(HERE / "deck_save_worker.py"),
                                   str(folder)], stdout=subprocess.PIPE, env=env, bufsize=0)
        typed: list[tuple[int, float]] = []
        try:
            assert worker.stdout.readline().strip() == b"ready"
            stop = time.monotonic() + 2.2 + rng.random()
            while time.monotonic() < stop:
                line = worker.stdout.readline().decode().split()
                typed.append((int(line[1]), float(line[2])))
            worker.send_signal(signal.SIGKILL)
            killed = time.monotonic()
        finally:
            worker.kill()
            worker.wait(10)
        deck, problems = check_deck(folder)  # whole files only: never half a save
        assert deck is not None, [p.format() for p in problems]
        saved = len(deck.cards[0].text)
        safe = max(n for n, t in typed if t <= killed - 2.0)
        assert saved >= safe, f"lost letters typed more than 2 s before the kill ({saved} < {safe})"
        # the saved words are what was typed, in order (a prefix of the worker's words)
        assert WORDS.startswith(deck.cards[0].text)


def test_an_unpacked_deck_named_by_its_title_is_found_by_its_short_name(tmp_path, monkeypatch):
    """`unpack` names the folder by the deck's title ("Our Deck"); `play our-deck`, as the
    guide types it, finds it (a guide walk found it did not)."""
    from cardsdealt.paths import resolve_deck

    monkeypatch.setenv("CARDSDEALT_DATA_DIR", str(tmp_path))
    folder = tmp_path / "decks" / "Our Deck"
    folder.mkdir(parents=True)
    (folder / "deck.yaml").write_text("format: 1\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert resolve_deck("our-deck") == folder
    assert resolve_deck("Our Deck") == folder
    assert resolve_deck("their-deck") == Path("their-deck")

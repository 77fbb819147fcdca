"""Damaged, cut-short and newer saves; locked files; a full disk. Nothing is ever lost."""

import errno
import json
import os

import pytest

from cardsdealt.session import DiskFullError, NewerSaveError, SessionError
from cardsdealt.session import files as files_mod
from cardsdealt.session.savefile import BACKUP, MAIN, encode

from .fakes import FakeDeck, FakeGame


def _played(store, turns=3):
    s = store.start(FakeDeck(), FakeGame(0))
    for t in range(1, turns + 1):
        s.save(FakeGame(t))
    return s


def _aside(folder):
    return sorted(p for p in folder.iterdir() if ".damaged-" in p.name)


@pytest.mark.parametrize("damage, words", [
    (lambda raw: b"\0" * len(raw), "zero"),
    (lambda raw: raw[: len(raw) // 2], "cut short"),
    (lambda raw: b"", "empty"),
    (lambda raw: raw.replace(b'"turn": 3', b'"turn": 9'), "checksum"),
])
def test_damaged_save_uses_backup_and_keeps_the_file(store, damage, words):
    s = _played(store)
    raw = (s.folder / MAIN).read_bytes()
    (s.folder / MAIN).write_bytes(damage(raw))
    damaged = (s.folder / MAIN).read_bytes()
    again, doc, messages = store.open(s.id)
    assert doc["game"]["turn"] == 2  # the step before: the backup
    assert len(messages) == 1 and words in messages[0] and "backup" in messages[0]
    [aside] = _aside(s.folder)
    assert aside.read_bytes() == damaged  # kept byte for byte, never deleted
    assert str(aside) in messages[0]
    # the folder is whole again, and play carries on from the backup
    assert json.loads((s.folder / MAIN).read_text("utf-8"))["game"]["turn"] == 2
    again.save(FakeGame(3))
    assert store.open(s.id)[1]["game"]["turn"] == 3


def test_both_damaged_is_an_error_not_a_fresh_start(store):
    s = _played(store)
    (s.folder / MAIN).write_bytes(b"\0" * 100)
    (s.folder / BACKUP).write_bytes(b'{"format": "cardsdealt-sess')
    with pytest.raises(SessionError) as e:
        store.open(s.id)
    assert "Nothing has been deleted" in str(e.value) and str(s.folder) in str(e.value)
    assert (s.folder / MAIN).read_bytes() == b"\0" * 100
    assert store.list()[0].problem  # still listed, as unreadable
    assert store.list()[0].how_far == "cannot be read"


def test_newer_version_left_untouched(store):
    s = _played(store)
    doc = json.loads((s.folder / MAIN).read_text("utf-8"))
    doc.update(version=7, min_reader=5)
    (s.folder / MAIN).write_bytes(encode(doc))
    before = (s.folder / MAIN).read_bytes()
    with pytest.raises(NewerSaveError, match="newer version of cardsdealt.*update"):
        store.open(s.id)
    assert (s.folder / MAIN).read_bytes() == before
    assert _aside(s.folder) == []


def test_newer_version_still_readable_when_it_says_so(store):
    s = _played(store)
    doc = json.loads((s.folder / MAIN).read_text("utf-8"))
    doc.update(version=2, min_reader=1, something_new={"x": 1})
    (s.folder / MAIN).write_bytes(encode(doc))
    assert store.open(s.id)[1]["game"]["turn"] == 3


def test_missing_main_falls_back_to_backup(store):
    s = _played(store)
    (s.folder / MAIN).unlink()
    _, doc, messages = store.open(s.id)
    assert doc["game"]["turn"] == 2 and "missing" in messages[0]


def test_rename_failing_twice_still_saves(store, monkeypatch):
    s = _played(store)
    real, calls = os.replace, []

    def flaky(src, dst):
        calls.append(dst)
        if len(calls) <= 2:
            raise PermissionError(13, "Access is denied")
        return real(src, dst)

    monkeypatch.setattr(files_mod.os, "replace", flaky)
    monkeypatch.setattr(files_mod, "RENAME_BACKOFF", 0.001)
    s.save(FakeGame(4))
    monkeypatch.setattr(files_mod.os, "replace", real)
    assert store.open(s.id)[1]["game"]["turn"] == 4
    assert not [p for p in s.folder.iterdir() if p.name.endswith(".tmp")]


def test_rename_always_locked_says_so_and_keeps_last_save(store, monkeypatch):
    s = _played(store)

    def locked(src, dst):
        raise PermissionError(13, "Access is denied")

    monkeypatch.setattr(files_mod.os, "replace", locked)
    monkeypatch.setattr(files_mod, "RENAME_BACKOFF", 0.001)
    with pytest.raises(SessionError, match="locked"):
        s.save(FakeGame(4))
    monkeypatch.undo()
    assert store.open(s.id)[1]["game"]["turn"] == 3
    assert not [p for p in s.folder.iterdir() if p.name.endswith(".tmp")]


def test_disk_full_keeps_last_good_save(store, monkeypatch):
    s = _played(store)
    good_main = (s.folder / MAIN).read_bytes()
    good_bak = (s.folder / BACKUP).read_bytes()

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files_mod.os, "fsync", full)
    with pytest.raises(DiskFullError, match="disk is full.*last save is safe"):
        s.save(FakeGame(4))
    with pytest.raises(DiskFullError):
        s.save_draft("typed while the disk was full")
    monkeypatch.undo()
    assert s.unsaved
    assert (s.folder / MAIN).read_bytes() == good_main
    assert (s.folder / BACKUP).read_bytes() == good_bak
    assert not [p for p in s.folder.iterdir() if p.name.endswith(".tmp")]
    # once there is space again the next save of any kind (here the draft, on quit) also
    # carries the step whose save failed
    s.save_draft("typed while the disk was full")
    assert not s.unsaved
    _, doc, messages = store.open(s.id)
    assert messages == [] and doc["game"]["turn"] == 4
    assert doc["draft"]["text"] == "typed while the disk was full"


def test_unwritable_folder_is_a_clear_error(store, monkeypatch):
    s = _played(store)

    def refuse(*a, **kw):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(files_mod.tempfile, "mkstemp", refuse)
    with pytest.raises(SessionError, match="not writable.*last save is safe"):
        s.save(FakeGame(4))
    monkeypatch.undo()
    assert store.open(s.id)[1]["game"]["turn"] == 3

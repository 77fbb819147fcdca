"""A session open in another window: the second window says so in one message and offers a
copy (its words kept in a session of its own) or a read-only look (nothing saved, and the
screen says so), from the start screen and from `--resume`; the first window's words are
never touched."""

from __future__ import annotations

import pygame
import pytest
from filelock import FileLock
from test_ui_sessions import TYPED, SavingHarness, to_door_reflection
from uikit import entries_for

from cardsdealt.session import SessionStore
from cardsdealt.ui.pygame.app import App
from cardsdealt.ui.pygame.scenes.locked import READ_ONLY_STATUS

K = pygame
FIRST = "the first window's words"


@pytest.fixture
def held(store, rens):
    """A session left at the door card's question with words typed, then held open by
    "another program" (its lock taken outside this window)."""
    h = SavingHarness(store, entries_for(rens))
    to_door_reflection(h)
    h.type(FIRST)
    h.close()
    sid = h.app.session.id
    h.app.session.close()
    other = FileLock(str(store.root / sid / "session.lock"))
    other.acquire(timeout=0)
    yield sid
    other.release()


def _second_window(store, rens, size=(1280, 720)):
    h = SavingHarness(SessionStore(store.root), entries_for(rens), size=size)
    h.table.start()
    h.settle()
    h.key(K.K_UP)  # the unfinished session's row (the deck is marked first)
    h.key(K.K_RETURN)
    return h


def _saved(store, sid) -> dict:
    return SessionStore(store.root).open(sid, read_only=True)[1]


def test_second_window_is_asked_copy_read_only_or_back(store, rens, held):
    h = _second_window(store, rens)
    assert h.top.name == "locked"
    message = h.top.message
    assert "Ren's Week" in message and "copy" in message and "Read-only" in message
    assert [r for r, _ in h.top.entries] == ["copy", "read", "back"]
    assert h.top.focus == 0  # the way that keeps words is marked first
    h.key(K.K_DOWN)
    h.key(K.K_DOWN)
    h.key(K.K_RETURN)  # Back to the list: nothing opened, nothing written
    assert h.top.name == "start" and h.app.session is None
    assert len(SessionStore(store.root).list()) == 1


def test_a_copy_carries_on_and_keeps_its_own_words(store, rens, held):
    before = _saved(store, held)
    h = _second_window(store, rens)
    h.key(K.K_RETURN)  # Carry on in a copy
    assert h.top.name == "message" and "copy" in h.top.text
    h.key(K.K_RETURN)
    assert h.top.name == "reflection" and h.top.box.text == FIRST  # where it was, words too
    copy = h.app.session
    assert copy is not None and copy.id != held
    assert copy.doc["meta"]["copied_from"] == held
    h.type(" " + TYPED)
    h.key(K.K_RETURN, mod=K.KMOD_CTRL)  # the answer is kept, in the copy
    h.settle()
    assert f"{FIRST} {TYPED}" in str(_saved(store, copy.id)["game"])
    assert _saved(store, held) == before  # the first window's session untouched
    assert not h.app.status


def test_read_only_plays_on_says_so_and_saves_nothing(store, rens, held):
    before = _saved(store, held)
    h = _second_window(store, rens)
    h.key(K.K_DOWN)
    h.key(K.K_RETURN)  # Look at it read-only
    assert h.top.name == "reflection" and h.top.box.text == FIRST
    assert h.app.status == READ_ONLY_STATUS and h.app.session is None
    h.type(" and more")
    h.key(K.K_RETURN, mod=K.KMOD_CTRL)
    h.settle(4)
    assert h.app.status == READ_ONLY_STATUS  # never "not saved" at every move
    assert _saved(store, held) == before
    assert len(SessionStore(store.root).list()) == 1
    assert "read-only" in h.table.save_record()[1]


def test_play_resume_of_a_session_open_elsewhere_asks_too(store, rens, held, monkeypatch):
    from cardsdealt import cli

    seen = {}

    def fake_run(self):
        seen["top"], seen["under"] = self.top.name, self.scenes[0].name
        return 0

    monkeypatch.setattr(App, "run", fake_run)
    monkeypatch.setattr("cardsdealt.ui.pygame.flow.load_entries",
                        lambda paths, given=None: entries_for(rens))
    rc = cli.main(["play", "--resume", held[:12], "--size", "1280x720"])
    assert rc == 0 and seen == {"top": "locked", "under": "start"}


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)], ids=["1280x720", "1920x1080"])
def test_the_question_fits_at_both_sizes(store, rens, held, size, tmp_path):
    """Every word of the message and the three buttons inside the panel (PNG kept for a
    look: CARDSDEALT_SHOTS=folder)."""
    import os

    from pixelcheck import Probe

    from cardsdealt.render import text as T

    h = _second_window(store, rens, size=size)
    probe = T.probe = Probe()
    try:
        h.top.render(h.app.screen.copy())  # the question alone, not the list under it
    finally:
        T.probe = None
    lines = [(r, t) for ls in probe.inks.values() for _, r, t in ls]
    text = " ".join(t for _, t in lines)
    for words in ("open somewhere else", "Carry on in a copy", "Look at it read-only",
                  "Back to the list", "saves nothing"):
        assert words in text, (words, text)
    box = h.top._box()
    assert all(box.contains(r) for r, _ in lines), "text outside the panel"
    items = h.top.items()
    assert all(box.contains(r) for r in items) and items[-1].bottom <= size[1]
    shots = os.environ.get("CARDSDEALT_SHOTS")
    if shots:
        pygame.image.save(h.frame(), os.path.join(shots, f"locked-{size[0]}x{size[1]}.png"))

"""The session adapter both front ends use (session/keeper.py), without a window."""

from __future__ import annotations

from cardsdealt.session.files import DiskFullError, SessionError
from cardsdealt.session.keeper import SessionKeeper


class FakeSession:
    def __init__(self) -> None:
        self.saves: list[object] = []
        self.fail: Exception | None = None

    def save(self, game) -> None:
        if self.fail is not None:
            raise self.fail
        self.saves.append(game)


class FakeStore:
    def __init__(self) -> None:
        self.started: list[tuple] = []

    def start(self, deck, game, kind="solo", preset=None):
        self.started.append((kind, preset))
        return FakeSession()


def test_the_preset_decides_how_the_session_is_kept():
    store = FakeStore()
    keeper = SessionKeeper(store)
    keeper.start("deck", "game", "supervision")
    keeper.start("deck", "game", None)
    assert store.started == [("group", "supervision"), ("solo", None)]


def test_a_failed_save_is_a_calm_sentence_and_play_goes_on():
    said: list[str] = []
    oks: list[bool] = []
    keeper = SessionKeeper(FakeStore(), on_problem=said.append, on_ok=lambda: oks.append(True))
    keeper.start("deck", "game", None)
    keeper.session.fail = DiskFullError("no room")
    keeper.saved("step 1", [])  # the after_action(game, events) shape
    assert said == ["Not saved just now: the disk is full. Your last save is safe; play on, "
                    "it tries again."]
    keeper.session.fail = None
    keeper.saved("step 2")
    assert keeper.session.saves == ["step 2"] and len(oks) == 2


def test_a_store_that_cannot_start_leaves_no_session_and_says_so():
    class Broken(FakeStore):
        def start(self, *a, **kw):
            raise SessionError("read-only folder")

    said: list[str] = []
    keeper = SessionKeeper(Broken(), on_problem=said.append)
    keeper.start("deck", "game", None)
    keeper.saved("game")
    assert keeper.session is None and said[0].startswith("Not saved just now")


def test_no_store_keeps_nothing():
    keeper = SessionKeeper(None)
    keeper.start("deck", "game", "solo")
    keeper.adopt(FakeSession())
    assert keeper.session is None and keeper.save_draft("words", None) is None

"""Sessions in the window: every step kept, the words being typed kept, a resume that puts
everything back (card, stats, the reflection box with its words), a full disk that costs
nothing but a calm notice, and the end screen's "Save my record"."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest
from golden_compare import check
from uikit import Harness, classic_deck, entries_for, journey_deck

from cardsdealt.session import DiskFullError, SessionStore
from cardsdealt.ui.pygame.app import App
from cardsdealt.ui.pygame.flow import DeckEntry

K = pygame
TYPED = "He held on to it because it was the only thing still his"


def SavingHarness(store, entries, size=(1280, 720), **kw) -> Harness:  # noqa: N802
    """The test harness with a session store, as `cardsdealt play` has one."""
    return Harness(size, entries=entries, store=store, **kw)


def to_door_reflection(h: Harness) -> None:
    """From the start screen: first deck row, through the introduction, play on until the
    door card, take the choice that asks a question, and go on to the question."""
    h.to_door_question()
    assert h.top.name == "reflection"


@pytest.fixture
def deck(rens):
    return rens  # tests/ui/conftest.py


def test_close_mid_reflection_then_resume_puts_everything_back(store, deck):
    h = SavingHarness(store, entries_for(deck))
    to_door_reflection(h)
    session = h.app.session
    assert session is not None and session.kind == "solo"
    h.type(TYPED[:20])
    h.settle(3.5)  # the draft is kept every few seconds while typing
    assert SessionStore(store.root).open(session.id)[0].draft == TYPED[:20]
    h.type(TYPED[20:])
    game = h.table.game
    card, stats, actions = game.current_card.id, dict(game.stats), game.state.actions
    h.close()  # the words typed since the last few seconds go with the close
    assert not h.app.running

    [info] = store.list()
    assert not info.finished and info.id == session.id
    h2 = SavingHarness(SessionStore(store.root), entries_for(deck))
    h2.table.start()
    h2.settle()
    start = h2.top
    assert start.rows[0].kind == "resume"
    assert start.rows[start.focus].kind == "deck"  # a session opens only when chosen
    assert "Ren's Week" in start.rows[0].title and "card 1" in start.rows[0].detail
    h2.key(K.K_UP)
    h2.key(K.K_RETURN)
    assert h2.top.name == "reflection", "the question waits again, with its words"
    assert h2.top.box.text == TYPED
    g2 = h2.table.game
    assert (g2.current_card.id, dict(g2.stats), g2.state.actions) == (card, stats, actions)
    assert h2.app.session.id == session.id
    # and it goes on from there: saving the answer moves to the next card and keeps it
    h2.key(K.K_RETURN, mod=K.KMOD_CTRL)
    h2.settle()
    assert h2.top.name == "journey" and g2.turn == 2
    doc = SessionStore(store.root).open(session.id)[1]
    assert TYPED in str(doc["game"]) and not doc.get("draft")


def test_every_action_is_saved_at_once(store, deck):
    h = SavingHarness(store, entries_for(deck))
    h.to_card()
    sid = h.app.session.id
    for expected in (1, 2):
        h.key(K.K_1, "1")
        saved = SessionStore(store.root).open(sid)[1]
        assert len(saved["game"]["state"]["actions"]) >= expected
        assert saved["game"]["state"]["actions"] == h.table.game.to_json()["state"]["actions"]
        h.key(K.K_PAGEDOWN)
        h.settle()
        if h.top.name == "reflection":
            h.key(K.K_RETURN, mod=K.KMOD_CTRL)
            h.settle()
    h.key(K.K_LEFT)  # undo is an action too
    saved = SessionStore(store.root).open(sid)[1]
    assert saved["game"]["state"]["actions"] == h.table.game.to_json()["state"]["actions"]


def test_full_disk_shows_a_calm_notice_and_keeps_the_words(store, deck, monkeypatch):
    import cardsdealt.session.store as store_mod

    h = SavingHarness(store, entries_for(deck))
    to_door_reflection(h)
    real_write = store_mod.write_atomic

    def full(path, data, **_):
        raise DiskFullError("The disk is full, so the latest step could not be saved.")

    monkeypatch.setattr(store_mod, "write_atomic", full)
    h.type(TYPED)
    h.settle(3.5)  # the draft save fails
    assert h.app.status.startswith("Not saved just now: the disk is full")
    assert h.top.name == "reflection" and h.top.box.text == TYPED
    h.key(K.K_RETURN, mod=K.KMOD_CTRL)  # the answer is taken although it cannot be saved
    h.settle()
    assert h.top.name == "journey" and h.table.game.turn == 2
    assert h.app.session.unsaved and h.app.status
    shot = h.frame()
    assert shot.get_size() == (1280, 720)
    # space again: the next step saves everything, the answer included, and the notice goes
    monkeypatch.setattr(store_mod, "write_atomic", real_write)
    h.key(K.K_1, "1")
    assert h.app.status == "" and not h.app.session.unsaved
    doc = SessionStore(store.root).open(h.app.session.id)[1]
    assert TYPED in str(doc["game"])


def test_a_session_that_cannot_start_still_plays(store, deck, monkeypatch):
    import cardsdealt.session.store as store_mod

    def full(path, data, **_):
        raise DiskFullError("The disk is full.")

    monkeypatch.setattr(store_mod, "write_atomic", full)
    h = SavingHarness(store, entries_for(deck))
    h.to_card()
    assert h.top.name == "journey" and h.app.session is None
    assert h.app.status.startswith("Not saved just now")
    h.key(K.K_1, "1")
    assert h.top.phase == "response"


def test_end_screen_saves_the_record_and_says_where(store, deck):
    """The game ends: the record's own questions come first ("Not now" goes to the end
    screen); "Save my record" asks them again, then writes the record to the Documents
    folder (a private copy beside the session) and says where."""
    from cardsdealt.session.places import records_dir

    h = SavingHarness(store, entries_for(deck))
    to_door_reflection(h)
    h.type("Ask before touching it.")
    h.key(K.K_RETURN, mod=K.KMOD_CTRL)
    h.settle()
    for _ in range(20):
        if h.top.name in ("summary", "closing"):
            break
        h.key(K.K_1, "1") if h.top.phase == "card" else h.key(K.K_PAGEDOWN)
        h.settle()
    assert h.top.name == "closing" and h.top.page == "intro"
    h.key(K.K_DOWN)
    h.key(K.K_RETURN)  # Not now
    summary = h.top
    assert summary.name == "summary"
    assert ("record", "Save my record (R)") in summary.actions
    h.key(K.K_r, "r")
    assert h.top.name == "closing"
    h.key(K.K_RETURN)  # Begin
    h.type("Children hold on to the one thing that is theirs.")
    h.key(K.K_RETURN, mod=K.KMOD_CTRL)
    h.key(K.K_PAGEDOWN)  # nothing typed: skipped
    h.key(K.K_PAGEDOWN)
    assert h.top.page == "saved"
    folder = records_dir()
    assert str(folder) in h.top.saved_words
    sid = h.app.session.id
    pdf, md = folder / f"{sid}-record.pdf", folder / f"{sid}-record.md"
    assert pdf.is_file() and md.is_file()
    text = md.read_text(encoding="utf-8")
    assert "Ask before touching it." in text
    assert "Children hold on to the one thing that is theirs." in text
    assert (h.app.session.folder / f"{sid}-record.pdf").is_file()  # the private copy
    h.key(K.K_RETURN)  # Done
    assert h.top is summary and summary.saved_to.endswith(str(folder))
    h.key(K.K_r, "r")  # asked to the end: R saves again at once
    assert h.top.name == "message" and h.top.title == "Your record is saved"
    assert str(folder) in h.top.text


def test_no_save_writes_nothing_and_offers_no_record(store, deck):
    h = Harness(entries=entries_for(deck))  # the harness of the other tests: --no-save
    to_door_reflection(h)
    h.type("not kept")
    assert h.app.session is None
    h.app.step([pygame.event.Event(pygame.QUIT)], 0.0)
    assert list(store.root.iterdir()) == []


@pytest.mark.parametrize("preset,kind", [(None, "solo"), ("solo", "solo"),
                                         ("supervision", "group"), ("table", "group")])
def test_group_presets_keep_group_sessions(store, deck, preset, kind):
    h = SavingHarness(store, entries_for(deck), preset=preset)
    h.to_card()
    assert h.app.session.kind == kind
    assert h.app.session.doc["meta"]["preset"] == (preset or "solo")


def test_preset_chosen_in_the_window_is_used(store, deck):
    h = SavingHarness(store, entries_for(deck))
    h.app.preset = "interview"  # what a preset screen sets before play begins
    h.to_card()
    assert h.app.session.kind == "group"
    h.app.session.add_note("door", "Panel: ask about the bag", kind="panel")
    assert SessionStore(store.root).open(h.app.session.id)[0].notes[0]["kind"] == "panel"


def test_play_resume_opens_straight_into_the_session(store, deck, monkeypatch):
    """`cardsdealt play --resume ID` in a window: no start screen, the reflection open."""
    from cardsdealt import cli

    h = SavingHarness(store, entries_for(deck))
    to_door_reflection(h)
    h.type(TYPED)
    h.close()
    sid = h.app.session.id
    # the test deck lives in memory, so `resume` is given it instead of loading the folder
    seen = {}

    def fake_run(self):
        seen["top"] = self.top.name
        seen["text"] = self.top.box.text if self.top.name == "reflection" else None
        seen["card"] = self.table.game.current_card.id
        seen["session"] = self.session.id if self.session else None
        return 0

    monkeypatch.setattr(App, "run", fake_run)
    monkeypatch.setenv("CARDSDEALT_DATA_DIR", str(store.root.parent))
    from cardsdealt.session import resume as real

    monkeypatch.setattr("cardsdealt.session.resume",
                        lambda st, sid_, deck_=None: real(st, sid_, deck=deck))
    rc = cli.main(["play", "--resume", sid[:10], "--size", "1280x720"])
    assert rc == 0
    assert seen == {"top": "reflection", "text": TYPED, "card": "door", "session": sid}


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)], ids=["1280x720", "1920x1080"])
def test_start_screen_lists_unfinished_sessions(store, deck, monkeypatch, size):
    """The start screen: "Carry on: Ren's Week" first and marked, with when it was saved, how
    it was run ("On my own") and how far it got (card 1, Arriving); then the decks."""
    import cardsdealt.session.store as store_mod

    monkeypatch.setattr(store_mod, "_now", lambda: "2025-03-03T14:05:00+00:00")
    h = SavingHarness(store, entries_for(deck), size=size)
    to_door_reflection(h)
    h.close()
    h2 = SavingHarness(SessionStore(store.root), entries_for(deck), size=size)
    h2.table.start()
    h2.settle()
    assert [r.kind for r in h2.top.rows] == ["resume", "deck", "studio"]  # (the studio: #18)
    assert h2.top.rows[0].detail == "Saved 3 March 2025, 14:05 · On my own · card 1, Arriving"
    check(h2.frame(), f"start-sessions-{size[0]}x{size[1]}")


def test_no_display_still_falls_back_to_the_terminal(monkeypatch, capsys, tmp_path):
    import io
    import sys

    from cardsdealt import cli

    for name in ("SDL_VIDEODRIVER", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(sys, "stdin", io.StringIO("q\n"))
    monkeypatch.setenv("CARDSDEALT_DATA_DIR", str(tmp_path))
    assert cli.main(["play", "example", "--no-save"]) == 0
    out = capsys.readouterr()
    assert out.err.startswith("No display found, so cardsdealt is starting in the terminal.")
    assert "Sam's First Week" in out.out


def test_resume_tells_what_happened_while_away(store, deck):
    """A damaged last save: the one before is used, and the window says so before play."""
    h = SavingHarness(store, entries_for(deck))
    to_door_reflection(h)
    h.key(K.K_RETURN, mod=K.KMOD_CTRL)  # one more save, so the backup holds a good one
    h.settle()
    h.close()
    (h.app.session.folder / "session.json").write_bytes(b'{"cut short')
    h2 = SavingHarness(SessionStore(store.root), entries_for(deck))
    h2.table.start()
    h2.settle()
    assert h2.top.rows[0].kind == "resume"
    h2.key(K.K_UP)  # a session opens only when chosen
    h2.key(K.K_RETURN)
    assert h2.top.name == "message" and h2.top.title == "Before you carry on"
    assert "backup" in h2.top.text.lower() or "before" in h2.top.text.lower()
    h2.key(K.K_RETURN)
    assert h2.top.name in ("journey", "reflection")


def test_a_session_whose_deck_is_gone_says_why_on_the_start_screen(store, deck, tmp_path):
    h = SavingHarness(store, entries_for(deck))
    to_door_reflection(h)
    h.close()
    other = journey_deck(tmp_path / "another-copy")  # the start screen knows another folder
    h2 = SavingHarness(SessionStore(store.root), entries_for(other))
    h2.table.start()
    h2.settle()
    h2.key(K.K_UP)
    h2.key(K.K_RETURN)
    told = h2.top
    assert told.name == "message" and told.title == "This session cannot carry on yet"
    assert str(deck.root) in told.text and "problem" in told.text
    shot = h2.frame()
    assert shot.get_size() == (1280, 720)
    h2.key(K.K_RETURN)
    assert h2.top.name == "start" and h2.app.session is None


def test_the_start_screen_never_marks_someone_s_unfinished_session(store, deck, tmp_path):
    """A practitioner's solo game is left unfinished; later a trainer starts the window with
    another deck named. One press of Enter (or F5) must start the deck asked for, never put
    the private session on the projector."""
    h = SavingHarness(store, entries_for(deck))
    to_door_reflection(h)
    h.type("My own private thoughts about this child.")
    h.close()
    table = classic_deck(tmp_path / "table")
    entries = entries_for(deck) + [DeckEntry(Path(table.root), table, given=True)]
    h2 = SavingHarness(SessionStore(store.root), entries)
    h2.table.start()
    h2.settle()
    rows = h2.top.rows
    assert rows[0].kind == "resume"  # still offered, by name only
    marked = rows[h2.top.focus]
    assert marked.kind == "deck" and marked.target.deck is table
    h2.key(K.K_F5)
    assert h2.table.deck is table and h2.top.name != "reflection"


def test_start_rows_say_what_each_is_truthfully(store, tmp_path):
    """A table game left part way: the row says how it was run (the table game, not "a group
    session") and the cards played of the cards in the game, not the turns (a draw is a
    turn). A deck's table-game row counts only the cards the table game deals."""
    from dataclasses import replace

    from cardsdealt.engine import Game

    table = classic_deck(tmp_path / "table")
    extra = replace(table.cards[0], id="story-only", title="A story card", theme=None,
                    number=None)
    table = replace(table, cards=(*table.cards, extra))
    game = None
    for seed in range(40):  # a deal where somebody draws before the fourth card is played
        game = Game.new(table, mode="classic", seed=seed, players=2)
        while len(game.state.plays) < 4 and not game.finished:
            game.apply(game.actions()[0])  # the first move the engine offers
        if ["draw"] in game.state.actions and not game.finished:
            break
    assert game is not None and game.turn > 4
    store.start(table, game, kind="group", preset="table").save(game)
    h = SavingHarness(SessionStore(store.root), entries_for(table))
    h.table.start()
    h.settle()
    resume, deck_row, _studio = h.top.rows
    assert resume.kind == "resume" and deck_row.kind == "deck"
    assert "Classic table game · 4 of 15 cards played" in resume.detail
    assert "group session" not in resume.detail
    assert deck_row.detail.endswith("15 cards to play")  # 16 in the deck, 15 dealt

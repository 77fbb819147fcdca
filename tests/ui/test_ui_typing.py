"""Typing in the window's text boxes: Ctrl+A selects all (typing replaces it, Backspace
clears it), and while a box has the keyboard no letter is a shortcut (a reflection that
starts with "b" must not blank the projector, "h" must not open help, "t" must not start the
timer...), on every screen that has a text box: the question after a card (alone and in a
group), the closing questions of the record, and the interview panel's private note."""

from __future__ import annotations

import pygame
import pytest
from test_ui_sessions import SavingHarness, to_door_reflection
from uikit import Harness, entries_for

from cardsdealt.session import SessionStore
from cardsdealt.ui.pygame.textbuffer import TextBuffer

K = pygame
# every letter and sign the key table gives an intent, typed as a keyboard sends them
WORDS = "bkthnpcw.+- bag kept, then nothing: pause? help! wait"


def type_keys(h: Harness, words: str) -> None:
    """A key down (with its character) and the text it types, for each character, as SDL
    sends them from a real keyboard."""
    for ch in words:
        key = K.key.key_code(ch) if ch not in " .+-,:?!" else {
            " ": K.K_SPACE, ".": K.K_PERIOD, "+": K.K_PLUS, "-": K.K_MINUS, ",": K.K_COMMA,
            ":": K.K_COLON, "?": K.K_QUESTION, "!": K.K_EXCLAIM}[ch]
        down = K.event.Event(K.KEYDOWN, key=key, mod=0, unicode=ch, scancode=0)
        text = K.event.Event(K.TEXTINPUT, text=ch)
        up = K.event.Event(K.KEYUP, key=key, mod=0, unicode="", scancode=0)
        h.app.step([down, text, up], 0.02)


def _ctrl_a(h: Harness) -> None:
    h.key(K.K_a, "\x01", mod=K.KMOD_CTRL)


def _typed_safely(h: Harness, box_owner) -> None:
    scenes = [s.name for s in h.app.scenes]
    type_keys(h, WORDS)
    assert [s.name for s in h.app.scenes] == scenes  # no blank, help, notes, break, pause
    assert box_owner.box.text.endswith(WORDS)
    _ctrl_a(h)
    type_keys(h, "b")
    assert box_owner.box.text == "b"  # all of it replaced by what was typed
    _ctrl_a(h)
    h.key(K.K_BACKSPACE)
    assert box_owner.box.text == ""
    assert [s.name for s in h.app.scenes] == scenes


def test_buffer_select_all_then_type_backspace_or_move():
    b = TextBuffer("Old words")
    b.select_all()
    assert b.selection == (0, 9)
    b.insert("New")
    assert (b.text, b.cursor, b.selection) == ("New", 3, None)
    b.select_all()
    b.backspace()
    assert (b.text, b.cursor) == ("", 0)
    b = TextBuffer("keep me")
    b.select_all()
    b.left()  # a move lets the selection go: nothing is lost by the next key
    b.insert("!")
    assert b.text == "keep m!e" and b.selection is None
    b.select_all()
    b.delete()
    assert b.text == ""


@pytest.mark.parametrize("preset", ["solo", "supervision"])
def test_the_question_after_a_card(rens, tmp_path, preset):
    h = SavingHarness(SessionStore(tmp_path / "s"), entries_for(rens), preset=preset)
    if preset == "solo":
        to_door_reflection(h)
    else:  # hands counted for a choice, then F5 takes it
        h.table.start()
        h.settle()
        h.key(K.K_RETURN)
        while h.top.name != "journey" or getattr(h.top, "phase", "") != "card":
            h.key(K.K_PAGEDOWN)
        h.settle()
        for _ in range(10):
            pick = 2 if h.top.shown.id == "door" else 1
            for _ in range(3):
                h.key(getattr(K, f"K_{pick}"), str(pick))
            h.key(K.K_F5)
            h.key(K.K_PAGEDOWN)
            h.settle()
            if h.top.name == "reflection":
                break
    assert h.top.name == "reflection"
    if preset != "solo":
        assert not h.top.wants_text  # the room first: the clicker's keys act on the room
        h.key(K.K_b, "b")
        assert h.top.name == "blank"
        h.key(K.K_b, "b")
        h.key(K.K_RETURN)  # typing starts on purpose
    assert h.top.wants_text
    _typed_safely(h, h.top)
    # the selection is drawn, and the screen still draws with it
    type_keys(h, "Words to select")
    _ctrl_a(h)
    assert h.top.box.buf.selection == (0, len("Words to select"))
    h.frame()


def test_the_closing_questions(rens, tmp_path, monkeypatch):
    from cardsdealt.ui.pygame.scenes.closing import ClosingScene

    monkeypatch.setenv("CARDSDEALT_DOCUMENTS_DIR", str(tmp_path / "Documents"))
    store = SessionStore(tmp_path / "s")
    h = SavingHarness(store, entries_for(rens))
    to_door_reflection(h)
    sid = h.app.session.id
    h.app.push(ClosingScene(h.app, SessionStore(store.root).open(sid)[0]))
    h.key(K.K_RETURN)  # past the reminder, to the first question
    closing = h.top
    assert closing.name == "closing" and closing.page == "ask" and closing.wants_text
    _typed_safely(h, closing)


def test_the_interview_panel_note(rens, tmp_path):
    """(The interview scene is another task's file; this only checks its box behaves.)"""
    import os

    os.environ["CARDSDEALT_PRESET_SCREEN"] = "1"
    try:
        h = Harness((1280, 720), entries_for(rens))
        h.table.start()
        h.key(K.K_RETURN)
        names = [p.name for p in getattr(h.top, "options", ())]
        if "interview" not in names:
            pytest.skip("this deck offers no interview preset")
        while h.top.focus != names.index("interview"):
            h.key(K.K_DOWN)
        h.key(K.K_RETURN)
        while h.top.name == "intro":
            h.key(K.K_PAGEDOWN)
        h.settle()
        h.key(K.K_RETURN)
        assert h.top.name == "panel-note"
        _typed_safely(h, h.top)
    finally:
        os.environ["CARDSDEALT_PRESET_SCREEN"] = "0"

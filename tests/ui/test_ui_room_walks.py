"""Whole sessions driven the way a room drives them: by a presenter clicker's keys alone
(PageDown, PageUp, F5, B, '.', Esc: ui/keytable.py) and by mouse clicks alone (a touch screen's
finger is a left click), in every preset that runs each way of playing (engine/presets.py),
from the start screen, through the preset screen and the introduction, to the end screen and,
for the table game, the winners' certificate. On the way each walk blanks the screen, opens
the pause menu and goes back a step, and must come back from each to carry on. The session is
kept, so a group's end screen's "Save my record" (and a solo player's closing questions, which
open by themselves) are walked too, to the record written."""

from __future__ import annotations

from argparse import Namespace

import pygame
import pytest
from uikit import Harness, classic_deck, entries_for, journey_deck

from cardsdealt.engine import presets
from cardsdealt.session import SessionStore
from cardsdealt.ui.pygame.app import App
from cardsdealt.ui.pygame.display import open_display
from cardsdealt.ui.pygame.flow import Table

K = pygame
NEXT, BACK, START = K.K_PAGEDOWN, K.K_PAGEUP, K.K_F5
CLICKER = {K.K_PAGEDOWN, K.K_PAGEUP, K.K_F5, K.K_b, K.K_PERIOD, K.K_ESCAPE}
ENDS = ("summary", "interview-end")


def _walks() -> list[tuple[str, str]]:
    """(way of playing, preset) for every preset that runs that way of playing."""
    return [(mode, p.name) for mode in ("journey", "classic") for p in presets.PRESETS
            if mode in p.modes]


@pytest.fixture(autouse=True)
def _room(tmp_path, monkeypatch):
    monkeypatch.setenv("CARDSDEALT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("CARDSDEALT_PRESET_SCREEN", "1")  # chosen on the screen, as a room does
    monkeypatch.delenv("CARDSDEALT_PRESENTER", raising=False)
    monkeypatch.setenv("CARDSDEALT_DOCUMENTS_DIR", str(tmp_path / "Documents"))


class Walk(Harness):
    """The window with the preset screen, counting every input it is given."""

    def __init__(self, entries, size, store, seed=5):
        self.app = App(open_display(size))
        args = Namespace(deck=None, mode=None, players=None, seed=seed, fullscreen=False,
                         size=None, resume=None, no_save=False, preset=None)
        self.table = Table(self.app, args, entries=entries, store=store)
        self.keys: set[int] = set()
        self.clicks = 0
        self.screens: list[str] = []  # every screen on top after an input, in order

    def _saw(self) -> None:
        name = self.app.top.name
        if not self.screens or self.screens[-1] != name:
            self.screens.append(name)

    def key(self, key: int, unicode: str = "", mod: int = 0, dt: float = 0.02) -> None:
        self.keys.add(key)
        super().key(key, unicode, mod, dt)
        self._saw()

    def tap(self, pos) -> None:
        self.clicks += 1
        pos = tuple(pos)
        self.app.step([K.event.Event(K.MOUSEBUTTONDOWN, pos=pos, button=1)], 0.02)
        self.app.step([K.event.Event(K.MOUSEBUTTONUP, pos=pos, button=1)], 0.02)
        self._saw()

    @property
    def middle(self) -> tuple[int, int]:
        w, h = self.app.size
        return w // 2, h // 2


def _play(h: Walk, step) -> None:
    """`step` (one input) until an end screen, having blanked, paused and gone back once."""
    state: dict = {}
    for _ in range(600):
        if h.top.name in ENDS:
            break
        step(h, state)
        h.settle(0.35)
    assert h.top.name in ENDS, f"stuck on {h.top.name}"
    assert state.get("rooms") and state.get("back")


# -- the clicker ---------------------------------------------------------------------------

def _clicker_to(h: Walk, want) -> None:
    """Next until the marked item is the one wanted (a tap of Next moves the mark)."""
    for _ in range(20):
        if want(h.top):
            return
        h.key(NEXT)
    raise AssertionError(f"Next never marked what was wanted on {h.top.name}")


def _clicker_room_keys(h: Walk) -> None:
    """Blank with '.' and with B, the pause menu with Esc: each comes back where it was."""
    here = h.top
    for key, ch in ((K.K_PERIOD, "."), (K.K_b, "b")):
        h.key(key, ch)
        assert h.top.name == "blank"
        h.key(key, ch)
        assert h.top is here
    h.key(K.K_ESCAPE)
    assert h.top.name == "pause"
    h.key(START)  # Resume is marked
    assert h.top is here


def _clicker_step(h: Walk, state: dict) -> None:
    top = h.top
    name = top.name
    first = not state.get("rooms")
    if name in ("journey", "classic", "interview") and first and not top.dealing:
        state["rooms"] = True
        _clicker_room_keys(h)
    if name == "reflection" or name == "tie":
        h.key(NEXT if name == "reflection" else START)
    elif name == "interview":
        if top.index == 1 and not state.get("back"):
            state["back"] = True
            h.key(BACK)  # the card before, then on again
            assert top.index == 0
        h.key(NEXT)
    elif name == "journey" and top.phase == "response":
        if not state.get("back"):
            state["back"] = True
            shown = top.shown
            h.key(BACK)  # choose again
            assert top.phase == "card" and top.shown is shown
            return
        h.key(NEXT)
    elif name == "journey":
        h.key(NEXT)  # marks choice 1
        if top.shown.id == "door":
            h.key(NEXT)  # choice 2, which asks a question
        h.key(START)
    elif name == "classic" and top.discussing:
        if not state.get("back"):
            state["back"] = True
            played = len(top.game.state.plays)
            h.key(BACK)  # take the card back, and play again
            assert len(top.game.state.plays) == played - 1 and not top.discussing
            return
        h.key(NEXT)
    elif name == "classic":
        h.key(NEXT)  # marks a card; with nothing to play, a short Next draws
        if h.top is top and top.focus is not None:
            h.key(START)
    else:
        h.key(NEXT)


def walk_with_clicker(h: Walk, mode: str, preset: str) -> None:
    h.table.start()
    h.settle()
    _clicker_to(h, lambda s: s.rows[s.focus].mode == mode)
    h.key(START)
    assert h.top.name == "preset"
    _clicker_to(h, lambda s: s.options[s.focus].name == preset)
    h.key(START)
    while h.top.name == "intro":
        h.key(NEXT)
    h.settle()
    _play(h, _clicker_step)
    end = h.top
    if end.name == "summary" and h.table.game.mode == "classic":
        _clicker_to(h, lambda s: s.focus == len(s.actions))  # the certificate's button
        h.key(START)
        assert h.top.name == "message" and h.top.title == "Certificate saved"
        h.key(NEXT)
        assert h.top is end
    if end.name == "summary" and h.app.session.kind == "group":
        _clicker_to(h, lambda s: s.focus < len(s.actions) and s.actions[s.focus][0] == "record")
        h.key(START)
        for _ in range(20):  # the record's questions: PageDown saves (nothing typed) and on
            if h.top is end:
                break
            h.key(NEXT)
        assert h.top is end and end.saved_to.startswith("Your record is saved")
    assert h.keys <= CLICKER and h.clicks == 0


# -- the mouse -----------------------------------------------------------------------------

def _menu(h: Walk, result: str) -> None:
    scene = h.top
    h.tap(scene.menu_rect(scene.geom().header).center)
    menu = h.top
    assert menu.name == "room-menu"
    h.tap(menu.items()[[r for r, _ in menu.entries].index(result)].center)


def _mouse_room(h: Walk) -> None:
    """Blank and a break from the Menu button, each closed with a click."""
    here = h.top
    for what in ("blank", "break"):
        _menu(h, what)
        assert h.top.name == what
        h.tap(h.middle)
        assert h.top is here


def _mouse_interview(h: Walk, top, state: dict) -> None:
    before, note, after = top._buttons()
    if top.index == 0 and not state.get("note"):
        state["note"] = True
        h.tap(note.center)  # a private note's box, closed again with its Close button
        assert h.top.name == "panel-note"
        h.tap(h.top._buttons()[0].center)
        assert h.top is top
    if top.index == 1 and not state.get("back"):
        state["back"] = True
        h.tap(before.center)
        assert top.index == 0
    h.tap(after.center)


def _mouse_step(h: Walk, state: dict) -> None:
    top = h.top
    name = top.name
    if name in ("journey", "classic", "interview") and not state.get("rooms") \
            and not top.dealing:
        state["rooms"] = True
        _mouse_room(h)
    if name == "reflection":
        _, _, save, skip = top._geometry()
        h.tap(save.center)
    elif name == "closing":
        _tap_closing(h)
    elif name == "tie":
        h.tap(top.items()[0].center)
    elif name == "panel-note":
        h.tap(top._buttons()[1].center)
    elif name == "interview":
        _mouse_interview(h, top, state)
    elif name == "journey" and top.phase == "response":
        again, on = top._response_buttons()
        if not state.get("back"):
            state["back"] = True
            h.tap(again.center)  # choose again
            assert top.phase == "card"
            return
        h.tap(on.center)
    elif name == "journey":
        if top.tally is not None and not state.get("counted"):
            state["counted"] = True
            cols = top.tally_columns(top._choices()[0])
            h.tap(cols[0].center)  # one hand counted by a click
            assert top.tally.counts[0] == 1
        h.tap(top.items()[1 if top.shown.id == "door" else 0].center)  # 2 asks a question
    elif name == "classic" and top.discussing:
        if not state.get("back"):
            state["back"] = True
            _menu(h, "undo")  # take the card back
            assert not top.discussing
            return
        h.tap(h.middle)  # a click on the table: the group has talked, next turn
    elif name == "classic":
        h.tap(top.items()[0].center)  # the first card that can be played, or Draw
    else:
        h.tap(h.middle)


def _tap_closing(h: Walk) -> None:
    """The record's questions: Begin, then Save and go on (nothing typed) to the end, Done."""
    buttons = {key: r for key, _, r in h.top._buttons()}
    h.tap(next(buttons[k] for k in ("begin", "save", "done") if k in buttons).center)


def walk_with_mouse(h: Walk, mode: str, preset: str) -> None:
    h.table.start()
    h.settle()
    start = h.top
    h.tap(start.items()[next(i for i, r in enumerate(start.rows) if r.mode == mode)].center)
    assert h.top.name == "preset"
    s = h.top
    h.tap(s.items()[[p.name for p in s.options].index(preset)].center)
    for _ in range(12):
        if h.top.name != "intro":
            break
        h.tap(h.middle)
    h.settle()
    _play(h, _mouse_step)
    end = h.top
    if end.name == "summary" and h.table.game.mode == "classic":
        h.tap(end.items()[len(end.actions)].center)  # the certificate's button
        assert h.top.name == "message" and h.top.title == "Certificate saved"
        h.tap(h.top._geometry()[3].center)
        assert h.top is end
    if end.name == "summary" and h.app.session.kind == "group":
        h.tap(end.items()[[a for a, _ in end.actions].index("record")].center)
        for _ in range(20):
            if h.top is end:
                break
            _tap_closing(h)
        assert h.top is end and end.saved_to.startswith("Your record is saved")
    assert not h.keys


@pytest.mark.parametrize("mode,preset", _walks(), ids=lambda v: v)
@pytest.mark.parametrize("how", ["clicker", "mouse"])
def test_a_whole_session_by_clicker_alone_and_by_mouse_alone(how, mode, preset, tmp_path):
    deck = (journey_deck(tmp_path / "rens-week") if mode == "journey"
            else classic_deck(tmp_path / "table"))
    size = (1280, 720) if how == "clicker" else (1920, 1080)
    h = Walk(entries_for(deck), size, SessionStore(tmp_path / "sessions"))
    (walk_with_clicker if how == "clicker" else walk_with_mouse)(h, mode, preset)
    play = "interview" if preset == "interview" else mode
    seen = h.screens
    assert seen[:2] == ["preset", "intro"] and play in seen and "blank" in seen, seen
    assert seen.index("intro") < seen.index(play) < seen.index(
        "interview-end" if preset == "interview" else "summary")
    if play == "journey":  # the door card's choice 2 asks a question, answered on the way
        assert "reflection" in seen
    if preset != "interview":
        assert h.table.game.finished
    written = {p.name for p in (tmp_path / "Documents").rglob("*.pdf")}
    assert any("certificate" in n for n in written) == (mode == "classic" and preset == "table")
    assert any("record" in n for n in written) == (preset != "interview")
    if preset == "solo":  # its questions opened by themselves at the end, and were walked
        assert "closing" in h.screens
    fac = getattr(h.app, "facilitation", None)
    if fac is not None:
        fac.close()


def test_the_start_and_preset_screens_by_mouse_alone(tmp_path):
    """A long list of decks: the wheel, and the Earlier and More buttons beside the list,
    reach every row; − and + on a table game's row change its players; the preset screen's
    Back button goes back to the decks."""
    decks = [journey_deck(tmp_path / f"j{i}") for i in range(3)]
    decks += [classic_deck(tmp_path / f"c{i}") for i in range(3)]
    h = Walk(entries_for(*decks), (1280, 720), SessionStore(tmp_path / "sessions"))
    h.table.start()
    h.settle()
    start = h.top
    vis = start._visible()
    assert len(start.rows) == 7 > vis and start.first == 0
    up, down = start._page_buttons()
    h.tap(down.center)
    assert start.first == len(start.rows) - vis and start.first <= start.focus
    last = len(start.rows) - 2  # the last deck row; the studio's row comes after it
    assert start.items()[last].y >= 0 and start.rows[last].mode == "classic"
    h.tap(up.center)
    assert start.first == 0
    h.app.step([K.event.Event(K.MOUSEWHEEL, x=0, y=-1, flipped=False)], 0.02)
    assert start.first == 1  # the wheel down: one row on
    h.tap(down.center)
    row = start.items()[last]
    fewer, more = start._player_buttons(row)
    h.tap(more.center)
    h.tap(more.center)
    assert start.focus == last and start._players(last) == 4
    h.tap(fewer.center)
    assert start._players(last) == 3 and h.top is start  # not started by the click
    h.tap(row.center)
    assert h.top.name == "preset"
    h = Walk(entries_for(decks[0]), (1280, 720), SessionStore(tmp_path / "sessions"))
    h.table.start()
    h.settle()
    h.tap(h.top.items()[0].center)
    preset = h.top
    assert preset.name == "preset"
    i = [p.name for p in preset.options].index("interview")
    cards = preset.cards
    fewer, more = preset._card_buttons(preset.items()[i])
    h.tap(fewer.center)
    assert preset.cards == cards - 1 and h.top is preset  # not started by the click
    h.tap(more.center)
    assert preset.cards == cards
    h.tap(preset._back_button().center)
    assert h.top.name == "start"
    assert not h.keys
    h.frame()  # drawn with the buttons (looked at as PNGs by hand)

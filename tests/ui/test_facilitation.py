"""A trainer in front of a room: a whole group-supervision session run with a presenter
clicker and the number keys (hands-up counts), the discussion timer, the facilitator notes,
a break with one key, the presenter window, and what ends up in the record."""

from __future__ import annotations

from dataclasses import replace

import pygame
import pytest
from uikit import Harness, entries_for

from cardsdealt.render import text as text_module
from cardsdealt.session import SessionStore

K = pygame
NEXT, BACK, START = K.K_PAGEDOWN, K.K_PAGEUP, K.K_F5
DIGIT = {1: (K.K_1, "1"), 2: (K.K_2, "2"), 3: (K.K_3, "3")}


pytestmark = pytest.mark.usefixtures("room_settings")  # tests/ui/conftest.py


class RoomHarness(Harness):
    """The test harness with a session store and the command line's --preset, counting
    hands and closing the presenter window."""

    def __init__(self, entries, store=None, **kw):
        super().__init__(entries=entries, store=store, **kw)

    def hands(self, choice: int, n: int = 1) -> None:
        for _ in range(n):
            self.key(*DIGIT[choice])

    def close_windows(self) -> None:
        fac = getattr(self.app, "facilitation", None)
        if fac is not None:
            fac.close()


def open_presenter_here(h: Harness) -> None:
    """P with one screen asks first (the notes would face the room); the test says yes."""
    h.key(K.K_p, "p")
    assert h.top.name == "confirm" and h.app.facilitation.presenter is None
    h.key(K.K_DOWN)
    h.key(K.K_RETURN)


def test_p_on_one_screen_asks_before_the_notes_face_the_room(rens):
    h = RoomHarness(entries_for(with_notes(rens)), preset="supervision")
    to_first_card(h, preset_moves=0)
    scene = h.top
    h.key(K.K_p, "p")
    assert h.top.name == "confirm"
    h.key(K.K_RETURN)  # the safe answer is marked first
    assert h.top is scene and h.app.facilitation.presenter is None
    h.close_windows()


def to_first_card(h: Harness, preset_moves: int = 1) -> None:
    """Start screen -> deck (F5) -> preset screen (Next wraps to "Group supervision") ->
    content notes and introduction (Next, Next) -> the first card, dealt."""
    h.table.start()
    h.settle()
    h.key(START)
    if h.top.name == "preset":  # not with --preset
        for _ in range(preset_moves):
            h.key(NEXT)
        h.key(START)
    while h.top.name == "intro":
        h.key(NEXT)
    h.settle()


# -- the whole session ------------------------------------------------------------------------

def test_group_supervision_with_a_clicker_and_number_keys(rens, tmp_path, monkeypatch):
    monkeypatch.setenv("CARDSDEALT_PRESENTER", "1")  # notes on a second window, no key needed
    store = SessionStore(tmp_path / "sessions")
    h = RoomHarness(entries_for(rens), store=store)
    to_first_card(h)
    assert h.app.preset == "supervision" and h.app.session.kind == "group"
    scene = h.top
    pres = h.app.facilitation.presenter
    assert pres is not None  # the presenter window, with this card's notes and voice
    from cardsdealt.ui.pygame.presenter import gather

    assert gather(h.app).voice == scene.shown.voice and gather(h.app).card_title

    # card 1: F5 with nothing marked starts the discussion timer
    timer = h.app.facilitation.timer
    assert not timer.running and timer.left == rens.discussion_seconds
    h.key(START)
    assert timer.running
    h.settle(10)
    assert timer.left == pytest.approx(rens.discussion_seconds - 10, abs=0.5)
    h.key(START)  # and pauses it
    assert not timer.running
    # hands: 1 for choice 1, 4 for choice 2, one counted by mistake and taken back
    h.hands(1)
    h.hands(2, 5)
    h.key(BACK)
    assert scene.tally.counts == [1, 4]
    h.key(K.K_PERIOD, ".")  # blank and back: nothing lost
    assert h.top.name == "blank"
    h.key(K.K_b, "b")
    assert h.top is scene and scene.tally.counts == [1, 4]
    first = scene.shown
    h.key(START)  # the room's choice: 2
    assert scene.phase == "response" and scene.chosen == 1
    h.key(BACK)  # undo the choice: the counts come back as they were
    assert scene.phase == "card" and scene.shown is first and scene.tally.counts == [1, 4]
    h.key(START)
    seen = {first.id: [1, 4]}
    h.key(K.K_ESCAPE)  # the pause menu, and the clicker's start button resumes
    assert h.top.name == "pause"
    h.key(START)
    assert h.top is scene
    for _ in range(20):
        top = h.top
        if top.name == "summary":
            break
        if top.name == "reflection":
            h.key(NEXT)  # a clicker cannot type: PageDown goes on
        elif top.phase == "response":
            h.key(NEXT)
        else:  # a tie each time: 2 hands each for 1 and 2; F5 asks which, Next, F5 takes 2
            h.hands(1, 2)
            h.hands(2, 2)
            h.key(START)
            assert h.top.name == "tie"
            h.key(NEXT)
            h.key(START)
            seen[top.shown.id] = [2, 2] + [0] * (len(top.shown.choices) - 2)
        h.settle(0.5)
    assert h.top.name == "summary"
    path = h.table.game.summary().path
    assert {s.card_id: list(s.votes) for s in path} == seen
    assert all(s.choice == 1 for s in path)
    saved = SessionStore(store.root).open(h.app.session.id)[1]
    votes = [a[2] for a in saved["game"]["state"]["actions"] if a[0] == "choose"]
    assert votes == list(seen.values())
    assert saved["meta"]["kind"] == "group" and saved["meta"]["preset"] == "supervision"
    h.close_windows()


# -- the timer ---------------------------------------------------------------------------------

def test_timer_keys_and_a_quiet_end(rens):
    h = RoomHarness(entries_for(rens), preset="solo")
    to_first_card(h, preset_moves=0)
    timer = h.app.facilitation.timer
    assert h.top.timer_rect() is None  # solo: no timer until the trainer wants one
    h.key(K.K_t, "t")
    assert timer.running and h.top.timer_rect() is not None
    h.key(K.K_MINUS, "-")
    h.key(K.K_MINUS, "-")
    assert timer.length == rens.discussion_seconds - 60
    h.key(K.K_PLUS, "+")
    assert timer.length == rens.discussion_seconds - 30
    h.settle(timer.left + 2)
    assert timer.finished and not timer.running
    assert "Time is up" in timer.status_words()
    assert timer.chimed
    # a gentle sound where there is a sound device (here SDL's dummy one), started only now
    assert pygame.mixer.get_init() and pygame.mixer.get_busy()
    pygame.mixer.quit()
    frames = h.app.frames
    h.settle(5)
    assert h.app.frames == frames  # at the end nothing moves: no flashing, no redraws
    h.key(K.K_t, "t")  # after the end T starts a new discussion
    assert timer.running and timer.left == pytest.approx(timer.length, abs=0.1)


def test_the_timer_waits_under_the_pause_menu_and_a_break_and_goes_on_after(rens):
    h = RoomHarness(entries_for(rens), preset="supervision")
    to_first_card(h)
    timer = h.app.facilitation.timer
    h.key(K.K_t, "t")
    assert timer.running
    h.settle(2)
    left = timer.left
    h.key(K.K_ESCAPE)  # the pause menu
    assert h.top.name == "pause"
    h.settle(3)
    assert timer.left == pytest.approx(left, abs=0.06)
    h.key(K.K_ESCAPE)
    h.key(K.K_k, "k")  # a break
    h.settle(3)
    assert timer.left == pytest.approx(left, abs=0.11)
    h.key(K.K_k, "k")  # back: the time goes on by itself, no T needed
    assert h.top.name == "journey"
    h.settle(1)
    assert timer.running and timer.left == pytest.approx(left - 1, abs=0.2)
    h.close_windows()


def test_the_timer_is_readable_from_the_back_at_1080p(rens, table_deck):
    """The figures are drawn at 64 px or more on a 1080p projector, in both games."""


    for deck, preset in ((rens, "supervision"), (table_deck, "table")):
        h = RoomHarness(entries_for(deck), preset=preset, size=(1920, 1080))
        to_first_card(h)
        for _ in range(10):  # the table game: play cards until the group talks about one
            if preset != "table" or h.top.discussing:
                break
            h.key(K.K_PAGEDOWN)
            h.key(K.K_F5)
            h.settle()
        if not h.app.facilitation.timer.running:
            h.key(K.K_t, "t")
        figures = [(r, t) for lines in h.words().inks.values() for _, r, t in lines
                   if t.count(":") == 1 and t.replace(":", "").isdigit()]
        assert figures, preset
        assert max(r.h for r, _ in figures) >= 0.7 * 64, (preset, figures)
        h.close_windows()


def test_the_timer_redraws_once_a_second_and_only_while_it_runs(rens):
    h = RoomHarness(entries_for(rens), preset="supervision")
    to_first_card(h, preset_moves=0)
    h.settle(1)
    frames = h.app.frames
    for _ in range(200):  # ten idle seconds, the timer stopped
        h.app.step([], 0.05)
    assert h.app.frames == frames
    h.key(K.K_t, "t")
    frames = h.app.frames
    for _ in range(200):  # ten seconds running: ten redraws (one per second shown)
        h.app.step([], 0.05)
    assert 9 <= h.app.frames - frames <= 11
    h.key(K.K_b, "b")  # the projector blanked: the timer keeps time underneath
    left = h.app.facilitation.timer.left
    h.settle(3)
    h.key(K.K_b, "b")
    assert h.app.facilitation.timer.left == pytest.approx(left - 3, abs=0.2)


# -- counting hands ----------------------------------------------------------------------------

def test_typing_a_count_and_taking_it_back(rens):
    h = RoomHarness(entries_for(rens), preset="supervision")
    to_first_card(h, preset_moves=0)
    scene = h.top
    for key, ch in ((K.K_c, "c"), (K.K_2, "2"), (K.K_1, "1"), (K.K_2, "2")):
        h.key(key, ch)
    assert "12" in scene.tally_hint()
    h.key(K.K_RETURN)
    assert scene.tally.counts == [0, 12] and not scene.tally.entering
    h.hands(1, 3)
    h.key(K.K_BACKSPACE)  # Backspace takes back the last hand
    assert scene.tally.counts == [2, 12]
    h.key(K.K_c, "c")
    h.key(K.K_1, "1")
    h.key(K.K_BACKSPACE)  # corrects the typing, then leaves it
    assert scene.tally.entering
    h.key(K.K_BACKSPACE)
    assert not scene.tally.entering and scene.tally.counts == [2, 12]
    h.key(K.K_RETURN)  # Enter: the room's choice
    assert scene.phase == "response" and scene.chosen == 1
    assert h.table.game.state.actions[-1] == ["choose", 1, [2, 12]]


def to_door_card(h: Harness) -> None:
    """Group supervision from the start screen to the door card (whose choice 2 asks a
    question), one hand for choice 1 on each card before it."""
    to_first_card(h, preset_moves=0)
    for _ in range(6):
        if h.top.shown.id == "door":
            break
        h.hands(1)
        h.key(START)
        h.key(NEXT)
        h.settle()


def test_undo_keeps_the_counts_and_the_reflection(rens):
    """Back over an answered question and a counted choice: the counts are there again, and
    the words come back in the box when the same question is asked again."""
    h = RoomHarness(entries_for(rens), preset="supervision")
    to_door_card(h)
    scene = h.top
    h.hands(2, 3)
    h.key(START)
    h.key(NEXT)
    assert h.top.name == "reflection"
    h.key(K.K_RETURN)  # in a group, typing starts on purpose
    h.type("He wanted one thing that was his.")
    h.key(NEXT)  # saved
    h.settle()
    assert h.top is scene and scene.phase == "card" and scene.shown.id != "door"
    h.key(BACK)
    assert scene.shown.id == "door" and scene.tally.counts == [0, 3]
    h.key(START)
    h.key(NEXT)
    assert h.top.name == "reflection" and h.top.box.text == "He wanted one thing that was his."


def test_a_clicker_acts_on_the_room_at_a_group_question(rens):
    """Group supervision's question: the clicker's keys blank, time and go on; none of them
    types into the group's words. Enter (a keyboard, on purpose) starts typing."""
    h = RoomHarness(entries_for(rens), preset="supervision")
    to_door_card(h)
    h.hands(2, 3)
    h.key(START)
    h.key(NEXT)
    q = h.top
    assert q.name == "reflection" and not q.wants_text
    h.key(K.K_PERIOD, ".")
    assert h.top.name == "blank"
    h.key(K.K_PERIOD, ".")
    assert h.top is q
    timer = h.app.facilitation.timer
    before = timer.running
    h.key(K.K_t, "t")
    assert timer.running != before
    h.key(K.K_k, "k")
    assert h.top.name == "break"
    h.key(K.K_k, "k")
    assert h.top is q and q.box.text == ""
    h.key(BACK)  # Back marks Skip; the words are still untouched
    assert q.focus == 2 and q.box.text == ""
    h.key(NEXT)  # Next: go on
    h.settle()
    assert h.top.name == "journey" and h.top.shown.id != "door"
    h.key(BACK)
    h.key(START)
    h.key(NEXT)
    q = h.top
    assert q.name == "reflection"
    h.key(K.K_RETURN)
    h.type("Hold on to the bag. b.t")
    assert q.box.text == "Hold on to the bag. b.t"
    h.key(K.K_PAGEUP)  # stop typing: the clicker is the room's again
    h.key(K.K_b, "b")
    assert h.top.name == "blank"
    h.close_windows()


# -- notes, help, break ------------------------------------------------------------------------

def test_notes_help_and_a_break_with_one_key(rens, table_deck):
    h = RoomHarness(entries_for(rens), preset="supervision")
    to_first_card(h, preset_moves=0)
    scene = h.top
    h.key(K.K_n, "n")
    assert h.top.name == "notes" and h.top.card is scene.shown
    h.key(NEXT)  # closes the notes and does nothing else
    assert h.top is scene and scene.phase == "card" and scene.focus is None
    h.key(K.K_t, "t")
    h.key(K.K_k, "k")
    timer = h.app.facilitation.timer
    left = timer.left
    h.settle(2)
    assert h.top.name == "break" and timer.left == left  # time waits too
    h.key(K.K_k, "k")
    assert h.top is scene and timer.running  # and goes on after
    from cardsdealt.ui.pygame.scenes.overlays import HELP_ROWS, ROOM_ROWS

    keys = " ".join(k for k, _ in HELP_ROWS + ROOM_ROWS)
    for k in ("T", "+ and −", "N", "K", "P", "Backspace", "C, a count", "W", "Blank (B or .)"):
        assert k in keys


class Drawn:
    """Installed as `text.probe`: every line of text drawn, with the surface it went on."""

    def __init__(self) -> None:
        self.lines: list[tuple[pygame.Surface, str]] = []

    def text(self, surface, img, rect, text, style, px, colour, call) -> None:
        surface.blit(img, rect)
        self.lines.append((surface, text))

    def overflow(self, kind, text, px) -> None:
        pass

    def on(self, surface) -> str:
        return "\n".join(t for s, t in self.lines if s is surface)

    def off(self, surface) -> str:
        return "\n".join(t for s, t in self.lines if s is not surface)


def with_notes(deck):
    """The deck with facilitator notes on every card (the test decks have none)."""
    cards = tuple(replace(c, facilitator_notes=f"Only for the trainer: {c.id} notes")
                  for c in deck.cards)
    return replace(deck, cards=cards)


@pytest.mark.parametrize("preset", ["supervision", "interview"])
def test_with_a_presenter_window_n_keeps_the_notes_off_the_projector(rens, preset):
    """N with the presenter window open: the notes come forward there (larger, with a short
    line saying where they are), never on the projector; N again: the usual view."""
    h = RoomHarness(entries_for(with_notes(rens)), preset=preset)
    to_first_card(h, preset_moves=0)
    scene = h.top
    open_presenter_here(h)
    pres = h.app.facilitation.presenter
    assert pres is not None
    surface = pres.window.get_surface()
    notes = scene.notes_card().facilitator_notes
    drawn = Drawn()
    text_module.probe = drawn
    try:
        before = h.frame()
        h.key(K.K_n, "n")
        h.settle(0.1)
        after = h.frame()
    finally:
        text_module.probe = None
    assert h.top is scene and h.top.name != "notes"  # nothing over the card
    assert before.get_view("2").raw == after.get_view("2").raw  # the projector did not change
    projector = drawn.off(surface)
    assert notes not in projector and "For the facilitator" not in projector
    assert "only on your screen" not in projector
    presenter = drawn.on(surface)
    assert notes in presenter and "only on your screen" in presenter
    assert pres.notes_large
    frames = pres.frames
    h.settle(10)  # the short line goes by itself; the notes stay large
    assert pres.frames == frames + 1 and not pres.message and pres.notes_large
    h.key(K.K_n, "n")  # the usual view again, still not on the projector
    assert h.top is scene and not pres.notes_large and pres.message
    h.key(K.K_p, "p")  # no presenter window: N shows the notes on the projector, as always
    h.key(K.K_n, "n")
    assert h.top.name == "notes" and h.top.card is scene.notes_card()
    h.close_windows()


def test_a_held_break_key_does_not_close_the_break(rens):
    h = RoomHarness(entries_for(rens), preset="solo")
    to_first_card(h, preset_moves=0)
    down = pygame.event.Event(K.KEYDOWN, key=K.K_k, mod=0, unicode="k", scancode=0)
    h.app.step([down, down, down], 0.02)  # a held key repeats
    assert h.top.name == "break"


# -- presets ---------------------------------------------------------------------------------

def test_the_preset_is_remembered_per_deck_and_the_command_line_skips_the_screen(rens):
    h = RoomHarness(entries_for(rens))
    to_first_card(h)  # supervision
    from cardsdealt.session.settings import load_settings

    assert load_settings()[0].deck_presets == {rens.id: "supervision"}
    h2 = RoomHarness(entries_for(rens))
    h2.table.start()
    h2.key(START)
    assert h2.top.name == "preset"
    assert h2.top.options[h2.top.focus].name == "supervision"  # marked first this time
    h3 = RoomHarness(entries_for(rens), preset="interview")
    h3.table.start()
    h3.key(START)
    assert h3.top.name == "intro" and h3.app.preset == "interview"


# -- the presenter window ----------------------------------------------------------------------

def test_presenter_window_beside_the_main_window(rens):
    """Two windows under the dummy driver: the presenter draws only when what it shows
    changes, a click there is not a click on the table, closing it keeps the game going,
    closing the main window ends the program."""
    h = RoomHarness(entries_for(rens), preset="supervision")
    to_first_card(h, preset_moves=0)
    fac = h.app.facilitation
    open_presenter_here(h)
    pres = fac.presenter
    assert pres is not None and pres.window.id != 0
    frames = pres.frames
    h.settle(2)
    assert pres.frames == frames  # nothing changed, nothing drawn
    h.hands(1)
    h.settle(0.1)
    assert pres.frames == frames + 1
    main_size = h.app.size
    pw, ph = pres.window.size
    assert (pw, ph) != main_size
    h.app.step([pygame.event.Event(K.VIDEORESIZE, w=pw, h=ph, size=(pw, ph))], 0.02)
    assert h.app.size == main_size  # SDL names no window: the presenter's, not the main one
    click = pygame.event.Event(K.MOUSEBUTTONDOWN, pos=(300, 300), button=1, window=pres.window)
    h.app.step([click], 0.02)
    assert h.top.phase == "card"  # not taken as a click on a choice
    h.app.step([pygame.event.Event(K.WINDOWCLOSE, window=pres.window)], 0.02)
    assert fac.presenter is None and h.app.running
    open_presenter_here(h)
    main = pygame.event.Event(K.WINDOWCLOSE, window=None)
    h.app.step([main], 0.02)
    assert not h.app.running and fac.presenter is None


def test_next_marks_the_rooms_choice_once_hands_are_counted(rens):
    h = RoomHarness(entries_for(rens), preset="supervision")
    to_first_card(h, preset_moves=0)
    scene = h.top
    h.key(NEXT)  # nothing counted yet: Next marks choice 1, as always
    assert scene.focus == 0
    h.key(BACK)
    h.hands(2, 2)
    h.key(NEXT)  # hands counted: Next marks the choice with the most
    assert scene.focus == 1 and "take the marked choice (2)" in scene.tally_hint()
    h.hold(NEXT)  # the clicker's long press takes it, with the counts
    assert h.table.game.state.actions[-1] == ["choose", 1, [0, 2]]

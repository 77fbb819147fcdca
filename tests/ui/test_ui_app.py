"""How the window behaves: idles, never quits on Esc, keeps typed words when closed,
follows the window size, holds for clickers, and shows a calm placeholder picture."""

from __future__ import annotations

import os

import pygame
import pytest
from uikit import Harness, entries_for

from cardsdealt.render import images
from cardsdealt.render.layout import metrics
from cardsdealt.ui.pygame.display import DisplayUnavailable, open_display, prepare_environment


def _to_card(h: Harness) -> None:
    h.to_card()


def _to_door_question(h: Harness) -> None:
    h.to_door_question()


def test_idle_draws_nothing(rens):
    h = Harness((1280, 720), entries_for(rens))
    _to_card(h)
    before = h.app.frames
    for _ in range(50):
        h.app.step([], 0.05)
    assert h.app.frames == before
    h.key(pygame.K_DOWN)
    assert h.app.frames == before + 1


def test_escape_opens_the_pause_menu_and_never_quits(rens):
    h = Harness((1280, 720), entries_for(rens))
    _to_card(h)
    for _ in range(5):
        h.key(pygame.K_ESCAPE)
        assert h.app.running
    h.key(pygame.K_ESCAPE) if h.top.name == "pause" else None
    assert h.top.name == "journey"


def test_window_close_hands_typed_words_to_on_quit(rens):
    drafts = []
    h = Harness((1280, 720), entries_for(rens), on_quit=drafts.append)
    _to_door_question(h)
    h.type("Nobody asked ")
    h.type("me. Ŝ 🙂")
    h.app.step([pygame.event.Event(pygame.QUIT)], 0.0)
    assert not h.app.running
    assert [d.text for d in drafts] == ["Nobody asked me. Ŝ 🙂"]
    assert drafts[0].card_id == "door" and drafts[0].prompt_id


def test_window_close_without_typing_gives_none(rens):
    drafts = []
    h = Harness((1280, 720), entries_for(rens), on_quit=drafts.append)
    _to_card(h)
    h.app.step([pygame.event.Event(pygame.QUIT)], 0.0)
    assert drafts == [None]


def test_quit_from_pause_menu_keeps_words(rens):
    drafts = []
    h = Harness((1280, 720), entries_for(rens), on_quit=drafts.append)
    _to_door_question(h)
    h.type("half a thought")
    h.key(pygame.K_ESCAPE)
    for _ in range(3):
        h.key(pygame.K_DOWN)
    h.key(pygame.K_RETURN)  # Quit (your session is kept)
    assert not h.app.running and drafts[0].text == "half a thought"


def test_layout_follows_the_window(rens):
    h = Harness((1280, 720), entries_for(rens))
    _to_card(h)
    for size in [(1920, 1080), (3840, 2160), (1000, 1400), (1280, 720)]:
        h.app.step([pygame.event.Event(pygame.VIDEORESIZE, w=size[0], h=size[1],
                                       size=size)], 0.0)
        assert h.frame().get_size() == size
    assert metrics((3840, 2160)).u == 2 and metrics((1280, 720)).px(48) == 32


def test_fullscreen_toggles_with_f11_and_f(rens):
    h = Harness((1280, 720), entries_for(rens))
    _to_card(h)
    h.key(pygame.K_F11)
    assert h.app.fullscreen
    h.key(pygame.K_f, "f")
    assert not h.app.fullscreen and h.app.size == (1280, 720)


def test_any_key_finishes_the_deal_and_does_nothing_else(rens):
    h = Harness((1280, 720), entries_for(rens))
    h.table.start()
    h.key(pygame.K_F5)
    while h.top.name == "intro":
        h.key(pygame.K_PAGEDOWN)
    assert h.top.dealing
    h.key(pygame.K_1, "1")
    assert not h.top.dealing and h.top.phase == "card" and not h.table.game.state.actions


def test_holding_next_takes_the_marked_choice(rens):
    h = Harness((1280, 720), entries_for(rens))
    _to_card(h)
    h.key(pygame.K_PAGEDOWN)  # mark choice 1
    h.key(pygame.K_PAGEDOWN)  # a short press moves the mark to choice 2
    assert h.top.focus == 1 and h.top.phase == "card"
    h.hold(pygame.K_PAGEDOWN, 1.0)
    assert h.top.phase == "response" and h.table.game.state.actions[0][:2] == ["choose", 1]


def test_help_and_blank_come_back(rens):
    h = Harness((1280, 720), entries_for(rens))
    _to_card(h)
    h.key(pygame.K_h, "h")
    assert h.top.name == "help"
    h.key(pygame.K_SPACE, " ")
    assert h.top.name == "journey" and not h.table.game.state.actions
    h.key(pygame.K_b, "b")
    assert h.top.name == "blank"
    h.key(pygame.K_b, "b")
    assert h.top.name == "journey"


def test_missing_and_broken_pictures_get_the_placeholder(tmp_path):
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG not really")
    assert images.scaled_picture(str(broken), (200, 100)) is None
    assert images.scaled_picture(str(tmp_path / "nope.png"), (200, 100)) is None
    s = pygame.Surface((300, 200))
    from cardsdealt.render.theme import DEFAULT

    images.draw_picture(s, str(broken), pygame.Rect(0, 0, 300, 200), DEFAULT, 1.0)
    assert s.get_at((150, 20))[:3] == DEFAULT.placeholder


def test_pictures_are_scaled_once_per_size(rens):
    path = os.path.join(rens.root, "images", "door.png")
    a = images.scaled_picture(path, (160, 100))
    assert a is images.scaled_picture(path, (160, 100))
    assert a.get_size() == (133, 100)  # the picture keeps its shape (4:3)
    assert images.scaled_picture(path, (320, 200)).get_size() == (267, 200)


def test_environment_for_real_machines(monkeypatch):
    for k in ("SDL_VIDEO_MINIMIZE_ON_FOCUS_LOSS", "SDL_WINDOWS_DPI_AWARENESS",
              "SDL_FRAMEBUFFER_ACCELERATION"):
        monkeypatch.delenv(k, raising=False)
    monkeypatch.setenv("SDL_FRAMEBUFFER_ACCELERATION", "1")  # a user's choice wins
    prepare_environment()
    assert os.environ["SDL_VIDEO_MINIMIZE_ON_FOCUS_LOSS"] == "0"
    assert os.environ["SDL_WINDOWS_DPI_AWARENESS"] == "permonitorv2"
    assert os.environ["SDL_FRAMEBUFFER_ACCELERATION"] == "1"


def test_display_failure_is_a_catchable_error(monkeypatch):
    def fail(*a, **k):
        raise pygame.error("no video device")

    monkeypatch.setattr(pygame.display, "set_mode", fail)
    with pytest.raises(DisplayUnavailable):
        open_display((640, 480))
    from cardsdealt.ui.pygame import app

    assert app.DisplayUnavailable is DisplayUnavailable


def test_a_held_key_repeating_does_not_race_through_cards(rens):
    """X11 repeats a held key as more KEYDOWNs: one long press on a response goes on once."""
    h = Harness((1280, 720), entries_for(rens))
    _to_card(h)
    h.key(pygame.K_1, "1")
    assert h.top.phase == "response"
    down = pygame.event.Event(pygame.KEYDOWN, key=pygame.K_PAGEDOWN, mod=0, unicode="")
    h.app.step([down, down, down, down], 0.02)
    h.settle()
    assert h.top.phase == "card" and h.table.game.state.actions == [["choose", 0, None]]
    h.app.step([pygame.event.Event(pygame.KEYUP, key=pygame.K_PAGEDOWN, mod=0)], 0.0)


def test_typing_keeps_key_repeats(rens):
    """Holding Backspace in the text box goes on deleting."""
    h = Harness((1280, 720), entries_for(rens))
    _to_door_question(h)
    h.type("abcdef")
    back = pygame.event.Event(pygame.KEYDOWN, key=pygame.K_BACKSPACE, mod=0, unicode="")
    h.app.step([back, back, back], 0.02)
    assert h.top.box.text == "abc"


def test_the_window_shows_before_the_decks_are_read():
    """The first frame says "Finding the decks…"; the shipped decks appear on the next."""
    from argparse import Namespace

    from cardsdealt.ui.pygame.flow import Table

    h = Harness((1280, 720))
    h.table = Table(h.app, Namespace(deck=None, mode=None, players=None, seed=1))
    h.table.start()
    h.app.step([], 0.0)
    assert h.top.loading and h.app.frames == 1 and not h.table.entries_loaded
    h.app.step([], 0.05)
    assert not h.top.loading and len(h.top.rows) >= 2 and h.top.focus is not None


def test_header_names_the_card_whose_response_is_shown(tmp_path):
    """After a choice the engine has already dealt the next card; the header must still say
    'Card 1' (and its stage) while card 1's response is on screen."""
    from uikit import journey_deck

    deck = journey_deck(tmp_path)
    h = Harness(entries=entries_for(deck))
    h.table.choose(deck, "journey")
    h.table.begin()
    h.settle()
    scene = h.top
    assert scene.shown_turn == 1
    h.key(pygame.K_1, "1")
    h.settle()
    assert scene.phase == "response" and scene.game.turn == 2
    assert scene.shown_turn == 1 and scene.shown_stage == "Arriving"


@pytest.mark.parametrize("desktop", [(1280, 720), (1366, 768), (1920, 1080), (3840, 2160)])
def test_the_first_window_fits_the_screen_with_its_title_bar(desktop, monkeypatch):
    from cardsdealt.ui.pygame import display

    monkeypatch.setattr(pygame.display, "get_desktop_sizes", lambda: [desktop])
    w, h = display.default_window_size()
    assert w <= desktop[0] and h + display.TITLE_AND_TASKBAR <= desktop[1]
    assert abs(w / h - 16 / 9) < 0.01
    assert w >= min(1280, desktop[0] * 0.8 - 1)  # as large as the screen allows

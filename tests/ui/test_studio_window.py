"""The studio within the window (issue #18's gaps): opening a shared deck from the studio's
first screen, the studio's own keys in the help, the window's settings opened inside the
studio, the deck form's fields for the way the deck is played, and "Play it now" kept as no
session. Every home folder here is a tmp_path one."""

from __future__ import annotations

import os
import shutil
import zipfile
from pathlib import Path

import pygame
import pytest
from studiokit import Driver
from test_studio_make import open_studio, play_in_window
from uikit import Harness

from cardsdealt.paths import DECKS
from cardsdealt.session.share import pack
from cardsdealt.ui import keytable

K = pygame


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A home folder of the test's own, with Downloads, Desktop and Documents."""
    home = tmp_path / "home"
    for name in ("Downloads", "Desktop", "Documents"):
        (home / name).mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # no user-dirs.dirs
    monkeypatch.setenv("CARDSDEALT_DOCUMENTS_DIR", str(home / "Documents"))
    monkeypatch.setenv("CARDSDEALT_DATA_DIR", str(tmp_path / "data"))
    return home


def shared_zip(path: Path, age_days: int) -> Path:
    """The example deck, packed as someone would send it, saved `age_days` ago."""
    pack(DECKS / "example", path)
    when = 1_700_000_000 - age_days * 86400
    os.utime(path, (when, when))
    return path


def installed() -> list[str]:
    from cardsdealt.session.decks import list_user_decks

    return [p.name for p in list_user_decks()]


def studio(*presses: str, size=(1280, 720), store=None) -> tuple[Harness, Driver]:
    """The window at `size`, the studio opened from the start screen, then `presses`."""
    h = Harness(size, entries=[], store=store)
    d = Driver(h)
    open_studio(d)
    for key in presses:
        d.press(key)
    return h, d


# -- "Open a shared deck" ------------------------------------------------------------------

@pytest.mark.parametrize("mouse", [False, True], ids=["keys", "mouse"])
def test_a_shared_deck_is_listed_newest_first_installed_and_opened(home, mouse):
    shared_zip(home / "Documents" / "old.zip", 30)
    shared_zip(home / "Downloads" / "sams-week.zip", 1)
    shared_zip(home / "Desktop" / "middle.zip", 5)
    (home / "Downloads" / "notes.txt").write_text("not a deck")
    h, d = studio()
    d.mouse = mouse
    d.press("open.shared")
    assert d.top.name == "studio-open-shared"
    rows = [c for c in d.top.all() if not c.tool]
    assert [c.label for c in rows] == ["sams-week.zip", "middle.zip", "old.zip"]
    assert "your Downloads folder" in rows[0].detail
    assert all(min(c.rect.size) >= 32 for c in rows)  # big rows (1280x720: 2/3 of 48)
    d.press("zip:0")
    assert d.top.name == "studio-cards", d.top.name
    assert d.top.heading() == "Sam's First Week"
    assert installed() == [d.top.studio.folder.name]
    d.back()  # Back from its page: the first screen, which lists it to change
    assert d.top.name == "studio-choose"
    assert any(c.label == "Change \u201cSam's First Week\u201d" for c in d.top.all())


def test_a_zip_dropped_on_the_studios_first_screen_opens_it_there(home):
    z = shared_zip(home / "Downloads" / "sams-week.zip", 1)
    h, d = studio()
    h.app.step([pygame.event.Event(pygame.DROPFILE, file=str(z))], 0.02)
    assert d.top.name == "studio-cards" and d.top.heading() == "Sam's First Week"
    d.back()
    assert d.top.name == "studio-choose"


def test_a_refused_zip_says_why_in_plain_words_and_installs_nothing(home):
    bad = home / "Downloads" / "deck.zip"
    with zipfile.ZipFile(bad, "w") as z:
        z.writestr("deck.yaml", "title: x\n")
        z.writestr("../../outside.yaml", "sneaky: yes\n")
    h, d = studio()
    d.press("open.shared")
    d.press("zip:0")
    assert d.top.name == "message" and d.top.title == "This deck was not opened"
    assert "folder" in d.top.text.lower() and "Traceback" not in d.top.text
    assert installed() == [] and not (home.parent / "outside.yaml").exists()
    d.key(K.K_RETURN)
    assert d.top.name == "studio-open-shared"  # back to the list, to choose another


def test_no_shared_deck_found_says_where_it_looked(home):
    h, d = studio()
    d.press("open.shared")
    (none,) = [c for c in d.top.all() if not c.tool]
    assert not none.enabled and "your Downloads folder" in none.detail
    assert "your home folder" in none.detail and d.top.focus_key == "tool.back"
    d.key(K.K_RETURN)
    assert d.top.name == "studio-choose"


# -- the studio's keys in the help -------------------------------------------------------

def test_the_help_over_the_studio_shows_the_studios_keys(home):
    h, d = studio("new.journey")
    assert d.top.wants_text  # typing the deck's name: only F1 opens the help
    d.key(K.K_h, "h")  # as a keyboard sends it: the key, then the letter typed
    d.type("h")
    assert d.top.name == "studio-name" and d.top.find("deck.title").box.text == "h"
    d.key(K.K_F1)
    assert h.top.name == "help" and h.top.columns == keytable.help_columns(studio=True)
    shown = " ".join(k + " " + w for col in h.top.columns for k, w in col)
    for words in ("Ctrl+Z", "Ctrl+Y", "Esc", "F2", "Tab"):
        assert words in shown
    h.frame()
    d.key(K.K_ESCAPE)
    assert h.top.name == "studio-name" and h.top.find("deck.title").box.text == "h"
    h.table.start()  # over a game's screen the help is the game's, as before
    h.key(K.K_F1)
    assert h.top.columns == keytable.help_columns()


# -- the window's settings inside the studio ------------------------------------------------

def test_settings_open_in_the_studio_and_come_back_to_the_words_being_typed(home):
    from cardsdealt.ui.pygame import prefs

    h, d = studio("new.journey", "make", "add-card")
    card = d.top
    key = f"card:{card.cid}.text"
    d.fill(key, "I got here late")
    d.key(K.K_LEFT)
    d.key(K.K_LEFT)  # the cursor two letters in from the end
    box = card.focused().box
    before = (box.text, box.buf.cursor, box.rect.h)
    d.key(K.K_F2)
    settings = h.top
    assert settings.name == "settings"
    settings.step(1, 1)  # text size: one larger
    settings.step(0, 1)  # colours: the next theme
    assert prefs.current(h.app).text_size == 1
    d.key(K.K_ESCAPE)
    assert h.top is card and card.focus_key == key
    box = card.focused().box
    assert (box.text, box.buf.cursor) == before[:2]  # the words and the cursor as they were
    assert box.rect.h > before[2]  # ...in the larger text
    d.type("!")
    assert card.get("text") == "I got here la!te"
    frame = h.frame()
    assert h.app.theme.name != "warm"
    assert frame.get_at((5, 5)) == pygame.Color(h.app.theme.table)  # in the new colours
    # from the deck's page (and its first screen) with the mouse: a Settings button
    d.back()
    d.mouse = True
    d.press("tool.settings")
    assert h.top.name == "settings"


# -- the deck form's fields follow the way the deck is played --------------------------------

def test_the_deck_form_shows_the_table_games_fields_only_for_a_table_game(home):
    h, d = studio("new.journey", "make")
    d.press("about")
    keys = [c.key for c in d.top.all()]
    assert "deck.classic.themes" not in keys and "deck.classic.hand_size" not in keys
    d.pick("deck.modes", "A table game: match cards by theme or number, talk about each one")
    keys = [c.key for c in d.top.all()]
    assert keys.count("deck.classic.themes") == 1 and "deck.classic.hand_size" in keys


# -- "Play it now" ----------------------------------------------------------------------------

def test_play_it_now_keeps_no_session_and_comes_back_to_the_studio(home, tmp_path):
    from cardsdealt.session import SessionStore
    from cardsdealt.session.decks import user_decks_dir

    store = SessionStore(tmp_path / "sessions")
    folder = user_decks_dir() / "sams-week"
    shutil.copytree(DECKS / "example", folder)
    h, d = studio(store=store)
    d.press("open.sams-week")
    assert d.top.name == "studio-cards"
    page = d.top
    play_in_window(d)
    assert h.table.game.finished and h.app.session is None
    assert store.list() == []  # no session, so nothing in the sessions or the CPD record
    assert "Save my record (R)" not in [label for _, label in h.top.actions]
    assert ("start", "Back to the studio") in h.top.actions  # it says where it goes
    h.top.activate([a for a, _ in h.top.actions].index("start"))
    assert h.top is page and page.focus_key == "tool.play"  # where they were
    assert page.studio.saver is not None  # still saving the deck as it is changed
    # the next game from the start screen is kept again
    d.back()
    d.back()
    assert h.top.name == "start"
    assert h.table.keeper.store is store
    assert not h.table.trying_out


# -- advice arriving keeps the box being written in on screen --------------------------------

@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)], ids=["720p", "1080p"])
def test_advice_arriving_keeps_the_marked_box_in_view(home, size):
    """check's advice comes a moment after typing stops and makes the fields above taller;
    the box being written in must not slide off the screen."""
    from cardsdealt.ui.pygame import prefs

    h, d = studio("new.journey", "make", "add-card", size=size)
    card = d.top
    d.fill(f"card:{card.cid}.text", "I got here late. My things were in a bag.")
    prefs.change(h.app, text_size=2)  # larger text: every field is laid out again...
    h.frame()
    card.advise()  # ...and check's advice comes back onto the fields above
    assert card.find(f"card:{card.cid}.title").advice  # (the fields above grew)
    column, box = card.areas()[1], card._screen_rect(card.focused())
    assert column.top <= box.top and box.bottom <= column.bottom, (column, box)


# -- from the newcomer walk (/work/wt/findings-studio.md) -------------------------------------

def test_enter_after_a_new_decks_name_makes_it(home):
    h, d = studio("new.journey")
    d.type("Our first week")
    d.key(K.K_RETURN)
    assert d.top.name == "studio-cards" and d.top.heading() == "Our first week"


def test_no_folder_path_or_file_name_is_shown_for_a_deck_or_a_picture(home):
    from cardsdealt.session.decks import user_decks_dir

    shutil.copytree(DECKS / "example", user_decks_dir() / "sams-week")
    h, d = studio()
    row = d.top.find("open.sams-week")
    assert row.detail.startswith("One of your decks, last changed on ")
    assert str(user_decks_dir()) not in row.detail
    d.press("open.sams-week")
    with_picture = next(c.id for c in d.top.studio.doc.cards()
                        if d.top.studio.doc.card_value(c.id, "image"))
    d.press(f"card:{with_picture}")
    picture = d.top.find(f"card:{with_picture}.image")
    assert "images/" not in picture.detail and "press to draw" in picture.detail
    form = [c.key for c in d.top.all() if not c.tool]  # the picture is near the top
    assert form.index(picture.key) < form.index(f"card:{with_picture}.voice") <= 6


def test_the_journeys_parts_say_what_they_are(home):
    h, d = studio("new.journey", "make")
    for kind in ("stage", "meter", "ending", "reflection"):
        assert len(d.top.find(f"parts.{kind}").detail) > 20


def test_the_cards_page_shows_a_choice_as_written_and_does_not_jump(home):
    h, d = studio("new.journey", "make", "add-card")
    card = d.top
    d.fill(f"card:{card.cid}.text", "I got here late. My things were in a bag.")
    choice = f"card:{card.cid}.choice:0"
    card.advise()
    card.scroll_by(card.find(choice).rect.y - card.areas()[1].h // 2 - card.scroll)
    h.frame()  # the choice in the middle of the column, where the mouse clicks it
    paper, where = card._preview[2].copy(), card._screen_rect(card.find(choice))
    d.mouse = True
    d.press(choice)
    d.fill(f"{choice}.label", "Sit with Jo and listen")
    d.back()
    h.frame()
    assert d.top is card and card._screen_rect(card.find(choice)) == where  # no jump
    assert card._preview[2].get_view("2").raw != paper.get_view("2").raw  # the new words


def test_a_held_key_repeats_where_it_should(home):
    """pygame repeats no key unless asked: holding Backspace deleted one letter."""
    h, d = studio("new.journey")
    assert pygame.key.get_repeat()[0] > 0
    d.type("Jo")
    down = pygame.event.Event(pygame.KEYDOWN, key=K.K_BACKSPACE, mod=0, unicode="\b")
    h.app.step([down, down], 0.02)  # held: a press and a repeat
    assert d.top.find("deck.title").box.text == ""


def test_share_says_what_is_left_to_fix_and_shows_the_file(home, monkeypatch):
    from cardsdealt.session import places

    shown: list[Path] = []
    monkeypatch.setattr(places, "can_open_folders", lambda: True)
    monkeypatch.setattr(places, "open_folder", lambda p: shown.append(p) or "")
    h, d = studio("new.journey", "make", "add-card")  # a card with nothing written on it
    d.back()
    d.press("tool.share")
    ask = h.top
    assert ask.name == "confirm" and ask.title == "Your deck is ready to share"
    assert "need writing or fixing before it can be played" in ask.message
    assert "Open a shared deck" in ask.message
    d.key(K.K_DOWN)  # the safe answer ("Back to the deck") is marked first
    d.key(K.K_RETURN)
    assert shown == [home / "Documents" / "cardsdealt"] and h.top.name == "studio-cards"
    assert (home / "Documents" / "cardsdealt" / f"{h.top.studio.folder.name}.zip").is_file()


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_the_way_into_the_studio_is_in_sight_on_the_first_screen(home, size):
    """findings-studio 1: with the shipped decks, the studio's row is on the list's second
    page; a "Make a deck" button beside the title opens it with one click."""
    h = Harness(size)
    h.table.start()
    h.settle()
    start = h.top
    row = next(i for i, r in enumerate(start.rows) if r.kind == "studio")
    assert start.items()[row].y < 0, "the studio row is scrolled away (else no button)"
    button = start._studio_button()
    assert button is not None and button.w >= 48 and button.h >= 48
    assert button.right <= size[0] and button.y >= 0
    h.click(button.center)
    assert h.top.name == "studio-choose"

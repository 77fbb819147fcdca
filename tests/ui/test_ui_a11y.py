"""Accessibility in the window: settings (screen, flags, remembered), applied at once with
every size-keyed cache cleared; reduced motion that schedules no animation at all;
read-aloud with a mocked speech engine and with none; a keyboard-only session at the
largest text size in both fonts with no text cut, clipped or overlapping; a visible focus on
every screen; words, not colour alone; pictures of the high-contrast and large-text screens.
"""

from __future__ import annotations

import threading
import time
from argparse import Namespace

import pygame
import pytest
from golden_compare import check
from pixelcheck import Watch
from scenewalk import journey_walk, open_settings_from_pause, walk_all
from uikit import Harness, entries_for

from cardsdealt.render import text as T
from cardsdealt.render.theme import DARK, DEFAULT, HIGH_CONTRAST
from cardsdealt.session.settings import TEXT_SIZES, Settings, load_settings, save_settings
from cardsdealt.ui.pygame import prefs
from cardsdealt.ui.pygame.app import App
from cardsdealt.ui.pygame.scenes.base import FocusScene
from cardsdealt.ui.speech import card_script

K = pygame
NO_FLAGS = Namespace(theme=None, text_size=None, font=None, reduced_motion=None,
                     read_aloud=None)


def _flags(**kw) -> Namespace:
    return Namespace(**{**vars(NO_FLAGS), **kw})


def words_on_screen(h: Harness) -> list[str]:
    """Every line of text on the current screen, redrawn in full."""
    return [t for lines in h.words().inks.values() for _, _, t in lines]


def _to_card(h: Harness) -> None:
    h.to_card()


# -- settings: flags, the file, the screen --------------------------------------------------

def test_flags_win_for_this_run_and_only_changes_made_in_the_screen_are_saved(rens, tmp_path):
    path = tmp_path / "settings.json"
    save_settings(Settings(theme="dark", text_size=1, font="opendyslexic",
                           deck_presets={"rens-week": "solo"}), path)
    h = Harness((1280, 720), entries_for(rens))
    prefs.install(h.app, _flags(theme="high-contrast", text_size=5, reduced_motion=True), path)
    assert h.app.theme is HIGH_CONTRAST and h.app.reduced_motion
    assert T.text_scale() == TEXT_SIZES[4] and T.font_family() == "opendyslexic"
    prefs.change(h.app, font="atkinson")
    assert T.font_family() == "atkinson" and h.app.theme is HIGH_CONTRAST
    saved, _ = load_settings(path)
    assert (saved.theme, saved.text_size, saved.font) == ("dark", 1, "atkinson")
    assert saved.deck_presets == {"rens-week": "solo"}  # other settings are kept


def test_saved_settings_apply_when_no_flag_is_given(rens, tmp_path):
    path = tmp_path / "settings.json"
    save_settings(Settings(theme="dark", text_size=2, reduced_motion=True), path)
    h = Harness((1280, 720), entries_for(rens))
    prefs.install(h.app, NO_FLAGS, path)
    assert h.app.theme is DARK and T.text_scale() == TEXT_SIZES[2] and h.app.reduced_motion


def test_settings_screen_by_keyboard_from_the_start_screen(rens, tmp_path):
    path = tmp_path / "settings.json"
    h = Harness((1280, 720), entries_for(rens))
    prefs.install(h.app, NO_FLAGS, path)
    h.table.start()
    h.settle()
    h.key(K.K_s, "s")
    assert h.top.name == "settings" and h.top.focus == 0  # the first row is marked
    h.key(K.K_RIGHT)  # colours: the next theme, at once
    assert h.app.theme is HIGH_CONTRAST
    h.key(K.K_DOWN)
    h.key(K.K_RIGHT)
    h.key(K.K_RIGHT)
    assert T.text_scale() == TEXT_SIZES[2]
    h.key(K.K_LEFT)
    assert T.text_scale() == TEXT_SIZES[1]
    h.key(K.K_TAB)
    h.key(K.K_RETURN)  # reading font: OpenDyslexic
    assert T.font_family() == "opendyslexic"
    h.key(K.K_DOWN)
    h.key(K.K_SPACE)  # reduced motion on
    assert h.app.reduced_motion
    saved, _ = load_settings(path)
    assert saved == Settings(theme="high-contrast", text_size=1, font="opendyslexic",
                             reduced_motion=True)
    h.key(K.K_DOWN)  # read aloud
    h.key(K.K_DOWN)  # the record's headings: Social Work England, then Social Care Wales
    h.key(K.K_RIGHT)
    assert load_settings(path)[0].record_format == "wales"
    h.key(K.K_DOWN)  # the check for names (on by default)
    assert load_settings(path)[0].name_check
    h.key(K.K_DOWN)
    h.key(K.K_RETURN)  # Done
    assert h.top.name == "start"
    h.key(K.K_s, "s")
    h.key(K.K_ESCAPE)  # Esc closes it too
    assert h.top.name == "start"


def test_settings_from_the_pause_menu_and_back_to_the_card(rens, tmp_path):
    h = Harness((1280, 720), entries_for(rens))
    prefs.install(h.app, NO_FLAGS, tmp_path / "s.json")
    _to_card(h)
    open_settings_from_pause(h)
    h.key(K.K_LEFT)  # colours, one back from the usual: dark
    assert h.app.theme is DARK
    h.key(K.K_ESCAPE)
    assert h.top.name == "journey"
    frame = h.frame()
    assert frame.get_at((5, 5))[:3] == DARK.table  # the card table redrawn in the new theme


def test_a_change_clears_every_cache_keyed_by_size(rens):
    """Layouts remembered by window size would keep the old font's line breaks: every cache
    made with text_cache() is emptied, and the same question gets the new answer."""
    from cardsdealt.render.card_view import journey_face_layout

    card = rens.cards[0]
    before = journey_face_layout((1000, 800), 1.0, card.title, card.words)
    assert any(c.cache_info().currsize for c in T._caches)
    T.configure("opendyslexic", TEXT_SIZES[4])
    assert all(c.cache_info().currsize == 0 for c in T._caches)
    after = journey_face_layout((1000, 800), 1.0, card.title, card.words)
    assert after.text.lines != before.text.lines or after.text.px != before.text.px
    T.configure()
    assert journey_face_layout((1000, 800), 1.0, card.title, card.words) == before


# -- reduced motion --------------------------------------------------------------------------

def _watch_motion(h: Harness, moved: list) -> None:
    step = h.app.step

    def watched(events, dt):
        step(events, dt)
        top = h.app.top
        if h.app.animating or getattr(top, "dealing", False) or \
                getattr(top, "_anim_t", None) is not None:
            moved.append(getattr(top, "name", "?"))

    h.app.step = watched


@pytest.mark.parametrize("reduced", [False, True])
def test_reduced_motion_schedules_no_animation(reduced, tmp_path):
    """With reduced motion a whole session of both decks never asks for an animation frame
    (no deal, no flip, no filling bar); without it, the deal does (so the check can fail)."""
    moved: list = []

    def before(h):
        prefs.apply(h.app, Settings(reduced_motion=reduced))
        _watch_motion(h, moved)

    walk_all((1280, 720), tmp_path, lambda name, h: None, before)
    if reduced:
        assert moved == []
    else:
        assert {"journey", "classic"} <= set(moved)


def test_reduced_motion_shows_a_new_card_in_one_frame_and_a_hold_still_works(rens):
    h = Harness((1280, 720), entries_for(rens))
    prefs.apply(h.app, Settings(reduced_motion=True))
    _to_card(h)
    frames = h.app.frames
    h.key(K.K_1, "1")
    h.key(K.K_PAGEDOWN)  # the next card: shown at once
    assert h.app.frames - frames == 2 and not h.top.dealing
    h.key(K.K_PAGEDOWN)  # mark choice 1
    moved: list = []
    _watch_motion(h, moved)
    card = h.top.shown.id
    h.hold(K.K_PAGEDOWN, 1.0)  # a clicker's long press takes it, with no animation
    assert moved == [] and h.top.phase == "response" and h.top.shown.id == card


# -- read-aloud ------------------------------------------------------------------------------

class FakeEngine:
    """Stands in for pyttsx3: records what it was asked to say."""

    def __init__(self) -> None:
        self.said: list[str] = []
        self.lock = threading.Lock()

    def say(self, words: str) -> None:
        with self.lock:
            self.said.append(words)

    def runAndWait(self) -> None:  # noqa: N802 - pyttsx3's name
        pass

    def stop(self) -> None:
        pass


def _spoken(engine: FakeEngine, words: str, timeout: float = 3.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        with engine.lock:
            if words in engine.said:
                return True
        time.sleep(0.01)
    return False


def test_read_aloud_says_each_card_with_its_choices_and_each_question(rens, tmp_path):
    engine = FakeEngine()
    h = Harness((1280, 720), entries_for(rens))
    prefs.install(h.app, _flags(read_aloud=True), tmp_path / "s.json",
                  speaker_factory=lambda: engine)
    _to_card(h)
    first = h.top.shown
    said = card_script(first, first.choices) + f" Talk about it first: {first.discuss}"
    assert _spoken(engine, said)  # what the screen shows, the room's question too
    assert "Choice 1: " + first.choices[0].label in said
    while h.top.shown.id != "door":
        h.key(K.K_1, "1")
        h.key(K.K_PAGEDOWN)
        h.settle()
    door = h.top.shown
    assert _spoken(engine, h.top.spoken()) and h.top.spoken().startswith(
        card_script(door, door.choices))
    h.key(K.K_2, "2")
    h.key(K.K_PAGEDOWN)
    assert h.top.name == "reflection"
    assert _spoken(engine, "Why might a child hold on to their bag?")
    prefs.close(h.app)


def test_read_aloud_without_a_speech_engine_is_silent_and_harmless(rens, tmp_path):
    def broken():
        raise OSError("no espeak here")

    for factory in (lambda: None, broken):
        h = Harness((1280, 720), entries_for(rens))
        prefs.install(h.app, _flags(read_aloud=True), tmp_path / "s.json",
                      speaker_factory=factory)
        assert h.app.speaker is not None and not h.app.speaker.available
        journey_walk(h, lambda name: None)
        assert h.top.name == "summary"
    h.table.start()
    h.key(K.K_s, "s")
    for _ in range(4):
        h.key(K.K_DOWN)
    assert h.top._row_words(4) == "Read aloud: On"
    shown = words_on_screen(h)
    assert "On (no voice found)" in shown
    assert any(t.startswith("No speech voice was found") for t in shown)


# -- keyboard only, largest text, both fonts: nothing cut, clipped or overlapping ------------

@pytest.mark.parametrize("family", ["atkinson", "opendyslexic"])
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_keyboard_only_sessions_at_the_largest_text_size(family, size, tmp_path):
    """Both decks from the start screen to the end screen, keys only, at text size 5:
    on every screen no text is cut with an ellipsis, clipped by its box, drawn past the edge
    of its surface or over other text; every marked item shows its focus ring."""
    problems: list[str] = []
    with Watch() as watch:
        def shot(name, h):
            problems.extend(watch.frame(h, name))
            problems.extend(_focus_problems(h, name))

        walk_all(size, tmp_path, shot,
                 lambda h: prefs.apply(h.app, Settings(text_size=len(TEXT_SIZES) - 1,
                                                       font=family)))
    assert not problems, "\n".join(problems)


def test_the_overflow_watch_can_fail():
    """Text clipped by its box, cut with an ellipsis, past the edge, or over other text: each
    is reported."""
    from cardsdealt.render.text import draw_fitted, draw_text, fit

    with Watch() as watch:
        surf = pygame.Surface((300, 100))
        draw_fitted(surf, fit("word " * 300, "regular", (300, 100), 30, 20), surf.get_rect(),
                    (0, 0, 0))
        surf = pygame.Surface((300, 100))
        draw_text(surf, "a line far too long for its place", "regular", 30, (0, 0), (0, 0, 0),
                  max_w=80)
        draw_text(surf, "Over", "regular", 30, (280, 50), (0, 0, 0))
        draw_text(surf, "Here", "regular", 30, (10, 50), (0, 0, 0))
        draw_text(surf, "There", "regular", 30, (20, 55), (0, 0, 0))
    kinds = {p.split(":")[0] for p in watch.probe.problems}
    assert kinds == {"clipped", "cut", "off the edge of its surface", "overlapping text"}


def _focus_problems(h: Harness, name: str) -> list[str]:
    """The marked item has the focus colour on its ring (above its top edge)."""
    top = h.app.top
    if not isinstance(top, FocusScene) or top.focus is None:
        return []
    items = top.items()
    if top.focus >= len(items) or items[top.focus].y < 0:
        return []
    r = items[top.focus]
    frame = h.frame()
    t = max(3, round(h.app.theme.focus_width * top.m.u))
    y = r.y - t // 2 - 1
    xs = [r.x + r.w * k // 8 for k in range(2, 7)]
    found = sum(1 for x in xs if tuple(frame.get_at((x, y)))[:3] == h.app.theme.focus)
    return [] if found >= 3 else [f"{name}: no focus ring above item {top.focus} ({r})"]


def test_every_marked_item_shows_a_focus_ring_in_every_theme(tmp_path):
    problems: list[str] = []
    for theme in ("default", "high-contrast", "dark"):
        walk_all((1280, 720), tmp_path / theme,
                 lambda name, h: problems.extend(_focus_problems(h, name)),
                 lambda h, theme=theme: prefs.apply(h.app, Settings(theme=theme)))
    assert not problems, "\n".join(problems)


# -- words, not colour alone -----------------------------------------------------------------

def test_state_is_told_in_words_not_colour_alone(table_deck, rens):
    """Playable cards say "Can play", the others "Not now"; meters carry figures; whose turn
    it is is said in words; settings toggles say On or Off beside a tick box."""
    h = Harness((1280, 720), entries_for(table_deck))
    _to_card(h)
    words = words_on_screen(h)
    hand = h.table.game.hands[h.table.game.player]
    assert words.count("Can play") + words.count("Not now") == len(hand)
    assert words.count("Can play") == len(h.table.game.playable())
    assert any("(playing now)" in w for w in words)
    h = Harness((1280, 720), entries_for(rens))
    _to_card(h)
    words = words_on_screen(h)
    assert words.count("2 of 5") == 2  # both meters, in figures
    h.key(K.K_s, "s")  # not a shortcut while playing: only on the start screen and in Esc
    assert h.top.name == "journey"
    h.table.start()
    h.key(K.K_s, "s")
    words = words_on_screen(h)
    assert words.count("Off") == 2


# -- the terminal front end reads well -------------------------------------------------------

def test_terminal_words_spell_nothing_out(table_deck):
    """Theme ids are read as words ("who I am", not "who dash i dash am"); lines carry no
    box drawing, colour codes or symbols a screen reader would spell out."""
    import io

    from cardsdealt.ui.terminal.play import run
    from cardsdealt.ui.terminal.render import theme_words

    assert theme_words("who-i-am") == "who I am" and theme_words("safe_and_well") == \
        "safe and well"
    out = io.StringIO()
    run(table_deck, Namespace(mode=None, players=2, seed=3, autoplay=True, json=False),
        io.StringIO(""), out)
    text = out.getvalue()
    assert "theme family" in text
    bad = [c for c in set(text) if ord(c) > 0x2000 and c not in "“”‘’–—…·"]
    assert "\x1b" not in text and not bad, bad


# -- pictures of the high-contrast and large-text screens -----------------------------------

VARIANTS = {
    "hc": (Settings(theme="high-contrast"),
           {"journey-marked", "classic-hand-marked", "settings", "reflection"}),
    "large": (Settings(text_size=len(TEXT_SIZES) - 1),
              {"journey-card", "journey-response", "classic-discussion", "settings-size"}),
    "large-od-dark": (Settings(theme="dark", text_size=len(TEXT_SIZES) - 1,
                               font="opendyslexic"), {"journey-card", "reflection"}),
}


@pytest.fixture(scope="module", params=[(1280, 720), (1920, 1080)],
                ids=lambda s: f"{s[0]}x{s[1]}")
def variant_shots(request, tmp_path_factory):
    size = request.param
    out: dict = {}
    for variant, (settings, wanted) in VARIANTS.items():
        root = tmp_path_factory.mktemp(variant)

        def shot(name, h, variant=variant, wanted=wanted):
            if name in wanted:
                out[f"{variant}-{name}"] = h.frame()

        walk_all(size, root, shot, lambda h, s=settings: prefs.apply(h.app, s))
        T.configure()
    return size, out


@pytest.mark.parametrize("name", [f"{v}-{n}" for v, (_, ns) in VARIANTS.items()
                                  for n in sorted(ns)])
def test_golden_accessible_variants(variant_shots, name):
    """High contrast: near-black on white, black outlines, no soft shadows, the marked item
    on yellow inside a thick blue ring with a pointer. Large: every word bigger, long words
    shrunk to their boxes, nothing cut. OpenDyslexic on the warm dark theme."""
    size, out = variant_shots
    check(out[name], f"a11y-{name}-{size[0]}x{size[1]}")


def test_app_without_settings_uses_the_usual_look():
    app = App(pygame.display.get_surface())
    assert app.theme is DEFAULT and prefs.current(app) == Settings()

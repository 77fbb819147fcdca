"""Random input storms (seeded): thousands of key presses, clicks, typed text, resizes,
focus and display events. Nothing may raise, and typed words are never lost."""

from __future__ import annotations

import random
from collections import Counter

import pygame
from uikit import Harness, classic_deck, entries_for, journey_deck

KEYS = [pygame.K_PAGEDOWN, pygame.K_PAGEUP, pygame.K_RIGHT, pygame.K_LEFT, pygame.K_UP,
        pygame.K_DOWN, pygame.K_SPACE, pygame.K_RETURN, pygame.K_TAB, pygame.K_ESCAPE,
        pygame.K_F5, pygame.K_F11, pygame.K_F1, pygame.K_PERIOD, pygame.K_b, pygame.K_h,
        pygame.K_f, pygame.K_1, pygame.K_2, pygame.K_3, pygame.K_4, pygame.K_9, pygame.K_HOME,
        pygame.K_END, pygame.K_BACKSPACE, pygame.K_DELETE, pygame.K_PLUS, pygame.K_MINUS,
        pygame.K_v, pygame.K_a]
CHARS = {pygame.K_PERIOD: ".", pygame.K_b: "b", pygame.K_h: "h", pygame.K_f: "f",
         pygame.K_1: "1", pygame.K_2: "2", pygame.K_3: "3", pygame.K_4: "4", pygame.K_9: "9",
         pygame.K_PLUS: "+", pygame.K_MINUS: "-", pygame.K_SPACE: " ", pygame.K_v: "v",
         pygame.K_a: "a"}
TEXTS = ["a", "b", " ", "Hello ", "é", "ß", "ł", "你好", "🙂", "\n", "?", ".", "Ωμέγα ", "١٢٣"]
SIZES = [(1280, 720), (1920, 1080), (800, 600), (320, 240), (1366, 768), (3840, 2160),
         (1000, 1400)]
WINDOW_EVENTS = [pygame.WINDOWFOCUSLOST, pygame.WINDOWFOCUSGAINED, pygame.WINDOWDISPLAYCHANGED,
                 pygame.WINDOWEXPOSED, pygame.WINDOWMINIMIZED, pygame.WINDOWRESTORED,
                 pygame.WINDOWENTER, pygame.WINDOWLEAVE, pygame.ACTIVEEVENT]


def random_event(rng: random.Random, size, keys=KEYS, big_sizes=True, ctrl=True):
    r = rng.random()
    if r < 0.55:
        k = rng.choice(keys)
        mod = rng.choice([0, 0, 0, 0, pygame.KMOD_CTRL if ctrl else 0, pygame.KMOD_SHIFT])
        t = pygame.KEYDOWN if rng.random() < 0.7 else pygame.KEYUP
        return pygame.event.Event(t, key=k, mod=mod, unicode=CHARS.get(k, ""), scancode=0)
    if r < 0.7:
        return pygame.event.Event(pygame.TEXTINPUT, text=rng.choice(TEXTS))
    if r < 0.85:
        pos = (rng.randrange(size[0]), rng.randrange(size[1]))
        kind = rng.choice([pygame.MOUSEBUTTONDOWN, pygame.MOUSEMOTION, pygame.MOUSEBUTTONUP])
        return pygame.event.Event(kind, pos=pos, button=rng.choice([1, 1, 3]), rel=(1, 1),
                                  buttons=(0, 0, 0))
    if r < 0.88:
        return pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=rng.choice([-3, -1, 1, 2]),
                                  flipped=False)
    if r < 0.92 and big_sizes:
        w, h = rng.choice(SIZES if rng.random() < 0.2 else SIZES[:3])
        return pygame.event.Event(pygame.VIDEORESIZE, w=w, h=h, size=(w, h))
    return pygame.event.Event(rng.choice(WINDOW_EVENTS))


def test_storm_raises_nothing(tmp_path):
    rng = random.Random(20240611)
    decks = [journey_deck(tmp_path / "j"), classic_deck(tmp_path / "c")]
    drafts = []
    h = Harness((1280, 720), entries_for(*decks), on_quit=drafts.append)
    h.table.start()
    scenes = set()
    for _ in range(1100):  # about 3800 events, a few per loop turn as in the real loop
        if not h.app.running:  # "Quit" chosen in a menu: come back and carry on
            h.app.running = True
            h.table.start()
        events = [random_event(rng, h.app.size, big_sizes=rng.random() < 0.2)
                  for _ in range(rng.randint(1, 6))]
        h.app.step(events, rng.choice([0.0, 0.016, 0.05, 0.3]))
        scenes.add(h.top.name)
    assert {"start", "journey", "classic", "pause"} <= scenes, scenes  # the storm went places


def test_storm_keeps_typed_text(tmp_path):
    """Typing mixed with arrows, Home/End, new lines, resizes, focus and display events,
    help and full screen toggles: every typed character is still there at the end, and a
    closed window hands it all to on_quit."""
    rng = random.Random(7)
    drafts = []
    h = Harness((1280, 720), entries_for(journey_deck(tmp_path / "j")), on_quit=drafts.append)
    h.table.start()
    h.key(pygame.K_F5)
    h.key(pygame.K_PAGEDOWN)
    h.key(pygame.K_PAGEDOWN)
    h.settle()
    while h.top.shown.id != "door":
        h.key(pygame.K_1, "1")
        h.key(pygame.K_PAGEDOWN)
        h.settle()
    h.key(pygame.K_2, "2")  # the choice with a reflection question
    h.key(pygame.K_PAGEDOWN)
    assert h.top.name == "reflection"
    safe = [pygame.K_LEFT, pygame.K_RIGHT, pygame.K_UP, pygame.K_DOWN, pygame.K_HOME,
            pygame.K_END, pygame.K_RETURN, pygame.K_F11, pygame.K_F1, pygame.K_b, pygame.K_h,
            pygame.K_PERIOD, pygame.K_1, pygame.K_SPACE]
    typed = Counter()
    for _ in range(1000):  # about 2500 events
        for _ in range(rng.randint(1, 4)):
            e = random_event(rng, h.app.size, keys=safe, big_sizes=rng.random() < 0.2,
                             ctrl=False)
            if e.type in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
                e = pygame.event.Event(e.type, pos=h.top.box.rect.center if h.top.name ==
                                       "reflection" else (1, 1), button=1)
            if e.type == pygame.TEXTINPUT and h.top.name == "reflection" and h.top.wants_text:
                typed.update(e.text)
            h.app.handle(e)
        h.app.step([], 0.016)
    assert sum(typed.values()) > 400
    h.app.step([pygame.event.Event(pygame.QUIT)], 0.0)
    assert not h.app.running and len(drafts) == 1
    draft = drafts[0]
    assert draft is not None and draft.card_id == "door"
    missing = typed - Counter(draft.text)
    assert not missing, f"lost characters: {missing}"

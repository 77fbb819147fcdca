"""A keyboard-only walk through every screen of both small test decks, calling `shot(name)`
at each screen worth looking at. Used by the contrast test (every screen, every theme), the
large-text session test and tools that write pictures of the screens.

Only keys are pressed (no mouse), so a finished walk is also proof that every screen can be
reached and left with a keyboard alone.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import pygame
from uikit import Harness, classic_deck, entries_for, journey_deck

K = pygame
Shot = Callable[[str], None]


def _go_on_from_preset(h: Harness) -> None:
    if h.top.name == "preset":
        h.key(K.K_RETURN)


def open_settings_from_pause(h: Harness) -> None:
    """Esc, then Down to "Settings" and Enter: the pause menu's way in."""
    h.key(K.K_ESCAPE)
    menu = h.top
    target = [r for r, _ in menu.entries].index("settings")
    while menu.focus != target:
        h.key(K.K_DOWN)
    h.key(K.K_RETURN)
    assert h.top.name == "settings", h.top.name


def journey_walk(h: Harness, shot: Shot, limit: int = 40) -> None:
    h.table.start()
    h.settle()
    shot("start")
    h.key(K.K_s, "s")
    shot("settings")
    h.key(K.K_DOWN)
    shot("settings-size")
    h.key(K.K_ESCAPE)
    assert h.top.name == "start", h.top.name
    h.key(K.K_RETURN)
    _go_on_from_preset(h)
    shot("intro-notes")
    h.key(K.K_PAGEDOWN)
    shot("intro")
    h.key(K.K_PAGEDOWN)
    h.settle()
    shot("journey-card")
    h.key(K.K_DOWN)
    shot("journey-marked")
    h.key(K.K_ESCAPE)
    shot("pause")
    h.key(K.K_ESCAPE)
    h.key(K.K_h, "h")
    shot("help")
    h.key(K.K_h, "h")
    h.key(K.K_b, "b")
    shot("blank")
    h.key(K.K_b, "b")
    open_settings_from_pause(h)
    shot("settings-over-play")
    h.key(K.K_ESCAPE)
    while h.top.shown.id != "door":
        h.key(K.K_1, "1")
        h.key(K.K_PAGEDOWN)
        h.settle()
    h.key(K.K_2, "2")
    shot("journey-response")
    h.key(K.K_PAGEDOWN)
    shot("reflection-empty")
    h.type("He held on because it was the only thing that was still his.")
    h.key(K.K_RETURN)
    h.type("Ask before touching it.")
    shot("reflection")
    h.key(K.K_TAB)
    shot("reflection-skip-marked")
    h.key(K.K_TAB)
    h.key(K.K_RETURN)
    shot("confirm-skip")
    h.key(K.K_RETURN)  # "Keep writing" is marked first
    h.key(K.K_RETURN, mod=K.KMOD_CTRL)
    h.settle()
    for _ in range(limit):
        if h.top.name == "summary":
            break
        if h.top.name == "reflection":
            h.type("A thought.")
            h.key(K.K_RETURN, mod=K.KMOD_CTRL)
        elif getattr(h.top, "phase", "") == "card":
            h.key(K.K_1, "1")
        else:
            h.key(K.K_PAGEDOWN)
        h.settle()
    shot("summary-journey")
    h.key(K.K_RIGHT)
    shot("summary-marked")


def classic_walk(h: Harness, shot: Shot, limit: int = 300) -> None:
    h.table.start()
    h.key(K.K_RETURN)
    _go_on_from_preset(h)
    h.key(K.K_PAGEDOWN)
    h.settle()
    shot("classic-hand")
    h.key(K.K_PAGEDOWN)
    shot("classic-hand-marked")
    h.key(K.K_F5)
    h.settle()
    shot("classic-discussion")
    h.key(K.K_ESCAPE)
    h.key(K.K_DOWN)
    h.key(K.K_RETURN)
    shot("break")
    h.key(K.K_SPACE)
    seen_draw = False
    for _ in range(limit):
        if h.top.name == "summary":
            break
        if getattr(h.top, "discussing", False):
            h.key(K.K_PAGEDOWN)
        else:
            if ("draw",) in h.table.game.actions() and not seen_draw:
                seen_draw = True
                shot("classic-draw")
            h.key(K.K_PAGEDOWN)
            h.key(K.K_F5)
        h.settle(0.4)
    shot("summary-classic")


def _pick_preset(h: Harness, name: str) -> bool:
    """On the preset screen, mark `name` and take it (False if it is not offered)."""
    names = [p.name for p in getattr(h.top, "options", ())]
    if h.top.name != "preset" or name not in names:
        return False
    while h.top.focus != names.index(name):
        h.key(K.K_DOWN)
    h.key(K.K_RETURN)
    while h.top.name == "intro":
        h.key(K.K_PAGEDOWN)
    h.settle()
    return True


def facilitation_walk(h: Harness, shot: Shot) -> None:
    """The preset screen, a group-supervision card with hands counted, the timer and the
    facilitator notes, then an interview with a private panel note, to its end."""
    import os

    old = os.environ.get("CARDSDEALT_PRESET_SCREEN")
    os.environ["CARDSDEALT_PRESET_SCREEN"] = "1"
    try:
        h.table.start()
        h.key(K.K_RETURN)
        shot("preset")
        if _pick_preset(h, "supervision") and h.top.name == "journey":
            shot("supervision-card")
            for k, ch in ((K.K_1, "1"), (K.K_1, "1"), (K.K_2, "2")):
                h.key(k, ch)
            h.key(K.K_t, "t")
            h.settle(1.0)
            shot("supervision-tally-timer")
            h.key(K.K_n, "n")
            if h.top.name == "notes":
                shot("notes")
                h.key(K.K_n, "n")
        h.table.start()
        h.key(K.K_RETURN)
        if _pick_preset(h, "interview") and h.top.name == "interview":
            shot("interview-card")
            h.key(K.K_RETURN)
            if h.top.name == "panel-note":
                h.type("Calm; asked what Ren would want.")
                shot("panel-note")
                h.key(K.K_RETURN, mod=K.KMOD_CTRL)
            for _ in range(12):
                if h.top.name != "interview":
                    break
                h.key(K.K_PAGEDOWN)
                h.settle()
            if h.top.name == "interview-end":
                shot("interview-end")
    finally:
        if old is None:
            os.environ.pop("CARDSDEALT_PRESET_SCREEN", None)
        else:
            os.environ["CARDSDEALT_PRESET_SCREEN"] = old


def walk_all(size, root: Path, shot: Shot, before: Callable[[Harness], None] | None = None,
             ) -> None:
    """Every walk at `size`; `before(harness)` runs on each new window (apply settings)."""
    for name, make, walk in (("rens", journey_deck, journey_walk),
                             ("table", classic_deck, classic_walk),
                             ("rens-room", journey_deck, facilitation_walk)):
        h = Harness(size, entries_for(make(root / name)))
        if before is not None:
            before(h)
        walk(h, lambda n, h=h: shot(n, h))

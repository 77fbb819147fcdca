"""Turning key presses into intents, so that a keyboard and a presenter clicker drive the same
actions. Presenter clickers send PageDown/PageUp (some Right/Left or Space), F5 (start; some
alternate F5 and Esc on one button), '.' or B (blank) and Esc.

Intents: advance, back, start, activate, focus_next, focus_prev, blank, help, pause, settings,
fullscreen, ("choose", n). Keys that type text are not intents while a text box has focus.

Which key gives which intent, and what the help and the README say about it, is one table:
cardsdealt/ui/keytable.py. The facilitation keys (T, +, -, N, K, C, W, P, Backspace) are none
of them a clicker key, so a clicker never sets them off by chance.
"""

from __future__ import annotations

import pygame

from cardsdealt.ui.keytable import ROWS

ADVANCE_KEYS = {pygame.K_PAGEDOWN, pygame.K_RIGHT, pygame.K_SPACE}
BACK_KEYS = {pygame.K_PAGEUP, pygame.K_LEFT}
HOLD_SECONDS = 0.7  # holding Next this long takes the marked choice (clicker path)

_DIGITS = {getattr(pygame, f"K_{i}"): i for i in range(1, 10)}
_DIGITS.update({getattr(pygame, f"K_KP{i}"): i for i in range(1, 10)})


def _maps() -> tuple[dict[int, str], dict[int, str], dict[str, str], dict[int, str]]:
    """(always, moves, chars, letter keys) from the one key table (cardsdealt/ui/keytable.py)."""
    always: dict[int, str] = {}
    moves: dict[int, str] = {}
    chars: dict[str, str] = {}
    codes: dict[int, str] = {}
    for row in ROWS:
        for b in row.binds:
            always.update({getattr(pygame, f"K_{k}"): b.intent for k in b.always})
            moves.update({getattr(pygame, f"K_{k}"): b.intent for k in b.moves})
            chars.update({c: b.intent for c in b.chars})
            codes.update({getattr(pygame, f"K_{k}"): b.intent for k in b.codes})
    return always, moves, chars, codes


_ALWAYS, _MOVES, _CHARS, _LETTER_KEYS = _maps()
_CTRL_ALT = pygame.KMOD_CTRL | pygame.KMOD_ALT | pygame.KMOD_META


def intent_for(event: pygame.event.Event, typing: bool = False):
    """The intent of a KEYDOWN, or None. While `typing`, only keys that cannot type text
    count (Esc, F-keys, PageUp/PageDown, Tab)."""
    if event.type != pygame.KEYDOWN:
        return None
    key = event.key
    mods = getattr(event, "mod", 0)
    if key in _ALWAYS:
        return _ALWAYS[key]
    if key == pygame.K_TAB:
        return "focus_prev" if mods & pygame.KMOD_SHIFT else "focus_next"
    if typing:
        return None
    if key in _MOVES:
        return _MOVES[key]
    if mods & _CTRL_ALT:
        return None
    ch = getattr(event, "unicode", "") or ""
    if ch in _CHARS:
        return _CHARS[ch]
    if key in _DIGITS:
        return ("choose", _DIGITS[key])
    if len(ch) == 1 and ch in "123456789":
        return ("choose", int(ch))
    return _LETTER_KEYS.get(key) if not ch else None

"""Turning key presses into intents, so that a keyboard and a presenter clicker drive the same
actions. Presenter clickers send PageDown/PageUp (some Right/Left or Space), F5 (start; some
alternate F5 and Esc on one button), '.' or B (blank) and Esc.

Intents: advance, back, start, activate, focus_next, focus_prev, blank, help, pause, settings,
fullscreen, ("choose", n). Keys that type text are not intents while a text box has focus.

Facilitation keys (none of them is a clicker key, so a clicker never sets them off by chance):
T timer start/pause, + and - timer 30 s more/less, N facilitator notes, K take a break,
C type a hand count, W winners' certificate, P presenter window, Backspace undo a step.
"""

from __future__ import annotations

import pygame

ADVANCE_KEYS = {pygame.K_PAGEDOWN, pygame.K_RIGHT, pygame.K_SPACE}
BACK_KEYS = {pygame.K_PAGEUP, pygame.K_LEFT}
HOLD_SECONDS = 0.7  # holding Next this long takes the marked choice (clicker path)

_DIGITS = {getattr(pygame, f"K_{i}"): i for i in range(1, 10)}
_DIGITS.update({getattr(pygame, f"K_KP{i}"): i for i in range(1, 10)})


_ALWAYS = {pygame.K_ESCAPE: "pause", pygame.K_F11: "fullscreen", pygame.K_F5: "start",
           pygame.K_F1: "help", pygame.K_PAGEDOWN: "advance", pygame.K_PAGEUP: "back"}
_MOVES = {pygame.K_RETURN: "activate", pygame.K_KP_ENTER: "activate",
          pygame.K_BACKSPACE: "undo", pygame.K_RIGHT: "advance", pygame.K_SPACE: "advance",
          pygame.K_LEFT: "back",
          pygame.K_DOWN: "focus_next", pygame.K_UP: "focus_prev"}
_CHARS = {".": "blank", "b": "blank", "B": "blank", "?": "help", "h": "help", "H": "help",
          "f": "fullscreen", "F": "fullscreen", "+": "more", "=": "more", "-": "less",
          "_": "less", "t": "timer", "T": "timer", "n": "notes", "N": "notes",
          "k": "break", "K": "break", "c": "count", "C": "count", "w": "certificate",
          "W": "certificate", "p": "presenter", "P": "presenter", "s": "settings",
          "S": "settings"}
_LETTER_KEYS = {pygame.K_PERIOD: "blank", pygame.K_b: "blank", pygame.K_h: "help",
                pygame.K_f: "fullscreen", pygame.K_PLUS: "more", pygame.K_KP_PLUS: "more",
                pygame.K_EQUALS: "more", pygame.K_MINUS: "less", pygame.K_KP_MINUS: "less",
                pygame.K_t: "timer", pygame.K_n: "notes", pygame.K_k: "break",
                pygame.K_c: "count", pygame.K_w: "certificate", pygame.K_p: "presenter",
                pygame.K_s: "settings"}
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

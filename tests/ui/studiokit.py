"""Driving the deck studio (cardsdealt/ui/pygame/studio) as a person does: with keys only
(Tab to a control, type, Enter) or with the mouse only (scroll to it, click it; words typed
arrive as an on-screen keyboard sends them, TEXTINPUT). Every key and click is counted, so a
test can say how many steps a job takes."""

from __future__ import annotations

import pygame
from uikit import Harness

K = pygame


class Driver:
    def __init__(self, h: Harness, mouse: bool = False) -> None:
        self.h = h
        self.mouse = mouse  # True: reach and press controls with the mouse only
        self.keys = 0  # keys that move or press (typing is counted in `typed`)
        self.typed = 0  # characters typed
        self.clicks = 0
        self.scrolls = 0

    @property
    def top(self):
        return self.h.top

    # -- keys ----------------------------------------------------------------------------
    def key(self, key: int, unicode: str = "", mod: int = 0) -> None:
        self.keys += 1
        self.h.key(key, unicode, mod)

    def type(self, text: str) -> None:
        """Words as the keyboard (or an on-screen keyboard) sends them: one line."""
        assert "\n" not in text, "type one line at a time (newline() between)"
        self.typed += len(text)
        if text:
            self.h.type(text)

    def newline(self) -> None:
        self.key(K.K_RETURN)

    def tab_to(self, key: str, limit: int = 120) -> None:
        """Tab (or Shift+Tab, whichever is shorter) until `key` is marked."""
        order = [c.key for c in self.top.all() if c.enabled]
        assert key in order, f"{key} not on {self.top.name}: {order}"
        for _ in range(limit):
            if self.top.focus_key == key:
                return
            here = order.index(self.top.focus_key) if self.top.focus_key in order else 0
            there = order.index(key)
            fwd = (there - here) % len(order)
            self.key(K.K_TAB, mod=0 if fwd <= len(order) - fwd else K.KMOD_SHIFT)
        raise AssertionError(f"could not reach {key}")

    # -- the mouse -----------------------------------------------------------------------
    def click_on(self, key: str, where: str = "center") -> None:
        top = self.top
        c = top.find(key)
        assert c is not None and c.enabled, f"{key} not on {top.name}"
        column = top.areas()[1]
        for _ in range(80):
            r = top._screen_rect(c)
            if c.tool or (r.top >= column.top and r.bottom <= column.bottom):
                break
            self.scrolls += 1
            self.h.app.step([pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-1 if r.top >
                                                column.top else 1, flipped=False)], 0.02)
        r = top._screen_rect(c)
        pos = {"center": r.center, "left": (r.x + r.w // 8, r.centery),
               "right": (r.right - r.w // 8, r.centery)}[where]
        self.clicks += 1
        self.h.click(pos)

    # -- either way ----------------------------------------------------------------------
    def go(self, key: str) -> None:
        """Mark `key` (a box gets the cursor)."""
        if self.mouse:
            self.click_on(key)
        else:
            self.tab_to(key)
        assert self.top.focus_key == key, (self.top.focus_key, key)

    def press(self, key: str) -> None:
        """Press a button or open a row."""
        if self.mouse:
            self.click_on(key)
        else:
            self.tab_to(key)
            self.key(K.K_RETURN)

    def fill(self, key: str, text: str) -> None:
        """Write `text` in the box `key` (lines of a "several lines" box with Enter)."""
        self.go(key)
        box = self.top.focused().box
        while box.text:  # clear what is there (Ctrl+Backspace takes a word at a time)
            self.key(K.K_END, mod=K.KMOD_CTRL)
            self.key(K.K_BACKSPACE, mod=K.KMOD_CTRL)
        for i, line in enumerate(text.split("\n")):
            if i:
                self.newline()
            self.type(line)

    def pick(self, key: str, words: str) -> None:
        """Turn the pick `key` until it shows `words`."""
        c = self.top.find(key)
        assert c is not None, key
        options = [w for _v, w in c.options]
        assert words in options, (words, options)
        self.go(key)
        for _ in range(len(options) + 1):
            c = self.top.find(key)
            if c.words() == words:
                return
            if self.mouse:
                self.click_on(key, "right")
            else:
                self.key(K.K_RIGHT)
        raise AssertionError(f"{key} never showed {words}")

    def step_to(self, key: str, value: int) -> None:
        """Set the stepper `key` to `value` (arrows, or clicks on its ends)."""
        self.go(key)
        for _ in range(30):
            c = self.top.find(key)
            if c.value == value:
                return
            up = c.value < value
            if self.mouse:
                self.click_on(key, "right" if up else "left")
            else:
                self.key(K.K_RIGHT if up else K.K_LEFT)
        raise AssertionError(f"{key} never reached {value}")

    def back(self) -> None:
        if self.mouse:
            self.click_on("tool.back")
        else:
            self.key(K.K_ESCAPE)

    def undo(self) -> None:
        if self.mouse:
            self.click_on("tool.undo")
        else:
            self.key(K.K_z, mod=K.KMOD_CTRL)

    def redo(self) -> None:
        if self.mouse:
            self.click_on("tool.redo")
        else:
            self.key(K.K_y, mod=K.KMOD_CTRL)

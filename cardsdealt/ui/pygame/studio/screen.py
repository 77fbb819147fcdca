"""Keys, the mouse and a finger on every studio screen. Everything on a studio screen is a
`Control` the marker moves over (control.py; where each one is: layout.py), so the keyboard
and the mouse (or a finger) each do every step alone:

- Tab / Shift+Tab: the next / previous control; Up and Down jump a whole row (a card in a
  list with its buttons is one row), PageDown/PageUp as a clicker sends them too;
- Enter or Space presses a button, turns a "pick" to its next option (Left and Right go
  either way) and flips a yes/no; in a one-line box Enter goes on to the next box;
- Esc goes back a screen; Ctrl+Z undoes and Ctrl+Y (or Ctrl+Shift+Z) redoes, anywhere;
- F2 (or S, when not writing) opens the window's settings over the screen, F1 (H or ?) the
  help with these keys (cardsdealt/ui/keytable.py, the studio's rows);
- a click or a tap marks a control and presses it (a box puts its cursor there), the wheel
  scrolls the column.
"""

from __future__ import annotations

import pygame

from cardsdealt.ui.pygame.keys import intent_for
from cardsdealt.ui.pygame.studio.control import Control
from cardsdealt.ui.pygame.studio.layout import Layout
from cardsdealt.ui.pygame.textbox import keyboard


class StudioScreen(Layout):
    """A studio screen: what its controls do when pressed, typed in or clicked."""

    studio_keys = True  # the help (F1) shows the studio's keys over it

    def open_settings(self) -> None:
        """The window's settings over this screen; closed, this screen comes back as it
        was, words and cursor too, drawn in the new text size, colours and font."""
        from cardsdealt.ui.pygame.scenes.settings import SettingsScene

        self.app.push(SettingsScene(self.app))

    def back(self) -> None:
        self.studio.leave(self)

    def gone(self) -> bool:
        """True when what this screen edits is not there any more (undone, deleted)."""
        return False

    def line_done(self, c: Control) -> None:
        """Enter in a one-line box: on to the next thing on the screen."""
        self.move(1)

    # what a screen of the deck says about a change (page.py): nothing, on the others
    def edited(self) -> None:
        self.changed()

    def refused(self, words: str) -> None:
        pass

    def advise(self, every: dict[str, list[str]] | None = None) -> None:
        pass

    def rebuild(self) -> None:
        """Read every value again (after undo, redo, or a change that adds or removes)."""
        self._controls = None
        self.all()
        self._show_keyboard()
        self.changed()

    @property
    def wants_text(self) -> bool:  # type: ignore[override]
        c = self.focused() if self._controls is not None else None
        return c is not None and c.is_text

    def set_focus(self, key: str | None, reveal: bool = True) -> None:
        """Mark `key`, scrolled into view with its advice (not for a click: what was
        clicked stays where it was under the pointer)."""
        old = self.focused()
        if old is not None and old.key != key and old.is_text and self.studio.doc is not None:
            self.studio.doc.end_typing()  # the next edit of that box is a new undo step
        self.focus_key = key
        if reveal:
            self._reveal()
        else:
            self._place_boxes()
        self._show_keyboard()
        self.changed()

    def _show_keyboard(self) -> None:
        c = self.focused()
        keyboard(c.box if c is not None and c.is_text else None)

    def move(self, d: int, by_row: bool = False) -> None:
        self.all()
        self.refresh_tools()
        items = [c for c in self.all() if c.enabled]
        if not items:
            return
        cur = self.focused()
        i = items.index(cur) if cur in items else (-1 if d > 0 else 0)
        if by_row and cur is not None:
            j = i
            while 0 <= j + d < len(items) and self._row_of(items[j + d]) == self._row_of(cur):
                j += d
            j += d
            if not 0 <= j < len(items):
                j %= len(items)
            if d < 0:  # the first control of that row
                row = self._row_of(items[j])
                while j > 0 and self._row_of(items[j - 1]) == row:
                    j -= 1
            self.set_focus(items[j].key)
            return
        self.set_focus(items[(i + d) % len(items)].key)

    def _row_of(self, c: Control):
        return ("tool",) if c.tool else (c.group if c.group >= 0 else id(c))

    def on_show(self) -> None:
        if self.gone():
            self.studio.leave(self)
            return
        self._controls = None
        self.all()
        self._show_keyboard()
        super().on_show()

    def on_hide(self) -> None:
        keyboard(None)
        super().on_hide()

    # -- input -------------------------------------------------------------------------
    def handle(self, event: pygame.event.Event) -> None:  # noqa: C901 - one table of keys
        t = event.type
        if t == pygame.KEYDOWN:
            self._key(event)
        elif t in (pygame.TEXTINPUT, pygame.TEXTEDITING):
            c = self.focused()
            if c is not None and c.box is not None:
                self._typed(c, event)
        elif t == pygame.MOUSEBUTTONDOWN and getattr(event, "button", 1) == 1:
            self._click(event.pos)
        elif t == pygame.MOUSEWHEEL:
            self.scroll_by(-event.y * self.m.px(90))
        elif t == pygame.MOUSEBUTTONDOWN and getattr(event, "button", 1) in (4, 5):
            self.scroll_by(self.m.px(90) * (1 if event.button == 5 else -1))

    def _key(self, event) -> None:  # noqa: C901 - one branch per key is the clearest
        k = event.key
        mods = getattr(event, "mod", 0)
        ctrl = bool(mods & (pygame.KMOD_CTRL | pygame.KMOD_META))
        shift = bool(mods & pygame.KMOD_SHIFT)
        if ctrl and (k == pygame.K_y or (k == pygame.K_z and shift)):
            self.studio.redo(self)
            return
        if ctrl and k == pygame.K_z:
            self.studio.undo(self)
            return
        if k == pygame.K_ESCAPE:
            self.back()
            return
        if intent_for(event, typing=self.wants_text) == "settings":  # F2; S when not writing
            self.open_settings()
            return
        if k == pygame.K_TAB:
            self.move(-1 if shift else 1)
            return
        if k in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
            self.move(1 if k == pygame.K_PAGEDOWN else -1)
            return
        c = self.focused()
        if c is not None and c.is_text:
            if c.kind == "line" and k in (pygame.K_UP, pygame.K_DOWN):
                self.move(1 if k == pygame.K_DOWN else -1, by_row=True)
            elif c.kind == "line" and k in (pygame.K_RETURN, pygame.K_KP_ENTER):
                self.line_done(c)
            elif k in (pygame.K_RETURN, pygame.K_KP_ENTER) and ctrl:
                self.move(1)
            else:
                self._typed(c, event)
            return
        if k in (pygame.K_DOWN, pygame.K_UP):
            self.move(1 if k == pygame.K_DOWN else -1, by_row=True)
        elif k in (pygame.K_LEFT, pygame.K_RIGHT):
            d = 1 if k == pygame.K_RIGHT else -1
            if c is not None and c.kind in ("pick", "stepper"):
                self.step(c, d)
            else:
                self.move(d)
        elif k in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE, pygame.K_F5):
            if c is not None:
                self.press(c)
        elif k in (pygame.K_PLUS, pygame.K_EQUALS, pygame.K_KP_PLUS, pygame.K_MINUS,
                   pygame.K_KP_MINUS) and c is not None and c.kind == "stepper":
            self.step(c, 1 if k in (pygame.K_PLUS, pygame.K_EQUALS, pygame.K_KP_PLUS) else -1)

    def _typed(self, c: Control, event) -> None:
        assert c.box is not None
        before = c.box.text
        if c.box.handle(event):
            self._typing = True  # only the box, the header and the side are drawn again
            try:
                if c.box.text != before and c.on_change is not None:
                    if c.kind == "line" and "\n" in c.box.text:
                        c.box.buf.text = c.box.text.replace("\n", " ")  # a one-line box
                    self.studio.edit(self, c.on_change, c.box.text)
                self.changed()
            finally:
                self._typing = False

    def _click(self, pos) -> None:
        self.all()
        self.refresh_tools()
        for c in self.all():
            if not c.enabled:
                continue
            r = self._screen_rect(c)
            if not c.tool and not self.areas()[1].collidepoint(pos):
                continue
            if r.collidepoint(pos):
                if c.key != self.focus_key:
                    self.set_focus(c.key, reveal=False)
                if c.is_text:
                    assert c.box is not None
                    c.box.handle(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
                    self.changed()
                elif c.kind in ("pick", "stepper"):
                    self.step(c, -1 if pos[0] < r.x + r.w // 3 else 1)
                else:
                    self.press(c)
                return

    # -- acting ------------------------------------------------------------------------
    def press(self, c: Control) -> None:
        if not c.enabled:
            return
        if c.kind in ("button", "row"):
            if c.action is not None:
                c.action()
        elif c.kind == "pick":
            self.step(c, 1)
        elif c.kind == "toggle":
            c.value = not c.value
            if c.on_change is not None:
                self.studio.edit(self, c.on_change, c.value)
            self.changed()
        elif c.kind == "stepper":
            self.step(c, 1)

    def step(self, c: Control, d: int) -> None:
        if c.kind == "pick" and c.options:
            vals = [v for v, _w in c.options]
            if c.value in vals:
                c.value = vals[(vals.index(c.value) + d) % len(vals)]
            else:  # nothing chosen yet: Right (or Enter) the first answer, Left the last
                c.value = vals[0 if d > 0 else -1]
        elif c.kind == "stepper":
            lo, hi = c.bounds
            c.value = max(lo, min(hi, int(c.value or 0) + d))
        else:
            return
        if c.on_change is not None:
            self.studio.edit(self, c.on_change, c.value)
        self.changed()


"""A reflection prompt: the question, a large text box, Save and Skip.

Typing goes to the box (so letters never trigger shortcuts here); Ctrl+Enter or PageDown
saves; Skip with words typed asks first. The result is the text (saved) or None (skipped).
If the window closes, the app takes the words from `draft()`: nothing typed is lost.

In a group session the room comes first: the screen opens with "Save and go on" marked, so a
presenter clicker keeps working (Next goes on, Back marks Skip and then the box, B blanks,
T, N and K act on the room); typing starts only on purpose, with Enter or a click on the box,
and PageUp leaves the box again.
"""

from __future__ import annotations

import pygame
from pygame import Rect

from cardsdealt.render.draw import button, hint
from cardsdealt.render.text import draw_fitted, draw_text, fit, scaled
from cardsdealt.ui.pygame.scenes.base import Modal
from cardsdealt.ui.pygame.textbox import TextBox, keyboard

FOCUS_BOX, FOCUS_SAVE, FOCUS_SKIP = 0, 1, 2


class ReflectionScene(Modal):
    opaque = True
    name = "reflection"

    def __init__(self, app, prompt, card=None, text: str = "") -> None:
        from cardsdealt.engine.presets import session_kind

        super().__init__(app)
        self.prompt, self.card = prompt, card
        self.room = session_kind(getattr(app, "preset", None)) == "group"
        self.box = TextBox(text, placeholder=(
            "Enter, or a click here, to type what the group says" if self.room
            else "Type your thoughts here…"))
        self.focus = FOCUS_SAVE if self.room else FOCUS_BOX

    @property
    def wants_text(self) -> bool:
        return self.focus == FOCUS_BOX

    def on_show(self) -> None:
        super().on_show()
        keyboard(self.box if self.focus == FOCUS_BOX else None)
        self.speak(self.prompt.text)  # read-aloud: the question, when it is raised

    def on_hide(self) -> None:
        super().on_hide()
        keyboard(None)

    def draft(self):
        from cardsdealt.ui.pygame.textbuffer import Draft

        if not self.box.text:
            return None
        return Draft(getattr(self.prompt, "id", None), getattr(self.prompt, "card_id", None),
                     self.box.text)

    # -- geometry ------------------------------------------------------------------------
    def _question(self, w: int):
        m = self.m
        return fit(self.prompt.text, "bold", (w, m.px(240)), m.px(54), m.px(38))

    def _geometry(self):
        m = self.m
        x, w = m.px(140), m.w - m.px(280)
        if m.portrait:  # a narrow window: the whole width, and the key hints on a line
            x, w = m.margin, m.w - 2 * m.margin  # of their own above the buttons
        q = self._question(w)
        head = Rect(x, m.px(56), w, m.px(60) + min(q.height, m.px(240)))
        below = m.px(190) + (m.px(110) if m.portrait else 0)
        box = Rect(x, head.bottom + m.px(36), w, m.h - head.bottom - m.px(36) - below)
        bw, bh = m.px(420), m.px(88)
        save = Rect(x + w - bw, m.h - m.px(150), bw, bh)
        skip = Rect(save.x - m.px(40) - m.px(300), save.y, m.px(300), bh)
        return head, box, save, skip

    def _sync_box(self) -> None:
        _, box, _, _ = self._geometry()
        px = scaled(self.m.px(38))  # typed words follow the text size setting
        if self.box.rect != box or self.box.px != px:
            self.box.set_geometry(box, px)

    # -- drawing -------------------------------------------------------------------------
    def render(self, surface) -> None:
        m, th = self.m, self.theme
        self._sync_box()
        head, box, save, skip = self._geometry()
        surface.fill(th.table)
        about = f" · after “{self.card.title}”" if self.card is not None else ""
        draw_text(surface, "A question to think about" + about, "bold", m.px(34),
                  head.topleft, th.table_muted, max_w=head.w, max_h=m.px(58))
        q = Rect(head.x, head.y + m.px(60), head.w, head.h - m.px(60))
        draw_fitted(surface, self._question(head.w), q, th.table_ink)
        self.box.draw(surface, th, m.u, focused=self.focus == FOCUS_BOX)
        button(surface, skip, "Skip", th, m.u, focused=self.focus == FOCUS_SKIP)
        button(surface, save, "Save and go on" if self.room else "Save", th, m.u,
               focused=self.focus == FOCUS_SAVE, key="Ctrl+Enter")
        if self.focus == FOCUS_BOX:
            words = "Enter: new line · Tab: to the buttons · PageDown: save, go on"
            if self.room:
                words += " · PageUp: stop typing"
        else:
            words = "Next: save and go on · Enter: type the group's words · Back: Skip"
        if m.portrait:
            where = Rect(box.x, box.bottom + m.px(12), box.w, save.y - box.bottom - m.px(24))
        else:
            where = Rect(box.x, save.y, skip.x - box.x - m.px(30), save.h)
        hint(surface, where, words, th, m.u)

    def presenter_next(self) -> str:
        """The presenter window's next step: what the next press does here, as marked now."""
        if self.focus == FOCUS_BOX:
            if self.room:
                return ("Typing the group's words: PageDown saves them and goes on; PageUp "
                        "stops typing (the clicker acts on the room again).")
            return "Typing: PageDown or Ctrl+Enter saves and goes on; Tab: to the buttons."
        if self.focus == FOCUS_SKIP:
            return ("“Skip” is marked: F5 or Enter skips the question; Next saves and goes on; "
                    "Back: type the group's words." if self.room else
                    "“Skip” is marked: Enter skips the question; Tab moves.")
        if self.room:
            return ("Next saves and goes on. Enter types the group's words; Back marks "
                    "Skip.")
        return "“Save” is marked: Enter saves and goes on; Tab moves."

    # -- input ---------------------------------------------------------------------------
    def handle(self, event) -> None:
        self._sync_box()
        if event.type == pygame.KEYDOWN:
            mods = getattr(event, "mod", 0)
            ctrl = mods & (pygame.KMOD_CTRL | pygame.KMOD_META)
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER) and ctrl:
                self.save()
                return
            if event.key == pygame.K_PAGEDOWN:
                self.save()
                return
            if event.key == pygame.K_PAGEUP and self.focus == FOCUS_BOX and self.room:
                self._mark(FOCUS_SAVE)  # stop typing: the clicker acts on the room again
                return
            if event.key == pygame.K_TAB:
                back = mods & pygame.KMOD_SHIFT
                self._mark((self.focus + (-1 if back else 1)) % 3)
                return
            if self.focus == FOCUS_BOX:
                if self.box.handle(event):
                    self.changed()
                return
            self._button_key(event)
            return
        if event.type in (pygame.TEXTINPUT, pygame.TEXTEDITING):
            if self.focus == FOCUS_BOX and self.box.handle(event):
                self.changed()
            return
        if event.type == pygame.MOUSEBUTTONDOWN and getattr(event, "button", 1) == 1:
            self._click(event.pos)
        elif event.type == pygame.MOUSEWHEEL and self.box.handle(event):
            self.changed()

    def _mark(self, focus: int) -> None:
        self.focus = focus
        keyboard(self.box if focus == FOCUS_BOX else None)
        self.changed()

    def _button_key(self, event) -> None:
        from cardsdealt.ui.pygame.keys import intent_for

        k = event.key
        if self.room:
            intent = intent_for(event)
            if intent in ("advance", "start") and not (intent == "start"
                                                       and self.focus == FOCUS_SKIP):
                self.save()  # Next, or F5 on "Save and go on": the room goes on
            elif intent in ("back", "focus_prev"):
                self._mark(FOCUS_SKIP if self.focus == FOCUS_SAVE else FOCUS_BOX)
            elif intent == "focus_next":
                self._mark(FOCUS_SAVE)
            elif intent == "activate":  # Enter: the trainer types the group's words
                self._mark(FOCUS_BOX) if self.focus == FOCUS_SAVE else self.skip()
            elif intent == "start":
                self.skip()
            elif intent in ("timer", "more", "less", "notes", "presenter"):
                self._for_the_room(intent, event)
            return
        if k in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE, pygame.K_F5):
            self.save() if self.focus == FOCUS_SAVE else self.skip()
        elif k in (pygame.K_LEFT, pygame.K_RIGHT, pygame.K_UP, pygame.K_DOWN):
            self.focus = FOCUS_SKIP if self.focus == FOCUS_SAVE else FOCUS_SAVE
            self.changed()

    def _for_the_room(self, intent: str, event) -> None:
        """Timer, notes and presenter keys: the play screen under this one acts on them."""
        for scene in reversed(self.app.scenes[:-1]):
            facilitate = getattr(scene, "facilitate", None)
            if facilitate is not None:
                facilitate(intent, event)
                self.changed()
                return

    def _click(self, pos) -> None:
        _, box, save, skip = self._geometry()
        if save.collidepoint(pos):
            self.save()
        elif skip.collidepoint(pos):
            self.skip()
        elif box.collidepoint(pos):
            self.focus = FOCUS_BOX
            keyboard(self.box)
            self.box.handle(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
            self.changed()

    # -- results -------------------------------------------------------------------------
    def save(self) -> None:
        self.done(self.box.text if self.box.text.strip() else None)

    def skip(self) -> None:
        from cardsdealt.ui.pygame.scenes.overlays import Confirm

        if not self.box.text.strip():
            self.done(None)
            return
        self.app.push(Confirm(self.app, "Skip this question?",
                              "What you typed will not be kept.", yes="Skip",
                              no="Keep writing"),
                      on_result=lambda ok: self.done(None) if ok else None)

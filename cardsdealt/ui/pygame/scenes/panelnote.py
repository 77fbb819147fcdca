"""The interview panel's private note on one card, and what the room sees while it is typed.

The candidate must never read the panel's words. With the presenter window open the box is
drawn there and the projector keeps the card, unchanged. With one display (the screen the
candidate sees) the note can still be typed, but the display shows only a calm, neutral
screen, "The panel is writing a note", with how many characters are typed and how to keep
them; the words themselves are not drawn. Typing is not refused: a panel with one laptop must
still be able to note what it noticed at the moment it noticed it, and a refusal would lose
that. To see the words while typing, open the presenter window (P) first, on a second screen
or, when the candidate cannot see this one, on this screen after its question.

Ctrl+Enter, PageDown or the Keep button keeps the note; PageUp, or the Close button, closes
the box and keeps the words waiting (not lost) for when it opens again.
"""

from __future__ import annotations

from typing import Protocol

import pygame
from pygame import Rect

from cardsdealt.render.draw import button, hint, panel
from cardsdealt.render.text import draw_text
from cardsdealt.ui.pygame.scenes.base import Modal
from cardsdealt.ui.pygame.textbox import TextBox, keyboard


class NoteKeeper(Protocol):
    """What the note needs of the interview screen under it (scenes/interview.py)."""

    drafts: dict[str, str]  # card id -> words typed and not yet kept

    def keep_note(self, card, text: str, unfinished: bool = False) -> None: ...


NEUTRAL = "The panel is writing a note"
NEUTRAL_MORE = "The card comes back in a moment."
UNSEEN = ("Your words are not shown on this screen, so the candidate cannot read them. To "
          "see them as you type, open the presenter window (P) before the note.")


class PanelNote(Modal):
    """A private note on one card (see the module's words for what the room sees)."""

    name = "panel-note"
    pausable = True
    wants_text = True

    def __init__(self, app, scene: NoteKeeper, card, text: str = "") -> None:
        super().__init__(app)
        self.scene, self.card = scene, card
        self.box = TextBox(text, placeholder="Private to the panel: what did you notice?")

    def on_show(self) -> None:
        super().on_show()
        keyboard(self.box)

    def on_hide(self) -> None:
        super().on_hide()
        keyboard(None)

    @property
    def hidden(self) -> bool:
        """With a presenter window the box is drawn there, never on the projector."""
        fac = getattr(self.app, "facilitation", None)
        return bool(fac is not None and fac.presenting)

    # -- geometry ------------------------------------------------------------------------
    def _geometry(self) -> tuple[Rect, Rect]:
        """The box's place. It is never drawn on the display (the neutral screen is), but it
        keeps a size so the text box can move its cursor by lines."""
        m = self.m
        box = Rect(m.px(160), m.px(300), m.w - m.px(320), m.h - m.px(560))
        outer = box.inflate(m.px(80), m.px(260)).move(0, m.px(40))
        return outer, box

    def _buttons(self) -> tuple[Rect, Rect]:
        """Close (the words wait) and Keep the note: the mouse and touch route."""
        m = self.m
        w, h, gap = m.px(520), m.px(88), m.px(40)
        y = m.h - m.px(300)
        keep = Rect(m.w // 2 + gap // 2, y, w, h)
        close = Rect(m.w // 2 - gap // 2 - w, y, w, h)
        return close, keep

    def _sync_box(self) -> None:
        _, box = self._geometry()
        if self.box.rect != box or self.box.px != self.m.px(36):
            self.box.set_geometry(box, self.m.px(36))

    # -- drawing -------------------------------------------------------------------------
    def draw(self, surface) -> None:
        if not self.hidden:
            super().draw(surface)

    def render(self, surface) -> None:
        """One display: a neutral screen. The words typed are never drawn here."""
        m, th = self.m, self.theme
        self._sync_box()
        surface.fill(th.table)
        c = m.screen.centerx
        draw_text(surface, NEUTRAL, "bold", m.px(72), (c, m.px(170)), th.table_ink,
                  anchor="midtop", max_w=m.w - m.px(160), max_h=m.px(200))
        draw_text(surface, NEUTRAL_MORE, "regular", m.px(44), (c, m.px(330)), th.table_muted,
                  anchor="midtop", max_w=m.w - m.px(160), max_h=m.px(120))
        close, keep = self._buttons()
        button(surface, close, "Close (words wait)", th, m.u, key="PageUp")
        button(surface, keep, "Keep the note", th, m.u, key="PageDown")
        n = len(self.box.text)
        typed = f"{n} character{'' if n == 1 else 's'} typed" if n else "Nothing typed yet"
        words = f"For the panel: {typed} · Ctrl+Enter also keeps it. {UNSEEN}"
        foot = Rect(m.px(120), keep.bottom + m.px(36), m.w - m.px(240), m.px(150))
        panel(surface, foot, th, m.u, shadow=False)
        hint(surface, foot.inflate(-m.px(40), -m.px(20)), words, th, m.u, align="center")

    def presenter_next(self) -> str:
        return "Ctrl+Enter or PageDown keeps the note; PageUp closes it (the words wait)."

    # -- input ---------------------------------------------------------------------------
    def handle(self, event) -> None:
        self._sync_box()
        if event.type == pygame.MOUSEBUTTONDOWN and getattr(event, "button", 1) == 1:
            close, keep = self._buttons()
            if self.hidden:  # nothing of the note is on the projector: a click there closes
                self.close()
                return
            if keep.collidepoint(event.pos):
                self.keep()
                return
            if close.collidepoint(event.pos):
                self.close()
                return
        if event.type == pygame.KEYDOWN:
            ctrl = getattr(event, "mod", 0) & (pygame.KMOD_CTRL | pygame.KMOD_META)
            if event.key == pygame.K_PAGEDOWN or \
                    (event.key in (pygame.K_RETURN, pygame.K_KP_ENTER) and ctrl):
                self.keep()
                return
            if event.key == pygame.K_PAGEUP:
                self.close()
                return
        if self.box.handle(event):
            self.changed()

    def keep(self) -> None:
        self.scene.keep_note(self.card, self.box.text)
        self.done()

    def close(self) -> None:
        """Close the box; the words wait (not lost) for when it opens again."""
        if self.box.text.strip():
            self.scene.drafts[self.card.id] = self.box.text
        self.done()

"""N: the facilitator notes for the card on the table, over the game (one screen only; with a
presenter window the notes are always on the laptop's screen and the projector keeps the
card). Any key or click closes it and does nothing else, so a clicker press is never spent
on something unseen."""

from __future__ import annotations

import pygame
from pygame import Rect

from cardsdealt.render.blocks import draw_stack, note_blocks
from cardsdealt.render.draw import hint, panel
from cardsdealt.render.text import draw_text
from cardsdealt.ui.pygame.scenes.base import Modal


class NotesOverlay(Modal):
    pausable = False
    name = "notes"

    def __init__(self, app, card) -> None:
        super().__init__(app)
        self.card = card

    def _box(self) -> Rect:
        m = self.m
        w = min(m.w - m.px(160), m.px(1300))
        return Rect((m.w - w) // 2, m.px(70), w, m.h - m.px(140))

    def render(self, surface) -> None:
        m, th = self.m, self.theme
        surface.fill((*th.blank, 170))
        box = self._box()
        panel(surface, box, th, m.u)
        pad = m.px(56)
        inner = box.inflate(-2 * pad, -2 * pad)
        draw_text(surface, "For the facilitator", "bold", m.px(34), inner.topleft, th.muted,
                  max_w=inner.w)
        draw_text(surface, self.card.title, "bold", m.px(56), (inner.x, inner.y + m.px(50)),
                  th.accent, max_w=inner.w)
        body = Rect(inner.x, inner.y + m.px(150), inner.w, inner.h - m.px(150) - m.px(60))
        draw_stack(surface, note_blocks(self.card.facilitator_notes, self.card.voice,
                                          self.card.discuss), body, m.u, th)
        hint(surface, Rect(inner.x, inner.bottom - m.px(44), inner.w, m.px(44)),
             "N or any key: close the notes (nothing else happens)", th, m.u, align="center")

    def handle(self, event) -> None:
        if event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN):
            self.done()

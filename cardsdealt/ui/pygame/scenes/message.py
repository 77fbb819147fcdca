"""A few lines to read before going on: what happened while a session was away (the backup
was used, the deck was edited), or where a record was saved. One button; any of Next, F5,
Enter or a click closes it."""

from __future__ import annotations

import pygame
from pygame import Rect

from cardsdealt.render.draw import button, panel
from cardsdealt.render.text import draw_fitted, draw_text, fit
from cardsdealt.ui.pygame.keys import intent_for
from cardsdealt.ui.pygame.scenes.base import Modal


class Message(Modal):
    name = "message"
    pausable = False

    def __init__(self, app, title: str, text: str, ok: str = "Carry on") -> None:
        super().__init__(app)
        self.title, self.text, self.ok = title, text, ok

    def _geometry(self):
        m = self.m
        w = min(m.w - m.px(120), m.px(1400))
        text_w = w - m.px(120)
        f = fit(self.text, "regular", (text_w, m.h - m.px(420)), m.px(36), m.px(24))
        h = m.px(130) + min(f.height, m.h - m.px(420)) + m.px(170)
        box = Rect((m.w - w) // 2, (m.h - h) // 2, w, h)
        text = Rect(box.x + m.px(60), box.y + m.px(120), text_w, f.height)
        text.h = min(text.h, box.bottom - m.px(150) - text.y)
        ok = Rect(box.centerx - m.px(220), box.bottom - m.px(130), m.px(440), m.px(90))
        return box, f, text, ok

    def render(self, surface) -> None:
        m, th = self.m, self.theme
        surface.fill((*th.table_ink, 170))
        box, f, text, ok = self._geometry()
        panel(surface, box, th, m.u)
        draw_text(surface, self.title, "bold", m.px(48), (box.x + m.px(60), box.y + m.px(44)),
                  th.accent, max_w=box.w - m.px(120))
        draw_fitted(surface, f, text, th.ink)
        button(surface, ok, self.ok, th, m.u, focused=True)

    def handle(self, event) -> None:
        intent = intent_for(event)
        if intent in ("advance", "activate", "start", "pause"):
            self.done()
        elif event.type == pygame.MOUSEBUTTONDOWN and getattr(event, "button", 1) == 1:
            if self._geometry()[3].collidepoint(event.pos):
                self.done()

"""After a deck is picked: how will this session run? Group supervision, the classic table
game, an interview panel, or on my own. The choice made last time for this deck is marked
first, so a trainer who always runs it the same way presses F5 once more and nothing else.

`cardsdealt play --preset NAME` skips this screen. So does CARDSDEALT_PRESET_SCREEN=0 (a
machine that always runs one way; the window tests use it to go straight to the deck).
"""

from __future__ import annotations

import os

import pygame
from pygame import Rect

from cardsdealt.engine import presets
from cardsdealt.render.draw import button, focus_ring, hint, panel
from cardsdealt.render.text import draw_fitted, draw_text, fit, grown
from cardsdealt.ui.pygame.scenes.base import FocusScene

ENV = "CARDSDEALT_PRESET_SCREEN"


def choose_preset(table, deck, mode: str, players: int = 2) -> None:
    """The start screen's "deck chosen": ask how the session runs, unless already told."""
    app = table.app
    given = getattr(getattr(table, "args", None), "preset", None)
    if given or os.environ.get(ENV, "1") == "0":
        name = given or getattr(app, "preset", None) or presets.default_for(mode)
        p = presets.get(name)
        table.choose(deck, (presets.mode_for(p, deck, mode) if p else None) or mode, players)
        return
    app.show(PresetScene(app, table, deck, mode, players))


class PresetScene(FocusScene):
    name = "preset"
    focus_starts_empty = False

    def __init__(self, app, table, deck, mode: str, players: int = 2) -> None:
        super().__init__(app)
        self.table, self.deck, self.mode, self.players = table, deck, mode, players
        self.options = [p for p in presets.fitting(deck, mode)
                        if presets.mode_for(p, deck, mode) is not None]
        self.cards = min(int(getattr(app, "interview_cards", 0) or presets.INTERVIEW_CARDS),
                         max(1, len(deck.cards)))

    def on_show(self) -> None:
        from cardsdealt.ui.pygame.scenes.facilitation import install

        install(self.app)  # K (a break) and the presenter window from here on
        names = [p.name for p in self.options]
        want = remembered(self.deck.id) or presets.default_for(self.mode)
        self.focus = names.index(want) if want in names else 0
        super().on_show()

    # -- geometry ------------------------------------------------------------------------
    def items(self) -> list[Rect]:
        m = self.m
        if m.portrait:  # the rows take the width (Back goes under them); a description
            # takes three lines
            top, h, gap = m.px(250), m.px(206 * grown()), m.px(26)
            return [Rect(m.px(80), top + i * (h + gap), m.w - m.px(140), h)
                    for i in range(len(self.options))]
        top, h, gap = m.px(250), m.px(150), m.px(26)
        return [Rect(m.px(240), top + i * (h + gap), m.w - m.px(480), h)
                for i in range(len(self.options))]

    def _back_button(self) -> Rect:
        """Back to the decks: the mouse and touch route for Back, in the left margin (under
        the rows in portrait)."""
        m = self.m
        if m.portrait:
            rows = self.items()
            y = rows[-1].bottom + m.px(40) if rows else m.px(250)
            return Rect(m.px(80), y, m.px(200), m.px(96))
        return Rect(m.px(20), m.px(250), m.px(160), m.px(96))  # left of the marker

    # -- drawing -------------------------------------------------------------------------
    def render(self, surface) -> None:
        m, th = self.m, self.theme
        surface.fill(th.table)
        draw_text(surface, self.deck.title, "bold", m.px(44), (m.w // 2, m.px(50)),
                  th.table_muted, anchor="midtop", max_w=m.w - m.px(160), max_h=m.px(66))
        draw_text(surface, "How will you run this session?", "bold", m.px(64),
                  (m.w // 2, m.px(120)), th.table_ink, anchor="midtop", max_w=m.w - m.px(160),
                  max_h=m.px(112))
        for i, (r, p) in enumerate(zip(self.items(), self.options, strict=False)):
            self._row(surface, r, p, i)
        button(surface, self._back_button(), "Back", th, m.u)
        hint(surface, Rect(m.px(60), m.h - m.px(90), m.w - m.px(120), m.px(60)),
             "Next or Down: move · F5 or Enter: start · + and −: number of interview cards · "
             "Back: choose another deck", th, m.u, align="center")

    def _row(self, surface, r: Rect, p, i: int) -> None:
        m, th = self.m, self.theme
        focused = i == self.focus
        panel(surface, r, th, m.u, fill=th.focus_fill if focused else th.paper,
              shadow=not focused)
        pad = m.px(32)
        title = p.title
        if p.name == remembered(self.deck.id):
            title += "  (last time)"
        g = r.h / m.px(206) if m.portrait else 1.0  # portrait rows grow with the text size
        draw_text(surface, f"{i + 1}. {title}", "bold", m.px(46),
                  (r.x + pad, r.y + round(m.px(20) * g)), th.ink, max_w=r.w - 2 * pad,
                  max_h=m.px(60) * g)  # any text size: above the words
        detail = p.detail
        box = Rect(r.x + pad, r.y + m.px(80), r.w - 2 * pad, r.h - m.px(92))
        if m.portrait:  # under a title that grew with the row
            top = round(m.px(80) * g)
            box = Rect(box.x, r.y + top, box.w, r.h - top - m.px(12))
        if p.name == "interview":
            detail = f"{self.cards} cards, picked at random · {detail}"
            fewer, more = self._card_buttons(r)
            button(surface, fewer, "−", th, m.u)
            button(surface, more, "+", th, m.u)
            box.w = fewer.x - m.px(16) - box.x
        draw_fitted(surface, fit(detail, "regular", box.size, m.px(30), m.px(22)), box, th.muted)
        if focused:
            focus_ring(surface, r, th, m.u)

    def presenter_next(self) -> str:
        from cardsdealt.ui.pygame.presenter import marked

        if self.focus is None or not 0 <= self.focus < len(self.options):
            return "Choose how to run the session: Next moves, F5 takes it."
        return marked(self.options[self.focus].title, "Back: choose another deck.")

    # -- actions -------------------------------------------------------------------------
    def activate(self, i: int) -> None:
        p = self.options[i]
        app = self.app
        app.preset = p.name
        app.interview_cards = self.cards
        remember(self.deck.id, p.name)
        self.table.choose(self.deck, presets.mode_for(p, self.deck, self.mode) or self.mode,
                          self.players)

    def on_back(self) -> None:
        self.table.start()

    def _card_buttons(self, r: Rect) -> tuple[Rect, Rect]:
        """Fewer and more interview cards, on the interview's row (the mouse route for − +)."""
        m = self.m
        size, gap = m.px(60), m.px(14)
        plus = Rect(r.right - m.px(24) - size, r.bottom - size - m.px(14), size, size)
        return Rect(plus.x - gap - size, plus.y, size, size), plus

    def on_mouse(self, event) -> None:
        if getattr(event, "button", 1) == 1 and event.type == pygame.MOUSEBUTTONDOWN:
            for i, (r, p) in enumerate(zip(self.items(), self.options, strict=False)):
                if p.name != "interview":
                    continue
                fewer, more = self._card_buttons(r)
                if fewer.collidepoint(event.pos) or more.collidepoint(event.pos):
                    self.focus = i
                    self.on_other_intent("more" if more.collidepoint(event.pos) else "less",
                                         event)
                    return
        super().on_mouse(event)

    def on_click_elsewhere(self, pos) -> None:
        if self._back_button().collidepoint(pos):
            self.on_back()

    def on_other_intent(self, intent, event) -> None:
        if intent in ("more", "less"):
            lo, hi = presets.INTERVIEW_RANGE
            n = len(self.deck.cards) or hi
            self.cards = max(lo, min(hi, n, self.cards + (1 if intent == "more" else -1)))
            self.changed()


def remembered(deck_id: str) -> str | None:
    """The preset last chosen for this deck, or None. Never raises."""
    try:
        from cardsdealt.session.settings import load_settings

        s, _ = load_settings()
        return s.deck_presets.get(deck_id)
    except Exception:  # noqa: BLE001 - a settings problem must never stop a session
        return None


def remember(deck_id: str, name: str) -> None:
    try:
        from cardsdealt.session.settings import remember_preset

        remember_preset(deck_id, name)
    except Exception:  # noqa: BLE001 - as above: not worth interrupting a session for
        pass

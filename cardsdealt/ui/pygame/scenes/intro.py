"""Before play: the content notes (so people can prepare), then the young person's
introduction, large enough to be read aloud from the screen. The first page also says who
wrote the deck, exactly as it declares (`cardsdealt.deck.credits`). Next goes on (scrolling first
if the words are longer than the screen); Back goes back. F5 is Next here too, so a clicker's
start button never skips the content notes. Back and Next are buttons too (a mouse or a
finger sees where to press; a click anywhere else still goes on)."""

from __future__ import annotations

from pygame import Rect

from cardsdealt.deck.credits import credit_lines
from cardsdealt.render.draw import button, hint, panel
from cardsdealt.render.text import draw_fitted, draw_text, fit
from cardsdealt.ui.pygame.scenes.base import Scene


class IntroScene(Scene):
    name = "intro"

    def __init__(self, app, table, deck) -> None:
        super().__init__(app)
        self.table, self.deck = table, deck
        self.pages: list[tuple[str, str, str]] = []  # (heading, words, style)
        who = "About this deck: " + " ".join(credit_lines(deck))
        if deck.content_notes:
            notes = "\n".join(f"•  {n}" for n in deck.content_notes)
            self.pages.append((
                "Before you start",
                "This deck talks about:\n" + notes + "\n\nYou can pause at any time (Esc) or "
                "take a break. Look after yourself and each other.\n\n" + who, "regular"))
            who = ""
        intro = deck.introduction.strip() or deck.title
        self.pages.append(("Read this aloud", intro + ("\n\n" + who if who else ""),
                           "regular"))
        self.page = 0
        self.scroll = 0

    # -- geometry ------------------------------------------------------------------------
    def _box(self) -> Rect:
        m = self.m
        return Rect(m.px(160), m.px(190), m.w - m.px(320), m.h - m.px(190) - m.px(130))

    def _buttons(self) -> tuple[Rect, Rect]:
        """Back and Next along the foot, either side of the keys' hint."""
        m = self.m
        w, h = m.px(240), m.px(84)
        y = m.h - m.px(108)
        return Rect(m.px(160), y, w, h), Rect(m.w - m.px(160) - w, y, w, h)

    def _fitted(self):
        m = self.m
        box = self._box().inflate(-m.px(100), -m.px(80))
        _, words, style = self.pages[self.page]
        return fit(words, style, box.size, m.px(50), m.px(40), spacing=1.12), box

    # -- drawing -------------------------------------------------------------------------
    def render(self, surface) -> None:
        m, th = self.m, self.theme
        surface.fill(th.table)
        heading, _, _ = self.pages[self.page]
        draw_text(surface, self.deck.title, "bold", m.px(44), (m.px(160), m.px(40)),
                  th.table_muted, max_w=m.w - m.px(320), max_h=m.px(56))
        draw_text(surface, heading, "bold", m.px(64), (m.px(160), m.px(94)), th.table_ink,
                  max_w=m.w - m.px(320), max_h=m.px(92))
        panel(surface, self._box(), th, m.u)
        f, box = self._fitted()
        draw_fitted(surface, f, box, th.ink, scroll=self.scroll, scrollable=True)
        if f.height > box.h:
            more = "more below: Next" if self.scroll + box.h < f.height else "the end"
            draw_text(surface, more, "italic", m.px(28),
                      (self._box().right - m.px(20), self._box().bottom + m.px(8)),
                      th.table_muted, anchor="topright")
        go = self._next_words()
        back, nxt = self._buttons()
        button(surface, back, "Back", th, m.u)
        button(surface, nxt, "Start" if go == "deal the first card" else "Next", th, m.u)
        words = Rect(back.right + m.px(30), back.y, nxt.x - back.right - m.px(60), back.h)
        keys = "" if m.portrait else (f"Next (PageDown or Space): {go} · "
                                      "Back (PageUp): go back · ")  # (no room in portrait)
        hint(surface, words, f"{keys}Page {self.page + 1} of {len(self.pages)}", th, m.u,
             align="center")

    def _next_words(self) -> str:
        """What Next does now: scroll on first, then the next page, then the first card."""
        f, box = self._fitted()
        if self.scroll + box.h < f.height:
            return "read on"
        return "deal the first card" if self.page == len(self.pages) - 1 else "go on"

    def presenter_next(self) -> str:
        return f"Read the introduction aloud. Next: {self._next_words()}."

    # -- actions -------------------------------------------------------------------------
    def on_intent(self, intent, event) -> None:
        if intent in ("advance", "activate", "start"):
            f, box = self._fitted()
            if self.scroll + box.h < f.height:
                step = max(f.line_h, (box.h // f.line_h - 1) * f.line_h)
                last = -(-(f.height - box.h) // f.line_h) * f.line_h  # whole lines only
                self.scroll = min(self.scroll + step, last)
                self.changed()
            elif self.page + 1 < len(self.pages):
                self.page, self.scroll = self.page + 1, 0
                self.changed()
            else:
                self.table.begin()
        elif intent == "back":
            if self.scroll > 0:
                f, box = self._fitted()
                self.scroll = max(0, self.scroll - max(f.line_h,
                                                       (box.h // f.line_h - 1) * f.line_h))
                self.changed()
            elif self.page > 0:
                self.page -= 1
                self.changed()
            else:
                self.table.start()

    def on_mouse(self, event) -> None:
        import pygame

        if event.type == pygame.MOUSEBUTTONDOWN and getattr(event, "button", 1) == 1:
            back, _next = self._buttons()
            self.on_intent("back" if back.collidepoint(event.pos) else "advance", event)
        elif event.type == pygame.MOUSEWHEEL:
            f, box = self._fitted()
            self.scroll = max(0, min(max(0, f.height - box.h),
                                     self.scroll - event.y * f.line_h))
            self.changed()

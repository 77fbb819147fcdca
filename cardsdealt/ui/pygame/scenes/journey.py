"""Journey play: the card (picture, title, words) on the left, the numbered choices on the
right, the stats as labelled meters along the bottom. After a choice the right side shows
what the child said back and what changed, in words, until Next.

Keys: 1-4 take a choice; Next/Down move the marker, hold Next / F5 / Enter take it; Back
moves the marker back, or with no marker undoes the last choice. Under the group-supervision
preset the number keys count raised hands instead (see scenes/facilitated.py), and the
discussion timer sits at the bottom right; T, N and K work on every card.
"""

from __future__ import annotations

from pygame import Rect

from cardsdealt.deck.credits import voice_heading
from cardsdealt.render import layout as L
from cardsdealt.render.blocks import draw_stack
from cardsdealt.render.card_view import render_journey_card
from cardsdealt.render.draw import badge, button, focus_ring, hint, meter_figure, meters_row, panel
from cardsdealt.render.panels import (
    Arrangement,
    change_words,
    journey_arrangement,
    response_blocks,
)
from cardsdealt.render.text import (
    Fitted,
    draw_fitted,
    draw_text,
    text_scale,
)
from cardsdealt.ui.pygame.scenes.facilitated import TIMER_W, Facilitated
from cardsdealt.ui.pygame.scenes.table import TableScene

BIG_TIMER_H = 246  # design px under the choices for the large timer (its hint line, ring)


class JourneyScene(Facilitated, TableScene):
    name = "journey"

    @property
    def shown(self):
        return self._shown

    @shown.setter
    def shown(self, card) -> None:
        """The card on the table, with the turn and stage it was dealt in: the engine deals
        the next card as soon as a choice is made, but the header must keep naming the card
        whose response is still on screen."""
        self._shown = card
        self.shown_turn = max(1, self.game.turn)
        self.shown_stage = self.game.stage.title if self.game.stage else ""

    def __init__(self, app, table, game) -> None:
        super().__init__(app, table, game)
        self.phase = "card"  # "card": choosing; "response": after a choice, until Next
        self.shown = game.current_card
        self.chosen: int | None = None
        self.before: dict = {}
        self.after: dict = {}
        self._face = None
        self._face_key = None
        self._reflecting = False

    def on_show(self) -> None:
        super().on_show()
        if self.shown is not None:
            self.start_deal()

    # -- geometry ------------------------------------------------------------------------
    def arrangement(self) -> Arrangement:
        """The table for the card shown at this size and text size (panels.py): the card
        gives up room as the text grows, so the words, choices and question really grow."""
        card, m = self.shown, self.m
        stats = tuple((st.label, meter_figure(st.max, st.min, st.max))
                      for st in self.game.deck.stats)
        narrow = self.app.size[0] - self.choice_panel(Rect(0, 0, self.app.size[0], 1)).w
        timer_w = m.px(TIMER_W) + m.px(40) if self.timer_shown() else 0
        return journey_arrangement(
            self.app.size, stats, card.title if card else "", card.words if card else "",
            tuple(c.label for c in (card.choices if card else ())),
            (card.discuss or "") if card else "", narrow, timer_w, m.px(BIG_TIMER_H))

    def geom(self) -> L.JourneyTable:
        return self.arrangement().table

    def _talk_first(self) -> tuple[Fitted | None, int]:
        """The card's question for the room, shown before the choice (the introduction asks
        the group to talk first): its fitted words and the height it takes."""
        a = self.arrangement()
        return a.talk, a.talk_h

    def _choices(self):
        return self.arrangement().choices

    def items(self) -> list[Rect]:
        if self.phase != "card" or self.shown is None or self._reflecting:
            return []
        return list(self._choices()[0])

    def deal_target(self) -> Rect:
        return self.geom().card

    def spoken(self) -> str:
        """What read-aloud says for what is on screen: the card and its choices, or, once the
        room has chosen, the response screen's words."""
        from cardsdealt.ui.speech import card_script, response_script

        card = self.shown
        if card is None:
            return ""
        if self.phase == "response" and self.chosen is not None:
            choice = card.choices[self.chosen]
            return response_script(choice.label, choice.response,
                                   change_words(self.game.deck, self.before, self.after),
                                   card.discuss, card.voice, voice_heading(self.game.deck))
        words = card_script(card, card.choices)
        return f"{words} Talk about it first: {card.discuss}" if card.discuss else words

    def card_surface(self):
        if self.shown is None:
            return None
        a = self.arrangement()
        size = a.table.card.size
        key = (self.shown.id, size, a.face)
        if self._face_key != key:
            self._face = render_journey_card(self.shown, size, self.m.u, self.game.deck.root,
                                             self.theme, a.face)
            self._face_key = key
        return self._face

    # -- drawing -------------------------------------------------------------------------
    def render(self, surface) -> None:
        m, th, g, game = self.m, self.theme, self.geom(), self.game
        surface.fill(th.table)
        left = " · ".join(x for x in (game.deck.title, self.shown_stage) if x)
        self.draw_header(surface, g.header, left, f"Card {self.shown_turn} · H: help")
        if self.shown is not None and not self.dealing:
            surface.blit(self.card_surface(), g.card.topleft)
        if self.phase == "card":
            self._render_choices(surface, g)
        else:
            self._render_response(surface, g)
        values = self.after if self.phase == "response" else game.stats
        meters_row(surface, self.footer_split(g.meters)[0], list(game.deck.stats), values, th,
                   m.u, scale=self.arrangement().scale)

    def _render_choices(self, surface, g) -> None:
        m, th = self.m, self.theme
        if self.shown is None:
            return
        talk, talk_h = self._talk_first()
        if talk is not None:
            draw_fitted(surface, talk, Rect(g.panel.x, g.panel.y, g.panel.w, talk_h - m.px(22)),
                        th.accent)
        # at the size the arrangement made room for (the size below's if this one's could not)
        draw_text(surface, "What do you do?", "bold",
                  m.px(44) * self.arrangement().scale / text_scale(),
                  (g.panel.x, g.panel.y + talk_h), th.table_ink)
        rects, fits, _ = self._choices()
        for i, (r, f) in enumerate(zip(rects, fits, strict=False)):
            self._render_choice(surface, r, f, i)
        self.render_tally(surface, rects)
        under = rects[-1].bottom + m.px(30) if rects else g.panel.y + m.px(100)
        text = self.notice or self.tally_hint() or (f"Press 1–{len(rects)} · or Next to mark, "
                                                    "then hold Next or press F5")
        hint(surface, Rect(g.panel.x, under, g.panel.w, min(m.px(80), g.panel.bottom - under)),
             text, th, m.u)

    # -- the discussion timer: large, under the choices, where there is room -----------------
    def _big_timer_rect(self) -> Rect | None:
        if self.phase != "card" or self.shown is None or not self.timer_shown():
            return None
        m, g = self.m, self.geom()
        rects = self._choices()[0]
        under = rects[-1].bottom + m.px(30) if rects else g.panel.y + m.px(100)
        top = under + m.px(76)  # below the hint line
        r = Rect(g.panel.x, top, g.panel.w, g.panel.bottom - top)
        room = self.arrangement().timer[1] > 0  # the table was arranged with it there
        return r if room or r.h >= m.px(BIG_TIMER_H - 76) else None

    def footer_split(self, footer: Rect) -> tuple[Rect, Rect | None]:
        if self._big_timer_rect() is not None:
            return footer, None  # the timer is in the panel: the meters keep the footer
        return super().footer_split(footer)

    def timer_rect(self) -> Rect | None:
        return self._big_timer_rect() or super().timer_rect()

    def _render_choice(self, surface, r: Rect, f: Fitted, i: int) -> None:
        m, th = self.m, self.theme
        focused = i == self.focus
        panel(surface, r, th, m.u, fill=th.focus_fill if focused else th.paper,
              shadow=not focused, radius=18)
        badge(surface, (r.x + m.px(46), r.y + m.px(42)), str(i + 1), th, m.u, filled=focused)
        text_r = Rect(r.x + m.px(92), r.y + m.px(20), r.w - m.px(112), r.h - m.px(40))
        draw_fitted(surface, f, text_r, th.ink, valign="middle")
        if focused:
            focus_ring(surface, r, th, m.u, radius=18)

    def _render_response(self, surface, g) -> None:
        m, th = self.m, self.theme
        card = self.shown
        choice = card.choices[self.chosen]
        blocks = response_blocks(choice.label, choice.response,
                                 change_words(self.game.deck, self.before, self.after),
                                 card.discuss, card.voice, voice_heading(self.game.deck))
        body = Rect(g.panel.x, g.panel.y, g.panel.w, g.panel.h - m.px(80))
        draw_stack(surface, blocks, body, m.u, th)
        nxt = "see how it ends" if self.game.finished else "go on"
        if self.game.pending_reflection is not None:
            nxt = "a question to think about"
        back_r, on_r = self._response_buttons()
        label = {"go on": "Go on", "see how it ends": "The end"}.get(nxt, "A question")
        button(surface, on_r, label, th, m.u, key="Next")
        button(surface, back_r, "Choose again", th, m.u, key="Back")
        if self.notice:
            hint(surface, Rect(g.panel.x, on_r.y - m.px(80), g.panel.w, m.px(70)), self.notice,
                 th, m.u)

    def _response_buttons(self) -> tuple[Rect, Rect]:
        """'Choose again' and 'go on' under the response: the mouse and touch route (the
        keys are written on them)."""
        m, g = self.m, self.geom()
        h, gap = m.px(70), m.px(24)
        w = (g.panel.w - gap) // 2
        y = g.panel.bottom - h
        return (Rect(g.panel.x, y, w, h), Rect(g.panel.x + w + gap, y, g.panel.w - w - gap, h))

    def on_click_elsewhere(self, pos) -> None:
        if self.phase == "response":
            back_r, on_r = self._response_buttons()
            if on_r.collidepoint(pos):
                self.go_on()
            elif back_r.collidepoint(pos):
                self.on_back()
            return
        if self.phase == "card" and self.tally is not None:  # a click on a count: one hand
            rects = self._choices()[0]
            for i, col in enumerate(self.tally_columns(rects)):
                if col.collidepoint(pos) and self.tally.add(i):
                    self.notice = ""
                    self.changed()
                    return

    # -- actions -------------------------------------------------------------------------
    def activate(self, i: int) -> None:
        if self.phase != "card" or self.shown is None:
            return
        before = self.game.stats
        if not self.act(self.game.choose, i, self.votes()):
            return
        self.phase, self.chosen, self.before, self.after = "response", i, before, \
            self.game.stats
        self.focus = None
        self.speak(self.spoken())  # the response, as the screen now shows it
        self.changed()

    def on_advance(self) -> None:
        if self.phase == "response":
            self.go_on()

    def go_on(self) -> None:
        """After the response: reflection if one waits, the ending, or the next card."""
        game = self.game
        if game.pending_reflection is not None:
            self._ask(game.pending_reflection, self.kept_answer(game.pending_reflection))
            return
        if game.finished:
            self.table.finish()
            return
        self.phase, self.chosen = "card", None
        self.reset_focus()
        self.shown = game.current_card
        self.new_card()
        if self.shown is not None:
            self.start_deal()
        self.changed()

    def _ask(self, prompt, text: str = "") -> None:
        from cardsdealt.ui.pygame.scenes.reflection import ReflectionScene

        self._reflecting = True
        self.app.push(ReflectionScene(self.app, prompt, self.shown, text=text),
                      on_result=self._answered)

    def ask_again(self, text: str = "") -> None:
        """A resumed or reloaded game waiting for a reflection: open the box again, with the
        words typed before (flow.Table calls this)."""
        if self.game.pending_reflection is not None and not self._reflecting:
            self._ask(self.game.pending_reflection, text)

    def _answered(self, result) -> None:
        self._reflecting = False
        text = result if isinstance(result, str) and result.strip() else None
        if not self.act(self.game.reflect, text):
            return
        self.go_on()

    def on_back(self) -> None:
        """Undo: from a response, choose again; on a new card, go back to the last one."""
        game = self.game
        acts = game.state.actions
        if not acts:
            self.say("This is the first card: there is nothing to go back to.")
            return
        kept: dict[str, str] = {}
        if not self.act(lambda: kept.update(game.undo_choice()[1])):
            return
        self.keep_answers(kept)  # the words come back if the question is asked again
        self.phase, self.chosen = "card", None
        self.shown = game.current_card
        self.restore_tally()  # the hands counted for this card, as they were
        self.reset_focus()
        self.speak(self.spoken())
        self.changed()

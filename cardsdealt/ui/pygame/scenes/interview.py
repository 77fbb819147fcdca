"""The interview preset: a panel shows a candidate a few cards picked at random from a deck
(the same cards again with the same seed, so every candidate can see the same ones), and
keeps private notes on each.

The projector (or the screen the candidate sees) shows the card and the question only. The
panel's notes are typed in a box that opens with Enter or Tab (scenes/panelnote.py): with a
presenter window the box is drawn there, never on the projector; on one display the display
shows a neutral "The panel is writing a note" and never the words. A kept note is saved with
the session (`session.add_note(card_id, text, kind="panel")`); words typed and not yet kept
are kept when the window closes, marked as unfinished, so nothing typed is lost.

The cards picked and the one on the table are kept in the session's meta, so a resumed
interview carries on at the same card of the same cards, with the panel's notes back beside
them (the rules of which cards and which place: `cardsdealt.engine.interview`).

Keys: Next the next card (the last one ends the interview), Back the one before; Enter or
Tab a panel note; F5 or T the timer; N the facilitator notes; K a break.
"""

from __future__ import annotations

import pygame
from pygame import Rect

from cardsdealt.engine import presets
from cardsdealt.engine.interview import panel_note, pick_cards, place_meta, saved_cards
from cardsdealt.render import layout as L
from cardsdealt.render.blocks import Block, draw_stack
from cardsdealt.render.card_view import render_journey_card
from cardsdealt.render.draw import button, hint, panel
from cardsdealt.render.text import draw_text
from cardsdealt.ui.pygame.scenes.base import FocusScene
from cardsdealt.ui.pygame.scenes.facilitated import Facilitated
from cardsdealt.ui.pygame.scenes.panelnote import PanelNote
from cardsdealt.ui.pygame.scenes.table import TableScene


def support_blocks(deck) -> list[Block]:
    blocks = [Block("If this brought something up", "bold", 40, 28, "accent", 24)]
    for sup in deck.support:
        blocks.append(Block(sup.name, "bold", 32, 22, "ink", 6))
        blocks.append(Block(sup.detail, "regular", 30, 20, "ink", 24))
    if not deck.support:
        blocks.append(Block("Talk it through with someone you trust: a colleague, your "
                            "supervisor, a friend.", "regular", 32, 22, "ink", 0))
    return blocks


class InterviewScene(Facilitated, TableScene):
    name = "interview"

    def __init__(self, app, table, game, resumed=None) -> None:
        super().__init__(app, table, game)
        n = int(getattr(app, "interview_cards", 0) or presets.INTERVIEW_CARDS)
        self.cards = pick_cards(game.deck, game.seed, n)
        self.index = 0
        self.kept: dict[str, list[str]] = {}  # card id -> notes kept (text)
        self.drafts: dict[str, str] = {}  # card id -> words typed, not yet kept
        self._face = None
        self._face_key = None
        self._wrapped_quit = False
        if resumed is not None:
            self.carry_on(resumed)

    def carry_on(self, session) -> None:
        """Put a resumed interview back as it was: its cards, the card it was on, and the
        panel's notes on them (a save without a place starts at the first card)."""
        saved = saved_cards(self.game.deck, session.doc.get("meta") or {})
        if saved is not None:
            self.cards, self.index, lost = saved
            self.app.interview_cards = len(self.cards)  # a restart shows as many again
            if lost:
                self.notice = (f"The deck has changed: {lost} of this interview's cards "
                               f"{'is' if lost == 1 else 'are'} no longer in it, so "
                               f"{'it is' if lost == 1 else 'they are'} left out.")
        ids = {c.id for c in self.cards}
        for note in session.notes:
            text = note.get("text") if isinstance(note, dict) else None
            if text and note.get("kind") == "panel" and note.get("card") in ids:
                self.kept.setdefault(note["card"], []).append(text)

    @property
    def shown(self):
        return self.cards[self.index] if self.cards else None

    def on_show(self) -> None:
        super().on_show()
        if not self._wrapped_quit:  # words typed and not kept go with the window's close
            self._wrapped_quit = True
            outer = self.app.on_quit

            def on_quit(draft) -> None:
                self.keep_unfinished()
                if outer is not None:
                    outer(draft)

            self.app.on_quit = on_quit
        self.keep_place()
        if self.shown is not None:
            self.start_deal()

    def keep_place(self) -> None:
        """Keep the cards and the one on the table with the session, so a resumed interview
        carries on here (unchanged, nothing is written)."""
        keeper = getattr(self.table, "keeper", None)
        if keeper is not None and self.cards:
            keeper.save_meta(**place_meta(self.cards, self.index))

    # -- geometry ------------------------------------------------------------------------
    def geom(self) -> L.JourneyTable:
        return L.journey_table(self.app.size, True)

    def deal_target(self) -> Rect:
        return self.geom().card

    def spoken(self) -> str:  # read-aloud: the card's title and words
        from cardsdealt.ui.speech import card_script

        return card_script(self.shown) if self.shown is not None else ""

    def card_surface(self):
        card = self.shown
        if card is None:
            return None
        size = self.geom().card.size
        if self._face_key != (card.id, size):
            self._face = render_journey_card(card, size, self.m.u, self.game.deck.root,
                                             self.theme)
            self._face_key = (card.id, size)
        return self._face

    # -- drawing -------------------------------------------------------------------------
    def render(self, surface) -> None:
        m, th, g = self.m, self.theme, self.geom()
        surface.fill(th.table)
        self.draw_header(surface, g.header, f"{self.game.deck.title} · interview",
                         f"Card {self.index + 1} of {len(self.cards)} · H: help")
        card = self.shown
        if card is None:
            draw_text(surface, "This deck has no cards with words to show.", "regular",
                      m.px(40), m.screen.center, th.table_ink, anchor="center")
            return
        if not self.dealing:
            surface.blit(self.card_surface(), g.card.topleft)
        body = Rect(g.panel.x, g.panel.y, g.panel.w, g.panel.h - m.px(230))
        # (how many notes the panel has kept is private: the presenter window shows it)
        blocks = [Block("Talk about it", "bold", 36, 26, "accent", 14),
                  Block(card.discuss or "What would you do here, and why?", "bold", 46, 30,
                        "table_ink", 40)]
        draw_stack(surface, blocks, body, m.u, th)
        last = self.index + 1 >= len(self.cards)
        before, note, after = self._buttons()
        button(surface, before, "Card before", th, m.u, key="Back")
        button(surface, note, "Panel note", th, m.u, key="Enter")
        button(surface, after, "End" if last else "Next card", th, m.u, key="Next")
        text = self.notice or "F5 or T: timer · Menu: blank, help, break"
        hint(surface, Rect(g.panel.x, before.y - m.px(80), g.panel.w, m.px(70)), text, th, m.u)

    def _buttons(self) -> tuple[Rect, Rect, Rect]:
        """Card before, panel note, next card: the mouse and touch route."""
        m, g = self.m, self.geom()
        h, gap = m.px(76), m.px(20)
        w = (g.panel.w - 2 * gap) // 3
        y = g.panel.bottom - h
        return tuple(Rect(g.panel.x + i * (w + gap), y, w, h) for i in range(3))  # type: ignore[return-value]

    # -- actions -------------------------------------------------------------------------
    def on_intent(self, intent, event) -> None:
        if self.facilitate(intent, event):
            return
        if intent == "advance":
            self.go(+1)
        elif intent == "back":
            self.go(-1)
        elif intent in ("activate", "focus_next", "focus_prev") and self.shown is not None:
            self.open_note()
        elif intent == "start":
            self.timer.toggle()
            self.app.dirty = True

    def on_back(self) -> None:  # Backspace (the mixin's undo) goes back a card
        self.go(-1)

    def on_mouse(self, event) -> None:
        if event.type == pygame.MOUSEBUTTONDOWN and getattr(event, "button", 1) == 1 \
                and self.shown is not None:
            before, note, after = self._buttons()
            for rect, act in ((before, lambda: self.go(-1)), (note, self.open_note),
                              (after, lambda: self.go(+1))):
                if rect.collidepoint(event.pos):
                    act()
                    return
        super().on_mouse(event)  # the Menu button, a right click

    def go(self, d: int) -> None:
        if self.index + d >= len(self.cards):
            self.table.app.show(InterviewEnd(self.app, self.table, self))
            return
        if self.index + d < 0:
            self.say("This is the first card.")
            return
        self.index += d
        self.notice = ""
        self.keep_place()
        self.new_card()
        self.start_deal()
        self.changed()

    def open_note(self) -> None:
        card = self.shown
        if card is not None:
            self.app.push(PanelNote(self.app, self, card, self.drafts.pop(card.id, "")),
                          on_result=None)

    def keep_note(self, card, text: str, unfinished: bool = False) -> None:
        text = text.strip()
        if not text:
            return
        self.kept.setdefault(card.id, []).append(text)
        session = getattr(self.app, "session", None)
        if session is None:
            self.tell("Note kept in this window only: this session is not being saved.")
            return
        try:
            session.add_note(card.id, panel_note(text, unfinished), kind="panel")
        except Exception as e:  # noqa: BLE001 - a failed save must not lose the words on screen
            self.drafts[card.id] = text
            self.tell(f"Not saved just now ({e}). The note is still here: open it and keep it.")
            return
        self.tell("Note kept with the session.")

    def tell(self, text: str) -> None:
        """A word for the panel about its notes: on the presenter window when it is open
        (the projector keeps the card, with nothing about notes), else the notice line."""
        fac = getattr(self.app, "facilitation", None)
        pres = getattr(fac, "presenter", None)
        if pres is not None:
            pres.tell(text)
        else:
            self.say(text)

    def keep_unfinished(self) -> None:
        box = self.app.find(PanelNote)
        if box is not None and box.box.text.strip():
            self.drafts[box.card.id] = box.box.text
        for card in self.cards:
            text = self.drafts.pop(card.id, "")
            if text.strip():
                self.keep_note(card, text, unfinished=True)

    # -- the presenter window ------------------------------------------------------------
    def next_step(self) -> str:  # (the note box, over this screen, says its own)
        if self.index + 1 >= len(self.cards):
            return "Next ends the interview (the panel's notes stay with the session)."
        return "Next shows the next card; Enter opens a private panel note."

    def presenter_info(self):
        info = super().presenter_info()
        info.where = f"Card {self.index + 1} of {len(self.cards)}"
        box = self.app.find(PanelNote)
        card = self.shown
        kept = self.kept.get(card.id, []) if card is not None else []
        if box is not None:
            info.private_title, info.private = "Typing a private panel note", box.box.text
        elif kept:
            info.private_title = f"Panel notes on this card ({len(kept)})"
            info.private = "\n".join(f"• {t}" for t in kept)
        return info


class InterviewEnd(FocusScene):
    """The end of an interview: what was shown, where the notes are, and the support."""

    name = "interview-end"
    focus_starts_empty = False
    ACTIONS = (("start", "Choose another deck"), ("quit", "Quit"))

    def __init__(self, app, table, interview: InterviewScene) -> None:
        super().__init__(app)
        self.table, self.interview = table, interview
        self.deck = interview.game.deck

    def on_show(self) -> None:
        self.reset_focus()
        super().on_show()
        session = getattr(self.app, "session", None)
        if session is not None:
            from cardsdealt.session import SessionError

            try:
                session.mark_finished()
            except SessionError as e:
                self.app.set_status(f"Not saved just now: {e}")

    def items(self) -> list[Rect]:
        m = self.m
        w, gap = m.px(480), m.px(40)
        x0 = (m.w - 2 * w - gap) // 2
        return [Rect(x0 + i * (w + gap), m.h - m.px(200), w, m.px(96)) for i in range(2)]

    def render(self, surface) -> None:
        m, th = self.m, self.theme
        surface.fill(th.table)
        left = Rect(m.px(80), m.px(60), round(m.w * 0.58) - m.px(80), m.h - m.px(300))
        right = Rect(left.right + m.px(60), m.px(60), m.w - left.right - m.px(140), left.h)
        iv = self.interview
        notes = sum(len(v) for v in iv.kept.values())
        saved = getattr(self.app, "session", None) is not None
        seed = iv.game.seed
        draw_text(surface, "The interview is over", "bold", m.px(64), left.topleft,
                  th.table_ink, max_w=left.w)
        blocks = [Block("Cards shown: " + ", ".join(c.title for c in iv.cards) + ".",
                        "regular", 36, 24, "table_ink", 24),
                  Block(f"{notes} panel note{'' if notes == 1 else 's'} kept"
                        + (" with the session." if saved else
                           " in this window only (the session is not being saved)."),
                        "regular", 34, 24, "table_ink", 24),
                  Block(f"To show the next candidate the same cards: --seed {seed}",
                        "regular", 28, 20, "table_muted", 0)]
        draw_stack(surface, blocks, Rect(left.x, left.y + m.px(110), left.w,
                                         left.h - m.px(110)), m.u, th)
        panel(surface, right, th, m.u)
        draw_stack(surface, support_blocks(self.deck), right.inflate(-m.px(64), -m.px(56)),
                   m.u, th)
        for i, (r, (_, label)) in enumerate(zip(self.items(), self.ACTIONS, strict=False)):
            button(surface, r, label, th, m.u, focused=i == self.focus)
        hint(surface, Rect(m.px(80), m.h - m.px(90), m.w - m.px(160), m.px(60)),
             "Next: move · F5 or Enter: choose", th, m.u, align="center")

    def activate(self, i: int) -> None:
        if self.ACTIONS[i][0] == "start":
            self.table.start()
        else:
            self.app.quit()

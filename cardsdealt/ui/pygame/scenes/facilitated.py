"""What the play screens share for a trainer in front of a room: the discussion timer (T, +,
-), the facilitator notes (N: over the card with one screen; with the presenter window open,
larger there and never on the projector), a break (K), the presenter window (P), and, in the
journey under the group-supervision preset, the hands-up tally.

Mixed into the scenes (`class JourneyScene(Facilitated, TableScene)`), so each screen keeps
its own drawing and only asks this for the timer's place and the tally's columns.

The hands-up tally on a journey card: a choice's number counts one raised hand; C, the
number, a count and Enter types a count; Backspace (or Back with nothing marked) takes the
last count away; F5 or Enter with nothing marked takes the room's choice (the most hands; a
tie asks which); a marked choice (Next) is taken with the counts as they stand.
"""

from __future__ import annotations

import pygame
from pygame import Rect

from cardsdealt.engine import presets
from cardsdealt.ui.pygame.presenter import wanted as presenter_wanted
from cardsdealt.ui.pygame.scenes.facilitation import install
from cardsdealt.ui.pygame.tally import Tally, draw_tally
from cardsdealt.ui.pygame.timer import DiscussionTimer, draw_timer

TALLY_COL = 150  # design px beside each choice for its count and bar
TIMER_W = 560  # design px of the footer the timer takes


class Facilitated:
    def __init__(self, *a, **kw) -> None:
        super().__init__(*a, **kw)
        self.tally: Tally | None = None
        self._tallies: dict = {}  # (turn, card id) -> the tally before it was committed
        self._answers: dict[str, str] = {}  # reflection answers taken back by an undo
        self._card_turn = 0

    # -- what is on ----------------------------------------------------------------------
    @property
    def fac(self):
        return install(self.app)

    @property
    def timer(self) -> DiscussionTimer:
        return self.fac.timer_for(self.game.deck)

    @property
    def preset(self):
        return presets.get(getattr(self.app, "preset", None))

    @property
    def tallying(self) -> bool:
        p = self.preset
        return bool(p and p.tally) and self.game.mode == "journey"

    def timer_shown(self) -> bool:
        p = self.preset
        return bool(p and p.timer) or self.timer.started

    def notes_card(self):
        """The card whose notes N shows (subclasses)."""
        return getattr(self, "shown", None)

    def on_show(self) -> None:
        self.fac  # noqa: B018 - installs the timer and the presenter window
        self.timer.reset()
        super().on_show()
        self.new_card()

    def new_card(self) -> None:
        """A new card is on the table: a fresh tally; the timer back to its full length."""
        card = getattr(self, "shown", None)
        self._card_turn = self.game.turn
        if self.tallying and card is not None and card.choices:
            kept = self._tallies.get((self._card_turn, card.id))
            self.tally = kept or Tally.empty(len(card.choices))
        else:
            self.tally = None
        self.timer.reset()

    # -- keys ----------------------------------------------------------------------------
    def handle(self, event) -> None:
        tally = self.tally
        if tally is not None and tally.entering and event.type == pygame.KEYDOWN:
            if tally.entry_key(event):
                self.changed()
                return
            tally.cancel_entry()
            self.changed()
        super().handle(event)

    def on_intent(self, intent, event) -> None:
        if self.facilitate(intent, event) or self.count_hands(intent, event):
            return
        super().on_intent(intent, event)

    def facilitate(self, intent, event) -> bool:
        app = self.app
        if intent == "timer":
            self.timer.toggle()
        elif intent in ("more", "less"):
            self.timer.adjust(30 if intent == "more" else -30)
        elif intent == "notes":
            if self.fac.notes_forward():  # the presenter window has them: the room never does
                return True
            card = self.notes_card()
            if card is None:
                return True
            from cardsdealt.ui.pygame.scenes.notes import NotesOverlay

            app.push(NotesOverlay(app, card))
        elif intent == "break":
            from cardsdealt.ui.pygame.scenes.overlays import Break

            app.push(Break(app))  # the timer waits while it is open (Facilitation.held)
        elif intent == "presenter":
            if self.fac.presenter is None and not presenter_wanted():
                self._ask_presenter_here()  # one screen: the notes would face the room
                return True
            self._toggle_presenter()
        elif intent == "undo":
            self.undo_step()
        else:
            return False
        app.dirty = True
        return True

    def _toggle_presenter(self) -> None:
        self.fac.toggle_presenter()
        if self.fac.problem:
            self.say(self.fac.problem)
            self.fac.problem = ""

    def _ask_presenter_here(self) -> None:
        """With only one screen the presenter window would open over the projected card, notes
        and all: only on an explicit yes (the safe answer is marked first)."""
        from cardsdealt.ui.pygame.scenes.overlays import Confirm

        self.app.push(Confirm(self.app, "Open your notes on this screen?",
                              "Only one screen is connected, so the presenter window would "
                              "show your notes to the room. With a projector, extend the "
                              "display (Windows: Win+P, Extend) and press P again.",
                              yes="Open it here", no="Keep them private"),
                      on_result=lambda ok: ok and self._toggle_presenter())

    def undo_step(self) -> None:
        """Backspace on a journey: the last count of hands, else the last choice (the table
        game keeps Back for that: a stray Backspace there must not take a card back)."""
        if self.game.mode != "journey":
            return
        if self.tally is not None and self.tally.history and self.items():
            self.tally.undo()
            self.changed()
        else:
            self.on_back()

    def count_hands(self, intent, event) -> bool:
        tally = self.tally
        if tally is None and intent == "start" and self.focus is None and self.items() \
                and self.game.mode == "journey":
            self.timer.toggle()  # a journey card with nothing marked: F5 is the timer's
            self.app.dirty = True
            return True
        if tally is None or not self.items():
            return False
        if isinstance(intent, tuple) and intent[0] == "choose":
            if tally.add(intent[1] - 1):
                self.notice = ""
                self.changed()
            return True
        if intent == "count":
            tally.start_entry()
            self.changed()
            return True
        if intent == "back" and self.focus is None and tally.history:
            tally.undo()
            self.changed()
            return True
        if intent == "advance" and self.focus is None and tally.total:
            self.focus = tally.leaders()[0]  # Next marks the room's choice, not choice 1
            self.changed()
            return True
        if intent in ("activate", "start") and self.focus is None:
            if tally.total:
                self.take_rooms_choice()
            elif intent == "start":
                self.timer.toggle()
                self.app.dirty = True
            else:
                self.say("Count the hands first (a choice's number once per hand), or mark "
                         "a choice with Next.")
            return True
        return False

    def take_rooms_choice(self) -> None:
        leaders = self.tally.leaders()
        if len(leaders) == 1:
            self.focus = leaders[0]
            self.activate(leaders[0])
            return
        from cardsdealt.ui.pygame.scenes.tie import TieMenu

        labels = [self.shown.choices[i].label for i in leaders]
        self.app.push(TieMenu(self.app, leaders, labels, self.tally.counts[leaders[0]]),
                      on_result=self._tie_decided)

    def _tie_decided(self, result) -> None:
        if isinstance(result, int):
            self.focus = result
            self.activate(result)

    def votes(self) -> list[int] | None:
        """The counts to send with the choice, kept so that an undo brings them back."""
        if self.tally is None:
            return None
        card = getattr(self, "shown", None)
        if card is not None:
            self._tallies[(self._card_turn, card.id)] = self.tally
        return self.tally.votes()

    def restore_tally(self) -> None:
        """After an undo: the counts the room had for this card, as they were."""
        card = getattr(self, "shown", None)
        self._card_turn = self.game.turn
        if not self.tallying or card is None:
            self.tally = None
            return
        kept = self._tallies.get((self._card_turn, card.id))
        self.tally = kept or Tally.empty(len(card.choices))

    def keep_answer(self, text) -> None:
        """An undo took a reflection answer back: keep the words for when it is asked again."""
        prompt = self.game.pending_reflection
        if prompt is not None and text:
            self._answers[prompt.id] = text

    def kept_answer(self, prompt) -> str:
        return self._answers.get(getattr(prompt, "id", None), "") if prompt else ""

    # -- geometry and drawing ------------------------------------------------------------
    def choice_panel(self, panel: Rect) -> Rect:
        """Where the choices go: narrower while the tally needs its column beside them."""
        if self.tally is None:
            return panel
        m = self.m
        return Rect(panel.x, panel.y, panel.w - m.px(TALLY_COL + 24), panel.h)

    def tally_columns(self, rects) -> list[Rect]:
        m = self.m
        return [Rect(r.right + m.px(24), r.y, m.px(TALLY_COL), r.h) for r in rects]

    def render_tally(self, surface, rects) -> None:
        if self.tally is not None:
            draw_tally(surface, self.tally_columns(rects), self.tally, self.theme, self.m.u)

    def tally_hint(self) -> str:
        t = self.tally
        if t is None:
            return ""
        if t.entering:
            return t.entry_words()
        if self.focus is not None:
            return (f"{t.summary_words()} · F5 or hold Next: take the marked choice "
                    f"({self.focus + 1}) · Back: remove the mark")
        if t.total:
            return (f"{t.summary_words()} · F5 or Enter: the room's choice · "
                    "Backspace: take the last count back")
        return ("Number keys: one press per raised hand · C: type a count · "
                "F5: start or pause the timer")

    def footer_split(self, footer: Rect) -> tuple[Rect, Rect | None]:
        """(where the meters go, where the timer goes or None)."""
        if not self.timer_shown():
            return footer, None
        m = self.m
        w = min(m.px(TIMER_W), footer.w // 2)
        return (Rect(footer.x, footer.y, footer.w - w - m.px(40), footer.h),
                Rect(footer.right - w, footer.y, w, footer.h))

    def timer_rect(self) -> Rect | None:
        """Where the timer goes on this screen (None: not shown). Journey: the footer's right."""
        meters = getattr(self.geom(), "meters", None)
        return self.footer_split(meters)[1] if meters is not None else None

    def draw_live(self, surface) -> None:
        super().draw_live(surface)
        rect = self.timer_rect()
        if rect is not None:  # drawn live: a new second is one blit and a small ring
            draw_timer(surface, rect, self.timer, self.theme, self.m.u)

    # -- the presenter window ------------------------------------------------------------
    def presenter_info(self):
        from cardsdealt.ui.pygame.presenter import Info

        card = self.notes_card()
        p = self.preset
        game = self.game
        info = Info(heading=" · ".join(x for x in (game.deck.title, p.title if p else "") if x),
                    where=f"Card {getattr(self, 'shown_turn', max(1, game.turn))}")
        if card is not None:
            info.card_title, info.card_words = card.title, card.words
            info.notes, info.voice, info.discuss = card.facilitator_notes, card.voice, \
                card.discuss
        info.timer = self.timer if self.timer_shown() else None
        if self.game.mode == "journey" and card is not None and \
                getattr(self, "phase", "") == "card":
            info.choices = tuple(c.label for c in card.choices)
            info.tally = self.tally
        info.next_step = self.next_step()
        return info

    def next_step(self) -> str:
        """What the next press does, in words (the journey's; other screens say their own)."""
        game = self.game
        if game.mode != "journey":
            return ""
        if getattr(self, "phase", "card") == "response":
            if game.pending_reflection is not None:
                return "Next opens a question to think about. Back chooses again."
            if game.finished:
                return "Next shows how the journey ends. Back chooses again."
            return "Next deals the next card. Back chooses again."
        t, card = self.tally, getattr(self, "shown", None)
        if self.focus is not None and card is not None:
            return f"Hold Next or F5 takes choice {self.focus + 1}. Back removes the mark."
        if t is not None and t.total:
            lead = t.leaders()
            if len(lead) > 1:
                return "A tie: F5 asks which choice the room takes."
            return (f"F5 takes the room's choice: {lead[0] + 1}. "
                    f"{card.choices[lead[0]].label}" if card is not None else "")
        if t is not None:
            return ("Count the hands: a choice's number once per hand. F5 starts or pauses "
                    "the timer.")
        return "Next marks a choice; a choice's number takes it at once."

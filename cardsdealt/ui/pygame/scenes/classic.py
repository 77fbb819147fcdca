"""The table game: the top card large (its words at reading size), the teams and what
matches on the right, the current team's hand below with playable cards marked in words.
After a card is played the hand gives way to the discussion: the question, the young
people's voice, and a gentle timer that never forces anyone on.

Keys: Next moves the marker over the playable cards (and Draw), hold Next / F5 / Enter plays
it, 1-9 play the n-th playable card; during discussion Next goes on; Back undoes.
The discussion timer (a ring; T pauses, + and - change it by 30 s) starts with each
discussion; N shows the card's facilitator notes, K a calm break (scenes/facilitated.py).
"""

from __future__ import annotations

from pygame import Rect

from cardsdealt.deck.credits import voice_heading
from cardsdealt.render import layout as L
from cardsdealt.render.blocks import Block, draw_stack
from cardsdealt.render.card_view import render_classic_card, render_hand_card, theme_label
from cardsdealt.render.draw import button, focus_ring, hint, panel, pointer
from cardsdealt.render.panels import discussion_blocks
from cardsdealt.render.text import draw_text
from cardsdealt.ui.pygame.scenes.facilitated import Facilitated
from cardsdealt.ui.pygame.scenes.table import TableScene


class ClassicScene(Facilitated, TableScene):
    name = "classic"

    def __init__(self, app, table, game) -> None:
        super().__init__(app, table, game)
        self._shown_top = None
        self._face = None
        self._face_key = None
        self._hand_cache: dict = {}

    def on_show(self) -> None:
        super().on_show()
        self.reset_focus()
        self._follow_top()
        self.timer.reset(start=self.discussing)

    def _follow_top(self) -> None:
        top = self.game.current_card
        if top is not None and (self._shown_top is None or top.id != self._shown_top):
            self._shown_top = top.id
            self.start_deal()

    # -- geometry ------------------------------------------------------------------------
    def geom(self) -> L.ClassicTable:
        return L.classic_table(self.app.size)

    @property
    def discussing(self) -> bool:
        return self.game.discussing is not None

    def hand(self) -> list:
        g = self.game
        return g.hands[g.player] if not g.finished else []

    def _slots(self) -> list[Rect]:
        g = self.geom()
        hand_area = Rect(g.hand.x, g.hand.y, g.hand.w - self.m.px(300), g.hand.h)
        return L.hand_slots(hand_area, len(self.hand()), self.m.u)

    def _draw_button(self) -> Rect:
        g, m = self.geom(), self.m
        return Rect(g.hand.right - m.px(270), g.hand.y + m.px(10), m.px(270), m.px(150))

    def _targets(self) -> list[tuple[str, object, Rect]]:
        """What the marker can move over: ("play", card, rect) ... and ("draw", None, rect)."""
        if self.discussing or self.game.finished:
            return []
        playable = {c.id for c in self.game.playable()}
        out = [("play", c, r) for c, r in zip(self.hand(), self._slots(), strict=False)
               if c.id in playable]
        if ("draw",) in self.game.actions():
            out.append(("draw", None, self._draw_button()))
        return out

    def items(self) -> list[Rect]:
        return [r for _, _, r in self._targets()]

    def reset_focus(self) -> None:
        """Nothing marked, except when drawing is the only move: then Draw is marked, so one
        press of F5 (or Enter, or a held Next) draws."""
        super().reset_focus()
        targets = self._targets()
        if len(targets) == 1 and targets[0][0] == "draw":
            self.focus = 0

    def on_intent(self, intent, event) -> None:
        """No card can be played: drawing is the only move, so a short Next draws (before,
        it only marked Draw and a held Next or F5 was needed)."""
        targets = self._targets()
        if intent == "advance" and len(targets) == 1 and targets[0][0] == "draw":
            self.activate(0)
            return
        super().on_intent(intent, event)

    def deal_target(self) -> Rect:
        return self.geom().top_card

    def spoken(self) -> str:
        from cardsdealt.ui.speech import card_script

        top = self.game.current_card
        return card_script(top) if top is not None else ""

    def card_surface(self):
        top = self.game.current_card
        if top is None:
            return None
        size = self.geom().top_card.size
        key = (top.id, size)
        if self._face_key != key:
            self._face = render_classic_card(top, size, self.m.u, self.game.deck.root,
                                             self.theme, self._themes())
            self._face_key = key
        return self._face

    def _themes(self) -> tuple[str, ...]:
        rules = self.game.deck.classic
        return rules.themes if rules else ()

    # -- drawing -------------------------------------------------------------------------
    def render(self, surface) -> None:
        th, g, game = self.theme, self.geom(), self.game
        surface.fill(th.table)
        who = game.player_names[game.player] if game.player_names else ""
        left = f"{who}: talk about this card" if self.discussing else f"{who}'s turn"
        self.draw_header(surface, g.header, left, f"{game.deck.title} · H: help")
        if not self.dealing and game.current_card is not None:
            surface.blit(self.card_surface(), g.top_card.topleft)
        self._render_side(surface, g)
        if self.discussing:
            self._render_discussion(surface, g)
        else:
            self._render_hand(surface, g)

    def _render_side(self, surface, g) -> None:
        m, th, game = self.m, self.theme, self.game
        side = g.side
        if m.portrait and not self.discussing:  # a wide, low band: the hand counts on the
            # left half, what can be played on the right (below each other they were clipped)
            side = Rect(g.side.x, g.side.y, g.side.w // 2 - m.px(20), g.side.h)
        y = side.y
        head = draw_text(surface, "Cards in hand", "bold", m.px(34), (side.x, y),
                         th.table_ink, max_w=side.w)
        y += max(m.px(56), head.h + m.px(6))  # lines move apart at larger text sizes
        for i, (name, hand) in enumerate(zip(game.player_names, game.hands, strict=False)):
            now = i == game.player
            r = draw_text(surface, f"{name}: {len(hand)}" + ("  (playing now)" if now else ""),
                          "bold" if now else "regular", m.px(34), (side.x + m.px(40), y),
                          th.table_ink, max_w=side.w - m.px(40))
            if now:
                pointer(surface, (g.side.x + m.px(22), r.centery), th.focus, m.u * 0.8)
            y += max(m.px(50), r.h + m.px(2))
        self._side_used = y  # the timer takes the column below the hand counts
        top = game.current_card
        rules = game.deck.classic
        if top is not None and not self.discussing and rules:
            words = []
            if "theme" in rules.match and top.theme:
                words.append(f"the theme “{theme_label(top.theme)}”")
            if "number" in rules.match and top.number is not None:
                words.append(f"the number {top.number}")
            r = Rect(g.side.x, y + m.px(24), g.side.w, g.side.bottom - y - m.px(24))
            if side != g.side:
                r = Rect(side.right + m.px(40), g.side.y, g.side.right - side.right - m.px(40),
                         g.side.h)
            draw_stack(surface, [Block("Play a card with " + " or ".join(words) + ".",
                                       "regular", 34, 24, "table_ink", 0)], r, m.u, th)

    def _render_discussion(self, surface, g) -> None:
        m, th = self.m, self.theme
        card = self.game.discussing
        boxes = L.discussion_boxes(Rect(g.hand.x, g.hand.y, g.hand.w, g.hand.h - m.px(60)), m.u)
        talk, voice = discussion_blocks(card, voice_heading(self.game.deck))
        for rect, blocks in ((boxes.discuss, talk), (boxes.voice, voice)):
            if not blocks:
                continue
            panel(surface, rect, th, m.u)
            draw_stack(surface, blocks, rect.inflate(-m.px(56), -m.px(48)), m.u, th)
        hint(surface, Rect(g.hand.x, g.hand.bottom - m.px(50), g.hand.w, m.px(50)),
             self.notice or "Next: the next turn · Back: take the card back", th, m.u)

    def _render_hand(self, surface, g) -> None:
        m, th = self.m, self.theme
        playable = {c.id for c in self.game.playable()}
        targets = self._targets()
        number = {id(t[1]): n for n, t in enumerate(targets, 1) if t[0] == "play"}
        for card, r in zip(self.hand(), self._slots(), strict=False):
            surface.blit(self._hand_card(card, r.size, card.id in playable,
                                         number.get(id(card))), r.topleft)
        if ("draw",) in self.game.actions():
            i = len(targets) - 1
            button(surface, self._draw_button(), "Draw a card", th, m.u, focused=i == self.focus)
        for i, (_, _, r) in enumerate(targets):
            if i == self.focus and targets[i][0] == "play":
                focus_ring(surface, r, th, m.u, radius=16)
        words = self.notice or ("No card matches: Next (or F5, Enter) draws one"
                                if ("draw",) in self.game.actions() else
                                "Next: mark a card · hold Next or F5: play it · 1–9: play")
        hint(surface, Rect(g.hand.x, g.hand.bottom + m.px(4), g.hand.w, m.px(44)), words, th,
             m.u)

    def _hand_card(self, card, size, playable: bool, number: int | None):
        key = (card.id, size, playable, number)
        img = self._hand_cache.get(key)
        if img is None:
            if len(self._hand_cache) > 32:
                self._hand_cache.clear()
            img = render_hand_card(card, size, self.m.u, self.theme, self._themes(), playable,
                                   number if number is not None and number <= 9 else None)
            self._hand_cache[key] = img
        return img

    def timer_rect(self) -> Rect | None:
        """The discussion timer: at the foot of the side column while the group talks."""
        if not self.discussing or self.dealing:
            return None
        m, g = self.m, self.geom()
        used = getattr(self, "_side_used", None)
        if used is None:
            used = g.side.y + m.px(56 + 50 * len(self.game.hands))
        free = g.side.bottom - used - m.px(16)
        h = max(min(free, round(g.side.h * 0.62)), min(m.px(150), g.side.h // 3))
        return Rect(g.side.x, g.side.bottom - h, g.side.w, h)  # big: read from the back

    def notes_card(self):
        return self.game.discussing or self.game.current_card

    def next_step(self) -> str:
        g = self.game
        if g.finished and not self.discussing:
            return "The game is over: Next shows the end."
        if self.discussing:
            return "When the group has talked: Next (PageDown) passes the turn."
        if ("draw",) in g.actions():
            return "No card matches: F5 draws one."
        return "Next marks a card, F5 plays it (or the card's number)."

    # -- actions -------------------------------------------------------------------------
    def activate(self, i: int) -> None:
        targets = self._targets()
        if not 0 <= i < len(targets):
            return
        kind, card, _ = targets[i]
        ok = self.act(self.game.play, card.id) if kind == "play" else self.act(self.game.draw)
        if ok:
            self._after_action()

    def _after_action(self) -> None:
        self.reset_focus()
        self.timer.reset(start=self.discussing)  # each discussion has its own full time
        if self.game.finished and not self.discussing:
            self.table.finish()
            return
        self._follow_top()
        self.changed()

    def on_advance(self) -> None:
        if self.game.finished:
            self.table.finish()
        elif self.discussing and self.act(self.game.end_discussion):
            self._after_action()

    def on_back(self) -> None:
        if not self.game.state.actions:
            self.say("Nothing has been played yet.")
            return
        if self.act(self.game.undo):
            self._shown_top = self.game.current_card.id if self.game.current_card else None
            self.reset_focus()
            self.timer.reset(start=self.discussing)
            self.changed()

    def on_click_elsewhere(self, pos) -> None:
        for card, r in zip(self.hand(), self._slots(), strict=False):
            if r.collidepoint(pos):
                self.say(f"“{card.title}” does not match the card on the table.")
                return
        if self.discussing:
            self.on_advance()

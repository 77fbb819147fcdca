"""The start screen: unfinished sessions (when the sessions work provides them), then each
shipped deck and any deck named on the command line, once per way it can be played."""

from __future__ import annotations

from dataclasses import dataclass

import pygame
from pygame import Rect

from cardsdealt.render.draw import button, focus_ring, hint, panel
from cardsdealt.render.text import draw_fitted, draw_text, fit, grown
from cardsdealt.ui.pygame.scenes.base import FocusScene

MODE_WORDS = {"journey": "Journey: one child's story, choice by choice",
              "classic": "Table game: match and play cards, talk about each one"}


def _cards(deck, mode: str) -> str:
    """The cards a way of playing uses: a table game deals only the cards with a theme or a
    number (engine/classic.py), a journey draws from the whole deck."""
    if mode == "classic":
        from cardsdealt.engine.classic import Classic

        return f"{len(Classic(deck).cards)} cards to play"
    return f"{len(deck.cards)} cards in the deck"


@dataclass
class Row:
    title: str
    detail: str
    kind: str  # "resume" | "deck" | "broken" | "studio"
    target: object = None
    mode: str = ""


def _row_title(row: Row) -> str:
    if row.kind == "resume":
        return f"Carry on: {row.title}"
    if row.kind == "record":
        return f"Your record: {row.title}"
    return row.title


class StartScene(FocusScene):
    name = "start"
    focus_starts_empty = False

    def __init__(self, app, table) -> None:
        super().__init__(app)
        self.table = table
        # the deck list is read after the first frame, so the window shows at once
        self.rows: list[Row] = self._rows() if table.entries_loaded else []
        self.loading = not table.entries_loaded
        self.players: dict[int, int] = {}
        self.first = 0  # first row shown (the list scrolls when long)

    def _rows(self) -> list[Row]:
        rows = [Row(r.label, r.detail, "resume", r) for r in self.table.unfinished()]
        rows += [Row(r.label, r.detail, "record", r)
                 for r in getattr(self.table, "records", lambda: [])()]
        for e in self.table.entries:
            if e.deck is None:
                rows.append(Row(e.path.name, f"Cannot be played yet: {e.problem}", "broken", e))
                continue
            modes = [m for m in e.deck.modes if m == self.table.mode_wanted] or e.deck.modes
            for mode in modes:
                rows.append(Row(e.deck.title, f"{MODE_WORDS[mode]} · {_cards(e.deck, mode)}",
                                "deck", e, mode))
        rows.append(Row("Make or change a deck", "The studio: make your own deck, with your "
                        "own words and drawings", "studio"))  # (issue 18)
        return rows

    def on_show(self) -> None:
        self._mark_first()
        super().on_show()

    def _mark_first(self) -> None:
        """Mark the deck that was asked for, else the first deck: never an unfinished session,
        which may hold someone's private reflections and is opened only by choosing it (one
        press of Next in front of a room must not put it on the projector)."""
        decks = [i for i, r in enumerate(self.rows) if r.kind == "deck"]
        given = [i for i in decks if getattr(self.rows[i].target, "given", False)]
        resumable = [i for i, r in enumerate(self.rows) if r.kind == "resume"]
        self.focus = (given or decks or resumable or [0 if self.rows else None])[0]

    def update(self, dt: float) -> None:
        if self.loading and self.app.frames > 0:
            self.loading = False
            self.rows = self._rows()
            self._mark_first()
            self.changed()
        super().update(dt)

    # -- geometry ------------------------------------------------------------------------
    def _list_area(self) -> Rect:
        m = self.m
        top = m.px(300)
        if m.portrait:  # the width is short and the height long: the rows take the width,
            # and Earlier/More go under the list
            return Rect(m.px(80), top, m.w - m.px(140), m.h - top - m.px(250))
        return Rect(m.px(240), top, m.w - m.px(480), m.h - top - m.px(110))

    def _row_h(self) -> int:
        # rows grow with the text size (the list scrolls); in portrait a row's details take
        # two lines
        return self.m.px((184 if self.m.portrait else 132) * grown())

    def _visible(self) -> int:
        return max(1, (self._list_area().h + self.m.px(24)) // (self._row_h() + self.m.px(24)))

    def _scrolls(self) -> bool:
        return len(self.rows) > self._visible()

    def _page_buttons(self) -> tuple[Rect, Rect]:
        """Earlier rows, more rows: the mouse and touch route through a long list (beside it,
        shown only when it scrolls; a mouse wheel does the same)."""
        m, area = self.m, self._list_area()
        w, h = m.px(190), m.px(96)
        if m.portrait:
            y = area.bottom + m.px(24)
            return Rect(area.x, y, w, h), Rect(area.right - w, y, w, h)
        x = area.right + m.px(24)
        return Rect(x, area.y + m.px(50), w, h), Rect(x, area.bottom - h, w, h)

    def _studio_button(self) -> Rect | None:
        """"Make a deck" in sight whenever the studio's row is scrolled out of it (a youth
        worker who came to make a deck sees the way in on the first screen; the keys reach
        the row with Up from the first row). Top right beside the title; a portrait window's
        title takes its width, and its list shows more rows (More reaches the row there)."""
        i = next((i for i, r in enumerate(self.rows) if r.kind == "studio"), None)
        m = self.m
        if i is None or m.portrait or self.items()[i].y >= 0:
            return None
        w, h = m.px(360), m.px(96)
        return Rect(m.w - m.px(28) - w, m.px(36), w, h)

    def _player_buttons(self, r: Rect) -> tuple[Rect, Rect]:
        """Fewer and more players on a table game's row (the mouse route for − and +)."""
        m = self.m
        g = r.h / m.px(184 if m.portrait else 132)
        size, gap = round(m.px(60) * min(g, 1.4)), m.px(14)
        y = r.bottom - size - m.px(12)
        plus = Rect(r.right - m.px(24) - size, y, size, size)
        return Rect(plus.x - gap - size, y, size, size), plus

    def items(self) -> list[Rect]:
        area, rh, gap = self._list_area(), self._row_h(), self.m.px(24)
        vis = self._visible()
        if self.focus is not None:
            if self.focus < self.first:
                self.first = self.focus
            elif self.focus >= self.first + vis:
                self.first = self.focus - vis + 1
        rects = [Rect(0, -10_000, 0, 0)] * len(self.rows)  # rows scrolled away: not clickable
        for i in range(self.first, min(len(self.rows), self.first + vis)):
            rects[i] = Rect(area.x, area.y + (i - self.first) * (rh + gap), area.w, rh)
        return rects

    # -- drawing -------------------------------------------------------------------------
    def render(self, surface) -> None:
        m, th = self.m, self.theme
        surface.fill(th.table)
        draw_text(surface, "The Cards You're Dealt", "bold", m.px(84),
                  (m.w // 2, m.px(60)), th.table_ink, anchor="midtop", max_w=m.w - m.px(80),
                  max_h=m.px(108))
        draw_text(surface, "See the care system through a child's eyes.", "regular", m.px(40),
                  (m.w // 2, m.px(170)), th.table_muted, anchor="midtop", max_w=m.w - m.px(80),
                  max_h=m.px(62))
        if self.loading:
            draw_text(surface, "Finding the decks…", "italic", m.px(40), m.screen.center,
                      th.table_muted, anchor="center")
        elif not self.rows:
            draw_text(surface, "No decks found. Name a deck folder: cardsdealt play FOLDER",
                      "regular", m.px(40), m.screen.center, th.table_ink, anchor="center",
                      max_w=m.w - m.px(80))
        for i, r in enumerate(self.items()):
            if r.y < 0:
                continue
            self._draw_row(surface, r, self.rows[i], i)
        if self._scrolls():
            more = f"{self.first + 1}–{min(len(self.rows), self.first + self._visible())}" \
                   f" of {len(self.rows)}"
            up, down = self._page_buttons()
            where = (m.w // 2, up.centery - m.px(16)) if m.portrait else (up.centerx, m.px(300))
            draw_text(surface, more, "regular", m.px(28), where,
                      th.table_muted, anchor="midtop", max_w=up.w + m.px(40))
            if self.first > 0:
                button(surface, up, "Earlier", th, m.u)
            if self.first + self._visible() < len(self.rows):
                button(surface, down, "More", th, m.u)
        studio = self._studio_button()
        if studio is not None:
            button(surface, studio, "Make a deck", th, m.u)
        hint(surface, Rect(m.px(60), m.h - m.px(90), m.w - m.px(120), m.px(60)),
             "Next or Down: move · Enter or F5: start · + and −: number of players · "
             "H: help · S: settings · Esc: menu", th, m.u, align="center")

    def _draw_row(self, surface, r: Rect, row: Row, i: int) -> None:
        m, th = self.m, self.theme
        focused = i == self.focus
        fill = th.focus_fill if focused else th.placeholder if row.kind == "broken" else th.paper
        panel(surface, r, th, m.u, fill=fill, shadow=not focused and row.kind != "broken")
        pad = m.px(32)
        g = r.h / m.px(184 if m.portrait else 132)  # rows are taller at larger text sizes
        given = row.kind == "deck" and row.target.given  # "from the command line" at the right
        draw_text(surface, _row_title(row), "bold", m.px(46), (r.x + pad, r.y + m.px(18) * g),
                  th.ink, max_w=r.w - 2 * pad - (m.px(260) if given or not m.portrait else 0),
                  max_h=m.px(60) * g)
        detail = row.detail
        room = r.w - 2 * pad
        if row.kind == "deck" and row.mode == "classic":
            detail = f"{detail} · {self._players(i)} players or teams"
            fewer, more = self._player_buttons(r)
            button(surface, fewer, "−", th, m.u)
            button(surface, more, "+", th, m.u)
            room = fewer.x - m.px(16) - r.x - pad
        if m.portrait:  # two lines, beside the player buttons
            box = Rect(r.x + pad, r.y + round(m.px(78) * g), room,
                       r.bottom - m.px(12) - round(r.y + m.px(78) * g))
            draw_fitted(surface, fit(detail, "regular", box.size, m.px(30), m.px(22)), box,
                        th.muted)
        else:
            draw_text(surface, detail, "regular", m.px(30), (r.x + pad, r.y + m.px(78) * g),
                      th.muted, max_w=room, max_h=m.px(40) * g)
        if given:
            draw_text(surface, "from the command line", "italic", m.px(26),
                      (r.right - pad, r.y + m.px(24) * g), th.muted, anchor="topright",
                      max_h=m.px(34) * g)
        if focused:
            focus_ring(surface, r, th, m.u)

    def presenter_next(self) -> str:
        from cardsdealt.ui.pygame.presenter import marked

        if self.focus is None or not 0 <= self.focus < len(self.rows):
            return "Choose a deck: Next moves, F5 starts."
        return marked(_row_title(self.rows[self.focus]))

    # -- actions -------------------------------------------------------------------------
    def _players(self, i: int) -> int:
        row = self.rows[i]
        rules = row.target.deck.classic
        lo, hi = (rules.players_min, rules.players_max) if rules else (2, 5)
        lo, hi = max(2, lo), min(5, hi)
        want = self.players.get(i, self.table.players_wanted or lo)
        return max(lo, min(hi, want))

    def activate(self, i: int) -> None:
        row = self.rows[i]
        if row.kind == "resume":
            why = self.table.carry_on(row.target)
            if why:  # the deck moved or broke, the save is from a newer version...
                from cardsdealt.ui.pygame.scenes.message import Message

                self.app.push(Message(self.app, "This session cannot carry on yet", why,
                                      ok="Back to the list"))
        elif row.kind == "record":  # a finished session's closing questions (closing.py)
            from cardsdealt.session import SessionError

            try:
                row.target.resume()
            except SessionError as e:
                from cardsdealt.ui.pygame.scenes.message import Message

                self.app.push(Message(self.app, "This record cannot be opened", str(e),
                                      ok="Back to the list"))
        elif row.kind == "studio":
            self.table.open_studio()
        elif row.kind == "deck":  # how the session runs is asked next (scenes/preset.py)
            from cardsdealt.ui.pygame.scenes.preset import choose_preset

            choose_preset(self.table, row.target.deck, row.mode, self._players(i))

    def on_mouse(self, event) -> None:
        """Wheel and the Earlier/More buttons scroll the list; − and + on a table game's row
        change its players; anything else is a row (FocusScene)."""
        if event.type == pygame.MOUSEWHEEL:
            self._scroll(-getattr(event, "y", 0))
            return
        if event.type == pygame.MOUSEBUTTONDOWN and getattr(event, "button", 1) == 1:
            pos = event.pos
            up, down = self._page_buttons()
            if self._scrolls() and up.collidepoint(pos) and self.first > 0:
                self._scroll(-self._visible())
                return
            if self._scrolls() and down.collidepoint(pos):
                self._scroll(self._visible())
                return
            studio = self._studio_button()
            if studio is not None and studio.collidepoint(pos):
                self.table.open_studio()
                return
            for i, r in enumerate(self.items()):
                if r.y >= 0 and self.rows[i].kind == "deck" and self.rows[i].mode == "classic":
                    fewer, more = self._player_buttons(r)
                    if fewer.collidepoint(pos) or more.collidepoint(pos):
                        self.focus = i
                        self._more_players(i, 1 if more.collidepoint(pos) else -1)
                        return
        super().on_mouse(event)

    def _scroll(self, rows: int) -> None:
        """Move the list by `rows` (the marked row stays in sight)."""
        if not rows:
            return
        vis = self._visible()
        self.first = max(0, min(len(self.rows) - vis, self.first + rows))
        if self.focus is None or not self.first <= self.focus < self.first + vis:
            self.focus = self.first if rows > 0 else self.first + vis - 1
        self.changed()

    def _more_players(self, i: int, d: int) -> None:
        self.players[i] = self._players(i) + d
        self.players[i] = self._players(i)
        self.changed()

    def on_other_intent(self, intent, event) -> None:
        if intent == "settings":
            from cardsdealt.ui.pygame.scenes.settings import SettingsScene

            self.app.push(SettingsScene(self.app))
        if intent in ("more", "less") and self.focus is not None \
                and self.rows[self.focus].mode == "classic":
            self._more_players(self.focus, 1 if intent == "more" else -1)

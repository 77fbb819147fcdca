"""The end of a game: how it ended, where the stats finished (journey), what the group did,
its seed (`play --seed` deals it again), and the deck's support signposting, always shown.
When the session is kept, "Save my record" (or R) writes the reflective record and says where
it went."""

from __future__ import annotations

import pygame
from pygame import Rect

from cardsdealt.deck.credits import PRIVACY, SHORT_INDEPENDENT, credit_lines
from cardsdealt.render.blocks import Block, draw_stack
from cardsdealt.render.draw import button, hint, meters_row, panel
from cardsdealt.render.text import draw_text
from cardsdealt.ui.pygame.scenes.base import FocusScene

ACTIONS = (("again", "Play again"), ("start", "Choose another deck"), ("quit", "Quit"))
RECORD = ("record", "Save my record (R)")


def facts(game, summary) -> str:
    parts = []
    if game.mode == "journey":
        parts.append(plural(len(summary.path), "card"))
        answered = sum(1 for r in summary.reflections if r.status == "answered")
        skipped = sum(1 for r in summary.reflections if r.status == "skipped")
        if answered or skipped:
            parts.append(f"{plural(answered, 'reflection')} written, {skipped} skipped")
    else:
        parts.append(f"{plural(len(summary.plays), 'card')} played and talked about")
    parts.append(f"seed {game.seed}")  # (the same deal again: `play --seed`, README)
    return " · ".join(parts)


def table_words(game, summary) -> str:
    """Classic: who holds what now, and the cards the group talked about."""
    if game.mode != "classic":
        return ""
    left = ", ".join(f"{n}: {plural(len(h), 'card')} left"
                     for n, h in zip(game.player_names, game.hands, strict=False))
    titles = ", ".join(p.title for p in summary.plays)
    stop = "" if titles.endswith((".", "?", "!")) else "."  # not "Who's who?."
    return f"{left}\n\nThe cards you talked about: {titles}{stop}" if titles else left


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def stat_words(game, summary) -> str:
    hist = summary.stat_history
    if not hist or not game.deck.stats:
        return ""
    first, last = hist[0], hist[-1]
    return "\n".join(f"{st.label}: started at {first.get(st.id, st.start)}, "
                     f"ended at {last.get(st.id, st.start)} of {st.max}"
                     for st in game.deck.stats)


class SummaryScene(FocusScene):
    name = "summary"
    focus_starts_empty = False

    def __init__(self, app, table, game) -> None:
        super().__init__(app)
        self.table, self.game = table, game
        self.summary = game.summary()
        self.saved_to = ""  # after "Save my record": where the files went

    @property
    def actions(self) -> tuple:
        """Save my record only when the session is kept (not with --no-save or --watch); the
        end of the studio's "Play it now" goes back to the studio, and says so."""
        actions = ACTIONS
        if getattr(self.table, "trying_out", False):
            actions = (ACTIONS[0], ("start", "Back to the studio"), *ACTIONS[2:])
        if getattr(self.app, "session", None) is None:
            return actions
        return actions[:2] + (RECORD,) + actions[2:]

    def on_show(self) -> None:
        self.reset_focus()
        super().on_show()

    def _geometry(self):
        m = self.m
        if m.portrait:  # the ending over the support panel, each the full width
            bottom = min(r.y for r in self._buttons()) - m.px(40)
            top, w = m.px(60), m.w - m.px(140)
            left = Rect(m.px(80), top, w, round((bottom - top) * 0.6))
            right = Rect(left.x, left.bottom + m.px(30), w, bottom - left.bottom - m.px(30))
            return left, right
        left = Rect(m.px(80), m.px(60), round(m.w * 0.58) - m.px(80), m.h - m.px(300))
        right = Rect(left.right + m.px(60), m.px(60), m.w - left.right - m.px(140),
                     m.h - m.px(300))
        return left, right

    def _buttons(self) -> list[Rect]:
        """The row of actions along the foot (two to a row in portrait)."""
        m = self.m
        n = len(self.actions)
        if m.portrait:
            gap, h = m.px(32), m.px(96)
            w = (m.w - m.px(140) - gap) // 2
            rows = -(-n // 2)
            y0 = m.h - m.px(104) - rows * h - (rows - 1) * gap
            return [Rect(m.px(80) + (i % 2) * (w + gap), y0 + (i // 2) * (h + gap), w, h)
                    for i in range(n)]
        w, gap = (m.px(440), m.px(40)) if n <= 3 else (m.px(400), m.px(32))
        total = n * w + (n - 1) * gap
        x0 = (m.w - total) // 2
        y = m.h - m.px(200)
        return [Rect(x0 + i * (w + gap), y, w, m.px(96)) for i in range(n)]

    def items(self) -> list[Rect]:
        rects = self._buttons()
        from cardsdealt.ui.pygame.scenes.certificate import button_rect, offered

        if offered(self):  # the certificate is one more stop for Next and Back
            rects.append(button_rect(self))
        return rects

    def render(self, surface) -> None:
        m, th, game, s = self.m, self.theme, self.game, self.summary
        surface.fill(th.table)
        left, right = self._geometry()
        ending = game.ending
        title = (ending.title if ending else None) or "The end"
        words = (ending.text if ending else "") or ""
        draw_text(surface, title, "bold", m.px(64), left.topleft, th.table_ink, max_w=left.w,
                  max_h=m.px(96))
        body = Rect(left.x, left.y + m.px(100), left.w, left.h - m.px(100))
        cols = 2 if len(game.deck.stats) > 2 else max(1, len(game.deck.stats))
        rows = -(-len(game.deck.stats) // cols)
        meters_h = m.px(110) * rows if game.deck.stats else 0
        from cardsdealt.ui.pygame.scenes.certificate import offered

        below = meters_h + (m.px(20) if meters_h else 0) + (m.px(112) if offered(self) else 0)
        text_r = Rect(body.x, body.y, body.w, body.h - below)  # above the certificate button
        draw_stack(surface, [Block(words, "regular", 42, 28, "table_ink", 26),
                             Block(stat_words(game, s), "regular", 30, 22, "table_ink", 22),
                             Block(table_words(game, s), "regular", 30, 22, "table_ink", 22),
                             Block(facts(game, s), "regular", 28, 20, "table_muted", 18),
                             Block(" ".join((*credit_lines(game.deck), SHORT_INDEPENDENT)),
                                   "italic", 24, 16, "table_muted", 0)],
                   text_r, m.u, th)
        if meters_h:
            mr = Rect(body.x, body.bottom - meters_h, body.w, meters_h)
            meters_row(surface, mr, list(game.deck.stats), game.stats, th, m.u, columns=cols)
        self._render_support(surface, right)
        from cardsdealt.ui.pygame.scenes.certificate import draw_button

        draw_button(self, surface, focused=self.focus == len(self.actions))
        for i, (r, (_, label)) in enumerate(zip(self.items(), self.actions, strict=False)):
            button(surface, r, label, th, m.u, focused=i == self.focus)
        hint(surface, Rect(m.px(80), m.h - m.px(90), m.w - m.px(160), m.px(60)),
             self.saved_to or "Next: move · hold Next, F5 or Enter: choose", th, m.u,
             align="center")

    def _render_support(self, surface, r: Rect) -> None:
        m, th = self.m, self.theme
        panel(surface, r, th, m.u)
        blocks = [Block("If this brought something up", "bold", 40, 28, "accent", 24)]
        for sup in self.game.deck.support:
            blocks.append(Block(sup.name, "bold", 32, 22, "ink", 6))
            blocks.append(Block(sup.detail, "regular", 30, 20, "ink", 24))
        if not self.game.deck.support:
            blocks.append(Block("Talk it through with someone you trust: a colleague, "
                                "your supervisor, a friend.", "regular", 32, 22, "ink", 24))
        blocks.append(Block(PRIVACY, "italic", 26, 18, "muted", 0))
        draw_stack(surface, blocks, r.inflate(-m.px(64), -m.px(56)), m.u, th)

    def presenter_next(self) -> str:
        """The presenter window's next step: the button marked, and how to take it."""
        from cardsdealt.ui.pygame.presenter import marked
        from cardsdealt.ui.pygame.scenes.certificate import LABEL

        if self.focus is None:
            return "The end: the support panel is on the projector. Next marks a button."
        label = self.actions[self.focus][1] if self.focus < len(self.actions) else LABEL
        return marked(label, "The support panel is on the projector.")

    def activate(self, i: int) -> None:
        if i >= len(self.actions):  # the table game's certificate button
            from cardsdealt.ui.pygame.scenes.certificate import write

            write(self)
            return
        what = self.actions[i][0]
        if what == "again":
            self.table.restart()
        elif what == "start":
            self.table.start()
        elif what == "record":
            self.save_record()
        else:
            self.app.quit()

    def handle(self, event) -> None:
        from cardsdealt.ui.pygame.scenes.certificate import handle_end_event

        if handle_end_event(self, event):  # the table game's certificate (W)
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_r \
                and not getattr(event, "mod", 0) & (pygame.KMOD_CTRL | pygame.KMOD_ALT) \
                and getattr(self.app, "session", None) is not None:
            self.save_record()
            return
        super().handle(event)

    def save_record(self) -> None:
        from cardsdealt.ui.pygame.scenes.message import Message
        from cardsdealt.ui.pygame.scenes.records import offer

        if offer(self.app, self.table, self.game, asked=True):  # the questions come first
            return
        title, words, folder = self.table.save_record()
        if folder is not None:
            self.saved_to = f"Your record is saved in {folder}"
        self.changed()
        self.app.push(Message(self.app, title, words, ok="Done"))

"""Screens over the game: blank screen, help, pause menu, a calm break, and a yes/no prompt.
None of them changes the game; each closes back to where you were."""

from __future__ import annotations

import pygame
from pygame import Rect

from cardsdealt.ui.pygame.draw import button, panel
from cardsdealt.ui.pygame.scenes.base import FocusScene, Modal, Scene
from cardsdealt.ui.pygame.text import draw_fitted, draw_text, fit

HELP_ROWS = (
    ("Presenter clicker", ""),
    ("Next (PageDown)", "go on, or move the marker to the next choice"),
    ("Hold Next, or F5", "take the marked choice"),
    ("Back (PageUp)", "move the marker back; with no marker, undo the last step"),
    ("Blank (B or .)", "blank the screen; press again to come back"),
    ("Esc", "pause menu: resume, take a break, restart, quit"),
    ("Keyboard and mouse", ""),
    ("1 2 3 4", "take that choice at once (in the table game, 1 to 9 play a card)"),
    ("Up, Down, Tab", "move the marker; Enter takes it; click anything"),
    ("Space, Right, Left", "go on / go back, like the clicker"),
    ("F11 or F", "full screen on and off"),
    ("Writing", "Ctrl+Enter saves, Ctrl+V pastes, PageDown goes on"),
    ("H, ? or F1", "show or hide this help"),
)


def _dim(surface: pygame.Surface, theme, alpha: int = 170) -> None:
    """Darken what is below (the layer is transparent: fill it with a see-through colour)."""
    surface.fill((*theme.table_ink, alpha))


class Blank(Scene):
    """A dark, empty screen for when the room should look at each other. Any key or click
    comes back (and does nothing else)."""

    pausable = False
    name = "blank"

    def render(self, surface) -> None:
        surface.fill(self.theme.blank)

    def handle(self, event) -> None:
        if event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN):
            self.app.pop(self)


class Help(Modal):
    pausable = False
    name = "help"

    def render(self, surface) -> None:
        m, th = self.m, self.theme
        _dim(surface, th)
        box = m.screen.inflate(-m.px(160), -m.px(90))
        panel(surface, box, th, m.u)
        pad = m.px(48)
        inner = box.inflate(-2 * pad, -2 * pad)
        draw_text(surface, "How to play with keys and a clicker", "bold", m.px(48),
                  inner.topleft, th.accent, max_w=inner.w)
        y = inner.y + m.px(84)
        row_h = (inner.bottom - m.px(60) - y) // len(HELP_ROWS)
        key_w = round(inner.w * 0.34)
        for key, what in HELP_ROWS:
            if not what:
                draw_text(surface, key, "bold", m.px(32), (inner.x, y + row_h // 4), th.muted)
            else:
                draw_text(surface, key, "bold", m.px(30), (inner.x + m.px(24), y), th.ink,
                          max_w=key_w - m.px(30))
                f = fit(what, "regular", (inner.w - key_w, row_h), m.px(30), m.px(20))
                draw_fitted(surface, f, Rect(inner.x + key_w, y, inner.w - key_w, row_h), th.ink)
            y += row_h
        draw_text(surface, "Press any key to close.", "italic", m.px(28),
                  (inner.centerx, inner.bottom), th.muted, anchor="midbottom")

    def handle(self, event) -> None:
        if event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN):
            self.done()


class Menu(Modal, FocusScene):
    """A short list of buttons in a panel. The first entry is marked when it opens."""

    focus_starts_empty = False
    pausable = False
    title = ""
    message = ""
    entries: tuple[tuple[str, str], ...] = ()  # (result, label)

    def on_show(self) -> None:
        self.reset_focus()
        super().on_show()

    def _box(self) -> Rect:
        m = self.m
        w = min(m.w - m.px(80), m.px(1000))
        h = m.px(170 + (120 if self.message else 0)) + len(self.entries) * m.px(110)
        return Rect((m.w - w) // 2, max(m.px(20), (m.h - h) // 2), w, min(h, m.h - m.px(40)))

    def items(self) -> list[Rect]:
        m, box = self.m, self._box()
        top = box.y + m.px(140 + (120 if self.message else 0))
        bw = box.w - m.px(200)
        return [Rect(box.x + m.px(100), top + i * m.px(110), bw, m.px(84))
                for i in range(len(self.entries))]

    def render(self, surface) -> None:
        m, th = self.m, self.theme
        _dim(surface, th)
        box = self._box()
        panel(surface, box, th, m.u)
        draw_text(surface, self.title, "bold", m.px(52), (box.centerx, box.y + m.px(40)),
                  th.accent, anchor="midtop", max_w=box.w - m.px(80))
        if self.message:
            r = Rect(box.x + m.px(60), box.y + m.px(120), box.w - m.px(120), m.px(110))
            draw_fitted(surface, fit(self.message, "regular", r.size, m.px(34), m.px(24)), r,
                        th.ink, align="center", valign="middle")
        for i, (r, (_, label)) in enumerate(zip(self.items(), self.entries, strict=False)):
            button(surface, r, label, th, m.u, focused=i == self.focus)

    def activate(self, i: int) -> None:
        self.done(self.entries[i][0])

    def on_other_intent(self, intent, event) -> None:
        if intent == "pause":
            self.done(None)


class PauseMenu(Menu):
    name = "pause"
    title = "Paused"
    entries = (("resume", "Resume"), ("break", "Take a break"),
               ("restart", "Restart this deck"), ("quit", "Quit (your session is kept)"))

    def done(self, result=None) -> None:
        app = self.app
        super().done(result)
        if result == "break":
            app.push(Break(app))
        elif result == "restart":
            app.push(Confirm(app, "Restart this deck?",
                             "The game starts again from the first card. "
                             "What you have played so far is set aside.",
                             yes="Restart", no="Keep playing"),
                     on_result=lambda ok: ok and _restart(app))
        elif result == "quit":
            app.quit()


def _restart(app) -> None:
    table = getattr(app, "table", None)
    if table is not None:
        table.restart()


class Break(Scene):
    """A calm screen: nothing to read but one reassurance. Any key or click comes back."""

    pausable = False
    name = "break"

    def render(self, surface) -> None:
        m, th = self.m, self.theme
        surface.fill(th.table)
        c = m.screen.center
        pygame.draw.circle(surface, th.placeholder_mark, c, m.px(190))
        pygame.draw.circle(surface, th.placeholder, c, m.px(150))
        draw_text(surface, "Taking a break", "bold", m.px(72), (c[0], c[1] - m.px(310)),
                  th.table_ink, anchor="midbottom")
        draw_text(surface, "The game will wait. Nothing is lost.", "regular", m.px(44),
                  (c[0], c[1] + m.px(260)), th.table_ink, anchor="midtop", max_w=m.w - m.px(80))
        draw_text(surface, "Press any key or click to come back.", "italic", m.px(32),
                  (c[0], c[1] + m.px(340)), th.table_muted, anchor="midtop",
                  max_w=m.w - m.px(80))

    def handle(self, event) -> None:
        if event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN):
            self.app.pop(self)


class Confirm(Menu):
    """A yes/no question; the result is True or False. The safe answer is marked first."""

    name = "confirm"

    def __init__(self, app, title: str, message: str, yes: str = "Yes", no: str = "No"):
        super().__init__(app)
        self.title, self.message = title, message
        self.entries = (("no", no), ("yes", yes))

    def done(self, result=None) -> None:
        super().done(result == "yes")

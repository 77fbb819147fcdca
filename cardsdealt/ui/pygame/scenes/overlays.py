"""Screens over the game: blank screen, help, pause menu, a calm break, and a yes/no prompt.
None of them changes the game; each closes back to where you were."""

from __future__ import annotations

import pygame
from pygame import Rect

from cardsdealt import __version__
from cardsdealt.render.draw import button, panel
from cardsdealt.render.text import draw_fitted, draw_text, fit, fitted_line_px, font, scaled
from cardsdealt.ui.keytable import help_columns
from cardsdealt.ui.pygame.scenes.base import FocusScene, Modal, Scene

HELP_ROWS, ROOM_ROWS = help_columns()  # the one key table: cardsdealt/ui/keytable.py


def _dim(surface: pygame.Surface, theme, alpha: int = 170) -> None:
    """Darken what is below (the layer is transparent: fill it with a see-through colour;
    the theme's blank colour is dark in every theme, even where the ink is light)."""
    surface.fill((*theme.blank, alpha))


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
    """Both columns of keys on one page; at larger text sizes, on as many pages as it takes
    (Next shows the next page), so no row is squeezed below a readable size. Opened over the
    deck studio (a screen with `studio_keys`), the studio's keys instead of the game's."""

    pausable = False
    name = "help"
    page = 0

    def __init__(self, app) -> None:
        super().__init__(app)
        self.studio = bool(getattr(app.top, "studio_keys", False))
        self.columns = help_columns(self.studio) if self.studio else (HELP_ROWS, ROOM_ROWS)

    def _inner(self) -> Rect:
        m = self.m
        return m.screen.inflate(-m.px(160), -m.px(90)).inflate(-m.px(96), -m.px(96))

    def _shown_columns(self) -> list:
        """Two columns side by side; one, the second under the first, in a portrait window
        (two were too narrow there: a key like "Space, Right, Left" was cut)."""
        if self.m.portrait:
            return [[row for c in self.columns for row in c]]
        return list(self.columns)

    def _paging(self) -> tuple[int, int, int]:
        """(rows per column on a page, row height, pages)."""
        m, inner = self.m, self._inner()
        avail = inner.h - m.px(84) - m.px(60)
        rows = max(len(c) for c in self._shown_columns())
        need = max(m.px(40), round(font("bold", scaled(m.px(28))).get_linesize() * 1.2))
        per = max(3, min(rows, avail // need))
        return per, avail // per, -(-rows // per)

    def render(self, surface) -> None:
        m, th = self.m, self.theme
        _dim(surface, th)
        box = m.screen.inflate(-m.px(160), -m.px(90))
        panel(surface, box, th, m.u)
        inner = self._inner()
        title = "Keys in the deck studio" if self.studio else \
            "How to play with keys and a clicker"
        draw_text(surface, title, "bold", m.px(48),
                  inner.topleft, th.accent, max_w=inner.w, max_h=m.px(80))
        top = inner.y + m.px(84)
        gap = m.px(56)
        columns = self._shown_columns()
        col_w = (inner.w - gap * (len(columns) - 1)) // len(columns)
        per, row_h, pages = self._paging()
        self.page = min(self.page, pages - 1)
        shown = [t[self.page * per:(self.page + 1) * per] for t in columns]
        sizes = self._sizes(col_w, row_h, [row for rows in shown for row in rows])
        for i, rows in enumerate(shown):
            col = Rect(inner.x + i * (col_w + gap), top, col_w, row_h * per)
            self._rows(surface, col, rows, row_h, sizes)
        close = "Press any key to close."
        if pages > 1:
            close = f"Page {self.page + 1} of {pages} · " + (
                "Next: more keys · any other key closes" if self.page + 1 < pages
                else "any key closes")
        close = f"cardsdealt {__version__} · {close}"  # the window's About: which version
        draw_text(surface, close, "italic", m.px(28), (inner.centerx, inner.bottom), th.muted,
                  anchor="midbottom", max_w=inner.w, max_h=m.px(56))

    def _sizes(self, col_w: int, row_h: int, rows) -> tuple[int, int]:
        """One size for every key and (but for a long row or two) one for every description,
        in both columns: calmer than each row, or each column, at its own size."""
        m = self.m
        key_w = round(col_w * 0.36)
        cell = (col_w - key_w, row_h)
        keys = [k for k, w in rows if w]
        key_px = min((fitted_line_px(k, "bold", m.px(28), key_w - m.px(26)) for k in keys),
                     default=m.px(28))
        sizes = sorted(fit(w, "regular", cell, m.px(28), m.px(18)).px for _, w in rows if w)
        words_px = sizes[len(sizes) // 5] if sizes else m.px(28)
        return key_px, words_px

    def _rows(self, surface, col: Rect, rows, row_h: int, sizes: tuple[int, int]) -> None:
        """One column of (key, what it does) rows; a row with no words is a heading."""
        m, th = self.m, self.theme
        key_w = round(col.w * 0.36)
        cell = (col.w - key_w, row_h)
        key_px, words_px = sizes
        y = col.y
        for key, what in rows:
            if not what:
                draw_text(surface, key, "bold", m.px(32), (col.x, y + row_h // 4), th.muted,
                          max_w=col.w, max_h=row_h - row_h // 4)
            else:
                draw_text(surface, key, "bold", key_px, (col.x + m.px(20), y), th.ink,
                          max_w=key_w - m.px(26), max_h=row_h)
                f = fit(what, "regular", cell, words_px, min(words_px, m.px(18)), exact=True)
                draw_fitted(surface, f, Rect(col.x + key_w, y, col.w - key_w, row_h), th.ink)
            y += row_h

    def handle(self, event) -> None:
        more = event.type == pygame.KEYDOWN and event.key in (
            pygame.K_PAGEDOWN, pygame.K_RIGHT, pygame.K_SPACE, pygame.K_DOWN)
        if more and self.page + 1 < self._paging()[2]:
            self.page += 1
            self.changed()
        elif event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN):
            self.done()


class Menu(Modal, FocusScene):
    """A short list of buttons in a panel. The first entry is marked when it opens."""

    focus_starts_empty = False
    pausable = False
    title = ""
    message = ""
    message_h = 110  # room for the message (at 1080p): a menu that explains more asks for more
    entries: tuple[tuple[str, str], ...] = ()  # (result, label)

    def on_show(self) -> None:
        self.reset_focus()
        super().on_show()

    def _box(self) -> Rect:
        m = self.m
        w = min(m.w - m.px(80), m.px(1000))
        h = m.px(170 + (self.message_h + 10 if self.message else 0)) + \
            len(self.entries) * m.px(110)
        return Rect((m.w - w) // 2, max(m.px(20), (m.h - h) // 2), w, min(h, m.h - m.px(40)))

    def items(self) -> list[Rect]:
        m, box = self.m, self._box()
        top = box.y + m.px(140 + (self.message_h + 10 if self.message else 0))
        bw = box.w - m.px(200)
        return [Rect(box.x + m.px(100), top + i * m.px(110), bw, m.px(84))
                for i in range(len(self.entries))]

    def render(self, surface) -> None:
        m, th = self.m, self.theme
        _dim(surface, th)
        box = self._box()
        panel(surface, box, th, m.u)
        draw_text(surface, self.title, "bold", m.px(52), (box.centerx, box.y + m.px(40)),
                  th.accent, anchor="midtop", max_w=box.w - m.px(80), max_h=m.px(92))
        if self.message:
            r = Rect(box.x + m.px(60), box.y + m.px(120), box.w - m.px(120),
                     m.px(self.message_h))
            draw_fitted(surface, fit(self.message, "regular", r.size, m.px(34), m.px(24)), r,
                        th.ink, align="center", valign="middle")
        for i, (r, (_, label)) in enumerate(zip(self.items(), self.entries, strict=False)):
            button(surface, r, label, th, m.u, focused=i == self.focus)

    def activate(self, i: int) -> None:
        self.done(self.entries[i][0])

    def presenter_next(self) -> str:
        """The presenter window's next step: the entry marked, and how to take it."""
        from cardsdealt.ui.pygame.presenter import marked

        if self.focus is None or not 0 <= self.focus < len(self.entries):
            return "Next marks the first entry; Esc closes this."
        return marked(self.entries[self.focus][1], "Esc closes this.")

    def on_other_intent(self, intent, event) -> None:
        if intent == "pause":
            self.done(None)


class PauseMenu(Menu):
    name = "pause"
    title = "Paused"
    entries = (("resume", "Resume"), ("break", "Take a break"),
               ("restart", "Restart this deck"), ("quit", "Quit (your session is kept)"),
               ("settings", "Settings"))  # last: Up from Resume lands here, not on Quit

    def done(self, result=None) -> None:
        app = self.app
        super().done(result)
        if result == "settings":
            from cardsdealt.ui.pygame.scenes.settings import SettingsScene

            app.push(SettingsScene(app))
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


class RoomMenu(Menu):
    """Every room key for a mouse or a touch screen, opened from a play screen's Menu button
    (or a right click): two columns of large buttons, so it fits at any text size."""

    name = "room-menu"
    title = "Menu"

    def __init__(self, app, scene) -> None:
        super().__init__(app)
        self.scene = scene
        room = hasattr(scene, "facilitate")
        entries = [("resume", "Back to the game"), ("blank", "Blank the screen")]
        if room:
            entries += [("timer", "Start or pause the timer"), ("notes", "Notes for you")]
        entries += [("undo", "Go back a step"), ("help", "Keys and buttons"),
                    ("break", "Take a break"), ("pause", "Restart, settings, quit")]
        self.entries = tuple(entries)

    def _box(self) -> Rect:
        m = self.m
        rows = -(-len(self.entries) // 2)
        w = min(m.w - m.px(80), m.px(1400))
        h = m.px(170) + rows * m.px(110)
        return Rect((m.w - w) // 2, max(m.px(20), (m.h - h) // 2), w, min(h, m.h - m.px(40)))

    def items(self) -> list[Rect]:
        m, box = self.m, self._box()
        top = box.y + m.px(140)
        gap = m.px(30)
        bw = (box.w - m.px(120) - gap) // 2
        return [Rect(box.x + m.px(60) + (i % 2) * (bw + gap), top + (i // 2) * m.px(110), bw,
                     m.px(84)) for i in range(len(self.entries))]

    def done(self, result=None) -> None:
        app, scene = self.app, self.scene
        super().done(result)
        if result in ("timer", "notes"):
            scene.facilitate(result, None)
            scene.changed()
        elif result == "blank":
            app.push(Blank(app))
        elif result == "help":
            app.push(Help(app))
        elif result == "undo":
            undo = getattr(scene, "undo_step", None)
            (undo if undo is not None and scene.game.mode == "journey" else scene.on_back)()
        elif result == "break":
            app.push(Break(app))
        elif result == "pause":
            app.push(PauseMenu(app))


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
                  (c[0], c[1] + m.px(260)), th.table_ink, anchor="midtop", max_w=m.w - m.px(80),
                  max_h=m.px(78))
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

"""The closing reflection: the CPD record's own questions, one at a time, then the record.

Three pages in one scene:
- "intro": what this is, and a clear reminder never to write a real child's name or
  anything that could identify them (before any typing);
- "ask": one question in plain words, its hint, a large text box, and beside it the
  player's own reflections from the game; Back, Skip, Save and go on (Ctrl+Enter/PageDown);
- "saved": the record written where the person will find it, its full path, and
  "Open the folder" where this computer can.

The logic and the saving are the session's (cardsdealt.session.closing.Closing): what is
typed is kept every few seconds and when the window closes, so it resumes where it stopped.
The optional name check (Settings) warns before an answer that may name a child is kept.
"""

from __future__ import annotations

import pygame
from pygame import Rect

from cardsdealt.render.blocks import Block, draw_stack
from cardsdealt.render.draw import button, hint, panel
from cardsdealt.render.text import draw_fitted, draw_text, fit, scaled
from cardsdealt.ui.pygame.scenes.base import Modal
from cardsdealt.ui.pygame.textbox import TextBox, keyboard

KEEP_SECONDS = 2.0  # what is typed is kept this often (only when it changed): a kill
# loses at most the last 2 s of typing (the promise is 3 s; the rest is margin for a slow disk)
FOCUS_BOX = 0


class ClosingScene(Modal):
    opaque = True
    name = "closing"

    def __init__(self, app, session, deck=None, peer_later: bool | None = None,
                 on_saved=None) -> None:
        super().__init__(app)
        from cardsdealt.session.closing import Closing

        self.session, self.deck = session, deck
        self.closing = Closing(session, peer_later=peer_later)
        self.on_saved = on_saved  # called with the folder the record went to
        self.page = "intro"
        self.box = TextBox("", placeholder="Type your answer here…")
        self.focus = 0
        self._since_keep = 0.0
        self.saved_words = ""
        self.folder = None
        self.problem = ""
        self._outer_quit = None

    # -- showing -------------------------------------------------------------------------
    @property
    def wants_text(self) -> bool:
        return self.page == "ask" and self.focus == FOCUS_BOX

    def on_show(self) -> None:
        super().on_show()
        self._outer_quit = self.app.on_quit
        self.app.on_quit = self._on_quit
        if self.page == "ask":
            keyboard(self.box if self.focus == FOCUS_BOX else None)

    def on_hide(self) -> None:
        super().on_hide()
        self.keep()
        keyboard(None)
        if self.app.on_quit == self._on_quit:
            self.app.on_quit = self._outer_quit

    def _on_quit(self, draft) -> None:
        """The window is closing: keep the words in the box first."""
        self.keep()
        if self._outer_quit is not None:
            self._outer_quit(draft)

    # -- keeping -------------------------------------------------------------------------
    def keep(self) -> None:
        if self.page != "ask" or self.closing.question is None:
            return
        from cardsdealt.session import SessionError

        try:
            self.closing.typed(self.box.text)
        except (SessionError, OSError) as e:
            from cardsdealt.ui.pygame.saving import not_saved_words

            self.app.set_status(not_saved_words(e))
        else:
            if self.app.status.startswith("Not saved"):
                self.app.set_status("")

    def update(self, dt: float) -> None:
        self._since_keep += dt
        if self._since_keep >= KEEP_SECONDS:
            self._since_keep = 0.0
            self.keep()
        super().update(dt)

    # -- pages ---------------------------------------------------------------------------
    def begin(self) -> None:
        self.page = "ask"
        self._load_question()

    def _load_question(self) -> None:
        q = self.closing.question
        if q is None:
            self.finish()
            return
        self.box = TextBox(self.closing.answer_so_far(), placeholder="Type your answer here…")
        self.focus = FOCUS_BOX
        keyboard(self.box)
        self.speak(q.ask)
        self.changed()

    def save(self, checked: bool = False) -> None:
        text = self.box.text
        if text.strip() and not checked and self._name_check():
            found = self.closing.check(text)
            if found:
                from cardsdealt.session.privacy import warning_words
                from cardsdealt.ui.pygame.scenes.overlays import Confirm

                self.keep()
                self.app.push(Confirm(self.app, "This might name someone",
                                      warning_words(found), yes="Keep it as it is",
                                      no="Change it"),
                              on_result=lambda ok: self.save(True) if ok else None)
                return
        self._step(lambda: self.closing.answer(text) if text.strip() else self.closing.skip())

    def _name_check(self) -> bool:
        """The optional check for likely names and dates of birth (Settings; on by default)."""
        from cardsdealt.ui.pygame import prefs

        return bool(getattr(prefs.current(self.app), "name_check", True))

    def skip(self) -> None:
        self.keep()
        self._step(self.closing.skip)

    def _step(self, act) -> None:
        """Answer or skip through the session, then the next question; a failed write is
        said on the page and nothing moves on."""
        from cardsdealt.session import SessionError

        try:
            act()
        except (SessionError, OSError) as e:
            self.problem = str(e)
            self.changed()
            return
        self._load_question()

    def back(self) -> None:
        self.keep()
        if self.closing.index == 0:
            self.page = "intro"
            self.focus = 0
            keyboard(None)
            self.changed()
            return
        self.closing.back()
        self._load_question()

    def finish(self) -> None:
        """All asked: write the record where the person will find it."""
        from cardsdealt.ui.pygame.writing import write_record

        keyboard(None)
        self.page, self.focus = "saved", 0
        self.folder, self.saved_words = write_record(self.app, self.session, self.deck)
        if self.folder is not None and self.on_saved is not None:
            self.on_saved(self.folder)
        self.changed()

    def open_folder(self) -> None:
        from cardsdealt.session.places import open_folder

        if self.folder is not None:
            why = open_folder(self.folder)
            self.problem = why
            self.changed()

    # -- geometry ------------------------------------------------------------------------
    def _columns(self) -> tuple[Rect, Rect]:
        m = self.m
        left = Rect(m.px(100), m.px(56), round(m.w * 0.6) - m.px(100), m.h - m.px(56))
        right = Rect(left.right + m.px(50), m.px(56), m.w - left.right - m.px(150),
                     m.h - m.px(230))
        return left, right

    def _buttons(self) -> list[tuple[str, str, Rect]]:
        m = self.m
        y, h = self.m.h - m.px(150), m.px(90)
        if self.page == "intro":
            labels = [("begin", "Begin"), ("later", "Not now")]
        elif self.page == "saved":
            from cardsdealt.session.places import can_open_folders

            labels = ([("open", "Open the folder")] if self.folder is not None
                      and can_open_folders() else []) + [("done", "Done")]
        else:
            labels = [("back", "Back"), ("skip", "Skip"), ("save", "Save and go on")]
        ws = {"save": 480, "begin": 420, "open": 440}
        rects, x = [], self.m.w - m.px(100)
        for key, label in reversed(labels):
            w = m.px(ws.get(key, 300))
            x -= w
            rects.append((key, label, Rect(x, y, w, h)))
            x -= m.px(36)
        return list(reversed(rects))

    def _box_rect(self, left: Rect, top: int) -> Rect:
        m = self.m
        return Rect(left.x, top, left.w, self.m.h - m.px(200) - top - m.px(60))

    # -- drawing -------------------------------------------------------------------------
    def render(self, surface) -> None:
        m, th = self.m, self.theme
        surface.fill(th.table)
        getattr(self, "_render_" + self.page)(surface)
        order = self._focus_order()
        for key, label, r in self._buttons():
            focused = order[self.focus] == key if self.focus < len(order) else False
            button(surface, r, label, th, m.u, focused=focused,
                   key="Ctrl+Enter" if key == "save" else "")
        if self.problem:
            hint(surface, Rect(m.px(100), m.h - m.px(60), m.w - m.px(200), m.px(50)),
                 self.problem, th, m.u)

    def _render_intro(self, surface) -> None:
        from cardsdealt.session.privacy import REMINDER

        m, th = self.m, self.theme
        r = Rect(m.px(160), m.px(80), m.w - m.px(320), m.h - m.px(300))
        if self.closing.peer_later:
            title = "Add a peer reflection"
            about = ("If you have talked this session through with a colleague or your "
                     "supervisor, write what came out of it. Your record will mark it as "
                     "peer reflection, with the date you added it.")
        else:
            title = "Your record, in your own words"
            n = len(self.closing.questions)
            about = (f"{n} short questions, one at a time, for your CPD record. Each one goes "
                     "under its own heading. Skip any you like; what you type is kept as you "
                     "go, and you can come back to it from the start screen.")
        draw_stack(surface, [Block(title, "bold", 64, 40, "table_ink", 30),
                             Block(about, "regular", 40, 26, "table_ink", 40)],
                   Rect(r.x, r.y, r.w, r.h // 2), m.u, th)
        box = Rect(r.x, r.y + r.h // 2, r.w, min(r.h // 2, m.px(300)))
        panel(surface, box, th, m.u)
        draw_stack(surface, [Block("Before you type", "bold", 40, 28, "accent", 16),
                             Block(REMINDER, "regular", 38, 24, "ink", 0)],
                   box.inflate(-m.px(64), -m.px(48)), m.u, th)

    def _render_ask(self, surface) -> None:
        m, th, c = self.m, self.theme, self.closing
        q = c.question
        if q is None:
            return
        left, right = self._columns()
        head = "Peer reflection" if q.peer else "Your record"
        draw_text(surface, f"{head} · {c.position}", "bold", m.px(32), left.topleft,
                  th.table_muted, max_w=left.w, max_h=m.px(50))
        fq = fit(q.ask, "bold", (left.w, m.px(150)), m.px(52), m.px(34))
        qr = Rect(left.x, left.y + m.px(56), left.w, min(fq.height, m.px(150)))
        draw_fitted(surface, fq, qr, th.table_ink)
        fh = fit(q.hint, "regular", (left.w, m.px(100)), m.px(32), m.px(22))
        hr = Rect(left.x, qr.bottom + m.px(12), left.w, min(fh.height, m.px(100)))
        draw_fitted(surface, fh, hr, th.table_muted)
        box = self._box_rect(left, hr.bottom + m.px(24))
        px = scaled(m.px(36))
        if self.box.rect != box or self.box.px != px:
            self.box.set_geometry(box, px)
        self.box.draw(surface, th, m.u, focused=self.focus == FOCUS_BOX)
        hint(surface, Rect(left.x, box.bottom + m.px(8), left.w, m.px(48)),
             "No real child's name, date of birth, school or address.", th, m.u)
        self._render_earlier(surface, right)
        if not self.problem:
            hint(surface, Rect(m.px(100), m.h - m.px(60), m.w - m.px(200), m.px(50)),
                 "Enter: new line · Tab: to the buttons · PageDown: save and go on · "
                 "what you type is kept as you go", th, m.u)

    def _render_earlier(self, surface, r: Rect) -> None:
        m, th = self.m, self.theme
        panel(surface, r, th, m.u)
        blocks = [Block("What you wrote during the game", "bold", 36, 24, "accent", 18)]
        earlier = self.closing.earlier()
        for prompt, answer in earlier:
            blocks.append(Block(prompt, "bold", 28, 18, "muted", 6))
            blocks.append(Block(answer, "regular", 30, 18, "ink", 20))
        if not earlier:
            blocks.append(Block("You did not write reflections during this game. That is "
                                "fine: answer from what you remember.", "regular", 30, 20,
                                "ink", 0))
        draw_stack(surface, blocks, r.inflate(-m.px(48), -m.px(48)), m.u, th)

    def _render_saved(self, surface) -> None:
        m, th = self.m, self.theme
        r = Rect(m.px(160), m.px(80), m.w - m.px(320), m.h - m.px(300))
        ok = self.folder is not None
        draw_stack(surface, [Block("Your record is saved" if ok else "Your answers are kept",
                                   "bold", 64, 40, "table_ink", 30),
                             Block(self.saved_words, "regular", 36, 22, "table_ink", 24),
                             Block("Open the PDF to read it, print it or add it to your CPD "
                                   "log." if ok else "", "regular", 34, 22, "table_muted", 0)],
                   r, m.u, th)

    # -- input ---------------------------------------------------------------------------
    def _focus_order(self) -> list[str]:
        keys = [k for k, _, _ in self._buttons()]
        if self.page == "ask":
            return ["box", *keys[::-1]]  # the box, then Save first, Skip, Back
        return keys

    def _press(self, key: str) -> None:
        if key == "begin":
            self.begin()
        elif key == "later":
            self.done(False)
        elif key == "back":
            self.back()
        elif key == "skip":
            self.skip()
        elif key == "save":
            self.save()
        elif key == "open":
            self.open_folder()
        elif key == "done":
            self.done(True)

    def _key(self, event) -> None:
        order = self._focus_order()
        mods = getattr(event, "mod", 0)
        ctrl = mods & (pygame.KMOD_CTRL | pygame.KMOD_META)
        if self.page == "ask" and (event.key == pygame.K_PAGEDOWN or (
                event.key in (pygame.K_RETURN, pygame.K_KP_ENTER) and ctrl)):
            self.save()
            return
        if event.key == pygame.K_TAB:
            back = mods & pygame.KMOD_SHIFT
            self.focus = (self.focus + (-1 if back else 1)) % len(order)
            keyboard(self.box if self.wants_text else None)
            self.changed()
            return
        if self.wants_text:
            if self.box.handle(event):
                self.changed()
            return
        k = event.key
        if k in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE, pygame.K_F5,
                 pygame.K_PAGEDOWN):
            self._press(order[self.focus])
        elif k in (pygame.K_LEFT, pygame.K_UP, pygame.K_PAGEUP):
            self.focus = (self.focus - 1) % len(order)
            self.changed()
        elif k in (pygame.K_RIGHT, pygame.K_DOWN):
            self.focus = (self.focus + 1) % len(order)
            self.changed()

    def handle(self, event) -> None:
        if event.type == pygame.KEYDOWN:
            self._key(event)
            return
        if event.type in (pygame.TEXTINPUT, pygame.TEXTEDITING):
            if self.wants_text and self.box.handle(event):
                self.changed()
            return
        if event.type == pygame.MOUSEBUTTONDOWN and getattr(event, "button", 1) == 1:
            for key, _, r in self._buttons():
                if r.collidepoint(event.pos):
                    self._press(key)
                    return
            if self.page == "ask" and self.box.rect is not None \
                    and Rect(self.box.rect).collidepoint(event.pos):
                self.focus = FOCUS_BOX
                keyboard(self.box)
                self.box.handle(event)
                self.changed()
        elif event.type == pygame.MOUSEWHEEL and self.page == "ask" and self.box.handle(event):
            self.changed()


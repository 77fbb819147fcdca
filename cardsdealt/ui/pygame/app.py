"""The window's loop: one App owns the display, a stack of scenes, and the idle policy.

Idle policy: the app draws only when something changed (`dirty`) or moves (`animating`),
and sleeps in `clock.tick` at IDLE_FPS otherwise. (pygame-ce's `event.wait(timeout)` polls
every millisecond, about 3 % of a core; this loop measures well under 1 %.)

Global keys, whatever the screen: Esc pause menu, F11/F full screen, B or '.' blank screen,
H/?/F1 help. Closing the window asks nothing: typed text goes to `on_quit(draft)`.

The loop runs as it is (`App.run`) or under asyncio (`App.run_async`): the same turns with
one `await asyncio.sleep(0)` after each, the convention that browser builds of pygame
(pygbag and the like) need to hand the page its time. Opening the window and starting the
loop (`cardsdealt play`, `cardsdealt studio`) is launch.py's.

CARDSDEALT_FIRST_FRAME=PATH (set by tests/release and tools/release.py's smoke tests of a
built bundle): save the first frame drawn to PATH as a PNG and close at once.
"""

from __future__ import annotations

import asyncio
import os
import warnings
from typing import Callable

import pygame

from cardsdealt.render.theme import DEFAULT, Theme
from cardsdealt.ui.pygame.display import DisplayUnavailable
from cardsdealt.ui.pygame.keys import intent_for
from cardsdealt.ui.pygame.textbuffer import Draft

__all__ = ["App", "Draft", "DisplayUnavailable"]

IDLE_FPS = 20  # input is read 20 times a second when nothing moves
BUSY_FPS = 60
KEY_REPEAT = (450, 40)  # ms before a held key repeats, ms between repeats (pygame: none)

RELAYOUT_EVENTS = {pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED, pygame.WINDOWRESIZED,
                   pygame.WINDOWDISPLAYCHANGED, pygame.WINDOWEXPOSED, pygame.WINDOWRESTORED,
                   pygame.WINDOWMAXIMIZED, pygame.WINDOWSHOWN, pygame.VIDEOEXPOSE}


class App:
    def __init__(self, screen: pygame.Surface | None = None, theme: Theme = DEFAULT,
                 on_quit: Callable[[Draft | None], None] | None = None) -> None:
        self._screen = screen
        self.theme = theme
        self.on_quit = on_quit
        self.scenes: list = []
        self._results: dict[int, Callable] = {}
        self.dirty = True
        self.animating = False
        self.running = True
        self.fullscreen = bool(screen and screen.get_flags() & pygame.FULLSCREEN)
        self.windowed_size = screen.get_size() if screen else (1280, 720)
        self.frames = 0  # frames drawn (tests and the bench read it)
        self.quit_draft: Draft | None = None
        self.spare_layer: pygame.Surface | None = None  # a full-screen surface to reuse
        self.keys_down: set[int] = set()  # to drop the key repeats a held key makes
        self.session = None  # the Session being kept (cardsdealt.session), None: not saving
        self.preset = None  # how the session runs ("solo", "table", ...): set by args or scene
        self.status = ""  # a quiet line over every screen ("Not saved just now ...")
        self.tickers: list[Callable[[float], None]] = []  # run every turn (autosave, watch)
        # see every event first; True uses it up (facilitation.py: the presenter window)
        self.event_filters: list[Callable[[pygame.event.Event], bool]] = []
        if pygame.display.get_init():  # a held key repeats (Backspace, an arrow moving a pen)
            pygame.key.set_repeat(*KEY_REPEAT)

    # -- display -------------------------------------------------------------------------
    @property
    def screen(self) -> pygame.Surface:
        return pygame.display.get_surface() or self._screen

    @property
    def size(self) -> tuple[int, int]:
        return self.screen.get_size()

    def toggle_fullscreen(self) -> None:
        if not self.fullscreen:
            self.windowed_size = self.size
        try:
            with warnings.catch_warnings():  # "re-creating window" is expected, not news
                warnings.simplefilter("ignore")
                pygame.display.toggle_fullscreen()
        except pygame.error:  # drivers without it (dummy, some Wayland): open anew
            if self.fullscreen:
                pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)
            else:
                pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        self.fullscreen = not self.fullscreen
        self.dirty = True

    def resize(self, size: tuple[int, int]) -> None:
        """Follow a new window size (drivers that do not resize the surface themselves)."""
        size = (max(320, int(size[0])), max(240, int(size[1])))
        if self.size != size and not self.fullscreen:
            pygame.display.set_mode(size, pygame.RESIZABLE)
        self.dirty = True

    # -- scenes --------------------------------------------------------------------------
    @property
    def top(self):
        return self.scenes[-1] if self.scenes else None

    def hush(self) -> None:
        """Stop reading aloud: what was being read is no longer what is on screen."""
        speaker = getattr(self, "speaker", None)
        if speaker is not None:
            speaker.stop()

    def show(self, scene) -> None:
        """Replace every scene with `scene`."""
        self.hush()
        while self.scenes:
            self.scenes.pop().on_hide()
        self._results.clear()
        self.scenes.append(scene)
        scene.on_show()
        self.dirty = True

    def push(self, scene, on_result: Callable | None = None) -> None:
        if on_result is not None:
            self._results[id(scene)] = on_result
        self.hush()
        self.scenes.append(scene)
        scene.on_show()
        self.dirty = True

    def pop(self, scene, result=None) -> None:
        """Close `scene` (a modal) and give its result to whoever opened it."""
        if scene not in self.scenes:
            return
        self.hush()
        while self.scenes and self.scenes[-1] is not scene:
            self.scenes.pop().on_hide()
        self.scenes.pop()
        scene.on_hide()
        callback = self._results.pop(id(scene), None)
        self.dirty = True
        if self.top is not None:
            self.top.changed()
        if callback is not None:
            callback(result)

    def find(self, cls):
        for s in reversed(self.scenes):
            if isinstance(s, cls):
                return s
        return None

    # -- events --------------------------------------------------------------------------
    def handle(self, event: pygame.event.Event) -> None:
        if any(f(event) for f in list(self.event_filters)):
            return
        if event.type == pygame.QUIT:
            self.quit()
            return
        if event.type == pygame.DROPFILE:  # a picture for the studio, or a shared deck
            from cardsdealt.ui.pygame.drop import dropped

            dropped(self, event.file)
            return
        if event.type in RELAYOUT_EVENTS:
            if event.type == pygame.VIDEORESIZE:
                self.resize((event.w, event.h))
            self.dirty = True
            return
        top = self.top
        if top is None:
            return
        if self._is_repeat(event, top):
            return
        if getattr(top, "skip_animation", None) and top.skip_animation(event):
            return
        intent = intent_for(event, typing=top.wants_text)
        if intent == "fullscreen":
            self.toggle_fullscreen()
        elif intent == "blank" and not isinstance(top, _overlay_types()):
            from cardsdealt.ui.pygame.scenes.overlays import Blank

            self.push(Blank(self))
        elif intent == "help" and not isinstance(top, _overlay_types()):
            from cardsdealt.ui.pygame.scenes.overlays import Help

            self.push(Help(self))
        elif intent == "pause" and top.pausable:
            from cardsdealt.ui.pygame.scenes.overlays import PauseMenu

            self.push(PauseMenu(self))
        else:
            top.handle(event)

    def _is_repeat(self, event, top) -> bool:
        """A held key repeats (KEY_REPEAT; X11 sends more KEYDOWNs too): a held clicker
        button must not race through the cards. Typing keeps its repeats (holding Backspace
        deletes on), and so does a scene that asks for them (`wants_repeat`, True or asked of
        each key: the drawing's pen arrows)."""
        if event.type == pygame.KEYUP:
            self.keys_down.discard(event.key)
        elif event.type == pygame.WINDOWFOCUSLOST:
            self.keys_down.clear()
        elif event.type == pygame.KEYDOWN:
            wants = getattr(top, "wants_repeat", False)  # True, or asked of each key
            if event.key in self.keys_down and not top.wants_text \
                    and not (wants(event) if callable(wants) else wants):
                return True
            self.keys_down.add(event.key)
        return False

    def step(self, events, dt: float) -> None:
        """One turn of the loop: events, update, and a draw only if something changed."""
        for e in events:
            if not self.running:
                return
            self.handle(e)
        if not self.running:
            return
        for tick in list(self.tickers):
            tick(dt)
        self.animating = False
        if self.top is not None:
            self.top.update(dt)
        if self.dirty or self.animating:
            self.draw()

    def draw(self) -> None:
        screen = self.screen
        start = len(self.scenes) - 1
        while start > 0 and not self.scenes[start].opaque:
            start -= 1
        if not self.scenes:
            screen.fill(self.theme.table)
        for scene in self.scenes[max(0, start):]:
            scene.draw(screen)
        if self.status:
            from cardsdealt.ui.pygame.status import draw_status

            draw_status(screen, self.status, self.theme)
        pygame.display.flip()
        self.frames += 1
        self.dirty = False

    def draft(self) -> Draft | None:
        for s in reversed(self.scenes):
            d = s.draft()
            if d is not None:
                return d
        return None

    def set_status(self, text: str) -> None:
        if text != self.status:
            self.status = text
            self.dirty = True

    def quit(self) -> None:
        """Stop without asking; hand unsaved typed text to `on_quit` first."""
        if not self.running:
            return
        self.running = False
        self.quit_draft = self.draft()
        if self.on_quit is not None:
            self.on_quit(self.quit_draft)

    def run(self) -> int:
        clock = pygame.time.Clock()
        while self.running:
            self._turn(clock)
        return 0

    async def run_async(self) -> int:
        """`run` for an event loop that must get control back every frame (the browser)."""
        clock = pygame.time.Clock()
        while self.running:
            self._turn(clock)
            await asyncio.sleep(0)
        return 0

    def _turn(self, clock: pygame.time.Clock) -> None:
        fps = BUSY_FPS if (self.animating or self.dirty) else IDLE_FPS
        dt = min(clock.tick(fps), 250) / 1000
        self.step(pygame.event.get(), dt)
        if self.frames and _FIRST_FRAME:
            pygame.image.save(self.screen, _FIRST_FRAME)
            self.quit()


_FIRST_FRAME = os.environ.get("CARDSDEALT_FIRST_FRAME", "")


def _overlay_types():
    from cardsdealt.ui.pygame.scenes.overlays import Blank, Help

    return (Blank, Help)


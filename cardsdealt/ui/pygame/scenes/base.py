"""The scene contract and the shared behaviour of screens with a marker (focus).

A scene draws its whole picture into a cached layer when something changed (`changed()`), so
a frame where nothing moved is one blit, and the app does not even do that unless it is dirty.

Choosing with a clicker: Next moves the marker, Back moves it back; holding Next for
`HOLD_SECONDS`, F5 or Enter takes the marked item; number keys take an item at once.
"""

from __future__ import annotations

import pygame
from pygame import Rect

from cardsdealt.render.layout import Metrics, metrics
from cardsdealt.ui.pygame.keys import ADVANCE_KEYS, HOLD_SECONDS, intent_for


class Scene:
    opaque = True  # draws the whole screen (False: drawn over the scene below)
    wants_text = False  # True while a text box has the keyboard
    pausable = True  # Esc opens the pause menu
    name = "scene"

    def __init__(self, app) -> None:
        self.app = app
        self._layer: pygame.Surface | None = None
        self._layer_key = None
        self._version = 0

    # -- hooks ---------------------------------------------------------------------------
    def on_show(self) -> None:
        self.changed()

    def on_hide(self) -> None:
        if self._layer is not None and self.opaque:
            self.app.spare_layer = self._layer  # the next scene draws into it
        self._layer = None

    def handle(self, event: pygame.event.Event) -> None:
        intent = intent_for(event, typing=self.wants_text)
        if intent is not None:
            self.on_intent(intent, event)
        elif event.type in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEMOTION, pygame.MOUSEWHEEL):
            self.on_mouse(event)

    def on_intent(self, intent, event) -> None:
        pass

    def on_mouse(self, event) -> None:
        pass

    def update(self, dt: float) -> None:
        pass

    def draw(self, surface: pygame.Surface) -> None:
        key = (surface.get_size(), self._version)
        if self._layer is None or self._layer_key != key:
            if self._layer is None or self._layer.get_size() != surface.get_size():
                self._layer = self._new_layer(surface.get_size())
            elif not self.opaque:
                self._layer.fill((0, 0, 0, 0))
            self.render(self._layer)
            self._layer_key = key
        surface.blit(self._layer, (0, 0))
        self.draw_live(surface)

    def _new_layer(self, size) -> pygame.Surface:
        if not self.opaque:
            return pygame.Surface(size, pygame.SRCALPHA)
        spare = getattr(self.app, "spare_layer", None)
        if spare is not None and spare.get_size() == size:
            self.app.spare_layer = None
            return spare
        screen = pygame.display.get_surface()
        # the screen's own pixel format: no convert() (which costs ~10 ms at 1080p)
        return pygame.Surface(size, 0, screen) if screen else pygame.Surface(size)

    def render(self, surface: pygame.Surface) -> None:
        """Draw everything that does not move (called only after `changed()` or a resize)."""
        surface.fill(self.app.theme.table)

    def draw_live(self, surface: pygame.Surface) -> None:
        """Draw what moves (animations, a hold in progress) over the cached layer."""

    def draft(self):
        """Unsaved typed text, if this scene holds any (handed to on_quit)."""
        return None

    # -- helpers -------------------------------------------------------------------------
    def changed(self) -> None:
        self._version += 1
        self.app.dirty = True

    def restyle(self) -> None:
        """The theme, font or text size changed: forget every drawing made with the old one
        (subclasses that keep their own drawings drop them too, then call this)."""
        self._layer = None
        self.changed()

    @property
    def reduced_motion(self) -> bool:
        """The person asked for no animation: no deal, flip, slide or fade; show the end."""
        return bool(getattr(self.app, "reduced_motion", False))

    def speak(self, text: str) -> None:
        """Read `text` aloud when read-aloud is on (silently nothing otherwise)."""
        if getattr(self.app, "speaker", None) is None:
            return  # (prefs, and the settings file code, load only when there is a voice)
        from cardsdealt.ui.pygame.prefs import speak

        speak(self.app, text)

    @property
    def m(self) -> Metrics:
        return metrics(self.app.size)

    @property
    def theme(self):
        return self.app.theme


class Modal(Scene):
    """A scene shown over another that ends with a result (`done(result)`)."""

    opaque = False

    def done(self, result=None) -> None:
        self.app.pop(self, result)


class FocusScene(Scene):
    """A scene with items a marker moves over (choices, cards in hand, menu entries).

    Subclasses give `items()` (rects, in order) and `activate(i)`; `on_advance`/`on_back` run
    when Next/Back have nothing to move over.
    """

    focus_starts_empty = True  # cards: nothing is marked until Next is pressed
    focus: int | None = None

    def __init__(self, app) -> None:
        super().__init__(app)
        self.focus = None
        self._hold_key = None
        self._held = 0.0
        self._hold_fired = False
        self._travel = 0  # mouse movement since the last key press

    def items(self) -> list[Rect]:
        return []

    def activate(self, i: int) -> None:
        pass

    def on_advance(self) -> None:
        pass

    def on_back(self) -> None:
        pass

    def reset_focus(self) -> None:
        self.focus = None if self.focus_starts_empty or not self.items() else 0
        self._hold_key = None

    def move_focus(self, d: int) -> None:
        n = len(self.items())
        if n == 0:
            return
        if self.focus is None:
            self.focus = 0 if d > 0 else n - 1
        else:
            self.focus = (self.focus + d) % n
        self.changed()

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN:
            self._travel = 0
        if event.type == pygame.KEYUP and self._hold_key is not None \
                and event.key == self._hold_key:
            fired = self._hold_fired
            self._hold_key = None
            if not fired:
                self.move_focus(1)
            self.app.dirty = True
            return
        if event.type == pygame.KEYDOWN and self._hold_key is not None:
            self._finish_hold_as_tap()
        super().handle(event)

    def _finish_hold_as_tap(self) -> None:
        fired = self._hold_fired
        self._hold_key = None
        if not fired:
            self.move_focus(1)

    def on_intent(self, intent, event) -> None:  # noqa: C901 - a plain table of intents
        n = len(self.items())
        if intent == "advance":
            if n == 0:
                self.on_advance()
            elif self.focus is None:
                self.move_focus(1)
            elif event.key in ADVANCE_KEYS or event.key == pygame.K_PAGEDOWN:
                self._hold_key, self._held, self._hold_fired = event.key, 0.0, False
        elif intent == "focus_next":
            self.move_focus(1)
        elif intent in ("back", "focus_prev"):
            if n and self.focus is not None and (self.focus > 0 or intent == "focus_prev"):
                self.move_focus(-1)
            elif n and self.focus == 0 and self.focus_starts_empty:
                self.focus = None
                self.changed()
            elif intent == "back":
                self.on_back()
        elif intent in ("activate", "start"):
            if n and self.focus is not None:
                self.activate(self.focus)
            elif intent == "start" or n == 0:
                self.on_advance()
        elif isinstance(intent, tuple) and intent[0] == "choose":
            if 1 <= intent[1] <= n:
                self.focus = intent[1] - 1
                self.activate(intent[1] - 1)
        else:
            self.on_other_intent(intent, event)

    def on_other_intent(self, intent, event) -> None:
        pass

    def on_mouse(self, event) -> None:
        items = self.items()
        pos = getattr(event, "pos", None)
        if pos is None:
            return
        if event.type == pygame.MOUSEMOTION:
            rel = getattr(event, "rel", (0, 0))
            self._travel += abs(rel[0]) + abs(rel[1])
            if self._travel < 12:  # a resting mouse (or SDL's first report) moves nothing
                return
        for i, r in enumerate(items):
            if r.collidepoint(pos):
                if event.type == pygame.MOUSEMOTION and self.focus != i:
                    self.focus = i
                    self.changed()
                elif event.type == pygame.MOUSEBUTTONDOWN and getattr(event, "button", 1) == 1:
                    self.focus = i
                    self.activate(i)
                return
        if event.type == pygame.MOUSEBUTTONDOWN and getattr(event, "button", 1) == 1:
            self.on_click_elsewhere(pos)

    def on_click_elsewhere(self, pos) -> None:
        pass

    def update(self, dt: float) -> None:
        if self._hold_key is None or self._hold_fired:
            return
        before, self._held = self._held, self._held + dt
        if not self.reduced_motion:
            self.app.animating = True  # the bar fills smoothly
        elif before < 0.12 <= self._held:
            self.app.dirty = True  # reduced motion: one still mark says "holding", no filling
        if self._held >= HOLD_SECONDS and self.focus is not None:
            self._hold_fired = True
            self.activate(self.focus)

    def hold_progress(self) -> float:
        """0..1 while Next is held on a marked item (drawn as a filling bar)."""
        if self._hold_key is None or self._hold_fired or self._held < 0.12:
            return 0.0
        return min(1.0, self._held / HOLD_SECONDS)

    def draw_live(self, surface: pygame.Surface) -> None:
        p = self.hold_progress()
        if p <= 0 or self.focus is None:
            return
        if self.reduced_motion:
            p = 1.0
        items = self.items()
        if self.focus >= len(items):
            return
        r = items[self.focus]
        u = self.m.u
        bar = Rect(r.x, r.bottom + max(2, round(10 * u)), round(r.w * p), max(3, round(8 * u)))
        pygame.draw.rect(surface, self.theme.focus, bar, border_radius=4)

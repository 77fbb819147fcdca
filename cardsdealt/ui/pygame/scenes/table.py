"""What the two play screens share: the header line, a quiet notice line, and the ~300 ms
deal animation (the card slides in face down, then turns over). Any key or click during the
animation only finishes it, so a clicker press is never spent on something unseen."""

from __future__ import annotations

import pygame
from pygame import Rect

from cardsdealt.render.card_view import render_card_back
from cardsdealt.render.text import draw_text
from cardsdealt.ui.pygame.scenes.base import FocusScene

DEAL_SECONDS = 0.3


def _ease(t: float) -> float:
    return 1 - (1 - t) * (1 - t)


class TableScene(FocusScene):
    def __init__(self, app, table, game) -> None:
        super().__init__(app)
        self.table, self.game = table, game
        self.notice = ""
        self._anim_t: float | None = None  # seconds into the deal, None when still
        self._anim_key = None

    # -- animation -----------------------------------------------------------------------
    @property
    def dealing(self) -> bool:
        return self._anim_t is not None

    def start_deal(self) -> None:
        """A new card is shown: read it aloud (if asked) and deal it, or with reduced motion
        simply show it."""
        self.speak(self.spoken())
        self._anim_t = None if self.reduced_motion else 0.0
        self.changed()

    def spoken(self) -> str:
        """What read-aloud says for the card just shown (subclasses)."""
        return ""

    def restyle(self) -> None:
        self._anim_key = None
        self._face_key = None  # the card face (journey and classic keep one)
        getattr(self, "_hand_cache", {}).clear()
        super().restyle()

    def skip_animation(self, event) -> bool:
        if self._anim_t is None:
            return False
        if event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN):
            self._anim_t = None
            self.changed()
            return True
        return False

    def update(self, dt: float) -> None:
        if self._anim_t is not None:
            self._anim_t += dt
            self.app.animating = True
            if self._anim_t >= DEAL_SECONDS:
                self._anim_t = None
                self.changed()
            return
        super().update(dt)

    def deal_target(self) -> Rect:
        """Where the card lands (subclasses)."""
        return Rect(0, 0, 1, 1)

    def card_surface(self) -> pygame.Surface | None:
        """The finished card face at the target size (subclasses; cached by them)."""
        return None

    def draw_live(self, surface) -> None:
        if self._anim_t is None:
            super().draw_live(surface)
            return
        target = self.deal_target()
        face = self.card_surface()
        if face is None:
            return
        m = self.m
        t = min(1.0, self._anim_t / DEAL_SECONDS)
        if t < 0.5:  # slide in face down from the top right
            k = _ease(t * 2)
            x = round(m.w + (target.x - m.w) * k)
            y = round(-target.h // 3 + (target.y + target.h // 3) * k)
            back = self._back(target.size)
            surface.blit(back, (x, y))
        else:  # turn over: narrow to a line, then widen showing the face
            k = (t - 0.5) * 2
            width = max(1, round(target.w * abs(1 - 2 * k)))
            img = self._back(target.size) if k < 0.5 else face
            thin = pygame.transform.scale(img, (width, img.get_height()))
            surface.blit(thin, (target.centerx - width // 2, target.y))

    def _back(self, size) -> pygame.Surface:
        key = ("back", size)
        if self._anim_key != key:
            self._anim_key = key
            self._back_img = render_card_back(size, self.m.u, self.theme,
                                              self.game.deck.title)
        return self._back_img

    # -- shared drawing ------------------------------------------------------------------
    def menu_rect(self, header: Rect) -> Rect:
        """The one control a mouse or a finger needs: it opens the room menu (timer, notes,
        blank, help, back a step, break...). Small and quiet, at the header's right end."""
        m = self.m
        w, h = m.px(150), max(m.px(56), round(header.h * 0.8))
        return Rect(header.right - w, header.centery - h // 2, w, h)

    def draw_header(self, surface, header: Rect, left: str, right: str) -> None:
        from cardsdealt.render.draw import panel

        m, th = self.m, self.theme
        menu = self.menu_rect(header)
        panel(surface, menu, th, m.u, shadow=False, radius=14)
        draw_text(surface, "Menu", "bold", m.px(28), menu.center, th.table_muted,
                  anchor="center", max_w=menu.w - m.px(16))
        end = menu.x - m.px(24)
        rw = draw_text(surface, right, "regular", m.px(30), (end, header.centery),
                       th.table_muted, anchor="midright", max_w=header.w // 3).w
        draw_text(surface, left, "bold", m.px(40), (header.x, header.centery), th.table_ink,
                  anchor="midleft", max_w=end - header.x - rw - m.px(40))

    def on_mouse(self, event) -> None:
        """A right click anywhere, or a click on Menu, opens the room menu: every key of the
        room has a mouse and touch route there."""
        if event.type == pygame.MOUSEBUTTONDOWN:
            button = getattr(event, "button", 1)
            header = getattr(self.geom(), "header", None)
            on_menu = header is not None and self.menu_rect(header).collidepoint(event.pos)
            if button == 3 or (button == 1 and on_menu):
                from cardsdealt.ui.pygame.scenes.overlays import RoomMenu

                self.app.push(RoomMenu(self.app, self))
                return
        super().on_mouse(event)

    def say(self, text: str) -> None:
        self.notice = text
        self.changed()

    def act(self, fn, *a) -> bool:
        """Run an engine action; a refusal becomes a calm notice, never a crash."""
        from cardsdealt.engine import GameError

        try:
            fn(*a)
        except GameError as e:
            self.say(str(e))
            return False
        self.notice = ""
        acted = getattr(self.table, "acted", None)
        if acted is not None:
            acted(self.game)  # the session is saved after every accepted action
        return True

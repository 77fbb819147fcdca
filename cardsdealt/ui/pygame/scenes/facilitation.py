"""What a trainer running a room needs beyond the game, kept on the app (not on one screen):
the discussion timer, the presenter window, and the window events that come with two windows.

Installed by the play screens the first time one is shown (`install(app)`); it runs on the
app's `tickers` (every turn of the loop) and `event_filters` (every event, first), so the
timer keeps time under the blank screen or the help, and the presenter window follows.
"""

from __future__ import annotations

import pygame

from cardsdealt.ui.pygame import presenter as P
from cardsdealt.ui.pygame.timer import DiscussionTimer, soft_chime


class Facilitation:
    def __init__(self, app) -> None:
        self.app = app
        self.timer = DiscussionTimer()
        self._deck_id: str | None = None
        self.presenter: P.PresenterWindow | None = None
        self.presenter_size: tuple[int, int] | None = None  # tests: a fixed size
        self.problem = ""  # why the presenter window could not open (shown once)

    # -- the timer -------------------------------------------------------------------------
    def timer_for(self, deck) -> DiscussionTimer:
        """The timer, set to the deck's discussion length the first time a deck is played
        (a length changed with + and - is kept for the rest of that deck's session)."""
        deck_id = getattr(deck, "id", None)
        if deck_id != self._deck_id:
            self._deck_id = deck_id
            self.timer = DiscussionTimer.for_deck(deck)
        return self.timer

    def held(self) -> bool:
        """The pause menu or a break is open: the discussion's time waits with the game, and
        goes on by itself when the room comes back (no T needed)."""
        from cardsdealt.ui.pygame.scenes.overlays import Break, PauseMenu

        return any(isinstance(s, (Break, PauseMenu)) for s in self.app.scenes)

    def tick(self, dt: float) -> None:
        t = self.timer
        if t.running and self.held():
            dt = 0.0
        if t.tick(dt):
            self.app.dirty = True
            if t.finished and not t.chimed:
                t.chimed = True
                soft_chime()
        if self.presenter is not None:
            self.presenter.tick(dt)
            self.presenter.maybe_draw(force=False)

    # -- the presenter window --------------------------------------------------------------
    def open_presenter(self) -> bool:
        if self.presenter is not None:
            return True
        try:
            self.presenter = P.PresenterWindow(self.app, size=self.presenter_size)
        except (pygame.error, AttributeError, TypeError, ValueError) as e:
            self.problem = f"The presenter window could not open ({e})."
            self.presenter = None
            return False
        self.presenter.maybe_draw(force=True)
        self.app.dirty = True
        return True

    def close_presenter(self) -> None:
        if self.presenter is not None:
            self.presenter.close()
            self.presenter = None
            self.app.dirty = True

    def toggle_presenter(self) -> None:
        if self.presenter is None:
            self.open_presenter()
        else:
            self.close_presenter()

    def notes_forward(self) -> bool:
        """N with the presenter window open: the notes larger there (or back to the usual
        view), never on the projector. False: no presenter window, the caller shows them."""
        pres = self.presenter
        if pres is None:
            return False
        pres.toggle_notes()
        pres.maybe_draw(force=False)
        return True

    @property
    def presenting(self) -> bool:
        """True while a presenter window shows what is only for the trainer."""
        return self.presenter is not None

    # -- events ----------------------------------------------------------------------------
    def filter(self, event) -> bool:
        """Look at every event first. True: it was the presenter window's, and is used up."""
        pres = self.presenter
        kind = event.type
        if kind == pygame.WINDOWCLOSE:
            if pres is not None and pres.owns(event):
                self.close_presenter()
                return True
            if pres is not None:  # the main window: with two windows SDL sends no QUIT
                self.close_presenter()
                self.app.quit()
                return True
            return False
        if kind == pygame.KEYDOWN and self._break_key(event):
            return True
        if pres is None:
            return False
        if pres.owns(event):
            if kind in (pygame.KEYDOWN, pygame.KEYUP, pygame.TEXTINPUT, pygame.TEXTEDITING):
                return False  # keys typed with the presenter window in front work as usual
            if kind in (pygame.WINDOWRESIZED, pygame.WINDOWSIZECHANGED, pygame.WINDOWEXPOSED,
                        pygame.WINDOWSHOWN, pygame.WINDOWRESTORED, pygame.WINDOWMAXIMIZED):
                pres.maybe_draw(force=True)
            return True  # clicks there are not clicks on the card table
        if kind == pygame.WINDOWDISPLAYCHANGED:
            pres.follow(getattr(event, "display_index", 0))
        if kind == pygame.VIDEORESIZE and _presenter_resize(event, pres):
            pres.maybe_draw(force=True)
            return True  # SDL says VIDEORESIZE for any window: the main one must not follow
        return False

    def _break_key(self, event) -> bool:
        """K: the calm break screen from wherever the game is (one key, never a clicker's)."""
        from cardsdealt.ui.pygame.keys import intent_for
        from cardsdealt.ui.pygame.scenes.overlays import Blank, Break, Help

        app, top = self.app, self.app.top
        if top is None or event.key in app.keys_down:
            return False
        if intent_for(event, typing=top.wants_text) != "break" \
                or isinstance(top, (Blank, Break, Help)):
            return False
        app.keys_down.add(event.key)  # a held K does not close it again
        app.push(Break(app))  # the timer waits while it is open (see `held`)
        return True

    def close(self) -> None:
        self.close_presenter()


def _presenter_resize(event, pres) -> bool:
    """A VIDEORESIZE (it names no window) that is the presenter's, not the main window's."""
    size = (getattr(event, "w", 0), getattr(event, "h", 0))
    try:
        main = pygame.display.get_window_size()
    except pygame.error:
        return False
    return size == tuple(pres.window.size) and size != tuple(main)


def install(app) -> Facilitation:
    """The app's Facilitation, made on first use. With two screens (or CARDSDEALT_PRESENTER=1)
    the presenter window opens with it."""
    fac = getattr(app, "facilitation", None)
    if fac is not None:
        return fac
    fac = Facilitation(app)
    app.facilitation = fac
    tickers = getattr(app, "tickers", None)
    if tickers is not None:
        tickers.append(fac.tick)
    filters = getattr(app, "event_filters", None)
    if filters is not None:
        filters.append(fac.filter)
    if P.wanted():
        fac.open_presenter()
    return fac


def get(app) -> Facilitation | None:
    return getattr(app, "facilitation", None)

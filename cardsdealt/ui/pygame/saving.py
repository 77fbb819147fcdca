"""Keeping the session while the window plays: a save after every accepted action, the
reflection being typed every few seconds and when the window closes.

Why here and not in the scenes: every engine action of every scene already goes through one
place (`TableScene.act` -> `Table.acted`), so a new scene is saved without knowing about it.
A failed save (full disk, a file held by antivirus) never stops play and never touches the
words on screen: a calm line says "not saved just now", and the session library keeps the
step and writes it with the next save that works.
"""

from __future__ import annotations

import sys

from cardsdealt.engine.presets import session_kind

DRAFT_SECONDS = 3.0  # the reflection being typed is kept this often (only when it changed)


def not_saved_words(error: Exception) -> str:
    from cardsdealt.session import DiskFullError

    why = "the disk is full" if isinstance(error, DiskFullError) else \
        "the file could not be written"
    return f"Not saved just now: {why}. Your last save is safe; play on, it tries again."


class Keeper:
    """The app's link to the session store. With no store (--no-save, --watch) it does
    nothing and `app.session` stays None."""

    def __init__(self, app, store=None) -> None:
        self.app, self.store = app, store
        self._since_draft = 0.0
        app.session = None
        app.tickers.append(self.tick)

    @property
    def session(self):
        return self.app.session

    # -- starting --------------------------------------------------------------------------
    def start(self, deck, game, preset: str | None) -> None:
        """A new session for a new game (a restart starts another; the old one is kept)."""
        self.app.session = None
        if self.store is None:
            return
        from cardsdealt.session import SessionError

        try:
            self.app.session = self.store.start(deck, game, kind=session_kind(preset),
                                                preset=preset)
        except (SessionError, OSError) as e:
            self._failed(e)
            return
        self._ok()

    def adopt(self, session) -> None:
        """Carry on a resumed session (with --no-save it is shown, not written to)."""
        if self.store is None:
            return
        self.app.session = session
        self._ok()

    # -- saving ----------------------------------------------------------------------------
    def saved(self, game) -> None:
        """After every accepted engine action."""
        if self.session is None:
            return
        from cardsdealt.session import SessionError

        try:
            self.session.save(game)
        except (SessionError, OSError) as e:
            self._failed(e)
        else:
            self._ok()

    def save_meta(self, **fields) -> None:
        """Keep what a play screen needs to carry on as it was (the interview: its cards and
        the one it is on); engine actions are saved by `saved`, this is for what is not one.
        Unchanged values are not written again."""
        if self.session is None:
            return
        from cardsdealt.session import SessionError

        try:
            self.session.save_meta(**fields)
        except (SessionError, OSError) as e:
            self._failed(e)
        else:
            self._ok()

    def tick(self, dt: float) -> None:
        if self.session is None:
            return
        self._since_draft += dt
        if self._since_draft >= DRAFT_SECONDS:
            self._since_draft = 0.0
            self.save_draft()

    def save_draft(self, draft=None, quitting: bool = False) -> None:
        """Keep the reflection being typed (unchanged text is not written again)."""
        if self.session is None:
            return
        from cardsdealt.session import SessionError

        draft = draft if draft is not None else reflection_draft(self.app)
        text = draft.text if draft is not None else ""
        prompt = draft.prompt_id if draft is not None else None
        try:
            self.session.save_draft(text, prompt)
        except (SessionError, OSError) as e:
            self._failed(e)
            if quitting:  # the window is going: say it where it can still be read
                print(f"Your last words could not be saved: {e}", file=sys.stderr)
        else:
            self._ok()

    def quit(self) -> None:
        """The window is closing: keep what is typed in the reflection box, if anything."""
        self.save_draft(quitting=True)

    # -- telling ---------------------------------------------------------------------------
    def _failed(self, error: Exception) -> None:
        self.app.set_status(not_saved_words(error))

    def _ok(self) -> None:
        if self.app.status.startswith("Not saved"):
            self.app.set_status("")


def reflection_draft(app):
    """The words typed in an open reflection box (drafts of other boxes, such as a
    facilitator's notes, are not reflection drafts)."""
    for scene in reversed(app.scenes):
        d = scene.draft()
        if d is not None and d.prompt_id is not None:
            return d
    return None

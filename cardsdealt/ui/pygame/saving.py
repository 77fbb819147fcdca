"""Keeping the session while the window plays: a save after every accepted action, the
reflection being typed every few seconds and when the window closes.

The saving itself is the session adapter both front ends share (session/keeper.py); this is
its window side. Why here and not in the scenes: every engine action of every scene already
goes through one place (`TableScene.act` -> `Table.acted`), so a new scene is saved without
knowing about it. A failed save (full disk, a file held by antivirus) never stops play and
never touches the words on screen: a calm line says "not saved just now", and the session
library keeps the step and writes it with the next save that works.
"""

from __future__ import annotations

import sys

from cardsdealt.session.keeper import SessionKeeper, not_saved_words

__all__ = ["DRAFT_SECONDS", "Keeper", "not_saved_words", "reflection_draft"]

DRAFT_SECONDS = 3.0  # the reflection being typed is kept this often (only when it changed)


class Keeper(SessionKeeper):
    """The session adapter (session/keeper.py) on the app: the session is `app.session`, a
    failed save is a calm line on the status bar, and the reflection being typed is kept
    every few seconds and when the window closes."""

    def __init__(self, app, store=None) -> None:
        self.app = app
        super().__init__(store, on_problem=app.set_status, on_ok=self._ok)
        self._since_draft = 0.0
        app.session = None
        app.tickers.append(self.tick)

    @property
    def session(self):
        return self.app.session

    @session.setter
    def session(self, value) -> None:
        self.app.session = value

    def tick(self, dt: float) -> None:
        if self.session is None:
            return
        self._since_draft += dt
        if self._since_draft >= DRAFT_SECONDS:
            self._since_draft = 0.0
            self.save_draft()

    def save_draft(self, draft=None, quitting: bool = False) -> None:  # type: ignore[override]
        """Keep the reflection being typed (unchanged text is not written again)."""
        if self.session is None:
            return
        draft = draft if draft is not None else reflection_draft(self.app)
        text = draft.text if draft is not None else ""
        prompt = draft.prompt_id if draft is not None else None
        error = super().save_draft(text, prompt)
        if error is not None and quitting:  # the window is going: say it where it can be read
            print(f"Your last words could not be saved: {error}", file=sys.stderr)

    def quit(self) -> None:
        """The window is closing: keep what is typed in the reflection box, if anything."""
        self.save_draft(quitting=True)

    def _ok(self) -> None:
        if self.app.status.startswith(("Not saved", "Read-only")):  # saved again now
            self.app.set_status("")


def reflection_draft(app):
    """The words typed in an open reflection box (drafts of other boxes, such as a
    facilitator's notes, are not reflection drafts)."""
    for scene in reversed(app.scenes):
        d = scene.draft()
        if d is not None and d.prompt_id is not None:
            return d
    return None

"""One session adapter for every front end: it keeps a game's session while it is played.

The front end calls `start` (a new game) or `adopt` (a resumed one), then `saved(game)` after
every accepted engine action (it is an observer of the game: `after_action(game, events)`
fits it), `save_draft` for words being typed and `save_meta` for what a screen needs to carry
on as it was. The preset decides how the session is kept (`engine/presets.py session_kind`).

It never raises and never stops play: a failed save (full disk, a file held by antivirus)
calls `on_problem(words)` with a calm sentence to show (the window's status line, a line on
the terminal's stderr), and the session library keeps the step and writes it with the next
save that works; `on_ok()` is called after each save that works. With no store (--no-save,
--watch) it does nothing and `session` stays None.
"""

from __future__ import annotations

from typing import Any, Callable

from cardsdealt.engine.presets import session_kind
from cardsdealt.session.files import DiskFullError, SessionError


def not_saved_words(error: Exception) -> str:
    why = "the disk is full" if isinstance(error, DiskFullError) else \
        "the file could not be written"
    return f"Not saved just now: {why}. Your last save is safe; play on, it tries again."


class SessionKeeper:
    def __init__(self, store: Any = None, on_problem: Callable[[str], None] | None = None,
                 on_ok: Callable[[], None] | None = None) -> None:
        self.store = store
        self._session: Any = None
        self.on_problem = on_problem or (lambda words: None)
        self.on_ok = on_ok or (lambda: None)

    @property
    def session(self) -> Any:
        return self._session

    @session.setter
    def session(self, value: Any) -> None:
        self._session = value

    # -- starting --------------------------------------------------------------------------
    def start(self, deck: Any, game: Any, preset: str | None) -> None:
        """A new session for a new game (a restart starts another; the old one is kept)."""
        self.session = None
        if self.store is None:
            return
        try:
            self.session = self.store.start(deck, game, kind=session_kind(preset),
                                            preset=preset)
        except (SessionError, OSError) as e:
            self._failed(e)
            return
        self.on_ok()

    def adopt(self, session: Any) -> None:
        """Carry on a resumed session (with no store it is shown, not written to)."""
        if self.store is None:
            return
        self.session = session
        self.on_ok()

    # -- saving ----------------------------------------------------------------------------
    def saved(self, game: Any, _events: object = None) -> None:
        """After every accepted engine action."""
        if self.session is not None:
            self._try(lambda: self.session.save(game))

    def save_meta(self, **fields: object) -> None:
        """What a screen needs to carry on as it was (the interview: its cards and the one it
        is on); unchanged values are not written again."""
        if self.session is not None:
            self._try(lambda: self.session.save_meta(**fields))

    def save_draft(self, text: str, prompt_id: str | None) -> Exception | None:
        """The words being typed (unchanged text is not written again). The error, if the
        save failed (the caller may say it again where it can still be read)."""
        if self.session is None:
            return None
        return self._try(lambda: self.session.save_draft(text, prompt_id))

    def _try(self, write: Callable[[], object]) -> Exception | None:
        try:
            write()
        except (SessionError, OSError) as e:
            self._failed(e)
            return e
        self.on_ok()
        return None

    def _failed(self, error: Exception) -> None:
        self.on_problem(not_saved_words(error))

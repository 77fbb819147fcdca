"""One sitting in the studio: the deck being made (`authoring.studio.StudioDeck`), the folder
it is saved in, the screens opened on the way (Esc goes back along them) and what the
status line says.

Every change goes through `Studio.edit`: the deck is changed, then what changed is handed to
the `DeckSaver` (it writes on its own thread, each file atomically), so a change is on disk
a moment after it is made and the status line says "Saved". Typing is handed over when it
pauses (SAVE_PAUSE) and at least every SAVE_AT_MOST seconds while it goes on, since writing
a card file out as YAML takes longer than a frame; anything else (adding, deleting, undo,
leaving a screen, closing the window) is handed over at once. So a window closed or killed
mid-word loses at most the last SAVE_AT_MOST seconds of typing. What the deck refuses (a number
that is not a number, a fifth choice) is said in the deck's own plain words on the field.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from cardsdealt.authoring.studio import StudioDeck, StudioError

if TYPE_CHECKING:
    from cardsdealt.session.decks import DeckSaver

ADVICE_PAUSE = 0.35  # s after the last keystroke before check's advice is worked out again
SAVE_PAUSE = 0.3  # typing is saved this long after the last keystroke...
SAVE_AT_MOST = 1.2  # ...and never later than this after the first unsaved one


class Studio:
    def __init__(self, app, table, leave_to_start: bool = True) -> None:
        self.app = app
        self.table = table  # flow.Table: lists and plays the deck
        self.leave_to_start = leave_to_start  # False (`cardsdealt studio`): Back closes
        self.doc: StudioDeck | None = None
        self.folder: Path | None = None
        self.saver: DeckSaver | None = None
        self.screens: list = []
        self.saved_at: float | None = None
        self.advice_due: float | None = None
        self.note = ""  # one line for the status ("Card deleted. Undo brings it back.")
        self.unsaved_since: float | None = None  # typing not yet handed to the saver
        self._advice_done: dict[str, list[str]] | None = None
        self.save_due = 0.0
        app.event_filters.append(self._closing)

    # -- the deck ----------------------------------------------------------------------
    def open_deck(self, doc: StudioDeck, folder: Path, new: bool = False) -> None:
        from cardsdealt.session.decks import DeckSaver

        self.close_deck()
        self.doc, self.folder = doc, Path(folder)
        self.saver = DeckSaver(self.folder)
        if new:  # a new deck is on disk at once, so it is never lost
            self.saver.save(dict(doc.files()))
            doc.mark_saved()
            self.saved_at = time.monotonic()

    def close_deck(self) -> None:
        self.save_now()
        if self.saver is not None:
            self.saver.close(5.0)
        self.saver = None

    def flush(self, timeout: float = 5.0) -> bool:
        """Everything changed so far on disk (True), or the saver's error says why not."""
        self.save_now()
        return self.saver.flush(timeout) if self.saver is not None else True

    def _closing(self, event) -> bool:
        import pygame

        if event.type == pygame.QUIT:
            self.flush(3.0)  # the window is closing: the last words typed go to disk first
        return False

    @property
    def root(self) -> str:
        return str(self.folder) if self.folder else ""

    # -- changing ----------------------------------------------------------------------
    def edit(self, screen, change: Callable[[Any], Any], value: Any) -> bool:
        """Make one change and save it; a refusal is shown on the marked field."""
        try:
            change(value)
        except StudioError as e:
            screen.refused(str(e))
            return False
        screen.refused("")
        now = time.monotonic()
        if self.doc is not None:  # (the new deck's name is not a deck yet)
            if self.unsaved_since is None:
                self.unsaved_since = now
            self.save_due = min(now + SAVE_PAUSE, self.unsaved_since + SAVE_AT_MOST)
        self.advice_due = now + ADVICE_PAUSE
        screen.edited()
        return True

    def act(self, screen, change: Callable[[], Any]) -> Any:
        """A change that adds, removes or moves something (the screen is read again)."""
        try:
            out = change()
        except StudioError as e:
            screen.refused(str(e))
            return None
        self.saved()
        screen.rebuild()
        return out

    def saved(self) -> None:
        """Hand every change so far to the saver now."""
        self.save_now()
        self.advice_due = time.monotonic() + ADVICE_PAUSE

    def save_now(self) -> None:
        self.unsaved_since = None
        if self.doc is None or self.saver is None:
            return  # (the new deck's name, before there is a deck)
        changed = self.doc.changed_files()
        if changed:
            self.saver.save(changed)
            self.doc.mark_saved()
            self.saved_at = time.monotonic()
        self.app.dirty = True

    def undo(self, screen) -> None:
        if self.doc is not None and self.doc.undo():
            self.note = "Undone."
            self._after_history()

    def redo(self, screen) -> None:
        if self.doc is not None and self.doc.redo():
            self.note = "Done again."
            self._after_history()

    def _after_history(self) -> None:
        self.saved()
        top = self.screens[-1] if self.screens else None
        while top is not None and top.gone() and len(self.screens) > 1:
            self.screens.pop()
            top = self.screens[-1]
        if top is not None:
            if top is not self.app.top:
                self.app.show(top)
            top.rebuild()

    def status_words(self) -> str:
        if self.saver is not None and self.saver.error:
            return "Not saved: see the message"
        if self.unsaved_since is not None:
            return "Saving…"
        if self.note:
            return self.note
        return "Saved" if self.saved_at is not None else ""

    # -- screens -----------------------------------------------------------------------
    def open(self, screen) -> None:
        self.save_now()
        self.screens.append(screen)
        self.app.show(screen)

    def leave(self, screen) -> None:
        """Back from `screen` to the one before it (from the first: out of the studio)."""
        self.save_now()
        if screen in self.screens:
            self.screens = self.screens[:self.screens.index(screen)]
        self.note = ""
        if self.screens:
            self.app.show(self.screens[-1])
            return
        self.close_deck()
        if self.folder is not None:
            self.table.add_deck(self.folder)  # the start screen lists it as it is now
        if self.leave_to_start:
            self.table.start()
        else:
            self.app.quit()

    def _start_advice(self, job: Callable[[], dict[str, list[str]]]) -> None:
        """check and lint on another thread (a big deck takes most of a second), so typing
        never waits for them; the answer is shown when it comes (tick)."""
        def run() -> None:
            try:
                self._advice_done = job()
            except Exception:  # noqa: BLE001 - advice is a help: a failure shows none
                self._advice_done = {}

        threading.Thread(target=run, name="studio-advice", daemon=True).start()

    def tick(self, dt: float) -> None:
        """Every turn: typing saved once it pauses; check's advice then too; a saving problem
        said once."""
        if self.unsaved_since is not None and time.monotonic() >= self.save_due:
            self.save_now()
        if self.advice_due is not None and time.monotonic() >= self.advice_due \
                and self.unsaved_since is None and self.doc is not None:
            self.advice_due = None
            self.doc.load(self.root)  # a fresh deck for the previews (doc.preview)
            self._start_advice(self.doc.advice_job(self.root))
        done, self._advice_done = self._advice_done, None
        if done is not None and self.advice_due is None:
            top = self.app.top
            if top in self.screens:
                top.advise(done)
        if self.saver is not None and self.saver.error and not getattr(self, "_told", False):
            self._told = True
            from cardsdealt.ui.pygame.scenes.message import Message

            self.app.push(Message(self.app, "This change is not saved", self.saver.error,
                                  ok="Carry on"))

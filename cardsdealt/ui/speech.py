"""Read-aloud, optional: card words, choices and prompts spoken by an offline text-to-speech
engine when one is installed (pyttsx3, which drives espeak-ng on Linux, SAPI5 on Windows and
NSSpeechSynthesizer on macOS). Where none is installed or it fails to start, every call is a
silent no-op: reading aloud is a help, never a reason for the game to stop.

Speaking runs on a worker thread so the window never waits for a sentence to finish; a new
sentence interrupts the one before (a trainer moving on should not hear the old card).
"""

from __future__ import annotations

import queue
import threading
from typing import Callable


class Speaker:
    """`say(text)` speaks (interrupting), `stop()` is quiet; `available` tells if it can."""

    def __init__(self, engine_factory: Callable[[], object] | None = None):
        self._factory = engine_factory or _pyttsx3_engine
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._engine = None
        self.available = False
        self.problem = ""
        try:
            self._engine = self._factory()
            self.available = self._engine is not None
        except Exception as e:  # noqa: BLE001 - any engine failure means "no speech"
            self.problem = f"{type(e).__name__}: {e}"
            self._engine = None

    def say(self, text: str) -> None:
        if not self.available or not text.strip():
            return
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="read-aloud", daemon=True)
            self._thread.start()
        self._drain()
        self._queue.put(text)

    def stop(self) -> None:
        self._drain()
        if self.available:
            try:
                self._engine.stop()
            except Exception:  # noqa: BLE001
                pass

    def close(self) -> None:
        if self._thread is not None:
            self._drain()
            self._queue.put(None)

    def _drain(self) -> None:
        try:
            while True:
                self._queue.get_nowait()
        except queue.Empty:
            pass

    def _run(self) -> None:
        while True:
            text = self._queue.get()
            if text is None:
                return
            try:
                self._engine.say(text)
                self._engine.runAndWait()
            except Exception as e:  # noqa: BLE001 - stop speaking, keep playing
                self.problem = f"{type(e).__name__}: {e}"
                self.available = False
                return


def _pyttsx3_engine():
    try:
        import pyttsx3  # optional: `pip install pyttsx3` and an OS speech engine
    except ImportError:
        return None
    return pyttsx3.init()


def card_script(card, choices=()) -> str:
    """What is read for a card: title, words, then the numbered choices."""
    parts = [card.title + ".", card.words]
    for i, ch in enumerate(choices, 1):
        parts.append(f"Choice {i}: {ch.label}.")
    return " ".join(p for p in parts if p)

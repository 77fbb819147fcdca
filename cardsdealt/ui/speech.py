"""Read-aloud, optional: card words, choices, responses and prompts spoken by this computer's
own voice. Nothing leaves the computer.

Which voice (`system_engine`):
- Linux and other Unixes: the `espeak-ng` (or `espeak`) program, which plays the sound
  itself. (pyttsx3's espeak driver plays through `aplay`, which a stock Debian does not have,
  so it was silent there; calling the program directly needs only `apt install espeak-ng`.)
- macOS: the built-in `say` program.
- Windows: pyttsx3 (SAPI5) when installed, otherwise the built-in System.Speech voice through
  PowerShell.
Where none is found, every call is a silent no-op and `problem` says why in words: reading
aloud is a help, never a reason for the game to stop.

Speaking runs on a worker thread so the window never waits for a sentence; a new sentence, and
`stop()`, cut the one being spoken (a trainer moving on must not hear the old card). A program
voice is a child process that is simply ended. The text goes in on standard input, never on a
command line.

`CARDSDEALT_SPEECH_CAPTURE=<folder>` sends each sentence to `<folder>/NNN.wav` instead of the
speakers, written at the pace it would be heard, so a cut sentence leaves a short file (used
by the tests, and to check a voice on a machine with no sound).
"""

from __future__ import annotations

import os
import queue
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Callable, Protocol


class Engine(Protocol):  # pyttsx3's shape, which the program voices below follow
    def say(self, text: str) -> None: ...
    def runAndWait(self) -> None: ...  # noqa: N802 - pyttsx3's name
    def stop(self) -> None: ...


class Speaker:
    """`say(text)` speaks (cutting what was being said), `stop()` is quiet; `available` tells
    whether there is a voice, and `problem` why not."""

    def __init__(self, engine_factory: Callable[[], Engine | None] | None = None):
        self._factory = engine_factory or system_engine
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._engine: Engine | None = None
        self.available = False
        self.problem = ""
        try:
            self._engine = self._factory()
            self.available = self._engine is not None
            if not self.available:
                self.problem = no_voice_reason()
        except Exception as e:  # noqa: BLE001 - any engine failure means "no speech"
            self.problem = f"{type(e).__name__}: {e}"
            self._engine = None

    def say(self, text: str) -> None:
        if not self.available or not text.strip():
            return
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="read-aloud", daemon=True)
            self._thread.start()
        self.stop()
        self._queue.put(text)

    def stop(self) -> None:
        self._drain()
        if self.available and self._engine is not None:
            try:
                self._engine.stop()
            except Exception:  # noqa: BLE001 - a voice that can't stop is left to finish
                pass

    def close(self) -> None:
        if self._thread is not None:
            self.stop()
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
            engine = self._engine
            if engine is None:
                return
            try:
                engine.say(text)
                engine.runAndWait()
            except Exception as e:  # noqa: BLE001 - stop speaking, keep playing
                self.problem = f"{type(e).__name__}: {e}"
                self.available = False
                return


class ProgramVoice:
    """A voice that is a program reading standard input (espeak-ng, say, PowerShell).
    `runAndWait` runs it for the last `say`; `stop` (from any thread) ends it."""

    def __init__(self, argv: list[str], capture: Path | None = None,
                 wav_argv: list[str] | None = None) -> None:
        self.argv = argv
        self.capture = capture  # a folder: sentences become paced WAV files there
        self.wav_argv = wav_argv  # the same program writing a WAV to standard output
        self._text = ""
        self._proc: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()
        self._stopped = threading.Event()
        self.count = 0

    def say(self, text: str) -> None:
        self._text = text

    def runAndWait(self) -> None:  # noqa: N802 - pyttsx3's name
        self._stopped.clear()
        capturing = self.capture is not None and self.wav_argv is not None
        argv = self.wav_argv if capturing and self.wav_argv else self.argv
        flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)
        with self._lock:
            self._proc = subprocess.Popen(
                argv, stdin=subprocess.PIPE, creationflags=flags,
                stdout=subprocess.PIPE if capturing else subprocess.DEVNULL,
                stderr=subprocess.DEVNULL)
        proc = self._proc
        if self._stopped.is_set():  # stopped while it was starting
            proc.kill()
        try:
            assert proc.stdin is not None
            proc.stdin.write(self._text.encode("utf-8", "replace"))
            proc.stdin.close()
        except OSError:
            pass  # stopped before it read the words
        if capturing:
            self._paced_copy(proc)
        proc.wait()
        with self._lock:
            self._proc = None

    def _paced_copy(self, proc: subprocess.Popen[bytes]) -> None:
        """Copy the voice's WAV to the next capture file no faster than it would be heard,
        so that `stop()` mid-sentence leaves the part that was 'heard' so far."""
        assert self.capture is not None and proc.stdout is not None
        self.capture.mkdir(parents=True, exist_ok=True)
        self.count += 1
        path = self.capture / f"{self.count:03d}.wav"
        rate = 22050 * 2  # espeak-ng's 16-bit mono at 22,050 Hz, in bytes a second
        start, sent = time.monotonic(), 0
        with open(path, "wb") as out:
            while not self._stopped.is_set():
                chunk = proc.stdout.read(rate // 20)
                if not chunk:
                    break
                out.write(chunk)
                out.flush()
                sent += len(chunk)
                ahead = sent / rate - (time.monotonic() - start)
                if ahead > 0:
                    self._stopped.wait(ahead)

    def stop(self) -> None:
        self._stopped.set()
        with self._lock:
            proc = self._proc
        if proc is not None and proc.poll() is None:
            try:
                proc.kill()
            except OSError:
                pass


def system_engine() -> Engine | None:
    """This computer's own voice, or None (then `no_voice_reason()` says why)."""
    capture = os.environ.get("CARDSDEALT_SPEECH_CAPTURE")
    cap = Path(capture) if capture else None
    if sys.platform == "darwin" and shutil.which("say"):
        return ProgramVoice(["say", "-f", "-"])
    if sys.platform == "win32":
        engine = _pyttsx3_engine()
        if engine is not None:
            return engine
        ps = shutil.which("powershell") or shutil.which("pwsh")
        if ps:
            script = ("Add-Type -AssemblyName System.Speech; "
                      "(New-Object System.Speech.Synthesis.SpeechSynthesizer)"
                      ".Speak([Console]::In.ReadToEnd())")
            return ProgramVoice([ps, "-NoProfile", "-NonInteractive", "-Command", script])
        return None
    for name in ("espeak-ng", "espeak"):
        exe = shutil.which(name)
        if exe:
            return ProgramVoice([exe, "--stdin"], capture=cap,
                                wav_argv=[exe, "--stdin", "--stdout"])
    return None


def no_voice_reason() -> str:
    """Why there is no voice, in words a trainer can act on."""
    if sys.platform == "win32":
        return "Windows' own voice could not be started (PowerShell was not found)."
    if sys.platform == "darwin":
        return "macOS's own voice (the say program) was not found."
    return ("To have it, ask for the espeak-ng package to be installed (on Debian or "
            "Ubuntu: sudo apt install espeak-ng).")


def _pyttsx3_engine() -> Engine | None:
    try:
        import pyttsx3  # type: ignore[import-not-found]  # optional, Windows' SAPI5
    except ImportError:
        return None
    engine: Engine = pyttsx3.init()
    return engine


def card_script(card, choices=()) -> str:
    """What is read for a card: title, words, then the numbered choices."""
    parts = [card.title + ".", card.words]
    for i, ch in enumerate(choices, 1):
        parts.append(f"Choice {i}: {ch.label}.")
    return " ".join(p for p in parts if p)


def response_script(chose: str, response: str, changes: list[str], discuss: str,
                    voice: str, voice_heading: str = "What we want you to know") -> str:
    """What is read once the room has chosen: the same words the response screen shows."""
    parts = [f"You chose: {chose}."]
    if response:
        parts.append(response)
    parts.extend(f"{c}." for c in changes)
    if discuss:
        parts.append(f"Talk about it: {discuss}")
    if voice:
        parts.append(f"{voice_heading}: {voice}")
    return " ".join(parts)

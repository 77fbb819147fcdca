"""Read-aloud with this computer's real voice (espeak-ng, as documented for Debian): what is
on screen is spoken, and a change of screen cuts the sentence being spoken.

The voice's sound is captured to files (CARDSDEALT_SPEECH_CAPTURE) at the pace it would be
heard, so a sentence cut short leaves a short file: the proof that the old card stopped.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from argparse import Namespace
from pathlib import Path

import pygame
import pytest
from uikit import Harness, entries_for

from cardsdealt.ui.pygame import prefs
from cardsdealt.ui.speech import (
    ProgramVoice,
    Speaker,
    card_script,
    response_script,
    system_engine,
)

K = pygame
ESPEAK = shutil.which("espeak-ng")
needs_voice = pytest.mark.skipif(ESPEAK is None, reason="espeak-ng is not installed "
                                 "(README: sudo apt install espeak-ng)")


def _flags(**kw) -> Namespace:
    base = dict(theme=None, text_size=None, font=None, reduced_motion=None, read_aloud=None)
    return Namespace(**{**base, **kw})


def _full_sound(text: str) -> bytes:
    assert ESPEAK is not None
    return subprocess.run([ESPEAK, "--stdin", "--stdout"], input=text.encode(),
                          capture_output=True, check=True).stdout


def _wait_for(path: Path, size: int, timeout: float = 10.0) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if path.exists() and path.stat().st_size >= size:
            return
        time.sleep(0.02)
    raise AssertionError(f"{path.name} did not reach {size} bytes")


@needs_voice
def test_the_card_is_spoken_and_a_choice_cuts_it_for_the_response(rens, tmp_path,
                                                                   monkeypatch):
    cap = tmp_path / "heard"
    monkeypatch.setenv("CARDSDEALT_SPEECH_CAPTURE", str(cap))
    h = Harness((1280, 720), entries_for(rens))
    prefs.install(h.app, _flags(read_aloud=True), tmp_path / "s.json")
    assert h.app.speaker.available, h.app.speaker.problem
    try:
        h.table.start()
        h.key(K.K_F5)
        while h.top.name == "intro":
            h.key(K.K_PAGEDOWN)
        h.settle()
        card = h.top.shown
        first = cap / "001.wav"
        _wait_for(first, 20_000)  # about half a second of the card has been heard
        h.key(K.K_1, "1")  # the room chooses: the response screen
        assert h.top.phase == "response"
        second = cap / "002.wav"
        _wait_for(second, 20_000)
        time.sleep(0.3)
        heard_card = first.read_bytes()
        full_card = _full_sound(card_script(card, card.choices))
        assert full_card.startswith(heard_card)  # what was heard was the card...
        assert len(heard_card) < len(full_card) / 2  # ...and it was cut, not read on
        scene = h.top
        chose = card.choices[scene.chosen]
        said = scene.spoken()  # the response screen's words, as shown
        assert said == response_script(chose.label, chose.response, _changes(scene),
                                       card.discuss, card.voice)
        assert chose.response in said
        assert _full_sound(said).startswith(second.read_bytes()[:20_000])
    finally:
        prefs.close(h.app)


def _changes(scene) -> list[str]:
    from cardsdealt.ui.pygame.scenes.journey import change_words

    return change_words(scene.game.deck, scene.before, scene.after)


@needs_voice
def test_stop_ends_the_voice_program_at_once(tmp_path, monkeypatch):
    monkeypatch.setenv("CARDSDEALT_SPEECH_CAPTURE", str(tmp_path))
    speaker = Speaker()
    assert isinstance(speaker._engine, ProgramVoice)
    speaker.say("This is a long sentence that goes on for a good while. " * 6)
    _wait_for(tmp_path / "001.wav", 10_000)
    speaker.stop()
    time.sleep(0.3)
    size = (tmp_path / "001.wav").stat().st_size
    time.sleep(0.5)
    assert (tmp_path / "001.wav").stat().st_size == size  # nothing more after stop
    speaker.close()


def test_no_voice_says_why_in_words(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setattr("sys.platform", "linux")
    assert system_engine() is None
    speaker = Speaker()
    assert not speaker.available
    assert "espeak-ng" in speaker.problem and "apt install" in speaker.problem
    speaker.say("nothing happens")  # and nothing breaks
    speaker.stop()

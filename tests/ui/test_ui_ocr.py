"""Legible from the back of a room of 20: a 1920x1080 screen at the usual text size, shrunk to
a quarter (480x270, about what a far seat sees of a projected picture), is read back by OCR
(tesseract): the card's words, the choices, the room's question before the choice, and on
the response screen the question to talk about and what young people want known; in the table
game, the discussion's two panels.

tesseract is a system program (apt install tesseract-ocr), not a Python package: where it is
missing (CI's clean machine has none) this test is skipped and says so.
"""

from __future__ import annotations

import difflib
import re
import shutil
import subprocess

import pygame
import pytest
from test_ui_sessions import SavingHarness
from textsizes import _to_first_card
from uikit import classic_deck, entries_for, journey_deck

from cardsdealt.deck.credits import voice_heading

K = pygame
NEEDED = 0.75  # of each text's words (3 letters or more) read back


def _tesseract() -> str:
    path = shutil.which("tesseract")
    if path is None:
        why = ("tesseract is not installed (apt install tesseract-ocr): the 25 % OCR check "
               "of the room's legibility is skipped")
        print(why)
        pytest.skip(why)
    return path


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z']+", text.lower()) if len(w) >= 3]


def _read(tess: str, frame: pygame.Surface, tmp_path) -> set[str]:
    """Every word tesseract reads in the frame shrunk to 25 %, by two page models (sparse
    text, and blocks): a word either reads counts."""
    w, h = frame.get_size()
    small = pygame.transform.smoothscale(frame, (w // 4, h // 4))
    png = tmp_path / "quarter.png"
    pygame.image.save(small, str(png))
    seen: set[str] = set()
    for psm in ("11", "3"):
        out = subprocess.run([tess, str(png), "-", "--psm", psm], capture_output=True,
                             text=True, timeout=120).stdout
        seen |= set(_words(out))
    return seen


def _recall(text: str, seen: set[str]) -> float:
    words = _words(text)
    found = [w for w in words if w in seen or difflib.get_close_matches(w, seen, 1, 0.8)]
    return len(found) / max(1, len(words))


def _check(texts: dict[str, str], seen: set[str], report: list[str]) -> None:
    for what, text in texts.items():
        r = _recall(text, seen)
        report.append(f"{what}: {r:.0%} of {text!r}")


def test_a_quarter_size_1080p_screen_still_reads(tmp_path):
    tess = _tesseract()
    size = (1920, 1080)
    report: list[str] = []
    deck = journey_deck(tmp_path / "rens")
    h = SavingHarness(None, entries_for(deck), size)
    _to_first_card(h)
    card = h.top.shown
    seen = _read(tess, h.frame(), tmp_path)
    _check({"the card's words": card.words,
            **{f"choice {i + 1}": c.label for i, c in enumerate(card.choices)},
            "the room's question": "Talk about it first: " + card.discuss}, seen, report)
    h.key(K.K_2, "2")
    h.settle()
    seen = _read(tess, h.frame(), tmp_path)
    _check({"the question on the response screen": "Talk about it: " + card.discuss,
            "what young people want known": f"{voice_heading(deck)}: {card.voice}"},
           seen, report)
    h = SavingHarness(None, entries_for(classic_deck(tmp_path / "table")), size)
    _to_first_card(h)
    h.key(K.K_PAGEDOWN)
    h.key(K.K_F5)
    h.settle()
    talked = h.table.game.discussing
    assert talked is not None
    seen = _read(tess, h.frame(), tmp_path)
    _check({"the discussion's question": talked.discuss,
            "the discussion's young people's words": talked.voice}, seen, report)
    print("\n".join(report))
    low = [r for r in report if int(r.split(": ")[1].split("%")[0]) < NEEDED * 100]
    assert not low, "\n".join(low)

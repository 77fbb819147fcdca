"""Issue 20, item 11: text reaching the terminal never carries escape sequences.

Reproduced with ESC/OSC/BEL sequences in a card id (shown raw by `check`) and in text that
`play --text` prints back (a reflection pasted with terminal codes in it)."""

from __future__ import annotations

import io

from deckfactory import journey_deck
from test_terminal_play import play

from cardsdealt.authoring.check import run_check

NASTY = "\x1b]0;owned\x07\x1b[2J\x9b31m\x00"


def _raw(text: str) -> bool:
    return any(c in text for c in "\x1b\x07\x9b\x00")


def test_check_shows_a_hostile_id_without_its_escape_codes(deck_copy):
    deck_copy.edit("cards/journey.yaml", "- id: first-night\n",
                   '- id: "first\\e]0;owned\\a\\e[2J"\n')
    out = io.StringIO()
    assert run_check([deck_copy.root], strict=False, out=out) == 1
    text = out.getvalue()
    assert not _raw(text)
    assert "\\x1b" in text  # shown, so the author can find it


def test_check_shows_a_hostile_folder_name_without_its_escape_codes(tmp_path):
    root = tmp_path / "deck\x1b[2J"
    root.mkdir()
    out = io.StringIO()
    assert run_check([root], strict=False, out=out) == 1
    assert not _raw(out.getvalue())


def test_text_play_prints_a_pasted_reflection_without_escape_codes():
    code, out = play(journey_deck(), f"1\nfelt {NASTY} lost\n" + "1\n" * 40)
    assert code == 0
    assert "felt" in out and "lost" in out
    assert not _raw(out)


def test_json_events_carry_no_raw_c1_codes():
    code, out = play(journey_deck(), f"1\nfelt {NASTY} lost\n" + "1\n" * 40, json=True)
    assert code == 0
    assert not _raw(out)

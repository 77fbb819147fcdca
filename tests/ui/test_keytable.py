"""One table for keys (cardsdealt/ui/keytable.py): the window's key maps, the help overlay and
the README's list of keys come from it, and say the same."""

from __future__ import annotations

import re
from pathlib import Path

import pygame

from cardsdealt.ui import keytable
from cardsdealt.ui.pygame import keys
from cardsdealt.ui.pygame.scenes.overlays import HELP_ROWS, ROOM_ROWS

README = Path(__file__).resolve().parents[2] / "README.md"


def _press(key: int, ch: str = "") -> object:
    return keys.intent_for(pygame.event.Event(pygame.KEYDOWN, key=key, unicode=ch, mod=0))


def test_every_key_in_the_table_gives_its_intent_in_the_window():
    for row in keytable.ROWS:
        for b in row.binds:
            for name in b.always + b.moves + b.codes:
                assert _press(getattr(pygame, f"K_{name}")) == b.intent, (row.keys, name)
            for ch in b.chars:
                assert _press(0, ch) == b.intent, (row.keys, ch)


def test_no_key_is_bound_twice():
    seen: dict[tuple[str, str], str] = {}
    for row in keytable.ROWS:
        for b in row.binds:
            for kind, names in (("key", b.always + b.moves), ("char", b.chars),
                                ("code", b.codes)):
                for n in names:
                    assert seen.setdefault((kind, n), b.intent) == b.intent, (kind, n)


def test_every_intent_the_window_knows_is_in_the_help():
    bound = set(keys._ALWAYS.values()) | set(keys._MOVES.values()) | \
        set(keys._CHARS.values()) | set(keys._LETTER_KEYS.values())
    documented = {b.intent for r in keytable.ROWS for b in r.binds if r.what}
    assert bound <= documented


def test_the_help_overlay_shows_the_table():
    assert (HELP_ROWS, ROOM_ROWS) == keytable.help_columns()
    shown = " ".join(k for k, _ in HELP_ROWS + ROOM_ROWS)
    assert "Interview panel" in shown and "+ and −" in shown
    # S opens the settings from the start screen only; in a game the help must not promise it
    assert ("S", "settings: colours, text size, font") not in HELP_ROWS  # it said so before


def test_the_readme_lists_the_same_keys():
    text = README.read_text(encoding="utf-8")
    block = re.search(r"<!-- keys:start -->\n(.*?)<!-- keys:end -->", text, re.S)
    assert block, "README.md has lost its list of keys (the keys:start/keys:end marks)"
    assert block.group(1) == keytable.markdown(), (
        "README.md's list of keys differs from cardsdealt/ui/keytable.py: paste "
        "keytable.markdown() between the marks")

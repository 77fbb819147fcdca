"""tools/draw_cards.py, which draws the shipped decks' pictures: every card it draws has a
motif it can draw, read from one table where a card named twice is an error (a dict literal
would silently keep the last)."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import draw_cards  # noqa: E402


def test_every_drawn_card_has_a_motif_that_can_be_drawn():
    for name in draw_cards.DECKS:
        _deck_id, ids = draw_cards.deck_cards(ROOT / "decks" / name)
        assert set(ids) <= set(draw_cards.MOTIFS), set(ids) - set(draw_cards.MOTIFS)
    assert set(draw_cards.MOTIFS.values()) <= set(draw_cards.DRAW)


def test_the_motif_table_refuses_a_card_named_twice_or_alone():
    assert draw_cards.motifs("a key  b door # a note\n c sun") == {"a": "key", "b": "door",
                                                                  "c": "sun"}
    with pytest.raises(ValueError):
        draw_cards.motifs("a key  a door")
    with pytest.raises(ValueError):
        draw_cards.motifs("a key  b")

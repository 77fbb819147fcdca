"""`cardsdealt map` draws stages as lanes with every card, as PNG and SVG."""

import os

from cardsdealt.authoring.journeymap import layout
from cardsdealt.cli import main
from cardsdealt.deck import load_deck


def test_layout_puts_cards_in_their_stage_lanes(deck_copy):
    deck = load_deck(deck_copy.root)
    lay = layout(deck, unreachable={"review"})
    lane_x = {title: x for x, title, _n, _d in lay.lanes}
    assert lay.boxes["first-night"].x > lane_x["Arriving"]
    assert lay.boxes["review"].x > lane_x["Settling in"] > lay.boxes["first-night"].x
    assert ("first-night", "phone-call") in lay.links
    assert lay.boxes["review"].unreachable and not lay.boxes["first-night"].unreachable
    assert lay.boxes["first-night"].reflect


def test_map_png_and_svg(deck_copy, tmp_path, capsys):
    png, svg = tmp_path / "map.png", tmp_path / "map.svg"
    assert main(["map", str(deck_copy.root), "-o", str(png), "-n", "50"]) == 0
    assert main(["map", str(deck_copy.root), "-o", str(svg), "-n", "50"]) == 0
    assert png.read_bytes().startswith(b"\x89PNG") and os.path.getsize(png) > 5000
    text = svg.read_text()
    assert "<svg" in text and "First night" in text and "Settling in" in text


def test_map_of_classic_only_deck_says_why_not(tmp_path, capsys):
    main(["new", str(tmp_path / "c"), "--mode", "classic"])
    assert main(["map", str(tmp_path / "c"), "-o", str(tmp_path / "m.png")]) == 1
    assert "no journey" in capsys.readouterr().out

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


def test_flag_links_are_drawn_dashed_and_named(deck_copy, tmp_path):
    """A choice that sets a flag links to the cards that require it: dashed, another colour,
    and said in words on both cards (never colour or line style alone)."""
    from cardsdealt.authoring import journeymap

    deck = load_deck(deck_copy.root)
    lay = layout(deck, unreachable=set())
    assert ("first-night", "phone-call", "1: sets knows_where_brother_is") in lay.flag_links
    assert lay.boxes["phone-call"].link_note == "needs knows_where_brother_is"
    assert lay.boxes["first-night"].link_note == "sets knows_where_brother_is"
    # `seen()` is not a choice: no dashed link to new-school
    assert not [f for f in lay.flag_links if f[1] == "new-school"]

    svg = journeymap.to_svg(lay, deck.title)
    dashed = [ln for ln in svg.splitlines() if "polyline" in ln and "stroke-dasharray" in ln]
    solid = [ln for ln in svg.splitlines() if "polyline" in ln and "stroke-dasharray" not in ln]
    assert len(dashed) == len(lay.flag_links) and len(solid) == len(lay.links)
    assert "rgb(%d,%d,%d)" % journeymap.FLAG in dashed[0]

    import pygame

    png = tmp_path / "m.png"
    journeymap.to_png(lay, deck.title, png)
    img = pygame.image.load(str(png))
    a, b = lay.boxes["first-night"], lay.boxes["phone-call"]
    pts = journeymap._flag_path(a, b)  # the loop out to the left of the lane, drawn dashed
    x = pts[1][0]
    column = [img.get_at((x, y))[:3] for y in range(pts[1][1], pts[2][1])]
    flag_px = sum(1 for c in column if c == journeymap.FLAG)
    assert 0.3 * len(column) < flag_px < 0.9 * len(column)  # dashes, with gaps between


def test_chose_conditions_are_links_too():
    from pathlib import Path

    deck = load_deck(Path(__file__).resolve().parents[2] / "decks" / "kais-journey")
    lay = layout(deck, unreachable=set())
    assert ("first-night", "mia-rings-back", "chose 3") in lay.flag_links
    assert any(label.endswith("sets sees_sister") and a == "mia-rings-back"
               for a, _b, label in lay.flag_links)

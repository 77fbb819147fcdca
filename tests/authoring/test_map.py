"""`cardsdealt map` draws stages as lanes with every card, as PNG and SVG."""

import os
from pathlib import Path

import pytest

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


def _deck_of(tmp_path, n: int):
    """`new`'s journey deck cut to one card, or grown to `n` cards (copies in the 2nd stage)."""
    from cardsdealt.authoring.new import new_deck

    root = new_deck(tmp_path / f"deck-{n}")
    cards = root / "cards" / "cards.yaml"
    text = cards.read_text(encoding="utf-8")
    first = text[text.index("- id: first-day"):text.index("- id: new-friend")]
    if n == 1:
        deck_yaml = (root / "deck.yaml").read_text(encoding="utf-8")
        (root / "deck.yaml").write_text(deck_yaml.replace(
            '  - id: settling\n    title: "Settling in"\n    draws: 1\n', ""), "utf-8")
        text = first.replace('title: "First day"', 'title: "' + "A first day " * 8 + '"')
    for i in range(3, n + 1):
        text += "\n" + first.replace("id: first-day", f"id: copy-{i}").replace(
            "stage: arriving", "stage: settling")
    cards.write_text(text, encoding="utf-8")
    return load_deck(root)


@pytest.mark.parametrize("size", [1, 4, "kais-journey"])
def test_nothing_on_the_map_is_cut_at_the_edge(tmp_path, size):
    """Every line of the legend, every title and note fits inside the picture (a 1-card deck,
    a 4-card deck, the biggest shipped journey), and a count of one says `1 card`."""
    import pygame

    from cardsdealt.authoring import journeymap as jm

    deck = (load_deck(Path(__file__).resolve().parents[2] / "decks" / size)
            if isinstance(size, str) else _deck_of(tmp_path, size))
    lay = layout(deck, unreachable=set())
    room = lay.width - 2 * jm.MARGIN
    small = jm._font(*jm.SMALL)
    assert all(small.size(line)[0] <= room for line in lay.legend), lay.legend
    assert all(jm._font(*jm.CARD_FONT).size(b.title)[0] <= jm.CARD_W - 24
               for b in lay.boxes.values())
    png = tmp_path / "map.png"
    jm.to_png(lay, deck.title, png)
    img = pygame.image.load(str(png))
    edge = {img.get_at((x, y))[:3] for x in range(lay.width - jm.MARGIN // 2, lay.width)
            for y in range(lay.height)}
    assert edge == {jm.BG}, "something is drawn into the right edge of the map"
    svg = jm.to_svg(lay, deck.title)
    if size == 1:
        assert "1 card, 1 dealt" in svg and "1 cards" not in svg
        assert any(b.title.endswith("…") for b in lay.boxes.values())
    if size == 4:
        assert "3 cards, 1 dealt" in svg


def test_map_says_one_card_in_one_stage(tmp_path, capsys):
    deck = _deck_of(tmp_path, 1)
    assert main(["map", deck.root, "-o", str(tmp_path / "m.svg"), "-n", "5"]) == 0
    assert "(1 card in 1 stage)" in capsys.readouterr().out

"""A portrait window (a rotated screen, a tall tablet) gets a portrait layout: the card on
top, the choices under it, the meters at the foot, with text as large as on the landscape
screen of the same size turned round (it was the landscape layout shrunk, 6-10 px text).
Every screen of both test decks is walked by keys at 1080x1920 and 720x1280: no text cut,
clipped, off its surface or over other text, and the card, choices and meters apart."""

from __future__ import annotations

import pytest
from pixelcheck import Watch
from scenewalk import walk_all

from cardsdealt.render import layout as L

PORTRAIT = [(1080, 1920), (720, 1280)]
# Screens not yet laid out for portrait (none now: the help overlay was the last, its two
# key columns are one in portrait; the start list, the preset screen and the end screens take
# the width, rows with two or three lines of details, buttons two to a row).
NOT_YET: set[str] = set()


@pytest.mark.parametrize("size", PORTRAIT, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_screen_fits_a_portrait_window(size, tmp_path):
    problems: list[str] = []
    sizes: list[int] = []
    with Watch() as watch:
        def shot(name, h):
            found = watch.frame(h, name)
            if name not in NOT_YET:
                problems.extend(found)
            top = h.app.top
            if name.startswith("journey-card"):
                a = top.arrangement()
                g = a.table
                parts = [("card", g.card), ("meters", g.meters)] + \
                    [(f"choice {i + 1}", r) for i, r in enumerate(a.choices[0])]
                for i, (n1, r1) in enumerate(parts):
                    for n2, r2 in parts[i + 1:]:
                        if r1.colliderect(r2):
                            problems.append(f"{name}: {n1} {r1} overlaps {n2} {r2}")
                    if not h.app.screen.get_rect().contains(r1):
                        problems.append(f"{name}: {n1} {r1} is off the screen")
                assert g.card.bottom <= g.panel.top  # stacked: the card on top
                sizes.extend(f.px for f in a.choices[1])
                sizes.append(a.face.text.px)

        walk_all(size, tmp_path, shot)
    assert not problems, "\n".join(problems)
    # as large as the landscape screen's text at the same scale (not 6-10 px)
    assert min(sizes) >= round(28 * L.metrics(size).u), sizes


def test_portrait_is_measured_against_a_standing_design_screen():
    assert L.metrics((1080, 1920)).u == 1.0 and L.metrics((1080, 1920)).portrait
    assert L.metrics((1920, 1080)).u == 1.0 and not L.metrics((1920, 1080)).portrait
    g = L.journey_table((720, 1280), True)
    assert g.card.w == g.panel.w and g.card.bottom < g.panel.top < g.meters.top


@pytest.mark.parametrize("size", PORTRAIT, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("scale", [1.0, 1.75])
def test_the_start_list_with_every_shipped_deck_fits_a_portrait_window(size, scale,
                                                                       room_settings):
    """The longer rows: a table game's card count and players, the studio's row, at the
    usual and the largest text size (they were cut with an ellipsis)."""
    from pathlib import Path

    from uikit import Harness, entries_for

    from cardsdealt.deck import load_deck
    from cardsdealt.render import text as T

    root = Path(__file__).resolve().parents[2] / "decks"
    decks = [load_deck(root / n) for n in ("kais-journey", "cards-youre-dealt",
                                           "rileys-journey", "example")]
    h = Harness(size, entries_for(*decks))
    T.configure("atkinson", scale)
    h.table.start()
    h.settle()
    start = h.top
    assert any(r.mode == "classic" for r in start.rows) and start.rows[-1].kind == "studio"
    seen, problems = set(), []
    with Watch() as watch:
        for i in range(len(start.rows)):  # every row, scrolled into sight
            start.focus = i
            problems += watch.frame(h, "start")
            seen |= {start.rows[j].kind + start.rows[j].mode for j, r in
                     enumerate(start.items()) if r.y >= 0}
    assert seen == {"deckjourney", "deckclassic", "studio"}
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("size", PORTRAIT, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("font", ["atkinson", "opendyslexic"])
def test_the_table_games_side_band_fits_at_the_largest_text_size(size, font, table_deck):
    """In portrait the hand counts and "Play a card with the theme ..." share the low band
    under the top card side by side; one under the other, the second was clipped at size 5."""
    from uikit import Harness, entries_for

    from cardsdealt.render import text as T

    h = Harness(size, entries_for(table_deck))
    T.configure(font, 1.75)
    h.to_card()
    assert h.top.name == "classic" and not h.top.discussing
    with Watch() as watch:
        problems = watch.frame(h, "classic-hand")
    assert not problems, "\n".join(problems)

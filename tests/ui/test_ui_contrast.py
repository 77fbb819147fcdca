"""Text contrast measured on rendered pixels, on every screen in every theme (WCAG 2.2 AA:
4.5:1, or 3:1 for large text: 24 px, or 18.66 px bold, at 1080p). How the pixels are read:
pixelcheck.py. A deliberately bad theme shows that the measurement can fail.

`pytest -s` prints the lowest ratio found per theme.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from pixelcheck import measure
from scenewalk import walk_all
from uikit import Harness, entries_for

from cardsdealt.render.theme import DEFAULT, THEMES, contrast_ratio
from cardsdealt.session.settings import Settings
from cardsdealt.ui.pygame import prefs

CASES = [(name, (1280, 720)) for name in THEMES] + [("high-contrast", (1920, 1080))]


@pytest.mark.parametrize("theme,size", CASES, ids=lambda v: v if isinstance(v, str)
                         else f"{v[0]}x{v[1]}")
def test_every_screen_meets_wcag_aa(theme, size, tmp_path):
    readings, screens = [], []

    def shot(name, h):
        found, _ = measure(h)
        screens.append((name, len(found)))
        readings.extend((name, r) for r in found)

    walk_all(size, tmp_path, shot, lambda h: prefs.apply(h.app, Settings(theme=theme)))
    assert len(screens) >= 24, screens
    unmeasured = [n for n, k in screens if k == 0 and n != "blank"]
    assert not unmeasured, f"no text measured on {unmeasured}: the probe is missing something"
    bad = [f"{n}: {r}" for n, r in readings if not r.ok]
    assert not bad, "\n".join(bad)
    name, low = min(readings, key=lambda nr: nr[1].ratio)
    print(f"\n{theme} {size[0]}x{size[1]}: {len(readings)} readings, lowest {low.ratio:.2f}:1 "
          f"({name}: {low})")


def test_the_measurement_matches_the_colours_drawn(rens):
    """On the plain journey card the measured ratios are the ratios of the theme's colours."""
    h = Harness((1280, 720), entries_for(rens))
    h.table.start()
    h.table.choose(rens, "journey")
    h.table.begin()
    h.settle()
    found, _ = measure(h)
    by_text = {r.text: r for r in found}
    words = by_text["What do you do?"]
    assert words.fg == DEFAULT.table_ink and words.bg == DEFAULT.table
    assert words.ratio == pytest.approx(contrast_ratio(DEFAULT.table_ink, DEFAULT.table), 0.01)
    title = by_text["The front door"]
    assert title.fg == DEFAULT.accent and title.bg == DEFAULT.paper


def test_a_bad_theme_is_caught(rens):
    """Quiet words too close to the table, and card words too close to the paper: the
    measurement finds both, with the ratio the colours really have."""
    bad = replace(DEFAULT, name="bad", table_muted=(170, 160, 146), ink=(190, 180, 170))
    h = Harness((1280, 720), entries_for(rens))
    h.app.theme = bad
    h.table.start()
    h.table.choose(rens, "journey")
    h.table.begin()
    h.settle()
    found, _ = measure(h)
    failing = {r.text: r for r in found if not r.ok}
    hint = next(r for t, r in failing.items() if t.startswith("Press 1"))
    assert hint.ratio == pytest.approx(contrast_ratio(bad.table_muted, bad.table), 0.01)
    assert hint.ratio < 3
    assert any("lady I have never met" in t for t in failing), sorted(failing)


@pytest.mark.parametrize("name", list(THEMES))
def test_focus_and_meters_stand_out(name):
    """Non-text contrast (WCAG 1.4.11, 3:1): the focus ring against the table, the cards and
    the tinted focused item; filled meter segments against empty ones and the table (the
    figures beside each meter say the same in words)."""
    t = THEMES[name]
    for bg in (t.table, t.paper, t.focus_fill):
        assert contrast_ratio(t.focus, bg) >= 3, (name, "focus", bg)
    assert contrast_ratio(t.meter_fill, t.table) >= 3, name
    assert contrast_ratio(t.meter_fill, t.meter_track) >= 3, name

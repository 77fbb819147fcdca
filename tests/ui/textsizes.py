"""Measuring how big the main texts of the table are drawn, by role, at each text size.

A walk (the journey deck's card, response and question screens, the table game's discussion,
and Kai's Journey's card with its four stats) is played at one window size, theme, font and
text size; every line of text drawn is seen by a probe with its real pixel size. The lines are
then sorted into roles by the words they carry (the statement, a choice, a stat's label...),
and each role gets the smallest size any of its lines was drawn at.

`python tests/ui/textsizes.py` prints the table (sizes 1-5 at 1280x720 and 1920x1080).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("CARDSDEALT_PRESET_SCREEN", "0")
sys.path.insert(0, str(Path(__file__).parent))

import pygame  # noqa: E402
from pixelcheck import Probe, _redraw  # noqa: E402
from test_ui_sessions import SavingHarness  # noqa: E402
from uikit import Harness, classic_deck, entries_for, journey_deck  # noqa: E402

from cardsdealt.deck.credits import voice_heading  # noqa: E402
from cardsdealt.render import text as T  # noqa: E402
from cardsdealt.session.settings import Settings  # noqa: E402
from cardsdealt.ui.pygame import prefs  # noqa: E402

K = pygame
ROLES = ("statement", "choice", "talk-first", "stat label", "response", "talk about it",
         "child's words", "question", "discussion", "discussion voice", "kai statement",
         "kai choice", "kai stat label")


class SizeProbe(Probe):
    """A probe that also keeps every line's text and pixel size."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[tuple[str, str, int, pygame.Rect]] = []

    def text(self, surface, img, rect, text, style, px, colour, call) -> None:
        super().text(surface, img, rect, text, style, px, colour, call)
        self.lines.append((text, style, px, rect))


def _capture(h: Harness) -> SizeProbe:
    probe = SizeProbe()
    T.probe = probe
    try:
        _redraw(h)
    finally:
        T.probe = None
    return probe


def _part_of(line: str, whole: str) -> bool:
    line = line.strip().rstrip("…")
    return bool(line) and line in whole


def _roles_of(probe: SizeProbe, wanted: dict[str, list[str]], out: dict, cut: list) -> None:
    for text, _style, px, _rect in probe.lines:
        for role, wholes in wanted.items():
            if any(_part_of(text, w) for w in wholes):
                out.setdefault(role, []).append(px)
    cut.extend(probe.problems)


def _to_first_card(h: Harness) -> None:
    h.table.start()
    h.settle()
    h.key(K.K_RETURN)
    if h.top.name == "preset":
        h.key(K.K_RETURN)
    while h.top.name == "intro":
        h.key(K.K_PAGEDOWN)
    h.settle()


def measure(size: tuple[int, int], text_size: int, font: str = "atkinson",
            theme: str = "default", root: Path | None = None,
            preset: str | None = None) -> tuple[dict[str, int], list]:
    """{role: smallest px drawn}, and every text cut or clipped on the screens measured
    (`preset`: Kai's Journey is played under it, e.g. "supervision": hands counted beside the
    choices, the timer beside the stats)."""
    import tempfile

    root = Path(root) if root is not None else Path(tempfile.mkdtemp())
    settings = Settings(text_size=text_size, font=font, theme=theme)
    px: dict[str, list[int]] = {}
    cut: list[str] = []

    deck = journey_deck(root / "rens")
    h = Harness(size, entries_for(deck))
    prefs.apply(h.app, settings)
    _to_first_card(h)
    card = h.top.shown
    _roles_of(_capture(h), {"statement": [card.words],
                            "choice": [c.label for c in card.choices],
                            "talk-first": ["Talk about it first: " + card.discuss],
                            "stat label": [s.label for s in deck.stats]}, px, cut)
    h.key(K.K_2, "2")
    h.settle()
    ch = card.choices[1]
    _roles_of(_capture(h), {"response": [f"“{ch.response}”"],
                            "talk about it": ["Talk about it: " + card.discuss],
                            "child's words": [f"{voice_heading(deck)}: {card.voice}"]},
              px, cut)
    h.key(K.K_PAGEDOWN)
    assert h.top.name == "reflection", h.top.name
    _roles_of(_capture(h), {"question": [ch.reflect]}, px, cut)

    deck = classic_deck(root / "table")
    h = Harness(size, entries_for(deck))
    prefs.apply(h.app, settings)
    _to_first_card(h)
    h.key(K.K_PAGEDOWN)
    h.key(K.K_F5)
    h.settle()
    c = h.table.game.discussing if hasattr(h.table.game, "discussing") else None
    talk = [c.discuss] if c is not None and getattr(c, "discuss", None) else \
        ["What could an adult do or say here?"]
    voice = [c.voice] if c is not None and getattr(c, "voice", None) else \
        ["Ask us. We usually know what would help."]
    _roles_of(_capture(h), {"discussion": talk, "discussion voice": voice}, px, cut)

    from cardsdealt.deck import load_deck
    from cardsdealt.paths import shipped_decks

    kai = load_deck(next(p for p in shipped_decks() if p.name == "kais-journey"))
    h = SavingHarness(None, entries_for(kai), size, preset=preset)
    prefs.apply(h.app, settings)
    _to_first_card(h)
    if preset not in (None, "solo"):
        h.key(K.K_1, "1")
        h.key(K.K_t, "t")
    card = h.top.shown
    _roles_of(_capture(h), {"kai statement": [card.words],
                            "kai choice": [c.label for c in card.choices],
                            "kai stat label": [s.label for s in kai.stats]}, px, cut)
    T.configure()
    return {role: min(v) for role, v in px.items()}, cut


def main() -> None:
    pygame.display.init()
    pygame.font.init()
    font = sys.argv[1] if len(sys.argv) > 1 else "atkinson"
    preset = sys.argv[2] if len(sys.argv) > 2 else None
    sizes = [tuple(map(int, a.split("x"))) for a in sys.argv[3:]] or [(1280, 720), (1920, 1080)]
    for size in sizes:
        rows = {n: measure(size, n, font, preset=preset) for n in range(5)}
        print(f"{size[0]}x{size[1]} {font} {preset}: px per text size 1..5")
        for role in ROLES:
            print(f"  {role:18}", " ".join(f"{rows[n][0].get(role, 0):4}" for n in range(5)))
        for n in range(5):
            if rows[n][1]:
                print(f"  size {n + 1} cut:", sorted(set(rows[n][1]))[:6])


if __name__ == "__main__":
    main()

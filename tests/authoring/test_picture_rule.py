"""One rule for how big a picture should be (`images.PICTURE_MIN_SIDE`, its shorter side),
measured against how big the real layouts draw a picture: on a 1080p screen and on a printed
card at 300 dpi. `check`, `new`'s README and the guide all say the same number."""

import argparse
import io
import re
from pathlib import Path

import pygame
import pytest

from cardsdealt.authoring import printcards
from cardsdealt.authoring.lint import advise, picture_advice
from cardsdealt.authoring.new import new_deck
from cardsdealt.deck import images, load_deck
from cardsdealt.engine import Game
from cardsdealt.render import card_view
from cardsdealt.render import images as render_images

ROOT = Path(__file__).resolve().parents[2]
RULE = images.PICTURE_MIN_SIDE


@pytest.fixture
def boxes(monkeypatch):
    """The size of every box a picture is drawn into."""
    seen: list[tuple[int, int]] = []
    real = render_images.draw_picture

    def spy(surface, path, rect, *a, **kw):
        seen.append(tuple(rect.size))
        return real(surface, path, rect, *a, **kw)

    monkeypatch.setattr(render_images, "draw_picture", spy)
    monkeypatch.setattr(card_view, "draw_picture", spy)
    return seen


def _on_screen(size, deck, mode):
    from cardsdealt.ui.pygame.app import App
    from cardsdealt.ui.pygame.display import open_display
    from cardsdealt.ui.pygame.flow import Table

    app = App(open_display(size))
    table = Table(app, argparse.Namespace(deck=None, mode=None, players=None, seed=1,
                                          fullscreen=False, size=None, resume=None,
                                          no_save=True))
    game = Game.new(deck, mode=mode, seed=1, **({"players": 3} if mode == "classic" else {}))
    table.deck, table.mode = deck, mode
    if mode == "classic":
        while game.discussing is None and not game.finished:
            (game.play(game.playable()[0].id) if game.playable() else game.draw())
    table.play(game)
    for _ in range(20):
        app.step([], 0.05)
    app.dirty = True
    app.step([], 0.0)


def _shorter(seen) -> int:
    assert seen, "no picture was drawn"
    return max(min(w, h) for w, h in seen)


@pytest.mark.parametrize("deck", ["kais-journey", "cards-youre-dealt", "journey", "classic"])
def test_a_picture_of_the_rule_is_never_enlarged_on_a_1080p_card(boxes, tmp_path, deck):
    """A picture fits inside its box keeping its shape, so it is never enlarged when its
    shorter side is at least the box's shorter side (a shipped deck, and `new`'s few words,
    which leave the picture the most room)."""
    if deck in ("journey", "classic"):
        mode, root = deck, new_deck(tmp_path / deck, deck)
    else:
        root = ROOT / "decks" / deck
        mode = "journey" if "journey" in deck else "classic"
    _on_screen((1920, 1080), load_deck(root), mode)
    assert _shorter(boxes) <= RULE


def test_a_picture_of_the_rule_prints_sharp(boxes, tmp_path):
    """Printed at 300 dpi: never enlarged on a table card; on a journey card with few words
    (its picture as big as a card allows) it still prints at 240 dpi or more."""
    sizes = {}
    for mode in ("classic", "journey"):
        boxes.clear()
        deck = load_deck(new_deck(tmp_path / mode, mode))
        assert printcards.run_print(deck, str(tmp_path / f"{mode}.pdf"), io.StringIO()) == 0
        sizes[mode] = _shorter(boxes)
    assert sizes["classic"] <= RULE
    assert RULE / sizes["journey"] * printcards.DPI >= 240


def test_check_new_and_the_guide_say_the_same_rule(tmp_path):
    said = f"{RULE} pixels on"
    assert said in picture_advice()
    root = new_deck(tmp_path / "d")
    assert said in (root / "README.md").read_text(encoding="utf-8").replace("\n  ", " ")
    guide = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
    assert said in guide.replace("\n  ", " ")
    assert set(re.findall(r"(\d+) pixels", guide)) == {str(RULE)}
    fmt = (ROOT / "docs" / "deck-format.md").read_text(encoding="utf-8")
    assert said in fmt.replace("\n", " ")
    # the picture `new` puts in a deck follows the rule itself
    placeholder = pygame.image.load(str(root / "images" / "placeholder.png"))
    assert min(placeholder.get_size()) >= RULE
    assert not [p for p in advise(load_deck(root)) if "is small" in p.message]

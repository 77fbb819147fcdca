"""Render screenshots of the shipped decks for the README and the authoring guide.

    python tools/screenshots.py [--size 1920x1080] [--out docs/screenshots]

Runs offscreen (SDL's dummy driver): the same App and scenes as `cardsdealt play`, driven
through the engine so the pictures show real cards from the real decks.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pygame  # noqa: E402

from cardsdealt.deck import load_deck  # noqa: E402
from cardsdealt.engine import Game  # noqa: E402
from cardsdealt.ui.pygame.app import App  # noqa: E402
from cardsdealt.ui.pygame.display import open_display  # noqa: E402
from cardsdealt.ui.pygame.flow import Table  # noqa: E402


def settle(app: App, seconds: float = 1.0) -> None:
    t = 0.0
    while t < seconds:
        app.step([], 0.05)
        t += 0.05


def snap(app: App, path: Path) -> None:
    settle(app)
    app.dirty = True
    app.step([], 0.0)
    pygame.image.save(app.screen, str(path))
    print(f"wrote {path.relative_to(ROOT)}")


def journey(app: App, table: Table, deck, out: Path, n: int, seed: int) -> None:
    game = Game.new(deck, mode="journey", seed=seed)
    table.deck, table.mode = deck, "journey"
    for i in range(1, n + 1):
        table.play(game)
        snap(app, out / f"{deck.id}-card-{i}.png")
        for _ in range(1 + (i % 2)):  # move a little further through the journey each time
            game.choose(i % len(game.choices))
            while game.pending_reflection is not None:
                game.reflect("")


def classic(app: App, table: Table, deck, out: Path, n: int, seed: int) -> None:
    game = Game.new(deck, mode="classic", seed=seed, players=3)
    table.deck, table.mode = deck, "classic"
    shots = 0
    while shots < n and not game.finished:
        if game.discussing is not None:
            table.play(game)
            snap(app, out / f"{deck.id}-card-{shots + 1}.png")
            shots += 1
            game.end_discussion()
        elif game.playable():
            game.play(game.playable()[0].id)
        else:
            game.draw()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", default="1920x1080")
    ap.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    ap.add_argument("-n", type=int, default=3)
    ap.add_argument("--seed", type=int, default=11)
    a = ap.parse_args()
    w, h = (int(v) for v in a.size.split("x"))
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    app = App(open_display((w, h)))
    table = Table(app, argparse.Namespace(deck=None, mode=None, players=None, seed=a.seed,
                                          fullscreen=False, size=None, resume=None,
                                          no_save=True))
    for path in sorted((ROOT / "decks").iterdir()):
        if not (path / "deck.yaml").is_file() or path.name == "example":
            continue
        deck = load_deck(path)
        if "journey" in deck.modes:
            journey(app, table, deck, out, a.n, a.seed)
        else:
            classic(app, table, deck, out, a.n, a.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())

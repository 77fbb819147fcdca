"""The path through the screens: start -> introduction -> play -> (reflections) -> summary.

`Table` knows the decks, the chosen way to play and the game; scenes ask it to move on.
The front end never changes game state itself: it calls the engine's actions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:  # the deck package (and YAML) loads after the first screen is up
    from cardsdealt.deck.model import Deck


@dataclass
class DeckEntry:
    """A deck on the start screen: loaded, or with the reason it could not be."""

    path: Path
    deck: Deck | None = None
    problem: str = ""
    given: bool = False  # named on the command line


@dataclass
class ResumeEntry:
    """An unfinished session on the start screen (filled by the sessions work)."""

    label: str
    detail: str
    resume: Callable[[], object]  # returns a Game
    extra: dict = field(default_factory=dict)


def load_entries(paths: list[Path], given: Path | None = None) -> list[DeckEntry]:
    from cardsdealt.deck import DeckError, load_deck

    out: list[DeckEntry] = []
    seen: set[Path] = set()
    for p, is_given in ([(given, True)] if given else []) + [(q, False) for q in paths]:
        key = Path(p).resolve()
        if key in seen:
            continue
        seen.add(key)
        try:
            out.append(DeckEntry(Path(p), load_deck(p), given=is_given))
        except DeckError as e:
            out.append(DeckEntry(Path(p), None, e.summary() if hasattr(e, "summary")
                                 else str(e), given=is_given))
        except OSError as e:
            out.append(DeckEntry(Path(p), None, str(e), given=is_given))
    return out


class Table:
    """Owns the deck choice and the game; swaps scenes on the app."""

    def __init__(self, app, args=None, entries: list[DeckEntry] | None = None,
                 unfinished: Callable[[], list[ResumeEntry]] | None = None) -> None:
        self.app = app
        self.args = args
        app.table = self
        self.seed = getattr(args, "seed", None)
        self.mode_wanted = getattr(args, "mode", None)
        self.players_wanted = getattr(args, "players", None)
        self._entries = entries
        self.unfinished = unfinished or (lambda: [])
        self.deck: Deck | None = None
        self.mode: str | None = None
        self.players = 2
        self.game = None

    @property
    def entries_loaded(self) -> bool:
        return self._entries is not None

    @property
    def entries(self) -> list[DeckEntry]:
        if self._entries is None:
            from cardsdealt.cli import resolve_deck, shipped_decks

            name = getattr(self.args, "deck", None)
            given = resolve_deck(name) if name else None
            self._entries = load_entries(shipped_decks(), given)
        return self._entries

    # -- moving on ----------------------------------------------------------------------
    def start(self) -> None:
        from cardsdealt.ui.pygame.scenes.start import StartScene

        self.app.show(StartScene(self.app, self))

    def choose(self, deck: Deck, mode: str, players: int = 2) -> None:
        from cardsdealt.ui.pygame.scenes.intro import IntroScene

        self.deck, self.mode, self.players = deck, mode, players
        self.app.show(IntroScene(self.app, self, deck))

    def begin(self) -> None:
        """Deal: a new game with the chosen deck and way to play."""
        from cardsdealt.engine import Game

        self.game = Game.new(self.deck, mode=self.mode, seed=self.seed, players=self.players)
        self.play(self.game)

    def play(self, game) -> None:
        from cardsdealt.ui.pygame.scenes.classic import ClassicScene
        from cardsdealt.ui.pygame.scenes.journey import JourneyScene

        self.game, self.deck, self.mode = game, game.deck, game.mode
        cls = JourneyScene if game.mode == "journey" else ClassicScene
        self.app.show(cls(self.app, self, game))

    def restart(self) -> None:
        if self.deck is not None:
            self.begin()

    def finish(self) -> None:
        from cardsdealt.ui.pygame.scenes.summary import SummaryScene

        self.app.show(SummaryScene(self.app, self, self.game))

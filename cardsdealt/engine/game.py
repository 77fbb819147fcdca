"""Game: the facade front ends talk to.

Every action validates first and raises GameError before touching anything, so an invalid
action changes nothing. Every accepted action is appended to `state.actions`; because the
rules are deterministic given (deck, seed, actions), undo simply replays all but the last
action from the start: exact, and with no snapshots to keep in step.
"""

from __future__ import annotations

import random

from cardsdealt.deck.model import Card, Choice, ClassicRules, Deck, Ending, Stage
from cardsdealt.engine.classic import Classic
from cardsdealt.engine.errors import GameError
from cardsdealt.engine.events import Event, Prompt
from cardsdealt.engine.journey import Journey
from cardsdealt.engine.state import GameState

MAX_PLAYERS = 5


class Game:
    def __init__(self, deck: Deck, state: GameState) -> None:
        self.deck = deck
        self.state = state
        self.rules: Journey | Classic = Journey(deck) if state.mode == "journey" else Classic(deck)
        self.start_events: list[Event] = []  # what Game.new (or a resume) reported
        self.load_warnings: list[str] = []
        self._replay_exact = True  # False after from_json until a replay has been checked

    @property
    def _journey(self) -> Journey:
        """The rules, when this is a journey (actions check the mode first)."""
        if not isinstance(self.rules, Journey):
            raise GameError("This is part of journey games; this is a classic game.")
        return self.rules

    @property
    def _classic(self) -> Classic:
        if not isinstance(self.rules, Classic):
            raise GameError("This is part of classic games; this is a journey game.")
        return self.rules

    # -- creating -------------------------------------------------------------------------
    @classmethod
    def new(cls, deck: Deck, mode: str | None = None, seed: int | None = None,
            players: int | None = 2, player_names: list[str] | None = None) -> Game:
        mode = mode or (deck.modes[0] if deck.modes else "journey")
        if mode not in ("journey", "classic"):
            raise GameError(f"There is no “{mode}” mode: choose journey or classic.")
        if mode not in deck.modes:
            raise GameError(f"The deck “{deck.title}” is played as {' or '.join(deck.modes)}, "
                            f"not {mode}.")
        if seed is None:
            seed = random.SystemRandom().randrange(1, 1_000_000)
        if isinstance(seed, bool) or not isinstance(seed, int):
            raise GameError("The seed must be a whole number.")
        state = GameState(mode, seed)
        game = cls(deck, state)
        data: dict = {"deck": deck.id, "title": deck.title, "mode": mode, "seed": seed}
        events = [Event("game_started", data)]
        if mode == "journey":
            game._journey.start(state, events)
        else:
            names = _player_names(deck, game._classic.rules, players, player_names)
            data["players"] = names
            game._classic.start(state, names, events)
        game.start_events = events
        return game

    # -- what the table looks like ----------------------------------------------------------
    @property
    def mode(self) -> str:
        return self.state.mode

    @property
    def seed(self) -> int:
        return self.state.seed

    @property
    def current_card(self) -> Card | None:
        cid = self.state.current if self.mode == "journey" else self.state.top
        return self.deck.card(cid) if cid is not None else None

    @property
    def choices(self) -> tuple[Choice, ...]:
        if self.mode != "journey" or self.state.current is None:
            return ()
        return self.deck.card(self.state.current).choices

    @property
    def pending_reflection(self) -> Prompt | None:
        r = self.state.pending()
        return None if r is None else Prompt(r["id"], r["prompt"], r["card"])

    @property
    def discussing(self) -> Card | None:
        d = self.state.discussing
        return None if d is None or self.mode != "classic" else self.deck.card(d)

    @property
    def hands(self) -> list[list[Card]]:
        if self.mode != "classic":
            return []
        return [[self.deck.card(i) for i in hand] for hand in self.state.hands]

    @property
    def player(self) -> int:
        return self.state.player

    @property
    def player_names(self) -> list[str]:
        return list(self.state.player_names)

    @property
    def stats(self) -> dict[str, int]:
        return dict(self.state.stats)

    @property
    def flags(self) -> frozenset[str]:
        return frozenset(self.state.flags)

    @property
    def stage(self) -> Stage | None:
        if self.mode != "journey" or not self.deck.stages:
            return None
        return self.deck.stages[self.state.stage_index]

    @property
    def turn(self) -> int:
        return self.state.turn

    @property
    def finished(self) -> bool:
        return self.state.finished

    @property
    def ending(self) -> Ending | None:
        if not self.state.finished:
            return None
        if self.mode == "journey":
            return self._journey.ending_by_id(self.state.ending)
        return self._classic.ending(self.state)

    @property
    def winner(self) -> int | None:
        return self.state.winner

    def playable(self) -> list[Card]:
        if self.mode != "classic":
            return []
        return self._classic.playable(self.state)

    def actions(self) -> list[tuple]:
        s = self.state
        if s.finished:
            return []
        if self.mode == "journey":
            if s.pending() is not None:
                return [("reflect",)]
            return [("choose", i) for i in range(len(self.choices))]
        if s.discussing is not None:
            return [("end_discussion",)]
        playable = self._classic.playable(s)
        if playable:
            return [("play", c.id) for c in playable]
        return [("draw",)]

    # -- actions ------------------------------------------------------------------------------
    def choose(self, i: int, votes: list[int] | None = None) -> list[Event]:
        self._need("journey", "choose")
        if self.state.pending() is not None:
            raise GameError("Answer or skip the reflection before choosing.")
        n = len(self.choices)
        if isinstance(i, bool) or not isinstance(i, int) or not 0 <= i < n:
            raise GameError(f"Choose a number from 1 to {n}.")
        if votes is not None:
            votes = list(votes)
            if len(votes) != n or any(isinstance(v, bool) or not isinstance(v, int) or v < 0
                                      for v in votes):
                raise GameError(f"Votes are {n} whole numbers, one per choice.")
        events: list[Event] = []
        self._journey.choose(self.state, i, votes, events)
        self.state.actions.append(["choose", i, votes])
        return events

    def reflect(self, text: str | None) -> list[Event]:
        self._need("journey", "reflect")
        if self.state.pending() is None:
            raise GameError("There is no reflection waiting for an answer.")
        if text is not None and not isinstance(text, str):
            raise GameError("A reflection is text (or nothing, to skip it).")
        events: list[Event] = []
        self._journey.reflect(self.state, text, events)
        self.state.actions.append(["reflect", text])
        return events

    def play(self, card_id: str) -> list[Event]:
        self._need("classic", "play")
        s = self.state
        if s.discussing is not None:
            raise GameError("Finish talking about the card on the table first.")
        if card_id not in s.hands[s.player]:
            raise GameError(f"{s.player_names[s.player]} does not hold that card.")
        rules = self._classic
        top = rules.top_card(s)
        if not rules.matches(self.deck.card(card_id), top):
            raise GameError(f"That card does not match “{top.title}” on "
                            f"{' or '.join(rules.rules.match)}.")
        events: list[Event] = []
        rules.play(s, card_id, events)
        s.actions.append(["play", card_id])
        return events

    def draw(self) -> list[Event]:
        self._need("classic", "draw")
        if self.state.discussing is not None:
            raise GameError("Finish talking about the card on the table first.")
        if self._classic.playable(self.state):
            raise GameError("You can play a card, so there is no need to draw.")
        events: list[Event] = []
        self._classic.draw(self.state, events)
        self.state.actions.append(["draw"])
        return events

    def end_discussion(self) -> list[Event]:
        self._need("classic", "end_discussion")
        if self.state.discussing is None:
            raise GameError("No card is being discussed.")
        events: list[Event] = []
        self._classic.end_discussion(self.state, events)
        self.state.actions.append(["end_discussion"])
        return events

    def apply(self, action: list | tuple) -> list[Event]:
        """Perform a recorded action such as ["choose", 1, None] (replay, saves, tests)."""
        name, *rest = action
        if name == "choose":
            return self.choose(rest[0], rest[1] if len(rest) > 1 else None)
        if name == "reflect":
            return self.reflect(rest[0] if rest else None)
        if name == "play":
            return self.play(rest[0])
        if name in ("draw", "end_discussion"):
            return getattr(self, name)()
        raise GameError(f"Unknown action {name!r}.")

    def undo(self) -> list[Event]:
        actions = self.state.actions
        if not actions:
            raise GameError("There is nothing to undo.")
        if not self._replay_exact:
            if self.replay(actions).state.to_json() != self.state.to_json():
                raise GameError("The deck has changed since this game was saved, so undo "
                                "cannot go back before the point where it was resumed.")
            self._replay_exact = True
        earlier = self.replay(actions[:-1])
        self.state = earlier.state
        return [Event("undone", {"action": list(actions[-1]), "turn": self.state.turn})]

    def replay(self, actions: list) -> Game:
        """A new game with this game's deck, mode, seed and players, after `actions`."""
        s = self.state
        game = Game.new(self.deck, s.mode, s.seed, players=len(s.player_names) or 2,
                        player_names=s.player_names or None)
        for action in actions:
            game.apply(action)
        return game

    # -- saving -------------------------------------------------------------------------------
    def to_json(self) -> dict:
        from cardsdealt.engine.saves import game_to_json

        return game_to_json(self)

    @classmethod
    def from_json(cls, deck: Deck, data: dict) -> Game:
        from cardsdealt.engine.saves import game_from_json

        return game_from_json(cls, deck, data)

    def summary(self):
        from cardsdealt.engine.summary import build_summary

        return build_summary(self)

    def _need(self, mode: str, action: str) -> None:
        if self.state.mode != mode:
            raise GameError(f"{action}() is part of {mode} games; this is a "
                            f"{self.state.mode} game.")
        if self.state.finished:
            raise GameError("The game has ended.")


def _player_names(deck: Deck, rules: ClassicRules, players: int | None,
                  names: list[str] | None) -> list[str]:
    if names is not None:
        names = [str(n).strip() for n in names]
        if players is None:
            players = len(names)
    if players is None:
        players = max(2, rules.players_min)
    lo, hi = max(2, rules.players_min), min(MAX_PLAYERS, rules.players_max)
    if isinstance(players, bool) or not isinstance(players, int) or not lo <= players <= hi:
        raise GameError(f"This deck is played by {lo} to {hi} players or teams.")
    if names is None:
        return [f"Player {i + 1}" for i in range(players)]
    if len(names) != players or not all(names):
        raise GameError(f"Give {players} names, one for each player or team.")
    return names

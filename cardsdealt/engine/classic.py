"""Classic mode: the paper game at a table, for 2 to 5 players or teams.

Each player is dealt `hand_size` cards from a shuffled pile and one card is turned up.
On your turn you play a card that matches the top card on any field in `classic.match`
(theme, number); the group then pauses to talk about it (the card's `discuss` prompt and
the young people's `voice`), and the turn passes when the discussion ends. With nothing
playable you draw one card and the turn passes; an empty pile is refilled by shuffling the
discards under the top card; if nothing at all can be drawn the turn simply passes.
The first player with an empty hand ends the game, and everyone who joined the
conversation is a winner. If a whole round passes with nobody able to play or draw, the
game stops (the fewest cards "wins") so that no table is stuck for ever.
"""

from __future__ import annotations

from cardsdealt.deck.model import Card, ClassicRules, Deck, Ending
from cardsdealt.engine.errors import GameError
from cardsdealt.engine.events import Event
from cardsdealt.engine.state import GameState

EVERYONE_WINS = "Everyone who joined the conversation is a winner."


class Classic:
    """The classic rules for one deck; holds no game state."""

    def __init__(self, deck: Deck) -> None:
        self.deck = deck
        self.rules = deck.classic or ClassicRules()
        cards = [c for c in deck.cards if c.theme is not None or c.number is not None]
        self.cards: tuple[Card, ...] = tuple(cards or deck.cards)

    def start(self, state: GameState, names: list[str], events: list[Event]) -> None:
        players = len(names)
        pile = [c.id for c in self.cards]
        state.rng.shuffle(pile)
        hand_size = min(self.rules.hand_size, (len(pile) - 1) // players)
        if hand_size < 1:
            raise GameError(f"This deck has {len(pile)} cards: too few to deal to "
                            f"{players} players and turn one card up.")
        state.player_names = list(names)
        state.hands = [[] for _ in range(players)]
        for _ in range(hand_size):
            for hand in state.hands:
                hand.append(pile.pop())
        state.top = pile.pop()
        state.seen.add(state.top)
        state.pile = pile
        top = self.deck.card(state.top)
        events.append(Event("card_dealt", {"card": top.id, "title": top.title, "top": True,
                                           "hand_sizes": [len(h) for h in state.hands]}))
        events.append(self._turn_event(state, "start"))

    # -- questions ------------------------------------------------------------------------
    def matches(self, card: Card, top: Card) -> bool:
        for name in self.rules.match:
            value = getattr(card, name, None)
            if value is not None and value == getattr(top, name, None):
                return True
        return False

    def top_card(self, state: GameState) -> Card:
        if state.top is None:
            raise GameError("There is no card on the table.")
        return self.deck.card(state.top)

    def playable(self, state: GameState) -> list[Card]:
        if state.finished or state.discussing is not None:
            return []
        top = self.top_card(state)
        hand = (self.deck.card(i) for i in state.hands[state.player])
        return [c for c in hand if self.matches(c, top)]

    # -- actions ----------------------------------------------------------------------------
    def play(self, state: GameState, card_id: str, events: list[Event]) -> None:
        card = self.deck.card(card_id)
        p = state.player
        state.hands[p].remove(card_id)
        state.discard.append(self.top_card(state).id)
        state.top = card_id
        state.turn += 1
        state.seen.add(card_id)
        state.stuck_passes = 0
        state.discussing = card_id
        state.plays.append({"player": p, "card": card_id, "title": card.title,
                            "turn": state.turn})
        events.append(Event("card_played", {"player": p, "name": state.player_names[p],
                                            "card": card_id, "title": card.title,
                                            "left": len(state.hands[p])}))
        events.append(Event("discussion_started", {
            "card": card_id, "title": card.title, "discuss": card.discuss, "voice": card.voice,
            "seconds": self.deck.discussion_seconds}))

    def end_discussion(self, state: GameState, events: list[Event]) -> None:
        card_id, state.discussing = state.discussing, None
        if card_id is None:
            raise GameError("No card is being discussed.")
        state.discussions.append(card_id)
        events.append(Event("discussion_ended", {"card": card_id}))
        if not state.hands[state.player]:
            self._finish(state, state.player, events)
        else:
            self._next_player(state, "played", events)

    def draw(self, state: GameState, events: list[Event]) -> None:
        p = state.player
        state.turn += 1
        reshuffled = False
        if not state.pile and state.discard:
            state.pile, state.discard = state.discard, []
            state.rng.shuffle(state.pile)
            reshuffled = True
        if state.pile:
            card_id = state.pile.pop()
            state.hands[p].append(card_id)
            state.stuck_passes = 0
            events.append(Event("card_drawn", {"player": p, "name": state.player_names[p],
                                               "card": card_id,
                                               "title": self.deck.card(card_id).title,
                                               "reshuffled": reshuffled}))
            self._next_player(state, "drew", events)
            return
        state.stuck_passes += 1
        if state.stuck_passes >= len(state.hands):
            fewest = min(range(len(state.hands)), key=lambda i: len(state.hands[i]))
            self._finish(state, fewest, events, stuck=True)
        else:
            self._next_player(state, "nothing_to_draw", events)

    # -- turns and the end ------------------------------------------------------------------
    def _next_player(self, state: GameState, reason: str, events: list[Event]) -> None:
        state.player = (state.player + 1) % len(state.hands)
        events.append(self._turn_event(state, reason))

    def _turn_event(self, state: GameState, reason: str) -> Event:
        return Event("turn_passed", {"player": state.player,
                                     "name": state.player_names[state.player],
                                     "reason": reason})

    def _finish(self, state: GameState, winner: int, events: list[Event],
                stuck: bool = False) -> None:
        state.finished = True
        state.winner = winner
        state.ending = "classic-stuck" if stuck else "classic-won"
        ending = self.ending(state)
        assert ending is not None  # the winner was set just above
        events.append(Event("game_ended", {"ending": ending.id, "title": ending.title,
                                           "text": ending.text, "winner": winner,
                                           "name": state.player_names[winner]}))

    def ending(self, state: GameState) -> Ending | None:
        if state.winner is None:
            return None
        name = state.player_names[state.winner]
        if state.ending == "classic-stuck":
            return Ending("classic-stuck", "Nobody can move",
                          f"Nobody could play or draw, so the game stops here; {name} holds "
                          f"the fewest cards. {EVERYONE_WINS}")
        return Ending("classic-won", f"{name} played their last card",
                      f"{name} is first with an empty hand. {EVERYONE_WINS}")

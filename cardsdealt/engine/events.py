"""What the engine tells front ends: events (something happened) and prompts (answer this).

Front ends never read the state to learn *what changed*; they render the events an action
returns, then read the game's properties to draw the table as it now is.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Mapping, NamedTuple

EVENT_KINDS = frozenset({
    "game_started", "card_dealt", "choice_made", "stat_changed", "flag_set", "flag_cleared",
    "response", "reflection_raised", "reflection_answered", "reflection_skipped",
    "stage_changed", "card_played", "card_drawn", "discussion_started", "discussion_ended",
    "turn_passed", "undone", "game_ended",
})


class Event(NamedTuple):
    """`kind` is one of EVENT_KINDS; `data` holds plain JSON values (ids, numbers, text).

    A named tuple rather than a frozen dataclass: immutable all the same, and several times
    cheaper to create, which matters when simulate plays hundreds of thousands of cards."""

    kind: str
    data: Mapping = MappingProxyType({})

    def to_json(self) -> dict:
        return {"event": self.kind, **self.data}


@dataclass(frozen=True, slots=True)
class Prompt:
    """A reflection waiting for an answer. `id` is the deck rule's id, or `card-id#n` for the
    `reflect` text of a card's n-th choice; `card_id` is the card on the table when raised."""

    id: str
    text: str
    card_id: str | None = None

    def to_json(self) -> dict:
        return {"id": self.id, "text": self.text, "card": self.card_id}

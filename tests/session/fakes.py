"""A stand-in for cardsdealt.engine.Game: just the attributes the session store reads."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class FakeStage:
    id: str
    title: str


@dataclass
class FakePrompt:
    id: str
    text: str
    card_id: str | None = None


class FakeDeck:
    id = "fake"
    title = "A Fake Deck"
    root = ""


class FakeGame:
    def __init__(self, turn: int = 0, pending: str | None = None, finished: bool = False):
        self.turn, self.finished, self.mode = turn, finished, "journey"
        self.stage = FakeStage("settling", "Settling in")
        self.pending_reflection = FakePrompt(pending, "Why?") if pending else None
        self.current_card = None

    def to_json(self) -> dict:
        return {"save_version": 1, "turn": self.turn, "finished": self.finished}

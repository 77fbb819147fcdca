"""Errors the engine raises. Messages are written for the person at the keyboard."""

from __future__ import annotations


class GameError(Exception):
    """An action that the rules do not allow right now. The game is left unchanged."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class SaveError(GameError):
    """A saved game that cannot be opened: newer, damaged or for another deck."""

"""Counting a room's raised hands without anyone's device, and the tie rule. Pure: both front
ends count with it (the window's number keys, the terminal's typed counts).

The trainer counts one raised hand at a time for a choice (`add`), or types a count: C, the
choice's number, the count, Enter ("C 2 1 2 Enter": choice 2 has 12 hands), fed here one
step at a time (`start_entry`, `entry_digit`, `entry_back`, `entry_enter`). `undo` takes the
last counting step away. The counts go into the engine with the choice
(`game.choose(i, votes=tally.votes())`), so they are saved with the session and appear in
the summary and the exported record.

The room's choice (`room_choice`): the choice with the most hands is taken; when two or more
share the most hands it is a tie, and the room is asked which of those it takes (the engine
never breaks a tie by itself: not by order, not at random). Nobody counted: no choice.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_COUNT = 999
MAX_DIGITS = 3


def hands(n: int) -> str:
    """"1 hand", "5 hands"."""
    return f"{n} hand" if n == 1 else f"{n} hands"


@dataclass(frozen=True)
class RoomChoice:
    """What the counts decide: `taken` (one choice, 0-based), or `tied` (the choices sharing
    the most hands: ask the room), or neither (nobody counted)."""

    taken: int | None
    tied: tuple[int, ...] = ()


def room_choice(counts: list[int]) -> RoomChoice:
    """The tie rule: the most hands wins; a tie asks the room; no hands, no choice."""
    leaders = most_hands(counts)
    if len(leaders) == 1:
        return RoomChoice(leaders[0])
    return RoomChoice(None, tuple(leaders))


def most_hands(counts: list[int]) -> list[int]:
    """The choices with the most hands (more than one: a tie); [] before any count."""
    if not sum(counts):
        return []
    top = max(counts)
    return [i for i, c in enumerate(counts) if c == top]


@dataclass
class Tally:
    counts: list[int]
    history: list[tuple[int, int]] = field(default_factory=list)  # (choice, count before)
    entering: bool = False  # C was pressed: a choice number, then a count, then Enter
    entry_choice: int | None = None
    entry_digits: str = ""

    @classmethod
    def empty(cls, n: int) -> Tally:
        return cls([0] * n)

    @property
    def total(self) -> int:
        return sum(self.counts)

    def votes(self) -> list[int] | None:
        """The counts for the engine, or None when nobody was counted."""
        return list(self.counts) if self.total else None

    def leaders(self) -> list[int]:
        return most_hands(self.counts)

    def decide(self) -> RoomChoice:
        return room_choice(self.counts)

    def add(self, i: int, n: int = 1) -> bool:
        if not 0 <= i < len(self.counts):
            return False
        self.history.append((i, self.counts[i]))
        self.counts[i] = max(0, min(MAX_COUNT, self.counts[i] + n))
        return True

    def set(self, i: int, n: int) -> bool:
        if not 0 <= i < len(self.counts):
            return False
        self.history.append((i, self.counts[i]))
        self.counts[i] = max(0, min(MAX_COUNT, n))
        return True

    def undo(self) -> bool:
        """Take the last counting step away (a hand counted by mistake)."""
        if not self.history:
            return False
        i, before = self.history.pop()
        self.counts[i] = before
        return True

    # -- typing a count: C, the choice's number, the count, Enter ---------------------
    def start_entry(self) -> None:
        self.entering, self.entry_choice, self.entry_digits = True, None, ""

    def cancel_entry(self) -> None:
        self.entering, self.entry_choice, self.entry_digits = False, None, ""

    def entry_digit(self, digit: int) -> None:
        """The first digit picks the choice (1-based), the next ones are the count."""
        if self.entry_choice is None:
            if 1 <= digit <= len(self.counts):
                self.entry_choice = digit - 1
        elif len(self.entry_digits) < MAX_DIGITS:
            self.entry_digits += str(digit)

    def entry_back(self) -> None:
        """Backspace: the last digit, else the choice, else stop typing a count."""
        if self.entry_digits:
            self.entry_digits = self.entry_digits[:-1]
        elif self.entry_choice is not None:
            self.entry_choice = None
        else:
            self.cancel_entry()

    def entry_enter(self) -> None:
        """Enter: keep the typed count (if there is one) and stop typing."""
        if self.entry_choice is not None and self.entry_digits:
            self.set(self.entry_choice, int(self.entry_digits))
        self.cancel_entry()

    def entry_words(self) -> str:
        if not self.entering:
            return ""
        if self.entry_choice is None:
            return f"Type a count: press the choice's number (1–{len(self.counts)})"
        return (f"Hands for choice {self.entry_choice + 1}: {self.entry_digits or '_'}  "
                "· Enter: keep it · Backspace: correct")

    def summary_words(self) -> str:
        """"5 hands counted: 1 has 3, 2 has 2" for hints and the presenter window."""
        if not self.total:
            return "No hands counted yet."
        each = ", ".join(f"{i + 1} has {c}" for i, c in enumerate(self.counts))
        return f"{hands(self.total)} counted: {each}"

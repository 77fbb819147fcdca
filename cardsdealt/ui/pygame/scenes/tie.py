"""A tie in the hands-up count: the room's choice is not clear, so the trainer says which.
The first tied choice is marked; "Count again" goes back to the card with the counts kept."""

from __future__ import annotations

from cardsdealt.engine.tally import hands
from cardsdealt.ui.pygame.scenes.overlays import Menu


class TieMenu(Menu):
    name = "tie"
    title = "A tie"

    def __init__(self, app, choices: list[int], labels: list[str], count: int) -> None:
        super().__init__(app)
        self.message = (f"{len(choices)} choices have {hands(count)} each. Which does the "
                        "room take? (Next moves, F5 takes it.)")
        self.entries = tuple((i, f"{i + 1}. {label}") for i, label in zip(choices, labels,
                                                                           strict=False))
        self.entries += (("again", "Count again"),)

    def done(self, result=None) -> None:
        super().done(result if isinstance(result, int) else None)

    def on_intent(self, intent, event) -> None:
        if isinstance(intent, tuple) and intent[0] == "choose":  # the choice's own number
            if any(r == intent[1] - 1 for r, _ in self.entries):
                self.done(intent[1] - 1)
            return
        super().on_intent(intent, event)

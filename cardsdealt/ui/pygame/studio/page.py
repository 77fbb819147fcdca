"""What every studio screen that changes the deck shares: the deck (`doc`), Undo and Redo in
the bottom row, check's advice put on the field it is about, and a refusal (a number that is
not a number, a fifth choice) said on the field that was changed.

The screens built on it: form.py (a form of fields from the catalogue), deckpage.py (the
deck's page and "About this deck"), cardform.py (a card and one of its choices), parts.py
(parts of the story, meters, endings, questions) and conditions.py ("Only if...").
"""

from __future__ import annotations

from cardsdealt.authoring.studio import StudioDeck
from cardsdealt.ui.pygame.studio.control import Control
from cardsdealt.ui.pygame.studio.screen import StudioScreen


class Page(StudioScreen):
    """A screen of the deck being made; `path` is the advice path of what it shows."""

    path = "deck"
    _last_advice: dict[str, list[str]] | None = None  # check's advice, as last worked out

    @property
    def doc(self) -> StudioDeck:
        assert self.studio.doc is not None
        return self.studio.doc

    def history(self) -> list[Control]:
        """Undo and Redo, for the bottom row of every screen that changes the deck."""
        return [Control("tool.undo", "Undo", action=lambda: self.studio.undo(self),
                        enabled=self.doc.can_undo),
                Control("tool.redo", "Redo", action=lambda: self.studio.redo(self),
                        enabled=self.doc.can_redo)]

    # -- advice and refusals -------------------------------------------------------------
    def advise(self, every: dict[str, list[str]] | None = None) -> None:
        """Put check's advice on the fields (worked out now when not given)."""
        if every is None:
            from cardsdealt.authoring.studio.advice import all_advice

            every = all_advice(self.doc, self.studio.root)
        self._last_advice = every
        self._put_advice(self.all(), every)
        self._controls_relayout()

    def all(self) -> list[Control]:
        """The controls; made again (new settings, undo), they carry the advice last worked
        out until it is worked out again, so it does not blink off and on."""
        fresh = self._controls is None
        out = super().all()
        if fresh and self._last_advice is not None:
            self._put_advice(out, self._last_advice)
            self._layout()
            self._reveal(whole=False)
        return out

    def _put_advice(self, controls: list[Control], every: dict[str, list[str]]) -> None:
        whole = every.get(self.path, [])
        column = [c for c in controls if not c.tool]
        for c in column:
            c.advice = [a for p, ws in every.items() if p == c.key or
                        (c.kind in ("button", "row") and p.startswith(c.key + "."))
                        for a in ws]
            if c.kind == "row" and c.advice:  # a list says how much; the form says what
                n = len(c.advice)
                c.advice = [f"{n} thing{'s' if n > 1 else ''} to look at: open it to see "
                            f"{'them' if n > 1 else 'it'}"]
        if whole and column:
            column[0].advice = whole + column[0].advice

    def _controls_relayout(self) -> None:
        """Advice grew or shrank a field: lay out again, keeping the marked one in view."""
        if self._controls is not None:
            self._layout()
            self._reveal(whole=False)
        self.changed()

    def refused(self, words: str) -> None:
        c = self.focused()
        if c is None:
            return
        advice = [a for a in c.advice if not a.startswith("\u2192 ")]
        if words:
            advice.insert(0, "\u2192 " + words)
        if advice != c.advice:
            c.advice = advice
            self._still_version += 1
            self._controls_relayout()

    def on_show(self) -> None:
        super().on_show()
        if self.studio.doc is not None and self.app.top is self:
            self.advise()

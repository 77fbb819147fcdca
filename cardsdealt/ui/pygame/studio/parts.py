"""The parts of a journey beside its cards: parts of the story (stages), meters, endings and
questions to think about. One list screen for each (`PartsScreen`: Add, then each part with
Delete beside it) and one form for a part (`PartScreen`)."""

from __future__ import annotations

from functools import partial
from typing import Any

from cardsdealt.authoring.studio import StudioDeck
from cardsdealt.authoring.studio import fields as SF
from cardsdealt.ui.pygame.studio.control import Control
from cardsdealt.ui.pygame.studio.form import Form
from cardsdealt.ui.pygame.studio.page import Page

# kind: (the list's name, one of them, its fields, the field that names it, "Add ...",
#        what they are, in a line under the list's name on the deck's page)
PARTS = {
    "stage": ("Parts of the story", "Part of the story", SF.STAGE_FIELDS, "title",
              "Add a part of the story", "The story in steps, like arriving, then settling in"),
    "meter": ("Meters", "Meter", SF.METER_FIELDS, "label", "Add a meter",
              "Something that goes up or down with each choice, like how safe the young "
              "person feels"),
    "ending": ("Endings", "Ending", SF.ENDING_FIELDS, "title", "Add an ending",
               "How the story can end, and which ending comes when"),
    "reflection": ("Questions to think about", "Question", SF.REFLECTION_FIELDS, "prompt",
                   "Add a question", "Questions for the group to think about as they play"),
}


def _items(doc: StudioDeck, kind: str) -> list[dict]:
    return {"stage": doc.stages, "meter": doc.meters, "ending": doc.endings,
            "reflection": doc.reflections}[kind]()


def _delete(doc: StudioDeck, kind: str, i: int) -> None:
    {"stage": doc.delete_stage, "meter": doc.delete_meter, "ending": doc.delete_ending,
     "reflection": doc.delete_reflection}[kind](i)


class PartsScreen(Page):
    name = "studio-parts"

    def __init__(self, app, studio, kind: str) -> None:
        super().__init__(app, studio)
        self.kind = kind
        self.path = f"{kind}s"
        self.title = PARTS[kind][0]

    def controls(self) -> list[Control]:
        title_key = PARTS[self.kind][3]
        out = [Control(f"add-{self.kind}", PARTS[self.kind][4], action=self.add)]
        items = _items(self.doc, self.kind)
        for i, it in enumerate(items):
            words = str(it.get(title_key) or "Not written yet")
            detail = self.detail(it, i, len(items))
            out += [Control(f"{self.kind}:{i}", f"{i + 1}. {words}", kind="row",
                            detail=detail, group=200 + i, width=5.0,
                            action=partial(self.open_item, i)),
                    Control(f"{self.kind}:{i}.delete", "Delete", group=200 + i, width=1.3,
                            action=partial(self.delete, i))]
        return out

    def detail(self, it: dict, i: int, n: int) -> str:
        names = self.doc.names()
        if self.kind == "stage":
            return f"{it.get('draws')} cards in this part"
        if self.kind == "meter":
            return f"Starts at {it.get('start')}, from {it.get('min')} to {it.get('max')}"
        if self.kind == "ending":
            if i == n - 1:
                return "For every other journey"
            w = SF.describe_condition(str(it.get("when") or ""), names)
            return f"When {w}" if w else "When: not set yet"
        w = SF.describe_condition(str(it.get("when") or ""), names)
        return f"Asked when {w}" if w else "When: not set yet"

    def tools(self) -> list[Control]:
        return [Control("tool.back", "Back to the cards", action=self.back),
                *self.history()]

    def add(self) -> None:
        adder = {"stage": self.doc.add_stage, "meter": self.doc.add_meter,
                 "ending": self.doc.add_ending, "reflection": self.doc.add_reflection}
        i = self.studio.act(self, adder[self.kind])
        if i is not None:
            self.open_item(i)

    def open_item(self, i: int) -> None:
        self.focus_key = f"{self.kind}:{i}"
        self.studio.open(PartScreen(self.app, self.studio, self.kind, i))

    def delete(self, i: int) -> None:
        self.studio.act(self, lambda: _delete(self.doc, self.kind, i))
        self.studio.note = "Deleted. Undo brings it back."
        self.changed()


class PartScreen(Form):
    name = "studio-part"

    def __init__(self, app, studio, kind: str, i: int) -> None:
        super().__init__(app, studio)
        self.kind, self.i = kind, i
        self.path = f"{kind}:{i}"

    def gone(self) -> bool:
        return self.i >= len(_items(self.doc, self.kind))

    def heading(self) -> str:
        it = _items(self.doc, self.kind)[self.i] if not self.gone() else {}
        words = str(it.get(PARTS[self.kind][3]) or "")
        return f"{PARTS[self.kind][1]} {self.i + 1}" + (f": {words}" if words else "")

    def get(self, key: str) -> Any:
        return _items(self.doc, self.kind)[self.i].get(key)

    def put(self, key: str, value: Any) -> None:
        setter = {"stage": self.doc.set_stage, "meter": self.doc.set_meter,
                  "ending": self.doc.set_ending, "reflection": self.doc.set_reflection}
        setter[self.kind](self.i, key, value)

    def controls(self) -> list[Control]:
        fields = PARTS[self.kind][2]
        last_ending = self.kind == "ending" and self.i == len(self.doc.endings()) - 1
        return self.field_controls([f for f in fields
                                    if not (last_ending and f.key == "when")])

    def tools(self) -> list[Control]:
        return [Control("tool.back", "Back", action=self.back),
                Control("tool.delete", "Delete", action=self.delete),
                *self.history()]

    def delete(self) -> None:
        self.studio.act(self, lambda: _delete(self.doc, self.kind, self.i))
        self.studio.leave(self)
        self.studio.note = "Deleted. Undo brings it back."

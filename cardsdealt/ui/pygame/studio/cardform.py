"""One card's form, with the card beside it as the projector shows it and as it is printed
(preview.py), updated with every keystroke; and one choice on a journey card (what the adults
do, what happens next, how it changes the meters, where it leads, "only if...")."""

from __future__ import annotations

from functools import partial
from typing import Any

import pygame
from pygame import Rect

from cardsdealt.authoring.studio import fields as SF
from cardsdealt.authoring.studio.document import MAX_CHOICES
from cardsdealt.ui.pygame.studio.control import Control
from cardsdealt.ui.pygame.studio.form import Form


class CardScreen(Form):
    name = "studio-card"
    side_share = 0.46

    def __init__(self, app, studio, cid: str) -> None:
        super().__init__(app, studio)
        self.cid = cid
        self.path = f"card:{cid}"
        self._preview: tuple | None = None

    def gone(self) -> bool:
        return self.cid not in [c.id for c in self.doc.cards()]

    def kind(self) -> str:
        return next((c.kind for c in self.doc.cards() if c.id == self.cid), "journey")

    def heading(self) -> str:
        ids = [c.id for c in self.doc.cards()]
        n = ids.index(self.cid) + 1 if self.cid in ids else 0
        title = self.get("title") or "a new card"
        return f"Card {n} of {len(ids)}: {title}"

    def get(self, key: str) -> Any:
        return self.doc.card_value(self.cid, key)

    def put(self, key: str, value: Any) -> None:
        self.doc.set_card(self.cid, key, value)

    def form_fields(self) -> list[SF.Field]:
        return SF.JOURNEY_CARD_FIELDS if self.kind() == "journey" else SF.TABLE_CARD_FIELDS

    def controls(self) -> list[Control]:
        out: list[Control] = []
        for f in self.form_fields():
            if f.key == "choices":
                out += self.choice_controls(f)
            else:
                out += self.field_control(f)
        return out

    def choice_controls(self, f: SF.Field) -> list[Control]:
        out = []
        choices = self.doc.choices(self.cid)
        for i, ch in enumerate(choices):
            label = ch.get("label") or "Not written yet"
            said = ch.get("response") or "not written yet"
            out.append(Control(f"{self.path}.choice:{i}", f"Choice {i + 1}: {label}",
                               detail=f"What happens next: {said}",
                               action=partial(self.open_choice, i)))
        out.append(Control(f"{self.path}.add-choice", "Add a choice",
                           enabled=len(choices) < MAX_CHOICES, action=self.add_choice))
        return out

    def open_choice(self, i: int) -> None:
        self.studio.open(ChoiceScreen(self.app, self.studio, self.cid, i))

    def add_choice(self) -> None:
        i = self.studio.act(self, lambda: self.doc.add_choice(self.cid))
        if i is not None:
            self.open_choice(i)

    def tools(self) -> list[Control]:
        return [Control("tool.back", "Back to the cards", action=self.back),
                Control("tool.copy", "Copy this card", action=self.copy),
                Control("tool.delete", "Delete this card", action=self.delete),
                *self.history()]

    def back(self) -> None:
        """Back to the cards; a card added without a name gets its id from the name now."""
        if type(self) is CardScreen:
            renamed = self.doc.tidy_ids()
            if renamed:
                self.studio.saved()
                self.cid = renamed.get(self.cid, self.cid)
                below = self.studio.screens[:-1]
                for s in below:
                    if getattr(s, "focus_key", None) in {f"card:{o}" for o in renamed}:
                        s.focus_key = f"card:{renamed[s.focus_key[5:]]}"
        super().back()

    def copy(self) -> None:
        new = self.studio.act(self, lambda: self.doc.duplicate_card(self.cid))
        if new:
            self.studio.note = "This is the copy."
            self.studio.screens.remove(self)
            self.studio.open(CardScreen(self.app, self.studio, new))

    def delete(self) -> None:
        self.studio.act(self, lambda: self.doc.delete_card(self.cid))
        self.studio.leave(self)
        self.studio.note = "Card deleted. Undo brings it back."

    def edited(self) -> None:
        self._preview = None
        self.changed()

    def rebuild(self) -> None:
        self._preview = None
        super().rebuild()

    def restyle(self) -> None:
        self._preview = None
        super().restyle()

    def on_show(self) -> None:
        self._preview = None  # back from a choice: its words are on the card now
        super().on_show()

    def draw_side(self, surface: pygame.Surface, rect: Rect) -> None:
        from cardsdealt.ui.pygame.studio.preview import (
            card_from_form,
            draw_previews,
            preview_boxes,
            printed_face,
            projector_card,
        )

        key = (self.app.size, rect.size, self.theme.name)
        if self._preview is None or self._preview[0] != key:
            doc = self.doc
            deck, fresh = doc.preview(self.cid, self.studio.root)
            card = card_from_form(doc, self.cid)  # the form's values as they are now
            if fresh is not None:  # ...with what only a loaded deck knows (its conditions)
                from dataclasses import replace

                card = replace(card, requires=fresh.requires)
            themes = tuple(doc.deck_value("classic.themes") or ())
            screen_box, paper_box = preview_boxes(rect, self.m.u)
            screen_card = projector_card(card, self.app.size, self.studio.root, self.theme,
                                         themes, screen_box.size)
            ids = [c.id for c in doc.cards()]
            stage = next((s["title"] for s in doc.stages() if s["id"] == card.stage), "")
            paper = printed_face(card, deck, ids.index(self.cid) + 1 if self.cid in ids else 1,
                                 paper_box.size, self.theme, self.studio.root, themes, stage,
                                 str(doc.deck_value("written_by") or "young-people"))
            self._preview = (key, screen_card, paper)
        draw_previews(surface, rect, self._preview[1], self._preview[2], self.theme, self.m.u)


class ChoiceScreen(CardScreen):
    name = "studio-choice"

    def __init__(self, app, studio, cid: str, i: int) -> None:
        super().__init__(app, studio, cid)
        self.i = i
        self.path = f"card:{cid}.choice:{i}"

    def gone(self) -> bool:
        return super().gone() or self.i >= len(self.doc.choices(self.cid))

    def heading(self) -> str:
        title = self.doc.card_value(self.cid, "title") or "a new card"
        return f"Choice {self.i + 1} on \u201c{title}\u201d"

    def get(self, key: str) -> Any:
        if key == "title":
            return self.doc.card_value(self.cid, "title")
        return self.doc.choices(self.cid)[self.i].get(key)

    def put(self, key: str, value: Any) -> None:
        self.doc.set_choice(self.cid, self.i, key, value)

    def form_fields(self) -> list[SF.Field]:
        return SF.CHOICE_FIELDS

    def controls(self) -> list[Control]:
        return self.field_controls(SF.CHOICE_FIELDS)

    def tools(self) -> list[Control]:
        return [Control("tool.back", "Back to the card", action=self.back),
                Control("tool.delete", "Delete this choice", action=self.delete),
                *self.history()]

    def delete(self) -> None:
        self.studio.act(self, lambda: self.doc.delete_choice(self.cid, self.i))
        self.studio.leave(self)
        self.studio.note = "Choice deleted. Undo brings it back."

"""A form of fields from the catalogue (`authoring.studio.fields`): each field becomes the
control of its kind (a box for words, a pick, a yes/no, a "this changes the meters" stepper
for each meter, a picture button, an "Only if..." button), so every label is plain words and
no YAML key is ever shown. A screen says how its fields are read (`get`) and written (`put`).
"""

from __future__ import annotations

from typing import Any, Callable

from cardsdealt.authoring.studio import StudioError
from cardsdealt.authoring.studio import fields as SF
from cardsdealt.render.card_view import theme_label
from cardsdealt.ui.pygame.studio.conditions import ConditionScreen
from cardsdealt.ui.pygame.studio.control import Control
from cardsdealt.ui.pygame.studio.page import Page

NO_CARD = ""


def _words(f: SF.Field) -> dict[str, Any]:
    """A field's words on its control: its label, its hint, its example."""
    return {"label": f.label, "hint": f.hint, "example": f.example}


def _lines(text: str) -> list[str]:
    return [line.strip() for line in str(text).split("\n") if line.strip()]


def _support_text(value) -> str:
    return "\n".join(f"{n} — {d}" if d else n for n, d in value or [])


def _support_value(text: str) -> list[tuple[str, str]]:
    out = []
    for line in _lines(text):
        for sep in (" — ", " – ", " - "):
            if sep in line:
                name, detail = line.split(sep, 1)
                out.append((name.strip(), detail.strip()))
                break
        else:
            out.append((line, ""))
    return out


class Form(Page):
    """A screen of fields from the catalogue, each read with `get(key)` and written with
    `put(key, value)`; `path` is the advice path of the thing edited."""

    def get(self, key: str) -> Any:
        raise NotImplementedError

    def put(self, key: str, value: Any) -> None:
        raise NotImplementedError


    def field_controls(self, fields: list[SF.Field]) -> list[Control]:
        """The fields' controls; a field for one way of playing only (a table game's themes)
        is left out of a deck played the other way."""
        out: list[Control] = []
        for f in fields:
            if not f.only_for or f.only_for == self.doc.mode:
                out += self.field_control(f)
        return out

    def _setter(self, key: str, convert: Callable[[Any], Any] = lambda v: v):
        return lambda v: self.put(key, convert(v))

    def field_control(self, f: SF.Field) -> list[Control]:  # noqa: C901 - one per kind
        key = f"{self.path}.{f.key}"
        value = self.get(f.key)
        kind = f.kind
        if kind in ("line", "text"):
            return [Control(key, kind=kind, value=value or "", on_change=self._setter(f.key),
                            label=f.label, hint=f.hint, example=f.example)]
        if kind == "number":
            def number(text: str, k: str = f.key) -> None:
                if text.strip():  # an emptied box keeps the last number until one is typed
                    self.put(k, text)
            return [Control(key, kind="line", value="" if value in (None, "") else str(value),
                            on_change=number, **_words(f))]
        if kind in ("names", "remember"):
            return [Control(key, kind="text", value="\n".join(str(v) for v in value or []),
                            on_change=self._setter(f.key, _lines), **_words(f))]
        if kind == "support":
            hint = f.hint + " One on each line: who, a dash, then how to reach them."
            return [Control(key, kind="text", value=_support_text(value), label=f.label,
                            hint=hint, on_change=self._setter(f.key, _support_value))]
        if kind == "yesno":
            return [Control(key, kind="toggle", value=bool(value),
                            on_change=self._setter(f.key), **_words(f))]
        if kind == "pick":
            options = list(f.options) or self.options_from(f.options_from, value)
            return [Control(key, kind="pick", value=value, options=options,
                            on_change=self._setter(f.key), **_words(f))]
        if kind == "condition":
            return [self.condition_button(f, key, value)]
        if kind == "changes":
            return self.change_controls(f, key, value or {})
        if kind == "picture":
            return self.picture_controls(f, key, value)
        raise StudioError(f"The studio cannot show a {kind} field yet.")

    def options_from(self, source: str, value: Any) -> list[tuple[Any, str]]:
        doc = self.doc
        if source == "stages":
            return [(s["id"], s["title"] or "A part with no name yet") for s in doc.stages()]
        if source == "themes":
            themes = list(doc.deck_value("classic.themes") or [])
            if value and value not in themes:
                themes.append(value)
            return [(t, theme_label(t)) for t in themes] or \
                [("", "Write your themes on \u201cAbout this deck\u201d first")]
        if source in ("cards", "journey-cards"):
            mine = getattr(self, "cid", None)
            return [(NO_CARD, "No card: the story goes on as usual")] + [
                (c.id, c.title or "A card with no name yet") for c in doc.cards()
                if c.id != mine and (source == "cards" or c.kind == "journey")]
        if source == "meters":
            return [(m["id"], m["label"] or m["id"]) for m in doc.meters()]
        return []

    def condition_button(self, f: SF.Field, key: str, value: Any) -> Control:
        words = SF.describe_condition(str(value or ""), self.doc.names())
        detail = words[:1].upper() + words[1:] if words else "Not set: press to choose"
        return Control(key, f.label, detail=detail, action=lambda: self.open_condition(f))

    def open_condition(self, f: SF.Field) -> None:
        self.studio.open(ConditionScreen(self.app, self.studio, f.label,
                                         lambda: self.get(f.key), self._setter(f.key),
                                         self.heading()))

    def change_controls(self, f: SF.Field, key: str, value: dict) -> list[Control]:
        meters = self.doc.meters()
        if not meters:
            return [Control(key, f.label, detail="There are no meters yet: add one from the "
                            "deck's page", enabled=False)]
        out: list[Control] = []
        for m in meters:
            def put(v, mid=m["id"]):
                now = dict(self.get(f.key) or {})
                now[mid] = v
                self.put(f.key, now)
            out.append(Control(f"{key}.{m['id']}", kind="stepper", detail="change",
                               label=f"{f.label}: {m['label'] or m['id']}",
                               hint=f.hint if not out else "",
                               value=int(value.get(m["id"], 0)), bounds=(-5, 5),
                               on_change=put))
        return out

    def picture_controls(self, f: SF.Field, key: str, value: Any) -> list[Control]:
        if value:
            label, detail = f.label, "This card has one: press to draw or bring in another"
        else:
            label, detail = f.label, "None yet: press to draw one or bring in a photo"
        out = [Control(key, label, detail=detail, group=900, width=3.0,
                       action=lambda: self.picture(f.key))]
        if value:
            out.append(Control(key + ".off", "Take it off", group=900, width=1.2,
                               action=lambda: self.studio.act(self,
                                                              lambda: self.put(f.key, ""))))
        return out

    def picture(self, key: str) -> None:
        """The picture step (draw, or bring in a photo or scan), then into the deck."""
        from cardsdealt.ui.pygame.studio.picture import open_picture_step

        def done(data: bytes, ext: str = "") -> None:
            add_picture(self, key, data)

        now = str(self.get(key) or "")
        open_picture_step(self.app, done, drawing=self.doc.pictures().get(now))

    def take_file(self, path: str) -> bool:
        """A picture dropped on a card's form opens the picture step with it (drop.py asks
        the screen shown first; a shared deck's .zip is drop.py's own)."""
        from cardsdealt.ui.pygame.drop import PICTURE_ENDINGS

        if not path.lower().endswith(PICTURE_ENDINGS) or \
                not any(f.kind == "picture" for f in self.form_fields()):
            return False
        self.picture("image")
        step = self.app.top
        taker = getattr(step, "take_file", None)
        return bool(taker is not None and step is not self and taker(path))

    def form_fields(self) -> list[SF.Field]:
        return []

def add_picture(screen: Form, key: str, data: bytes) -> None:
    """A picture from the picture step: kept in the deck, put on the card, saved now."""
    studio = screen.studio

    def change() -> str:
        rel = screen.doc.add_picture(str(screen.get("title") or "picture"), data)
        screen.put(key, rel)
        return rel

    rel = studio.act(screen, change)
    if rel and studio.saver is not None:
        studio.flush(3.0)  # on disk before the preview looks for it
        from cardsdealt.render.images import forget_pictures, picture_path

        forget_pictures([picture_path(studio.root, rel)])
        screen.changed()

"""The studio's screens, from choosing what to make to one choice on one card.

    Choose ("Make a new journey", "Make a new table game", "Change ...")
      -> Name (what the new deck is called)
      -> Cards (the deck's home: its cards, each with Up, Down, Copy, Delete; Add a card;
         About this deck; the parts of a journey; Play it now; Share this deck)
           -> Card (the card's form, with the projector's card and the paper card beside it)
                -> Choice (one choice on a journey card)   -> Condition (plain-words rules)
           -> Deck (about this deck: name, who made it, introduction, support...)
           -> Parts (parts of the story, meters, endings, questions) -> Part

Every form is made from the field catalogue (`authoring.studio.fields`), so every label is
plain words and no YAML key is ever shown. Keys and the mouse: see screen.py.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any, Callable

import pygame
from pygame import Rect

from cardsdealt.authoring.studio import Condition, Rule, StudioDeck, StudioError
from cardsdealt.authoring.studio import fields as SF
from cardsdealt.authoring.studio.document import MAX_CHOICES, slug
from cardsdealt.render.card_view import theme_label
from cardsdealt.ui.pygame.studio.screen import Control, StudioScreen

THEMES_FIELD = SF.Field("classic.themes", "The themes of your cards",
                        "One on each line, like Family or School. Cards with the same theme "
                        "can be played on each other.", kind="names", example="Family")
NO_CARD = ""
PARTS = {
    "stage": ("Parts of the story", "Part of the story", SF.STAGE_FIELDS, "title",
              "Add a part of the story"),
    "meter": ("Meters", "Meter", SF.METER_FIELDS, "label", "Add a meter"),
    "ending": ("Endings", "Ending", SF.ENDING_FIELDS, "title", "Add an ending"),
    "reflection": ("Questions to think about", "Question", SF.REFLECTION_FIELDS, "prompt",
                   "Add a question"),
}


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


class Form(StudioScreen):
    """A screen of fields from the catalogue, each read with `get(key)` and written with
    `put(key, value)`; `path` is the advice path of the thing edited."""

    path = "deck"

    def get(self, key: str) -> Any:
        raise NotImplementedError

    def put(self, key: str, value: Any) -> None:
        raise NotImplementedError

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

    def field_controls(self, fields: list[SF.Field]) -> list[Control]:
        out: list[Control] = []
        for f in fields:
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
        return Control(key, f.label, detail=detail,
                       action=lambda: self.studio.open(ConditionScreen(
                           self.app, self.studio, f.label, lambda: self.get(f.key),
                           self._setter(f.key), self.heading())))

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
            label, detail = f.label, f"{value}: press to draw or bring in another"
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

        open_picture_step(self.app, done)

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

    # -- advice and refusals -------------------------------------------------------------
    def advise(self, every: dict[str, list[str]] | None = None) -> None:
        """Put check's advice on the fields (worked out now when not given)."""
        if every is None:
            from cardsdealt.authoring.studio.advice import all_advice

            every = all_advice(self.doc, self.studio.root)
        whole = every.get(self.path, [])
        for c in self.all():
            if c.tool:
                continue
            c.advice = [a for p, ws in every.items() if p == c.key or
                        (c.kind in ("button", "row") and p.startswith(c.key + "."))
                        for a in ws]
        for c in self.all():
            if c.kind == "row" and c.advice:  # a list says how much; the form says what
                n = len(c.advice)
                c.advice = [f"{n} thing{'s' if n > 1 else ''} to look at: open it to see "
                            f"{'them' if n > 1 else 'it'}"]
        column = [c for c in self.all() if not c.tool]
        if whole and column:
            column[0].advice = whole + column[0].advice
        self._controls_relayout()

    def _controls_relayout(self) -> None:
        if self._controls is not None:
            self._layout()
            self._place_boxes()
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

    def edited(self) -> None:
        self.changed()

    def on_show(self) -> None:
        super().on_show()
        if self.studio.doc is not None and self.app.top is self:
            self.advise()


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


# ---- choosing what to make ---------------------------------------------------------------

class ChooseScreen(StudioScreen):
    name = "studio-choose"
    title = "Make or change a deck"

    def controls(self) -> list[Control]:
        from cardsdealt.session.decks import list_user_decks

        out = [Control("new.journey", "Make a new journey", kind="row",
                       detail="One child's story: the group chooses what the adults do",
                       action=lambda: self.studio.open(NameScreen(self.app, self.studio,
                                                                  "journey"))),
               Control("new.classic", "Make a new table game", kind="row",
                       detail="Cards with themes and numbers, talked about one by one",
                       action=lambda: self.studio.open(NameScreen(self.app, self.studio,
                                                                  "classic")))]
        for folder in list_user_decks():
            out.append(Control(f"open.{folder.name}", f"Change \u201c{_title_of(folder)}\u201d",
                               kind="row", detail=f"One of your decks, in {folder}",
                               action=partial(self.change, folder)))
        return out

    def tools(self) -> list[Control]:
        return [Control("tool.back", "Back", action=self.back)]

    def change(self, folder: Path) -> None:
        from cardsdealt.session.decks import read_deck_files

        try:
            doc = StudioDeck.from_files(read_deck_files(folder))
        except (StudioError, OSError) as e:
            from cardsdealt.ui.pygame.scenes.message import Message

            self.app.push(Message(self.app, "This deck cannot be opened in the studio",
                                  str(e), ok="Back"))
            return
        new = False
        if _shipped(folder):  # a shipped deck stays as shipped: the group changes a copy
            from cardsdealt.session.decks import new_deck_folder

            folder, new = new_deck_folder(f"{_title_of(folder)} (our copy)"), True
        self.studio.open_deck(doc, folder, new=new)
        if new:
            self.studio.note = "This is your own copy."
        self.studio.open(CardsScreen(self.app, self.studio))

    def refused(self, words: str) -> None:
        pass

    def advise(self, every: dict[str, list[str]] | None = None) -> None:
        pass


def _shipped(folder: Path) -> bool:
    from cardsdealt.paths import DECKS

    try:
        return Path(folder).resolve().is_relative_to(DECKS.resolve())
    except OSError:
        return False


def _title_of(folder: Path) -> str:
    try:
        from cardsdealt.authoring.studio.yamlio import read_yaml

        doc = read_yaml((folder / "deck.yaml").read_bytes())
        return str(doc.get("title") or folder.name)
    except Exception:  # noqa: BLE001 - a deck that will say what is wrong when opened
        return folder.name


class NameScreen(StudioScreen):
    name = "studio-name"

    def __init__(self, app, studio, mode: str) -> None:
        super().__init__(app, studio)
        self.mode = mode
        self.title = "A new journey" if mode == "journey" else "A new table game"
        self.words = ""

    def controls(self) -> list[Control]:
        f = SF.field("deck", "title")

        def put(v: str) -> None:
            self.words = v

        return [Control("deck.title", kind="line", label=f.label, hint=f.hint,
                        example=f.example, value=self.words, on_change=put),
                Control("make", "Make it", detail="You can change the name later",
                        action=self.make)]

    def tools(self) -> list[Control]:
        return [Control("tool.back", "Back", action=self.back)]

    def make(self) -> None:
        from cardsdealt.session.decks import new_deck_folder

        title = self.words.strip() or ("Our journey" if self.mode == "journey"
                                       else "Our table game")
        doc = StudioDeck.new(self.mode, title)
        self.studio.open_deck(doc, new_deck_folder(title), new=True)
        self.studio.screens.remove(self)  # Back from the new deck goes to the first screen
        self.studio.open(CardsScreen(self.app, self.studio))

    def edited(self) -> None:
        self.changed()

    def refused(self, words: str) -> None:
        pass

    def advise(self, every: dict[str, list[str]] | None = None) -> None:
        pass


# ---- the deck's home: its cards --------------------------------------------------------------

class CardsScreen(Form):
    name = "studio-cards"
    path = "deck-home"

    def heading(self) -> str:
        return str(self.doc.deck_value("title") or "Our deck")

    def controls(self) -> list[Control]:
        doc = self.doc
        journey = doc.mode == "journey"
        cards = doc.cards()
        stages = {s["id"]: s["title"] for s in doc.stages()}
        out = [Control("add-card", "Add a card", action=self.add_card),
               Control("about", "About this deck",
                       detail="Its name, who made it, the introduction, who can help",
                       action=lambda: self.studio.open(DeckScreen(self.app, self.studio)))]
        for i, c in enumerate(cards):
            if journey:
                n = len(doc.choices(c.id))
                detail = f"{stages.get(c.stage, c.stage) or 'No part yet'} · {n} choices"
            else:
                num = doc.card_value(c.id, "number")
                detail = f"{theme_label(doc.card_value(c.id, 'theme'))} · number {num}"
            g = 100 + i
            out += [Control(f"card:{c.id}", f"{i + 1}. {c.title or 'A card with no name yet'}",
                            kind="row", detail=detail, group=g, width=4.2,
                            action=partial(self.open_card, c.id)),
                    Control(f"card:{c.id}.up", "Up", group=g, width=1.0,
                            enabled=i > 0, action=partial(self.move_card, c.id, i - 1)),
                    Control(f"card:{c.id}.down", "Down", group=g, width=1.1,
                            enabled=i < len(cards) - 1,
                            action=partial(self.move_card, c.id, i + 1)),
                    Control(f"card:{c.id}.copy", "Copy", group=g, width=1.1,
                            action=partial(self.copy, c.id)),
                    Control(f"card:{c.id}.delete", "Delete", group=g, width=1.3,
                            action=partial(self.delete, c.id))]
        if journey:
            counts = {"stage": len(doc.stages()), "meter": len(doc.meters()),
                      "ending": len(doc.endings()), "reflection": len(doc.reflections())}
            for kind, n in counts.items():
                out.append(Control(f"parts.{kind}", f"{PARTS[kind][0]} ({n})",
                                   action=partial(self.open_parts, kind)))
        return out

    def open_parts(self, kind: str) -> None:
        self.studio.open(PartsScreen(self.app, self.studio, kind))

    def tools(self) -> list[Control]:
        return [Control("tool.back", "Back", action=self.back),
                *self.history(),
                Control("tool.play", "Play it now", action=lambda: play_now(self)),
                Control("tool.share", "Share this deck", action=lambda: share(self))]

    def on_show(self) -> None:
        super().on_show()
        if self.focus_key is None or self.focus_key == "add-card":
            self.focus_key = "add-card"

    def add_card(self) -> None:
        kind = "journey" if self.doc.mode == "journey" else "table"
        cid = self.studio.act(self, lambda: self.doc.add_card(kind))
        if cid:
            self.focus_key = f"card:{cid}"
            self.open_card(cid)

    def open_card(self, cid: str) -> None:
        self.focus_key = f"card:{cid}"
        self.studio.open(CardScreen(self.app, self.studio, cid))

    def move_card(self, cid: str, to: int) -> None:
        was = self.focus_key
        self.studio.act(self, lambda: self.doc.move_card(cid, to))
        here = self.find(was or "")
        self.set_focus(was if here is not None and here.enabled else f"card:{cid}")

    def copy(self, cid: str) -> None:
        new = self.studio.act(self, lambda: self.doc.duplicate_card(cid))
        if new:
            self.studio.note = "Copied. The copy is just below."
            self.set_focus(f"card:{new}")

    def delete(self, cid: str) -> None:
        order = [c.id for c in self.doc.cards()]
        i = order.index(cid)
        self.studio.act(self, lambda: self.doc.delete_card(cid))
        self.studio.note = "Card deleted. Undo brings it back."
        rest = [c.id for c in self.doc.cards()]
        self.set_focus(f"card:{rest[min(i, len(rest) - 1)]}" if rest else "add-card")


# ---- one card ------------------------------------------------------------------------------

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


# ---- about the deck --------------------------------------------------------------------------

class DeckScreen(Form):
    name = "studio-deck"
    path = "deck"
    title = "About this deck"

    def get(self, key: str) -> Any:
        return self.doc.deck_value(key)

    def put(self, key: str, value: Any) -> None:
        self.doc.set_deck(key, value)

    def field_control(self, f: SF.Field) -> list[Control]:
        out = super().field_control(f)
        if f.key == "modes" and self.doc.mode == "classic":
            out += super().field_control(THEMES_FIELD)
        return out

    def controls(self) -> list[Control]:
        return self.field_controls(SF.DECK_FIELDS)

    def tools(self) -> list[Control]:
        return [Control("tool.back", "Back to the cards", action=self.back),
                *self.history()]

    def edited(self) -> None:
        c = self.focused()
        if c is not None and c.key in ("deck.modes", f"deck.{SF.KEEP_NAMES_OFF}"):
            self.rebuild()  # a table game has themes; names off changes who made it
        else:
            self.changed()


# ---- stages, meters, endings, reflections ---------------------------------------------------

def _items(doc: StudioDeck, kind: str) -> list[dict]:
    return {"stage": doc.stages, "meter": doc.meters, "ending": doc.endings,
            "reflection": doc.reflections}[kind]()


class PartsScreen(Form):
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
        remover = {"stage": self.doc.delete_stage, "meter": self.doc.delete_meter,
                   "ending": self.doc.delete_ending, "reflection": self.doc.delete_reflection}
        self.studio.act(self, lambda: remover[self.kind](i))
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
        remover = {"stage": self.doc.delete_stage, "meter": self.doc.delete_meter,
                   "ending": self.doc.delete_ending, "reflection": self.doc.delete_reflection}
        self.studio.act(self, lambda: remover[self.kind](self.i))
        self.studio.leave(self)
        self.studio.note = "Deleted. Undo brings it back."


# ---- conditions from plain-words pickers ----------------------------------------------------

class ConditionScreen(Form):
    """"Only if...": rules from pickers (what, which, how much), all or any of them."""

    name = "studio-condition"

    def __init__(self, app, studio, label: str, read: Callable[[], Any],
                 write: Callable[[Any], None], where: str) -> None:
        super().__init__(app, studio)
        self.label, self.read, self.write, self.where = label, read, write, where
        self.path = "condition"

    def heading(self) -> str:
        return f"{self.label.rstrip('.')}… ({self.where})"

    def current(self) -> Condition | None:
        return SF.read_condition(str(self.read() or ""))

    def controls(self) -> list[Control]:
        cond = self.current()
        if cond is None:
            return [Control("hand", "Written by hand", detail=str(self.read()),
                            enabled=False),
                    Control("restart", "Start again with pickers",
                            action=lambda: self.set(Condition()))]
        out = []
        for n, r in enumerate(cond.rules):
            g = 300 + n
            out.append(Control(f"rule:{n}.kind", kind="pick",
                               label=f"Rule {n + 1}", value=r.kind,
                               options=list(SF.RULE_KINDS), group=g, width=1.2,
                               on_change=partial(self.set_rule_part, n, "kind")))
            names = self.names_for(r.kind)
            out.append(Control(f"rule:{n}.name", kind="pick", label="Which",
                               value=r.name, options=names or [("", "There is none yet")],
                               group=g, width=1.5,
                               on_change=partial(self.set_rule_part, n, "name")))
            if r.kind in ("chose", "at-least", "at-most"):
                label = "Choice number" if r.kind == "chose" else "Number"
                lo = (1, MAX_CHOICES) if r.kind == "chose" else (-99, 99)  # (lowest, highest)
                out.append(Control(f"rule:{n}.number", kind="stepper", label=label,
                                   value=r.number, bounds=lo, group=g, width=0.8,
                                   on_change=partial(self.set_rule_part, n, "number")))
            out.append(Control(f"rule:{n}.remove", "Remove", group=g, width=0.6,
                               action=partial(self.remove, n)))
        out.append(Control("add-rule", "Add a rule", action=self.add_rule))
        if len(cond.rules) > 1:
            out.append(Control("any", kind="pick", label="How the rules go together",
                               value=cond.any_of,
                               options=[(False, "All of these rules"),
                                        (True, "Any one of these rules")],
                               on_change=lambda v: self.set(Condition(
                                   self.current().rules, bool(v)))))  # type: ignore[union-attr]
        return out

    def tools(self) -> list[Control]:
        return [Control("tool.back", "Done", action=self.back),
                Control("tool.clear", "No rule", action=lambda: self.set(Condition())),
                *self.history()]

    def names_for(self, kind: str) -> list[tuple[str, str]]:
        doc = self.doc
        if kind in ("remembered", "not-remembered"):
            return [(slug(w, sep="_"), w) for w in doc.flags()]
        if kind in ("seen", "not-seen", "chose"):
            return [(c.id, c.title or c.id) for c in doc.cards()]
        return [(m["id"], m["label"] or m["id"]) for m in doc.meters()]

    def set(self, cond: Condition) -> None:
        self.studio.act(self, lambda: self.write(cond))

    def set_rule_part(self, n: int, part: str, value: Any) -> None:
        self.set_rule(n, **{part: value})

    def set_rule(self, n: int, **change) -> None:
        cond = self.current() or Condition()
        rules = list(cond.rules)
        r = rules[n]
        kind = change.get("kind", r.kind)
        name = change.get("name", r.name)
        number = change.get("number", r.number)
        if "kind" in change:
            names = [v for v, _w in self.names_for(kind)]
            if name not in names:
                name = names[0] if names else ""
            if kind == "chose":
                number = max(1, min(number, MAX_CHOICES))
        rules[n] = Rule(kind, name, int(number))
        key = self.focus_key
        self.set(Condition(tuple(rules), cond.any_of))
        self.set_focus(key)

    def add_rule(self) -> None:
        cond = self.current() or Condition()
        doc = self.doc
        if doc.flags():
            rule = Rule("remembered", slug(doc.flags()[0], sep="_"))
        elif doc.meters():
            m = doc.meters()[0]
            rule = Rule("at-least", m["id"], int(m.get("start") or 0) + 1)
        else:
            cards = doc.cards()
            rule = Rule("seen", cards[0].id if cards else "")
        self.set(Condition(cond.rules + (rule,), cond.any_of))
        self.set_focus(f"rule:{len(cond.rules)}.kind")

    def remove(self, n: int) -> None:
        cond = self.current() or Condition()
        rules = cond.rules[:n] + cond.rules[n + 1:]
        self.set(Condition(rules, cond.any_of))

    def advise(self, every: dict[str, list[str]] | None = None) -> None:
        self.changed()


# ---- playing and sharing ------------------------------------------------------------------

def play_now(screen: Form) -> None:
    """Play the deck as it is now, in this window (nothing is kept as a session)."""
    from cardsdealt.deck.loader import check_deck
    from cardsdealt.ui.pygame.scenes.message import Message

    studio = screen.studio
    studio.flush(5.0)
    deck, problems = check_deck(studio.folder)
    errors = [p for p in problems if p.severity == "error"]
    if deck is None or errors:
        from cardsdealt.authoring.studio.advice import words

        said = "\n".join(f"•  {words(p)}" for p in errors[:4])
        more = f"\n…and {len(errors) - 4} more." if len(errors) > 4 else ""
        screen.app.push(Message(screen.app, "Not ready to play yet",
                                "Fix these first (each is shown on its field too):\n"
                                f"{said}{more}", ok="Back to the deck"))
        return
    studio.close_deck()
    studio.screens = []
    studio.table.add_deck(studio.folder)  # after the game, the start screen lists it
    studio.table.choose(deck, deck.modes[0], 2)


def share(screen: Form) -> None:
    """One .zip of the deck in the person's Documents/cardsdealt folder; says where."""
    from cardsdealt.session.places import records_dir
    from cardsdealt.session.share import ShareRefused, pack
    from cardsdealt.ui.pygame.scenes.message import Message

    studio = screen.studio
    studio.flush(5.0)
    folder = Path(studio.folder)
    out = records_dir(getattr(getattr(screen.app, "settings", None), "records_folder", "")) \
        / f"{folder.name}.zip"
    try:
        pack(folder, out)
    except ShareRefused as e:
        screen.app.push(Message(screen.app, "The deck could not be shared", str(e),
                                ok="Back to the deck"))
        return
    screen.app.push(Message(
        screen.app, "Your deck is ready to share",
        f"It is one file:\n{out}\n\nSend it by email or on a memory stick. Whoever gets it "
        "drops the file on their cardsdealt window, and your deck is on their start "
        "screen, with your names as you wrote them.",
        ok="Back to the deck"))

"""The deck's page, its home in the studio: its cards (each with Up, Down, Copy, Delete),
"Add a card", "About this deck", the parts of a journey, and along the bottom Play it now and
Share this deck; and "About this deck" itself (its name, who made it, the introduction,
content notes, who can help, the way it is played)."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from cardsdealt.authoring.studio import fields as SF
from cardsdealt.render.card_view import theme_label
from cardsdealt.ui.pygame.studio.cardform import CardScreen
from cardsdealt.ui.pygame.studio.control import Control
from cardsdealt.ui.pygame.studio.form import Form
from cardsdealt.ui.pygame.studio.page import Page
from cardsdealt.ui.pygame.studio.parts import PARTS, PartsScreen


class CardsScreen(Page):
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
                                   detail=PARTS[kind][5],
                                   action=partial(self.open_parts, kind)))
        return out

    def open_parts(self, kind: str) -> None:
        self.studio.open(PartsScreen(self.app, self.studio, kind))

    def tools(self) -> list[Control]:
        return [Control("tool.back", "Back", action=self.back),
                *self.history(),
                Control("tool.play", "Play it now", action=lambda: play_now(self)),
                Control("tool.share", "Share this deck", action=lambda: share(self)),
                Control("tool.settings", "Settings", action=self.open_settings)]

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



class DeckScreen(Form):
    name = "studio-deck"
    path = "deck"
    title = "About this deck"

    def get(self, key: str) -> Any:
        return self.doc.deck_value(key)

    def put(self, key: str, value: Any) -> None:
        self.doc.set_deck(key, value)

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



def play_now(screen: Page) -> None:
    """Play the deck as it is now, in this window: a try-out, kept as no session and in no
    record; leaving the game comes back to this screen as it was."""
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
    studio.table.add_deck(studio.folder)  # the start screen lists it as it is now
    studio.table.try_out(deck, back=lambda: screen.app.show(studio.screens[-1]))


def share(screen: Page) -> None:
    """One .zip of the deck in the person's Documents/cardsdealt folder; says where, and
    shows the file in the file manager when this computer can."""
    from cardsdealt.authoring.studio.advice import NEEDED, all_advice
    from cardsdealt.deck.loader import check_deck
    from cardsdealt.session.places import can_open_folders, open_folder, records_dir
    from cardsdealt.session.share import ShareRefused, pack
    from cardsdealt.ui.pygame.scenes.message import Message
    from cardsdealt.ui.pygame.scenes.overlays import Confirm

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
    words = (f"It is one file, {out.name}, in {out.parent}\n\nSend it by email or on a "
             "memory stick. Whoever gets it opens it with \u201cOpen a shared deck\u201d, or "
             "drops it on their cardsdealt window, and your deck is on their start screen, "
             "with your names as you wrote them.")
    n = len([p for p in check_deck(folder)[1] if p.severity == "error"]) + sum(
        ws.count(NEEDED) for ws in all_advice(screen.doc, studio.root).values())
    if n:  # it can be shared, but not played yet
        words += (f"\n\nBefore you send it: {n} thing{'s' if n > 1 else ''} still "
                  f"need{'' if n > 1 else 's'} writing or fixing before it can be played; "
                  "each is marked with ! where it is.")
    if not can_open_folders():
        screen.app.push(Message(screen.app, "Your deck is ready to share", words,
                                ok="Back to the deck"))
        return
    ask = Confirm(screen.app, "Your deck is ready to share", words, yes="Show me the file",
                  no="Back to the deck")
    ask.message_h = 330  # (design px) room for every line of it

    def show(yes: bool) -> None:
        said = open_folder(out.parent) if yes else ""
        if said:
            screen.app.push(Message(screen.app, "The folder could not be shown", said,
                                    ok="Back to the deck"))

    screen.app.push(ask, show)

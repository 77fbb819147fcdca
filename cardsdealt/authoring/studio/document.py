"""`StudioDeck`: a deck being made or changed in the studio, held as ruamel.yaml round-trip
documents (deck.yaml, and each card file), so a deck written or tidied by hand keeps its
comments, order, quotes and layout everywhere the studio did not change something.

Every edit is one step of undo across the whole sitting; typing in one field (the same key of
the same thing, one call after another) merges into one step, until something else is edited
or `end_typing()` is called. Values go in and come out as plain Python (str, int, bool, lists,
dicts); conditions as the deck's condition text or a `fields.Condition` built from pickers.
`files()` / `changed_files()` give the bytes to write (`session/decks.py` writes them);
`load()` runs the ordinary loader on the files in memory; `advice(field)` gives check's own
words for one form field. Pure: no pygame, no files read or written here.

Field paths (for `advice`): "deck.title", "card:<id>.text", "card:<id>.choice:<n>.label"
(n from 0), "stage:<n>.title", "meter:<n>.label", "ending:<n>.when", "reflection:<n>.prompt";
a path without the last part ("card:<id>") gives everything about that thing.

Made of: `history.Sitting` (the documents and undo), `cards.Cards`, `parts.Parts` (stages,
meters, endings and questions, one table-driven list editor), `output.Output` (files, saving,
loading, preview, advice); the values it writes are in `values`, `textpatch` and `yamlio`.

How a window uses it (bench/bench_studio_model.py has the figures):
- at every keystroke: `set_card(...)` (and the like), then `preview(card_id)` to draw the
  card (0.1 ms: no YAML is written or read);
- when typing pauses (say 0.3 s) or a field loses focus: `end_typing()`, hand
  `changed_files()` to a `session.decks.DeckSaver` and `mark_saved()` (2-5 ms: only the
  card field or deck field that changed is written again; bench/bench_studio_save.py),
  `load()` for a fresh deck, and run `advice_job()` on another thread (a big deck's check
  and lint take most of a second);
- when a card's form is left: `tidy_ids()` (a card added without a title gets its id).
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from cardsdealt.authoring.studio import fields as SF
from cardsdealt.authoring.studio.cards import MAX_CHOICES, Cards
from cardsdealt.authoring.studio.history import CARD_FOLDER
from cardsdealt.authoring.studio.output import Output
from cardsdealt.authoring.studio.parts import Parts
from cardsdealt.authoring.studio.textpatch import patch_text
from cardsdealt.authoring.studio.values import (
    CardRef,
    StudioError,
    _clean,
    _flow,
    _flow_map,
    _index_of,
    _number,
    _plain,
    _set_list,
    _set_or_drop,
    _unique,
    _words,
    slug,
)
from cardsdealt.authoring.studio.yamlio import CARDS_HEADER, load_yaml
from cardsdealt.deck.problems import ERROR

__all__ = ["CARD_FOLDER", "MAX_CHOICES", "CardRef", "StudioDeck", "StudioError", "patch_text",
           "slug"]

PICTURE_FOLDER = "images"

_DECK_HEADER = """\
# deck.yaml: made in the cardsdealt studio. It is an ordinary deck file: you can open it
# in a text editor too, and `cardsdealt check` tells you what to fix.
"""



class StudioDeck(Cards, Parts, Output):
    """An editable deck (see the module docstring)."""

    def __init__(self, docs: dict[str, Any], blobs: dict[str, bytes],
                 texts: dict[str, bytes] | None = None):
        super().__init__(docs, blobs, texts)
        self.mark_saved()

    # ---- making one ----

    @classmethod
    def new(cls, mode: str, title: str) -> StudioDeck:
        """A new deck: "journey" or "classic" (the table game). It starts with the example
        deck's support list, one part of the story (journey) and one ending. Whose words
        they are is left for the group to say ("Whose words are these?"): until it does, the
        deck claims nothing, and loads as the loader's honest default (contributors)."""
        if mode not in ("journey", "classic"):
            raise StudioError("A deck is played as a journey or as a table game.")
        title = _clean(title, False).strip() or "Our deck"
        d = CommentedMap()
        d["format"] = 1
        d["id"] = slug(title, fallback="our-deck")
        d["title"] = _words(title)
        d["language"] = "en-GB"
        d["authors"] = _flow([])
        d["licence"] = _words("CC BY-NC-SA 4.0")
        d["content_notes"] = CommentedSeq()
        d["introduction"] = _words("")
        d["support"] = CommentedSeq(
            CommentedMap([("name", _words(n)), ("detail", _words(t))])
            for n, t in SF.DEFAULT_SUPPORT)
        d["modes"] = _flow([mode])
        d["cards"] = CARD_FOLDER + "/"
        if mode == "journey":
            _journey_parts(d)
        if mode == "classic":
            _classic_part(d)
        d.yaml_set_start_comment(_DECK_HEADER.rstrip("\n"))
        cards = CommentedSeq()
        cards.yaml_set_start_comment(CARDS_HEADER.rstrip("\n"))
        return cls({"deck.yaml": d, f"{CARD_FOLDER}/cards.yaml": cards}, {})

    @classmethod
    def from_files(cls, files: dict[str, bytes]) -> StudioDeck:
        """A deck from its folder's files ({relative path: bytes}). Raises StudioError when
        deck.yaml is missing or a YAML file cannot be read at all (check says where)."""
        files = {k.replace("\\", "/").lstrip("/"): v for k, v in files.items()}
        if "deck.yaml" not in files:
            raise StudioError("This folder has no deck.yaml, so it is not a deck.")
        docs: dict[str, Any] = {}
        blobs: dict[str, bytes] = {}
        texts: dict[str, bytes] = {}
        try:
            deck_doc = load_yaml(files["deck.yaml"].decode("utf-8-sig"))
        except (UnicodeDecodeError, YAMLError) as e:
            raise StudioError(_unreadable("deck.yaml", files, e)) from None
        if not isinstance(deck_doc, dict):
            raise StudioError("deck.yaml does not describe a deck; run `cardsdealt check` "
                              "on it to see what to fix.")
        folder = deck_doc.get("cards")
        folder = folder.strip("/") + "/" if isinstance(folder, str) else None
        docs["deck.yaml"], texts["deck.yaml"] = deck_doc, files["deck.yaml"]
        for rel, data in sorted(files.items()):
            if rel == "deck.yaml":
                continue
            if folder and rel.startswith(folder) and rel.endswith((".yaml", ".yml")):
                try:
                    doc = load_yaml(data.decode("utf-8-sig"))
                except (UnicodeDecodeError, YAMLError) as e:
                    raise StudioError(_unreadable(rel, files, e)) from None
                docs[rel] = doc if doc is not None else CommentedSeq()
                texts[rel] = data
            else:
                blobs[rel] = data
        deck = cls(docs, blobs, texts)
        deck._warm_up()  # the first save's slow part, done on another thread now
        return deck


    @property
    def mode(self) -> str:
        modes = self._docs["deck.yaml"].get("modes") or []
        modes = [modes] if isinstance(modes, str) else list(modes)
        return "journey" if "journey" in modes else "classic"

    def deck_value(self, key: str) -> Any:
        d = self._docs["deck.yaml"]
        if key == SF.KEEP_NAMES_OFF:
            return _plain(d.get("authors")) == [SF.NAMES_OFF_AUTHOR]
        if key == "modes":
            return self.mode
        if key == "support":
            out = []
            for s in d.get("support") or []:
                if isinstance(s, dict):
                    out.append((str(s.get("name", "")), str(s.get("detail", ""))))
                else:
                    out.append((str(s), ""))
            return out
        if key.startswith("classic."):
            return _plain((d.get("classic") or {}).get(key.split(".", 1)[1]))
        if key == "written_by":
            return str(d.get("written_by", ""))  # unanswered: no choice shown as picked
        v = _plain(d.get(key))
        if v is None:
            return [] if key in ("authors", "content_notes", "made_with", "inspired_by") \
                else ""
        return v

    def flags(self) -> list[str]:
        """The things choices remember, in the group's words."""
        return [SF.flag_words(str(f)) for f in self._docs["deck.yaml"].get("flags") or []]

    def pictures(self) -> dict[str, bytes]:
        return {k: v for k, v in self._blobs.items()
                if k.lower().endswith((".png", ".jpg", ".jpeg"))}

    def names(self) -> dict[str, str]:
        """Card, meter and stage ids -> their titles (for describing conditions)."""
        out = {c.id: c.title for c in self.cards()}
        out.update({m["id"]: m["label"] for m in self.meters()})
        return out


    # ---- editing the deck ----

    def set_deck(self, key: str, value: Any) -> None:
        d = self._docs["deck.yaml"]
        self._step(["deck.yaml"], ("deck", key))
        if key in (SF.KEEP_NAMES_OFF, "authors", "content_notes", "made_with", "inspired_by",
                   "support"):
            self._set_names(key, value)
        elif key == "modes":
            self._set_mode(str(value))
        elif key == "written_by":
            if value not in ("young-people", "co-produced", "contributors"):
                raise StudioError("Choose who wrote the words from the list.")
            d[key] = str(value)
        elif key == "discussion_seconds":
            _set_or_drop(d, key, _number(value))
        elif key == "classic.themes":
            part = d.setdefault("classic", CommentedMap())
            part["themes"] = _flow([slug(str(v), fallback="theme") for v in value
                                    if str(v).strip()])
        elif key.startswith("classic."):
            part = d.setdefault("classic", CommentedMap())
            _set_or_drop(part, key.split(".", 1)[1], _number(value))
        elif key in ("title", "introduction", "licence", "language"):
            d[key] = _words(str(value), lines=key == "introduction")
        else:
            raise StudioError(f"The studio cannot change {key} of a deck.")

    def _set_names(self, key: str, value: Any) -> None:
        """Who made it, content notes, support: the deck's lists of short lines."""
        d = self._docs["deck.yaml"]
        if key == SF.KEEP_NAMES_OFF:
            if value:
                d["authors"] = _flow([_words(SF.NAMES_OFF_AUTHOR)])
            elif self.deck_value(SF.KEEP_NAMES_OFF):
                d["authors"] = _flow([])
        elif key == "support":
            _set_list(d, "support", [
                CommentedMap([("name", _words(n))] + ([("detail", _words(t))] if t else []))
                for n, t in value if str(n).strip()])
        else:
            items = [_words(str(v)) for v in value if str(v).strip()]
            if key == "authors":
                d[key] = _flow(items)
            elif items or key in d:
                _set_list(d, key, items)

    def _set_mode(self, mode: str) -> None:
        if mode not in ("journey", "classic"):
            raise StudioError("A deck is played as a journey or as a table game.")
        d = self._docs["deck.yaml"]
        d["modes"] = _flow([mode])
        if mode == "journey":
            _journey_parts(d)
        else:
            _classic_part(d)

    # ---- pictures ----

    def add_picture(self, name_hint: str, data: bytes) -> str:
        """Keep a PNG or JPEG in the deck's images/ folder; its path inside the deck."""
        if data.startswith(b"\x89PNG\r\n\x1a\n"):
            ext = ".png"
        elif data.startswith(b"\xff\xd8"):
            ext = ".jpg"
        else:
            raise StudioError("Only PNG and JPEG pictures can go in a deck.")
        from cardsdealt.deck.images import PictureError, readable_picture
        from cardsdealt.deck.memfolder import MemoryPath

        try:  # read as `check` reads it: a picture the deck would refuse never goes in
            readable_picture(MemoryPath({"p": data}, "p"))  # type: ignore[arg-type]
        except PictureError as e:
            raise StudioError(f"This picture cannot go in the deck: {e}.") from None
        taken = {k.rsplit(".", 1)[0] for k in self._blobs}
        base = _unique(f"{PICTURE_FOLDER}/{slug(name_hint, fallback='picture')}", taken)
        rel = base + ext
        self._step([])
        self._blobs[rel] = bytes(data)
        return rel

    # ---- output ----

def _unreadable(rel: str, files: dict[str, bytes], e: Exception) -> str:
    from cardsdealt.deck.loader import check_files

    _deck, problems = check_files(files)
    first = next((p for p in problems if p.severity == ERROR), None)
    if first is not None:
        return (f"The studio cannot open this deck yet: {first.file} line {first.line}: "
                f"{first.message}. Fix it in a text editor, or run `cardsdealt check`.")
    return f"The studio cannot read {rel}. Run `cardsdealt check` on the deck to see why."


def _journey_parts(d: CommentedMap) -> None:
    """What a journey needs in deck.yaml (added where missing, before `cards`)."""
    if "stats" not in d:
        d.insert(_index_of(d, "cards"), "stats", CommentedMap())
    if "stages" not in d:
        d.insert(_index_of(d, "cards"), "stages", CommentedSeq(
            [CommentedMap([("id", "start"), ("title", _words("The start")), ("draws", 2)])]))
    if "endings" not in d:
        d.insert(_index_of(d, "cards") + 1, "endings", CommentedSeq(
            [CommentedMap([("id", "ending"), ("title", _words("")), ("text", _words(""))])]))


def _classic_part(d: CommentedMap) -> None:
    if "classic" not in d:
        d["classic"] = CommentedMap([
            # two cards each: a group's first small deck (6 cards) deals to two to four
            # players, as check's "enough cards to deal" rule asks (issue 17)
            ("players", _flow_map({"min": 2, "max": 4})), ("hand_size", 2),
            ("match", _flow(["theme", "number"])), ("themes", _flow([]))])


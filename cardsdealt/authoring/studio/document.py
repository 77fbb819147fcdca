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

How a window uses it (bench/bench_studio_model.py has the figures):
- at every keystroke: `set_card(...)` (and the like), then `preview(card_id)` to draw the
  card (0.1 ms: no YAML is written or read);
- when typing pauses (say 0.3 s) or a field loses focus: `end_typing()`, hand
  `changed_files()` to a `session.decks.DeckSaver` and `mark_saved()` (about 10 ms: only
  the card or field that changed is written again), `load()` for a fresh deck, and run
  `advice_job()` on another thread (a big deck's check and lint take most of a second);
- when a card's form is left: `tidy_ids()` (a card added without a title gets its id).
"""

from __future__ import annotations

import copy
import dataclasses
import difflib
import re
import unicodedata
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Callable, Iterator

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString

from cardsdealt.authoring.studio import fields as SF
from cardsdealt.authoring.studio.yamlio import (
    CARDS_HEADER,
    PartWriter,
    PlusInt,
    dump_yaml,
    load_yaml,
)
from cardsdealt.deck.model import Card, Choice, Deck, Source
from cardsdealt.deck.problems import ERROR, Problem
from cardsdealt.deck.safetext import CONTROL

PICTURE_FOLDER = "images"
CARD_FOLDER = "cards"
MAX_CHOICES = 4


class StudioError(Exception):
    """What the studio cannot do, in one plain sentence for the group."""


@dataclass(frozen=True)
class CardRef:
    id: str
    kind: str  # "journey" | "table"
    title: str
    stage: str  # "" for a table card
    file: str  # the card file it is written in


_COMMENT = re.compile(r"(\s+)(#[^\n]*)\n?$")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _reindent(line: str, delta: int) -> str:
    if delta >= 0:
        return " " * delta + line if line.strip() else line
    return line[min(-delta, _indent(line)):]


def _keep_comment_gap(old: str, new: str) -> str:
    """A changed value keeps the spaces before its line's comment as the person wrote them."""
    m = _COMMENT.search(old)
    if not m:
        return new
    end = "\n" if new.endswith("\n") else ""
    body = new.rstrip("\n")
    if not body.endswith(" " + m.group(2)):
        return new
    return body[: -len(m.group(2))].rstrip() + m.group(1) + m.group(2) + end


def patch_text(original: str, before: str, after: str) -> str:
    """`after` written the way `original` was: `before` and `after` are ruamel's writing of
    a file before and after an edit, `original` the file as the person wrote it. Where ruamel
    lays a file out differently (another indentation, say), only the lines the edit changed
    are carried over into `original`, so nothing else moves."""
    if before == original:
        return after
    o, a, b = (t.splitlines(True) for t in (original, before, after))
    sm = difflib.SequenceMatcher(None, [" ".join(x.split()) for x in o],
                                 [" ".join(x.split()) for x in a], autojunk=False)
    to_o: dict[int, int] = {}
    for block in sm.get_matching_blocks():
        for k in range(block.size):
            to_o[block.b + k] = block.a + k
    out = list(o)
    edits = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if any(i not in to_o for i in range(i1, i2)):
            return after  # lines the layouts do not share: ruamel's writing is used
        anchor = i1 if i1 < len(a) and i1 in to_o else i1 - 1
        if anchor < 0 or anchor not in to_o:
            start = 0 if i1 == 0 else len(o)
            delta = 0
        else:
            start = to_o[i1] if i1 in to_o else to_o[anchor] + 1
            delta = _indent(o[to_o[anchor]]) - _indent(a[anchor])
        new = [_reindent(x, delta) for x in b[j1:j2]]
        if i2 - i1 == 1 and j2 - j1 == 1:
            new = [_keep_comment_gap(o[to_o[i1]], new[0])]
        edits.append((start, start + (i2 - i1), new))
    for start, end, new in reversed(edits):
        out[start:end] = new
    return "".join(out)


def slug(words: str, sep: str = "-", fallback: str = "card") -> str:
    """Plain words -> a short id: 'Jo's First Night!' -> 'jos-first-night'."""
    text = unicodedata.normalize("NFKD", words or "").encode("ascii", "ignore").decode()
    text = re.sub(r"['\u2019]", "", text.lower())
    text = re.sub(r"[^a-z0-9]+", sep, text).strip(sep)[:40].strip(sep)
    return text or fallback


def _unique(base: str, taken: set[str], sep: str = "-") -> str:
    if base not in taken:
        return base
    n = 2
    while f"{base}{sep}{n}" in taken:
        n += 1
    return f"{base}{sep}{n}"


def _clean(text: str, lines: bool) -> str:
    """Words as typed, without control characters (the deck format refuses them)."""
    text = str(text).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    if not lines:
        text = text.replace("\n", " ")
    return CONTROL.sub("", text)


def _words(text: str, lines: bool = False) -> Any:
    """How the studio writes words: double quotes on one line (never read as `no` or a
    number), a `|` block for several lines."""
    text = _clean(text, lines)
    if "\n" in text.strip("\n"):
        return LiteralScalarString(text.rstrip("\n") + "\n")
    return DoubleQuotedScalarString(text.strip("\n"))


def _flow(items: list) -> CommentedSeq:
    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq


def _flow_map(pairs: dict) -> CommentedMap:
    m = CommentedMap(pairs)
    m.fa.set_flow_style()
    return m


def _dicts(items: Any) -> list:
    """The mappings of a list read from a file (a hand-edited file may hold anything)."""
    return [x for x in items if isinstance(x, dict)] if isinstance(items, list) else []


def _int(v: Any, default: int) -> int:
    try:
        return int(str(v).strip())
    except ValueError:
        return default


def _s(v: Any) -> str:
    """Words as the form shows them: a `|` block's last line break is the file's, not theirs."""
    return "" if v is None else str(v).rstrip("\n")


def _plain(v: Any) -> Any:
    """A ruamel value as plain Python (str, int, bool, list, dict)."""
    if isinstance(v, dict):
        return {str(k): _plain(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    if isinstance(v, bool):
        return v
    if isinstance(v, int):
        return int(v)
    if isinstance(v, str):
        return _s(v)
    if v is None:
        return None
    return str(v)


_DECK_HEADER = """\
# deck.yaml: made in the cardsdealt studio. It is an ordinary deck file: you can open it
# in a text editor too, and `cardsdealt check` tells you what to fix.
"""


# ---- the undo history ---------------------------------------------------------------------

@dataclass
class _Step:
    docs: dict[str, Any]  # rel -> the document before the step (None: the file did not exist)
    blobs: dict[str, bytes]  # every picture and other file before the step


class StudioDeck:
    """An editable deck (see the module docstring)."""

    def __init__(self, docs: dict[str, Any], blobs: dict[str, bytes],
                 texts: dict[str, bytes] | None = None):
        self._docs = docs  # rel -> ruamel document (deck.yaml and every card file)
        self._blobs = blobs  # rel -> bytes (pictures, README.md, anything else)
        self._texts: dict[str, bytes] = dict(texts or {})  # rel -> bytes of unchanged docs
        # rel -> (the file as written, ruamel's writing of it as read): see patch_text.
        # Made when a file is first changed (reading it again): opening a deck stays quick.
        self._originals: dict[str, bytes] = dict(self._texts)
        self._writers: dict[str, PartWriter] = {}  # rel -> writes only the parts that changed
        self._written: dict[str, tuple[str, str] | None] = {}
        self._saved: dict[str, bytes] = {}
        self._undo: list[_Step] = []
        self._redo: list[_Step] = []
        self._typing: tuple | None = None
        self._loaded: tuple[Any, Deck | None, list[Problem]] | None = None
        self._last_good: Deck | None = None
        self._revision = 0
        self.mark_saved()

    # ---- making one ----

    @classmethod
    def new(cls, mode: str, title: str) -> StudioDeck:
        """A new deck: "journey" or "classic" (the table game). It starts with the example
        deck's support list, one part of the story (journey) and one ending, written by
        young people unless the group says otherwise."""
        if mode not in ("journey", "classic"):
            raise StudioError("A deck is played as a journey or as a table game.")
        title = _clean(title, False).strip() or "Our deck"
        d = CommentedMap()
        d["format"] = 1
        d["id"] = slug(title, fallback="our-deck")
        d["title"] = _words(title)
        d["language"] = "en-GB"
        d["authors"] = _flow([])
        d["written_by"] = "young-people"
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
        return cls(docs, blobs, texts)

    # ---- where cards are ----

    def _card_folder(self) -> str | None:
        folder = self._docs["deck.yaml"].get("cards")
        return folder.strip("/") + "/" if isinstance(folder, str) else None

    def _card_seqs(self) -> Iterator[tuple[str, Any]]:
        """(file, list of cards) in the order the loader reads them."""
        deck = self._docs["deck.yaml"]
        if isinstance(deck.get("cards"), list):
            yield "deck.yaml", deck["cards"]
            return
        folder = self._card_folder() or ""
        rels = sorted((r for r in self._docs if r != "deck.yaml" and r.startswith(folder)),
                      key=lambda r: tuple(r.split("/")))
        for rel in rels:
            if isinstance(self._docs[rel], list):
                yield rel, self._docs[rel]

    def _all_cards(self) -> Iterator[tuple[str, Any, int, Any]]:
        for rel, seq in self._card_seqs():
            for i, c in enumerate(seq):
                if isinstance(c, dict):
                    yield rel, seq, i, c

    def _find(self, card_id: str) -> tuple[str, Any, int, Any]:
        for rel, seq, i, c in self._all_cards():
            if str(c.get("id", "")) == card_id:
                return rel, seq, i, c
        raise StudioError(f"There is no card called {card_id} in this deck.")

    def _card_ids(self) -> set[str]:
        return {str(c.get("id", "")) for _r, _s, _i, c in self._all_cards()}

    # ---- reading ----

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
            return str(d.get("written_by", "contributors"))
        v = _plain(d.get(key))
        if v is None:
            return [] if key in ("authors", "content_notes", "made_with", "inspired_by") \
                else ""
        return v

    def cards(self) -> list[CardRef]:
        out = []
        for rel, _seq, _i, c in self._all_cards():
            kind = "journey" if ("stage" in c or "choices" in c or "text" in c) else "table"
            out.append(CardRef(str(c.get("id", "")), kind, str(c.get("title", "")),
                               str(c.get("stage", "")), rel))
        return out

    def card_value(self, card_id: str, key: str) -> Any:
        c = self._find(card_id)[3]
        if key == "requires":
            return str(c.get("requires", ""))
        if key == "choices":
            return [str(ch.get("label", "")) for ch in c.get("choices") or []]
        v = _plain(c.get(key))
        if v is None:
            return [] if key == "tags" else ""
        return v

    def choices(self, card_id: str) -> list[dict[str, Any]]:
        c = self._find(card_id)[3]
        out = []
        for ch in _dicts(c.get("choices")):
            item = {k: _plain(ch.get(k)) for k in ("label", "response", "reflect", "next")}
            item = {k: ("" if v is None else v) for k, v in item.items()}
            item["effects"] = _plain(ch.get("effects")) or {}
            item["set"] = [SF.flag_words(f) for f in _plain(ch.get("set")) or []]
            item["clear"] = [SF.flag_words(f) for f in _plain(ch.get("clear")) or []]
            out.append(item)
        return out

    def stages(self) -> list[dict[str, Any]]:
        out = []
        for s in self._docs["deck.yaml"].get("stages") or []:
            if not isinstance(s, dict):
                s = str(s)
                out.append({"id": s, "title": s.replace("-", " ").capitalize(), "draws": 4,
                            "until": ""})
            else:
                out.append({"id": _s(s.get("id", "")), "title": _s(s.get("title", "")),
                            "draws": _int(s.get("draws"), 4), "until": _s(s.get("until", ""))})
        return out

    def meters(self) -> list[dict[str, Any]]:
        out = []
        stats = self._docs["deck.yaml"].get("stats")
        for sid, s in (stats.items() if isinstance(stats, dict) else ()):
            if not isinstance(s, dict):
                continue
            item = {"id": str(sid)}
            item.update({k: _plain(s.get(k)) for k in ("label", "start", "min", "max")})
            item["description"] = _s(s.get("description", ""))
            out.append(item)
        return out

    def endings(self) -> list[dict[str, Any]]:
        return [{"id": _s(e.get("id", "")), "title": _s(e.get("title", "")),
                 "text": _s(e.get("text", "")), "when": _s(e.get("when", ""))}
                for e in _dicts(self._docs["deck.yaml"].get("endings"))]

    def reflections(self) -> list[dict[str, Any]]:
        return [{"id": _s(r.get("id", "")), "prompt": _s(r.get("prompt", "")),
                 "when": _s(r.get("when", "")), "once": bool(r.get("once", True))}
                for r in _dicts(self._docs["deck.yaml"].get("reflections"))]

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

    # ---- undo ----

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def end_typing(self) -> None:
        """The next edit starts a new undo step (call when a field loses focus)."""
        self._typing = None

    def _step(self, rels: list[str] | None, typing: tuple | None = None) -> None:
        """Keep what an edit is about to change (all documents when `rels` is None)."""
        if typing is not None and typing == self._typing:
            self._touch(rels)
            return
        self._typing = typing
        self._undo.append(self._snapshot(rels))
        self._redo.clear()
        self._touch(rels)

    def _snapshot(self, rels: list[str] | None) -> _Step:
        keep = list(self._docs) if rels is None else rels
        return _Step({r: copy.deepcopy(self._docs.get(r)) for r in keep}, dict(self._blobs))

    def _touch(self, rels: list[str] | None) -> None:
        self._revision += 1
        for r in (list(self._docs) if rels is None else rels):
            self._texts.pop(r, None)

    def _restore(self, step: _Step) -> _Step:
        back = self._snapshot(list(step.docs))
        for rel, doc in step.docs.items():
            if doc is None:
                self._docs.pop(rel, None)
            else:
                self._docs[rel] = doc
        self._blobs = dict(step.blobs)
        self._typing = None
        self._touch(list(step.docs))
        return back

    def undo(self) -> bool:
        if not self._undo:
            return False
        self._redo.append(self._restore(self._undo.pop()))
        return True

    def redo(self) -> bool:
        if not self._redo:
            return False
        self._undo.append(self._restore(self._redo.pop()))
        return True

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

    # ---- editing cards ----

    def add_card(self, kind: str, after: str | None = None, title: str = "") -> str:
        """A new card ("journey" or "table") after the card `after` (else at the end); its id
        is made from `title` once and then never changes."""
        if kind not in ("journey", "table"):
            raise StudioError("A card is a journey card or a table card.")
        ids = self._card_ids()
        title = _clean(title, False).strip()
        cid = _unique(slug(title), ids)
        card = CommentedMap()
        card["id"] = cid
        card["title"] = _words(title or "")
        if kind == "journey":
            stages = self.stages()
            card["stage"] = stages[0]["id"] if stages else "start"
            card["text"] = _words("")
            card["choices"] = CommentedSeq(
                [CommentedMap([("label", _words(""))]) for _ in range(2)])
        else:
            themes = _plain((self._docs["deck.yaml"].get("classic") or {}).get("themes")) or []
            card["theme"] = themes[0] if themes else "theme"
            card["number"] = self._next_number(card["theme"])
            card["statement"] = _words("")
        if after is not None:
            rel, seq, i, _c = self._find(after)
        else:
            seqs = list(self._card_seqs())
            if not seqs:
                rel = f"{self._card_folder() or CARD_FOLDER + '/'}cards.yaml"
                self._step([rel])
                self._docs[rel] = CommentedSeq()
                self._docs[rel].append(card)
                return cid
            rel, seq = seqs[-1]
            i = len(seq) - 1
        self._step([rel])
        seq = self._docs[rel] if rel != "deck.yaml" else self._docs["deck.yaml"]["cards"]
        seq.insert(i + 1, card)
        return cid

    def tidy_ids(self) -> dict[str, str]:
        """Cards added without a title have ids like `card-3`; once they have a title, give
        them an id made from it, and change every `next`, `seen(...)` and `chose(...)` that
        names them. One undo step. Returns {old id: new id} (call when the group leaves a
        card's form, never while someone is typing in it)."""
        ids = self._card_ids()
        renames: dict[str, str] = {}
        for ref in self.cards():
            if _PLACEHOLDER.match(ref.id) and ref.title.strip():
                new = _unique(slug(ref.title), ids - {ref.id} | set(renames.values()))
                if new != ref.id and not _PLACEHOLDER.match(new):
                    renames[ref.id] = new
        if not renames:
            return {}
        self._step(None)
        for _r, _s, _i, c in self._all_cards():
            if str(c.get("id", "")) in renames:
                c["id"] = renames[str(c["id"])]
            for ch in c.get("choices") or []:
                if str(ch.get("next", "")) in renames:
                    ch["next"] = renames[str(ch["next"])]
            _rename_in_condition(c, "requires", renames)
        d = self._docs["deck.yaml"]
        for key, cond in (("stages", "until"), ("endings", "when"), ("reflections", "when")):
            for item in d.get(key) or []:
                if isinstance(item, dict):
                    _rename_in_condition(item, cond, renames)
        return renames

    def _next_number(self, theme: str) -> int:
        used = [int(c.get("number", 0)) for _r, _s, _i, c in self._all_cards()
                if str(c.get("theme", "")) == theme and str(c.get("number", "0")).isdigit()]
        return min(max(used, default=0) + 1, 99)

    def duplicate_card(self, card_id: str) -> str:
        rel, seq, i, c = self._find(card_id)
        title = str(c.get("title", ""))
        cid = _unique(slug(title), self._card_ids())
        self._step([rel])
        rel, seq, i, c = self._find(card_id)
        twin = copy.deepcopy(c)
        twin["id"] = cid
        seq.insert(i + 1, twin)
        return cid

    def move_card(self, card_id: str, to_index: int) -> None:
        """Move a card to place `to_index` among all cards (0 = first)."""
        order = [r.id for r in self.cards()]
        if card_id not in order:
            raise StudioError(f"There is no card called {card_id} in this deck.")
        to_index = max(0, min(to_index, len(order) - 1))
        if order.index(card_id) == to_index:
            return
        self._step(None)
        rel, seq, i, c = self._find(card_id)
        del seq[i]
        rest = [r for r in self.cards()]
        if to_index >= len(rest):
            trel, tseq, ti, _ = self._find(rest[-1].id)
            tseq.insert(ti + 1, c)
        else:
            trel, tseq, ti, _ = self._find(rest[to_index].id)
            tseq.insert(ti, c)

    def delete_card(self, card_id: str) -> None:
        """Delete a card; choices that led to it lead nowhere now (one undo brings all back)."""
        self._find(card_id)
        self._step(None)
        rel, seq, i, _c = self._find(card_id)
        del seq[i]
        for _r, _s, _i, c in self._all_cards():
            for ch in c.get("choices") or []:
                if str(ch.get("next", "")) == card_id:
                    del ch["next"]

    def set_card(self, card_id: str, key: str, value: Any) -> None:
        rel, _seq, _i, c = self._find(card_id)
        if key in ("title", "text", "statement", "discuss", "voice", "facilitator_notes"):
            self._step([rel], ("card", card_id, key))
            _set_words(c, key, value, lines=key != "title", keep=key in ("title", "text",
                                                                        "statement"))
        elif key == "stage":
            if str(value) not in [s["id"] for s in self.stages()]:
                raise StudioError("Choose a part of the story from the list.")
            self._step([rel], ("card", card_id, key))
            c[key] = str(value)
        elif key == "theme":
            theme = slug(str(value), fallback="theme")
            self._step([rel], ("card", card_id, key))
            if str(c.get("theme", "")) != theme:  # the next number in its new theme
                c[key] = theme
                c["number"] = 0
                c["number"] = self._next_number(theme)
        elif key == "number":
            self._step([rel], ("card", card_id, key))
            c[key] = _number(value) or 1
        elif key == "image":
            self._step([rel], ("card", card_id, key))
            _set_or_drop(c, key, str(value or "") or None)
        elif key == "requires":
            self._step([rel], ("card", card_id, key))
            _set_condition(c, key, value)
        elif key == "choices":  # the labels, one a line: more or fewer choices to match
            labels = [str(v) for v in value][:MAX_CHOICES]
            self._step([rel], ("card", card_id, key))
            items = c.setdefault("choices", CommentedSeq())
            for i, label in enumerate(labels):
                if i < len(items):
                    _set_words(items[i], "label", label, lines=False, keep=True)
                else:
                    items.append(CommentedMap([("label", _words(label))]))
            del items[len(labels):]
        elif key == "tags":
            self._step([rel], ("card", card_id, key))
            _set_or_drop(c, key, _flow([str(t) for t in value]) if value else None)
        else:
            raise StudioError(f"The studio cannot change {key} of a card.")

    # ---- choices ----

    def add_choice(self, card_id: str) -> int:
        rel, _seq, _i, c = self._find(card_id)
        if len(c.get("choices") or []) >= MAX_CHOICES:
            raise StudioError(f"A card can have at most {MAX_CHOICES} choices.")
        self._step([rel])
        c.setdefault("choices", CommentedSeq()).append(CommentedMap([("label", _words(""))]))
        return len(c["choices"]) - 1

    def delete_choice(self, card_id: str, i: int) -> None:
        rel, _seq, _i, c = self._find(card_id)
        items = c.get("choices") or []
        if not 0 <= i < len(items):
            raise StudioError("That choice is not there any more.")
        self._step([rel])
        del c["choices"][i]

    def set_choice(self, card_id: str, i: int, key: str, value: Any) -> None:
        rel, _seq, _i, c = self._find(card_id)
        items = c.get("choices") or []
        if not 0 <= i < len(items):
            raise StudioError("That choice is not there any more.")
        ch = items[i]
        if key in ("label", "response", "reflect"):
            self._step([rel], ("choice", card_id, i, key))
            _set_words(ch, key, value, lines=key != "label", keep=key == "label")
        elif key == "effects":
            meters = {m["id"] for m in self.meters()}
            changes = {str(k): int(v) for k, v in dict(value).items() if int(v) != 0}
            if set(changes) - meters:
                raise StudioError("Choose a meter from the list.")
            self._step([rel], ("choice", card_id, i, key))
            _set_or_drop(ch, "effects", _flow_map(
                {k: PlusInt(v) if v > 0 else v for k, v in changes.items()})
                if changes else None, after="label")
        elif key in ("set", "clear"):
            self._step([rel, "deck.yaml"], ("choice", card_id, i, key))
            names = [self._flag(str(w)) for w in value if str(w).strip()]
            _set_or_drop(ch, key, _flow(names) if names else None)
        elif key == "next":
            target = str(value or "")
            if target and target not in self._card_ids():
                raise StudioError("Choose a card from the list.")
            self._step([rel], ("choice", card_id, i, key))
            _set_or_drop(ch, key, target or None)
        else:
            raise StudioError(f"The studio cannot change {key} of a choice.")

    def _flag(self, words: str) -> str:
        """The flag for a few words a choice remembers (declared in deck.yaml if new)."""
        d = self._docs["deck.yaml"]
        name = slug(words, sep="_", fallback="remembered")
        if name[0].isdigit():
            name = "_" + name
        flags = d.get("flags")
        if flags is None:
            flags = d["flags"] = _flow([])
            _move_key(d, "flags", before="stages")
        if name not in [str(f) for f in flags]:
            flags.append(name)
        return name

    # ---- stages, meters, endings, reflections ----

    def _item(self, key: str, i: int, what: str) -> tuple[Any, Any]:
        """(the deck.yaml list `key`, its item i), or StudioError naming `what` is gone."""
        items = self._docs["deck.yaml"].get(key) or []
        if not 0 <= i < len(items):
            raise StudioError(f"That {what} is not there any more.")
        return items, items[i]

    def _delete_item(self, key: str, i: int, what: str) -> Any:
        items, _item = self._item(key, i, what)
        self._step(["deck.yaml"])
        del items[i]
        return items

    def add_stage(self, title: str = "") -> int:
        d = self._docs["deck.yaml"]
        self._step(["deck.yaml"])
        stages = d.setdefault("stages", CommentedSeq())
        ids = {s["id"] for s in self.stages()}
        sid = _unique(slug(title, fallback="part"), ids)
        stages.append(CommentedMap([("id", sid), ("title", _words(title or "")),
                                    ("draws", 2)]))
        return len(stages) - 1

    def delete_stage(self, i: int) -> None:
        self._delete_item("stages", i, "part of the story")

    def set_stage(self, i: int, key: str, value: Any) -> None:
        stages, s = self._item("stages", i, "part of the story")
        self._step(["deck.yaml"], ("stage", i, key))
        if isinstance(s, str):
            s = stages[i] = CommentedMap([("id", s)])
        if key == "title":
            s[key] = _words(value)
        elif key == "draws":
            s[key] = _number(value) or 1
        elif key == "until":
            _set_condition(s, key, value)
        else:
            raise StudioError(f"The studio cannot change {key} of a part of the story.")

    def add_meter(self, label: str = "") -> int:
        d = self._docs["deck.yaml"]
        self._step(["deck.yaml"])
        stats = d.get("stats")
        if stats is None:
            stats = d["stats"] = CommentedMap()
        taken = set(stats) | {str(f) for f in d.get("flags") or []}
        sid = _unique(slug(label, sep="_", fallback="meter"), taken, sep="_")
        if sid[0].isdigit():
            sid = "_" + sid
        stats[sid] = CommentedMap([("label", _words(label or "")), ("start", 2), ("min", 0),
                                   ("max", 5)])
        return len(stats) - 1

    def _meter(self, i: int) -> tuple[str, Any]:
        stats = self._docs["deck.yaml"].get("stats") or {}
        keys = list(stats)
        if not 0 <= i < len(keys):
            raise StudioError("That meter is not there any more.")
        return keys[i], stats[keys[i]]

    def delete_meter(self, i: int) -> None:
        sid, _m = self._meter(i)
        self._step(None)
        del self._docs["deck.yaml"]["stats"][sid]
        for _r, _s, _i, c in self._all_cards():
            for ch in c.get("choices") or []:
                eff = ch.get("effects")
                if isinstance(eff, dict) and sid in eff:
                    del eff[sid]
                    if not eff:
                        del ch["effects"]

    def set_meter(self, i: int, key: str, value: Any) -> None:
        _sid, m = self._meter(i)
        self._step(["deck.yaml"], ("meter", i, key))
        if key in ("label", "description"):
            _set_words(m, key, value, lines=key == "description", keep=key == "label")
        elif key in ("start", "min", "max"):
            m[key] = _number(value) or 0
        else:
            raise StudioError(f"The studio cannot change {key} of a meter.")

    def add_ending(self, title: str = "") -> int:
        """A new ending, before the last one (the last is for every other journey)."""
        d = self._docs["deck.yaml"]
        self._step(["deck.yaml"])
        endings = d.setdefault("endings", CommentedSeq())
        ids = {e["id"] for e in self.endings()}
        eid = _unique(slug(title, fallback="ending"), ids)
        e = CommentedMap([("id", eid), ("title", _words(title or "")), ("when", ""),
                          ("text", _words(""))])
        if endings:
            endings.insert(len(endings) - 1, e)
            return len(endings) - 2
        del e["when"]
        endings.append(e)
        return 0

    def delete_ending(self, i: int) -> None:
        endings = self._delete_item("endings", i, "ending")
        if endings and "when" in endings[-1]:
            del endings[-1]["when"]

    def set_ending(self, i: int, key: str, value: Any) -> None:
        endings, e = self._item("endings", i, "ending")
        self._step(["deck.yaml"], ("ending", i, key))
        if key in ("title", "text"):
            _set_words(e, key, value, lines=key == "text", keep=True)
        elif key == "when":
            if i == len(endings) - 1 and _condition_str(value):
                raise StudioError("The last ending is for every other journey, so it has "
                                  "no 'when'.")
            _set_condition(e, key, value, keep=i != len(endings) - 1)
        else:
            raise StudioError(f"The studio cannot change {key} of an ending.")

    def add_reflection(self, prompt: str = "") -> int:
        d = self._docs["deck.yaml"]
        self._step(["deck.yaml"])
        items = d.get("reflections")
        if items is None:
            items = d["reflections"] = CommentedSeq()
            _move_key(d, "reflections", before="endings")
        ids = {r["id"] for r in self.reflections()}
        rid = _unique(slug(prompt, fallback="reflection")[:30].strip("-"), ids)
        items.append(CommentedMap([("id", rid), ("when", ""), ("prompt", _words(prompt))]))
        return len(items) - 1

    def delete_reflection(self, i: int) -> None:
        self._delete_item("reflections", i, "question")

    def set_reflection(self, i: int, key: str, value: Any) -> None:
        _items, r = self._item("reflections", i, "question")
        self._step(["deck.yaml"], ("reflection", i, key))
        if key == "prompt":
            _set_words(r, key, value, lines=True, keep=True)
        elif key == "when":
            _set_condition(r, key, value, keep=True)
        elif key == "once":
            r[key] = bool(value)
        else:
            raise StudioError(f"The studio cannot change {key} of a question.")

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

    def _text(self, rel: str) -> bytes:
        if rel not in self._texts:
            data = self._writers.setdefault(rel, PartWriter()).dump(self._docs[rel])
            written = self._layout(rel)
            if written is not None:
                original, before = written
                data = patch_text(original, before, data.decode("utf-8")).encode("utf-8")
            self._texts[rel] = data
        return self._texts[rel]

    def _layout(self, rel: str) -> tuple[str, str] | None:
        """(the file as the person wrote it, ruamel's writing of it as it was read), or None
        when the two are the same (the usual case) or the file is new."""
        if rel not in self._written:
            self._written[rel] = None
            if rel in self._originals:
                text = self._originals[rel].decode("utf-8-sig")
                ours = dump_yaml(load_yaml(text)).decode("utf-8")
                if ours != text:
                    self._written[rel] = (text, ours)
        return self._written[rel]

    def files(self) -> dict[str, bytes]:
        out = {rel: self._text(rel) for rel in self._docs}
        out.update(self._blobs)
        return out

    def changed_files(self) -> dict[str, bytes | None]:
        """What changed since `mark_saved()`: new bytes, or None for a file to delete."""
        now = self.files()
        out: dict[str, bytes | None] = {k: v for k, v in now.items() if self._saved.get(k) != v}
        out.update({k: None for k in self._saved if k not in now})
        return out

    def mark_saved(self) -> None:
        self._saved = self.files()

    def load(self, root: str = "") -> Deck | None:
        """The deck as the game plays it (None while it has errors: `problems()` says which).
        `root` is the folder it is saved in, where the window finds its pictures."""
        return self._check(root)[0]

    def problems(self, root: str = "") -> list[Problem]:
        return self._check(root)[1]

    def _check(self, root: str) -> tuple[Deck | None, list[Problem]]:
        from cardsdealt.deck.loader import check_files

        key = (self._revision, root)
        if self._loaded is None or self._loaded[0] != key:
            deck, problems = check_files(self.files(), root)
            self._loaded = (key, deck, problems)
            if deck is not None:
                self._last_good = deck
        assert self._loaded is not None
        return self._loaded[1], self._loaded[2]

    def preview(self, card_id: str, root: str = "") -> tuple[Deck | None, Card | None]:
        """(deck, card) to draw the card as it is now, quickly enough for every keystroke:
        the last deck that loaded (`load()` makes a new one: call it when typing pauses),
        with this card's words, picture and choices as they are in the form now (no YAML
        written or read). (None, None) while the deck has never loaded."""
        deck = self._last_good if self._last_good is not None else self.load(root)
        if deck is None:
            return None, None
        _rel, _seq, _i, c = self._find(card_id)
        base = next((x for x in deck.cards if x.id == card_id), None)
        words: dict[str, Any] = {k: _s(c.get(k, "") or "") for k in (
            "title", "text", "statement", "discuss", "voice", "facilitator_notes")}
        choices = tuple(
            Choice(label=str(ch.get("label", "")), response=str(ch.get("response", "")),
                   reflect=str(ch.get("reflect", "")),
                   effects=MappingProxyType({str(k): int(v) for k, v in
                                             (ch.get("effects") or {}).items()
                                             if str(v).lstrip("+-").isdigit()}))
            for ch in c.get("choices") or [] if isinstance(ch, dict))
        image = str(c.get("image", "")) or None
        if base is None:
            base = Card(card_id, "", Source("", 0, 0),
                        stage=str(c.get("stage", "")) or None if "stage" in c or "choices" in c
                        else None, theme=str(c.get("theme", "")) or None)
        card = dataclasses.replace(base, image=image, choices=choices or base.choices,
                                   **words)
        return deck, card

    def advice_job(self, root: str = "") -> Callable[[], dict[str, list[str]]]:
        """Advice for every field, as a job that holds a copy of the files and reads nothing
        else, so it can run on another thread while the group keeps typing (a big deck's
        check and lint take most of a second). The job returns {field path: words}; its
        answer is about the deck as it was when the job was made."""
        from cardsdealt.authoring.studio.advice import _empty, advice_from_files

        files, empty = self.files(), _empty(self)
        return lambda: advice_from_files(files, root, empty)

    def advice(self, field_path: str, root: str = "") -> list[str]:
        """Check's problems and advice about one form field (or one thing, with a shorter
        path), in check's own words."""
        from cardsdealt.authoring.studio.advice import advice_for

        return advice_for(self, field_path, root)

    # used by advice.py: where each field was written

    def _docs_items(self) -> dict[str, Any]:
        return self._docs


def _unreadable(rel: str, files: dict[str, bytes], e: Exception) -> str:
    from cardsdealt.deck.loader import check_files

    _deck, problems = check_files(files)
    first = next((p for p in problems if p.severity == ERROR), None)
    if first is not None:
        return (f"The studio cannot open this deck yet: {first.file} line {first.line}: "
                f"{first.message}. Fix it in a text editor, or run `cardsdealt check`.")
    return f"The studio cannot read {rel}. Run `cardsdealt check` on the deck to see why."


_PLACEHOLDER = re.compile(r"card(-\d+)?\Z")


def _rename_in_condition(m: Any, key: str, renames: dict[str, str]) -> None:
    text = m.get(key)
    if not isinstance(text, str) or not any(old in text for old in renames):
        return
    for old, new in renames.items():
        text = re.sub(rf'((?:seen|chose)\(\s*"){re.escape(old)}(")', rf"\g<1>{new}\g<2>", text)
    m[key] = _words(text)


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


def _index_of(d: CommentedMap, key: str) -> int:
    keys = list(d)
    return keys.index(key) if key in keys else len(keys)


def _move_key(d: CommentedMap, key: str, before: str) -> None:
    if before in d and key in d:
        v = d.pop(key)
        d.insert(_index_of(d, before), key, v)


def _set_list(d: CommentedMap, key: str, items: list) -> None:
    """Replace a list's items in place, so its comments and layout stay."""
    seq = d.get(key)
    if isinstance(seq, list):
        seq[:] = items
    else:
        d[key] = CommentedSeq(items)


def _set_or_drop(m: CommentedMap, key: str, value: Any, after: str | None = None) -> None:
    if value is None or value == "":
        if key in m:
            del m[key]
        return
    if key in m or after is None or after not in m:
        m[key] = value
    else:
        m.insert(_index_of(m, after) + 1, key, value)


def _set_words(m: CommentedMap, key: str, value: Any, lines: bool, keep: bool) -> None:
    """Set words, keeping the way they were quoted when that still holds them."""
    text = _clean(str(value or ""), lines)
    if not text.strip() and not keep:
        if key in m:
            del m[key]
        return
    old = m.get(key)
    if isinstance(old, LiteralScalarString) and lines:
        m[key] = LiteralScalarString(text.rstrip("\n") + "\n")
    else:
        m[key] = _words(text, lines)


def _condition_str(value: Any) -> str:
    if isinstance(value, SF.Condition):
        return SF.condition_text(value)
    return _clean(str(value or ""), False).strip()


def _set_condition(m: CommentedMap, key: str, value: Any, keep: bool = False) -> None:
    text = _condition_str(value)
    if not text and not keep:
        if key in m:
            del m[key]
        return
    m[key] = _words(text)


def _number(value: Any) -> int | None:
    if value is None or value == "":
        return None
    try:
        return int(str(value).strip())
    except ValueError:
        raise StudioError("Write a whole number, like 3.") from None

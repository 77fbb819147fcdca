"""A deck's cards as the studio edits them: reading a card's fields and choices, adding,
duplicating, moving and deleting cards (with everything that names them), and changing a card
or one of its choices. Card ids are made from titles once and then never change, except that
`tidy_ids` names a card added without a title after its title. Pure."""

from __future__ import annotations

import copy
import re
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from cardsdealt.authoring.studio import fields as SF
from cardsdealt.authoring.studio.history import CARD_FOLDER, Sitting
from cardsdealt.authoring.studio.parts import read_part
from cardsdealt.authoring.studio.values import (
    CardRef,
    StudioError,
    _clean,
    _dicts,
    _flow,
    _flow_map,
    _move_key,
    _number,
    _plain,
    _set_condition,
    _set_or_drop,
    _set_words,
    _unique,
    _words,
    slug,
)
from cardsdealt.authoring.studio.yamlio import PlusInt

MAX_CHOICES = 4
_PLACEHOLDER = re.compile(r"card(-\d+)?\Z")


def _rename_in_condition(m: Any, key: str, renames: dict[str, str]) -> None:
    text = m.get(key)
    if not isinstance(text, str) or not any(old in text for old in renames):
        return
    for old, new in renames.items():
        text = re.sub(rf'((?:seen|chose)\(\s*"){re.escape(old)}(")', rf"\g<1>{new}\g<2>", text)
    m[key] = _words(text)


class Cards(Sitting):
    """Reading and changing cards and their choices."""

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
            stages = read_part("stage", self._docs["deck.yaml"])
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
            if str(value) not in [s["id"] for s in read_part("stage", self._docs["deck.yaml"])]:
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
            meters = {m["id"] for m in read_part("meter", self._docs["deck.yaml"])}
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

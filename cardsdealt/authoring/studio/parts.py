"""The deck's lists the group edits beside its cards: parts of the story (stages), meters,
endings and reflection questions. One list editor, driven by a small table (`PARTS`): for
each, the deck.yaml key it is kept under, how one is named in a refusal, what a new one looks
like, and which of its fields are words, lines, numbers, conditions or yes/no. Pure."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from cardsdealt.authoring.studio.history import Sitting
from cardsdealt.authoring.studio.values import (
    StudioError,
    _condition_str,
    _int,
    _move_key,
    _number,
    _plain,
    _s,
    _set_condition,
    _set_words,
    _unique,
    _words,
    slug,
)


@dataclass(frozen=True)
class Part:
    key: str  # the deck.yaml key it is kept under
    what: str  # one of them, in a refusal: "That meter is not there any more."
    a_what: str  # "The studio cannot change x of a meter."
    name: str  # the field a new one's id is made from
    fallback: str  # the id while that is empty
    new: tuple[tuple[str, Any], ...]  # a new one's fields, in order (name: the words given)
    words: tuple[str, ...] = ()  # one line of words
    lines: tuple[str, ...] = ()  # several lines
    kept: tuple[str, ...] = ()  # words and conditions kept (empty) when emptied, not dropped
    numbers: dict[str, tuple[int | None, int]] = field(default_factory=dict)
    # number -> (read when missing: None keeps what is written; written when emptied)
    conditions: tuple[str, ...] = ()
    yesno: dict[str, bool] = field(default_factory=dict)  # -> read when missing
    keyed: bool = False  # a map by id (meters) rather than a list
    bare: bool = False  # an item may be just its id (stages)
    before: str | None = None  # a new list goes before this key (else at the end)
    last_is_other: bool = False  # a new one goes before the last; the last has no condition
    id_length: int = 40


PARTS: dict[str, Part] = {
    "stage": Part("stages", "part of the story", "a part of the story", "title", "part",
                  (("title", ""), ("draws", 2)), words=("title",), kept=("title",),
                  numbers={"draws": (4, 1)}, conditions=("until",), bare=True),
    "meter": Part("stats", "meter", "a meter", "label", "meter",
                  (("label", ""), ("start", 2), ("min", 0), ("max", 5)), words=("label",),
                  lines=("description",), kept=("label",),
                  numbers={k: (None, 0) for k in ("start", "min", "max")}, keyed=True),
    "ending": Part("endings", "ending", "an ending", "title", "ending",
                   (("title", ""), ("when", ""), ("text", "")), words=("title",),
                   lines=("text",), kept=("title", "text", "when"), conditions=("when",),
                   last_is_other=True),
    "reflection": Part("reflections", "question", "a question", "prompt", "reflection",
                       (("when", ""), ("prompt", "")), lines=("prompt",),
                       kept=("prompt", "when"), conditions=("when",),
                       yesno={"once": True}, before="endings", id_length=30),
}


def read_part(kind: str, deck: Any) -> list[dict[str, Any]]:
    """The stages, meters, endings or questions of a deck.yaml document, as plain values (what
    a hand-edited file holds that is not one of them is left out)."""
    part = PARTS[kind]
    items = deck.get(part.key)
    if part.keyed:
        pairs = list(items.items()) if isinstance(items, dict) else []
    else:
        pairs = [(None, x) for x in items] if isinstance(items, list) else []
    out = []
    for pid, item in pairs:
        if part.bare and not isinstance(item, dict):
            pid = str(item)
            item = {part.name: pid.replace("-", " ").capitalize()}
        if not isinstance(item, dict):
            continue
        one: dict[str, Any] = {"id": str(pid) if part.keyed else _s(item.get("id", pid))}
        one.update({k: _s(item.get(k, "")) for k in part.words + part.lines + part.conditions})
        for k, (missing, _empty) in part.numbers.items():
            one[k] = _plain(item.get(k)) if missing is None else _int(item.get(k), missing)
        one.update({k: bool(item.get(k, d)) for k, d in part.yesno.items()})
        out.append(one)
    return out


class Parts(Sitting):
    """Adding, deleting and changing stages, meters, endings and questions."""

    def part_list(self, kind: str) -> list[dict[str, Any]]:
        return read_part(kind, self._docs["deck.yaml"])

    def _part_item(self, kind: str, i: int) -> tuple[Any, Any]:
        """(the list or map holding them, the index or key of number i)."""
        part = PARTS[kind]
        items = self._docs["deck.yaml"].get(part.key) or []
        keys = list(items) if part.keyed else range(len(items))
        if not 0 <= i < len(keys):
            raise StudioError(f"That {part.what} is not there any more.")
        return items, keys[i]

    def add_part(self, kind: str, name: str = "") -> int:
        """A new one named `name` (its id made from it); its place in the list."""
        part, d = PARTS[kind], self._docs["deck.yaml"]
        self._step(["deck.yaml"])
        items = d.get(part.key)
        if items is None:
            items = d[part.key] = CommentedMap() if part.keyed else CommentedSeq()
            if part.before:
                _move_key(d, part.key, before=part.before)
        taken = {p["id"] for p in self.part_list(kind)}
        sep = "_" if part.keyed else "-"
        if part.keyed:  # a meter's id may not be a flag's
            taken |= set(items) | {str(f) for f in d.get("flags") or []}
        pid = _unique(slug(name, sep=sep, fallback=part.fallback)[:part.id_length].strip(sep),
                      taken, sep=sep)
        if part.keyed and pid[0].isdigit():  # (an id is a name in conditions)
            pid = "_" + pid
        fields = [(k, _words(name if k == part.name else v)
                   if k in part.words + part.lines else v) for k, v in part.new]
        if part.keyed:
            items[pid] = CommentedMap(fields)
            return len(items) - 1
        one = CommentedMap([("id", pid)] + fields)
        if part.last_is_other and items:
            items.insert(len(items) - 1, one)
            return len(items) - 2
        for k in part.conditions if part.last_is_other else ():
            del one[k]
        items.append(one)
        return len(items) - 1

    def delete_part(self, kind: str, i: int) -> None:
        part = PARTS[kind]
        items, k = self._part_item(kind, i)
        self._step(None if part.keyed else ["deck.yaml"])
        del items[k]
        if part.keyed:  # a meter: choices no longer change it
            for _r, _s, _i, c in self._all_cards():
                for ch in c.get("choices") or []:
                    eff = ch.get("effects")
                    if isinstance(eff, dict) and k in eff:
                        del eff[k]
                        if not eff:
                            del ch["effects"]
        if part.last_is_other and items:  # the new last one is for every other journey
            for cond in part.conditions if isinstance(items[-1], dict) else ():
                items[-1].pop(cond, None)

    def set_part(self, kind: str, i: int, key: str, value: Any) -> None:
        part = PARTS[kind]
        items, k = self._part_item(kind, i)
        last = part.last_is_other and i == len(items) - 1
        if key in part.conditions and last and _condition_str(value):
            from cardsdealt.authoring.studio.wording import label

            raise StudioError(f"The last {part.what} is for every other journey, so leave "
                              f"{label(key, kind + ':')} empty.")
        if key not in part.words + part.lines + part.conditions + tuple(part.numbers) \
                + tuple(part.yesno):
            raise StudioError(f"The studio cannot change {key} of {part.a_what}.")
        self._step(["deck.yaml"], (kind, i, key))
        item = items[k]
        if not isinstance(item, dict):  # a stage written as just its id
            item = items[k] = CommentedMap([("id", str(item))])
        if key in part.words + part.lines:
            _set_words(item, key, value, lines=key in part.lines, keep=key in part.kept)
        elif key in part.numbers:
            item[key] = _number(value) or part.numbers[key][1]
        elif key in part.conditions:
            _set_condition(item, key, value, keep=key in part.kept and not last)
        else:
            item[key] = bool(value)

    # the names the window uses

    def stages(self) -> list[dict[str, Any]]:
        return self.part_list("stage")

    def meters(self) -> list[dict[str, Any]]:
        return self.part_list("meter")

    def endings(self) -> list[dict[str, Any]]:
        return self.part_list("ending")

    def reflections(self) -> list[dict[str, Any]]:
        return self.part_list("reflection")

    def add_stage(self, title: str = "") -> int:
        return self.add_part("stage", title)

    def add_meter(self, label: str = "") -> int:
        return self.add_part("meter", label)

    def add_ending(self, title: str = "") -> int:
        """A new ending, before the last one (the last is for every other journey)."""
        return self.add_part("ending", title)

    def add_reflection(self, prompt: str = "") -> int:
        return self.add_part("reflection", prompt)

    def delete_stage(self, i: int) -> None:
        self.delete_part("stage", i)

    def delete_meter(self, i: int) -> None:
        self.delete_part("meter", i)

    def delete_ending(self, i: int) -> None:
        self.delete_part("ending", i)

    def delete_reflection(self, i: int) -> None:
        self.delete_part("reflection", i)

    def set_stage(self, i: int, key: str, value: Any) -> None:
        self.set_part("stage", i, key, value)

    def set_meter(self, i: int, key: str, value: Any) -> None:
        self.set_part("meter", i, key, value)

    def set_ending(self, i: int, key: str, value: Any) -> None:
        self.set_part("ending", i, key, value)

    def set_reflection(self, i: int, key: str, value: Any) -> None:
        self.set_part("reflection", i, key, value)

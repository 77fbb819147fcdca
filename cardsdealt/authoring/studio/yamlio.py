"""Reading and writing deck YAML the way a person wrote it (ruamel.yaml round-trip): comments,
order, quotes and long lines kept; `+1` keeps its sign; card files start at the left edge.
Pure: text in, text out."""

from __future__ import annotations

import io
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import YAMLError
from ruamel.yaml.representer import RoundTripRepresenter

CARDS_HEADER = "# The cards, made in the cardsdealt studio. Each card starts with \"- id:\".\n"


class PlusInt(int):
    """`+1` as written (the house style for a meter going up): kept with its sign."""


class _Constructor(RoundTripConstructor):
    def construct_yaml_int(self, node):
        value = super().construct_yaml_int(node)
        if isinstance(node.value, str) and node.value.startswith("+"):
            return PlusInt(value)
        return value


_Constructor.add_constructor("tag:yaml.org,2002:int", _Constructor.construct_yaml_int)


class _Representer(RoundTripRepresenter):
    pass


_Representer.add_representer(
    PlusInt, lambda r, d: r.represent_scalar("tag:yaml.org,2002:int", f"+{int(d)}"))


def _yaml() -> YAML:
    y = YAML()
    y.Constructor = _Constructor
    y.Representer = _Representer
    y.preserve_quotes = True
    y.width = 4096  # never re-wrap a long line someone wrote on one line
    y.indent(mapping=2, sequence=4, offset=2)  # the house layout: `key:\n  - item`
    return y


def load_yaml(text: str) -> Any:
    return _yaml().load(text)


def read_yaml(data: bytes) -> Any:
    """A file as ruamel reads it (None when it cannot)."""
    try:
        return load_yaml(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, YAMLError):
        return None


def dump_yaml(doc: Any) -> bytes:
    if isinstance(doc, list) and not doc:  # ruamel cannot write an empty list with a comment
        return (CARDS_HEADER + "[]\n").encode("utf-8")
    out = io.StringIO()
    _yaml().dump(doc, out)
    text = out.getvalue()
    if isinstance(doc, list):  # a card file: its list starts at the left edge, as written
        text = "".join(line[2:] if line.startswith("  ") else line
                       for line in text.splitlines(True))
    return text.encode("utf-8")


def _fingerprint(v: Any) -> Any:
    """Everything about a value that changes how it is written: its type (quoting style),
    its words, flow or block layout, and the comments kept with it."""
    if isinstance(v, dict):
        return ("M", _flow(v), _comments(v), tuple((k, _fingerprint(x)) for k, x in v.items()))
    if isinstance(v, list):
        return ("S", _flow(v), _comments(v), tuple(_fingerprint(x) for x in v))
    return (type(v).__name__, v)


def _flow(v: Any) -> Any:
    fa = getattr(v, "fa", None)
    return fa.flow_style() if fa is not None else None


def _comments(v: Any) -> Any:
    ca = getattr(v, "ca", None)
    if ca is None:
        return None
    return (_tokens(ca.comment), tuple((k, _tokens(t)) for k, t in ca.items.items()))


def _tokens(t: Any) -> Any:
    if t is None:
        return None
    if isinstance(t, list):
        return tuple(_tokens(x) for x in t)
    return getattr(t, "value", repr(t))


class PartWriter:
    """Writes one document (a card file's list of cards, or deck.yaml's fields) part by
    part, and writes again only the parts that changed: ruamel.yaml takes about 5 ms a card,
    far too long to write a whole file at every keystroke. The first time, the whole file is
    written as well, and parts are used from then on only when they add up to exactly that
    (else this file is always written whole)."""

    def __init__(self) -> None:
        self._usable: bool | None = None  # None: not known yet
        self._head = ""
        self._parts: dict[Any, str] = {}

    def dump(self, root: Any) -> bytes:
        if self._usable is False or not isinstance(root, (dict, list)) or not root:
            return dump_yaml(root)
        parts: dict[Any, str] = {}
        texts = []
        items: dict = getattr(getattr(root, "ca", None), "items", {})
        for key in (root if isinstance(root, dict) else range(len(root))):
            value = root[key]
            comment = items.get(key)
            fp = (key if isinstance(root, dict) else None, _tokens(comment),
                  _fingerprint(value))
            text = self._parts.get(fp)
            if text is None:
                text = _one_part(root, key, value, comment)
            parts[fp] = text
            texts.append(text)
        self._parts = parts  # only the parts there now: nothing grows without bound
        joined = "".join(texts)
        if self._usable is None:
            whole = dump_yaml(root).decode("utf-8")
            self._usable = whole.endswith(joined)
            self._head = whole[: len(whole) - len(joined)]
            return whole.encode("utf-8")
        return (self._head + joined).encode("utf-8")


def _one_part(root: Any, key: Any, value: Any, comment: Any) -> str:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(root, dict):
        one: Any = CommentedMap([(key, value)])
        if comment is not None:
            one.ca.items[key] = comment
    else:
        one = CommentedSeq([value])
        if comment is not None:
            one.ca.items[0] = comment
    return dump_yaml(one).decode("utf-8")

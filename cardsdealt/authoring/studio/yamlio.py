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
    far too long to write a whole file at every keystroke. In a card file, a changed card is
    written key by key in the same way (typing in a card's words writes only those words
    again). The first time, the whole file is written as well, and parts (and keys) are used
    from then on only when they add up to exactly that (else the file, or each card, is
    written whole)."""

    def __init__(self) -> None:
        self._usable: bool | None = None  # None: not known yet
        self._by_key: bool | None = None  # cards written key by key add up (card files)
        self._head = ""
        self._parts: dict[Any, str] = {}
        self._keys: dict[Any, str] = {}
        self._card_keys: dict[Any, list[Any]] = {}  # a card's fingerprint -> its keys'

    def dump(self, root: Any) -> bytes:
        if self._usable is False or not isinstance(root, (dict, list)) or not root:
            return dump_yaml(root)
        parts: dict[Any, str] = {}
        keys: dict[Any, str] = {}
        texts = []
        items: dict = getattr(getattr(root, "ca", None), "items", {})
        first = self._usable is None
        by_key = first or bool(self._by_key)
        for key in (root if isinstance(root, dict) else range(len(root))):
            value = root[key]
            comment = items.get(key)
            fp = (key if isinstance(root, dict) else None, _tokens(comment),
                  _fingerprint(value))
            text = self._parts.get(fp)
            if text is not None and not first:  # its keys stay known too
                keys.update((k, self._keys[k]) for k in self._card_keys.get(fp[2], ())
                            if k in self._keys)
            if text is None or first:
                keyed = self._card(value, comment, fp[2], keys) \
                    if isinstance(root, list) and by_key else None
                if text is None and (first or keyed is None):
                    text = _one_part(root, key, value, comment)
                if first and keyed is not None and keyed != text:
                    by_key = False
                text = text if text is not None else keyed
            assert text is not None
            parts[fp] = text
            texts.append(text)
        self._parts = parts  # only the parts there now: nothing grows without bound
        self._keys = keys
        if len(self._card_keys) > 2 * len(parts) + 8:  # (now and then: it hashes them all)
            self._card_keys = {f: ks for f, ks in self._card_keys.items()
                               if ks and ks[0] in keys}
        joined = "".join(texts)
        if first:
            self._by_key = by_key and isinstance(root, list)
            whole = dump_yaml(root).decode("utf-8")
            self._usable = whole.endswith(joined)
            self._head = whole[: len(whole) - len(joined)]
            return whole.encode("utf-8")
        return (self._head + joined).encode("utf-8")

    def _card(self, card: Any, comment: Any, fp: Any, keys: dict[Any, str]) -> str | None:
        """A card written key by key (`fp`: its fingerprint, which holds its keys'), or
        None for a card that is not a block map."""
        from ruamel.yaml.comments import CommentedMap

        if not isinstance(card, CommentedMap) or not card or fp[1]:  # (fp[1]: flow style)
            return None
        own, key_comments = fp[2]
        by_key = dict(key_comments)
        out, kfps = [], []
        for n, (k, value_fp) in enumerate(fp[3]):
            kfp = (k, by_key.get(k), value_fp, (own, _tokens(comment)) if n == 0 else None)
            text = self._keys.get(kfp)
            if text is None:
                text = _key_part(card, k, comment, n == 0)
                if text is None:
                    return None
            keys[kfp] = text
            kfps.append(kfp)
            out.append(text)
        self._card_keys[fp] = kfps
        return "".join(out)


def _key_part(card: Any, key: Any, comment: Any, first: bool) -> str | None:
    """One key of a card as it is written in its card file."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    one: Any = CommentedMap([(key, card[key])])
    kept = card.ca.items.get(key)
    if kept is not None:
        one.ca.items[key] = kept
    seq = CommentedSeq([one])
    if first:
        one.ca.comment = card.ca.comment
        if comment is not None:
            seq.ca.items[0] = comment
    text = dump_yaml(seq).decode("utf-8")
    if first:
        return text
    return "  " + text[2:] if text.startswith("- ") else None


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

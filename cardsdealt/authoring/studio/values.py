"""Values as the studio writes them into a deck's YAML and reads them back: plain words
(double-quoted, or a `|` block for several lines), ids made from words, numbers, conditions,
and the small ruamel.yaml edits that keep a map's comments and layout. Pure."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString

from cardsdealt.authoring.studio import fields as SF
from cardsdealt.deck.safetext import CONTROL


class StudioError(Exception):
    """What the studio cannot do, in one plain sentence for the group."""


@dataclass(frozen=True)
class CardRef:
    id: str
    kind: str  # "journey" | "table"
    title: str
    stage: str  # "" for a table card
    file: str  # the card file it is written in


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

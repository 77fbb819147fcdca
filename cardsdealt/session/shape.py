"""What a session document must look like before anything reads it.

`savefile` runs `shape_problem` on every save it reads (after its version and checksum), so
the store, the record and the front ends only ever see the shapes listed here. The game part
is the engine's: `engine/saves.py` checks it when the game is rebuilt. Keys not listed are
allowed (a newer cardsdealt may add some); a listed key of the wrong type is damage.
docs/save-format.md lists the same fields in words.
"""

from __future__ import annotations

import math
from typing import Any, Callable

BIG = 10**9  # no count, turn or number of seconds in a save is anywhere near this

Check = Callable[[Any], bool]


def _int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool) and 0 <= v < BIG


def _num(v: Any) -> bool:
    return (isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)
            and 0 <= v < BIG)


def _str(v: Any) -> bool:
    return isinstance(v, str)


def _opt_str(v: Any) -> bool:
    return v is None or isinstance(v, str)


def _bool(v: Any) -> bool:
    return isinstance(v, bool)


def _fields(spec: dict[str, Check], required: tuple[str, ...] = ()) -> Check:
    """A dict whose listed keys (when present) pass their checks; `required` must be there."""

    def check(v: Any) -> bool:
        return isinstance(v, dict) and all(k in v for k in required) and \
            all(test(v[k]) for k, test in spec.items() if k in v)

    check.spec, check.required = spec, required  # type: ignore[attr-defined]
    return check


def _list_of(item: Check) -> Check:
    return lambda v: isinstance(v, list) and all(item(x) for x in v)


def _interview(v: Any) -> bool:
    # read leniently by engine.interview.saved_place (an unreadable place is simply not used)
    return v is None or isinstance(v, dict)


DECK = _fields({"id": _str, "title": _str, "path": _str, "path_bytes": _str})
META = _fields({"created": _str, "updated": _str, "seconds": _int, "seconds_exact": _num,
                "kind": lambda v: v in ("solo", "group"), "preset": _opt_str, "deck": DECK,
                "interview": _interview}, required=("kind", "deck"))
PROGRESS = _fields({"mode": _str, "turn": _int, "stage": _opt_str, "stage_title": _str,
                    "card": _opt_str, "pending_prompt": _opt_str, "finished": _bool})
DRAFT = _fields({"text": _str, "prompt": _opt_str}, required=("text",))
NOTE = _fields({"card": _opt_str, "text": _str, "author": _str, "kind": _str, "at": _str,
                "turn": _int}, required=("text",))
TOP: dict[str, Check] = {
    "id": _str, "seq": _int, "meta": META, "progress": PROGRESS,
    "game": lambda v: v is None or isinstance(v, dict),
    "draft": lambda v: v is None or DRAFT(v),
    "notes": _list_of(NOTE),
    "record": lambda v: isinstance(v, dict) and all(_str(x) for x in v.values()),
}
REQUIRED = ("id", "meta", "progress", "game")


def shape_problem(doc: Any) -> str | None:
    """None when `doc` has the shape of a session; else which part does not, in words."""
    if not isinstance(doc, dict):
        return "it is not a session"
    for key in REQUIRED:
        if key not in doc:
            return f"its “{key}” part is missing"
    for key, test in TOP.items():
        if key in doc and not test(doc[key]):
            return f"its “{key}” part is not as a save writes it{_inside(test, doc[key])}"
    return None


def _inside(test: Check, value: Any) -> str:
    """Which field of a part is wrong (", field “kind”"), when it can be told."""
    spec = getattr(test, "spec", None)
    if spec is None or not isinstance(value, dict):
        return ""
    for k in getattr(test, "required", ()):
        if k not in value:
            return f" (“{k}” is missing)"
    for k, check in spec.items():
        if k in value and not check(value[k]):
            return f" (“{k}”)"
    return ""

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

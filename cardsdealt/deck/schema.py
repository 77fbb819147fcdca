"""JSON Schema for deck files, built from the same field tables as the loader.

Editors use it to autocomplete and underline deck files (see README: VS Code YAML extension).
The loader remains the truth; the schema is the helpful subset an editor can check as you type.
"""

from __future__ import annotations

from cardsdealt.deck import fields as F

_ID = {"type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$"}
_NAME = {"type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_]{0,63}$"}


def _obj(table: dict, required=(), defs: dict | None = None) -> dict:
    props = {name: {**_kind(kind), "description": desc} for name, (kind, desc) in table.items()}
    out = {"type": "object", "properties": props, "additionalProperties": False}
    if required:
        out["required"] = list(required)
    return out


def _kind(kind: str) -> dict:
    simple: dict[str, dict] = {
        "text": {"type": "string"},
        "id": _ID,
        "int": {"type": "integer"},
        "number": {"type": "number", "minimum": 0},
        "bool": {"type": "boolean"},
        "condition": {"type": "string", "description": "A condition, e.g. trust >= 3"},
        "texts": {"type": "array", "items": {"type": "string"}},
        "ids": {"type": "array", "items": {"type": "string"}},
        "modes": {"type": "array", "items": {"enum": ["journey", "classic"]}, "minItems": 1},
        "effects": {"type": "object", "additionalProperties": {"type": "integer"}},
        "words": {"type": "object", "additionalProperties": {"type": "string"}},
    }
    if kind in simple:
        return dict(simple[kind])
    refs = {"stats": "#/$defs/stats", "stages": "#/$defs/stages", "cards": "#/$defs/cardsField",
            "reflections": "#/$defs/reflections", "endings": "#/$defs/endings",
            "classic": "#/$defs/classic", "supports": "#/$defs/supports",
            "choices": "#/$defs/choices", "players": "#/$defs/players", "lint": "#/$defs/lint"}
    return {"$ref": refs[kind]}


def _defs() -> dict:
    card = _obj(F.CARD, ("id", "title"))
    return {
        "stats": {"type": "object", "propertyNames": _NAME,
                  "additionalProperties": _obj(F.STAT, F.STAT_REQUIRED)},
        "stages": {"type": "array", "items": {"oneOf": [_ID, _obj(F.STAGE, F.STAGE_REQUIRED)]}},
        "card": card,
        "cards": {"type": "array", "items": {"$ref": "#/$defs/card"}},
        "cardsField": {"oneOf": [{"type": "string"}, {"$ref": "#/$defs/cards"}]},
        "choices": {"type": "array", "minItems": 2, "maxItems": 4,
                    "items": _obj(F.CHOICE, F.CHOICE_REQUIRED)},
        "reflections": {"type": "array", "items": _obj(F.REFLECTION, F.REFLECTION_REQUIRED)},
        "endings": {"type": "array", "items": _obj(F.ENDING, F.ENDING_REQUIRED)},
        "supports": {"type": "array",
                     "items": {"oneOf": [{"type": "string"},
                                         _obj(F.SUPPORT, F.SUPPORT_REQUIRED)]}},
        "classic": _obj(F.CLASSIC),
        "players": _obj(F.PLAYERS),
        "lint": _obj(F.LINT),
    }


def deck_schema(part: str = "deck") -> dict:
    """The schema for deck.yaml (`part="deck"`) or for a card file (`part="cards"`)."""
    root = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$defs": _defs(),
    }
    if part == "cards":
        root.update({"title": "cardsdealt card file", "$ref": "#/$defs/cards"})
    else:
        root.update({"title": "cardsdealt deck.yaml",
                     **_obj(F.DECK, F.DECK_REQUIRED)})
    return root

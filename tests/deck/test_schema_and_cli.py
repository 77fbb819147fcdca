"""`cardsdealt schema` gives editors a schema that accepts every shipped deck, and `check`
prints a short OK summary."""

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from cardsdealt.cli import main
from cardsdealt.deck.schema import deck_schema

DECKS = Path(__file__).resolve().parents[2] / "decks"
DECK_DIRS = sorted(p for p in DECKS.iterdir() if (p / "deck.yaml").is_file())


def test_schema_is_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(deck_schema("deck"))
    jsonschema.Draft202012Validator.check_schema(deck_schema("cards"))


@pytest.mark.parametrize("deck", DECK_DIRS, ids=lambda p: p.name)
def test_schema_accepts_shipped_decks(deck):
    jsonschema.validate(yaml.safe_load((deck / "deck.yaml").read_text()), deck_schema("deck"))
    for f in sorted((deck / "cards").glob("*.yaml")):
        jsonschema.validate(yaml.safe_load(f.read_text()), deck_schema("cards"))


def test_schema_flags_a_misspelt_field():
    data = yaml.safe_load((DECKS / "example" / "deck.yaml").read_text())
    data["titel"] = data.pop("title")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, deck_schema("deck"))


def test_schema_command_writes_a_file(tmp_path, capsys):
    out = tmp_path / "deck.schema.json"
    assert main(["schema", "-o", str(out)]) == 0
    assert json.loads(out.read_text())["title"] == "cardsdealt deck.yaml"


def test_check_ok_summary(capsys):
    assert main(["check", str(DECKS / "example")]) == 0
    out = capsys.readouterr().out
    assert "OK" in out and "13 cards" in out and "2 stages" in out


def test_check_missing_folder_exit_1(tmp_path, capsys):
    assert main(["check", str(tmp_path / "nope")]) == 1
    assert "does not exist" in capsys.readouterr().out

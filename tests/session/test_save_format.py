"""Saves made by cardsdealt 0.1 (checked in under fixtures/, written by that code) still open,
and every file cardsdealt writes follows the one version scheme (engine/saves.py)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from deckfactory import small_deck as make_deck

from cardsdealt.engine.saves import FORMATS, GAME, SESSION, SETTINGS
from cardsdealt.session import export_record, resume
from cardsdealt.session.savefile import MAIN
from cardsdealt.session.settings import Settings, load_settings, save_settings

from .play import play_journey

FIXTURES = Path(__file__).parent / "fixtures"
SAVES = sorted(FIXTURES.glob("v0.1-*.session.json"))


@pytest.mark.parametrize("fixture", SAVES, ids=lambda p: p.name)
def test_a_save_from_0_1_opens_and_carries_on(store, fixture, tmp_path):
    folder = store.root / "2026-01-01-000000-small"
    folder.mkdir()
    shutil.copy(fixture, folder / MAIN)
    r = resume(store, folder.name, deck=make_deck())
    assert r.messages == []
    old = json.loads(fixture.read_text("utf-8"))
    assert r.game.state.to_json() == old["game"]["state"]
    assert r.draft == ((old.get("draft") or {}).get("text") or "")
    r.session.save(r.game)  # written again in today's layout
    new = json.loads((folder / MAIN).read_text("utf-8"))
    assert (new["game"]["format"], new["game"]["version"]) == (GAME, FORMATS[GAME][0])
    assert "save_version" not in new["game"]
    r.session.close()
    e = export_record(store, folder.name, out_dir=tmp_path / "out", deck=make_deck())
    assert e.markdown.exists() and e.pdf.exists()


def test_settings_from_0_1_still_read(tmp_path):
    path = tmp_path / "settings.json"
    shutil.copy(FIXTURES / "v0.1-settings.json", path)
    s, messages = load_settings(path)
    assert messages == [] and s.theme == "dark" and s.text_size == 2
    assert s.deck_presets == {"small": "table"}


def test_every_saved_file_carries_the_same_version_keys(store, tmp_path):
    session, game = play_journey(store)
    doc = json.loads((session.folder / MAIN).read_text("utf-8"))
    path = tmp_path / "settings.json"
    save_settings(Settings(theme="dark"), path)
    saved = json.loads(path.read_text("utf-8"))
    for obj, fmt in ((doc, SESSION), (doc["game"], GAME), (saved, SETTINGS)):
        assert (obj["format"], obj["version"], obj["min_reader"]) == (fmt, *FORMATS[fmt])


def test_settings_from_a_newer_cardsdealt_are_left_alone(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"format": SETTINGS, "version": 9, "min_reader": 9,
                                "theme": "dark"}), "utf-8")
    before = path.read_bytes()
    s, messages = load_settings(path)
    assert s == Settings() and "newer version" in messages[0]
    assert path.read_bytes() == before


def test_the_field_list_names_every_field_written(store):
    """docs/save-format.md lists every key a save holds."""
    doc_text = (Path(__file__).parents[2] / "docs" / "save-format.md").read_text("utf-8")
    session, game = play_journey(store, kind="group")
    session.save_meta(interview={"cards": ["a"], "at": 0})
    doc = json.loads((session.folder / MAIN).read_text("utf-8"))
    keys = set(doc) | set(doc["meta"]) | set(doc["meta"]["deck"]) | set(doc["progress"]) \
        | set(doc["game"]) | set(doc["game"]["state"]) | set(doc["notes"][0])
    missing = sorted(k for k in keys if f"`{k}`" not in doc_text)
    assert missing == []

"""What a wheel carries: every Python package, and the fonts and decks (pyproject.toml lists
them by hand because assets/ and decks/ sit outside the package; see cardsdealt/paths.py)."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _setuptools() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "setuptools"]


def test_every_package_is_listed_for_the_wheel():
    listed = set(_setuptools()["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts)
             for p in (ROOT / "cardsdealt").rglob("__init__.py")}
    missing = sorted(found - listed)
    assert not missing, f"add {missing} to [tool.setuptools] packages in pyproject.toml"


def test_fonts_and_decks_go_into_the_wheel_from_the_top_level_folders():
    conf = _setuptools()
    assert conf["package-dir"] == {"cardsdealt.assets": "assets", "cardsdealt.decks": "decks"}
    assert conf["package-data"]["cardsdealt.assets"] == ["**/*"]
    assert conf["package-data"]["cardsdealt.decks"] == ["**/*"]
    from cardsdealt import paths

    assert paths.FONT_DIR == ROOT / "assets" / "fonts"  # a source checkout: beside the package
    assert (paths.FONT_DIR / "OFL.txt").is_file()  # the licences travel with the fonts
    assert (paths.FONT_DIR / "OpenDyslexic-COPYRIGHT.txt").is_file()
    assert (paths.DECKS / "kais-journey" / "deck.yaml").is_file()

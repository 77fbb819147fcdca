"""Where the files shipped with cardsdealt are: the reading fonts (assets/) and the decks, and
how a deck named on the command line or in the window is found (`resolve_deck`).

In a source checkout, and in an editable install (the README's way), they are the folders
`assets/` and `decks/` at the top of the repository, beside this package. A wheel
(`pip install .`, `pipx install`) carries the same folders inside the package, as
`cardsdealt/assets` and `cardsdealt/decks` (see [tool.setuptools] in pyproject.toml).
"""

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _shipped(name: str) -> Path:
    inside = _PACKAGE / name
    return inside if inside.is_dir() else _PACKAGE.parent / name


ASSETS = _shipped("assets")
FONT_DIR = ASSETS / "fonts"
DECKS = _shipped("decks")


def shipped_decks() -> list[Path]:
    """Deck folders shipped with cardsdealt, in name order."""
    if not DECKS.is_dir():
        return []
    return sorted(p for p in DECKS.iterdir() if (p / "deck.yaml").is_file())


def resolve_deck(name: str) -> Path:
    """A deck folder from a path, a path to deck.yaml, or the name of a shipped deck."""
    p = Path(name)
    if p.is_file() and p.name == "deck.yaml":
        return p.parent
    if p.exists():
        return p
    if (DECKS / name / "deck.yaml").is_file():
        return DECKS / name
    return p  # the loader says kindly that it is missing

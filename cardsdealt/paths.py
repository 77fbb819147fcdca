"""Where the files shipped with cardsdealt are: the reading fonts (assets/) and the decks, and
how a deck named on the command line or in the window is found (`resolve_deck`), and where
the person's own decks are (made in the studio or opened from a shared zip: `user_decks`).

In a source checkout, and in an editable install (the README's way), they are the folders
`assets/` and `decks/` at the top of the repository, beside this package. A wheel
(`pip install .`, `pipx install`) carries the same folders inside the package, as
`cardsdealt/assets` and `cardsdealt/decks` (see [tool.setuptools] in pyproject.toml).
"""

import os
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


def user_decks_dir() -> Path:
    """The person's own decks: $CARDSDEALT_DATA_DIR/decks, else `decks` in the per-user data
    folder, beside `sessions` (session/decks.py writes there; nothing here creates it)."""
    base = os.environ.get("CARDSDEALT_DATA_DIR")
    if base:
        return Path(base).expanduser() / "decks"
    from platformdirs import user_data_dir

    return Path(user_data_dir("cardsdealt", appauthor=False, roaming=False)) / "decks"


def user_decks() -> list[Path]:
    """The person's own deck folders, in name order (hidden folders, such as a zip being
    unpacked, are never listed)."""
    root = user_decks_dir()
    try:
        entries = sorted(root.iterdir(), key=lambda p: p.name.lower())
    except OSError:
        return []
    return [p for p in entries if not p.name.startswith(".") and (p / "deck.yaml").is_file()]


def all_decks() -> list[Path]:
    """The shipped decks, then the person's own: what the start screen lists."""
    return shipped_decks() + user_decks()


def resolve_deck(name: str) -> Path:
    """A deck folder from a path, a path to deck.yaml, or the name of a shipped deck or of
    one of the person's own decks."""
    p = Path(name)
    if p.is_file() and p.name == "deck.yaml":
        return p.parent
    if p.exists():
        return p
    if (DECKS / name / "deck.yaml").is_file():
        return DECKS / name
    if name and not name.startswith(".") and Path(name).name == name:
        mine = user_decks_dir() / name
        if (mine / "deck.yaml").is_file():
            return mine
        # an unpacked deck's folder is named by its title ("Our Deck"): `our-deck` finds it
        for deck in user_decks():
            if _slug(deck.name) == _slug(name):
                return deck
    return p  # the loader says kindly that it is missing


def _slug(name: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in name.lower()).split())

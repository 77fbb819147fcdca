"""Where the files shipped with cardsdealt are: the reading fonts (assets/) and the decks.

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

import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest

from cardsdealt.deck import check_deck

# Every test runs headless and silent; nothing touches the user's real data folder.
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
# Sessions written by tests go to a throwaway folder, never the user's own data folder;
# and so does anything a test makes the program write "home" (a certificate goes to
# ~/Documents when no session is kept; the deck cache to the per-user cache folder).
os.environ["CARDSDEALT_DATA_DIR"] = tempfile.mkdtemp(prefix="cardsdealt-tests-")
_HOME = tempfile.mkdtemp(prefix="cardsdealt-tests-home-")
os.environ["HOME"] = _HOME
for _name in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
    os.environ[_name] = os.path.join(_HOME, "." + _name.lower())
# ...and records meant for the Documents folder go to another throwaway folder.
os.environ["CARDSDEALT_DOCUMENTS_DIR"] = tempfile.mkdtemp(prefix="cardsdealt-tests-docs-")

DECKS = Path(__file__).resolve().parents[1] / "decks"
EXAMPLE = DECKS / "example"


class DeckCopy:
    """A copy of the example deck that a test edits, then checks."""

    def __init__(self, root: Path):
        self.root = root

    def edit(self, rel: str, old: str, new: str) -> None:
        p = self.root / rel
        text = p.read_text(encoding="utf-8")
        assert old in text, f"test setup: {old!r} not in {rel}"
        p.write_text(text.replace(old, new, 1), encoding="utf-8")

    def write(self, rel: str, text: str | bytes) -> None:
        p = self.root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            p.write_bytes(text)
        else:
            p.write_text(text, encoding="utf-8")

    def line_of(self, rel: str, needle: str) -> int:
        for i, line in enumerate((self.root / rel).read_text(encoding="utf-8").splitlines(), 1):
            if needle in line:
                return i
        raise AssertionError(f"{needle!r} not in {rel}")

    def problems(self):
        deck, problems = check_deck(self.root)
        return deck, problems

    def only_problem(self, contains: str):
        """The problems mentioning `contains`; fails when there is none."""
        deck, problems = check_deck(self.root)
        hits = [p for p in problems if contains in p.message]
        assert hits, "no problem mentions %r; got:\n%s" % (
            contains, "\n".join(p.format() for p in problems))
        assert deck is None
        return hits[0]


@pytest.fixture
def deck_files(tmp_path, monkeypatch):
    """The one factory for a deck on disk: a valid deck's files copied into tmp_path, to edit.

    deck_files(kind="example", name="deck", modes=None, cache=False, edit=None) -> DeckCopy
      kind: a shipped deck ("example": journey and classic, small; "kais-journey": a long
            journey; "cards-youre-dealt": the table game) or a folder to copy
      modes: keep only these ways to play, e.g. ("classic",) (deck.yaml's `modes:`)
      cache: the deck cache in a folder of its own in tmp_path (CARDSDEALT_CACHE_DIR)
      edit: a function of deck.yaml's text, giving the text to write instead
    """

    def make(kind: str | Path = "example", name: str | Path = "deck", modes=None,
             cache: bool = False, edit=None) -> DeckCopy:
        root = tmp_path / name
        shutil.copytree(DECKS / kind, root)
        if cache:
            monkeypatch.setenv("CARDSDEALT_CACHE_DIR", str(tmp_path / "cache"))
        yaml = root / "deck.yaml"
        if modes is not None:
            text = re.sub(r"(?m)^modes:.*$", f"modes: [{', '.join(modes)}]",
                          yaml.read_text("utf-8"), count=1)
            yaml.write_text(text, "utf-8")
        if edit is not None:
            yaml.write_text(edit(yaml.read_text("utf-8")), "utf-8")
        return DeckCopy(root)

    return make


@pytest.fixture
def deck_copy(deck_files) -> DeckCopy:
    """A copy of the example deck (journey and classic) to edit, then check."""
    return deck_files()


@pytest.fixture
def store(tmp_path, monkeypatch):
    """A session store in a temporary folder (CARDSDEALT_DATA_DIR points there too, so
    settings and sessions stay in it; records meant for Documents go beside it)."""
    from cardsdealt.session import SessionStore

    monkeypatch.setenv("CARDSDEALT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("CARDSDEALT_DOCUMENTS_DIR", str(tmp_path / "Documents"))
    return SessionStore()

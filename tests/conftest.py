import os
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

EXAMPLE = Path(__file__).resolve().parents[1] / "decks" / "example"


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
def deck_copy(tmp_path) -> DeckCopy:
    root = tmp_path / "deck"
    shutil.copytree(EXAMPLE, root)
    return DeckCopy(root)

"""#14's house rule for the deck loader and `check`'s modules: none over 400 lines, so a
newcomer can read any of them in one sitting. (The studio's and the print modules are other
work in progress: tests for them come with their split.)"""

from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "cardsdealt"
LIMIT = 400


def _modules():
    for folder in ("deck", "authoring"):
        for path in sorted((PACKAGE / folder).glob("*.py")):
            if path.name != "printcards.py":
                yield path


def test_no_deck_or_check_module_over_400_lines():
    long = {p.relative_to(PACKAGE).as_posix(): n for p in _modules()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > LIMIT}
    assert not long, f"modules over {LIMIT} lines (split out a cohesive part): {long}"


def test_the_limit_is_measured_on_real_modules():
    names = {p.name for p in _modules()}
    assert {"lint.py", "loader.py", "check.py", "journeymap.py"} <= names

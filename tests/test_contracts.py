"""The house's contracts, checked on every run of the suite (and so inside .ci/run).

- Imports (`lint-imports`, configured in pyproject.toml [tool.importlinter]): the layers
  deck < engine < session | render < authoring < ui < cli; only the clients and cli.py import
  cardsdealt.ui; deck/ and engine/ never import pygame; the window and the terminal clients
  never import each other; no package holds a circle of imports.
- Size: no module under cardsdealt/ is over MAX_LINES lines; a module that long is two
  jobs, and the next person can't hold it in their head.
- Types (mypy, configured in [tool.mypy]): no errors at all in deck/, engine/ and
  session/, and for the rest of the package a budget that may only fall. Fixed some? Lower
  MYPY_BUDGET to the figure this test prints, in the same commit.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CLEAN = ("cardsdealt/deck/", "cardsdealt/engine/", "cardsdealt/session/")  # no mypy errors here
MAX_LINES = 400  # issue 14: no module over 400 lines
MYPY_BUDGET = 43  # errors allowed in the rest of cardsdealt/; this number may only fall
# (40 on the house branch; main's closing-questions work brought 5 in start.py, table.py and
# terminal/closing.py)


def _lint_imports() -> Path:
    exe = Path(sys.executable).with_name("lint-imports")
    if not exe.exists():
        pytest.fail("lint-imports is missing: pip install -e '.[test]'")
    return exe


def test_import_contracts_hold():
    run = subprocess.run([str(_lint_imports()), "--no-cache"], cwd=ROOT,
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    assert re.search(r"Contracts: \d+ kept, 0 broken", run.stdout), run.stdout


@pytest.fixture(scope="module")
def mypy_errors(tmp_path_factory) -> list[str]:
    api = pytest.importorskip("mypy.api", reason="mypy is in the test extra")
    cache = tmp_path_factory.mktemp("mypy-cache")  # never a .mypy_cache in the checkout
    out, err, status = api.run(["--config-file", str(ROOT / "pyproject.toml"),
                                "--cache-dir", str(cache), "--no-error-summary",
                                str(ROOT / "cardsdealt")])
    assert status in (0, 1), err or out  # 2: mypy itself could not run
    lines = [ln for ln in out.splitlines() if ": error:" in ln]
    return [ln[ln.index("cardsdealt/"):] if "cardsdealt/" in ln else ln for ln in lines]


def test_mypy_finds_no_errors_in_deck_and_engine(mypy_errors):
    bad = [ln for ln in mypy_errors if ln.startswith(CLEAN)]
    assert not bad, "\n".join(bad)


def test_mypy_errors_elsewhere_stay_within_the_budget(mypy_errors):
    rest = [ln for ln in mypy_errors if not ln.startswith(CLEAN)]
    per_file = Counter(ln.split(":", 1)[0] for ln in rest)
    print(f"mypy: {len(rest)} errors outside deck/, engine/ and session/ (budget {MYPY_BUDGET})")
    assert len(rest) <= MYPY_BUDGET, (
        f"{len(rest)} mypy errors, over the budget of {MYPY_BUDGET}; most in: "
        + ", ".join(f"{f} ({n})" for f, n in per_file.most_common(5)))


def test_no_module_is_over_the_line_limit():
    modules = sorted((ROOT / "cardsdealt").rglob("*.py"))
    assert len(modules) > 100 and ROOT / "cardsdealt/deck/loader.py" in modules  # real files
    long = {str(p.relative_to(ROOT)): n for p in modules
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, f"over {MAX_LINES} lines (split by job): " + ", ".join(
        f"{f} ({n})" for f, n in long.items())

"""The functional core never imports pygame (a subprocess, so other tests' imports don't count)."""

import subprocess
import sys

CODE = """
import sys
import cardsdealt.deck, cardsdealt.deck.loader, cardsdealt.deck.schema
import cardsdealt.engine
import pkgutil, importlib
for pkg in (cardsdealt.deck, cardsdealt.engine):
    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
        importlib.import_module(m.name)
bad = sorted(m for m in sys.modules if m == "pygame" or m.startswith("pygame."))
print(",".join(bad))
"""


def test_deck_and_engine_import_no_pygame():
    out = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"pygame imported by the core: {out.stdout}"


def test_purity_check_can_fail():
    """The same check sees pygame when something does import it (so the test above can fail)."""
    code = CODE.replace("bad = ", "import pygame.rect\nbad = ")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "pygame" in out.stdout

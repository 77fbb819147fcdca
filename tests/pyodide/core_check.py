"""Runs INSIDE Pyodide (tests/pyodide/run.mjs): cardsdealt's core from the built wheel.

1. Unzips the wheels from /wheels into site-packages, leaving out native extensions (.so,
   .pyd): what a browser has. PyYAML then runs in its pure-Python mode and fontTools
   without its compiled speed-ups.
2. Imports every module of cardsdealt.deck, cardsdealt.engine and cardsdealt.session. Any of
   them asking for pygame or a C-only library at import time fails the run, naming it.
3. Plays Kai's Journey to its end with a session saved after each step, checks the shipped
   decks (and a broken one), and writes the CPD record as Markdown and PDF.
Prints "PYODIDE CORE OK" at the end and gives 0 to run.mjs; otherwise prints why, gives 1.
"""

import importlib
import importlib.abc
import io
import os
import pkgutil
import site
import sys
import traceback
import zipfile
from pathlib import Path

NATIVE = (".so", ".pyd", ".dylib", ".dll")
# not in a browser: pygame (no WebAssembly wheel on PyPI yet) and C-only libraries
BLOCKED = {"pygame", "PIL", "numpy", "_yaml", "yaml._yaml", "pyttsx3", "ctypes"}


def install_wheels() -> list[str]:
    target = Path(site.getsitepackages()[0])
    names = []
    for whl in sorted(Path("/wheels").glob("*.whl")):
        with zipfile.ZipFile(whl) as z:
            for member in z.namelist():
                if not member.endswith(NATIVE):
                    z.extract(member, target)
        names.append(whl.name)
    importlib.invalidate_caches()
    return names


class Blocker(importlib.abc.MetaPathFinder):
    """Refuses BLOCKED modules and remembers which module asked (the frame that ran the
    import statement; a library's own optional import, like PyYAML's of its C part or
    fpdf2's of Pillow, falls back by design and is only listed)."""

    def __init__(self):
        self.asked: list[tuple[str, str]] = []

    def find_spec(self, name, path=None, target=None):
        if name in BLOCKED or name.split(".")[0] in BLOCKED:
            frame = sys._getframe(1)
            while frame is not None and (frame.f_code.co_filename.startswith("<frozen")
                                         or frame.f_globals.get("__name__") == __name__):
                frame = frame.f_back
            who = frame.f_globals.get("__name__", "?") if frame is not None else "?"
            self.asked.append((name, who))
            raise ModuleNotFoundError(f"{name} is not available in the browser (asked for "
                                      f"by {who})", name=name)
        return None


def import_core(blocker: Blocker) -> None:
    problems = []

    def load(name: str):
        try:
            return importlib.import_module(name)
        except Exception:
            problems.append(f"{name}: " + traceback.format_exc(limit=2).strip())
            return None

    for name in ("cardsdealt.deck", "cardsdealt.engine", "cardsdealt.session"):
        pkg = load(name)
        if pkg is not None:
            for info in pkgutil.walk_packages(pkg.__path__, name + "."):
                load(info.name)
    core = ("cardsdealt.deck", "cardsdealt.engine", "cardsdealt.session")
    problems += sorted({f"{who} imports {name} at import time (not in a browser)"
                        for name, who in blocker.asked if who.startswith(core)})
    if problems:
        raise SystemExit("CORE NOT BROWSER-READY:\n" + "\n".join(problems))


def play_and_record(out: Path) -> None:
    from cardsdealt import __version__
    from cardsdealt.deck import load_deck
    from cardsdealt.engine import Game
    from cardsdealt.paths import DECKS
    from cardsdealt.session import SessionStore, export_record

    deck = load_deck(DECKS / "kais-journey")
    store = SessionStore()
    game = Game.new(deck, mode="journey", seed=3)
    session = store.start(deck, game, kind="solo")
    steps = 0
    while not game.finished:
        if game.pending_reflection is not None:
            game.reflect("An invented practitioner's thought, typed in the browser.")
        else:
            game.choose(steps % len(game.choices))
        session.save(game)
        steps += 1
        assert steps < 500, "the journey did not end"
    assert game.ending is not None
    print(f"journey: {steps} steps, ending: {game.ending.title}")
    exported = export_record(store, session.id, out_dir=out)
    pdf = exported.pdf.read_bytes()
    assert pdf.startswith(b"%PDF"), "the record is not a PDF"
    md = exported.markdown.read_text(encoding="utf-8")
    assert f"Made with cardsdealt {__version__}" in md
    print(f"record: {exported.pdf.name} ({len(pdf)} bytes), {exported.markdown.name}; "
          f"notes: {' '.join(exported.messages) or 'none'}")


def check_decks(tmp: Path) -> None:
    from cardsdealt.authoring.check import run_check
    from cardsdealt.paths import DECKS

    text = io.StringIO()
    decks = sorted(p for p in DECKS.iterdir() if (p / "deck.yaml").is_file())
    assert run_check(decks, strict=False, out=text) == 0, text.getvalue()
    broken = tmp / "broken"
    (broken / "cards").mkdir(parents=True)
    src = DECKS / "example"
    (broken / "deck.yaml").write_text((src / "deck.yaml").read_text(encoding="utf-8")
                                      .replace("title:", "titel:", 1), encoding="utf-8")
    bad = io.StringIO()
    assert run_check([broken], strict=False, out=bad) != 0
    assert "deck.yaml:" in bad.getvalue(), bad.getvalue()
    print(f"check: {len(decks)} shipped decks pass; a broken one says: "
          f"{bad.getvalue().splitlines()[0]}")


def main() -> int:
    try:
        run()
    except BaseException:  # SystemExit too: say it here, and give run.mjs an exit code
        traceback.print_exc()
        return 1
    return 0


def run() -> None:
    print("wheels:", ", ".join(install_wheels()))
    blocker = Blocker()
    sys.meta_path.insert(0, blocker)
    import_core(blocker)
    import yaml

    assert not yaml.__with_libyaml__, "PyYAML should run in pure-Python mode here"
    tmp = Path("/tmp/cardsdealt-check")
    os.environ["CARDSDEALT_DATA_DIR"] = str(tmp / "data")
    os.environ["HOME"] = str(tmp / "home")
    check_decks(tmp)
    play_and_record(tmp / "records")
    later = sorted({f"{who} -> {name}" for name, who in blocker.asked})
    print("optional imports refused, done without:", ", ".join(later) or "none")
    print(f"PYODIDE CORE OK (Python {sys.version.split()[0]}, {sys.platform})")


main()  # the value of the last line is run.mjs's exit code

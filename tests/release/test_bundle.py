"""Smoke tests of the BUILT one-folder bundle (dist/bundle/, made by `python tools/release.py`):
the program a trainer unzips, run with no Python on PATH and nothing from this checkout.

Skipped, saying why, where no bundle was built; in CI (.ci/run builds it first, CI=true)
a missing bundle fails instead.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from releasetool import ROOT, release  # tools/release.py: names and places


def _bundle() -> Path:
    folder = ROOT / "dist" / "bundle"
    app = folder / f"{release.APP_NAME}.app"
    bundle = app if sys.platform == "darwin" else folder / f"cardsdealt-{release.version()}"
    exe = release.program(bundle)
    if not exe.is_file():
        why = f"no built bundle at {exe.relative_to(ROOT)}: run `python tools/release.py`"
        if os.environ.get("CI"):
            pytest.fail(why + " (CI builds it in .ci/run before the tests)")
        pytest.skip(why)
    return bundle


@pytest.fixture(scope="module")
def exe() -> Path:
    return release.program(_bundle())


@pytest.fixture
def env(tmp_path) -> dict:
    """A user with an empty home, no Python on PATH, and no display but SDL's dummy one."""
    home = tmp_path / "home"
    home.mkdir()
    keep = {k: os.environ[k] for k in ("SYSTEMROOT", "TEMP", "TMP", "LANG") if k in os.environ}
    return {**keep, "HOME": str(home), "USERPROFILE": str(home), "PATH": str(tmp_path / "nothing"),
            "XDG_DATA_HOME": str(home / "data"), "XDG_CACHE_HOME": str(home / "cache"),
            "XDG_CONFIG_HOME": str(home / "config"), "XDG_STATE_HOME": str(home / "state"),
            "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy",
            "PYGAME_HIDE_SUPPORT_PROMPT": "1"}


def _run(exe: Path, args: list[str], env: dict, cwd: Path, stdin: str = "", timeout=120):
    return subprocess.run([str(exe), *args], input=stdin, capture_output=True, text=True,
                          env=env, cwd=cwd, timeout=timeout, encoding="utf-8")


def test_version(exe, env, tmp_path):
    out = _run(exe, ["--version"], env, tmp_path)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == f"cardsdealt {release.version()}"


def test_notices_carry_every_licence():
    bundle = _bundle()
    top = bundle / "Contents" / "Resources" if bundle.suffix == ".app" else bundle
    text = (top / "NOTICES.txt").read_text(encoding="utf-8")
    for must in ("GNU GENERAL PUBLIC LICENSE", "SIL OPEN FONT LICENSE", "OpenDyslexic",
                 "PYTHON SOFTWARE FOUNDATION LICENSE", "pygame-ce", "SDL 2", "PyYAML",
                 "platformdirs", "fpdf2", "fonttools", "pillow", "defusedxml",
                 "Bootloader Exception"):
        assert must.lower() in text.lower(), f"NOTICES.txt does not mention {must}"


def test_check_a_shipped_deck(exe, env, tmp_path):
    out = _run(exe, ["check", "kais-journey"], env, tmp_path)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "kais-journey" in out.stdout


def test_terminal_game_saves_and_exports(exe, env, tmp_path):
    """A whole journey typed in the terminal (always the first choice), kept as a session,
    then `sessions` lists it and `export` writes the record with the version in it."""
    play = _run(exe, ["play", "kais-journey", "--text", "--seed", "3"], env, tmp_path,
                stdin="1\n" * 300)
    assert play.returncode == 0, play.stdout[-2000:] + play.stderr
    assert "Your session is kept as" in play.stdout
    listed = _run(exe, ["sessions"], env, tmp_path)
    assert "Kai's Journey" in listed.stdout and "finished" in listed.stdout
    out_dir = tmp_path / "records"
    export = _run(exe, ["export", "last", "-o", str(out_dir)], env, tmp_path)
    assert export.returncode == 0, export.stderr
    pdf = next(out_dir.glob("*-record.pdf"))
    assert pdf.read_bytes().startswith(b"%PDF")
    md = next(out_dir.glob("*-record.md")).read_text(encoding="utf-8")
    assert f"Made with cardsdealt {release.version()}" in md
    assert next(out_dir.glob("*-chart.png")).stat().st_size > 1000  # pygame drew the chart


def test_first_frame_of_the_window(exe, env, tmp_path):
    """`cardsdealt` with no arguments opens the card table; its first frame is saved and the
    program closes (CARDSDEALT_FIRST_FRAME, ui/pygame/app.py). The frame shows the deck list:
    many colours, not an empty window."""
    shot = tmp_path / "first.png"
    out = _run(exe, [], {**env, "CARDSDEALT_FIRST_FRAME": str(shot)}, tmp_path)
    assert out.returncode == 0, out.stderr
    assert shot.is_file(), out.stdout + out.stderr
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    import pygame

    img = pygame.image.load(str(shot))
    w, h = img.get_size()
    assert w >= 640 and h >= 480
    colours = {tuple(img.get_at((x, y)))[:3] for x in range(0, w, 7) for y in range(0, h, 7)}
    assert len(colours) > 20, "the first frame is (nearly) one colour"

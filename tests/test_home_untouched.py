"""The test suite never writes into the real home folder: a sample of it runs with HOME and
the XDG folders pointing at empty folders, which must stay empty."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ["tests/ui/test_ui_storm.py", "tests/session/test_export.py",
          "tests/session/test_commands.py", "tests/session/test_deckcache.py"]


def test_a_sample_of_the_suite_leaves_home_empty(tmp_path):
    home = tmp_path / "home"
    xdg = {name: tmp_path / name.lower() for name in
           ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME")}
    for folder in (home, *xdg.values()):
        folder.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("CARDSDEALT_DATA_DIR",
                                                            "CARDSDEALT_CACHE_DIR")}
    env.update(HOME=str(home), **{k: str(v) for k, v in xdg.items()},
               SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    r = subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider",
                        *SAMPLE], cwd=ROOT, env=env, capture_output=True, text=True,
                       timeout=900)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    for folder in (home, *xdg.values()):
        left = sorted(str(p.relative_to(tmp_path)) for p in folder.rglob("*"))
        assert left == [], left

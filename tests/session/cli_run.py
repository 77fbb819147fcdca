"""Run the real `cardsdealt` command in a child process, with its data and home in a
temporary folder, and say whether it ended in a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def env_for(tmp: Path, **extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env.update(HOME=str(tmp / "home"), CARDSDEALT_DATA_DIR=str(tmp / "data"),
               SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYTHONPATH=str(ROOT),
               PYGAME_HIDE_SUPPORT_PROMPT="1")
    env.pop("DISPLAY", None)
    env.update(extra)
    (tmp / "home").mkdir(exist_ok=True)
    return env


def cardsdealt(tmp: Path, *args: str, stdin: bytes = b"", timeout: float = 120,
               mount: str | None = None, **extra: str) -> subprocess.CompletedProcess:
    """`mount`: "ro" runs it with the data folder mounted read-only, "full" with the data
    folder on a tiny file system that is already full (a private mount namespace: the
    real disk is never filled)."""
    cmd = [sys.executable, "-m", "cardsdealt", *args]
    if mount is not None:
        cmd = ["unshare", "-m", "sh", "-c", _MOUNTS[mount] + ' && exec "$@"', "sh", *cmd]
    return subprocess.run(cmd, input=stdin, capture_output=True, env=env_for(tmp, **extra),
                          timeout=timeout, cwd=str(tmp))


_MOUNTS = {
    "ro": 'mount --bind -o ro "$CARDSDEALT_DATA_DIR" "$CARDSDEALT_DATA_DIR"',
    "full": 'mkdir -p "$CARDSDEALT_DATA_DIR" && mount -t tmpfs -o size=256k tmpfs '
            '"$CARDSDEALT_DATA_DIR" && (cat /dev/zero > "$CARDSDEALT_DATA_DIR/filler" '
            '2>/dev/null; true)',
}


def can_mount() -> bool:
    """True where a private mount namespace can be made (root on Linux)."""
    try:
        r = subprocess.run(["unshare", "-m", "sh", "-c", "mount -t tmpfs tmpfs /mnt"],
                           capture_output=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return r.returncode == 0


def text(r: subprocess.CompletedProcess) -> str:
    return r.stdout.decode("utf-8", "replace") + r.stderr.decode("utf-8", "replace")


def no_traceback(r: subprocess.CompletedProcess) -> None:
    t = text(r)
    assert "Traceback" not in t, t[-3000:]

"""Running a window worker that types a letter at a time, and killing it (SIGKILL) mid-word:
shared by the kill tests of the closing questions and of the studio."""

from __future__ import annotations

import signal
import subprocess
import time


def type_then_kill(cmd: list[str], env: dict, seconds: float) -> tuple[bytes, list, float]:
    """Start `cmd` (its first line says it is ready; then "typed N" after each letter), let
    it type for `seconds`, kill it. Returns (the first line, [(when seen, letters typed)],
    when it was killed)."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                            bufsize=0)
    typed: list[tuple[float, int]] = []
    try:
        first = proc.stdout.readline()
        assert first.startswith(b"ready"), first + proc.stderr.read()
        while time.monotonic() - (typed[0][0] if typed else time.monotonic()) < seconds:
            line = proc.stdout.readline()
            assert line, proc.stderr.read()
            typed.append((time.monotonic(), int(line.split()[1])))
        proc.send_signal(signal.SIGKILL)
        killed = time.monotonic()
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
    return first, typed, killed

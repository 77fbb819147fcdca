"""A one-line progress count for long commands (simulate, map, print), on stderr.

Shown only on a terminal (a pipe or a log file gets nothing), only once a run has taken
longer than `delay` seconds (short runs stay quiet), and wiped when the run ends, so the
report that follows starts on a clean line.
"""

from __future__ import annotations

import time
from typing import TextIO


class ProgressLine:
    """Call with (done, total) as work goes on; `close()` when it ends."""

    def __init__(self, label: str, stream: TextIO, unit: str = "", delay: float = 0.5):
        self.label, self.stream, self.unit, self.delay = label, stream, unit, delay
        self.tty = hasattr(stream, "isatty") and stream.isatty()
        self.started = time.perf_counter()
        self.width = 0

    def __call__(self, done: int, total: int) -> None:
        if not self.tty or time.perf_counter() - self.started <= self.delay:
            return
        text = f"{self.label}: {done} of {total}" + (f" {self.unit}" if self.unit else "")
        self.stream.write("\r" + text)
        self.stream.flush()
        self.width = max(self.width, len(text))
        if done >= total:  # the caller's last words may follow on stdout, same terminal
            self.close()

    def close(self) -> None:
        if self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
            self.width = 0

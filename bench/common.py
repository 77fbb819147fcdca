"""Small helpers shared by the benchmarks: medians of repeated runs, and one printing format."""

from __future__ import annotations

import statistics
import time
from typing import Callable


def median_time(fn: Callable[[], object], runs: int = 5, warmup: int = 1,
                clock: Callable[[], float] = time.perf_counter) -> float:
    """Median wall time in seconds of `runs` calls (after `warmup` calls)."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(runs):
        t = clock()
        fn()
        times.append(clock() - t)
    return statistics.median(times)


def median_cpu(fn: Callable[[], object], runs: int = 3, warmup: int = 0) -> float:
    """Median CPU seconds of `runs` calls: on a shared machine, wall time also counts the
    time other programs had the processor."""
    return median_time(fn, runs, warmup, clock=time.process_time)


def report(name: str, value: str, ratio: float | None = None, goal: str = "",
           ok: bool | None = None) -> None:
    parts = [f"{name:<48} {value:>14}"]
    if ratio is not None:
        parts.append(f"ratio {ratio:6.2f}x")
    if goal:
        parts.append(f"goal {goal}")
    if ok is not None:
        parts.append("MET" if ok else "NOT MET")
    print("  ".join(parts), flush=True)

"""The progress line: only on a terminal, only for runs longer than the delay, wiped at the end."""

import io

from cardsdealt.ui.terminal import progress as progress_mod
from cardsdealt.ui.terminal.progress import ProgressLine


class TTY(io.StringIO):
    def isatty(self):
        return True


def test_shown_on_a_terminal_and_wiped_when_done(monkeypatch):
    ticks = iter(range(10**6))
    monkeypatch.setattr(progress_mod.time, "perf_counter", lambda: next(ticks))
    err = TTY()
    p = ProgressLine("Drawing cards", err, unit="cards")
    p(1, 2)
    assert err.getvalue() == "\rDrawing cards: 1 of 2 cards"
    p(2, 2)
    assert err.getvalue().endswith("\r" + " " * len("Drawing cards: 2 of 2 cards") + "\r")


def test_nothing_on_a_pipe_or_for_a_short_run():
    pipe = io.StringIO()
    ProgressLine("x", pipe, delay=0)(1, 2)
    assert pipe.getvalue() == ""
    tty = TTY()
    p = ProgressLine("x", tty, delay=60)
    p(1, 2)
    p.close()
    assert tty.getvalue() == ""

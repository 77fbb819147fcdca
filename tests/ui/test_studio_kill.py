"""Nothing lost: the studio killed mid-word (SIGKILL, no goodbye) keeps every letter typed
more than 2 seconds before, in the deck folder, as a deck that still loads."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs SIGKILL")
def test_sigkill_mid_word_loses_nothing_typed_more_than_2_seconds_before(tmp_path):
    from studio_kill_worker import TEXT

    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(HERE.parents[1]), str(HERE)]),
               SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy",
               CARDSDEALT_DATA_DIR=str(tmp_path / "data"))
    proc = subprocess.Popen([sys.executable, str(HERE / "studio_kill_worker.py")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, bufsize=0)
    typed: list[tuple[float, int]] = []
    try:
        first = proc.stdout.readline()
        assert first.startswith(b"ready"), first + proc.stderr.read()
        folder = Path(first.decode().split(" ", 1)[1].strip())
        while time.monotonic() - (typed[0][0] if typed else time.monotonic()) < 5.0:
            line = proc.stdout.readline()
            assert line, proc.stderr.read()
            typed.append((time.monotonic(), int(line.split()[1])))
        proc.send_signal(signal.SIGKILL)
        killed = time.monotonic()
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
    from cardsdealt.authoring.studio import StudioDeck
    from cardsdealt.session.decks import read_deck_files

    doc = StudioDeck.from_files(read_deck_files(folder))
    kept = doc.card_value(doc.cards()[0].id, "text")
    must = max(n for t, n in typed if t < killed - 2.0)
    assert must > 0 and kept.startswith(TEXT[:must].strip()), (must, len(kept))
    assert TEXT.startswith(kept)
    print(f"typed {typed[-1][1]} letters, killed; {must} typed more than 2 s before; "
          f"{len(kept)} kept")

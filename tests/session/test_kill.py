"""Kill a scripted session with SIGKILL at 150+ random moments; nothing committed is lost.

A worker process (kill_worker.py) imports everything once and forks a child per kill, so each
kill costs milliseconds. Each save sleeps a little between writing its temporary file and
renaming it (CARDSDEALT_TEST_SAVE_DELAY), so many kills land inside a save. After every kill
the session is resumed here with the real engine, and:
- the save opens with no message (never damaged, never needing the backup),
- it holds at least the last committed step, exactly (same game, draft and notes),
- the engine rebuilds the game from it, and replaying its actions gives the same state.
"""

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from deckfactory import small_deck as make_deck

from cardsdealt.engine import Game
from cardsdealt.session import SessionStore, resume
from cardsdealt.session import files as files_mod

from .kill_worker import content_hash

KILLS = 160
HERE = Path(__file__).resolve().parent

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")


def test_sigkill_at_random_points_loses_nothing_committed(tmp_path):
    root = tmp_path / "sessions"
    env = dict(os.environ, CARDSDEALT_TEST_SAVE_DELAY="0.0015", PYTHONPATH=str(HERE.parents[1]))
    worker = subprocess.Popen([sys.executable, str(HERE / "kill_worker.py"), str(root)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, bufsize=0)
    rng = random.Random(20240611)
    deck = make_deck()
    committed: dict[str, tuple[int, str]] = {}  # session id -> last committed (seq, hash)
    attempted: dict[str, int] = {}  # session id -> highest seq a save was started for
    mid_save = 0
    started = time.monotonic()
    try:
        for k in range(KILLS):
            lines = _one_run(worker, rng, k)
            errors = [ln for ln in lines if ln.startswith("error")]
            assert not errors, errors[0]
            for ln in lines:
                if ln.startswith("commit"):
                    _, sid, seq, digest = ln.split()
                    committed[sid] = (int(seq), digest)
                if ln.startswith("saving") and ln != "saving new":
                    _, sid, seq = ln.split()
                    attempted[sid] = max(attempted.get(sid, 0), int(seq))
            saves = [ln for ln in lines if ln.startswith(("saving", "commit"))]
            if saves and saves[-1].startswith("saving"):
                mid_save += 1
            _check(root, deck, committed, attempted)
    finally:
        worker.stdin.close()
        worker.wait(timeout=10)
    elapsed = time.monotonic() - started
    assert len(committed) >= 2  # several games were played through to the end and begun anew
    assert mid_save >= KILLS // 5, f"only {mid_save} kills landed inside a save"
    assert elapsed < 60
    # temporary files left by killed saves are removed once they are stale
    temps = list(root.rglob(files_mod.TEMP_PREFIX + "*"))
    for t in temps:
        os.utime(t, (0, 0))
    SessionStore(root)
    assert not list(root.rglob(files_mod.TEMP_PREFIX + "*"))


def _one_run(worker, rng: random.Random, k: int) -> list[str]:
    worker.stdin.write(f"run {k}\n".encode())
    first = worker.stdout.readline().decode().strip()
    assert first.startswith("pid "), first
    time.sleep(rng.uniform(0.0, 0.06))
    try:
        os.kill(int(first.split()[1]), signal.SIGKILL)
    except ProcessLookupError:
        pass
    lines = []
    while True:
        line = worker.stdout.readline().decode()
        assert line, "the worker stopped unexpectedly"
        line = line.strip()
        if line.startswith("exit"):
            return lines
        lines.append(line)


def _check(root: Path, deck, committed: dict, attempted: dict) -> None:
    store = SessionStore(root)
    infos = {i.id: i for i in store.list()}
    for sid in committed:
        assert sid in infos and infos[sid].problem is None
    if not infos:  # every kill so far landed before the first save (a slow, loaded machine)
        return
    latest = max(infos.values(), key=lambda i: i.updated or "")
    for sid in {latest.id} | set(list(committed)[-1:]):
        r = resume(store, sid, deck=deck)
        assert r.messages == [], r.messages
        doc = r.session.doc
        seq, digest = committed.get(sid, (0, ""))
        # at least the last committed save; more only if a save was under way when killed
        # (it may have landed without its "commit" line, and later saves built on it;
        # a new session that was killed just after its first save has seq 1)
        assert seq <= doc["seq"] <= max(seq, attempted.get(sid, 1)), (sid, doc["seq"], seq)
        if doc["seq"] == seq:
            assert content_hash(doc) == digest
        assert r.game.to_json() == doc["game"]
        replayed = Game.new(deck, r.game.mode, r.game.seed)
        for action in doc["game"]["state"]["actions"]:
            replayed.apply(action)
        assert replayed.to_json()["state"] == doc["game"]["state"]
        if r.game.pending_reflection is not None and doc["draft"]:
            assert r.draft == doc["draft"]["text"]
        r.session.close()  # let the next run open it for writing

"""The kill harness's worker (run by test_kill.py; not a test itself).

One Python process imports everything once, then for each "run" line it reads, forks a child
that plays a scripted group session (resuming the unfinished one if there is one) and saves
after every step. The test kills the child with SIGKILL at a random moment. Lines written:
  pid N               the child started (the test kills N)
  saving SID SEQ      a save that would make SEQ is about to start
  commit SID SEQ HASH that save returned: it is committed and must never be lost
  error TEXT          the child failed (the test shows TEXT)
  exit STATUS         the child has ended (the worker writes this)
"""

import hashlib
import json
import os
import sys
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from deckfactory import small_deck as make_deck  # noqa: E402

from cardsdealt.engine import Game  # noqa: E402
from cardsdealt.session import SessionStore, resume  # noqa: E402


def say(line: str) -> None:
    os.write(1, (line + "\n").encode())  # one write: a killed child never leaves half a line


def content_hash(doc: dict) -> str:
    """What must survive: the game, the typed draft, the notes (not timestamps)."""
    keep = {"game": doc["game"], "draft": doc["draft"],
            "notes": [n["text"] for n in doc.get("notes", [])], "seq": doc["seq"]}
    return hashlib.sha256(json.dumps(keep, sort_keys=True).encode()).hexdigest()[:16]


def committed(session, fn, *args) -> None:
    before = session.doc["seq"]
    say(f"saving {session.id} {before + 1}")
    fn(*args)
    if session.doc["seq"] != before:
        say(f"commit {session.id} {session.doc['seq']} {content_hash(session.doc)}")


def play(root: str, seed: int) -> None:
    deck = make_deck()
    store = SessionStore(root)
    while True:
        unfinished = [i for i in store.list() if not i.finished]
        if unfinished:
            r = resume(store, unfinished[0].id, deck=deck)
            session, game = r.session, r.game
        else:
            game = Game.new(deck, seed=seed)
            say("saving new")
            session = store.start(deck, game, kind="group")
            say(f"commit {session.id} {session.doc['seq']} {content_hash(session.doc)}")
        while not game.finished:
            step(session, game)
        seed += 1


def step(session, game) -> None:
    prompt = game.pending_reflection
    if prompt is not None:
        text = f"Turn {game.turn}: ‘{prompt.text[:20]}’ — I would sit with Sam. ✓ "
        committed(session, session.save_draft, text[:10])
        committed(session, session.save_draft, text)
        game.reflect(text)
        committed(session, session.save, game)
        return
    n = len(game.choices)
    game.choose((game.turn + game.seed) % n, votes=[(game.turn + k) % 5 for k in range(n)])
    committed(session, session.save, game)
    if game.turn % 3 == 0 and not game.finished:
        committed(session, session.add_note, game.current_card.id, f"note at {game.turn}")


def main() -> None:
    root = sys.argv[1]
    for line in sys.stdin:
        cmd, seed = line.split()
        pid = os.fork()
        if pid == 0:
            try:
                say(f"pid {os.getpid()}")
                play(root, int(seed))
            except BaseException:
                say("error " + traceback.format_exc().replace("\n", " | "))
                os._exit(3)
            os._exit(0)
        _, status = os.waitpid(pid, 0)
        say(f"exit {status}")


if __name__ == "__main__":
    main()

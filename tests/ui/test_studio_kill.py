"""Nothing lost: the studio killed mid-word (SIGKILL, no goodbye) keeps every letter typed
more than 2 seconds before, in the deck folder, as a deck that still loads."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from killkit import type_then_kill

HERE = Path(__file__).resolve().parent


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs SIGKILL")
def test_sigkill_mid_word_loses_nothing_typed_more_than_2_seconds_before(tmp_path):
    from studio_kill_worker import TEXT

    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(HERE.parents[1]), str(HERE)]),
               SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy",
               CARDSDEALT_DATA_DIR=str(tmp_path / "data"))
    first, typed, killed = type_then_kill(
        [sys.executable, str(HERE / "studio_kill_worker.py")], env, 5.0)
    folder = Path(first.decode().split(" ", 1)[1].strip())
    from cardsdealt.authoring.studio import StudioDeck
    from cardsdealt.session.decks import read_deck_files

    doc = StudioDeck.from_files(read_deck_files(folder))
    kept = doc.card_value(doc.cards()[0].id, "text")
    must = max(n for t, n in typed if t < killed - 2.0)
    assert must > 0 and kept.startswith(TEXT[:must].strip()), (must, len(kept))
    assert TEXT.startswith(kept)
    print(f"typed {typed[-1][1]} letters, killed; {must} typed more than 2 s before; "
          f"{len(kept)} kept")

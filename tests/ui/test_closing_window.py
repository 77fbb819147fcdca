"""The closing reflection in the window: a scripted game ends, the record's questions are
answered in the closing scene (with the player's own reflections beside them and the
reminder before typing), and the exported PDF has each answer under its heading; a group
session's record has its peer part; finished sessions come back on the start screen; a
SIGKILL mid-answer loses nothing typed more than 3 seconds before."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pygame
import pytest
from killkit import type_then_kill
from test_ui_sessions import SavingHarness, to_door_reflection
from uikit import entries_for

from cardsdealt.session import SessionStore
from cardsdealt.session.places import records_dir

K = pygame
RELEVANT = "I meet children on their first night in a new home."
LEARNT = "Saying a child's name right is the first promise kept."
IMPACT = "I will check how to say each child's name before the visit."
PEER = "A colleague said she writes the name down the way it sounds; I will too."
BAG = "He held on to it because it was the only thing still his."
HERE = Path(__file__).resolve().parent


def _to_end(h) -> None:
    """Play on to the end: the first choice each time, reflections skipped (solo), or
    three hands for the first choice then F5 (group presets)."""
    for _ in range(30):
        top = h.top
        if top.name in ("summary", "closing"):
            return
        if top.name == "reflection":
            h.key(K.K_PAGEDOWN)
        elif getattr(top, "phase", "") == "card":
            for _ in range(3):
                h.key(K.K_1, "1")
            h.key(K.K_PAGEDOWN if h.app.preset in (None, "solo") else K.K_F5)
        else:
            h.key(K.K_PAGEDOWN)
        h.settle(0.4)


def _at_the_end(store, rens):
    """A solo game of Ren's Week played to its end, the door card's question skipped."""
    h = SavingHarness(store, entries_for(rens))
    to_door_reflection(h)
    h.key(K.K_PAGEDOWN)
    _to_end(h)
    return h


def _answer(h, *answers: str) -> None:
    for text in answers:
        assert h.top.name == "closing" and h.top.page == "ask"
        h.type(text)
        h.key(K.K_RETURN, mod=K.KMOD_CTRL)


def _pdf(pdf: Path, tmp_path: Path) -> str:
    if not shutil.which("pdftotext") or not shutil.which("pdftoppm"):
        pytest.skip("poppler-utils not installed")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(tmp_path / "pg")],
                   check=True)
    pages = sorted(tmp_path.glob("pg-*.png"))
    assert pages
    for png in pages:
        img = pygame.image.load(str(png))
        w, h = img.get_size()
        assert len({img.get_at((x, y))[:3] for x in range(0, w, 7) for y in range(0, h, 7)}) > 2
    return " ".join(text.split())


def _under(flat: str, heading: str, answer: str, next_heading: str) -> None:
    a = flat.index(heading)
    assert a < flat.index(answer) < flat.index(next_heading, a + 1), (heading, answer)


def test_solo_game_ends_with_the_questions_and_the_pdf_has_the_answers(store, rens, tmp_path):
    h = SavingHarness(store, entries_for(rens))
    to_door_reflection(h)
    h.type(BAG)
    h.key(K.K_RETURN, mod=K.KMOD_CTRL)
    h.settle()
    _to_end(h)
    scene = h.top
    assert scene.name == "closing" and scene.page == "intro"  # the reminder, before typing
    assert "Never write a real child's name" in _all_text(scene)
    h.key(K.K_RETURN)  # Begin
    assert scene.closing.earlier()[0][1] == BAG  # shown beside the questions
    _answer(h, RELEVANT, LEARNT, IMPACT)
    assert scene.page == "saved"
    sid = h.app.session.id
    pdf = records_dir() / f"{sid}-record.pdf"
    assert str(records_dir()) in scene.saved_words and pdf.is_file()
    flat = _pdf(pdf, tmp_path)
    _under(flat, "relevance to my practice", RELEVANT, "What I learnt")
    _under(flat, "What I learnt", LEARNT, "My reflections during the game")
    _under(flat, "Impact on my practice", IMPACT, "(peer reflection)")
    assert BAG in flat and "Not written yet" not in flat
    assert "Peer reflection: not added yet" in flat
    h.key(K.K_RETURN)  # Done: back to the end screen, which says where the record is
    assert h.top.name == "summary" and str(records_dir()) in h.top.saved_to


def test_group_session_answers_what_colleagues_taught_and_the_pdf_has_the_peer_part(
        store, rens, tmp_path):
    h = SavingHarness(store, entries_for(rens), preset="supervision")
    h.to_card()
    _to_end(h)
    assert h.top.name == "summary"  # a group's end screen stays as it is on the projector
    h.key(K.K_r, "r")  # Save my record: the questions first
    assert h.top.name == "closing" and len(h.top.closing.questions) == 4
    h.key(K.K_RETURN)
    _answer(h, RELEVANT, LEARNT, IMPACT, PEER)
    pdf = records_dir() / f"{h.app.session.id}-record.pdf"
    flat = _pdf(pdf, tmp_path)
    _under(flat, "What I learnt from discussing this with a peer (peer reflection)", PEER,
           "The journey, card by card")
    assert "Peer reflection: from the group session on" in flat
    assert "Not written yet" not in flat


def test_finished_sessions_come_back_on_the_start_screen_for_their_record(store, rens):
    h = _at_the_end(store, rens)
    h.key(K.K_DOWN)
    h.key(K.K_RETURN)  # Not now
    sid = h.app.session.id
    h2 = SavingHarness(SessionStore(store.root), entries_for(rens))
    h2.table.start()
    h2.settle()
    rows = [r for r in h2.top.rows if r.kind == "record"]
    assert [r.target.extra["id"] for r in rows] == [sid]
    h2.top.activate(h2.top.rows.index(rows[0]))
    assert h2.top.name == "closing"
    h2.key(K.K_RETURN)
    _answer(h2, RELEVANT, LEARNT, IMPACT)
    h2.key(K.K_RETURN)  # Done: the row now offers the peer reflection
    assert h2.top.name == "start"
    [row] = [r for r in h2.top.rows if r.kind == "record"]
    assert row.target.extra["what"] == "peer" and "colleague" in row.detail
    h2.top.activate(h2.top.rows.index(row))
    assert h2.top.closing.peer_later
    h2.key(K.K_RETURN)
    _answer(h2, PEER)
    doc = SessionStore(store.root).open(sid)[1]
    assert doc["record"]["peer"] == PEER and doc["closing"]["peer_added"]


def test_name_check_warns_before_an_answer_is_kept(store, rens):
    h = _at_the_end(store, rens)
    h.key(K.K_RETURN)
    h.type("I thought of Tyler Jones, born 14/02/2013.")
    h.key(K.K_RETURN, mod=K.KMOD_CTRL)
    assert h.top.name == "confirm" and "Tyler" in h.top.message
    h.key(K.K_RETURN)  # the safe answer, marked first: change it
    assert h.top.name == "closing" and h.top.closing.question.id == "relevance"
    h.key(K.K_RETURN, mod=K.KMOD_CTRL)
    h.key(K.K_DOWN)
    h.key(K.K_RETURN)  # keep it as it is (an invented child, say)
    assert h.top.closing.question.id == "learnt"


def _all_text(scene) -> str:
    from cardsdealt.session.privacy import REMINDER

    return REMINDER if scene.page == "intro" else ""


# -- SIGKILL mid-answer ---------------------------------------------------------------------
@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs SIGKILL")
def test_sigkill_mid_answer_loses_nothing_typed_more_than_3_seconds_before(store, rens,
                                                                             tmp_path):
    h = _at_the_end(store, rens)
    sid = h.app.session.id
    h.app.session.close()  # this window lets go of the session: the worker is its one writer
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(HERE.parents[1]), str(HERE)]),
               SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    _first, typed, killed = type_then_kill(
        [sys.executable, str(HERE / "closing_kill_worker.py"), str(store.root), sid,
         rens.root], env, 7.0)
    from closing_kill_worker import TEXT

    kept = SessionStore(store.root).open(sid)[1].get("record", {}).get("relevance", "")
    must = max(n for t, n in typed if t < killed - 3.0)
    assert must > 0 and kept.startswith(TEXT[:must]), (must, len(kept))
    assert TEXT.startswith(kept)
    print(f"typed {typed[-1][1]} letters, killed; {must} typed more than 3 s before; "
          f"{len(kept)} kept")
    # resumed: the closing questions open again at that answer, with the words in the box
    from cardsdealt.ui.pygame.scenes.closing import ClosingScene

    h2 = SavingHarness(SessionStore(store.root), entries_for(rens))
    h2.table.start()
    h2.app.push(ClosingScene(h2.app, SessionStore(store.root).open(sid)[0]))
    h2.key(K.K_RETURN)
    assert h2.top.closing.question.id == "relevance" and h2.top.box.text == kept

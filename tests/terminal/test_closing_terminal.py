"""The closing questions in the terminal: a scripted game of a shipped deck ends, the record's
questions are answered line by line, and the exported PDF (read with pdftotext, pages drawn
with pdftoppm) has each answer under its heading; a group session's record has its peer
part; a solo player adds a peer reflection later; a SIGKILL mid-answer loses no line typed
more than 3 seconds before."""

from __future__ import annotations

import io
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cardsdealt.cli import main
from cardsdealt.session import SessionStore

RELEVANT = "I place children in foster homes most weeks.\nThe first night is mine to get right."
LEARNT = "A child holding a bag is holding on to the last thing that is theirs."
IMPACT = "I will ask what they want to keep with them, before anything else."
PEER = "Colleagues said the duty team rarely has time to explain: we agreed a script."

ROOT = Path(__file__).resolve().parents[2]


class Answers(io.TextIOBase):
    """stdin for a scripted game: a number for a choice, a sentence for a reflection,
    then the closing answers in order (an empty line ends each)."""

    def __init__(self, out: io.StringIO, closing: list[str]) -> None:
        self.out, self.closing = out, list(closing)

    def readline(self, *_a) -> str:
        asked = self.out.getvalue().rstrip().splitlines()[-1]
        if "Type a number" in asked:
            return "1\n"
        if "Type your thoughts" in asked:
            return "Being told the plan early would have helped.\n"
        return self.closing.pop(0) + "\n" if self.closing else ""


def _play(monkeypatch, argv, closing: list[str]) -> str:
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stdin", Answers(out, closing))
    assert main(argv) == 0
    return out.getvalue()


def _lines(*answers: str) -> list[str]:
    out: list[str] = []
    for a in answers:
        out += a.splitlines() + [""]
    return out


def _pdf_text(pdf: Path, pages: Path) -> str:
    if not shutil.which("pdftotext") or not shutil.which("pdftoppm"):
        pytest.skip("poppler-utils not installed")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(pages / "page")], check=True)
    import pygame

    for png in sorted(pages.glob("page-*.png")):  # every page draws, and not blank
        img = pygame.image.load(str(png))
        w, h = img.get_size()
        assert len({img.get_at((x, y))[:3] for x in range(0, w, 7) for y in range(0, h, 7)}) > 2
    assert sorted(pages.glob("page-*.png"))
    return " ".join(text.split())


def _under(flat: str, heading: str, answer: str, next_heading: str) -> None:
    a, b = flat.index(heading), flat.index(next_heading, flat.index(heading) + 1)
    assert a < flat.index(" ".join(answer.split())) < b, (heading, answer)


@pytest.fixture
def places(tmp_path, monkeypatch):
    monkeypatch.setenv("CARDSDEALT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("CARDSDEALT_DOCUMENTS_DIR", str(tmp_path / "Documents"))
    (tmp_path / "pages").mkdir()
    return tmp_path


def test_solo_game_ends_with_the_questions_and_the_record_has_the_answers(places,
                                                                          monkeypatch):
    out = _play(monkeypatch, ["play", "kais-journey", "--text", "--seed", "3"],
                _lines(RELEVANT, LEARNT, IMPACT))
    assert "Never write a real child's name" in out  # the reminder, before any typing
    assert "What you wrote during the game:" in out and "Being told the plan early" in out
    [info] = SessionStore().list()
    folder = places / "Documents" / "cardsdealt"
    pdf = folder / f"{info.id}-record.pdf"
    assert str(pdf) in out  # said with the full path
    assert (places / "data" / "sessions" / info.id / pdf.name).is_file()  # the private copy
    flat = _pdf_text(pdf, places / "pages")
    _under(flat, "relevance to my practice", RELEVANT, "What I learnt")
    _under(flat, "What I learnt", LEARNT, "My reflections during the game")
    _under(flat, "Impact on my practice", IMPACT, "peer reflection")
    assert "Not written yet" not in flat  # no empty box where something was written
    assert "Peer reflection: not added yet" in flat and f"record {info.id}" in flat
    assert "Before you share this record" in flat
    # later, after supervision: the peer reflection, marked as such
    out = _play(monkeypatch, ["record", info.id, "--peer"], _lines(PEER))
    flat = _pdf_text(pdf, places / "pages")
    _under(flat, "(peer reflection)", PEER, "The journey, card by card")
    assert "Peer reflection: added on" in flat


def test_group_session_record_has_the_peer_part(places, monkeypatch):
    _play(monkeypatch, ["play", "kais-journey", "--text", "--seed", "4",
                        "--preset", "supervision"], _lines(RELEVANT, LEARNT, IMPACT, PEER))
    [info] = SessionStore().list()
    assert info.kind == "group"
    pdf = places / "Documents" / "cardsdealt" / f"{info.id}-record.pdf"
    flat = _pdf_text(pdf, places / "pages")
    _under(flat, "What I learnt from discussing this with a peer (peer reflection)", PEER,
           "The journey, card by card")
    assert "Peer reflection: from the group session on" in flat
    assert "Not written yet" not in flat


def test_export_format_and_folder(places, monkeypatch):
    _play(monkeypatch, ["play", "kais-journey", "--text", "--seed", "3"],
          _lines(RELEVANT, LEARNT, IMPACT))
    [info] = SessionStore().list()
    out = _play(monkeypatch, ["export", info.id, "--format", "scotland", "-o",
                              str(places / "mine")], [])
    pdf = places / "mine" / f"{info.id}-record.pdf"
    assert str(pdf) in out
    flat = _pdf_text(pdf, places / "pages")
    assert "Continuous professional learning (CPL) record" in flat
    _under(flat, "What I learned", " ".join(LEARNT.split()), "How I have used it")


def test_a_name_and_date_of_birth_are_pointed_out_before_saving(places, monkeypatch):
    out = _play(monkeypatch, ["play", "kais-journey", "--text", "--seed", "3"],
                ["I thought of Tyler Jones, born 14/02/2013.", "", "e",
                 "I thought of a boy I worked with.", "", "s", "s"])
    assert "“Tyler” looks like a name" in out and "looks like a date of birth" in out
    [info] = SessionStore().list()
    record = SessionStore().open(info.id)[1]["record"]
    assert record["relevance"] == "I thought of a boy I worked with."


# -- SIGKILL mid-answer ---------------------------------------------------------------------
@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs SIGKILL")
def test_sigkill_mid_answer_loses_nothing_typed_more_than_3_seconds_before(places,
                                                                             monkeypatch):
    _play(monkeypatch, ["play", "kais-journey", "--text", "--seed", "3"], ["q"])
    [info] = SessionStore().list()
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1")
    proc = subprocess.Popen([sys.executable, "-m", "cardsdealt", "record", info.id],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, env=env, bufsize=0)
    try:
        _wait_for(proc, b"Question 1 of 3")
        sent: list[tuple[float, str]] = []
        for i in range(12):
            line = f"line {i} of what I learnt about first nights"
            proc.stdin.write((line + "\n").encode())
            proc.stdin.flush()
            sent.append((time.monotonic(), line))
            time.sleep(0.4)
        proc.send_signal(signal.SIGKILL)
        killed = time.monotonic()
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
    kept = SessionStore().open(info.id)[1].get("record", {}).get("relevance", "")
    must = [line for t, line in sent if t < killed - 3.0]
    assert must and all(line in kept for line in must), (must, kept)


def _wait_for(proc, marker: bytes, seconds: float = 30.0) -> None:
    seen = b""
    end = time.monotonic() + seconds
    while marker not in seen:
        assert time.monotonic() < end, seen[-400:]
        chunk = proc.stdout.read1(4096) if hasattr(proc.stdout, "read1") else \
            proc.stdout.read(1)
        assert chunk, seen[-400:]
        seen += chunk

"""Records: the CPD record (Markdown + PDF + chart) and the group summary."""

import os
import shutil
import stat
import subprocess

import pytest
from deckfactory import small_deck as make_deck

from cardsdealt.session import SessionStore, export_record

from .play import ANSWERS, play_journey

CPD_HEADINGS = [
    "## Type of CPD activity",
    "## Description of the activity and its relevance to my practice",
    "## What I learnt",
    "## Impact on my practice and on people who use services",
]
PEER = "## What I learnt from discussing this with a peer (peer reflection)"


def _pdf_text(path) -> str | None:
    if not shutil.which("pdftotext"):
        return None
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def test_solo_record_has_cpd_headings_answers_and_tags(store):
    session, game = play_journey(store, kind="solo")
    session.save_record(impact="I will say where brothers and sisters are, on day one.")
    e = export_record(store, session.id, deck=make_deck())
    md = e.markdown.read_text("utf-8")
    positions = [md.index(h) for h in CPD_HEADINGS]
    assert positions == sorted(positions)  # the CPD log's order
    assert e.summary_markdown is None  # solo: no group summary
    assert PEER in md and "Peer reflection: not added yet" in md  # offered for later
    assert "Self-directed reflective learning" in md
    # every prompt with its answer, word for word (Markdown characters escaped, not lost)
    assert "What does knowing tonight change for a child?" in md
    assert "> Knowing tonight means sleep instead of fear.\n>\n> I'd ring ahead" in md
    assert r"\# Not a heading, \*not italics\* — Dŵr, café, naïve, Zoë 😊 \<b\>raw\</b\>" in md
    # the person's own words where given, a marked space where not
    assert "I will say where brothers and sisters are, on day one." in md
    assert md.count("Not written yet.") == 2  # relevance and learnt
    # tags of the cards played and of the deck rule that fired
    assert "Values and ethics" in md and "Professionalism" in md
    assert "Bright Spots areas:** " in md and "Recovery" in md
    # the journey and the chart
    for step in game.summary().path:
        assert step.title in md and step.label in md
    assert e.chart is not None and f"]({e.chart.name})" in md
    assert "Trust in adults:** started at 2" in md


def test_group_record_and_summary(store):
    session, game = play_journey(store, kind="group")
    e = export_record(store, session.id, deck=make_deck())
    md = e.markdown.read_text("utf-8")
    assert PEER in md and "Peer reflection in a group" in md
    assert "They linked it to their first week." in md  # the facilitator's note
    summary = e.summary_markdown.read_text("utf-8")
    for h in ("## Cards discussed", "## Choices made, with the group's votes", "## Prompts used"):
        assert h in summary
    first = game.summary().path[0]
    chosen = first.label
    assert f"{chosen}: {first.votes[first.choice]} vote" in summary
    assert "(chosen)" in summary
    assert "What would help at “First night”?" in summary  # the card's discussion prompt
    assert "Sam has stopped expecting promises to be kept" in summary
    assert e.summary_pdf.read_bytes().startswith(b"%PDF-")


def test_pdf_is_valid_and_text_extractable(store):
    session, _ = play_journey(store, kind="group")
    e = export_record(store, session.id, deck=make_deck())
    data = e.pdf.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert b"AtkinsonHyperlegible" in data  # the font is embedded
    text = _pdf_text(e.pdf)
    if text is None:
        pytest.skip("pdftotext not installed")
    flat = " ".join(text.split())
    assert "Type of CPD activity" in flat and "Impact on my practice" in flat
    assert "Knowing tonight means sleep instead of fear." in flat
    # ŵ from the fallback font; the emoji, which no shipped font draws, by its name
    assert "Dŵr, café, naïve, Zoë [smiling face with smiling eyes]" in flat
    assert "Zoë ?" not in flat and "[heavy" not in flat
    assert "The Markdown copy of this record has the exact characters" in flat


def test_chart_is_a_png_picture(store):
    pygame = pytest.importorskip("pygame")
    session, _ = play_journey(store)
    e = export_record(store, session.id, deck=make_deck())
    img = pygame.image.load(str(e.chart))
    assert img.get_size() == (1800, 900)
    colours = {img.get_at((x, y))[:3] for x in range(0, 1800, 9) for y in range(0, 900, 9)}
    assert (0, 114, 178) in colours and (213, 94, 0) in colours  # one line per stat


def test_unfinished_session_shows_the_typed_draft(store):
    session, game = play_journey(store, stop_at_prompt=True)
    session.save_draft("I was still typing this")
    e = export_record(store, session.id, deck=make_deck())
    md = e.markdown.read_text("utf-8")
    assert "I was still typing this" in md and "typed, not yet submitted" in md
    assert "(not finished)" in md


def test_out_dir_and_private_modes(store, tmp_path):
    session, _ = play_journey(store, kind="group")
    e = export_record(store, session.id, out_dir=tmp_path / "cpd")
    assert all(p.parent == tmp_path / "cpd" for p in e.files) and len(e.files) == 5
    if os.name == "posix":
        for p in e.files:
            assert stat.S_IMODE(os.stat(p).st_mode) == 0o600, p


def test_record_without_the_deck_still_written(store):
    """The deck folder moved: titles and choices come from the save, with a message."""
    session, game = play_journey(store)
    e = export_record(store, session.id)  # the small deck has no folder on disk
    assert "deck folder was not found" in e.messages[0]
    md = e.markdown.read_text("utf-8")
    assert game.summary().path[0].title in md and ANSWERS[0].splitlines()[0] in md


def test_classic_group_record(store):
    from cardsdealt.engine import Game

    deck = make_deck()
    game = Game.new(deck, mode="classic", seed=3, players=3, player_names=["Ana", "Ben", "Cy"])
    session = store.start(deck, game, kind="group")
    while not game.finished:
        game.apply(list(game.actions()[0]))
        session.save(game)
    e = export_record(store, session.id, deck=deck)
    md = e.markdown.read_text("utf-8")
    assert "Classic table game" in md and "Played by:** Ana" in md and e.chart is None
    assert "Ana, Ben, Cy" in md
    assert "A family thing" in e.summary_markdown.read_text("utf-8")


def test_export_never_touches_the_store_root_mode(store):
    session, _ = play_journey(store)
    export_record(store, session.id, deck=make_deck())
    assert SessionStore(store.root).list()[0].id == session.id

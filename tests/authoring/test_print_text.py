"""Printed decks carry every word the group wrote, as real text a PDF reader can find.

The shipped decks are printed and read back with poppler's `pdftotext`: every word of every
card's statement or text, voice, discuss, choices and responses must be there, in order.
"""

import re
import shutil
import subprocess
import zlib
from pathlib import Path

import pytest

from cardsdealt.authoring import printcards
from cardsdealt.cli import main
from cardsdealt.deck import load_deck

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ["kais-journey", "cards-youre-dealt", "rileys-journey"]

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                   reason="pdftotext (poppler-utils) is not installed")


def words(text: str) -> list[str]:
    """Lower-case words, with curly quotes, dashes and line-end hyphens made plain."""
    text = text.replace("\u00ad", "").replace("-\n", "")
    for a, b in (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"'),
                 ("\u2013", "-"), ("\u2014", "-")):
        text = text.replace(a, b)
    return re.findall(r"[\w']+", text.lower())


def pdf_words(path: Path) -> str:
    # -raw keeps the order text was drawn in (card by card), not columns across the page
    out = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"],
                         check=True, capture_output=True, text=True).stdout
    return " " + " ".join(words(out)) + " "


def card_texts(card) -> list[tuple[str, str]]:
    texts = [("words", card.words), ("voice", card.voice), ("discuss", card.discuss)]
    for i, ch in enumerate(card.choices, 1):
        texts += [(f"choice {i}", ch.label), (f"response {i}", ch.response)]
    return [(k, t) for k, t in texts if t]


@needs_poppler
@pytest.mark.parametrize("name", SHIPPED)
def test_every_word_of_every_shipped_card_is_in_the_pdf(name, tmp_path, capsys):
    deck = load_deck(ROOT / "decks" / name)
    out = tmp_path / f"{name}.pdf"
    assert main(["print", str(ROOT / "decks" / name), "-o", str(out)]) == 0
    printed = pdf_words(out)
    missing = []
    for card in deck.cards:
        for what, text in card_texts(card):
            if " " + " ".join(words(text)) + " " not in printed:
                missing.append(f"{card.id} {what}: {text[:60]}")
    assert not missing, "\n".join(missing)
    text = " ".join(printed.split())
    if "journey" in deck.modes:
        assert "response booklet" in text and "follow on card deal it only if" in text
    assert "facilitator sheet" in text
    # the shipped decks fit: no card needs a continuation, so nothing is set below the floor
    assert "Warning" not in capsys.readouterr().out


@needs_poppler
def test_facilitator_notes_are_printed(tmp_path):
    deck = load_deck(ROOT / "decks" / "kais-journey")
    out = tmp_path / "k.pdf"
    printcards.print_deck(deck, out)
    printed = pdf_words(out)
    for card in deck.cards:
        if card.facilitator_notes:
            assert " ".join(words(card.facilitator_notes)) in printed, card.id


def _long_card(deck_copy) -> str:
    cards = deck_copy.root / "cards" / "classic.yaml"
    long = " ".join(f"word{i}" for i in range(400))
    text = cards.read_text(encoding="utf-8").replace(
        'statement: "I want to see my brother more than once a month."',
        f'statement: "I want to see my brother more than once a month. {long} the end."')
    cards.write_text(text, encoding="utf-8")
    return long


@needs_poppler
def test_over_long_words_continue_on_the_next_card_with_a_warning(deck_copy, tmp_path, capsys):
    long = _long_card(deck_copy)
    out = tmp_path / "cards.pdf"
    assert main(["print", str(deck_copy.root), "-o", str(out)]) == 0
    said = capsys.readouterr().out
    assert 'Warning: Card "My brother" (my-brother)' in said and "8 pt" in said
    printed = pdf_words(out)
    # every word is there, in order, although it runs over more than one card
    for w in ["i", "want", "to", "see", *long.split(), "the", "end"]:
        assert f" {w} " in printed
    assert "my brother continued" in printed
    for card in load_deck(deck_copy.root).cards:  # the voice after the long words, too
        if card.id == "my-brother":
            assert " ".join(words(card.voice)) in printed and " ".join(words(card.discuss)) \
                in printed


def test_no_text_is_set_below_the_floor(deck_copy, tmp_path):
    """Every size the PDF sets text in is at least 8 pt, even for an over-long card."""
    _long_card(deck_copy)
    out = tmp_path / "cards.pdf"
    printcards.print_deck(load_deck(deck_copy.root), out)
    content = b""
    for raw in re.findall(rb"stream\r?\n(.*?)endstream", out.read_bytes(), re.S):
        try:
            content += zlib.decompress(raw)
        except zlib.error:
            content += raw
    sizes = {float(s) for s in re.findall(rb"/F\d+ ([\d.]+) Tf", content)}
    assert sizes and min(sizes) >= 8.0


def test_follow_on_note_names_what_leads_to_the_card():
    from cardsdealt.authoring.printlayout import condition_words

    deck = load_deck(ROOT / "decks" / "kais-journey")
    note = condition_words(deck, deck.card("mia-rings-back"))
    assert note.startswith("Follow-on card.") and 'chose 3 on "First night"' in note
    assert condition_words(deck, deck.card("first-night")) == ""


@needs_poppler
def test_printed_cards_follow_the_glyph_rule_of_the_screen(deck_copy, tmp_path, capsys, caplog):
    """An emoji is named in brackets and a Welsh ŵ/ŷ printed whole, as on screen and in the
    record PDFs (cardsdealt/glyphs.py); before, the PDF dropped them ("Gyl") with fpdf2
    logging the missing glyphs, a card's words included."""
    cards = deck_copy.root / "cards" / "classic.yaml"
    text = cards.read_text(encoding="utf-8").replace(
        'title: "My brother"', 'title: "My brother \U0001f499 Gw\u0302yl"').replace(
        'statement: "I want to see my brother more than once a month."',
        'statement: "I want to see my brother \U0001f600 more often. D\u0175r a th\u0177."')
    cards.write_text(text, encoding="utf-8")
    out = tmp_path / "cards.pdf"
    assert main(["print", str(deck_copy.root), "-o", str(out)]) == 0
    raw = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(out), "-"], check=True,
                         capture_output=True, text=True).stdout
    flat = " ".join(raw.split())
    assert "My brother [blue heart] G\u0175yl" in flat  # w + combining mark: one letter
    assert "I want to see my brother [grinning face] more often. D\u0175r a th\u0177." in flat
    assert not [r for r in caplog.records if "missing" in r.getMessage()]
    from cardsdealt.glyphs import printable
    from cardsdealt.render.text import font

    screen = printable("My brother \U0001f499 Gw\u0302yl", font("bold", 30).both)[0]
    assert screen == "My brother [blue heart] G\u0175yl"  # the same words as the window's

"""`cardsdealt print` writes poker-size cards, nine to an A4 page, faces then mirrored backs."""

import shutil
import subprocess

import pytest

from cardsdealt.authoring import printcards
from cardsdealt.cli import main


def test_layout_fits_a4_with_room_for_crop_marks():
    width = printcards.COLS * printcards.CARD_MM[0]
    height = printcards.ROWS * printcards.CARD_MM[1]
    assert width <= 210 - 2 * (printcards.CROP + 1) and height <= 297 - 2 * (printcards.CROP + 1)
    assert printcards.card_px() == (744, 1039)  # 63 x 88 mm at 300 dpi
    sheet = printcards.JOURNEY_SHEET  # journey cards: larger, four to a page
    assert min(sheet.margin_x, sheet.margin_y) >= printcards.CROP + 1


def test_print_example_deck(deck_copy, tmp_path, capsys):
    out = tmp_path / "cards.pdf"
    assert main(["print", str(deck_copy.root), "-o", str(out)]) == 0
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    # 13 cards: intro page; 8 table cards, nine to a page (faces, backs); 5 journey cards,
    # four to a page (2 x faces, backs); the response booklet; the facilitator sheet
    assert "13 cards on 9 pages" in capsys.readouterr().out
    assert not (tmp_path / "cards.pdf.part").exists()


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_printed_page_renders(deck_copy, tmp_path):
    out = tmp_path / "cards.pdf"
    assert main(["print", str(deck_copy.root), "-o", str(out)]) == 0
    subprocess.run(["pdftoppm", "-r", "30", "-png", "-f", "2", "-l", "2", str(out),
                    str(tmp_path / "p")], check=True)
    assert list(tmp_path.glob("p*.png"))


def test_print_to_unwritable_place(deck_copy, tmp_path, capsys):
    assert main(["print", str(deck_copy.root), "-o", str(tmp_path / "no" / "x.pdf")]) == 1
    assert "Could not write" in capsys.readouterr().out

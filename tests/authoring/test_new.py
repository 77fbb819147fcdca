"""`cardsdealt new` makes a deck that passes `check`, and never overwrites anything."""

import pytest

from cardsdealt.cli import main
from cardsdealt.deck import load_deck


@pytest.mark.parametrize("mode", ["journey", "classic"])
def test_new_deck_passes_check(tmp_path, capsys, mode):
    folder = tmp_path / "our-deck"
    assert main(["new", str(folder), "--mode", mode]) == 0
    assert main(["check", "--strict", str(folder)]) == 0, capsys.readouterr().out
    deck = load_deck(folder)
    assert deck.id == "our-deck" and deck.modes == (mode,)
    assert (folder / "README.md").is_file() and (folder / "images/placeholder.png").is_file()


def test_new_refuses_a_folder_with_files(tmp_path, capsys):
    folder = tmp_path / "deck"
    folder.mkdir()
    (folder / "mine.txt").write_text("keep me")
    assert main(["new", str(folder)]) == 1
    assert (folder / "mine.txt").read_text() == "keep me"
    assert "nothing was changed" in capsys.readouterr().out

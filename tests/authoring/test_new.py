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


def test_next_steps_paste_into_a_shell(tmp_path, capsys, monkeypatch):
    """`new "decks/Our Deck!"`: the printed commands work when pasted (quoted for the
    shell), and the same quoting is used on Windows with double quotes."""
    import shlex

    from cardsdealt.deck.problems import shell_word

    monkeypatch.chdir(tmp_path)
    assert main(["new", "decks/Our Deck!"]) == 0
    out = capsys.readouterr().out
    lines = [line.strip() for line in out.splitlines() if line.startswith("  cardsdealt")]
    assert lines == ["cardsdealt check 'decks/Our Deck!'",
                     "cardsdealt play 'decks/Our Deck!' --watch"]
    argv = shlex.split(lines[0])  # what a shell hands the program
    assert main(argv[1:]) == 0, capsys.readouterr().out
    assert shell_word(r"decks\Our Deck!", windows=True) == r'"decks\Our Deck!"'
    assert shell_word("decks/our-deck", windows=True) == "decks/our-deck"
    assert shell_word("decks/our-deck", windows=False) == "decks/our-deck"

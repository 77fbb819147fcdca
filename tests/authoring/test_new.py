"""`cardsdealt new` makes a deck that passes `check`, and never overwrites anything."""

import pytest

from cardsdealt.cli import main
from cardsdealt.deck import load_deck


@pytest.mark.parametrize("mode", ["journey", "classic"])
def test_new_deck_passes_check(tmp_path, capsys, mode):
    """It plays as it is; its only advice names the example words still to change."""
    folder = tmp_path / "our-deck"
    assert main(["new", str(folder), "--mode", mode]) == 0
    capsys.readouterr()
    assert main(["check", str(folder)]) == 0
    out = capsys.readouterr().out
    advice = [ln for ln in out.splitlines() if ": warning: " in ln]
    deck = load_deck(folder)
    assert len(advice) == 1 + len(deck.cards)  # the introduction, and each card once
    assert all("example" in ln and "`cardsdealt new` wrote" in ln for ln in advice)
    assert deck.id == "our-deck" and deck.modes == (mode,)
    assert (folder / "README.md").is_file() and (folder / "images/placeholder.png").is_file()


@pytest.mark.parametrize("mode", ["journey", "classic"])
def test_starter_words_left_in_are_named_once_a_card_at_their_line(tmp_path, mode):
    """A deck printed with `new`'s example words would show them to a room as the group's:
    `check` names each card still holding some, at the first of them, until all are the
    group's own (then it checks clean, even with `--strict`)."""
    from cardsdealt.authoring.lint import advise
    from cardsdealt.authoring.new import WRITE_HERE, new_deck, starter_words

    root = new_deck(tmp_path / "our-deck", mode)
    cards = root / "cards" / "cards.yaml"
    lines = cards.read_text(encoding="utf-8").split("\n")
    deck = load_deck(root)
    advice = {p.message.split("`")[1]: p for p in advise(deck) if "`cardsdealt new`" in p.message}
    assert set(advice) == {c.id for c in deck.cards} | {"cardsdealt new"}
    intro = advice["cardsdealt new"]
    assert intro.file == "deck.yaml" and "introduction" in intro.message
    deck_lines = (root / "deck.yaml").read_text(encoding="utf-8").split("\n")
    assert deck_lines[intro.line - 1][intro.column - 1:].startswith(WRITE_HERE[:20])
    for c in deck.cards:
        p = advice[c.id]
        assert p.file == "cards/cards.yaml" and p.line > c.source.line
        assert " ".join(c.words.split()[:3]) in lines[p.line - 1][p.column - 1:]

    # the group writes its words everywhere but one card's voice: that card, at its voice
    kept = deck.cards[0]
    text = "\n".join(lines)
    for n, words in enumerate(sorted(starter_words() - {kept.voice}, key=len, reverse=True)):
        text = text.replace(f'"{words}"', f'"Sentence {n} the group wrote."')
    cards.write_text(text, encoding="utf-8")
    deck_yaml = (root / "deck.yaml").read_text(encoding="utf-8")
    (root / "deck.yaml").write_text(deck_yaml.replace(WRITE_HERE, "Hello from us"), "utf-8")
    left = [p for p in advise(load_deck(root)) if "`cardsdealt new`" in p.message]
    assert [p.message.split("`")[1] for p in left] == [kept.id]
    assert f'voice: "{kept.voice}"' in text.split("\n")[left[0].line - 1]
    text = text.replace(f'"{kept.voice}"', '"The last sentence the group wrote."')
    cards.write_text(text, encoding="utf-8")
    assert main(["check", "--strict", str(root)]) == 0


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


@pytest.mark.parametrize("asked", [[], ["--text"]])
def test_watch_without_the_window_says_so_in_one_line(monkeypatch, capsys, tmp_path, asked):
    """`play --watch` with no display (or with --text) plays in the terminal, which cannot
    follow the deck's saves: one plain line says so, and, as with the window's preview, no
    session record is kept."""
    import io
    import sys

    from cardsdealt.session.store import SessionStore

    for name in ("SDL_VIDEODRIVER", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(sys, "stdin", io.StringIO("q\n"))
    monkeypatch.setenv("CARDSDEALT_DATA_DIR", str(tmp_path / "data"))
    assert main(["new", str(tmp_path / "our-deck")]) == 0
    capsys.readouterr()
    assert main(["play", str(tmp_path / "our-deck"), "--watch", *asked]) == 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    assert "--watch" in err[0] and "needs the window" in err[0]
    assert "played in the terminal instead, without following your saves" in err[0]
    assert ("No display found" in err[0]) == (not asked)
    assert not SessionStore().list()

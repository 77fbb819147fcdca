"""The deck cache: a deck comes from it only while nothing it was made from has changed, and a
damaged, foreign or unwritable cache costs a parse, never a wrong deck or lost play."""

import os
import pickle
from pathlib import Path

import pytest

import cardsdealt.deck
from cardsdealt.deck import DeckError, load_deck
from cardsdealt.engine.simulate import simulate
from cardsdealt.session import deckcache

DECKS = Path(__file__).resolve().parents[2] / "decks"


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("CARDSDEALT_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


@pytest.fixture
def parses(monkeypatch):
    """Counts the decks read from their files (not from the cache)."""
    calls = []

    def counting(path):
        calls.append(Path(path))
        return load_deck(path)

    monkeypatch.setattr(cardsdealt.deck, "load_deck", counting)
    return calls


@pytest.fixture
def kai(deck_files):
    return deck_files("kais-journey", "kai").root


def _touch_later(path: Path) -> None:
    """Move the modification time on, as a save a second later would."""
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))


def test_second_load_comes_from_the_cache_and_plays_the_same(cache, parses, kai):
    first = deckcache.load(kai)
    second = deckcache.load(kai)
    assert len(parses) == 1, "the second load should not read the YAML again"
    assert second == first
    assert second.card(first.cards[0].id) == first.cards[0]
    # conditions are compiled again from their text: the same journeys follow from a seed
    assert simulate(second, 60, seed=5) == simulate(first, 60, seed=5)
    assert list((cache / "decks").iterdir())


def test_an_edited_card_file_is_read_again(cache, parses, kai):
    deckcache.load(kai)
    cards = next(p for p in sorted(kai.rglob("*.yaml")) if p.name != "deck.yaml")
    text = cards.read_text(encoding="utf-8")
    first = load_deck(kai).cards
    card = next(c for c in first if c.text in text)
    # a change of one letter, same size: caught by the modification time
    cards.write_text(text.replace(card.text, card.text[:-1] + "?", 1), encoding="utf-8")
    _touch_later(cards)
    again = deckcache.load(kai)
    assert len(parses) == 2
    assert again.card(card.id).text.endswith("?")


def test_a_new_picture_or_a_new_file_is_noticed(cache, parses, kai):
    deckcache.load(kai)
    picture = next(kai.rglob("*.png"))
    picture.write_bytes(picture.read_bytes())  # redrawn: a new change time
    _touch_later(picture)
    deckcache.load(kai)
    assert len(parses) == 2
    (kai / "notes.txt").write_text("ideas for new cards", encoding="utf-8")
    deckcache.load(kai)
    assert len(parses) == 3
    deckcache.load(kai)
    assert len(parses) == 3


def test_a_new_cardsdealt_does_not_use_an_old_cache(cache, parses, kai, monkeypatch):
    deckcache.load(kai)
    monkeypatch.setattr(deckcache, "_code", ("another version",))
    deckcache.load(kai)
    assert len(parses) == 2


def test_the_same_folder_by_another_path_keeps_the_path_it_was_given(cache, parses, kai,
                                                                      monkeypatch):
    deckcache.load(kai)
    monkeypatch.chdir(kai.parent)
    d = deckcache.load(Path("kai"))
    assert len(parses) == 1
    assert d.root == "kai"


def test_a_damaged_cache_file_is_ignored_and_replaced(cache, parses, kai):
    good = deckcache.load(kai)
    (file,) = (cache / "decks").iterdir()
    data = file.read_bytes()
    for damaged in (data[: len(data) // 2], b"", b"\x00" * 100, b"not a pickle"):
        file.write_bytes(damaged)
        assert deckcache.load(kai) == good
    assert len(parses) == 5
    deckcache.load(kai)
    assert len(parses) == 5, "the damaged file was replaced by a good one"


def test_a_cache_file_that_would_run_code_is_refused(cache, parses, kai, tmp_path):
    deckcache.load(kai)
    (file,) = (cache / "decks").iterdir()
    sentinel = tmp_path / "still-here"
    sentinel.write_text("x")

    class Evil:
        def __reduce__(self):
            return os.remove, (str(sentinel),)

    head = (deckcache.fingerprint(kai), ((), (), ()))
    file.write_bytes(pickle.dumps(head) + pickle.dumps(Evil()))
    assert deckcache.load(kai) == load_deck(kai)
    assert sentinel.exists()
    file.write_bytes(pickle.dumps((Evil(), ())))  # nor in the head
    deckcache.load(kai)
    assert sentinel.exists()


def test_a_cache_that_cannot_be_written_loses_nothing(tmp_path, monkeypatch, parses, kai):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("CARDSDEALT_CACHE_DIR", str(blocker))
    assert deckcache.load(kai) == load_deck(kai)
    assert deckcache.load(kai) == load_deck(kai)
    assert len(parses) == 2


def test_a_deck_with_mistakes_is_not_kept(cache, parses, deck_files):
    bad = deck_files(name="bad", edit=lambda text: text + "\nnonsense_field: 1\n").root
    for _ in range(2):
        with pytest.raises(DeckError):
            deckcache.load(bad)
    assert len(parses) == 2
    assert not (cache / "decks").exists() or not list((cache / "decks").iterdir())


def test_cache_files_are_private(cache, kai):
    if os.name != "posix":
        pytest.skip("POSIX file modes")
    deckcache.load(kai)
    (file,) = (cache / "decks").iterdir()
    assert file.stat().st_mode & 0o777 == 0o600
    assert file.parent.stat().st_mode & 0o777 == 0o700
    assert file.name.startswith("kai-")

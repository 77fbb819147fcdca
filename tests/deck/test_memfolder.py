"""A deck held in memory (the studio's) is checked exactly as the same files on disk are,
pictures included, and nothing is read from or written to the disk."""

from __future__ import annotations

from pathlib import Path

import pytest

from cardsdealt.deck.loader import check_deck, check_files
from cardsdealt.paths import DECKS


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*")
            if p.is_file()}


@pytest.mark.parametrize("name", ["example", "kais-journey", "cards-youre-dealt"])
def test_a_deck_in_memory_loads_as_it_does_from_disk(name):
    root = DECKS / name
    on_disk, disk_problems = check_deck(root)
    in_memory, problems = check_files(_files(root), str(root))
    assert in_memory is not None and on_disk is not None
    assert in_memory.cards == on_disk.cards and in_memory.root == str(root)
    assert problems == disk_problems


def _problems(files):
    return [p.message for p in check_files(files)[1]]


def test_pictures_in_memory_are_checked_as_check_does():
    files = _files(DECKS / "example")
    files["images/first-night.png"] = b'<svg xmlns="http://www.w3.org/2000/svg"/>'
    assert any("first-night.png`: it is not a PNG or JPEG" in m for m in _problems(files))
    del files["images/first-night.png"]
    assert any("`images/first-night.png` was not found" in m for m in _problems(files))


def test_a_picture_path_leaving_the_folder_is_refused_in_memory_too():
    files = _files(DECKS / "example")
    text = files["cards/journey.yaml"].decode()
    files["cards/journey.yaml"] = text.replace("images/first-night.png",
                                               "../../etc/passwd", 1).encode()
    assert any("is outside the deck folder" in m for m in _problems(files))

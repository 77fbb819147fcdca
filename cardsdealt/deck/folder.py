"""Which folder is the deck: the first thing `check` and `play` look at.

A group gives a card file, or deck.yaml, where a deck folder is wanted; Notepad saves
deck.yaml as `deck.yaml.txt` and Windows hides the ending. Each gets one message saying
what to do instead (with the command to type, quoted so it can be pasted).
"""

from __future__ import annotations

from pathlib import Path

from cardsdealt.deck.problems import NOTEPAD_HINT, Problem, shell_word


def folder_problem(root: Path) -> Problem | None:
    """Why `root` is not a deck folder, or None when it is one (with a deck.yaml)."""
    if root.is_file():
        return _a_file(root)
    if not root.is_dir():
        return Problem(str(root), 0, 0, "this deck folder does not exist",
                       "Check the spelling, or run `cardsdealt decks` to list the shipped decks.")
    if not (root / "deck.yaml").is_file():
        return _no_deck_yaml(root)
    return None


def deck_folder_of(path: Path) -> Path | None:
    """The deck folder a file belongs to (deck.yaml, or a card file in cards/), or None."""
    for folder in list(path.parents)[:4]:
        if (folder / "deck.yaml").is_file():
            return folder
    return None


def _a_file(path: Path) -> Problem:
    home = deck_folder_of(path)
    if home is None:
        return Problem(str(path), 0, 0, "this is a file, not a deck folder",
                       "Give the folder that holds the deck's deck.yaml.")
    kind = "the deck's deck.yaml" if path.name == "deck.yaml" else "a card file"
    return Problem(str(path), 0, 0, f"this is {kind}, not a deck folder",
                   f"Give the deck's folder instead: `cardsdealt check {shell_word(str(home))}`"
                   " checks every file of the deck.")


def _no_deck_yaml(root: Path) -> Problem:
    """No deck.yaml: say so, or name the `deck.yaml.txt` Notepad saved instead."""
    look_alikes = sorted(p.name for p in root.glob("deck.*") if p.name != "deck.yaml")
    look_alikes += sorted(p.name for p in root.glob("deck.yaml.*"))
    if look_alikes:
        name = look_alikes[0]
        return Problem(str(root), 0, 0, f"there is no deck.yaml in this folder, but there is "
                       f"`{name}`", f"Rename `{name}` to `deck.yaml`. {NOTEPAD_HINT}")
    return Problem(str(root), 0, 0, "there is no deck.yaml in this folder",
                   "A deck folder needs a deck.yaml file; `cardsdealt new NAME` makes one to "
                   "start from.")

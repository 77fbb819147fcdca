"""`cardsdealt check DECK...`: a short OK summary per deck, or every problem; exit 0 or 1."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TextIO

from cardsdealt.authoring.lint import advise
from cardsdealt.deck.folder import deck_folder_of
from cardsdealt.deck.loader import check_deck
from cardsdealt.deck.model import Deck
from cardsdealt.deck.problems import ERROR, WARNING, Problem
from cardsdealt.deck.safetext import printable


def _located(root: Path, p: Problem) -> Problem:
    """Problems name files relative to the deck; on the command line show the real path."""
    if p.file and not Path(p.file).is_absolute() and p.file != str(root):
        return dataclasses.replace(p, file=(root / p.file).as_posix())
    return p


def counted(n: int, word: str) -> str:
    """`1 card`, `2 cards`: a count with its word."""
    return f"{n:,} {word}" if n == 1 else f"{n:,} {word}s"


def summary(deck: Deck) -> str:
    journey = sum(1 for c in deck.cards if c.stage)
    classic = sum(1 for c in deck.cards if c.theme)
    parts = [counted(len(deck.cards), "card")]
    if journey and classic:
        parts[0] += f" ({journey} journey, {classic} classic)"
    if deck.stages:
        parts.append(counted(len(deck.stages), "stage"))
    if deck.stats:
        parts.append(counted(len(deck.stats), "stat")
                     + f" ({', '.join(s.id for s in deck.stats)})")
    if deck.reflections:
        parts.append(counted(len(deck.reflections), "reflection"))
    if deck.endings:
        parts.append(counted(len(deck.endings), "ending"))
    return f"\"{deck.title}\" ({', '.join(deck.modes)}): " + ", ".join(parts)


MAX_PRINTED = 200  # problems printed per deck; the rest are counted (100,000 took 16 s)


def run_check(roots: list[Path], *, strict: bool, out: TextIO) -> int:
    failed = False

    def say(line: str) -> None:  # deck text and folder names never reach the terminal raw
        out.write(printable(line) + "\n")

    for root in roots:
        home = deck_folder_of(root) if root.is_file() else None
        if home is not None:  # a card file or deck.yaml: check the whole deck it is in
            say(f"{root} is a file of the deck in {home}: checking that whole deck.")
            root = home
        deck, problems = check_deck(root)
        if deck is not None:
            problems = problems + advise(deck)
        errors = [p for p in problems if p.severity == ERROR]
        warnings = [p for p in problems if p.severity == WARNING]
        # errors first when there are too many to show; in the order they were found
        keep = {id(p) for p in (errors + warnings)[:MAX_PRINTED]}
        for p in problems:
            if id(p) in keep:
                say(_located(root, p).format())
        if len(problems) > MAX_PRINTED:
            say(f"... and {len(problems) - MAX_PRINTED:,} more problems or pieces of advice "
                f"not shown (the first {MAX_PRINTED} are above).")
        if deck is not None and not errors and not (strict and warnings):
            tail = f" ({len(warnings)} piece{'s' if len(warnings) != 1 else ''} of advice)" \
                if warnings else ""
            say(f"{root}: OK: {summary(deck)}{tail}")
        else:
            failed = True
            n = len(errors) + (len(warnings) if strict else 0)
            say(f"{root}: {n:,} problem{'s' if n != 1 else ''} to fix. Nothing was changed: "
                "fix them in your editor and run the check again.")
    return 1 if failed else 0

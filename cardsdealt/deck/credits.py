"""Who wrote a deck, in words: the one place screens, printouts, records and certificates get
their credit lines and the heading of the "what we want you to know" panel from.

The game's value is young people's own voice, so nothing here says more than the deck
declares (`authors`, `written_by`, `made_with`, `inspired_by` in deck.yaml): a deck written
by contributors never gets a heading or a line that presents its words as young people's own.
`CLAIMS` lets `check` find words inside a deck that make that claim anyway. Pure: no I/O.
"""

from __future__ import annotations

import re

from cardsdealt.deck.model import Deck

# The program's own credit, shown on the end screen and in the README, whatever the deck.
INDEPENDENT = ("cardsdealt is an independent digital version of The Cards You're Dealt. "
               "It is not made or endorsed by the game's designers, Hull City Council or "
               "Coram Voice.")

SHORT_INDEPENDENT = "cardsdealt is an independent digital version."  # where space is short

# The reminder on every end screen and record: the game's children are invented.
PRIVACY = ("The children in this game are invented. Never type a real child's name, or "
           "anything that could identify a child or family, in a reflection, note or record.")

# Headings for the card's `voice` panel, by `written_by`.
VOICE_HEADINGS = {
    "young-people": "What we want you to know",
    "co-produced": "What young people want you to know",
    "contributors": "Seen from the child's side",
}

# Words that present a deck's text as young people's own, or as the authors' lived experience
# of care. `check` advises when a deck says these but `written_by` is `contributors`.
CLAIMS = re.compile(
    r"\b(?:"
    r"(?:it|this|that|all of this|they) happened to us"
    r"|because (?:it|this) happened to (?:us|me)"
    r"|(?:in )?our own words"
    r"|(?:the )?young people'?s own (?:words|message|voice)"
    r"|(?:written|designed|made) by (?:care[- ]experienced )?young people"
    r"|(?:written|designed|made) by (?:young people|children) (?:in|from) care"
    r"|we (?:were|grew up|have been|'ve been) in care"
    r"|(?:from )?our (?:own )?lived experience"
    r"|we are care[- ]experienced"
    r"|they went up and down for us"
    r")\b",
    re.IGNORECASE)


def names(items: tuple[str, ...] | list[str]) -> str:
    """["A", "B", "C"] -> "A, B and C"."""
    items = [i for i in items if i.strip()]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def written_by(deck: Deck) -> str:
    """One sentence saying who wrote the deck, exactly as it declares."""
    who = names(deck.authors)
    kind = deck.written_by if deck.written_by in VOICE_HEADINGS else "contributors"
    if who:
        wrote = {
            "young-people": f"Written by young people: {who}",
            "co-produced": f"Written by {who} together with young people",
            "contributors": f"Written by {who}",
        }[kind]
    else:  # a deck that names nobody (yet) is never given a made-up author
        wrote = {
            "young-people": "Written by young people",
            "co-produced": "Written together with young people",
            "contributors": "Written by the deck's authors",
        }[kind]
    if deck.made_with:
        wrote += f", with {names(deck.made_with)}"
    wrote += "."
    if deck.written_by == "contributors":
        wrote += " The words are the authors' own, not young people's."
    return wrote


def inspired_lines(deck: Deck) -> list[str]:
    return [f"Inspired by {line.rstrip('.')}." for line in deck.inspired_by]


def credit_lines(deck: Deck) -> list[str]:
    """Who wrote it, then each credit line (the end screen, records, printouts)."""
    return [written_by(deck), *inspired_lines(deck)]


def voice_heading(deck: Deck | None) -> str:
    if deck is None:
        return VOICE_HEADINGS["contributors"]
    return VOICE_HEADINGS.get(deck.written_by, VOICE_HEADINGS["contributors"])


def claims(text: str) -> list[str]:
    """The words in `text` that claim young people's authorship or lived experience."""
    return [m.group(0) for m in CLAIMS.finditer(text or "")]

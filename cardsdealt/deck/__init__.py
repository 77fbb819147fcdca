"""Deck files -> an immutable, validated model. Imports no pygame; reads only the deck folder.

    from cardsdealt.deck import load_deck, DeckError
    deck = load_deck("decks/cards-youre-dealt")
"""

from cardsdealt.deck.loader import check_deck, load_deck
from cardsdealt.deck.model import Card, Choice, Deck
from cardsdealt.deck.problems import DeckError, Problem

__all__ = ["Card", "Choice", "Deck", "DeckError", "Problem", "check_deck", "load_deck"]

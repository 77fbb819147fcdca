"""Deck files -> an immutable, validated model. Imports no pygame; reads only the deck folder.

    from cardsdealt.deck import load_deck, DeckError
    deck = load_deck("decks/cards-youre-dealt")

The names below are imported when first used, so that `cardsdealt.deck.model` alone (what a
cached deck is made of) does not bring in the loader and YAML.
"""

from cardsdealt.lazy import exports

__all__ = ["Card", "Choice", "Deck", "DeckError", "Problem", "check_deck", "load_deck"]

__getattr__, __dir__ = exports(__name__, {
    "check_deck": "loader", "load_deck": "loader",
    "Card": "model", "Choice": "model", "Deck": "model",
    "DeckError": "problems", "Problem": "problems",
})

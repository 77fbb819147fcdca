"""Deck files -> an immutable, validated model. Imports no pygame; reads only the deck folder.

    from cardsdealt.deck import load_deck, DeckError
    deck = load_deck("decks/cards-youre-dealt")

The names below are imported when first used, so that `cardsdealt.deck.model` alone (what a
cached deck is made of) does not bring in the loader and YAML.
"""

from importlib import import_module

__all__ = ["Card", "Choice", "Deck", "DeckError", "Problem", "check_deck", "load_deck"]

_WHERE = {
    "check_deck": "loader", "load_deck": "loader",
    "Card": "model", "Choice": "model", "Deck": "model",
    "DeckError": "problems", "Problem": "problems",
}


def __getattr__(name: str):
    if name in _WHERE:
        value = getattr(import_module(f"cardsdealt.deck.{_WHERE[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'cardsdealt.deck' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(list(globals()) + __all__)

"""Tools for people writing decks: check with advice, new decks, maps and printable cards."""

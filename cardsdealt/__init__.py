"""cardsdealt: The Cards You're Dealt, a reflective training card game about the care system."""

__version__ = "0.1.0"

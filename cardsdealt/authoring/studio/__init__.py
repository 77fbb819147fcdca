"""The deck studio's model: plain-words forms (`fields`), an editable deck that keeps what a
person wrote by hand (`document.StudioDeck`) and check's advice on the field it is about
(`advice`). Pure: no pygame, no files written (session/decks.py and session/share.py write).
The window's scenes are in cardsdealt/ui/pygame/studio/."""

from cardsdealt.authoring.studio.document import CardRef, StudioDeck, StudioError
from cardsdealt.authoring.studio.fields import Condition, Field, Rule

__all__ = ["CardRef", "Condition", "Field", "Rule", "StudioDeck", "StudioError"]

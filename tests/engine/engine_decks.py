"""Small decks built directly from the model, for engine and terminal tests.

They use the real condition compiler, so the closures under test are the ones a loaded deck
gets. `journey_deck()` and `classic_deck()` are the standard fixtures; the helpers build
special-purpose decks inside single tests.
"""

from __future__ import annotations

from types import MappingProxyType

from cardsdealt.deck.conditions import compile_condition
from cardsdealt.deck.model import (
    Card,
    Choice,
    ClassicRules,
    Deck,
    Ending,
    Reflection,
    Source,
    Stage,
    Stat,
    Support,
)

STATS = (Stat("trust", "Trust in adults", 2, 0, 5), Stat("belonging", "Feeling I belong", 2, 0, 5))
FLAGS = ("has_trusted_adult", "moved_school")


def cond(text: str | None, stats=STATS, flags=FLAGS, stages=()):
    if text is None:
        return None
    return compile_condition(text, stats=[s.id for s in stats], flags=flags,
                             stages=[s.id for s in stages])


def choice(label, effects=None, set=(), clear=(), response="", reflect="", next=None):
    return Choice(label, MappingProxyType(dict(effects or {})), tuple(set), tuple(clear),
                  response, reflect, next)


def card(id, stage, *choices, requires=None, weight=1.0, once=True, text=None, **kw):
    if not choices:
        choices = (choice("Listen", {"trust": 1}), choice("Rush", {"trust": -1}))
    return Card(id=id, title=id.replace("-", " ").capitalize(), source=Source("cards/x.yaml", 1),
                stage=stage, text=text or f"Something happens: {id}.", requires=requires,
                weight=weight, once=once, choices=tuple(choices), discuss=f"Talk about {id}?",
                voice=f"We want you to know about {id}.", **kw)


def journey_deck(**overrides) -> Deck:
    stages = (Stage("arriving", "Arriving", draws=2),
              Stage("settling", "Settling in", draws=3),
              Stage("leaving", "Leaving care", draws=2))
    c = lambda t: cond(t, stages=stages)  # noqa: E731
    cards = (
        card("first-night", "arriving",
             choice("Sit with me and tell me where my brother is", {"trust": 1},
                    set=["has_trusted_adult"], response="I still couldn't sleep.",
                    reflect="What does a bin bag say to a child?", next="phone-call"),
             choice("Let me settle and talk tomorrow", {"trust": -1}), weight=1000),
        card("phone-call", "arriving", weight=0.001),
        card("bin-bag", "arriving", requires=c("not has_trusted_adult")),
        card("school-run", "settling",
             choice("Keep my old school", {"belonging": 2}),
             choice("Move me to a new school", {"belonging": -1}, set=["moved_school"])),
        card("new-worker", "settling", requires=c("trust >= 1")),
        card("family-time", "settling",
             choice("Make family time happen on my birthday", {"belonging": 1, "trust": 1}),
             choice("Cancel it again", {"trust": -2}, clear=["has_trusted_adult"])),
        card("review-meeting", "settling", once=False, weight=0.5),
        card("pathway-plan", "leaving"),
        card("first-flat", "leaving",
             choice("Help me choose the flat", {"belonging": 1}),
             choice("Give me the keys and go", {"belonging": -1})),
    )
    values = dict(
        id="journey-test", title="A test journey", root="/nowhere", modes=("journey",),
        content_notes=("moving home",), introduction="Hi, I'm Sam. This is my story.",
        support=(Support("A helpline", "call 0000"),),
        stats=STATS, flags=FLAGS, stages=stages, cards=cards,
        reflections=(
            Reflection("low-trust", c("trust <= 1"), "Trust is low. What would rebuild it?"),
            Reflection("trusted", c("has_trusted_adult"), "Who was that adult for you?",
                       once=False),
        ),
        endings=(Ending("hopeful", "Hopeful", "Sam feels heard.", c("trust >= 4")),
                 Ending("default", "Still going", "Sam's story goes on.")),
    )
    values.update(overrides)
    return Deck(**values)


def classic_card(id, theme, number):
    return Card(id=id, title=f"{theme.capitalize()} {number}", source=Source("cards/c.yaml", 1),
                theme=theme, number=number, statement=f"I want you to know about {id}.",
                discuss=f"What would help with {id}?", voice=f"Voice of {id}.")


THEMES = ("relationships", "rights-and-voice", "resilience", "recovery", "feeling-safe")


def classic_deck(n_per_theme=6, hand_size=7, **overrides) -> Deck:
    cards = tuple(classic_card(f"{t}-{n}", t, n) for t in THEMES
                  for n in range(1, n_per_theme + 1))
    values = dict(id="classic-test", title="A test table", root="/nowhere", modes=("classic",),
                  introduction="Welcome to the table.", cards=cards,
                  classic=ClassicRules(2, 5, hand_size, ("theme", "number"), THEMES))
    values.update(overrides)
    return Deck(**values)

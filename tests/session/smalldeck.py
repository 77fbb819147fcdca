"""A small hand-built deck (both modes) for session tests: quick to play to the end."""

from __future__ import annotations

from types import MappingProxyType as MP

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

STATS = ("trust", "heard")
FLAGS = ("told",)


def cond(text: str):
    return compile_condition(text, stats=STATS, flags=FLAGS, stages=("arriving", "settling"))


def _card(cid, stage, title, text, choices, tags=(), **kw):
    return Card(id=cid, title=title, source=Source("cards/journey.yaml", 1, 1), stage=stage,
                text=text, choices=tuple(choices), tags=tuple(tags),
                discuss=f"What would help at “{title}”?", **kw)


def _choice(label, effects, **kw):
    return Choice(label=label, effects=MP(dict(effects)), **kw)


def journey_cards():
    return [
        _card("first-night", "arriving", "First night",
              "I got here late. My things were in a bag. Where is my brother?",
              [_choice("Tell Sam honestly where their brother is", {"trust": 1, "heard": 1},
                       set_flags=("told",), response="I knew he was safe.",
                       reflect="What does knowing tonight change for a child?"),
               _choice("Talk tomorrow", {"trust": -1}, response="I lay awake.")],
              tags=("pcf:values-and-ethics", "bright-spots:relationships")),
        _card("phone-call", "arriving", "A phone call", "Can I ring my brother to say goodnight?",
              [_choice("Ring him now", {"trust": 1}), _choice("Ask the manager first", {}),
               _choice("Say no", {"trust": -1, "heard": -1})],
              tags=("bright-spots:rights-and-voice", "pcf:rights-justice-and-economic-wellbeing")),
        _card("my-room", "arriving", "My room", "The room has someone else's posters.",
              [_choice("Ask Sam what they would like", {"heard": 1}),
               _choice("Leave it as it is", {"heard": -1})],
              tags=("bright-spots:feeling-safe",)),
        _card("school-run", "settling", "School run", "My new school is two buses away.",
              [_choice("Drive Sam the first week", {"trust": 1}),
               _choice("Give Sam a bus map", {})],
              tags=("pcf:skills-and-interventions",)),
        _card("review", "settling", "My review", "Lots of adults talked about me in a room.",
              [_choice("Help Sam chair part of it", {"heard": 2}),
               _choice("Tell Sam afterwards", {"heard": -1})],
              tags=("pcf:critical-reflection-and-analysis", "bright-spots:rights-and-voice")),
        _card("friend", "settling", "A friend's house", "Can I stay at Ali's on Friday?",
              [_choice("Say yes, it's safe", {"trust": 1}),
               _choice("Wait for checks", {"trust": -1})],
              tags=("bright-spots:resilience",)),
    ]


AREA = {"family": "bright-spots:relationships", "home": "bright-spots:feeling-safe"}


def classic_cards():
    out = []
    for i, (theme, n) in enumerate([("family", 1), ("family", 2), ("home", 1), ("home", 2),
                                    ("family", 3), ("home", 3), ("family", 4), ("home", 4),
                                    ("family", 5), ("home", 5), ("family", 6), ("home", 6)]):
        out.append(Card(id=f"c{i}", title=f"{theme.title()} {n}", theme=theme, number=n,
                        source=Source("cards/classic.yaml", i + 1, 1),
                        statement=f"A {theme} thing, number {n}.",
                        tags=(AREA[theme],)))
    return out


def make_deck(root: str = "", drop: tuple[str, ...] = ()) -> Deck:
    """The deck; `drop` removes cards (an edited deck)."""
    cards = [c for c in journey_cards() + classic_cards() if c.id not in drop]
    return Deck(
        id="small", title="Sam’s Small Week", root=root, authors=("tests",),
        introduction="Hi, I'm Sam.", modes=("journey", "classic"),
        support=(Support("Your supervisor", "Talk it through afterwards."),),
        stats=(Stat("trust", "Trust in adults", 2, 0, 5), Stat("heard", "Feeling heard", 2, 0, 5)),
        flags=FLAGS,
        stages=(Stage("arriving", "Arriving", draws=3), Stage("settling", "Settling in", draws=3)),
        cards=tuple(cards),
        reflections=(Reflection("low-trust", cond("trust <= 1"),
                                "Sam has stopped expecting promises to be kept. What would help?",
                                tags=("pcf:professionalism", "bright-spots:recovery")),),
        endings=(Ending("settled", "Starting to settle", "I know who to ask.",
                        cond("trust >= 3")),
                 Ending("waiting", "Still waiting", "Ask me again next week.")),
        classic=ClassicRules(hand_size=3, themes=("family", "home")),
    )

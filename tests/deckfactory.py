"""The one place the tests build decks from the model (no files to read): each a small valid
deck, journey or classic, made with the real condition compiler, so the closures under test
are the ones a loaded deck gets. (A deck's *files* to edit and check: the `deck_files`
fixture in tests/conftest.py.)

- `journey_deck(**overrides)`, `classic_deck(n_per_theme, hand_size, **overrides)`: the
  engine's and the terminal's decks (a test journey of three stages; a five-theme table);
  `choice()`, `card()`, `classic_card()` and `cond()` build special-purpose decks in a test;
- `small_deck(root, drop)`: Sam's Small Week, both modes, quick to play to the end (the
  session tests; `drop` removes cards, as an edited deck);
- `rens_week(root)`, `table_game(root)`: the window tests' decks, whose pictures are written
  into `root` (the golden images are drawn from them, so they never change with the shipped
  decks).
"""

from __future__ import annotations

from pathlib import Path
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


# -- Sam's Small Week (the session tests) --------------------------------------------------

SMALL_STATS = ("trust", "heard")
SMALL_FLAGS = ("told",)


def _small_cond(text: str):
    return compile_condition(text, stats=SMALL_STATS, flags=SMALL_FLAGS,
                             stages=("arriving", "settling"))


def _scard(cid, stage, title, text, choices, tags=(), **kw):
    return Card(id=cid, title=title, source=Source("cards/journey.yaml", 1, 1), stage=stage,
                text=text, choices=tuple(choices), tags=tuple(tags),
                discuss=f"What would help at “{title}”?", **kw)


def _schoice(label, effects, **kw):
    return Choice(label=label, effects=MappingProxyType(dict(effects)), **kw)


def _small_journey_cards():
    return [
        _scard("first-night", "arriving", "First night",
               "I got here late. My things were in a bag. Where is my brother?",
               [_schoice("Tell Sam honestly where their brother is", {"trust": 1, "heard": 1},
                        set_flags=("told",), response="I knew he was safe.",
                        reflect="What does knowing tonight change for a child?"),
                _schoice("Talk tomorrow", {"trust": -1}, response="I lay awake.")],
               tags=("pcf:values-and-ethics", "bright-spots:relationships")),
        _scard("phone-call", "arriving", "A phone call", "Can I ring my brother to say goodnight?",
               [_schoice("Ring him now", {"trust": 1}), _schoice("Ask the manager first", {}),
                _schoice("Say no", {"trust": -1, "heard": -1})],
               tags=("bright-spots:rights-and-voice", "pcf:rights-justice-and-economic-wellbeing")),
        _scard("my-room", "arriving", "My room", "The room has someone else's posters.",
               [_schoice("Ask Sam what they would like", {"heard": 1}),
                _schoice("Leave it as it is", {"heard": -1})],
               tags=("bright-spots:feeling-safe",)),
        _scard("school-run", "settling", "School run", "My new school is two buses away.",
               [_schoice("Drive Sam the first week", {"trust": 1}),
                _schoice("Give Sam a bus map", {})],
               tags=("pcf:skills-and-interventions",)),
        _scard("review", "settling", "My review", "Lots of adults talked about me in a room.",
               [_schoice("Help Sam chair part of it", {"heard": 2}),
                _schoice("Tell Sam afterwards", {"heard": -1})],
               tags=("pcf:critical-reflection-and-analysis", "bright-spots:rights-and-voice")),
        _scard("friend", "settling", "A friend's house", "Can I stay at Ali's on Friday?",
               [_schoice("Say yes, it's safe", {"trust": 1}),
                _schoice("Wait for checks", {"trust": -1})],
               tags=("bright-spots:resilience",)),
    ]


_AREA = {"family": "bright-spots:relationships", "home": "bright-spots:feeling-safe"}


def _small_classic_cards():
    out = []
    for i, (theme, n) in enumerate([("family", 1), ("family", 2), ("home", 1), ("home", 2),
                                    ("family", 3), ("home", 3), ("family", 4), ("home", 4),
                                    ("family", 5), ("home", 5), ("family", 6), ("home", 6)]):
        out.append(Card(id=f"c{i}", title=f"{theme.title()} {n}", theme=theme, number=n,
                        source=Source("cards/classic.yaml", i + 1, 1),
                        statement=f"A {theme} thing, number {n}.",
                        tags=(_AREA[theme],)))
    return out


def small_deck(root: str = "", drop: tuple[str, ...] = ()) -> Deck:
    """The deck; `drop` removes cards (an edited deck)."""
    cards = [c for c in _small_journey_cards() + _small_classic_cards() if c.id not in drop]
    return Deck(
        id="small", title="Sam’s Small Week", root=root, authors=("tests",),
        introduction="Hi, I'm Sam.", modes=("journey", "classic"),
        support=(Support("Your supervisor", "Talk it through afterwards."),),
        stats=(Stat("trust", "Trust in adults", 2, 0, 5), Stat("heard", "Feeling heard", 2, 0, 5)),
        flags=SMALL_FLAGS,
        stages=(Stage("arriving", "Arriving", draws=3), Stage("settling", "Settling in", draws=3)),
        cards=tuple(cards),
        reflections=(Reflection("low-trust", _small_cond("trust <= 1"),
                                "Sam has stopped expecting promises to be kept. What would help?",
                                tags=("pcf:professionalism", "bright-spots:recovery")),),
        endings=(Ending("settled", "Starting to settle", "I know who to ask.",
                        _small_cond("trust >= 3")),
                 Ending("waiting", "Still waiting", "Ask me again next week.")),
        classic=ClassicRules(hand_size=3, themes=("family", "home")),
    )


# -- Ren's Week and the Table Game (the window tests) ---------------------------------------

SUPPORT = (Support("Your supervisor or a colleague you trust",
                   "Talk it through after the session."),
           Support("Childline", "0800 1111, free and private, for children and young people."))


def _ui_choice(label, effects=None, response="", reflect=""):
    return Choice(label, MappingProxyType(effects or {}), response=response, reflect=reflect)


def make_picture(path: Path) -> None:
    """A small drawing standing in for a child's picture: a house under a sun."""
    import pygame

    s = pygame.Surface((320, 240))
    s.fill((250, 236, 210))
    pygame.draw.circle(s, (240, 180, 80), (250, 60), 34)
    pygame.draw.rect(s, (190, 110, 90), (80, 110, 130, 100))
    pygame.draw.polygon(s, (120, 80, 70), [(70, 112), (145, 50), (220, 112)])
    pygame.draw.rect(s, (90, 120, 150), (130, 160, 30, 50))
    path.parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(s, str(path))


def rens_week(root: Path) -> Deck:
    make_picture(root / "images" / "door.png")
    src = Source("cards/a.yaml", 1, 1)
    cards = (
        Card("door", "The front door", src, image="images/door.png", stage="arriving",
             text="A lady I have never met opens the door. The hall smells of toast. "
                  "I hold my bag very tight.",
             discuss="What would help a child feel safe in the first minute?",
             voice="Say our name, and tell us yours.",
             choices=(_ui_choice("Say hello, say your name, and show Ren where to sit",
                              {"trust": 1}, "She said my name right. That was something."),
                      _ui_choice("Take Ren's bag straight up to the bedroom", {"trust": -1},
                              "I didn't want to let go of my bag.",
                              reflect="Why might a child hold on to their bag?"))),
        Card("tea", "Teatime", src, image="images/missing.png", stage="arriving",
             text="There is pasta for tea. I don't know if I'm allowed seconds.",
             discuss="How do children learn the unwritten rules of a new home?",
             choices=(_ui_choice("Tell Ren the house rules about food, kindly and simply",
                              {"settled": 1}, "Seconds are allowed. Good."),
                      _ui_choice("Wait for Ren to ask", {"settled": -1},
                              "I went to bed hungry."),
                      _ui_choice("Ask Ren what they like to eat, and write it on the shopping list",
                              {"settled": 1, "trust": 1}, "Nobody ever asked me that."))),
        Card("school", "New school", src, stage="settling",
             text="On Monday I start at a new school. My old friends don't know where I went.",
             choices=(_ui_choice("Help Ren send a message to an old friend", {"trust": 1},
                              "Jay wrote back the same day."),
                      _ui_choice("Say it's best to make a fresh start", {"trust": -1},
                              "I don't want a fresh start. I want my friends."))),
    )
    return Deck(
        id="rens-week", title="Ren's Week", root=str(root), modes=("journey",),
        content_notes=("moving to a new home", "missing old friends"),
        introduction="Hi, I'm Ren. I'm ten. This is my first week somewhere new.\n\n"
                     "You are the adults around me. Talk about each card, then choose.",
        support=SUPPORT,
        stats=(Stat("trust", "Trust in adults", 2, 0, 5), Stat("settled", "Feeling settled",
                                                             2, 0, 5)),
        stages=(Stage("arriving", "Arriving", draws=2), Stage("settling", "Settling in",
                                                              draws=1)),
        cards=cards,
        endings=(Ending("end", "A start", "I'm still here. I unpacked one bag. That's a start."),),
    )


def table_game(root: Path) -> Deck:
    src = Source("cards/c.yaml", 1, 1)
    themes = ("family", "home", "school")
    words = {
        "family": ("Family time", "I see my dad in a room with a table. It doesn't feel like us."),
        "home": ("My room", "My room has a lock on the inside. I can sleep now."),
        "school": ("Front row", "My teacher saved me a seat at the front. She noticed me."),
    }
    cards = []
    for t in themes:
        for n in range(1, 6):
            title, statement = words[t]
            cards.append(Card(f"{t}-{n}", f"{title} {n}", src, theme=t, number=n,
                              statement=statement,
                              discuss="What could an adult do or say here?",
                              voice="Ask us. We usually know what would help."))
    return Deck(id="table", title="Table Game", root=str(root), modes=("classic",),
                introduction="Play a card that matches. Talk about every card played.",
                support=SUPPORT, discussion_seconds=90, cards=tuple(cards),
                classic=ClassicRules(2, 5, 5, ("theme", "number"), themes))

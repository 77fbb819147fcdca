"""The studio's forms, in plain words: one `Field` per thing a group can fill in.

Labels and hints are what a 15-year-old reads on the screen, never a YAML key; `key` is the
deck-format key the value is written under (docs/deck-format.md), used only by
`document.StudioDeck`. Conditions ("Only if an earlier choice...") are built from plain-words
pickers (`Rule`: a thing a choice remembered, a card already seen, a choice taken, a meter at
least or at most a number) and written in the deck's condition language by `condition_text`;
`read_condition` turns the written text back into pickers when it can (a condition written by
hand in a way the pickers cannot show is kept as it is, and described in words).

Kinds: "line" (one line of words), "text" (several lines), "number", "pick" (one of
`options`, or of the deck's own stages/cards/meters/themes when `options_from` says so),
"picture", "names" (a list of short lines), "yesno", "condition", "changes" (how a choice
changes the meters: meter -> whole number), "remember" (short phrases a choice remembers for
later: the deck's flags), "support" (a list of who can help and how to reach them).
Pure: no pygame, no files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

KINDS = ("line", "text", "number", "pick", "picture", "names", "yesno", "condition",
         "changes", "remember", "support")


@dataclass(frozen=True)
class Field:
    key: str  # the deck-format key (never shown)
    label: str  # plain words on the form
    hint: str = ""  # one line under the label
    kind: str = "line"
    options: tuple[tuple[str, str], ...] = ()  # (value written, words shown) for "pick"
    options_from: str = ""  # "stages", "cards", "journey-cards", "meters", "themes"
    required: bool = False
    limit: int = 0  # most characters (0: no limit beyond the deck format's)
    low: int = 0  # "number": smallest
    high: int = 0  # "number": largest (0: no bound)
    example: str = ""  # an example shown greyed in an empty box
    only_for: str = ""  # "journey" or "classic": shown only for decks played that way

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown field kind {self.kind!r}")


# Who wrote the words (deck `written_by`, see cardsdealt/deck/credits.py). A new studio deck
# has no answer until the group picks one: the program never declares it for them.
WHO_WROTE = (
    ("young-people", "We are young people, and these are our words"),
    ("co-produced", "Young people and adults wrote it together"),
    ("contributors", "Adults wrote it (the words are not young people's)"),
)

WAYS_TO_PLAY = (
    ("journey", "A journey: one child's story, the group chooses what adults do"),
    ("classic", "A table game: match cards by theme or number, talk about each one"),
)

KEEP_NAMES_OFF = "keep_names_off"  # a studio-only field: authors becomes just the group word
NAMES_OFF_AUTHOR = "A youth group"  # what `authors` says when the group keeps its names off

# The example deck's support list: every new studio deck starts with it (editable).
DEFAULT_SUPPORT = (
    ("Your supervisor or a colleague you trust", "Talk it through after the session."),
    ("Childline, 0800 1111", "For children and young people. Free, any time."),
    ("Coram Voice, Always Heard, 0808 800 5792",
     "Advice and advocacy for children in care and young people leaving care."),
    ("Become, 0800 023 2033",
     "Care Advice Line for children in care and young people leaving care."),
    ("Fosterline, 0800 040 7675", "Free, independent advice for foster carers."),
    ("Samaritans, 116 123", "For anyone, adults too. Free, any time, day or night."),
)

DECK_FIELDS = [
    Field("title", "What is your deck called?", "This is shown on the start screen.",
          required=True, limit=80, example="Jo's first week"),
    Field("authors", "Who made it?",
          "Your group's name, or first names only. Never a surname, school or address.",
          kind="names", required=True, example="Hillside Youth Voice"),
    Field(KEEP_NAMES_OFF, "Keep our names off",
          "Say only that a youth group made it.", kind="yesno"),
    Field("written_by", "Whose words are these?",
          "The game always says who wrote a deck, and never claims more.",
          kind="pick", options=WHO_WROTE, required=True),
    Field("introduction", "What people hear before the game starts",
          "It is read aloud. Say who is telling the story.", kind="text", required=True,
          example="Hi, I'm Jo. This is about my first week somewhere new."),
    Field("content_notes", "Things people should know before they play",
          "Topics that might be hard, one on each line, so people can get ready.",
          kind="names", example="moving to a new home"),
    Field("support", "Who can help afterwards",
          "Shown at the end of every game: for young people and for adults.",
          kind="support"),
    Field("modes", "How is it played?", "", kind="pick", options=WAYS_TO_PLAY,
          required=True),
    Field("discussion_seconds", "Talking time for each card (seconds)",
          "How long the timer runs while people talk.", kind="number", low=10, high=3600),
    Field("classic.themes", "The themes of your cards",
          "One on each line, like Family, Home or School. Every card has one, and cards "
          "with the same theme can be played on each other.",
          kind="names", required=True, only_for="classic", example="Family"),
    Field("classic.hand_size", "Cards each player starts with", "", kind="number", low=1,
          high=20, only_for="classic"),
]

# on every card
VOICE = Field("voice", "A line for the adults in the room",
              "One line, shown under a heading that says whose words they are.", kind="text",
              limit=300)
DISCUSS = Field("discuss", "A question to talk about", "", kind="text", limit=300,
                example="What would help here?")
PICTURE = Field("image", "Picture", "Draw one, or bring in a photo or scan.", kind="picture")
NOTES = Field("facilitator_notes", "Notes for the person running the game",
              "Not shown on the card.", kind="text")

TABLE_CARD_FIELDS = [
    Field("title", "Card name", "A few words.", required=True, limit=40,
          example="My sister"),
    Field("theme", "Which theme it belongs to",
          "Cards with the same theme can be played on each other.",
          kind="pick", options_from="themes", required=True),
    Field("number", "Its number", "Cards with the same number can be played on each other too.",
          kind="number", low=1, high=99, required=True),
    Field("statement", "What the young person says", "One or two short sentences.",
          kind="text", required=True, limit=300, example="I want to see my sister more."),
    PICTURE,  # near the top: a group comes to draw, and should see where
    VOICE,
    DISCUSS,
    NOTES,
]

JOURNEY_CARD_FIELDS = [
    Field("title", "Card name", "A few words.", required=True, limit=60,
          example="First night"),
    Field("stage", "Which part of the story", "", kind="pick", options_from="stages",
          required=True),
    Field("text", "What is happening", "Say it as the young person would.", kind="text",
          required=True, limit=400, example="I got here late. I didn't know anyone."),
    PICTURE,
    Field("choices", "What could the adult do?", "Two to four choices.", kind="names"),
    VOICE,
    DISCUSS,
    Field("requires", "Only if an earlier choice...",
          "Leave empty and the card can come up any time in its part of the story.",
          kind="condition"),
    NOTES,
]

CHOICE_FIELDS = [
    Field("label", "What the adult does", "", required=True, limit=120,
          example="Sit with Jo and listen"),
    Field("response", "What happens next", "What the young person says or feels.",
          kind="text", limit=300, example="I still couldn't sleep, but I felt safer."),
    Field("effects", "This changes the meters", "Up or down, for each meter.",
          kind="changes"),
    Field("set", "Remember this for later",
          "A few words, e.g. 'knows where her brother is'. Later cards can depend on it.",
          kind="remember"),
    Field("next", "This choice leads to...", "A card that comes straight after this choice.",
          kind="pick", options_from="journey-cards"),
    Field("reflect", "A question to think about straight after", "", kind="text"),
]

STAGE_FIELDS = [
    Field("title", "Name of this part of the story", "", required=True, limit=80,
          example="Arriving"),
    Field("draws", "How many cards in this part", "", kind="number", low=1, high=100),
    Field("until", "This part ends early when...", "Leave empty to use all its cards.",
          kind="condition"),
]

METER_FIELDS = [
    Field("label", "What the meter measures", "", required=True, limit=60,
          example="Trust in adults"),
    Field("start", "Where it starts", "", kind="number", low=-1000, high=1000),
    Field("min", "Lowest it can go", "", kind="number", low=-1000, high=1000),
    Field("max", "Highest it can go", "", kind="number", low=-1000, high=1000),
    Field("description", "What it means", "For the person running the game.", kind="text"),
]

ENDING_FIELDS = [
    Field("title", "Name of this ending", "", required=True, limit=120,
          example="Starting to settle"),
    Field("text", "What the young person says at the end", "", kind="text", required=True),
    Field("when", "This ending is for when...",
          "The last ending is for every other journey, so it has none.", kind="condition"),
]

REFLECTION_FIELDS = [
    Field("prompt", "The question to think about", "", kind="text", required=True,
          example="What would help Jo trust adults again?"),
    Field("when", "Ask it when...", "", kind="condition", required=True),
    Field("once", "Only ask it once", "", kind="yesno"),
]

FORMS = {
    "deck": DECK_FIELDS, "table": TABLE_CARD_FIELDS, "journey": JOURNEY_CARD_FIELDS,
    "choice": CHOICE_FIELDS, "stage": STAGE_FIELDS, "meter": METER_FIELDS,
    "ending": ENDING_FIELDS, "reflection": REFLECTION_FIELDS,
}


def voice_label(written_by: str) -> str:
    """The heading the card's `voice` line is shown under, which depends on whose words the
    deck says these are (cardsdealt/deck/credits.py): the form shows it beside the box."""
    from cardsdealt.deck.credits import VOICE_HEADINGS

    return VOICE_HEADINGS.get(written_by, VOICE_HEADINGS["contributors"])


def field(form: str, key: str) -> Field:
    """The field `key` of the form `form` ("deck", "table", "journey", "choice", ...)."""
    for f in FORMS[form]:
        if f.key == key:
            return f
    raise KeyError(f"{form}.{key}")


# ---- conditions, from plain-words pickers -------------------------------------------------

RULE_KINDS = (
    ("remembered", "a choice remembered"),
    ("not-remembered", "no choice remembered"),
    ("seen", "this card has come up"),
    ("not-seen", "this card has not come up"),
    ("chose", "this choice was taken"),
    ("at-least", "this meter is at least"),
    ("at-most", "this meter is at most"),
)


@dataclass(frozen=True)
class Rule:
    """One plain-words picker: `kind` from RULE_KINDS; `name` a flag, card or meter id;
    `number` the meter value, or the choice's number (1 = the first) for "chose"."""

    kind: str
    name: str
    number: int = 0


@dataclass(frozen=True)
class Condition:
    rules: tuple[Rule, ...] = ()
    any_of: bool = False  # True: "any of these", else "all of these"


def condition_text(cond: Condition) -> str:
    """The condition in the deck's condition language ("" when it has no rules)."""
    parts = [_rule_text(r) for r in cond.rules]
    return (" or " if cond.any_of else " and ").join(parts)


def _rule_text(r: Rule) -> str:
    return {
        "remembered": lambda: r.name,
        "not-remembered": lambda: f"not {r.name}",
        "seen": lambda: f'seen("{r.name}")',
        "not-seen": lambda: f'not seen("{r.name}")',
        "chose": lambda: f'chose("{r.name}", {r.number})',
        "at-least": lambda: f"{r.name} >= {r.number}",
        "at-most": lambda: f"{r.name} <= {r.number}",
    }[r.kind]()


_ID = r"[a-z0-9][a-z0-9_-]*"
_RULES = [
    (re.compile(rf'^not\s+seen\("({_ID})"\)$'), "not-seen"),
    (re.compile(rf'^seen\("({_ID})"\)$'), "seen"),
    (re.compile(rf'^chose\("({_ID})",\s*(\d+)\)$'), "chose"),
    (re.compile(rf"^({_ID})\s*>=\s*(-?\d+)$"), "at-least"),
    (re.compile(rf"^({_ID})\s*<=\s*(-?\d+)$"), "at-most"),
    (re.compile(rf"^({_ID})\s*>\s*(-?\d+)$"), "above"),
    (re.compile(rf"^({_ID})\s*<\s*(-?\d+)$"), "below"),
    (re.compile(rf"^not\s+({_ID})$"), "not-remembered"),
    (re.compile(rf"^({_ID})$"), "remembered"),
]


def read_condition(text: str) -> Condition | None:
    """Pickers for a written condition, or None when it was written in a way they cannot
    show (brackets, a mix of `and` and `or`, `stage ==`, `turn`): the studio then keeps it
    exactly as written."""
    text = (text or "").strip()
    if not text:
        return Condition()
    if "(" in text.replace("seen(", "").replace("chose(", ""):
        return None
    has_and = re.search(r"\band\b", text) is not None
    has_or = re.search(r"\bor\b", text) is not None
    if has_and and has_or:
        return None
    parts = re.split(r"\s+(?:and|or)\s+", text)
    rules = []
    for part in parts:
        rule = _read_rule(part.strip())
        if rule is None:
            return None
        rules.append(rule)
    return Condition(tuple(rules), any_of=has_or)


def _read_rule(part: str) -> Rule | None:
    for pattern, kind in _RULES:
        m = pattern.match(part)
        if not m:
            continue
        if m.group(1) in ("not", "and", "or", "stage", "turn", "true", "false"):
            return None
        if kind == "above":
            return Rule("at-least", m.group(1), int(m.group(2)) + 1)
        if kind == "below":
            return Rule("at-most", m.group(1), int(m.group(2)) - 1)
        number = int(m.group(2)) if m.lastindex and m.lastindex > 1 else 0
        return Rule(kind, m.group(1), number)
    return None


def flag_words(flag: str) -> str:
    """A flag id as the words a group wrote: `knows_where_brother_is` -> 'knows where
    brother is'."""
    return flag.replace("_", " ").replace("-", " ")


def describe_rule(r: Rule, names: dict[str, str] | None = None) -> str:
    """A rule in words; `names` maps card and meter ids to their titles and labels."""
    names = names or {}
    shown = names.get(r.name, flag_words(r.name))
    return {
        "remembered": f"a choice remembered: {shown}",
        "not-remembered": f"no choice remembered: {shown}",
        "seen": f"\u201c{shown}\u201d has come up",
        "not-seen": f"\u201c{shown}\u201d has not come up",
        "chose": f"choice {r.number} was taken on \u201c{shown}\u201d",
        "at-least": f"{shown} is at least {r.number}",
        "at-most": f"{shown} is at most {r.number}",
    }[r.kind]


def describe_condition(text: str, names: dict[str, str] | None = None) -> str:
    """A written condition in words (hand-written ones the pickers cannot show are quoted)."""
    cond = read_condition(text)
    if cond is None:
        return f"written by hand: {text}"
    if not cond.rules:
        return ""
    joined = " or " if cond.any_of else " and "
    return joined.join(describe_rule(r, names) for r in cond.rules)

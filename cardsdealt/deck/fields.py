"""The fields of each part of a deck: one table read by the loader (unknown-field checks,
did-you-mean) and by the JSON Schema export, so the two never disagree.

Each entry: field name -> (kind, description). Kinds: text, id, int, number, bool, condition,
texts (list of text), ids (list of ids), and names of other parts (stat, stage, card, ...).
"""

from __future__ import annotations

DECK = {
    "format": ("int", "Deck format version. Always 1 for now."),
    "id": ("id", "Short name: lowercase letters, digits and -"),
    "title": ("text", "The deck's name, shown on screen"),
    "language": ("text", "Language tag, e.g. en-GB"),
    "authors": ("texts", "Who made the deck"),
    "written_by": ("written_by", "Who wrote the words: contributors, young-people or "
                   "co-produced (default contributors)"),
    "made_with": ("texts", "Groups who wrote the deck with the authors"),
    "inspired_by": ("texts", "Credit lines for work that inspired the deck"),
    "licence": ("text", "Licence, e.g. CC BY-NC-SA 4.0"),
    "content_notes": ("texts", "Topics shown before play so people can prepare"),
    "introduction": ("text", "Read aloud before the game, ideally in a young person's voice"),
    "support": ("supports", "Signposting shown at the end of every session"),
    "modes": ("modes", "How the deck can be played: journey, classic, or both"),
    "discussion_seconds": ("int", "Default length of the discussion timer in seconds"),
    "stats": ("stats", "What the journey tracks, e.g. trust: {label, start, min, max}"),
    "flags": ("ids", "Things that are true or not, e.g. has_trusted_adult"),
    "stages": ("stages", "The stages of the journey, in order"),
    "cards": ("cards", "A folder of card files (cards/), or a list of cards"),
    "reflections": ("reflections", "Reflection prompts raised when their condition holds"),
    "endings": ("endings", "Journey endings: the first whose `when` holds is used"),
    "classic": ("classic", "Rules of the table game"),
    "lint": ("lint", "Extra advice for `cardsdealt check`"),
}
DECK_REQUIRED = ("format", "id", "title", "authors", "introduction", "modes", "cards")

STAT = {
    "label": ("text", "The stat's name on screen"),
    "start": ("int", "Value at the start"),
    "min": ("int", "Lowest value"),
    "max": ("int", "Highest value"),
    "description": ("text", "What it means, for facilitators"),
}
STAT_REQUIRED = ("label", "start", "min", "max")

STAGE = {
    "id": ("id", "Stage id, used by cards' `stage:`"),
    "title": ("text", "Stage name on screen"),
    "draws": ("int", "How many cards are dealt in this stage (default 4)"),
    "until": ("condition", "Optional: the stage ends early when this holds"),
}
STAGE_REQUIRED = ("id",)

COMMON_CARD = {
    "id": ("id", "Unique card id"),
    "title": ("text", "Card title"),
    "image": ("text", "Picture: a path inside the deck folder (PNG or JPEG)"),
    "discuss": ("text", "A question for the group"),
    "voice": ("text", "What the young people want you to know"),
    "facilitator_notes": ("text", "Notes for the person running the session"),
    "tags": ("ids", "pcf:<domain> and bright-spots:<area> tags"),
}
JOURNEY_CARD = {
    "stage": ("id", "The stage this card belongs to"),
    "text": ("text", "What happens, in the child's voice"),
    "requires": ("condition", "Only dealt when this holds"),
    "weight": ("number", "How likely among eligible cards (default 1)"),
    "once": ("bool", "Dealt at most once (default true)"),
    "choices": ("choices", "2 to 4 choices"),
}
CLASSIC_CARD = {
    "theme": ("id", "One of the deck's classic themes"),
    "number": ("int", "Card number (1 to 12) for the matching rule"),
    "statement": ("text", "What the child says"),
}
CARD = {**COMMON_CARD, **JOURNEY_CARD, **CLASSIC_CARD}

CHOICE = {
    "label": ("text", "What the adult does"),
    "effects": ("effects", "Stat changes, e.g. {trust: +1}"),
    "set": ("ids", "Flags this choice makes true"),
    "clear": ("ids", "Flags this choice makes false"),
    "response": ("text", "What the child says or feels afterwards"),
    "reflect": ("text", "A reflection prompt raised straight after"),
    "next": ("id", "A card that must be dealt next"),
}
CHOICE_REQUIRED = ("label",)

REFLECTION = {
    "id": ("id", "Optional id"),
    "when": ("condition", "Raised when this becomes true"),
    "prompt": ("text", "The question"),
    "once": ("bool", "Raise at most once (default true)"),
    "tags": ("ids", "pcf:/bright-spots: tags"),
}
REFLECTION_REQUIRED = ("when", "prompt")

ENDING = {
    "id": ("id", "Ending id"),
    "title": ("text", "Ending title"),
    "when": ("condition", "Used when this holds (leave out on the last, default ending)"),
    "text": ("text", "What the child says at the end"),
}
ENDING_REQUIRED = ("title", "text")

SUPPORT = {
    "name": ("text", "Who can help"),
    "detail": ("text", "How to reach them"),
}
SUPPORT_REQUIRED = ("name",)

CLASSIC = {
    "players": ("players", "{min, max} players or teams (2 to 5)"),
    "hand_size": ("int", "Cards dealt to each player (default 7)"),
    "match": ("ids", "A card may be played when it matches the top card on these: theme, number"),
    "themes": ("ids", "The themes of the classic cards"),
}
PLAYERS = {
    "min": ("int", "Fewest players"),
    "max": ("int", "Most players"),
}
LINT = {
    "language": ("words", "Words to avoid -> the words to use instead"),
}

PCF_DOMAINS = (
    "professionalism", "values-and-ethics", "diversity-and-equality",
    "rights-justice-and-economic-wellbeing", "knowledge", "critical-reflection-and-analysis",
    "skills-and-interventions", "contexts-and-organisations", "professional-leadership",
)
# Bright Spots (Coram Voice with the University of Oxford) has four areas. Decks written before
# this was put right used `feeling-safe` as a fifth: it still loads, `check` advises, records
# never list it as a Bright Spots area.
BRIGHT_SPOTS = ("relationships", "rights-and-voice", "resilience", "recovery")
BRIGHT_SPOTS_RETIRED = ("feeling-safe",)

# Who wrote a deck's words (`written_by`). Screens, records and certificates say what the deck
# declares and nothing more (see cardsdealt.deck.credits).
WRITTEN_BY = ("contributors", "young-people", "co-produced")

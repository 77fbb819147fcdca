"""Check's problems in the studio's words (issue 18: the studio never shows a YAML key).

`cardsdealt check` speaks to someone editing files: it names keys in backticks (`requires`),
files (deck.yaml) and lines, and its fixes are YAML to type ("Add `image: ...`"). The studio
shows the same problems on the form field they are about, so here the same meaning is said
with the form's own labels (`fields.FORMS`), the names the group gave their cards, meters,
parts and questions, and fixes done with the studio's buttons. A few of check's messages are
said anew (`_SAID_ANEW`); every other one has its keys, names, files and lines put in the
studio's words (`studio_words`). Pure: text in, text out.
"""

from __future__ import annotations

import re
from typing import Callable

from cardsdealt.authoring.studio import fields as SF
from cardsdealt.deck.problems import Problem

# Deck-format keys that are not a field of any studio form, in the studio's words.
_KEY_WORDS = {
    "stats": "the meters", "stat": "a meter", "stages": "the parts of the story",
    "endings": "the endings", "reflections": "the questions", "flags": "what choices remember",
    "choices": "the choices", "cards": "the cards", "once": "dealt only once",
    "players": "how many players", "id": "name", "set": "Remember this for later",
    "clear": "Remember this for later", "weight": "how often it is dealt",
    "format": "the deck format", "hand_size": "Cards each player starts with",
}
# Which form a field path is on: "card:x.choice:0.label" -> choice, "meter:1" -> meter.
_FORM_OF = (("card:", ".choice:", "choice"), ("card:", "", "journey"), ("stage:", "", "stage"),
            ("meter:", "", "meter"), ("ending:", "", "ending"),
            ("reflection:", "", "reflection"), ("deck", "", "deck"))


def _form(path: str) -> str:
    for start, inside, form in _FORM_OF:
        if path.startswith(start) and inside in path:
            return form
    return "deck"


def label(key: str, path: str = "") -> str:
    """A deck-format key as the studio names it: its field's label on the form `path` is
    on (else on any form), else a few plain words."""
    form = _form(path)
    order = [form, "table" if form == "journey" else "journey", *SF.FORMS]
    for name in order:
        for f in SF.FORMS[name]:
            if f.key == key or f.key == f"classic.{key}":
                return f"“{f.label}”"
    return _KEY_WORDS.get(key) or f"“{key.replace('_', ' ')}”"


_KEYS: set[str] = set()


def _is_key(word: str) -> bool:
    if not _KEYS:
        from cardsdealt.deck import fields as F

        for table in (F.DECK, F.STAT, F.STAGE, F.CARD, F.CHOICE, F.REFLECTION, F.ENDING,
                      F.SUPPORT, F.CLASSIC, F.PLAYERS):
            _KEYS.update(table)
    return word in _KEYS


def _ticked(inner: str, path: str, names: dict[str, str]) -> str:
    """What was in backticks, in the studio's words."""
    inner = inner.strip()
    key, colon, value = inner.partition(":")
    if any(f.key == inner for f in SF.FORMS[_form(path)]):  # a field of this form
        return label(inner, path)
    if inner in names:  # a card, meter, part, ending or question: the name the group gave it
        return f"“{names[inner]}”"
    if colon and _is_key(key.strip()) and not value.strip():
        return label(key.strip(), path)
    if colon and _is_key(key.strip()) and "{" not in value:
        return f"{label(key.strip(), path)} ({value.strip()})"
    if _is_key(inner):
        return label(inner, path)
    if re.fullmatch(r"[a-z][a-z0-9_]*", inner) and "_" in inner:  # a flag: its words
        return f"“{SF.flag_words(inner)}”"
    return f"“{inner}”"


def _name(names: dict[str, str], key: str, unnamed: str = "") -> str:
    """The name the group gave a card (a meter, a part...); `unnamed` when it has none."""
    return f"“{names[key]}”" if key in names else (unnamed or f"“{key}”")


_WHERE: dict[str, str] = {"when": "ending:", "until": "stage:", "requires": "card:"}

# Messages said anew: (pattern over check's message and hint, the studio's words).
_SaidAnew = Callable[[re.Match, dict[str, str], str], str]  # (match, names, path)
_SAID_ANEW: list[tuple[re.Pattern, _SaidAnew]] = [
    (re.compile(r"the card `[^`]*` has no picture", re.I),
     lambda m, n, p: "This card has no picture yet. Draw one, or bring in a photo or a scan: "
                  "drawings make cards memorable."),
    (re.compile(r"the picture `[^`]*` was not found", re.I),
     lambda m, n, p: "This card's picture is not in the deck's folder any more. Choose it again, "
                  "or draw or bring in a new one."),
    (re.compile(r"the stage `([^`]*)` has no cards", re.I),
     lambda m, n, p: f"The part of the story {_name(n, m[1])} has no cards yet. Choose it as "
                  f"{label('stage', 'card:')} on some cards, or delete this part."),
    (re.compile(r"the stat `([^`]*)` is never changed by any choice", re.I),
     lambda m, n, p: f"No choice changes the meter {_name(n, m[1])} yet. Use "
                  f"{label('effects', 'card:x.choice:0')} on some choices, or delete the meter."),
    (re.compile(r"the stat `([^`]*)` is never read by a condition", re.I),
     lambda m, n, p: f"Nothing asks about the meter {_name(n, m[1])} yet. That is fine if it is "
                  "only shown; a card, a question or an ending can use it to react to the "
                  "journey."),
    (re.compile(r"choice (\d+) of `([^`]*)` changes nothing", re.I),
     lambda m, n, p: f"Choice {m[1]} of {_name(n, m[2], 'this card')} changes nothing. Give "
                     "it what happens next, a change to a meter, something to remember or a "
                     "question, so the choice matters in the journey."),
    (re.compile(r"`([^`]*)` of `[^`]*` names the card `([^`]*)`, which does not exist",
                re.I),
     lambda m, n, p: f"{label(m[1], 'card:')} names a card that is not in the deck "
                  f"(“{m[2]}”). Choose a card from the list, or take this rule out."),
    (re.compile(r"In `(\w+)` `[^`]*`: `([^`]*)` is not a stat or flag in this deck", re.I),
     lambda m, n, p: f"{label(m[1], p or _WHERE.get(m[1], 'card:'))} asks about “"
                  f"{SF.flag_words(m[2])}”, which is not a meter or something a choice "
                  "remembers in this deck. Choose one from the lists, or take this rule out."),
    (re.compile(r"`(\w+)` is not a field of .*?(?:Did you mean `(\w+)`\?|$)", re.I),
     lambda m, n, p: f"This deck was written by hand, and “{m[1]}” in it is not something a "
                  "deck has, so it is left out" + (f" (did you mean {label(m[2])}?)"
                                                   if m[2] else "")
                  + ". Change it in a text editor: check shows where."),
    (re.compile(r"A classic card says what the child says with `statement:`, not `text:`",
                re.I),
     lambda m, n, p: f"On a table card, what the young person says goes in "
                  f"{label('statement', 'card:')}. Move these words there."),
    (re.compile(r"These cards send the journey round for ever: ([^(]*)\(", re.I),
     lambda m, n, p: "These cards send the journey round for ever: "
                  + re.sub(r"`([^`]*)`", lambda x: _name(n, x[1]), m[1]).strip()
                  + f". Take {label('next', 'card:x.choice:0')} off one of their choices, so "
                    "the journey can move on."),
    (re.compile(r"`([^`]*)` is not read as a card file: its name ends in `([^`]*)`", re.I),
     lambda m, n, p: f"A card file in the deck's folder is left out, because its name ends in "
                  f"{m[2]}. Rename it in the folder so its name ends in .yaml only (Notepad "
                  f"adds {m[2]} unless you choose 'All files' when saving)."),
    (re.compile(r"does not say who wrote the words", re.I),
     lambda m, n, p: f"Choose an answer to {label('written_by')}. Until you do, the "
                  "game says adults wrote this deck, never that young people did."),
    (re.compile(r"the card `number` is (\d+)", re.I),
     lambda m, n, p: "This card's number is " + m.string[m.start(1):]),
    (re.compile(r"`hand_size: (\d+)`"),  # (the studio has no field for how many players)
     lambda m, n, p: _hand(m)),
]


def _hand(m: re.Match) -> str:
    text = m.string
    text = re.sub(r",? or set `players: [^`]*`", "", text).replace(", or lower", " or lower")
    return text


_LINE = re.compile(r"\s*\((?:on )?lines? \d+(?:[-–]\d+)?\)|\s*\b(?:on|at|in) lines? \d+\b"
                   r"|\blines? \d+(?:, column \d+)?:\s*")
_DECK_FILE = re.compile(r"\b(?:in|of|from|to|inside) deck\.yaml\b|\bdeck\.yaml\b")
_FILE = re.compile(r"`?[\w./-]+\.(?:yaml|yml)`?")


def studio_words(p: Problem, path: str = "", names: dict[str, str] | None = None) -> str:
    """One problem as the studio shows it on the field `path` (`names`: ids -> the names
    the group gave them): check's meaning, the studio's words."""
    names = names or {}
    text = p.message[:1].upper() + p.message[1:]
    if not text.endswith((".", "?", "!")):
        text += "."
    text = f"{text} {p.hint}".strip() if p.hint else text
    for pattern, said in _SAID_ANEW:
        m = pattern.search(text)
        if m:
            text = said(m, names, path)
            break
    text = _LINE.sub("", text)
    text = _DECK_FILE.sub(lambda m: m[0].replace("deck.yaml", "the deck"), text)
    text = _FILE.sub("a file in the deck's folder", text)
    text = re.sub(r"`([^`\n]*)`", lambda m: _ticked(m[1], path, names), text)
    return text.replace("`", "'")

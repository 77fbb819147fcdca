"""The mistakes a group makes in Notepad, TextEdit or Word, one per deck: each gets exactly
one message, at the line where the mistake is, naming it in the author's terms, with a fix.

Every deck starts as `cardsdealt new` makes it (which checks clean: its only advice names the
starter's example words, and is left out here) and has one mistake put in. The expected line
is found from the mistake itself, never hard-coded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pytest

from cardsdealt.authoring.check import run_check
from cardsdealt.authoring.lint import advise
from cardsdealt.authoring.new import new_deck
from cardsdealt.cli import main
from cardsdealt.deck import check_deck

CARDS = "cards/cards.yaml"


def edit(root: Path, rel: str, old: str, new: str) -> None:
    p = root / rel
    text = p.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {rel}"
    p.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(root: Path, rel: str, needle: str) -> int:
    for n, line in enumerate((root / rel).read_text(encoding="utf-8").split("\n"), 1):
        if needle in line:
            return n
    raise AssertionError(f"test setup: {needle!r} not in {rel}")


@dataclass
class Mistake:
    name: str
    make: Callable[[Path], None]
    file: str  # where the message must point ("" for the deck folder itself)
    needle: str | None  # text on the line it must point at (None: no line)
    words: tuple[str, ...]  # what the message and its fix must say
    mode: str = "journey"
    severity: str = "error"
    where: list = field(default_factory=list)


def _loop(root: Path) -> None:
    for stage in ("arriving", "settling"):
        edit(root, CARDS, f"  stage: {stage}\n", f"  stage: {stage}\n  once: false\n")
    for old, to in (("effects: {trust: +1}", "new-friend"), ("effects: {heard: -1}", "new-friend"),
                    ("set: [has_a_friend]", "first-day"), ("effects: {trust: -1}", "first-day")):
        text = (root / CARDS).read_text(encoding="utf-8")
        i = text.index(old)
        end = text.index("\n", i)
        (root / CARDS).write_text(text[:end] + f"\n      next: {to}" + text[end:],
                                  encoding="utf-8")


def _more_cards(root: Path) -> None:
    """8 classic cards, hand_size 3, up to 4 players: 3 players already need 3 x 3 + 1."""
    edit(root, "deck.yaml", "players: {min: 2, max: 3}", "players: {min: 2, max: 4}")
    edit(root, "deck.yaml", "hand_size: 1 ", "hand_size: 3 ")
    text = (root / CARDS).read_text(encoding="utf-8")
    more = text.split("\n", 1)[1].replace("- id: ", "- id: more-")
    (root / CARDS).write_text(text + more, encoding="utf-8")


RTF = r"{\rtf1\ansi\deff0 {\fonttbl {\f0 Times;}}" "\n" r"\f0\fs24 - id: first-day\par" "\n}"

MISTAKES = [
    Mistake("missing closing quote",
            lambda r: edit(r, CARDS, 'title: "First day"', 'title: "First day'),
            CARDS, 'title: "First day', ("never ends with `\"`", 'title: "First day"')),
    Mistake("apostrophe in single quotes",
            lambda r: edit(r, CARDS, 'title: "First day"', "title: 'Jordan's goodbye'"),
            CARDS, "Jordan's", ("`Jordan's`", "ends the text early", "double quotes",
                                "title: \"Jordan's goodbye\"")),
    Mistake("quotes inside quotes",
            lambda r: edit(r, CARDS, '"Someone at school asked me to sit with them."',
                           '"My friend said "good luck" and left."'),
            CARDS, "good luck", ("`good luck`", "quotes inside quotes", "single quotes",
                                 "'good luck'")),
    Mistake("Word's non-breaking spaces",
            lambda r: edit(r, CARDS, '  discuss: "What would help Alex',
                           '\u00a0\u00a0discuss: "What would help Alex'),
            CARDS, "What would help Alex", ("non-breaking space", "invisible", "space bar")),
    Mistake("a Word bullet",
            lambda r: edit(r, CARDS, '    - label: "Go straight', '    • label: "Go straight'),
            CARDS, "Go straight", ("`•` bullet", "hyphen `-`", "Notepad",
                                   "TextEdit with Edit > Substitutions > Smart Dashes")),
    Mistake("an en dash in -1",
            lambda r: edit(r, CARDS, "effects: {heard: -1}", "effects: {heard: \u20131}"),
            CARDS, "heard: \u20131", ("en dash", "minus", "`-1`", "in TextEdit, first turn off "
                                       "Edit > Substitutions > Smart Dashes")),
    Mistake("RTF saved as .yaml",
            lambda r: (r / CARDS).write_text(RTF, encoding="utf-8"),
            CARDS, "rtf1", ("RTF", "plain text", "Make Plain Text")),
    Mistake("stat: for stats:",
            lambda r: edit(r, "deck.yaml", "stats:  ", "stat:   "),
            "deck.yaml", "stat: ", ("`stat`", "Did you mean `stats`?")),
    Mistake("start above max",
            lambda r: edit(r, "deck.yaml", 'Trust in adults", start: 2',
                           'Trust in adults", start: 7'),
            "deck.yaml", "start: 7", ("`start` (7)", "`max` (5)", "from 0 to 5")),
    Mistake("empty deck.yaml",
            lambda r: (r / "deck.yaml").write_text("", encoding="utf-8"),
            "deck.yaml", None, ("deck.yaml is empty", "undo", "cardsdealt new")),
    Mistake("text: on a classic card",
            lambda r: edit(r, CARDS, 'statement: "I\'d like to see my sister every week."',
                           'text: "I\'d like to see my sister every week."'),
            CARDS, "text: \"I'd like to see", ("`statement:`", "not `text:`", "Rename"),
            mode="classic"),
    Mistake("a language word in a card",
            lambda r: edit(r, "deck.yaml", "cards: cards/",
                           'cards: cards/\nlint:\n  language:\n    "sit with": "join"'),
            CARDS, "sit with them", ('"sit with"', "join"), severity="warning"),
    Mistake("a language word in deck.yaml",
            lambda r: edit(r, "deck.yaml", "cards: cards/",
                           'cards: cards/\nlint:\n  language:\n    "game starts": "we begin"'),
            "deck.yaml", "before the game starts", ('"game starts"', "we begin"),
            severity="warning"),
    Mistake("cards that next each other for ever", _loop,
            CARDS, "- id: first-day", ("round for ever", "`first-day` → `new-friend`",
                                       "once: true")),
    Mistake("Notepad's .yaml.txt",
            lambda r: (r / "cards/4-extra.yaml.txt").write_text(
                (r / CARDS).read_text(encoding="utf-8").replace("id: ", "id: x-"),
                encoding="utf-8"),
            "cards/4-extra.yaml.txt", None, ("`.txt`", "Rename it to `4-extra.yaml`",
                                             "File name extensions")),
    Mistake(".yml.txt",
            lambda r: (r / "cards/more.yml.txt").write_text("- id: x\n", encoding="utf-8"),
            "cards/more.yml.txt", None, ("`.txt`", "Rename it to `more.yml`")),
    Mistake("TextEdit's .yaml.rtf",
            lambda r: (r / "cards/more.yaml.rtf").write_text(RTF, encoding="utf-8"),
            "cards/more.yaml.rtf", None, ("`.rtf`", "Rename it to `more.yaml`",
                                          "Make Plain Text")),
    Mistake("deck.yaml.txt",
            lambda r: (r / "deck.yaml").rename(r / "deck.yaml.txt"),
            "", None, ("`deck.yaml.txt`", "Rename `deck.yaml.txt` to `deck.yaml`")),
    Mistake("chose() of a choice the card does not have",
            lambda r: edit(r, "deck.yaml", 'when: "trust <= 1"',
                           "when: \"chose('first-day', 3)\""),
            "deck.yaml", "chose('first-day', 3)", ("choice 3", "`first-day`", "2 choices",
                                                   "from 1 to 2")),
    Mistake("classic number 13",
            lambda r: edit(r, CARDS, "number: 2\n", "number: 13\n"),
            CARDS, "number: 13", ("13", "from 1 to 12"), mode="classic"),
    Mistake("too few cards to deal", _more_cards,
            "deck.yaml", "hand_size: 3", ("with 3 players", "10 classic cards", "has 8"),
            mode="classic", severity="warning"),
]


STARTER = ("still has example words", "is still the example")  # test_new.py tests these


def _starter_advice(text: str) -> bool:
    return any(s in text for s in STARTER)


def _problems(root: Path):
    deck, problems = check_deck(root)
    if deck is not None:
        problems = problems + [p for p in advise(deck) if not _starter_advice(p.message)]
    return problems


@pytest.mark.parametrize("m", MISTAKES, ids=lambda m: m.name)
def test_one_message_at_the_mistake(tmp_path, m: Mistake, capsys):
    root = new_deck(tmp_path / "our-deck", m.mode)
    assert _problems(root) == [], "the starting deck must check clean"
    needle_line = None
    m.make(root)
    if m.needle is not None:
        needle_line = line_of(root, m.file, m.needle)
    (p,) = _problems(root)  # exactly one message
    assert p.severity == m.severity
    assert p.file == (m.file or str(root))
    if needle_line is not None:
        assert p.line == needle_line, p.format()
    said = p.message + " " + p.hint
    for w in m.words:
        assert w in said, (w, p.format())
    # the command line says it too, once, and never with a traceback
    code = main(["check", str(root)])
    out = capsys.readouterr()
    assert code == (1 if m.severity == "error" else 0)
    assert "Traceback" not in out.out + out.err
    said = [ln for ln in out.out.splitlines() if not _starter_advice(ln)]
    assert len(re.findall(r": (?:error|warning): ", "\n".join(said))) == 1


def test_check_pointed_at_a_card_file_checks_its_deck(tmp_path, capsys):
    root = new_deck(tmp_path / "our-deck")
    edit(root, CARDS, 'title: "First day"', 'title: "First day')
    code = main(["check", str(root / CARDS)])
    out = capsys.readouterr().out
    assert code == 1
    assert f"{root / CARDS} is a file of the deck in {root}: checking that whole deck." in out
    assert "does not exist" not in out
    assert len(re.findall(r": error: ", out)) == 1
    # and the deck layer itself (play, print) says what it is and what to type
    (p,) = check_deck(root / CARDS)[1]
    assert "this is a card file, not a deck folder" in p.message
    assert f"cardsdealt check {root}" in p.hint


def test_an_empty_card_file_is_not_told_to_delete_deck_yaml(tmp_path):
    root = new_deck(tmp_path / "our-deck")
    (root / "cards/more.yaml").write_text("", encoding="utf-8")
    (p,) = _problems(root)
    assert p.file == "cards/more.yaml" and "card file is empty" in p.message


def test_a_bullet_inside_a_block_of_text_further_down_is_not_blamed(tmp_path):
    """A `•` inside `introduction: |` is text; the slip above it is what is reported."""
    root = new_deck(tmp_path / "our-deck")
    edit(root, "deck.yaml", "  in your own words. It is read aloud.",
         "  in your own words. It is read aloud.\n  • one\n  • two")
    edit(root, CARDS, 'title: "First day"', 'title: "First day')
    (p,) = _problems(root)
    assert p.file == CARDS and "never ends" in p.message


def test_check_run_lists_every_deck(tmp_path):
    """run_check on two decks: one clean, one mistake; the mistake is counted once."""
    import io

    good = new_deck(tmp_path / "good")
    bad = new_deck(tmp_path / "bad")
    edit(bad, "deck.yaml", "stats:  ", "stat:   ")
    out = io.StringIO()
    assert run_check([good, bad], strict=False, out=out) == 1
    assert f"{bad}: 1 problem to fix." in out.getvalue()
    assert f"{good}: OK" in out.getvalue()

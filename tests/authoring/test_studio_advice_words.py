"""The studio never shows a YAML key (issue 18): check's advice on a studio field is in the
studio's own words. Every kind of problem the studio can meet on a field is provoked here:
through the studio's own forms (empty, too long, a word young people ask us not to use, a
picture missing or small, a meter no choice changes, a part of the story with no cards, a
condition naming something not there, numbers out of range) and in decks written by hand and
then opened in the studio (the mistakes corpus). No advice may hold a backtick, a deck-format
key written as `key:`, a file name, or a line number; and each still says what to do."""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pytest

from cardsdealt.authoring.new import new_deck
from cardsdealt.authoring.studio import StudioDeck, StudioError
from cardsdealt.authoring.studio.advice import all_advice, words
from cardsdealt.deck import fields as F
from cardsdealt.deck.problems import Problem
from cardsdealt.session.decks import read_deck_files

sys.path.insert(0, str(Path(__file__).parent))
from test_mistakes_corpus import MISTAKES  # noqa: E402
from test_studio_doc import _hand_deck, _journey_deck, _table_deck  # noqa: E402

KEYS = sorted({k for table in (F.DECK, F.STAT, F.STAGE, F.CARD, F.CHOICE, F.REFLECTION,
                               F.ENDING, F.SUPPORT, F.CLASSIC, F.PLAYERS) for k in table})
YAML_KEY = re.compile(r"\b(" + "|".join(map(re.escape, KEYS)) + r"):")
FILE_NAME = re.compile(r"[\w.-]+\.(yaml|yml|txt|rtf)\b|\bdeck\.yaml\b", re.IGNORECASE)
LINE = re.compile(r"\blines? \d+")
# what to do: every piece of advice has one of these
DO = re.compile(r"\b(add|change|choose|write|use|give|draw|bring|shorten|keep|move|rename|"
                r"delete|remove|lower|raise|try|type|fill|make|open|put|save|ask|say|pick|"
                r"leave|turn|set|find|fix|scan|that is fine|needs filling in)\b", re.IGNORECASE)


def _png(w: int, h: int) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (w, h), (200, 120, 90)).save(out, "PNG")
    return out.getvalue()


def _first(doc: StudioDeck, n: int = 0) -> str:
    return doc.cards()[n].id


# one mistake each, on a deck made in the studio that checks clean (a deck with an error does
# not load, so lint's advice is only seen on a deck without one)
JOURNEY_MISTAKES = {
    "too long to fit": lambda d: d.set_card(_first(d), "text", "It goes on and on. " * 40),
    "long title": lambda d: d.set_card(_first(d), "title", "A card name much too long " * 3),
    "a word to avoid": lambda d: d.set_card(_first(d), "text", "My placement is far away."),
    "a word in a choice": lambda d: d.set_choice(_first(d), 0, "response", "I absconded."),
    "a word in the deck": lambda d: d.set_deck("introduction", "Contact is on Tuesdays."),
    "a word in an ending": lambda d: d.set_ending(0, "text", "My LAC review went fine."),
    "picture not there": lambda d: d.set_card(_first(d, 1), "image", "images/gone.png"),
    "small picture": lambda d: d.set_card(_first(d, 1), "image",
                                          d.add_picture("small", _png(120, 90))),
    "no such card": lambda d: d.set_card(_first(d, 3), "requires", 'seen("no-such-card")'),
    "no such meter": lambda d: d.set_card(_first(d, 3), "requires", "feeling_safe >= 2"),
    "no such choice": lambda d: d.set_reflection(0, "when", 'chose("first-night", 4)'),
    "a choice that changes nothing": lambda d: (
        d.set_choice(_first(d, 4), 1, "effects", {}),
        d.set_choice(_first(d, 4), 1, "response", "")),
    "a part with no cards": lambda d: d.add_stage("Moving on"),
    "a meter no choice changes": lambda d: d.add_meter("Feeling heard"),
    "a meter no condition reads": lambda d: d.set_reflection(0, "when", "has_a_plan"),
    "start outside the meter": lambda d: d.set_meter(0, "start", 9),
    "lowest above highest": lambda d: d.set_meter(0, "min", 7),
    "an empty card": lambda d: d.add_card("journey"),
    "talking time too short": lambda d: d.set_deck("discussion_seconds", 5),
    "no names": lambda d: d.set_deck("authors", []),
}
TABLE_MISTAKES = {
    "number too big": lambda d: d.set_card(_first(d), "number", 13),
    "long statement": lambda d: d.set_card(_first(d, 1), "statement",
                                           "My social worker says it might end. " * 4),
    "a word in a question": lambda d: d.set_card(_first(d, 2), "discuss", "Contact?"),
    "hand too big": lambda d: d.set_deck("classic.hand_size", 5),
}
HAND_MISTAKES = {
    "a flag not declared": lambda d: d.set_card("friend", "requires", "has_friend"),
    "a meter not there": lambda d: d.set_ending(0, "when", "heard >= 3"),
}


def _advice_from_studio_edits() -> list[tuple[str, str, str]]:
    out = []
    for make, mistakes in ((_journey_deck, JOURNEY_MISTAKES), (_table_deck, TABLE_MISTAKES),
                           (lambda: StudioDeck.from_files(_hand_deck()), HAND_MISTAKES)):
        for name, spoil in mistakes.items():
            doc = make()
            spoil(doc)
            for path, ws in all_advice(doc).items():
                out += [(name, path, w) for w in ws]
    return out


def _advice_from_hand_edited_mistakes(tmp_path: Path) -> list[tuple[str, str, str]]:
    out = []
    for m in MISTAKES:
        root = new_deck(tmp_path / m.name.replace(" ", "-").replace("'", ""), m.mode)
        m.make(root)
        try:
            doc = StudioDeck.from_files(read_deck_files(root))
        except StudioError:
            continue  # not opened at all: one message, before any field is shown
        for path, ws in all_advice(doc).items():
            out += [(m.name, path, w) for w in ws]
    return out


def _bad(w: str) -> list[str]:
    found = []
    if "`" in w:
        found.append("a backtick")
    found += [f"the key {m.group(0)!r}" for m in YAML_KEY.finditer(w)]
    found += [f"the file name {m.group(0)!r}" for m in FILE_NAME.finditer(w)]
    found += [f"{m.group(0)!r}" for m in LINE.finditer(w)]
    if not DO.search(w):
        found.append("nothing to do")
    return found


def test_advice_on_studio_fields_is_in_studio_words(tmp_path):
    shown = _advice_from_studio_edits() + _advice_from_hand_edited_mistakes(tmp_path)
    kinds = {w.split(":")[0][:25] for _n, _p, w in shown}
    assert len(kinds) >= 20, kinds  # the provocations reach many kinds of problem
    bad = [f"{name} / {path}: {w}\n    ({', '.join(_bad(w))})"
           for name, path, w in shown if _bad(w)]
    assert not bad, "\n".join(bad)


def test_advice_about_the_deck_as_a_whole_goes_on_the_part_it_is_about():
    doc = _journey_deck()
    doc.add_stage("Moving on")
    doc.add_meter("Feeling heard")
    doc.set_ending(0, "text", "My LAC review went fine.")
    every = all_advice(doc)
    assert any("“Moving on” has no cards" in w for w in every["stage:2"])
    assert any("“Feeling heard”" in w for w in every["meter:1"])
    assert any("\"LAC\"" in w for w in every["ending:0.text"])
    cid = doc.add_card("journey")  # a card with no name yet: its choices change nothing
    said = all_advice(doc)[f"card:{cid}.choice:0"]
    assert "Choice 1 of this card changes nothing" in " ".join(said)


@pytest.mark.parametrize("message, hint, must", [
    ("the card `first-night` has no picture",
     "Add `image: images/<name>.png`: drawings make cards memorable.", "picture"),
    ("`stat` is not a field of deck.yaml. Did you mean `stats`?",
     "Change `stat:` to `stats:`.", "meters"),
    ("the stage `settling` has no cards",
     "Write cards with `stage: settling`, or remove the stage from deck.yaml.",
     "part of the story"),
])
def test_checks_own_words_become_the_studios(message, hint, must):
    said = words(Problem("deck.yaml", 12, 1, message, hint, "warning"))
    assert not _bad(said), said
    assert must in said.lower()


if __name__ == "__main__":  # print every piece of advice the provocations reach
    import tempfile

    with tempfile.TemporaryDirectory() as t:
        for n, p, w in _advice_from_studio_edits() + _advice_from_hand_edited_mistakes(Path(t)):
            print(f"{'BAD ' if _bad(w) else 'ok  '}[{n}] {p}: {w}")

"""Honest voices: every deck says who wrote it, and nothing the program shows, prints or
records claims young people's authorship or lived experience that the deck's credits don't
declare. The original paper game and Bright Spots are credited in the README and at the end.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from decktexts import deck_texts

from cardsdealt.deck import check_deck, load_deck
from cardsdealt.deck import credits as C
from cardsdealt.engine import Game

ROOT = Path(__file__).resolve().parent.parent
DECKS = ROOT / "decks"
SHIPPED = sorted(p.parent for p in DECKS.glob("*/deck.yaml"))
IDS = [p.name for p in SHIPPED]
EXAMPLE = DECKS / "example"

# The original game and the programme every shipped deck must credit, as inspiration.
MUST_CREDIT = ("The Cards You're Dealt", "Young Voices Influencing Care", "Hull City Council",
               "Bright Spots", "Coram Voice")


def _flat(text: str) -> str:
    return " ".join(text.split())


def _deck_texts(deck, root: Path):
    """Every text of the deck (tests/decktexts.py), and its README."""
    yield from deck_texts(deck)
    readme = root / "README.md"
    if readme.is_file():
        yield "README.md", readme.read_text("utf-8")


# --- the decks ---------------------------------------------------------------------------

@pytest.mark.parametrize("root", SHIPPED, ids=IDS)
def test_every_shipped_deck_says_who_wrote_it(root):
    deck = load_deck(root)
    assert deck.written_by_declared and deck.written_by in ("contributors", "young-people",
                                                            "co-produced")
    assert deck.authors


@pytest.mark.parametrize("root", SHIPPED, ids=IDS)
def test_no_shipped_deck_claims_an_authorship_its_credits_do_not_declare(root):
    deck = load_deck(root)
    if deck.written_by != "contributors":
        pytest.skip("young people wrote (or co-wrote) this deck: it may speak as them")
    found = [f"{where}: {claim!r}" for where, text in _deck_texts(deck, root)
             for claim in C.claims(text or "")]
    assert not found, "\n".join(found)


@pytest.mark.parametrize("root", [r for r in SHIPPED if r.name != "example"],
                         ids=[i for i in IDS if i != "example"])
def test_shipped_decks_credit_the_paper_game_and_bright_spots_in_the_deck_and_intro(root):
    deck = load_deck(root)
    credits = " ".join(deck.inspired_by)
    assert all(name in credits for name in MUST_CREDIT), credits
    intro = _flat(deck.introduction)
    assert "The Cards You're Dealt" in intro and "Bright Spots" in intro
    assert "independent" in intro


@pytest.mark.parametrize("root", SHIPPED, ids=IDS)
def test_every_credited_line_is_in_the_readme_and_on_the_end_screen(root):
    from cardsdealt.ui.terminal.render import support_lines

    deck = load_deck(root)
    readme = _flat((ROOT / "README.md").read_text("utf-8"))
    end = _flat(" ".join(support_lines(deck)))
    for line in C.inspired_lines(deck):
        assert _flat(line) in readme, f"README.md is missing: {line}"
        assert _flat(line) in end, f"the end screen is missing: {line}"
    assert _flat(C.written_by(deck)) in end
    assert C.INDEPENDENT in end and C.PRIVACY in end


def test_the_readme_says_this_is_an_independent_version():
    readme = _flat((ROOT / "README.md").read_text("utf-8"))
    assert "independent digital version" in readme
    for blanket in ("designed by care-experienced", "care-experienced young people designed",
                    "happened to us", "young people's own message"):
        assert blanket not in readme


# --- the program: no blanket claim anywhere -----------------------------------------------

def test_no_screen_record_or_certificate_hard_codes_a_claim():
    """Screens, printouts, records and certificates take their words about authorship from
    cardsdealt.deck.credits (what the deck declares); nothing else may say it."""
    found = []
    for path in sorted((ROOT / "cardsdealt").rglob("*.py")):
        if path.name == "credits.py":
            continue
        text = path.read_text("utf-8")
        for pattern in (C.CLAIMS, re.compile(r"What we want you to know"),
                        re.compile(r"designed by care[- ]experienced", re.I)):
            found += [f"{path.relative_to(ROOT)}: {m.group(0)!r}"
                      for m in pattern.finditer(text)]
    assert not found, "\n".join(found)


def test_the_voice_heading_follows_who_wrote_the_deck():
    deck = load_deck(DECKS / "kais-journey")
    assert C.voice_heading(deck) == "Seen from the child's side"
    young = dataclasses.replace(deck, written_by="young-people", written_by_declared=True)
    assert C.voice_heading(young) == "What we want you to know"
    both = dataclasses.replace(deck, written_by="co-produced", made_with=("Our Council",))
    assert "young people" in C.voice_heading(both)
    assert C.written_by(young).startswith("Written by young people")
    assert "together with young people, with Our Council" in C.written_by(both)
    assert "not young people's" in C.written_by(deck)


def test_a_deck_that_names_nobody_is_never_given_a_made_up_author():
    # the studio's new deck has no names until the group types them; the credit must not
    # read "Written by young people: its authors." (an author that is a phrase)
    deck = load_deck(DECKS / "kais-journey")
    for kind, expected in (("young-people", "Written by young people."),
                           ("co-produced", "Written together with young people."),
                           ("contributors", "Written by the deck's authors.")):
        nobody = dataclasses.replace(deck, written_by=kind, authors=(), made_with=())
        assert C.written_by(nobody).startswith(expected), C.written_by(nobody)
        assert "its authors" not in C.written_by(nobody)


def test_the_terminal_shows_the_decks_own_heading_and_credit(capsys):
    from cardsdealt.ui.terminal.render import opening

    deck = load_deck(DECKS / "kais-journey")
    game = Game.new(deck, seed=3)
    lines = opening(deck, game)
    assert C.written_by(deck) in lines
    from cardsdealt.ui.terminal.render import _response

    card = next(c for c in deck.cards if c.voice)
    out = _response({"card": card.id, "text": "ok"}, game)
    assert out[-1].startswith("Seen from the child's side: ")


# --- the deck format ----------------------------------------------------------------------

def test_the_loader_reads_who_wrote_the_deck(deck_files):
    root = deck_files(edit=lambda t: t.replace(
        "written_by: contributors", "written_by: co-produced\nmade_with: [\"Our Council\"]")).root
    deck = load_deck(root)
    assert (deck.written_by, deck.written_by_declared, deck.made_with) == \
        ("co-produced", True, ("Our Council",))
    assert deck.inspired_by  # the example credits the paper game


def test_a_deck_without_written_by_still_loads_as_contributors_and_check_advises(deck_files):
    from cardsdealt.authoring.lint import advise

    root = deck_files(edit=lambda t: t.replace("written_by: contributors\n", "")).root
    deck = load_deck(root)
    assert deck.written_by == "contributors" and not deck.written_by_declared
    advice = [p.message for p in advise(deck, reachability=False)]
    assert any("does not say who wrote the words" in m for m in advice)


def test_an_unknown_written_by_is_one_clear_error(deck_files):
    root = deck_files(edit=lambda t: t.replace("written_by: contributors",
                                                       "written_by: young_people")).root
    deck, problems = check_deck(root)
    errors = [p for p in problems if p.severity == "error"]
    assert deck is None and len(errors) == 1
    assert "young_people" in errors[0].message and "young-people" in errors[0].format()


@pytest.mark.parametrize("claim", ["We know, because it happened to us.",
                                   "These are the young people's own words.",
                                   "This game was designed by care-experienced young people.",
                                   "In our own words, this is what care felt like."])
def test_check_advises_when_a_contributors_deck_claims_young_peoples_words(deck_files, claim):
    from cardsdealt.authoring.lint import advise

    root = deck_files(edit=lambda t: t.replace(
        "introduction: |\n", f"introduction: |\n  {claim}\n")).root
    deck = load_deck(root)
    advice = [p for p in advise(deck, reachability=False) if "young people's own" in p.message]
    assert advice and advice[0].file == "deck.yaml"
    young = dataclasses.replace(deck, written_by="young-people", written_by_declared=True)
    assert not [p for p in advise(young, reachability=False)
                if "young people's own" in p.message]


def test_the_schema_knows_who_can_write_a_deck():
    from cardsdealt.deck.schema import deck_schema

    props = deck_schema()["properties"]
    assert props["written_by"]["enum"] == ["contributors", "young-people", "co-produced"]
    assert props["made_with"]["type"] == "array" and props["inspired_by"]["type"] == "array"
    assert "written_by" not in deck_schema()["required"]


def test_docs_describe_the_provenance_fields():
    doc = (ROOT / "docs" / "deck-format.md").read_text("utf-8")
    for name in ("`written_by`", "`made_with`", "`inspired_by`", "`statutory:"):
        assert name in doc


# --- records and certificates ----------------------------------------------------------------

def _record(store, deck) -> str:
    from cardsdealt.session import export_record

    game = Game.new(deck, seed=5)
    session = store.start(deck, game, kind="solo")
    while not game.finished:
        if game.pending_reflection is not None:
            game.reflect("A reflection about an invented child.")
        else:
            game.choose(0)
        session.save(game)
    return export_record(store, session.id, deck=deck).markdown.read_text("utf-8")


def test_the_record_says_what_the_deck_declares_and_never_more(store):
    deck = load_deck(DECKS / "kais-journey")
    md = _flat(_record(store, deck).replace("\\", ""))
    assert not C.claims(md) and "care-experienced young people" not in md
    assert _flat(C.written_by(deck)) in md
    for line in C.inspired_lines(deck):
        assert _flat(line) in md
    assert "Never write a real child's name" in md
    assert "Feeling safe" not in md  # Bright Spots has four areas


def test_a_young_peoples_deck_is_credited_as_theirs_on_the_record(store):
    deck = dataclasses.replace(load_deck(DECKS / "kais-journey"), written_by="young-people",
                               written_by_declared=True, authors=("Hillside Youth Voice",))
    md = _flat(_record(store, deck).replace("\\", ""))
    assert "Written by young people: Hillside Youth Voice." in md


def test_the_certificate_says_what_the_deck_declares():
    from cardsdealt.session.certificate import certificate_pdf, facts_from_game

    deck = load_deck(DECKS / "cards-youre-dealt")
    game = Game.new(deck, mode="classic", seed=4, players=2)
    facts = facts_from_game(game)
    assert list(facts.credits) == C.credit_lines(deck)
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    pdf = certificate_pdf(facts)
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True,
                          check=True).stdout.decode("utf-8")
    flat = _flat(text)
    assert "care-experienced" not in flat and not C.claims(flat)
    assert "The words are the authors' own, not young people's." in flat
    assert "Young Voices Influencing Care" in flat and "independent digital version" in flat

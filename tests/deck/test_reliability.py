"""Issue 20, deck side: nothing a deck or a damaged picture can hold crashes `check` or play.

Each test is built from one reproduction of the attack on main (7e00004): a `\\0` escape in a
title, numbers of thousands of digits, brackets nested 140 deep, unplayable decks that passed
`check`, and pictures whose header lies. Each is refused with one message that says where.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from fakefiles import late_size_jpeg as _jpeg
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cardsdealt.authoring.check import run_check
from cardsdealt.deck import check_deck, conditions
from cardsdealt.deck import images as deck_images
from cardsdealt.deck.conditions import ConditionError, compile_condition
from cardsdealt.deck.safetext import CONTROL

J = "cards/journey.yaml"
C = "cards/classic.yaml"
EXAMPLE = Path(__file__).resolve().parents[2] / "decks" / "example"


def _checked(root) -> tuple[int, str]:
    out = io.StringIO()
    code = run_check([root], strict=False, out=out)
    return code, out.getvalue()


# -- 1. control characters in deck text ----------------------------------------------------

@pytest.mark.parametrize("escape", ["\\0", "\\e", "\\a", "\\x1b", "\\u0007", "\\r", "\\x9b",
                                    "\\b"])
def test_control_character_escape_in_text_is_refused_with_where(deck_copy, escape):
    deck_copy.edit("deck.yaml", 'title: "Sam\'s First Week"', f'title: "Sam{escape}s First Week"')
    p = deck_copy.only_problem("control character")
    line = deck_copy.line_of("deck.yaml", "title:")
    text = (deck_copy.root / "deck.yaml").read_text().splitlines()[line - 1]
    assert (p.file, p.line, p.column) == ("deck.yaml", line, text.index("\\") + 1)
    assert "\0" not in p.message and "\x1b" not in p.message
    assert "backslash" in p.hint


def test_control_character_in_a_card_is_refused_by_check(deck_copy):
    deck_copy.edit(J, '  text: "Can I ring my brother?', '  text: "Can I ring\\0 my brother?')
    code, out = _checked(deck_copy.root)
    assert code == 1
    assert f"{J}:{deck_copy.line_of(J, 'Can I ring')}:" in out
    assert "control character" in out and "\0" not in out


def test_control_character_in_a_field_name_is_refused(deck_copy):
    deck_copy.edit(J, '  discuss: "Who decides', '  "dis\\0cuss": "Who decides')
    deck, problems = deck_copy.problems()
    assert deck is None
    assert any("control character" in p.message for p in problems)
    assert all("\0" not in p.format() for p in problems)


def test_tabs_and_new_lines_in_text_are_still_fine(deck_copy):
    deck_copy.edit("deck.yaml", 'title: "Sam\'s First Week"', 'title: "Sam\'s\\tFirst\\nWeek"')
    deck, problems = deck_copy.problems()
    assert deck is not None and problems == []


def test_print_of_a_deck_with_a_nul_says_so_without_a_traceback(deck_copy, tmp_path, capsys):
    from cardsdealt.cli import main

    deck_copy.edit("deck.yaml", 'title: "Sam\'s First Week"', 'title: "Sam\\0s First Week"')
    assert main(["print", str(deck_copy.root), "-o", str(tmp_path / "cards.pdf")]) == 1
    out = capsys.readouterr()
    assert "control character" in out.out + out.err
    assert not (tmp_path / "cards.pdf").exists()


# -- 7. numbers of thousands of digits -----------------------------------------------------

HUGE = "9" * 4400


@pytest.mark.parametrize("rel, old, new", [
    (C, "  number: 1\n", f"  number: {HUGE}\n"),
    (J, "effects: {trust: +1, heard: +1}", f"effects: {{trust: {HUGE}, heard: +1}}"),
    ("deck.yaml", "discussion_seconds: 90", f"discussion_seconds: {HUGE}"),
    ("deck.yaml", "format: 1", f"format: {HUGE}"),
    ("deck.yaml", "    start: 2\n", f"    start: {HUGE}\n"),
    ("deck.yaml", "draws: 2", f"draws: {HUGE}"),
    (J, "  weight: 2", f"  weight: {HUGE}.5"),
])
def test_a_number_of_4400_digits_is_one_message(deck_copy, rel, old, new):
    deck_copy.edit(rel, old, new)
    p = deck_copy.only_problem("digits")
    assert p.file == rel and p.line == deck_copy.line_of(rel, HUGE[:50])
    assert HUGE not in p.message


def test_a_long_number_written_as_text_is_called_a_number(deck_copy):
    deck_copy.edit(J, '  title: "My room"', f"  title: {HUGE}")
    p = deck_copy.only_problem("would be read as a number")
    assert HUGE not in p.message


# -- 8. nested brackets in conditions ------------------------------------------------------

def _nested(test: str, depth: int) -> str:
    return "(" * depth + test + ")" * depth


@pytest.mark.parametrize("rel, old, new", [
    (J, 'requires: "knows_where_brother_is"',
     'requires: "' + _nested("knows_where_brother_is", 140) + '"'),
    ("deck.yaml", 'when: "trust <= 1"', 'when: "' + _nested("trust <= 1", 140) + '"'),
    ("deck.yaml", 'when: "trust >= 3 and heard >= 3"',
     'when: "' + _nested("trust >= 3", 140) + '"'),
    ("deck.yaml", 'until: "trust >= 5"', 'until: "' + _nested("trust >= 5", 140) + '"'),
])
def test_brackets_140_deep_are_one_message_everywhere_conditions_are(deck_copy, rel, old, new):
    deck_copy.edit(rel, old, new)
    p = deck_copy.only_problem("brackets")
    assert p.file == rel and p.line == deck_copy.line_of(rel, "((((")
    assert "nested" in p.message


@pytest.mark.parametrize("text", [_nested("trust >= 1", 240), "not " * 120 + "told",
                                  "(not " * 80 + "told" + ")" * 80])
def test_deep_conditions_never_reach_the_recursion_limit(text):
    with pytest.raises(ConditionError) as e:
        compile_condition(text, stats={"trust"}, flags={"told"})
    assert "nested" in e.value.message


def test_nesting_up_to_the_limit_still_works():
    c = compile_condition(_nested("trust >= 1", conditions.MAX_NESTING), stats={"trust"}, flags=())

    class Env:
        stats = {"trust": 2}

    assert c.test(Env()) is True
    with pytest.raises(ConditionError):
        compile_condition(_nested("trust >= 1", conditions.MAX_NESTING + 1), stats={"trust"},
                          flags=())


# -- 12. unplayable decks are refused by check ---------------------------------------------

def test_players_min_above_max_is_refused(deck_copy):
    deck_copy.edit("deck.yaml", "players: {min: 2, max: 2}", "players: {min: 3, max: 2}")
    p = deck_copy.only_problem("`players: min`")
    assert p.line == deck_copy.line_of("deck.yaml", "players:")
    code, out = _checked(deck_copy.root)
    assert code == 1


def test_no_modes_is_refused(deck_copy):
    deck_copy.edit("deck.yaml", "modes: [journey, classic]", "modes: []")
    p = deck_copy.only_problem("`modes`")
    assert p.line == deck_copy.line_of("deck.yaml", "modes:")


@pytest.mark.parametrize("old, new", [
    ('when: "trust >= 3 and heard >= 3"', 'when: \'trust >= 3 and seen("missing")\''),
    ('until: "trust >= 5"', 'until: \'seen("missing")\''),
    ('until: "trust >= 5"', 'until: \'chose("missing", 1)\''),
])
def test_a_missing_card_in_an_ending_or_stage_condition_is_refused(deck_copy, old, new):
    deck_copy.edit("deck.yaml", old, new)
    p = deck_copy.only_problem("`missing`")
    assert p.file == "deck.yaml" and p.line == deck_copy.line_of("deck.yaml", "missing")


def test_a_truncated_png_is_refused(deck_copy):
    png = deck_copy.root / "images/first-night.png"
    png.write_bytes(png.read_bytes()[: png.stat().st_size // 2])
    p = deck_copy.only_problem("first-night.png")
    assert "damaged" in p.message or "cut short" in p.message


def test_a_backslash_in_a_picture_path_says_use_a_slash(deck_copy):
    deck_copy.edit(J, "image: images/first-night.png", "image: 'images\\first-night.png'")
    p = deck_copy.only_problem("\\")
    assert "/" in p.hint and p.line == deck_copy.line_of(J, "images\\first-night")


# -- 6. picture headers read in full, bounded before decoding ------------------------------


def test_jpeg_size_after_the_first_64_kb_is_read(tmp_path):
    p = tmp_path / "late.jpg"
    p.write_bytes(_jpeg(640, 480))
    assert deck_images.image_size(p) == ("jpeg", 640, 480)


def test_a_huge_jpeg_whose_size_hides_past_64_kb_is_refused(deck_copy):
    deck_copy.write("images/big.jpg", _jpeg(60_000, 60_000))
    deck_copy.edit(J, "image: images/first-night.png", "image: images/big.jpg")
    p = deck_copy.only_problem("big.jpg")
    assert "60000x60000" in p.message


def test_a_jpeg_with_no_size_is_refused(deck_copy):
    deck_copy.write("images/nosize.jpg", b"\xff\xd8" + b"\xff\xe1\x00\x10" + b"\0" * 14)
    deck_copy.edit(J, "image: images/first-night.png", "image: images/nosize.jpg")
    p = deck_copy.only_problem("nosize.jpg")
    assert "damaged" in p.message


def test_readable_picture_refuses_what_is_not_png_or_jpeg(tmp_path):
    p = tmp_path / "swapped.png"
    p.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="99999" height="99999"/>')
    with pytest.raises(deck_images.PictureError):
        deck_images.readable_picture(p)


def test_readable_picture_bounds_pixels_before_decoding(tmp_path):
    p = tmp_path / "big.jpg"
    p.write_bytes(_jpeg(60_000, 60_000))
    with pytest.raises(deck_images.PictureError) as e:
        deck_images.readable_picture(p)
    assert "60000x60000" in str(e.value)


def test_readable_picture_gives_the_bytes_it_checked(deck_copy):
    p = deck_copy.root / "images/first-night.png"
    data, kind = deck_images.readable_picture(p)
    assert kind == "png" and data == p.read_bytes()


def test_example_deck_still_checks_clean(deck_copy):
    deck, problems = deck_copy.problems()
    assert deck is not None and problems == []


# -- property: whatever a deck's values hold, the reader answers with problems only --------

_HOSTILE = st.one_of(
    st.text(min_size=1, max_size=30),  # any characters, control ones included
    st.sampled_from(["\\0", "\\e", "\\a", "\\x9b", "\\u0007", "\\r", "\\\\", "\\N", "\\L"]),
    st.integers(1, 6000).map(lambda n: "9" * n),
    st.integers(1, 240).map(lambda n: "(" * n + "trust >= 1" + ")" * n),
)
_PLACES = [("deck.yaml", 'title: "Sam\'s First Week"', 'title: "{}"'),
           ("deck.yaml", 'when: "trust <= 1"', 'when: "{}"'),
           ("deck.yaml", 'until: "trust >= 5"', 'until: "{}"'),
           ("deck.yaml", "discussion_seconds: 90", "discussion_seconds: {}"),
           (J, '  title: "My room"', '  title: "{}"'),
           (J, 'requires: "knows_where_brother_is"', 'requires: "{}"'),
           (C, "  number: 1\n", "  number: {}\n")]


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(place=st.sampled_from(_PLACES), value=st.lists(_HOSTILE, min_size=1, max_size=3))
def test_hostile_values_give_problems_never_exceptions(tmp_path_factory, place, value):
    root = tmp_path_factory.mktemp("deck")
    shutil.copytree(EXAMPLE, root, dirs_exist_ok=True)
    rel, old, new = place
    text = "".join(value).replace('"', '\\"') if '"' in new else "".join(value)
    p = root / rel
    source = p.read_text(encoding="utf-8")
    p.write_text(source.replace(old, new.format(text), 1), encoding="utf-8")
    deck, problems = check_deck(root)  # never raises
    for pr in problems:
        assert pr.file and pr.message and not CONTROL.search(pr.format())
    if deck is not None:  # nothing that loads can crash a screen or a terminal
        texts = [deck.title, *(c.title for c in deck.cards), *(c.words for c in deck.cards)]
        assert not any(CONTROL.search(t) for t in texts)

"""Every kind of mistake an author makes gets one clear message with its file, line and column.

Each test breaks a copy of the example deck in one way and asserts what the author is told.
"""

from pathlib import Path

import pytest

from cardsdealt.deck import DeckError, check_deck, load_deck

J = "cards/journey.yaml"


def test_example_deck_loads_clean(deck_copy):
    deck, problems = deck_copy.problems()
    assert problems == []
    assert deck.id == "example" and len(deck.cards) == 13


def test_misspelt_stat_suggests_the_right_one(deck_copy):
    deck_copy.edit(J, "effects: {trust: +1, heard: +1}", "effects: {trsut: +1, heard: +1}")
    p = deck_copy.only_problem("`trsut` is not a stat")
    assert p.file == J
    line = deck_copy.line_of(J, "trsut")
    text = (deck_copy.root / J).read_text().splitlines()[line - 1]
    assert (p.line, p.column) == (line, text.index("trsut") + 1)
    assert "Did you mean `trust`?" in p.hint


def test_misspelt_field_name(deck_copy):
    deck_copy.edit(J, "  discuss: \"Who decides", "  discus: \"Who decides")
    p = deck_copy.only_problem("`discus` is not a field of a card")
    assert (p.line, p.column) == (deck_copy.line_of(J, "discus:"), 3)
    assert "Did you mean `discuss`?" in p.hint


def test_tab_indentation(deck_copy):
    deck_copy.edit(J, "  title: \"A phone call\"", "\ttitle: \"A phone call\"")
    p = deck_copy.only_problem("a tab is used to indent this line")
    assert p.line == deck_copy.line_of(J, "A phone call")
    assert "spaces" in p.hint


def test_missing_colon(deck_copy):
    deck_copy.edit(J, "  title: \"Which school?\"", "  title \"Which school?\"")
    p = deck_copy.only_problem("a `:` is missing on this line")
    assert p.line == deck_copy.line_of(J, "title \"Which school?\"")


def test_bad_indentation(deck_copy):
    deck_copy.edit(J, "  title: \"My room\"", "    title: \"My room\"")
    deck, problems = deck_copy.problems()
    assert len(problems) == 1, problems
    p = problems[0]
    assert "indented further than the line above" in p.message
    assert (p.line, p.column) == (deck_copy.line_of(J, "My room"), 5)


def test_duplicate_card_id_names_both_lines(deck_copy):
    deck_copy.edit(J, "- id: review", "- id: first-night")
    p = deck_copy.only_problem("two cards have the id `first-night`")
    first = deck_copy.line_of(J, "- id: first-night")
    lines = [i for i, ln in enumerate((deck_copy.root / J).read_text().splitlines(), 1)
             if ln == "- id: first-night"]
    assert lines[0] == first and len(lines) == 2
    assert p.line == lines[1] and f"line {first}" in p.message


def test_duplicate_card_id_across_files(deck_copy):
    deck_copy.edit("cards/classic.yaml", "- id: keys", "- id: review")
    p = deck_copy.only_problem("two cards have the id `review`")
    # card files are read in name order: classic.yaml first, so the journey one is reported
    assert p.file == "cards/journey.yaml"
    line = deck_copy.line_of("cards/classic.yaml", "- id: review")
    assert f"the other is at cards/classic.yaml line {line}" in p.message


def test_duplicate_key_in_one_mapping(deck_copy):
    deck_copy.edit(J, "  title: \"My room\"", "  title: \"My room\"\n  title: \"Room\"")
    p = deck_copy.only_problem("`title` is written twice")
    assert p.line == deck_copy.line_of(J, "title: \"Room\"")
    assert f"first on line {deck_copy.line_of(J, 'My room')}" in p.message


@pytest.mark.parametrize("value, says", [
    ("no", "read as no (true/false)"),
    ("yes", "read as yes (true/false)"),
    ("on", "read as yes (true/false)"),
    ("1:30", "read as the number 90"),
    ("010", "read as the number 8"),
])
def test_yaml_1_1_values_must_be_quoted(deck_copy, value, says):
    deck_copy.edit(J, "  title: \"The meeting\"", f"  title: {value}")
    p = deck_copy.only_problem(f"`{value}` in `title` would be")
    assert says in p.message
    assert p.line == deck_copy.line_of(J, f"title: {value}")
    assert f'"{value}"' in p.hint


def test_next_to_missing_card(deck_copy):
    deck_copy.edit(J, "next: phone-call", "next: phone-cal")
    p = deck_copy.only_problem("`next: phone-cal` points to a card that does not exist")
    assert p.line == deck_copy.line_of(J, "next: phone-cal")
    assert "Did you mean `phone-call`?" in p.hint


def test_condition_syntax_slip_points_at_the_column(deck_copy):
    deck_copy.edit("deck.yaml", 'when: "trust <= 1"', 'when: "trust = 1"')
    p = deck_copy.only_problem("a single `=` is not a comparison")
    line = deck_copy.line_of("deck.yaml", 'when: "trust = 1"')
    text = (deck_copy.root / "deck.yaml").read_text().splitlines()[line - 1]
    assert (p.line, p.column) == (line, text.index("=") + 1)
    assert "`==`" in p.hint


def test_condition_unknown_name(deck_copy):
    deck_copy.edit("deck.yaml", 'when: "trust >= 3 and heard >= 3"',
                   'when: "trust >= 3 and haerd >= 3"')
    p = deck_copy.only_problem("`haerd` is not a stat or flag")
    assert "Did you mean `heard`?" in p.hint


def test_condition_unknown_stage_name(deck_copy):
    deck_copy.edit(J, 'requires: "knows_where_brother_is"',
                   'requires: \'stage == "arriveing"\'')
    p = deck_copy.only_problem('"arriveing" is not a stage')
    assert "Did you mean `arriving`?" in p.hint


@pytest.mark.parametrize("path", ["../deck.yaml", "/etc/passwd", "images/../../x.png",
                                  "C:/Windows/x.png"])
def test_image_path_escaping_the_folder(deck_copy, path):
    deck_copy.edit(J, "image: images/my-room.png", f"image: \"{path}\"")
    p = deck_copy.only_problem("is outside the deck folder")
    assert p.line == deck_copy.line_of(J, path)


def test_image_symlink_escaping_the_folder(deck_copy, tmp_path):
    outside = tmp_path / "secret.png"
    outside.write_bytes((deck_copy.root / "images/my-room.png").read_bytes())
    (deck_copy.root / "images/link.png").symlink_to(outside)
    deck_copy.edit(J, "image: images/my-room.png", "image: images/link.png")
    deck_copy.only_problem("is outside the deck folder")


def test_missing_image_suggests_a_near_name(deck_copy):
    deck_copy.edit(J, "image: images/my-room.png", "image: images/my_room.png")
    p = deck_copy.only_problem("`images/my_room.png` was not found")
    assert "images/my-room.png" in p.hint


def test_image_that_is_not_png_or_jpeg(deck_copy):
    deck_copy.write("images/fake.png", "this is text, not a picture")
    deck_copy.edit(J, "image: images/my-room.png", "image: images/fake.png")
    deck_copy.only_problem("is not a PNG or JPEG image")


def test_image_too_large_is_refused_from_its_header(deck_copy):
    import struct
    import zlib
    ihdr = struct.pack(">IIBBBBB", 60000, 60000, 8, 2, 0, 0, 0)
    png = b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + ihdr + \
        struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
    deck_copy.write("images/huge.png", png)
    deck_copy.edit(J, "image: images/my-room.png", "image: images/huge.png")
    deck_copy.only_problem("60000x60000 pixels, which is too large")


def test_file_not_utf8(deck_copy):
    text = (deck_copy.root / J).read_text(encoding="utf-8")
    data = text.replace("My room", "My r\xf6om").encode("latin-1")
    deck_copy.write(J, data)
    p = deck_copy.only_problem("not saved as UTF-8")
    lines = data.split(b"\n")
    bad = next(i for i, ln in enumerate(lines, 1) if b"\xf6" in ln)
    assert p.line == bad


def test_all_problems_reported_in_one_run(deck_copy):
    deck_copy.edit(J, "effects: {trust: +1, heard: +1}", "effects: {trsut: +1, heard: +1}")
    deck_copy.edit(J, "next: phone-call", "next: nowhere")
    deck_copy.edit("cards/classic.yaml", "theme: home\n  number: 2", "theme: hoem\n  number: 2")
    with pytest.raises(DeckError) as e:
        load_deck(deck_copy.root)
    messages = " | ".join(p.message for p in e.value.problems)
    assert "trsut" in messages and "nowhere" in messages and "hoem" in messages
    assert all(p.line > 0 for p in e.value.problems)


def test_missing_deck_folder_is_a_deck_error(tmp_path):
    deck, problems = check_deck(tmp_path / "nope")
    assert deck is None and "does not exist" in problems[0].message


def test_choice_count(deck_copy):
    text = (deck_copy.root / J).read_text()
    start = text.index("    - label: \"Wait for the meeting to decide\"")
    end = text.index("- id: moving-bedroom")
    deck_copy.write(J, text[:start] + text[end:])
    deck_copy.only_problem("has 1 choice; a card needs 2 to 4")


def test_last_ending_must_be_default(deck_copy):
    deck_copy.edit("deck.yaml", "    title: \"Still waiting\"\n",
                   "    title: \"Still waiting\"\n    when: \"trust < 3\"\n")
    deck_copy.only_problem("the last ending needs to be a default")


def test_start_outside_bounds(deck_copy):
    deck_copy.edit("deck.yaml", "    start: 2\n    min: 0\n    max: 5\n    description",
                   "    start: 7\n    min: 0\n    max: 5\n    description")
    deck_copy.only_problem("`start` (7) must be between")


def test_card_file_as_mapping_not_list(deck_copy):
    deck_copy.write("cards/extra.yaml", "id: lonely\ntitle: Lonely\n")
    p = deck_copy.only_problem("each card starts with `- `")
    assert p.file == "cards/extra.yaml" and p.line == 1


def test_deck_from_newer_format(deck_copy):
    deck_copy.edit("deck.yaml", "format: 1", "format: 2")
    deck_copy.only_problem("only knows format 1")


def test_unknown_tag_prefix_area(deck_copy):
    deck_copy.edit(J, "tags: [bright-spots:relationships, pcf:values-and-ethics]",
                   "tags: [bright-spots:relationship, pcf:values-and-ethics]")
    p = deck_copy.only_problem("`relationship` is not a bright-spots area")
    assert "`relationships`" in p.hint


def test_error_report_is_plain_text_without_traceback(deck_copy, capsys):
    from cardsdealt.cli import main

    deck_copy.edit(J, "next: phone-call", "next: nowhere")
    assert main(["check", str(deck_copy.root)]) == 1
    out = capsys.readouterr().out
    assert "Traceback" not in out
    assert f"{Path(deck_copy.root).as_posix()}/cards/journey.yaml:" in out
    assert "1 problem to fix" in out


def test_unreadable_card_file_gives_one_problem_not_echoes(deck_copy):
    """A card file YAML cannot read hides its cards; a `next:` pointing at one of them must
    not be reported too (as missing, or as 'not a journey card')."""
    deck_copy.write("cards/zz-more.yaml", "- id: later\n  stage: settling\n  title \"x\"\n")
    deck_copy.edit(J, "next: phone-call", "next: later")
    _deck, problems = deck_copy.problems()
    assert [p.file for p in problems] == ["cards/zz-more.yaml"], \
        "\n".join(p.format() for p in problems)

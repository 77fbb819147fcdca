"""Hostile or broken files never hang, crash or build objects: each becomes a deck problem."""

import pytest

from cardsdealt.deck import check_deck

J = "cards/journey.yaml"


def _only_errors(deck_copy):
    deck, problems = deck_copy.problems()
    assert deck is None and problems
    assert all(p.file and p.message for p in problems)
    return problems


def test_python_object_tag_refused(deck_copy):
    deck_copy.edit(J, '  title: "My room"', '  title: !!python/object/apply:os.system ["echo"]')
    problems = _only_errors(deck_copy)
    assert any("tag" in p.message for p in problems)


def test_billion_laughs_is_small_and_refused(deck_copy):
    lol = ["a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
    for i, name in enumerate("bcdefghi"):
        prev = "abcdefghi"[i]
        lol.append(f"{name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},"
                   f"*{prev},*{prev},*{prev}]")
    text = "- id: lol\n  title: lol\n  facilitator_notes: x\n  tags:\n" + \
        "".join(f"    - {line}\n" for line in lol)
    assert len(text) < 1000
    deck_copy.write("cards/lol.yaml", text)
    import time

    t = time.perf_counter()
    problems = _only_errors(deck_copy)
    assert time.perf_counter() - t < 2.0  # expanded, it would be 10**9 strings
    assert all(p.file in ("cards/lol.yaml", "deck.yaml") for p in problems)


def test_alias_refused(deck_copy):
    deck_copy.edit(J, '  title: "My room"', '  title: &t "My room"\n  discuss: *t')
    deck_copy.only_problem("anchors and aliases")


@pytest.mark.parametrize("opener", ["[", "{a: "])
def test_very_deep_nesting_refused_before_libyaml(deck_copy, opener):
    depth = 200_000  # libyaml's composer segfaults near 100,000 levels
    closer = "]" if opener == "[" else "}"
    deck_copy.write("cards/deep.yaml", "- " + opener * depth + closer * depth + "\n")
    p = deck_copy.only_problem("nested far too deeply")
    assert p.file == "cards/deep.yaml"


def test_deep_block_nesting_refused(deck_copy):
    deck_copy.write("cards/deep.yaml", "- " * 5000 + "x\n")
    deck_copy.only_problem("nested far too deeply")


def test_impossible_date_is_just_text_problem(deck_copy):
    deck_copy.edit(J, '  title: "My room"', "  title: 2024-02-30")
    p = deck_copy.only_problem("`2024-02-30` in `title`")
    assert "quotes" in p.hint


def test_nul_filled_file(deck_copy):
    deck_copy.write(J, b"\0" * 4096)
    p = deck_copy.only_problem("not text")
    assert p.file == J


def test_empty_card_file(deck_copy):
    deck_copy.write("cards/empty.yaml", "")
    deck_copy.only_problem("this card file is empty")


def test_two_documents(deck_copy):
    deck_copy.write("cards/two.yaml", "- id: a\n---\n- id: b\n")
    deck_copy.only_problem("more than one `---`")


def test_huge_file_refused_without_reading(deck_copy, monkeypatch):
    from cardsdealt.deck import yamlsource

    monkeypatch.setattr(yamlsource, "MAX_FILE_BYTES", 1000)
    deck_copy.only_problem("this file is too big")


def test_too_many_cards(deck_copy, monkeypatch):
    from cardsdealt.deck import cards

    monkeypatch.setattr(cards, "MAX_CARDS", 5)
    deck_copy.only_problem("more than 5 cards")


def test_unclosed_quote(deck_copy):
    deck_copy.edit(J, '  title: "My room"', '  title: "My room')
    _only_errors(deck_copy)


def test_cards_folder_escape(deck_copy):
    deck_copy.edit("deck.yaml", "cards: cards/", "cards: ../")
    deck_copy.only_problem("was not found inside the deck folder")


def test_card_is_a_list_not_fields(deck_copy):
    deck_copy.write("cards/odd.yaml", "- [a, b]\n")
    p = deck_copy.only_problem("a card should be fields")
    assert p.file == "cards/odd.yaml" and p.line == 1


def test_deck_yaml_is_a_list(tmp_path):
    (tmp_path / "deck.yaml").write_text("- a\n- b\n")
    deck, problems = check_deck(tmp_path)
    assert deck is None and "deck.yaml should be fields" in problems[0].message

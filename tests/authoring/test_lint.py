"""`check` gives advice (warnings) with file and line; `--strict` turns advice into failures."""

from cardsdealt.authoring import reach
from cardsdealt.authoring.lint import advise
from cardsdealt.cli import main
from cardsdealt.deck import check_deck, load_deck
from cardsdealt.engine.simulate import simulate

J = "cards/journey.yaml"


def _advice(deck_copy, contains):
    deck = load_deck(deck_copy.root)
    hits = [p for p in advise(deck) if contains in p.message]
    assert hits, [p.message for p in advise(deck)]
    assert all(p.severity == "warning" and p.line >= 1 for p in hits)
    return hits


def test_language_that_cares(deck_copy):
    deck_copy.edit(J, "Ring his carers now and ask", "Ring his placement now and arrange contact")
    hits = _advice(deck_copy, "is a word many young people ask us not to use")
    words = {h.message.split('"')[1].lower() for h in hits}
    assert {"placement", "contact"} <= words
    assert any("family time" in h.hint for h in hits)
    # at the line (and column) where the word is, not the card's first line
    line = deck_copy.line_of(J, "Ring his placement now")
    assert hits[0].file == J and hits[0].line == line
    text = (deck_copy.root / J).read_text(encoding="utf-8").split("\n")[line - 1]
    assert text[hits[0].column - 1:].startswith("placement")


def test_deck_can_extend_the_language_list(deck_copy):
    deck_copy.edit(J, "My friend Ali is there.", "My friend Ali is there. I'm a care leaver.")
    hits = _advice(deck_copy, '"care leaver"')
    assert "care-experienced" in hits[0].hint


def test_word_inside_another_word_is_fine(deck_copy):
    deck_copy.edit(J, "Ring his carers now and ask", "Ring his carers now, uncontactable or not")
    deck = load_deck(deck_copy.root)
    assert not [p for p in advise(deck) if "contact" in p.message.lower()]


def test_stage_without_cards(deck_copy):
    deck_copy.edit("deck.yaml", "    until: \"trust >= 5\"\n",
                   "    until: \"trust >= 5\"\n  - id: leaving\n")
    _advice(deck_copy, "the stage `leaving` has no cards")


def test_choice_with_no_effect(deck_copy):
    deck_copy.edit(J, """    - label: "Say it's best to wait and see"
      effects: {trust: -1}
      response: "So I'm moving again."
""", """    - label: "Say it's best to wait and see"
""")
    _advice(deck_copy, "choice 2 of `moving-bedroom` changes nothing")


def test_strict_turns_advice_into_failure(deck_copy, capsys):
    assert main(["check", str(deck_copy.root)]) == 0
    assert main(["check", "--strict", str(deck_copy.root)]) == 1
    out = capsys.readouterr().out
    assert "warning:" in out and "problems to fix" in out


def test_words_too_long_for_a_projected_card(deck_copy):
    long_text = " ".join(["I waited and waited and nobody came to tell me anything."] * 12)
    deck_copy.edit(J, 'text: "Can I put my posters up? Or am I not staying long?"',
                   f'text: "{long_text}"')
    hits = _advice(deck_copy, "on a projector, `moving-bedroom` will not fit")
    assert hits[0].line == deck_copy.line_of(J, "- id: moving-bedroom")


def _make_a_loop(deck_copy):
    """`moving-bedroom` and `review` may come again (`once: false`) and every choice of each
    sends the game to the other."""
    deck_copy.edit(J, '  title: "My room"\n', '  title: "My room"\n  once: false\n')
    deck_copy.edit(J, '  title: "The meeting"\n', '  title: "The meeting"\n  once: false\n')
    for response in ('"It looks a bit more like mine now."', '"So I\'m moving again."',
                     '"Over the bed. Where I can see them."'):
        deck_copy.edit(J, f"response: {response}\n", f"response: {response}\n      next: review\n")
    for response in ('"I wrote down three things. They read them all out."',
                     '"They decided everything. Again."'):
        deck_copy.edit(J, f"response: {response}\n",
                       f"response: {response}\n      next: moving-bedroom\n")


def test_cards_that_only_lead_to_each_other_are_an_error(deck_copy):
    """Every choice of both cards has `next` to the other and neither is `once`: the journey
    can never end, so `check` refuses the deck (one error, at the first card's id)."""
    _make_a_loop(deck_copy)
    deck, problems = check_deck(deck_copy.root)
    assert deck is None
    (hit,) = [p for p in problems if p.severity == "error"]
    assert "`moving-bedroom` → `review` → `moving-bedroom`" in hit.message
    assert hit.file == J and hit.line == deck_copy.line_of(J, "- id: moving-bedroom")
    assert "once: true" in hit.hint


def _looping(deck_copy):
    """The looping deck, built past the loader (as a program might): the engine's bound and
    the simulation's report are what stand between it and a journey without end."""
    import dataclasses

    deck = load_deck(deck_copy.root)
    to = {"moving-bedroom": "review", "review": "moving-bedroom"}
    cards = tuple(dataclasses.replace(c, once=False, choices=tuple(
        dataclasses.replace(ch, next=to[c.id]) for ch in c.choices)) if c.id in to else c
        for c in deck.cards)
    return dataclasses.replace(deck, cards=cards)


def test_simulate_names_the_cards_going_round(deck_copy):
    from cardsdealt.ui.terminal.simulate import report_lines

    deck = _looping(deck_copy)
    report = simulate(deck, games=5, seed=1, mode="journey")
    out = "\n".join(report_lines(deck, report))
    assert "5 games did not end" in out
    assert "going round: moving-bedroom -> review -> moving-bedroom" in out
    advice = reach._loops(deck, report, 5)
    assert advice and "kept leading to each other" in advice[0].message


def test_no_loop_advice_for_the_shipped_decks():
    from pathlib import Path

    for name in ("example", "kais-journey"):
        deck = load_deck(Path(__file__).resolve().parents[2] / "decks" / name)
        assert not [p for p in advise(deck) if "leading to each other" in p.message]


def test_stat_advice_points_at_its_line_in_deck_yaml(tmp_path):
    """Advice about a stat is at its name in deck.yaml, not at deck.yaml:1:1."""
    from cardsdealt.authoring.new import new_deck

    root = new_deck(tmp_path / "our-deck")
    text = (root / "deck.yaml").read_text(encoding="utf-8")
    text = text.replace('  heard: {label: "Feeling heard", start: 2, min: 0, max: 5}\n',
                        '  heard: {label: "Feeling heard", start: 2, min: 0, max: 5}\n'
                        '  belonging: {label: "Belonging", start: 1, min: 0, max: 5}\n')
    (root / "deck.yaml").write_text(text, encoding="utf-8")
    lines = text.split("\n")
    advice = {p.message: p for p in advise(load_deck(root))}
    stat = advice["the stat `belonging` is never changed by any choice"]
    assert stat.file == "deck.yaml"
    assert lines[stat.line - 1][stat.column - 1:] == \
        'belonging: {label: "Belonging", start: 1, min: 0, max: 5}'

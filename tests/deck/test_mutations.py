"""Thousands of mutated versions of the shipped decks: the loader only ever reports problems
(never another exception), and every problem says which file and line."""

import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cardsdealt.deck import check_deck

DECKS = Path(__file__).resolve().parents[2] / "decks"
DECK_DIRS = sorted(p for p in DECKS.iterdir() if (p / "deck.yaml").is_file())
FILES = [(d, f) for d in DECK_DIRS for f in sorted(d.rglob("*.yaml"))]
# Characters that matter to YAML and to the loader, plus some that never should.
ALPHABET = list(":-[]{}#&*!|>'\"\t\n ,?%@`\\\x00\x85\u2028") + ["no", "1:30", "010", "\ufeff",
                                                              "../", "!!python/object:x", "&a",
                                                              "*a", "    ", "- "]


@st.composite
def mutation(draw):
    deck, file = draw(st.sampled_from(FILES))
    text = file.read_text(encoding="utf-8")
    edits = draw(st.lists(st.tuples(st.integers(0, max(0, len(text) - 1)),
                                    st.integers(0, 8), st.sampled_from(ALPHABET)),
                          min_size=1, max_size=4))
    for pos, cut, insert in edits:
        text = text[:pos] + insert + text[pos + cut:]
    if draw(st.booleans()):
        lines = text.split("\n")
        i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
        lines[i], lines[j] = lines[j], lines[i]
        text = "\n".join(lines)
    return deck, file, text


@settings(max_examples=2500, deadline=None, suppress_health_check=list(HealthCheck))
@given(m=mutation())
def test_mutated_decks_only_give_deck_problems(tmp_path_factory, m):
    deck_dir, file, text = m
    root = tmp_path_factory.getbasetemp() / f"mut-{deck_dir.name}"
    if not root.exists():
        shutil.copytree(deck_dir, root)
    target = root / file.relative_to(deck_dir)
    original = target.read_bytes()
    try:
        target.write_text(text, encoding="utf-8")
        deck, problems = check_deck(root)  # any other exception fails the test
        for p in problems:
            assert p.file and p.line >= 1 and p.column >= 1, p.format()
            assert p.message
        if deck is None:
            assert problems
    finally:
        target.write_bytes(original)

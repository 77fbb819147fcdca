"""The condition language evaluates as written, and refuses everything else."""

from types import SimpleNamespace

import pytest

from cardsdealt.deck.conditions import ConditionError, compile_condition

NAMES = dict(stats=["trust", "heard"], flags=["told"], stages=["arriving", "school"])


def env(**kw):
    base = dict(stats={"trust": 2, "heard": 3}, flags=set(), stage="arriving", turn=1,
                seen=set(), chosen=set())
    base.update(kw)
    return SimpleNamespace(**base)


@pytest.mark.parametrize("text, e, expected", [
    ("trust <= 2", env(), True),
    ("trust > 2", env(), False),
    ("trust >= 2 and heard >= 3", env(), True),
    ("trust >= 3 or heard >= 3", env(), True),
    ("trust >= 3 or heard >= 4 or told", env(flags={"told"}), True),
    ("not told", env(), True),
    ("not (trust == 2 and told)", env(flags={"told"}), False),
    ('stage == "school"', env(stage="school"), True),
    ('stage != "school"', env(), True),
    ("turn >= 3", env(turn=3), True),
    ('seen("first-night")', env(seen={"first-night"}), True),
    ('chose("first-night", 2)', env(chosen={("first-night", 2)}), True),
    ('chose("first-night", 1)', env(chosen={("first-night", 2)}), False),
    ("true and not false", env(), True),
])
def test_evaluation(text, e, expected):
    assert compile_condition(text, **NAMES)(e) is expected


@pytest.mark.parametrize("text, says", [
    ("__import__('os')", "`__import__(...)` is not something"),
    ("trust.real", "`.` cannot be used"),
    ("open(\"x\")", "`open(...)` is not something"),
    ("trust + 1 > 2", "`+` cannot be used"),
    ("trust", "must be a test that is true or false"),
    ("trust >= ", "stops too early"),
    ("trust >= 2 told", "unexpected `told`"),
    ('stage == "shcool"', '"shcool" is not a stage'),
    ("told >= 1", "compares a true/false value with a number"),
    ("(trust >= 2", "expected `)`"),
    ("", "the condition is empty"),
])
def test_refusals(text, says):
    with pytest.raises(ConditionError) as e:
        compile_condition(text, **NAMES)
    assert says in e.value.message

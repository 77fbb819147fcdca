"""The condition language of `requires`, `when` and `until`: tiny, safe, parsed once at load.

    trust <= 1 and not has_trusted_adult
    stage == "school" or seen("first-night")
    chose("first-night", 2)

Numbers, "text", stat names (whole numbers), flag names (true/false), `stage`, `turn`,
`seen("card-id")`, `chose("card-id", n)`, comparisons, `and`/`or`/`not`, brackets.
There is no `eval`: the text is tokenised and parsed here, type-checked against the deck's
declared names, and compiled into small closures, so evaluation is fast (simulate runs it
millions of times) and nothing else can be reached.
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass
from typing import Any, Callable, Iterable

from cardsdealt.deck.model import Condition
from cardsdealt.deck.problems import did_you_mean

_TOKEN = re.compile(
    r"""\s*(?:
      (?P<num>\d+)
    | (?P<str>"[^"\n]*"|'[^'\n]*')
    | (?P<op><=|>=|==|!=|<|>|\(|\)|,)
    | (?P<name>[A-Za-z_][A-Za-z0-9_-]*)
    | (?P<bad>\S)
    )""",
    re.VERBOSE,
)
_KEYWORDS = {"and", "or", "not", "true", "false"}
_COMPARE = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge,
            "==": operator.eq, "!=": operator.ne}
_FUNCTIONS = {"seen": 1, "chose": 2}
MAX_LENGTH = 500
MAX_NESTING = 24  # brackets and `not`s inside each other; Python's own limit is near 140


class ConditionError(Exception):
    """A slip in a condition. `offset` is the 0-based character where it was noticed."""

    def __init__(self, message: str, offset: int, hint: str = ""):
        super().__init__(message)
        self.message = message
        self.offset = offset
        self.hint = hint


@dataclass(slots=True)
class _Tok:
    kind: str
    text: str
    pos: int


def _tokenise(text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    pos = 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None or m.end() == pos:  # only trailing spaces left
            break
        kind = m.lastgroup
        if kind is None:
            break
        start = m.start(kind)
        tok = m.group(kind)
        if kind == "bad":
            if tok == "=":
                raise ConditionError("a single `=` is not a comparison", start,
                                     "Use `==` to check two things are equal, e.g. `trust == 3`.")
            if tok == '"' or tok == "'":
                raise ConditionError("this text in quotes is never closed", start,
                                     'Put a closing quote at the end, e.g. `stage == "school"`.')
            raise ConditionError(f"`{tok}` cannot be used in a condition", start,
                                 "Conditions use names, numbers, \"text\", comparisons "
                                 "(< <= > >= == !=), and, or, not and brackets.")
        toks.append(_Tok(kind, tok, start))
        pos = m.end()
    toks.append(_Tok("end", "", len(text)))
    return toks


# A compiled node: (type, fn) where type is "bool", "int" or "str" and fn(env) -> value.
_Node = tuple[str, Callable[[object], Any]]


class _Parser:
    def __init__(self, text: str, stats: set[str], flags: set[str], stages: set[str]):
        self.text = text
        self.toks = _tokenise(text)
        self.i = 0
        self.stats, self.flags, self.stages = stats, flags, stages
        self.names: set[str] = set()
        self.cards: set[str] = set()
        self.chosen: set[tuple[str, int]] = set()
        self.depth = 0

    def deeper(self, tok: _Tok) -> None:
        """One more bracket or `not` inside the others (parsing and testing recurse)."""
        self.depth += 1
        if self.depth > MAX_NESTING:
            raise ConditionError(f"brackets or `not`s are nested more than {MAX_NESTING} "
                                 "deep here", tok.pos,
                                 "A condition never needs this many: remove the extra "
                                 "brackets, or use a flag that a choice sets.")

    # -- helpers -------------------------------------------------------------
    def peek(self) -> _Tok:
        return self.toks[self.i]

    def take(self) -> _Tok:
        tok = self.toks[self.i]
        self.i += 1
        return tok

    def expect(self, text: str, hint: str) -> _Tok:
        tok = self.peek()
        if tok.text != text:
            found = f"`{tok.text}`" if tok.kind != "end" else "the end"
            raise ConditionError(f"expected `{text}` but found {found}", tok.pos, hint)
        return self.take()

    # -- grammar -------------------------------------------------------------
    def parse(self) -> _Node:
        if self.peek().kind == "end":
            raise ConditionError("the condition is empty", 0,
                                 "Write a test such as `trust >= 3`, or remove the line.")
        node = self.parse_or()
        tok = self.peek()
        if tok.kind != "end":
            raise ConditionError(f"unexpected `{tok.text}`", tok.pos,
                                 "Join two tests with `and` or `or`, e.g. "
                                 "`trust >= 3 and heard >= 2`.")
        return node

    def _logic(self, word: str, sub: Callable[[], _Node]) -> _Node:
        left = sub()
        parts = [left]
        while self.peek().kind == "name" and self.peek().text == word:
            tok = self.take()
            parts.append(sub())
            for p in (parts[0], parts[-1]):
                if p[0] != "bool":
                    raise ConditionError(f"`{word}` joins tests that are true or false", tok.pos,
                                         "Compare numbers first, e.g. `trust >= 3 "
                                         f"{word} heard >= 2`.")
        if len(parts) == 1:
            return left
        # Nest two-part closures: `a(env) and b(env)` short-circuits without building a
        # generator per call (simulate evaluates conditions millions of times). Nested as a
        # balanced tree, so a long chain of `and`s stays shallow when it is tested.
        return "bool", _join([p[1] for p in parts], _both if word == "and" else _either)

    def parse_or(self) -> _Node:
        return self._logic("or", self.parse_and)

    def parse_and(self) -> _Node:
        return self._logic("and", self.parse_not)

    def parse_not(self) -> _Node:
        tok = self.peek()
        if tok.kind == "name" and tok.text == "not":
            self.take()
            self.deeper(tok)
            kind, fn = self.parse_not()
            self.depth -= 1
            if kind != "bool":
                raise ConditionError("`not` goes before a test that is true or false", tok.pos,
                                     "For example `not has_trusted_adult` or "
                                     "`not (trust >= 3)`.")
            return "bool", lambda env: not fn(env)
        return self.parse_compare()

    def parse_compare(self) -> _Node:
        left = self.parse_atom()
        tok = self.peek()
        if tok.kind != "op" or tok.text not in _COMPARE:
            return left
        self.take()
        right = self.parse_atom()
        op = _COMPARE[tok.text]
        if left[0] != right[0]:
            raise ConditionError(f"`{tok.text}` compares a {_kind_word(left[0])} with a "
                                 f"{_kind_word(right[0])}", tok.pos,
                                 "Compare numbers with numbers and text with text, e.g. "
                                 '`trust >= 3` or `stage == "school"`.')
        if left[0] != "int" and tok.text not in ("==", "!="):
            raise ConditionError(f"`{tok.text}` only compares numbers", tok.pos,
                                 "Use `==` or `!=` for text and true/false values.")
        lf, rf = left[1], right[1]
        return "bool", lambda env: op(lf(env), rf(env))

    def parse_atom(self) -> _Node:
        tok = self.take()
        if tok.kind == "num":
            v = int(tok.text)
            return "int", lambda env: v
        if tok.kind == "str":
            s = tok.text[1:-1]
            return "str", lambda env: s
        if tok.text == "(":
            self.deeper(tok)
            node = self.parse_or()
            self.expect(")", "Every `(` needs a matching `)`.")
            self.depth -= 1
            return node
        if tok.kind == "name":
            return self.parse_name(tok)
        if tok.kind == "end":
            raise ConditionError("the condition stops too early", tok.pos,
                                 "Something is missing at the end, e.g. a number after `>=`.")
        raise ConditionError(f"unexpected `{tok.text}`", tok.pos,
                             "A test looks like `trust >= 3`, `has_trusted_adult` or "
                             '`seen("first-night")`.')

    def parse_name(self, tok: _Tok) -> _Node:
        name = tok.text
        if name in ("true", "false"):
            v = name == "true"
            return "bool", lambda env: v
        if name in ("and", "or", "not"):
            raise ConditionError(f"`{name}` needs a test before it", tok.pos,
                                 "For example `trust >= 3 and heard >= 2`.")
        if self.peek().text == "(":
            return self.parse_call(tok)
        if name in self.stats:
            self.names.add(name)
            return "int", lambda env: env.stats[name]
        if name in self.flags:
            self.names.add(name)
            return "bool", lambda env: name in env.flags
        if name == "stage":
            return "str", lambda env: env.stage
        if name == "turn":
            return "int", lambda env: env.turn
        known = sorted(self.stats | self.flags | {"stage", "turn"})
        hint = did_you_mean(name, known)
        hint = (hint + " " if hint else "") + (
            "Names must be stats or flags declared in deck.yaml, or `stage`, `turn`.")
        raise ConditionError(f"`{name}` is not a stat or flag in this deck", tok.pos, hint)

    def parse_call(self, tok: _Tok) -> _Node:
        name = tok.text
        if name not in _FUNCTIONS:
            hint = did_you_mean(name, _FUNCTIONS)
            raise ConditionError(f"`{name}(...)` is not something a condition can use", tok.pos,
                                 (hint + " " if hint else "")
                                 + 'You can use `seen("card-id")` and `chose("card-id", 2)`.')
        self.take()  # (
        arg = self.take()
        if arg.kind != "str":
            raise ConditionError(f"`{name}` needs a card id in quotes", arg.pos,
                                 f'For example `{name}("first-night"'
                                 + (", 1)`." if name == "chose" else ")`."))
        card = arg.text[1:-1]
        self.cards.add(card)
        if name == "seen":
            self.expect(")", 'Write it as `seen("card-id")`.')
            return "bool", lambda env: card in env.seen
        self.expect(",", 'Write it as `chose("card-id", 2)`: the card, then the choice number.')
        num = self.take()
        if num.kind != "num" or int(num.text) < 1:
            raise ConditionError("`chose` needs a choice number (1 for the first choice)",
                                 num.pos, 'For example `chose("first-night", 1)`.')
        key = (card, int(num.text))
        self.chosen.add(key)
        self.expect(")", 'Write it as `chose("card-id", 2)`.')
        return "bool", lambda env: key in env.chosen


def _join(fns: list, two) -> Callable[[object], object]:
    if len(fns) == 1:
        return fns[0]
    mid = len(fns) // 2
    return two(_join(fns[:mid], two), _join(fns[mid:], two))


def _both(a, b):
    return lambda env: a(env) and b(env)


def _either(a, b):
    return lambda env: a(env) or b(env)


def _kind_word(kind: str) -> str:
    return {"int": "number", "str": "text", "bool": "true/false value"}[kind]


def compile_condition(text: str, *, stats: Iterable[str], flags: Iterable[str],
                      stages: Iterable[str] = ()) -> Condition:
    """Parse and type-check `text`; raise ConditionError with an offset on any slip."""
    if not isinstance(text, str):
        raise ConditionError("a condition must be text", 0, 'For example `trust >= 3`.')
    if len(text) > MAX_LENGTH:
        raise ConditionError(f"this condition is longer than {MAX_LENGTH} characters", 0,
                             "Split it: use a flag that a choice sets, or a simpler test.")
    p = _Parser(text, set(stats), set(flags), set(stages))
    kind, fn = p.parse()
    if kind != "bool":
        raise ConditionError("a condition must be a test that is true or false", 0,
                             f"For example `{text.strip()} >= 3`." if kind == "int"
                             else 'For example `stage == "school"`.')
    for s in _stage_literals(p, text):
        if s not in p.stages and p.stages:
            hint = did_you_mean(s, p.stages)
            raise ConditionError(f'"{s}" is not a stage of this deck', text.find(s) - 1,
                                 (hint + " " if hint else "") + "Stages are listed in deck.yaml.")
    return Condition(text, test=fn, names=frozenset(p.names), cards=frozenset(p.cards),
                     chosen=frozenset(p.chosen))


def _stage_literals(p: _Parser, text: str) -> list[str]:
    """Text literals compared with `stage` (so a misspelt stage is caught at load)."""
    out = []
    toks = p.toks
    for i, t in enumerate(toks):
        if t.kind == "name" and t.text == "stage" and i + 2 < len(toks):
            if toks[i + 1].text in ("==", "!=") and toks[i + 2].kind == "str":
                out.append(toks[i + 2].text[1:-1])
        if t.kind == "str" and i >= 2 and toks[i - 2].text == "stage":
            if toks[i - 1].text in ("==", "!=") and t.text[1:-1] not in out:
                out.append(t.text[1:-1])
    return out

"""Reading values out of libyaml's nodes, with a kind problem for every wrong one.

`NodeReader` belongs to one file: it turns nodes into text, numbers, names, lists and
conditions, checks shapes, refuses aliases and tags, and records each problem with its line
and column. The loader (deck.yaml) and the card reader (cards/*.yaml) both use it.
"""

from __future__ import annotations

import re

from cardsdealt.deck import fields as F
from cardsdealt.deck.conditions import ConditionError, compile_condition
from cardsdealt.deck.model import Condition, Source, Stage, Stat
from cardsdealt.deck.problems import Problem, closest, did_you_mean, list_words
from cardsdealt.deck.yamlhints import DASHES
from cardsdealt.deck.yamlsource import MappingNode, ScalarNode, SequenceNode

MAX_TEXT = 5_000
MAX_DIGITS = 12  # a deck's numbers are small; Python refuses to convert over 4,300 digits

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}\Z")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}\Z")  # stats and flags: usable in conditions
_INT = re.compile(r"[-+]?[0-9]+\Z")
_FLOAT = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)\Z")
_AMBIGUOUS = re.compile(
    r"""(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF
    |null|Null|NULL|~
    |[-+]?[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?
    |[-+]?\.[0-9_]+(?:[eE][-+]?[0-9]+)?
    |[-+]?0x[0-9a-fA-F_]+|[-+]?0b[01_]+
    |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?
    |[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)
    |[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt ].*)?)\Z""",
    re.VERBOSE,
)
_STR_TAG = "tag:yaml.org,2002:str"


class NodeReader:
    """Problems and checks for one file. Keeps the set of nodes seen to refuse aliases."""

    __slots__ = ("rel", "problems", "seen")

    def __init__(self, rel: str, problems: list[Problem], may_alias: bool = True):
        self.rel = rel
        self.problems = problems
        self.seen: set[int] | None = set() if may_alias else None

    def err(self, node, message: str, hint: str = "") -> None:
        m = node.start_mark
        self.problems.append(Problem(self.rel, m.line + 1, m.column + 1, message, hint))

    def source(self, node) -> Source:
        m = node.start_mark
        return Source(self.rel, m.line + 1, m.column + 1)

    # -- shapes -------------------------------------------------------------
    def _check_node(self, node) -> bool:
        if node.tag.__class__ is str and node.tag != _STR_TAG:
            self.err(node, f"the tag `{node.tag}` is not allowed in deck files",
                     "Deck files are plain data. Remove the `!...` part; if it is text, "
                     "put it in quotes.")
            return False
        if self.seen is not None:
            key = id(node)
            if key in self.seen:
                self.err(node, "anchors and aliases (`&name` and `*name`) are not allowed here",
                         "Write the value out again instead of pointing at another one.")
                return False
            self.seen.add(key)
        return True

    def mapping(self, node, what: str) -> dict | None:
        """{key: (key_node, value_node)}; refuses duplicate keys, naming both lines."""
        if not self._check_node(node):
            return None
        if node.__class__ is not MappingNode:
            self._wrong_shape(node, what, "fields written `name: value`")
            return None
        out: dict = {}
        for k, v in node.value:
            if k.__class__ is not ScalarNode or not self._check_node(k):
                self.err(k, f"a field name in {what} must be a simple word")
                continue
            name = k.value
            if name in out:
                first = out[name][0].start_mark.line + 1
                self.err(k, f"`{name}` is written twice in {what} (first on line {first})",
                         "YAML would silently keep only the last one. Keep one and delete "
                         "the other.")
                continue
            out[name] = (k, v)
        return out

    def sequence(self, node, what: str) -> list | None:
        if not self._check_node(node):
            return None
        if node.__class__ is not SequenceNode:
            self._wrong_shape(node, what, "a list (each item starting with `- `)")
            return None
        return node.value

    def _wrong_shape(self, node, what: str, expected: str) -> None:
        found = {ScalarNode: "a single value", SequenceNode: "a list",
                 MappingNode: "fields"}.get(node.__class__, "something else")
        if node.__class__ is ScalarNode and node.value == "" and not node.style:
            found = "nothing"
        self.err(node, f"{what} should be {expected}, but here it is {found}",
                 "Check the indentation and the `- ` at the start of list items.")

    def unknown(self, fields: dict, allowed: dict, what: str, extra: str = "") -> None:
        """Report fields not in `allowed`. A misspelt one (`stat:` for `stats:`) is then read
        as the field it was meant to be, so its one slip is its one message: what it holds
        is still checked, and the names it declares are known to the rest of the deck."""
        meant: dict = {}
        for name, (k, _v) in fields.items():
            if name not in allowed:
                match = closest(name, allowed)
                hint = (f"Did you mean `{match}`? Change `{name}:` to `{match}:`." if match
                        else f"The fields are: {list_words(allowed, 20)}.")
                self.err(k, f"`{name}` is not a field of {what}", hint + extra)
                if match is not None and match not in fields and match not in meant:
                    meant[match] = fields[name]
        fields.update(meant)

    def fields(self, node, table: dict, required, what: str) -> dict | None:
        """A mapping of the fields in `table`: unknown ones and missing required ones are
        reported; None when it is not a mapping or a required field is missing."""
        fields = self.mapping(node, what)
        if fields is None:
            return None
        self.unknown(fields, table, what)
        return fields if self.required(node, fields, required, what) else None

    def required(self, node, fields: dict, names, what: str) -> bool:
        ok = True
        for name in names:
            if name not in fields:
                self.err(node, f"{what} is missing `{name}:`",
                         f"Add a line `{name}: ...` ({describe(name)}).")
                ok = False
        return ok

    # -- scalars ------------------------------------------------------------
    def text(self, node, what: str, limit: int = MAX_TEXT) -> str | None:
        if not self._check_node(node):
            return None
        if node.__class__ is not ScalarNode:
            self._wrong_shape(node, what, "text")
            return None
        v = node.value
        if not node.style and node.tag.__class__ is not str and _AMBIGUOUS.match(v):
            self._ambiguous(node, what)
            return None
        if len(v) > limit:
            self.err(node, f"{what} is too long ({len(v)} characters, at most {limit})",
                     "Shorten it or split it across cards.")
            return None
        return v

    def _ambiguous(self, node, what: str) -> None:
        v = node.value
        if len(v) > 40 and not any(c.isalpha() or c.isspace() for c in v):
            # a long run of digits: say so without converting it (over 4,300 fails)
            self.err(node, f"`{v[:20]}...` in {what} would be read as a number, not as text",
                     "Put it in quotes if it is text; otherwise shorten it.")
            return
        try:
            import yaml

            meaning = yaml.safe_load(v)
        except Exception:  # noqa: BLE001 - an impossible date, for instance
            meaning = None
        if isinstance(meaning, bool):
            read = f"read as {'yes' if meaning else 'no'} (true/false), not as the word `{v}`"
        elif isinstance(meaning, (int, float)) and not isinstance(meaning, bool):
            read = f"read as the number {meaning}" + ("" if str(meaning) == v else
                                                       f", not as `{v}`")
        elif meaning is None:
            read = "read as 'nothing'"
        else:
            read = "read as a date or a special value, not as text"
        self.err(node, f"`{v}` in {what} would be {read}",
                 f'Put it in quotes: "{v}"')

    def ident(self, node, what: str, pattern: re.Pattern = _ID) -> str | None:
        if node.__class__ is not ScalarNode:
            self._wrong_shape(node, what, "a short name")
            return None
        if not self._check_node(node):
            return None
        v = node.value
        if not pattern.match(v):
            kind = ("letters, digits and _ (it is used in conditions)" if pattern is _NAME
                    else "letters, digits, - and _")
            self.err(node, f"`{v}` cannot be used as {what}", f"Use only {kind}, no spaces, "
                     "starting with a letter or digit, at most 64 characters.")
            return None
        return v

    def integer(self, node, what: str, lo: int, hi: int) -> int | None:
        if node.__class__ is ScalarNode and self._long_dash(node):
            return None
        if node.__class__ is not ScalarNode or not _INT.match(node.value):
            shown = node.value if node.__class__ is ScalarNode else "not a number"
            self.err(node, f"{what} should be a whole number, but it is `{shown}`",
                     f"Write a whole number from {lo} to {hi}, without quotes.")
            return None
        if self._too_long(node, what, lo, hi):
            return None
        v = int(node.value)
        if not lo <= v <= hi:
            self.err(node, f"{what} is {v}, but it must be from {lo} to {hi}",
                     f"Change it to a whole number from {lo} to {hi}.")
            return None
        return v

    def _long_dash(self, node) -> bool:
        """`–1`: Word or a phone turned the minus into a longer dash. Say which one."""
        v = node.value
        if not (v[:1] in DASHES and _FLOAT.match(v[1:])):
            return False
        self.err(node, f"`{v}` starts with {DASHES[v[0]]}, not the minus sign `-` a number "
                 "needs", f"Type the minus key instead: `-{v[1:]}`. Word, Pages, phones and "
                 "TextEdit can turn `-` into a longer dash by themselves: in TextEdit, first "
                 "turn off Edit > Substitutions > Smart Dashes. Notepad leaves `-` as it is.")
        return True

    def _too_long(self, node, what: str, lo: float, hi: float) -> bool:
        digits = sum(c.isdigit() for c in node.value) if len(node.value) <= 4 * MAX_DIGITS \
            else MAX_DIGITS + 1
        if digits <= MAX_DIGITS:
            return False
        self.err(node, f"{what} has {len(node.value):,} digits, far more than it can be",
                 f"Write a number from {lo:g} to {hi:g}.")
        return True

    def number(self, node, what: str, lo: float, hi: float) -> float | None:
        if node.__class__ is ScalarNode and self._long_dash(node):
            return None
        if node.__class__ is not ScalarNode or not _FLOAT.match(node.value):
            self.err(node, f"{what} should be a number", f"Write a number from {lo} to {hi}.")
            return None
        if self._too_long(node, what, lo, hi):
            return None
        v = float(node.value)
        if not lo <= v <= hi:
            self.err(node, f"{what} is {v}, but it must be from {lo} to {hi}")
            return None
        return v

    def boolean(self, node, what: str) -> bool | None:
        if node.__class__ is ScalarNode and not node.style:
            v = node.value.lower()
            if v in ("true", "yes"):
                return True
            if v in ("false", "no"):
                return False
        self.err(node, f"{what} should be true or false", "Write `true` or `false`.")
        return None

    def texts(self, node, what: str, item: str = "an item") -> tuple[str, ...]:
        items = self.sequence(node, what)
        if items is None:
            return ()
        out = []
        for n in items:
            t = self.text(n, f"{item} of {what}")
            if t is not None:
                out.append(t)
        return tuple(out)

    def condition(self, node, what: str, names) -> Condition | None:
        text = self.text(node, what, 500)
        if text is None:
            return None
        try:
            return compile_condition(text, stats=names.stats, flags=names.flags,
                                     stages=names.stages)
        except ConditionError as e:
            m = node.start_mark
            line, col = m.line + 1, m.column + 1
            if node.style in ('"', "'"):
                col += 1
            if node.style not in ("|", ">") and "\n" not in text:
                col += e.offset
            shown = text if len(text) <= 80 else text[:60] + "..."
            self.problems.append(Problem(self.rel, line, col,
                                         f"in {what} `{shown}`: {e.message}", e.hint))
            return None


def describe(name: str) -> str:
    for table in (F.DECK, F.CARD, F.CHOICE, F.STAT, F.STAGE, F.REFLECTION, F.ENDING,
                  F.SUPPORT, F.CLASSIC):
        if name in table:
            return table[name][1]
    return name


class Names:
    """What deck.yaml declares: cards are checked against it."""

    def __init__(self):
        self.stats: dict[str, Stat] = {}
        self.flags: set[str] = set()
        self.stages: dict[str, Stage] = {}
        self.themes: set[str] = set()
        self.modes: tuple[str, ...] = ()
        self.modes_node = None
        self.untils: dict[str, object] = {}  # stage id -> its `until` node (compiled later)
        self.deck_conditions: list = []  # (condition, node, what) in deck.yaml: cross-checked


def unknown_name(f: "NodeReader", node, value: str, known, what: str, where: str) -> None:
    """`value` is not one of the declared `known` names: say so, suggest the nearest."""
    hint = did_you_mean(value, known)
    f.err(node, f"`{value}` is not {what}",
          (hint + " " if hint else "") + f"{where}: {list_words(known)}.")


def tags(f: NodeReader, node) -> tuple[str, ...]:
    out = []
    for n in f.sequence(node, "`tags`") or ():
        t = f.text(n, "a tag", 80)
        if t is None:
            continue
        prefix, _, rest = t.partition(":")
        known = {"pcf": F.PCF_DOMAINS, "bright-spots": F.BRIGHT_SPOTS}.get(prefix)
        if known is not None and rest not in known and not (
                prefix == "bright-spots" and rest in F.BRIGHT_SPOTS_RETIRED):
            unknown_name(f, n, rest, known, f"a {prefix} area", "Known")
            continue
        out.append(t)
    return tuple(out)

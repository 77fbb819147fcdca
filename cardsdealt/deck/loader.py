"""Deck folder -> validated, immutable `Deck`, or a `DeckError` listing every problem.

The loader walks libyaml's nodes (see yamlsource.py) and builds the model directly, so every
value is checked where it was written and every problem carries its line and column.
"""

from __future__ import annotations

import gc
import re
from pathlib import Path
from types import MappingProxyType

from cardsdealt.deck import fields as F
from cardsdealt.deck import images, yamlsource
from cardsdealt.deck.conditions import ConditionError, compile_condition
from cardsdealt.deck.model import (
    FORMAT_VERSION, MODES, Card, Choice, ClassicRules, Deck, Ending, Reflection, Source, Stage,
    Stat, Support,
)
from cardsdealt.deck.problems import DeckError, Problem, did_you_mean, list_words
from cardsdealt.deck.yamlsource import MappingNode, ScalarNode, SequenceNode

MAX_CARDS = 20_000
MAX_CARD_FILES = 2_000
MAX_TEXT = 5_000

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
# Problems that mean a whole file could not be read (so its cards are unknown).
_UNREADABLE = ("a `:` is missing", "there is a `: `", "the indentation", "this line",
               "a tab is used", "inside double quotes", "a quote or bracket", "this file",
               "`*` starts", "`!` starts", "`&` starts", "YAML could not", "a card file holds")


class _File:
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
        for name, (k, _v) in fields.items():
            if name not in allowed:
                hint = did_you_mean(name, allowed)
                self.err(k, f"`{name}` is not a field of {what}",
                         (hint + " " if hint else "")
                         + f"The fields are: {list_words(allowed, 20)}." + extra)

    def required(self, node, fields: dict, names, what: str) -> bool:
        ok = True
        for name in names:
            if name not in fields:
                self.err(node, f"{what} is missing `{name}:`",
                         f"Add a line `{name}: ...` ({_describe(name)}).")
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
        if node.__class__ is not ScalarNode or not _INT.match(node.value):
            shown = node.value if node.__class__ is ScalarNode else "not a number"
            self.err(node, f"{what} should be a whole number, but it is `{shown}`",
                     f"Write a whole number from {lo} to {hi}, without quotes.")
            return None
        v = int(node.value)
        if not lo <= v <= hi:
            self.err(node, f"{what} is {v}, but it must be from {lo} to {hi}")
            return None
        return v

    def number(self, node, what: str, lo: float, hi: float) -> float | None:
        if node.__class__ is not ScalarNode or not _FLOAT.match(node.value):
            self.err(node, f"{what} should be a number", f"Write a number from {lo} to {hi}.")
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

    def condition(self, node, what: str, names) -> object | None:
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
            self.problems.append(Problem(self.rel, line, col,
                                         f"in {what} `{text}`: {e.message}", e.hint))
            return None


def _describe(name: str) -> str:
    for table in (F.DECK, F.CARD, F.CHOICE, F.STAT, F.STAGE, F.REFLECTION, F.ENDING,
                  F.SUPPORT, F.CLASSIC):
        if name in table:
            return table[name][1]
    return name


class _Names:
    """What deck.yaml declares: cards are checked against it."""

    def __init__(self):
        self.stats: dict[str, Stat] = {}
        self.flags: set[str] = set()
        self.stages: dict[str, Stage] = {}
        self.themes: set[str] = set()
        self.modes: tuple[str, ...] = ()
        self.modes_node = None


def load_deck(path: str | Path) -> Deck:
    """Load and validate the deck folder at `path`. Raises DeckError listing every problem."""
    deck, problems = check_deck(path)
    if deck is None:
        raise DeckError([p for p in problems if p.severity == "error"], str(path))
    return deck


def check_deck(path: str | Path) -> tuple[Deck | None, list[Problem]]:
    """(deck or None, problems). Garbage collection is paused while loading: the many small
    objects made here would otherwise trigger repeated full collections (superlinear time)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _check_deck(Path(path))
    finally:
        if was_enabled:
            gc.enable()


def _check_deck(root: Path) -> tuple[Deck | None, list[Problem]]:
    problems: list[Problem] = []
    deck_file = root / "deck.yaml"
    if not root.is_dir():
        problems.append(Problem(str(root), 0, 0, "this deck folder does not exist",
                                "Check the spelling, or run `cardsdealt decks` to list the "
                                "shipped decks."))
        return None, problems
    if not deck_file.is_file():
        problems.append(Problem(str(root), 0, 0, "there is no deck.yaml in this folder",
                                "A deck folder needs a deck.yaml file; `cardsdealt new NAME` "
                                "makes one to start from."))
        return None, problems
    node, may_alias = yamlsource.read(deck_file, "deck.yaml", problems)
    f = _File("deck.yaml", problems, may_alias)
    if node is None:
        return None, problems
    fields = f.mapping(node, "deck.yaml")
    if fields is None:
        return None, problems
    f.unknown(fields, F.DECK, "deck.yaml")
    f.required(node, fields, F.DECK_REQUIRED, "deck.yaml")
    names = _Names()
    head = _deck_head(f, fields, names)
    before = len(problems)
    cards = _load_cards(root, f, fields, names, problems)
    unreadable = any(p.message.startswith(_UNREADABLE) for p in problems[before:])
    tail = _deck_tail(f, fields, names)
    _cross_check(root, f, cards, tail, names, problems, complete=not unreadable)
    if any(p.severity == "error" for p in problems):
        return None, problems
    deck = Deck(root=str(root), cards=tuple(cards), stats=tuple(names.stats.values()),
                flags=tuple(sorted(names.flags)), stages=tuple(names.stages.values()),
                modes=names.modes, **head, **tail)
    return deck, problems


def _deck_head(f: _File, fields: dict, names: _Names) -> dict:
    out: dict = {}
    if "format" in fields:
        v = f.integer(fields["format"][1], "`format`", 1, 1_000)
        if v is not None and v > FORMAT_VERSION:
            f.err(fields["format"][1], f"this deck uses format {v}, but this cardsdealt only "
                  f"knows format {FORMAT_VERSION}", "Update cardsdealt to play this deck.")
        if v is not None:
            out["format"] = v
    for key in ("id",):
        if key in fields:
            v = f.ident(fields[key][1], "the deck `id`")
            if v:
                out[key] = v
    for key in ("title", "language", "licence", "introduction"):
        if key in fields:
            v = f.text(fields[key][1], f"`{key}`", 20_000)
            if v is not None:
                out[key] = v
    for key in ("authors", "content_notes"):
        if key in fields:
            out[key] = f.texts(fields[key][1], f"`{key}`")
    if "discussion_seconds" in fields:
        v = f.integer(fields["discussion_seconds"][1], "`discussion_seconds`", 10, 3600)
        if v is not None:
            out["discussion_seconds"] = v
    names.modes = _modes(f, fields, names)
    if "stats" in fields:
        _stats(f, fields["stats"][1], names)
    if "flags" in fields:
        for n in f.sequence(fields["flags"][1], "`flags`") or ():
            v = f.ident(n, "a flag name", _NAME)
            if v in names.flags:
                f.err(n, f"the flag `{v}` is listed twice")
            elif v in names.stats:
                f.err(n, f"`{v}` is both a stat and a flag", "Give them different names.")
            elif v:
                names.flags.add(v)
    if "stages" in fields:
        _stages_head(f, fields["stages"][1], names)
    if "classic" in fields:
        out["classic"] = _classic(f, fields["classic"][1], names)
    elif "classic" in names.modes:
        out["classic"] = ClassicRules()
    if "journey" in names.modes:
        for key in ("stats", "stages", "endings"):
            if key not in fields:
                f.err(fields["modes"][1], f"a journey deck needs `{key}:` in deck.yaml",
                      f"Add `{key}:` ({_describe(key)}) or remove `journey` from `modes`.")
    return out


def _modes(f: _File, fields: dict, names: _Names) -> tuple[str, ...]:
    if "modes" not in fields:
        return ()
    node = fields["modes"][1]
    names.modes_node = node
    if node.__class__ is ScalarNode:  # a single mode written without brackets
        items = [node]
    else:
        items = f.sequence(node, "`modes`") or []
    out = []
    for n in items:
        v = f.text(n, "a mode")
        if v is not None and v not in MODES:
            f.err(n, f"`{v}` is not a way to play",
                  (did_you_mean(v, MODES) + " " if did_you_mean(v, MODES) else "")
                  + "Use `journey`, `classic`, or both: `modes: [journey, classic]`.")
        elif v is not None:
            out.append(v)
    return tuple(out)


def _stats(f: _File, node, names: _Names) -> None:
    fields = f.mapping(node, "`stats`")
    for name, (k, v) in (fields or {}).items():
        sid = f.ident(k, "a stat name", _NAME)
        sf = f.mapping(v, f"the stat `{name}`")
        if sid is None or sf is None:
            continue
        f.unknown(sf, F.STAT, f"the stat `{name}`")
        if not f.required(v, sf, F.STAT_REQUIRED, f"the stat `{name}`"):
            continue
        label = f.text(sf["label"][1], "the stat's `label`", 60)
        lo = f.integer(sf["min"][1], "`min`", -1000, 1000)
        hi = f.integer(sf["max"][1], "`max`", -1000, 1000)
        start = f.integer(sf["start"][1], "`start`", -1000, 1000)
        desc = f.text(sf["description"][1], "`description`") if "description" in sf else ""
        if None in (label, lo, hi, start):
            continue
        if not lo <= start <= hi:
            f.err(sf["start"][1], f"`start` ({start}) must be between `min` ({lo}) and "
                  f"`max` ({hi})")
            continue
        names.stats[sid] = Stat(sid, label, start, lo, hi, desc or "")


def _stages_head(f: _File, node, names: _Names) -> None:
    """Stage ids first (cards refer to them); `until` conditions are compiled in the tail."""
    for n in f.sequence(node, "`stages`") or ():
        if n.__class__ is ScalarNode:
            sid = f.ident(n, "a stage id")
            sf = {}
        else:
            sf = f.mapping(n, "a stage")
            if sf is None:
                continue
            f.unknown(sf, F.STAGE, "a stage")
            if not f.required(n, sf, F.STAGE_REQUIRED, "a stage"):
                continue
            sid = f.ident(sf["id"][1], "a stage id")
        if sid is None:
            continue
        if sid in names.stages:
            f.err(n, f"the stage `{sid}` is listed twice")
            continue
        title = sid.replace("-", " ").replace("_", " ").capitalize()
        if "title" in sf:
            title = f.text(sf["title"][1], "the stage `title`", 80) or title
        draws = 4
        if "draws" in sf:
            draws = f.integer(sf["draws"][1], "`draws`", 1, 100) or draws
        names.stages[sid] = Stage(sid, title, draws, None)
        if "until" in sf:
            names.stages[sid] = (names.stages[sid], sf["until"][1])  # type: ignore[assignment]


def _classic(f: _File, node, names: _Names) -> ClassicRules | None:
    cf = f.mapping(node, "`classic`")
    if cf is None:
        return None
    f.unknown(cf, F.CLASSIC, "`classic`")
    kw: dict = {}
    if "players" in cf:
        pf = f.mapping(cf["players"][1], "`players`")
        if pf is not None:
            f.unknown(pf, F.PLAYERS, "`players`")
            if "min" in pf:
                kw["players_min"] = f.integer(pf["min"][1], "`players: min`", 2, 5) or 2
            if "max" in pf:
                kw["players_max"] = f.integer(pf["max"][1], "`players: max`", 2, 5) or 5
    if "hand_size" in cf:
        kw["hand_size"] = f.integer(cf["hand_size"][1], "`hand_size`", 1, 20) or 7
    if "match" in cf:
        match = []
        for n in f.sequence(cf["match"][1], "`match`") or ():
            v = f.text(n, "a `match` rule")
            if v is not None and v not in ("theme", "number"):
                f.err(n, f"cards cannot be matched on `{v}`",
                      "Use `theme`, `number`, or both: `match: [theme, number]`.")
            elif v:
                match.append(v)
        kw["match"] = tuple(match) or ("theme", "number")
    if "themes" in cf:
        themes = []
        for n in f.sequence(cf["themes"][1], "`themes`") or ():
            v = f.ident(n, "a theme")
            if v:
                themes.append(v)
        kw["themes"] = tuple(themes)
        names.themes = set(themes)
    return ClassicRules(**kw)


def _deck_tail(f: _File, fields: dict, names: _Names) -> dict:
    """Parts that use conditions: compiled once all names are known."""
    out: dict = {}
    for sid, st in list(names.stages.items()):
        if isinstance(st, tuple):
            stage, node = st
            cond = f.condition(node, f"`until` of the stage `{sid}`", names)
            names.stages[sid] = Stage(stage.id, stage.title, stage.draws, cond)
    if "reflections" in fields:
        out["reflections"] = _reflections(f, fields["reflections"][1], names)
    if "endings" in fields:
        out["endings"] = _endings(f, fields["endings"][1], names)
    if "support" in fields:
        out["support"] = _support(f, fields["support"][1])
    if "lint" in fields:
        out["language_advice"] = _lint(f, fields["lint"][1])
    return out


def _reflections(f: _File, node, names: _Names) -> tuple[Reflection, ...]:
    out = []
    ids: set[str] = set()
    for i, n in enumerate(f.sequence(node, "`reflections`") or (), 1):
        rf = f.mapping(n, "a reflection")
        if rf is None:
            continue
        f.unknown(rf, F.REFLECTION, "a reflection")
        if not f.required(n, rf, F.REFLECTION_REQUIRED, "a reflection"):
            continue
        rid = f.ident(rf["id"][1], "a reflection id") if "id" in rf else f"reflection-{i}"
        if rid in ids:
            f.err(n, f"two reflections have the id `{rid}`", "Give each one its own id.")
        ids.add(rid or "")
        when = f.condition(rf["when"][1], "`when`", names)
        prompt = f.text(rf["prompt"][1], "the reflection `prompt`")
        once = f.boolean(rf["once"][1], "`once`") if "once" in rf else True
        tags = _tags(f, rf["tags"][1]) if "tags" in rf else ()
        if rid and when and prompt is not None:
            out.append(Reflection(rid, when, prompt, once is not False, tags, f.source(n)))
    return tuple(out)


def _endings(f: _File, node, names: _Names) -> tuple[Ending, ...]:
    out = []
    items = f.sequence(node, "`endings`") or []
    for i, n in enumerate(items, 1):
        ef = f.mapping(n, "an ending")
        if ef is None:
            continue
        f.unknown(ef, F.ENDING, "an ending")
        if not f.required(n, ef, F.ENDING_REQUIRED, "an ending"):
            continue
        eid = f.ident(ef["id"][1], "an ending id") if "id" in ef else f"ending-{i}"
        title = f.text(ef["title"][1], "the ending `title`", 120)
        text = f.text(ef["text"][1], "the ending `text`")
        when = f.condition(ef["when"][1], "`when`", names) if "when" in ef else None
        if "when" not in ef and i != len(items):
            f.err(n, "only the last ending may leave out `when:`",
                  "Endings are tried in order and the first whose `when` holds is used, so an "
                  "ending without `when` must come last.")
        if eid and title is not None and text is not None:
            out.append(Ending(eid, title, text, when, f.source(n)))
    if items and out and out[-1].when is not None:
        f.err(items[-1], "the last ending needs to be a default, without `when:`",
              "Add a last ending with no `when:` so every journey has an ending.")
    return tuple(out)


def _support(f: _File, node) -> tuple[Support, ...]:
    out = []
    for n in f.sequence(node, "`support`") or ():
        if n.__class__ is ScalarNode:
            t = f.text(n, "a support line")
            if t:
                out.append(Support(t))
            continue
        sf = f.mapping(n, "a support entry")
        if sf is None:
            continue
        f.unknown(sf, F.SUPPORT, "a support entry")
        if f.required(n, sf, F.SUPPORT_REQUIRED, "a support entry"):
            name = f.text(sf["name"][1], "`name`", 200)
            detail = f.text(sf["detail"][1], "`detail`", 500) if "detail" in sf else ""
            if name:
                out.append(Support(name, detail or ""))
    return tuple(out)


def _lint(f: _File, node) -> MappingProxyType:
    lf = f.mapping(node, "`lint`")
    words: dict[str, str] = {}
    if lf is None:
        return MappingProxyType(words)
    f.unknown(lf, F.LINT, "`lint`")
    if "language" in lf:
        for w, (k, v) in (f.mapping(lf["language"][1], "`lint: language`") or {}).items():
            better = f.text(v, f"the advice for `{w}`", 200)
            if better is not None:
                words[w.lower()] = better
    return MappingProxyType(words)


def _tags(f: _File, node) -> tuple[str, ...]:
    out = []
    for n in f.sequence(node, "`tags`") or ():
        t = f.text(n, "a tag", 80)
        if t is None:
            continue
        prefix, _, rest = t.partition(":")
        known = {"pcf": F.PCF_DOMAINS, "bright-spots": F.BRIGHT_SPOTS}.get(prefix)
        if known is not None and rest not in known:
            hint = did_you_mean(rest, known)
            f.err(n, f"`{rest}` is not a {prefix} area",
                  (hint + " " if hint else "") + f"Known: {list_words(known, 10)}.")
            continue
        out.append(t)
    return tuple(out)


# -- cards ------------------------------------------------------------------

def _load_cards(root: Path, f: _File, fields: dict, names: _Names, problems) -> list:
    """Cards as (Card, id_node, file, next refs); the `cards` field is a folder or a list."""
    if "cards" not in fields:
        return []
    node = fields["cards"][1]
    out: list = []
    if node.__class__ is SequenceNode:
        _card_list(f, node, names, out)
        return out
    folder = f.text(node, "`cards`", 300)
    if folder is None:
        return out
    path = images.inside(root, folder)
    if path is None or not path.is_dir():
        f.err(node, f"the card folder `{folder}` was not found inside the deck folder",
              "Write the folder's name as it is, e.g. `cards: cards/`, and keep it inside "
              "the deck folder.")
        return out
    files = sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
    if not files:
        f.err(node, f"the folder `{folder}` has no card files",
              "Add a file such as cards/arriving.yaml with a list of cards.")
    for p in files[:MAX_CARD_FILES]:
        rel = p.relative_to(root).as_posix()
        if images.inside(root, rel) is None:
            problems.append(Problem(rel, 1, 1, "this card file points outside the deck folder",
                                    "Keep card files inside the deck folder (no links)."))
            continue
        cnode, may_alias = yamlsource.read(p, rel, problems)
        cf = _File(rel, problems, may_alias)
        if cnode is not None:
            if cnode.__class__ is MappingNode and len(cnode.value) and \
                    cnode.value[0][0].value == "id":
                cf.err(cnode, "a card file holds a list of cards, and each card starts with "
                       "`- `", "Write `- id: ...` for the first line of each card, and indent "
                       "its other lines by two spaces.")
                continue
            _card_list(cf, cnode, names, out)
        if len(out) > MAX_CARDS:
            problems.append(Problem(rel, 1, 1, f"the deck has more than {MAX_CARDS} cards",
                                    "Split it into several decks."))
            break
    if len(files) > MAX_CARD_FILES:
        f.err(node, f"the folder `{folder}` has more than {MAX_CARD_FILES} card files")
    return out


def _card_list(f: _File, node, names: _Names, out: list) -> None:
    for n in f.sequence(node, "the list of cards") or ():
        if len(out) >= MAX_CARDS:
            f.err(n, f"the deck has more than {MAX_CARDS} cards", "Split it into several decks.")
            return
        card = _card(f, n, names)
        if card is not None:
            out.append(card)


def _card(f: _File, node, names: _Names):
    cf = f.mapping(node, "a card")
    if cf is None:
        return None
    f.unknown(cf, F.CARD, "a card")
    if "id" not in cf:
        f.err(node, "this card has no `id:`", "Give every card a short unique id, e.g. "
              "`- id: first-night`.")
        return None
    cid = f.ident(cf["id"][1], "a card id")
    kw: dict = {}
    for key in ("title", "discuss", "voice", "facilitator_notes", "text", "statement",
                "image"):
        if key in cf:
            v = f.text(cf[key][1], f"`{key}`")
            if v is not None:
                kw[key] = v
    if "tags" in cf:
        kw["tags"] = _tags(f, cf["tags"][1])
    is_journey = "stage" in cf or "choices" in cf or "text" in cf
    is_classic = "theme" in cf or "number" in cf or "statement" in cf
    what = f"the card `{cid}`"
    nexts: list = []
    if is_journey:
        _journey_fields(f, cf, node, names, kw, what, nexts)
    if is_classic:
        _classic_fields(f, cf, node, names, kw, what)
    if not is_journey and not is_classic:
        hint = ("Journey cards need `stage`, `text` and `choices`; classic cards need `theme`, "
                "`number` and `statement`.")
        f.err(node, f"{what} is neither a journey card nor a classic card", hint)
    if "title" not in cf:
        f.err(node, f"{what} has no `title:`", "Add a short title, e.g. `title: First night`.")
    if cid is None:
        return None
    return (Card(cid, kw.pop("title", ""), f.source(node), **kw), cf["id"][1], f, nexts,
            cf.get("image"))


def _journey_fields(f, cf, node, names, kw, what, nexts) -> None:
    if "journey" not in names.modes and names.modes:
        f.err(node, f"{what} is a journey card, but this deck is not played as a journey",
              "Add `journey` to `modes:` in deck.yaml, or make it a classic card.")
    for key in ("stage", "text", "choices"):
        if key not in cf:
            f.err(node, f"{what} is missing `{key}:`", f"Journey cards need `{key}:` "
                  f"({_describe(key)}).")
    if "stage" in cf:
        sn = cf["stage"][1]
        stage = f.ident(sn, "a stage")
        if stage is not None and stage not in names.stages:
            hint = did_you_mean(stage, names.stages)
            f.err(sn, f"`{stage}` is not a stage of this deck",
                  (hint + " " if hint else "") + f"The stages are: {list_words(names.stages)}.")
        elif stage is not None:
            kw["stage"] = stage
    if "requires" in cf:
        kw["requires"] = f.condition(cf["requires"][1], "`requires`", names)
    if "weight" in cf:
        w = f.number(cf["weight"][1], "`weight`", 0.0, 1000.0)
        if w is not None:
            kw["weight"] = w
    if "once" in cf:
        once = f.boolean(cf["once"][1], "`once`")
        if once is not None:
            kw["once"] = once
    if "choices" in cf:
        items = f.sequence(cf["choices"][1], "`choices`")
        if items is not None and not 2 <= len(items) <= 4:
            f.err(cf["choices"][0], f"{what} has {len(items)} choice"
                  f"{'s' if len(items) != 1 else ''}; a card needs 2 to 4",
                  "Each choice starts with `- label: ...`.")
        kw["choices"] = tuple(c for c in (_choice(f, n, names, nexts) for n in items or ())
                              if c is not None)


def _choice(f: _File, node, names: _Names, nexts: list) -> Choice | None:
    cf = f.mapping(node, "a choice")
    if cf is None:
        return None
    f.unknown(cf, F.CHOICE, "a choice")
    if not f.required(node, cf, F.CHOICE_REQUIRED, "a choice"):
        return None
    label = f.text(cf["label"][1], "the choice `label`", 300)
    kw: dict = {}
    for key in ("response", "reflect"):
        if key in cf:
            v = f.text(cf[key][1], f"`{key}`")
            if v is not None:
                kw[key] = v
    if "effects" in cf:
        effects = {}
        for stat, (k, v) in (f.mapping(cf["effects"][1], "`effects`") or {}).items():
            if stat not in names.stats:
                hint = did_you_mean(stat, names.stats)
                f.err(k, f"`{stat}` is not a stat in this deck",
                      (hint + " " if hint else "")
                      + f"The stats are: {list_words(names.stats)} (declared in deck.yaml).")
                continue
            n = f.integer(v, f"the change to `{stat}`", -100, 100)
            if n is not None:
                effects[stat] = n
        kw["effects"] = MappingProxyType(effects)
    for key, attr in (("set", "set_flags"), ("clear", "clear_flags")):
        if key in cf:
            flags = []
            for n in f.sequence(cf[key][1], f"`{key}`") or ():
                v = f.ident(n, "a flag", _NAME)
                if v is not None and v not in names.flags:
                    hint = did_you_mean(v, names.flags)
                    f.err(n, f"`{v}` is not a flag in this deck",
                          (hint + " " if hint else "")
                          + f"The flags are: {list_words(names.flags)} (listed in deck.yaml "
                          "under `flags:`).")
                elif v:
                    flags.append(v)
            kw[attr] = tuple(flags)
    if "next" in cf:
        target = f.ident(cf["next"][1], "the `next` card")
        if target:
            kw["next"] = target
            nexts.append((target, cf["next"][1]))
    if label is None:
        return None
    return Choice(label, **kw)


def _classic_fields(f, cf, node, names, kw, what) -> None:
    if "classic" not in names.modes and names.modes:
        f.err(node, f"{what} is a classic card, but this deck is not played as classic",
              "Add `classic` to `modes:` in deck.yaml, or make it a journey card.")
    for key in ("theme", "number", "statement"):
        if key not in cf:
            f.err(node, f"{what} is missing `{key}:`", f"Classic cards need `{key}:` "
                  f"({_describe(key)}).")
    if "theme" in cf:
        tn = cf["theme"][1]
        theme = f.ident(tn, "a theme")
        if theme and names.themes and theme not in names.themes:
            hint = did_you_mean(theme, names.themes)
            f.err(tn, f"`{theme}` is not one of this deck's themes",
                  (hint + " " if hint else "")
                  + f"The themes are: {list_words(names.themes)} (in deck.yaml under "
                  "`classic: themes:`).")
        elif theme:
            kw["theme"] = theme
    if "number" in cf:
        n = f.integer(cf["number"][1], "the card `number`", 1, 99)
        if n is not None:
            kw["number"] = n


def _cross_check(root: Path, f: _File, cards: list, tail: dict, names: _Names,
                 problems: list[Problem], complete: bool) -> None:
    """Ids unique, `next` and seen() targets exist, images are safe and sane. When a card
    file could not be read at all, references to its cards are not reported (they would only
    be echoes of the one real problem)."""
    first: dict[str, tuple] = {}
    for card, id_node, cf, _nexts, _img in cards:
        if card.id in first:
            other_file, other_node = first[card.id]
            where = (f"line {other_node.start_mark.line + 1}" if other_file is cf
                     else f"{other_file.rel} line {other_node.start_mark.line + 1}")
            cf.err(id_node, f"two cards have the id `{card.id}` (the other is at {where})",
                   "Every card needs its own id: rename one of them.")
        else:
            first[card.id] = (cf, id_node)
    journey_ids = {c.id for c, *_ in cards if c.stage}
    for card, _id_node, cf, nexts, img in cards:
        for target, node in nexts:
            if target not in first and complete:
                hint = did_you_mean(target, first)
                cf.err(node, f"`next: {target}` points to a card that does not exist",
                       (hint + " " if hint else "") + "Use the `id` of a card in this deck.")
            elif target not in journey_ids:
                cf.err(node, f"`next: {target}` points to a card that is not a journey card")
        if card.requires is not None and complete:
            for cid in [c for c in card.requires.cards if c not in first]:
                cf.err(_id_node, f"`requires` of `{card.id}` names the card `{cid}`, which "
                       "does not exist", did_you_mean(cid, first))
        if img is not None and card.image is not None:
            msg = images.check(root, card.image)
            if msg:
                cf.err(img[1], msg[0], msg[1])
    for r in tail.get("reflections", ()) if complete else ():
        for cid in [c for c in r.when.cards if c not in first]:
            problems.append(Problem("deck.yaml", r.source.line, r.source.column,
                                    f"the reflection `{r.id}` names the card `{cid}`, which "
                                    "does not exist", did_you_mean(cid, first)))
    if complete:
        _mode_cards(f, cards, names, names.modes_node)
    cards[:] = [c[0] for c in cards]


def _mode_cards(f: _File, cards: list, names: _Names, where) -> None:
    if not cards or where is None:
        return
    if "journey" in names.modes:
        if not any(c.stage for c, *_ in cards):
            f.err(where, "this journey deck has no journey cards",
                  "Journey cards have `stage`, `text` and `choices`.")
    if "classic" in names.modes and not any(c.theme for c, *_ in cards):
        f.err(where, "this classic deck has no classic cards",
              "Classic cards have `theme`, `number` and `statement`.")

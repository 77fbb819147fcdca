"""Reading one YAML file into position-carrying nodes, safely, with kind messages.

Why not `yaml.safe_load`: it forgets line numbers, silently keeps the last of two duplicate
keys, turns `no` into False and `1:30` into 90, builds dates that can be impossible, expands
aliases (a 500-byte file can become gigabytes) and lets libyaml's recursive composer crash the
process on very deep nesting. Here libyaml (the C parser, when present) only *composes* nodes:
every scalar stays text (the resolver is switched off) and `loader.py` converts what it needs,
knowing where each value was written. Nesting depth is bounded before libyaml sees the text,
the number of values while it composes (a 16 MB `[1,1,1,...]` would otherwise become 8 million
nodes and gigabytes), and no value may hold a control character (`"\\0"`, `"\\e"`): they
cannot be drawn or printed safely, so they are refused here, where the author can be told
the line and column.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from cardsdealt.deck import yamlhints
from cardsdealt.deck.problems import Problem
from cardsdealt.deck.safetext import CONTROL, spelt

MAX_FILE_BYTES = 16 * 1024 * 1024
MAX_FLOW_DEPTH = 64
MAX_INDENT = 200  # columns; with the flow bound this keeps libyaml's recursion shallow
MAX_COMPACT = 40  # "- - - ..." on one line
MAX_NODES = 1_000_000  # values in one file: 20,000 cards of ~45 values fit
MAX_LIST_ITEMS = 20_000  # items in one list: the most cards a deck may have

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
C_LOADER = _BaseLoader is not yaml.SafeLoader


class _TooMany(Exception):
    def __init__(self, node=None):
        super().__init__()
        self.node = node  # the list that is too long, if that is what it is


class _NodeLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Composes nodes only. Implicit tags are the node class, explicit ones stay strings.
    libyaml tells `descend_resolver` about every value it is about to make, with its place
    in its list, so that is where values are counted and lists bounded: an oversized file
    is stopped after a few thousand values, not after building millions."""

    nodes_left = MAX_NODES

    def resolve(self, kind, value, implicit):  # noqa: D401 - libyaml calls this per node
        return kind

    def descend_resolver(self, parent, index):
        self.nodes_left -= 1
        if self.nodes_left < 0:
            raise _TooMany
        if index.__class__ is int and index >= MAX_LIST_ITEMS:
            raise _TooMany(parent)

    def ascend_resolver(self):
        pass


def _compose(text: str):
    loader = _NodeLoader(text)
    loader.nodes_left = MAX_NODES
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


ScalarNode = yaml.ScalarNode
SequenceNode = yaml.SequenceNode
MappingNode = yaml.MappingNode

_TAB_INDENT = re.compile(r"^[ ]*\t", re.M)
_DEEP_INDENT = re.compile(r"^ {%d}" % MAX_INDENT, re.M)
_DEEP_COMPACT = re.compile(r"^ *(?:[-?] +){%d}" % MAX_COMPACT, re.M)
_BRACKETS = re.compile(r"[\[\]{}]")


def decode(data: bytes, rel: str, problems: list[Problem]) -> str | None:
    """UTF-8 text (a BOM is fine), or a problem pointing at the first byte that is not."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        foreign = yamlhints.foreign_bytes(data, rel)
        if foreign is not None:
            problems.append(foreign)
            return None
        before = data[: e.start]
        line = before.count(b"\n") + 1
        col = e.start - (before.rfind(b"\n") + 1) + 1
        problems.append(Problem(
            rel, line, col, "this file is not saved as UTF-8 text",
            "Open it in your editor and save it again choosing the UTF-8 encoding "
            "(in Notepad: Save As, Encoding: UTF-8). Curly quotes or accents copied from "
            "another program are the usual cause."))
        return None
    return text


def prescan(text: str, rel: str, problems: list[Problem]) -> bool:
    """Catch what libyaml reports badly or cannot survive. True when it is safe to parse."""
    foreign = yamlhints.foreign_text(text, rel)
    if foreign is not None:
        problems.append(foreign)
        return False
    tabs = list(_TAB_INDENT.finditer(text))
    for m in tabs[:10]:
        line = text.count("\n", 0, m.start()) + 1
        col = m.end() - m.start()
        problems.append(Problem(rel, line, col, "a tab is used to indent this line",
                                "YAML needs spaces, not tabs. Replace the tab with spaces "
                                "(2 for each level). Many editors can 'convert indentation "
                                "to spaces'."))
    if len(tabs) > 10:
        problems.append(Problem(rel, text.count("\n", 0, tabs[10].start()) + 1, 1,
                                f"{len(tabs) - 10} more lines are indented with tabs"))
    ok = not tabs
    deep = _DEEP_INDENT.search(text) or _DEEP_COMPACT.search(text)
    if deep is None and (text.count("[") + text.count("{")) > MAX_FLOW_DEPTH:
        depth = 0
        for m in _BRACKETS.finditer(text):
            depth += 1 if m.group() in "[{" else -1
            if depth > MAX_FLOW_DEPTH:
                deep = m
                break
    if deep is not None:
        line = text.count("\n", 0, deep.start()) + 1
        problems.append(Problem(rel, line, 1, "this file is nested far too deeply",
                                "A deck never needs more than a few levels of indentation or "
                                "brackets. Check this part of the file."))
        ok = False
    return ok


def compose(text: str, rel: str, problems: list[Problem]):
    """The document's root node, or None with a problem added."""
    try:
        node = _compose(text)
    except _TooMany as e:
        if e.node is not None:
            m = e.node.start_mark
            problems.append(Problem(rel, m.line + 1, m.column + 1, f"this list has too many "
                                    f"items (more than {MAX_LIST_ITEMS:,})",
                                    "A deck never needs this many: check this list, and "
                                    "split the cards into several decks."))
        else:
            problems.append(Problem(rel, 1, 1, f"this file has too many values (more than "
                                    f"{MAX_NODES:,})", "A deck file never needs this many: "
                                    "split the cards into several files, and check for a "
                                    "very long list in `[ ]` brackets."))
        return None
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        slip = yamlhints.diagnose(text, rel, mark.line) if mark is not None else None
        problems.append(slip or _indent_problem(e, text, rel) or _translate(e, rel))
        return None
    except yaml.reader.ReaderError as e:
        before = text[: e.position]
        line = before.count("\n") + 1
        col = e.position - (before.rfind("\n") + 1) + 1
        problems.append(Problem(rel, line, col,
                                f"this file contains a character that is not text "
                                f"(code {e.character!r})",
                                "Delete the strange character (it may be invisible); it can "
                                "come from copy-pasting or from saving in the wrong format."))
        return None
    except yaml.YAMLError as e:  # pragma: no cover - libyaml always marks its errors
        problems.append(Problem(rel, 1, 1, f"YAML could not read this file ({e})",
                                "Check the file for a missing quote, colon or space."))
        return None
    except (RecursionError, MemoryError, ValueError) as e:
        problems.append(Problem(rel, 1, 1, f"YAML could not read this file ({type(e).__name__})",
                                "The file is too complex; split it into smaller files."))
        return None
    if node is None and rel == "deck.yaml":
        problems.append(Problem(rel, 1, 1, "deck.yaml is empty",
                                "deck.yaml says what the deck is called and how it is played, "
                                "so every deck needs one. If it was emptied by mistake, undo "
                                "in your editor (Ctrl+Z, or Cmd+Z on a Mac). Or make a spare "
                                "deck with `cardsdealt new decks/spare` and copy its deck.yaml "
                                "here, then change the title."))
    elif node is None:
        problems.append(Problem(rel, 1, 1, "this card file is empty",
                                "Write at least one card in it, or delete the file."))
    elif "\\" in text:  # only a `\\` escape in double quotes can make a control character
        control_characters(node, text, rel, problems)
    return node


_ESCAPE = re.compile(r"\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)", re.S)
_ESCAPED = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v",
            "f": "\f", "r": "\r", "e": "\x1b", "N": "\x85"}
MAX_REPORTED = 10


def control_characters(root, text: str, rel: str, problems: list[Problem]) -> None:
    """A problem for each value holding a control character (the first few, then a count)."""
    found = []
    stack, seen = [root], set()
    while stack:
        n = stack.pop()
        if id(n) in seen:  # an alias: reported where it is used, never walked twice
            continue
        seen.add(id(n))
        if n.__class__ is ScalarNode:
            if n.style == '"' and CONTROL.search(n.value):
                found.append(n)
        elif n.__class__ is MappingNode:
            stack.extend(x for kv in n.value for x in kv)
        else:
            stack.extend(n.value)
    found.sort(key=lambda n: (n.start_mark.line, n.start_mark.column))
    starts = [0]
    for row in text.split("\n"):
        starts.append(starts[-1] + len(row) + 1)
    for n in found[:MAX_REPORTED]:
        line, col, ch = _first_control(n, text, starts)
        problems.append(Problem(
            rel, line, col, f"this text holds a control character ({spelt(ch)}), which "
            "cannot be shown on a screen or printed",
            "Inside double quotes a backslash starts a special code, and `\\0`, `\\e`, "
            "`\\a` and the like make characters that are not text. Delete it; write `\\\\` "
            "for a real backslash, or put the text in single quotes."))
    if len(found) > MAX_REPORTED:
        n = found[MAX_REPORTED]
        problems.append(Problem(rel, n.start_mark.line + 1, n.start_mark.column + 1,
                                f"{len(found) - MAX_REPORTED} more values hold control "
                                "characters"))


def _first_control(node, text: str, starts: list[int]) -> tuple[int, int, str]:
    """(line, column, character) of the escape that made the first control character."""
    m = CONTROL.search(node.value)
    ch = m.group() if m else "\x00"  # (found holds only values that have one)
    sm, em = node.start_mark, node.end_mark
    begin = starts[sm.line] + sm.column
    end = starts[em.line] + em.column if em.line + 1 < len(starts) else len(text)
    for m in _ESCAPE.finditer(text, begin, end):
        code = m.group(1)
        made = (chr(int(code[1:], 16)) if code[0] in "xuU" and len(code) > 1
                else _ESCAPED.get(code, ""))
        if made and CONTROL.match(made):
            pos = m.start()
            line = _line_of(starts, pos)
            return line + 1, pos - starts[line] + 1, made
    return sm.line + 1, sm.column + 1, ch


def _line_of(starts: list[int], pos: int) -> int:
    import bisect

    return bisect.bisect_right(starts, pos) - 1


def read(path: Path, rel: str, problems: list[Problem]):
    """Read, decode, prescan and compose one file: (root node or None, may_alias). None (with
    problems) on any failure. `may_alias` is False when the text has no `&`, so no node can
    be an alias and the loader skips tracking node identity."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            problems.append(Problem(rel, 1, 1, f"this file is too big ({size // 1024} KB)",
                                    f"Deck files must be under {MAX_FILE_BYTES // 2**20} MB: "
                                    "split the cards into several files."))
            return None, False
        data = path.read_bytes()
    except OSError as e:
        problems.append(Problem(rel, 1, 1, f"this file could not be read ({e.strerror})",
                                "Check that it exists and that you may open it."))
        return None, False
    text = decode(data, rel, problems)
    if text is None or not prescan(text, rel, problems):
        return None, False
    return compose(text, rel, problems), "&" in text


# libyaml's words -> what to tell the author. Keys are matched against `problem`.
_MESSAGES = [
    ("could not find expected ':'",
     "a `:` is missing on this line",
     "Each field is written `name: value` with a colon and a space, "
     "e.g. `title: \"First night\"`.", "context"),
    ("mapping values are not allowed",
     "there is a `: ` here that YAML did not expect",
     "If your text contains a colon followed by a space, put the whole text in double quotes. "
     "Otherwise check that this line is indented like the lines around it.", "problem"),
    ("did not find expected key",
     "the indentation here does not line up",
     "Lines of the same card start at the same column. Use spaces (2 for each level) "
     "and check the lines just above.", "problem"),
    ("expected <block end>",
     "the indentation here does not line up",
     "This line starts at a different column from the lines above it. Lines of the same "
     "card or list start at the same column.", "problem"),
    ("did not find expected '-' indicator",
     "this line does not line up with the list it belongs to",
     "Each item of a list starts with `- ` at the same column as the other items.", "problem"),
    ("found character '\\t'",
     "a tab is used here", "YAML needs spaces, not tabs. Replace the tab with spaces.",
     "problem"),
    ("found unknown escape character",
     "inside double quotes, a backslash `\\` starts a special code",
     "Write `\\\\` for a real backslash, or use single quotes.", "problem"),
    ("found unexpected end of stream",
     "a quote or bracket opened here is never closed",
     "Add the closing quote or bracket.", "context"),
    ("unacceptable character",
     "this file contains a character that is not text",
     "Delete the strange character (it may be invisible); copy-pasting from some programs "
     "brings them in.", "problem"),
    ("expected a single document",
     "this file has more than one `---` section",
     "Keep one document per file: remove the second `---` or split the file.", "problem"),
    ("found undefined alias",
     "`*` starts an alias here, and aliases are not allowed in deck files",
     "If this is text, put it in quotes.", "problem"),
    ("found undefined tag handle",
     "`!` starts a tag here, and tags are not allowed in deck files",
     "If this is text, put it in quotes.", "problem"),
    ("while scanning an anchor",
     "`&` starts an anchor here, and anchors are not allowed in deck files",
     "If this is text, put it in quotes.", "context"),
    ("while scanning an alias",
     "`*` starts an alias here, and aliases are not allowed in deck files",
     "If this is text, put it in quotes.", "context"),
    ("found character that cannot start any token",
     "this character cannot start a value",
     "Text that starts with `@`, `` ` ``, `%`, `*`, `&`, `!`, `|` or `>` must be put in quotes.",
     "problem"),
]


def _indent_problem(e: yaml.MarkedYAMLError, text: str, rel: str) -> Problem | None:
    """libyaml reports a line indented too far as a stray `:`; say what the author did."""
    if "mapping values are not allowed" not in (e.problem or "") or e.problem_mark is None:
        return None
    lines = text.splitlines()
    n = e.problem_mark.line
    if n >= len(lines):
        return None
    prev = next((lines[i] for i in range(n - 1, -1, -1) if lines[i].strip()
                 and not lines[i].lstrip().startswith("#")), None)
    if prev is None:
        return None
    indent = len(lines[n]) - len(lines[n].lstrip(" "))
    prev_indent = len(prev) - len(prev.lstrip(" "))
    if prev.lstrip().startswith("- "):
        prev_indent += 2
    if indent <= prev_indent or prev.rstrip().endswith(":"):
        return None
    return Problem(rel, n + 1, indent + 1,
                   f"this line is indented further than the line above it "
                   f"(column {indent + 1} instead of {prev_indent + 1}), so the indentation "
                   "does not line up",
                   "Lines of the same card start at the same column. Remove the extra "
                   "spaces at the start of this line.")


def _translate(e: yaml.MarkedYAMLError, rel: str) -> Problem:
    words = f"{e.context or ''} {e.problem or ''}"
    for key, message, hint, which in _MESSAGES:
        if key in words:
            mark = e.context_mark if which == "context" and e.context_mark else e.problem_mark
            mark = mark or e.context_mark
            line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
            return Problem(rel, line, col, message, hint)
    mark = e.problem_mark or e.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    return Problem(rel, line, col, f"YAML could not read this ({e.problem or e.context})",
                   "Check this line and the one above it for a missing quote, colon or space.")

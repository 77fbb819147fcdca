"""Carrying an edit into a file as the person laid it out (`patch_text`): where ruamel.yaml
writes a hand-made file differently (another indentation, a comment's spacing), only the
lines an edit changed are carried over, so nothing else in the file moves. Pure text."""

from __future__ import annotations

import difflib
import re

_COMMENT = re.compile(r"(\s+)(#[^\n]*)\n?$")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _reindent(line: str, delta: int) -> str:
    if delta >= 0:
        return " " * delta + line if line.strip() else line
    return line[min(-delta, _indent(line)):]


def _keep_comment_gap(old: str, new: str) -> str:
    """A changed value keeps the spaces before its line's comment as the person wrote them."""
    m = _COMMENT.search(old)
    if not m:
        return new
    end = "\n" if new.endswith("\n") else ""
    body = new.rstrip("\n")
    if not body.endswith(" " + m.group(2)):
        return new
    return body[: -len(m.group(2))].rstrip() + m.group(1) + m.group(2) + end


def patch_text(original: str, before: str, after: str) -> str:
    """`after` written the way `original` was: `before` and `after` are ruamel's writing of
    a file before and after an edit, `original` the file as the person wrote it. Where ruamel
    lays a file out differently (another indentation, say), only the lines the edit changed
    are carried over into `original`, so nothing else moves."""
    if before == original:
        return after
    o, a, b = (t.splitlines(True) for t in (original, before, after))
    sm = difflib.SequenceMatcher(None, [" ".join(x.split()) for x in o],
                                 [" ".join(x.split()) for x in a], autojunk=False)
    to_o: dict[int, int] = {}
    for block in sm.get_matching_blocks():
        for k in range(block.size):
            to_o[block.b + k] = block.a + k
    out = list(o)
    edits = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if any(i not in to_o for i in range(i1, i2)):
            return after  # lines the layouts do not share: ruamel's writing is used
        anchor = i1 if i1 < len(a) and i1 in to_o else i1 - 1
        if anchor < 0 or anchor not in to_o:
            start = 0 if i1 == 0 else len(o)
            delta = 0
        else:
            start = to_o[i1] if i1 in to_o else to_o[anchor] + 1
            delta = _indent(o[to_o[anchor]]) - _indent(a[anchor])
        new = [_reindent(x, delta) for x in b[j1:j2]]
        if i2 - i1 == 1 and j2 - j1 == 1:
            new = [_keep_comment_gap(o[to_o[i1]], new[0])]
        edits.append((start, start + (i2 - i1), new))
    for start, end, new in reversed(edits):
        out[start:end] = new
    return "".join(out)

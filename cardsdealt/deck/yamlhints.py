"""What went wrong in a file YAML cannot read, said in the author's own terms.

libyaml reports where *it* got lost ("did not find expected key"), which is often a line or
two after the author's slip and never names it. The slips a group in Notepad, TextEdit or
Word makes most are recognised here from the text itself, so `check` can name the character
and show the line put right:

- a file saved as a formatted document (RTF from TextEdit or WordPad, a Word file);
- invisible spaces at the start of a line (Word's non-breaking spaces) and `•` bullets;
- a quote that is never closed, an apostrophe inside single quotes (`'Jordan's goodbye'`),
  and quotes inside quotes (`"she said "good luck" and left"`).

Each finder returns one Problem for the first place it finds (mentioning any other lines
with the same slip in its hint), so one mistake gets one message.
"""

from __future__ import annotations

import re

from cardsdealt.deck.problems import Problem

# Characters that look like a space (or nothing) but are not one to YAML.
INVISIBLE = {
    "\u00a0": "a non-breaking space",
    "\u2007": "a figure space",
    "\u202f": "a narrow non-breaking space",
    "\u2002": "an en space",
    "\u2003": "an em space",
    "\u2009": "a thin space",
    "\u200b": "a zero-width space",
    "\u3000": "a wide space",
    "\ufeff": "an invisible 'byte order mark'",
}
BULLETS = "•·▪◦●‣⁃∙"
DASHES = {"\u2013": "an en dash (–)", "\u2014": "an em dash (—)", "\u2212": "a maths minus (−)",
          "\u2010": "a hyphen character (‐)", "\u2011": "a non-breaking hyphen (‑)",
          "\u2012": "a figure dash (‒)", "\u2015": "a horizontal bar (―)"}

_LEAD = re.compile(r"^[ \t%s]*" % "".join(INVISIBLE))
_BULLET = re.compile(r"^[ ]*([%s])[ \u00a0\t]" % re.escape(BULLETS), re.M)
_DASH_ITEM = re.compile(r"^[ ]*([\u2013\u2014])[ \u00a0]", re.M)
# a block value in quotes: indentation, an optional `- `, an optional `key: `, the quote
_QUOTED = re.compile(r"^(\s*(?:-\s+)?(?:[A-Za-z0-9_-]+:\s+)?)([\"'])")


def _also(lines: list[int]) -> str:
    if not lines:
        return ""
    shown = ", ".join(str(n) for n in lines[:8]) + (", ..." if len(lines) > 8 else "")
    return f" Line{'s' if len(lines) > 1 else ''} {shown} {'have' if len(lines) > 1 else 'has'} " \
        "the same thing: fix those too."


def foreign_bytes(data: bytes, rel: str) -> Problem | None:
    """A Word file saved with a deck file's name (it is not text at all)."""
    if data[:4] == b"PK\x03\x04" or data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return Problem(rel, 1, 1, "this file is a Word document, not plain text",
                       _PLAIN_TEXT_HINT)
    return None


_PLAIN_TEXT_HINT = (
    "Deck files must be plain text. Open the file in Notepad (Windows) or TextEdit (Mac), "
    "copy your words into a new plain-text file and save it with this name. In TextEdit, "
    "choose Format > Make Plain Text before saving; in Word, choose Save As > Plain Text.")


def foreign_text(text: str, rel: str) -> Problem | None:
    """A formatted document (RTF) saved under a deck file's name."""
    if text.lstrip()[:6] == "{\\rtf1" or text.lstrip()[:5] == "{\\rtf":
        return Problem(rel, 1, 1, "this file is saved as a formatted document (RTF), "
                       "not as plain text", _PLAIN_TEXT_HINT)
    return None


def invisible_indent(text: str, rel: str, upto: int) -> Problem | None:
    """Invisible characters among the spaces at the start of a line (up to line `upto`)."""
    found: list[tuple[int, int, str]] = []
    for n, line in enumerate(text.split("\n")[:upto], 1):
        lead = _LEAD.match(line)
        if lead is None or not lead.group():
            continue
        for col, ch in enumerate(lead.group(), 1):
            if ch in INVISIBLE and not (n == 1 and col == 1 and ch == "\ufeff"):
                found.append((n, col, ch))
                break
    if not found:
        return None
    n, col, ch = found[0]
    return Problem(rel, n, col,
                   f"this line starts with {INVISIBLE[ch]}, an invisible character that looks "
                   "like a space but is not one",
                   "Word and some websites put these in when text is copied. Delete the "
                   "spaces at the start of this line and type them again with the space bar."
                   + _also([m for m, _c, _h in found[1:]]))


def bullets(text: str, rel: str, upto: int) -> Problem | None:
    """A list item started with `•` (or a long dash) instead of the hyphen `-`, on a line up
    to `upto` (a bullet further down may be fine, inside a `|` block of text)."""
    found = [(text.count("\n", 0, m.start()) + 1, m.start(1) - text.rfind("\n", 0, m.start()),
              m.group(1)) for m in _BULLET.finditer(text)]
    found += [(text.count("\n", 0, m.start()) + 1, m.start(1) - text.rfind("\n", 0, m.start()),
               m.group(1)) for m in _DASH_ITEM.finditer(text)]
    found = sorted(x for x in found if x[0] <= upto)
    if not found:
        return None
    n, col, ch = found[0]
    name = f"a `{ch}` bullet" if ch in BULLETS else DASHES[ch]
    return Problem(rel, n, col,
                   f"this line starts with {name}, but items of a list in a deck file start "
                   "with a hyphen `-`",
                   f"Replace the `{ch}` with `-` (the minus key), followed by a space, e.g. "
                   "`- label: ...`. Word makes bullets and long dashes by itself: write deck "
                   "files in Notepad, or in TextEdit with Edit > Substitutions > Smart Dashes "
                   "turned off." + _also([m for m, _c, _h in found[1:]]))


def diagnose(text: str, rel: str, line_no: int) -> Problem | None:
    """The author's slip that made YAML get lost at `line_no` (0-based), if it is one of
    these: the nearest one at or above that line."""
    found = [p for p in (invisible_indent(text, rel, line_no + 1), bullets(text, rel, line_no + 1),
                         quote_slip(text, line_no, rel)) if p is not None]
    return max(found, key=lambda p: p.line) if found else None


def quote_slip(text: str, line_no: int, rel: str) -> Problem | None:
    """The quote slip nearest above (or on) the line where YAML got lost (0-based
    `line_no`): an unclosed quote, an apostrophe in single quotes, or quotes inside quotes."""
    lines = text.split("\n")
    for n in range(min(line_no, len(lines) - 1), -1, -1):
        found = _quote_on(lines[n], n + 1, rel, at_error=(n == line_no))
        if found is not None:
            return found
    return None


def _close(line: str, start: int, q: str) -> int:
    """Index of the quote closing the text opened at `start`, or -1."""
    i = start + 1
    while i < len(line):
        c = line[i]
        if q == '"' and c == "\\":
            i += 2
            continue
        if c == q:
            if q == "'" and line[i + 1:i + 2] == "'":
                i += 2
                continue
            return i
        i += 1
    return -1


def _quote_on(line: str, n: int, rel: str, at_error: bool) -> Problem | None:
    m = _QUOTED.match(line)
    if m is None:
        return None
    q, start = m.group(2), m.end(2) - 1
    end = _close(line, start, q)
    if end < 0:
        fixed = line.rstrip() + q
        return Problem(rel, n, start + 1,
                       f"the text on this line starts with `{q}` but never ends with `{q}`",
                       f"Add a `{q}` at the end of the text: `{fixed.strip()}`")
    rest = line[end + 1:].strip()
    if not rest or rest.startswith("#") or not at_error:
        return None
    inner = line[start + 1:end]
    if q == "'" and rest[0].isalpha():
        word = inner.split()[-1] if inner.split() else ""
        word += "'" + re.split(r"[\s'\"]", rest)[0]
        whole = line[start:].rstrip()
        fixed = line[:start].strip() + " " + ('"' + whole[1:-1] + '"' if whole.endswith("'")
                                              and '"' not in whole else whole)
        return Problem(rel, n, end + 1,
                       f"the `'` in `{word}` ends the text early: the text starts with `'`, "
                       "so the next `'` closes it",
                       f"Put the text in double quotes instead: `{fixed.strip()}`")
    if q == '"':
        quoted = rest.split('"')[0].strip()
        whole = line[start:].rstrip()
        fixed = line[:start].strip() + " " + '"' + whole[1:-1].replace('"', "'") + '"'
        return Problem(rel, n, end + 1,
                       f"the `\"` before `{quoted}` ends the text early: there are quotes "
                       "inside quotes",
                       "Use single quotes inside the text, e.g. "
                       f"`{fixed.strip()}`")
    return Problem(rel, n, end + 1, f"the text ends at this `{q}`, but more follows on the line",
                   "Put the whole text inside the quotes, or use `\"` outside and `'` inside.")

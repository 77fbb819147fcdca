"""A gentle check for a real child's details in typed reflections, before they are saved.

Records are meant to be shown to a manager or a regulator, so they must never name a child
the person works with. This check looks for the two things that most often slip in:

- a likely name: a capitalised word that is not at the start of a sentence and is not a
  common word (days, months, places of work, job titles, the deck's own characters...);
- a likely date of birth: a full date (12/03/2015, 12.3.15, 12 March 2015, 2015-03-12) or
  words such as "born", "DOB", "date of birth" next to a date.

It only warns: the person decides (a colleague's first name or a town may be fine). It runs
on this computer, on text that is never logged. It is deliberately simple and explainable
("this looks like a name"), not a model; false alarms are kept low by the common-word list
and by skipping the first word of each sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTHS = ("january february march april may june july august september october november "
           "december jan feb mar apr jun jul aug sep sept oct nov dec")
# Capitalised words that are not names in a reflection. Lower case; checked without case.
COMMON = frozenset((
    "i i'm i've i'd i'll monday tuesday wednesday thursday friday saturday sunday "
    + _MONTHS + " "
    "england wales scotland ireland northern uk britain british english welsh scottish irish "
    "hull london social work care council councils court family courts school schools "
    "ofsted nhs camhs iro iros lac pep pcf cpd prtl cpl sw swe scw sssc niscc coram voice "
    "bright spots children act working together pathway plan care plan personal education "
    "independent reviewing officer virtual head designated teacher gp a&e "
    "mum mam dad nan nana grandad gran grandma grandpa aunt auntie uncle "
    "christmas easter eid diwali ramadan hanukkah "
    "the a an and but or so if when then this that these those it its he she they we you my "
    "his her their our your what why how who where which there here yes no ok okay "
    "after before because also still maybe perhaps sometimes often always never "
    "card cards game journey reflection reflections "
    "professional capabilities framework standards practice supervision manager team "
    "foster carer carers home homes residential leaving youth young people person child "
    "children's kinship adoption adopted"
).split())


@dataclass(frozen=True)
class Finding:
    kind: str  # "name" | "date"
    text: str  # the words found, as typed
    start: int  # where in the text

    def words(self) -> str:
        return (f"“{self.text}” looks like a name" if self.kind == "name"
                else f"“{self.text}” looks like a date of birth")


_DATE_NUM = re.compile(r"\b(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})\b")
_DATE_ISO = re.compile(r"\b(19|20)\d{2}-\d{1,2}-\d{1,2}\b")
_DATE_WORDS = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:" + "|".join(_MONTHS.split()) + r")\.?,?\s+"
    r"(?:19|20)\d{2}\b", re.IGNORECASE)
_DOB_CUE = re.compile(r"\b(?:d\.?o\.?b\.?|date of birth|born(?: on| in)?)\b[:\s]*"
                      r"([^\n.;]{0,24}\d{2,4})", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿĀ-žŴŵŶŷ][A-Za-zÀ-ÖØ-öø-ÿĀ-žŴŵŶŷ'’\-]*")
_SENTENCE_END = re.compile(r"[.!?…:\n\"“”]\s*$")


def _dates(text: str) -> list[Finding]:
    out: list[Finding] = []
    for rx in (_DATE_NUM, _DATE_ISO, _DATE_WORDS):
        for m in rx.finditer(text):
            if rx is _DATE_NUM:
                day, month = int(m.group(1)), int(m.group(2))
                if not (1 <= day <= 31 and 1 <= month <= 12) and \
                        not (1 <= month <= 31 and 1 <= day <= 12):
                    continue
            out.append(Finding("date", m.group(0), m.start()))
    for m in _DOB_CUE.finditer(text):
        if not any(f.start >= m.start() and f.start <= m.end() for f in out):
            out.append(Finding("date", m.group(0).strip(), m.start()))
    return out


def _names(text: str, known: frozenset[str]) -> list[Finding]:
    out: list[Finding] = []
    seen: set[str] = set()
    for m in _WORD.finditer(text):
        word = m.group(0).rstrip("'’-")
        if len(word) < 2 or not word[0].isupper():
            continue
        before = text[:m.start()]
        if not before.strip() or _SENTENCE_END.search(before):
            continue  # the first word of a sentence is capitalised anyway
        key = word.lower()
        base = re.sub(r"['’]s$", "", key)
        if key in COMMON or base in COMMON or base in known or word.isupper():
            continue  # a common word, the deck's own characters, or an acronym (SEN, IRO)
        if base in seen:
            continue
        seen.add(base)
        out.append(Finding("name", re.sub(r"['’]s$", "", word), m.start()))
    return out


def check_identifying(text: str, allowed: tuple[str, ...] | list[str] = ()) -> list[Finding]:
    """Likely names and dates of birth in `text`, in the order they appear.

    `allowed`: words that are fine here (the deck's invented children, the person's
    colleagues they chose to name): never flagged."""
    known = frozenset(re.sub(r"['’]s$", "", w.lower())
                      for a in allowed for w in re.findall(r"[\w'’]+", a))
    found = _dates(text) + _names(text, known)
    return sorted(found, key=lambda f: f.start)


def warning_words(findings: list[Finding]) -> str:
    """One calm paragraph for the screen or the terminal."""
    if not findings:
        return ""
    listed = "; ".join(f.words() for f in findings[:4])
    more = f" (and {len(findings) - 4} more)" if len(findings) > 4 else ""
    return (f"Before you save: {listed}{more}. A record must never name a real child or give "
            "details that could identify them (names, dates of birth, schools, addresses). "
            "If it is an invented child from the game or a colleague, it is fine to keep.")


REMINDER = ("Never write a real child's name or anything that could identify them (a date of "
            "birth, a school, an address). Write about your practice, and about the invented "
            "children in the game.")

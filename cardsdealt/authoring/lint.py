"""Advice for deck authors: warnings, not failures (`check --strict` makes them failures).

Each piece of advice names the file and line of the card (or deck.yaml part) it is about and
says what to do. Static checks only read the deck; reachability comes from random play
(`cardsdealt.engine.simulate`).
"""

from __future__ import annotations

import bisect
import re
from pathlib import Path

from cardsdealt.authoring import new, reach
from cardsdealt.authoring.reach import warning as _warn
from cardsdealt.authoring.wordplace import WordFinder
from cardsdealt.deck import credits, images
from cardsdealt.deck.fields import BRIGHT_SPOTS_RETIRED
from cardsdealt.deck.model import Card, Deck, Source
from cardsdealt.deck.problems import Problem

# The words young people ask professionals to use. Keys are matched as whole words or
# phrases, case-insensitively; a deck can add its own under `lint: language:`.
LANGUAGE_THAT_CARES = {
    "placement": "home (or 'where I live')",
    "placements": "homes",
    "contact": "family time (or 'seeing my mum', 'seeing my brother')",
    "lac": "children in care",
    "looked after child": "child in care",
    "looked-after child": "child in care",
    "cla": "children in care",
    "absconded": "went missing (or 'left without saying')",
    "absconding": "going missing",
    "respite": "a short break (or 'a sleepover')",
    "placement breakdown": "a move that wasn't planned",
    "unit": "home (or the home's name)",
    "residential unit": "children's home",
    "siblings": "brothers and sisters",
    "sibling": "brother or sister",
    "challenging behaviour": "say what happened and what the child needed",
    "manipulative": "say what the child was trying to get or avoid",
    "attention seeking": "connection seeking",
    "attention-seeking": "connection-seeking",
    "statutory visit": "a visit from my social worker",
    "service user": "the child (or their name)",
    "kicked off": "got upset (say what happened)",
    "care leaver": "young person leaving care (or 'care-experienced young person')",
    "care leavers": "young people leaving care (or 'care-experienced young people')",
    # American phrasing: the decks are written in British English (en-GB)
    "doctor's visit": "a doctor's appointment (or 'seeing the doctor')",
    "doctor's visits": "doctor's appointments (or 'seeing the doctor')",
    "foster parent": "foster carer",
    "foster parents": "foster carers",
    "mom": "mum",
    "math": "maths",
    "vacation": "holiday",
    "caseworker": "social worker",
}

# Names of laws and guidance that contain a word from the list above: naming them in
# facilitator notes is right, so they are not advised against.
PROPER_NAMES = re.compile(
    r"Care Leavers \(England\) Regulations|Care Planning, Placement and Case Review"
    r"|transition to adulthood for care leavers"
    r"|criminalisation of (?:looked-after )?children(?: in care)? and care leavers"
    r"|Promoting the (?:education|health and well-being) of looked-after"
    r"(?: and previously looked-after)? children"
    r"|Care Leavers' Charter|Care Leaver Covenant|Placement Plan|Adoption Contact Register",
    re.IGNORECASE)

LONG_STATEMENT = 220  # characters: more than this will not fit a projected card at 48 px


def advise(deck: Deck, *, reachability: bool = True) -> list[Problem]:
    out: list[Problem] = _starter_words(deck)
    out += _stages(deck)
    out += _stats(deck)
    out += _choices(deck)
    out += _pictures(deck)
    out += _lengths(deck)
    out += _language(deck)
    out += _provenance(deck)
    out += _retired_tags(deck)
    if reachability:
        out += reach.advice(deck)
    return out


def _starter_words(deck: Deck) -> list[Problem]:
    """Words `cardsdealt new` wrote as examples, still in the deck: once per card, at the
    first of them, and once for the introduction."""
    out = []
    find = WordFinder(deck)
    if new.WRITE_HERE in " ".join(deck.introduction.split()):
        out.append(_warn(find.word(None, " ".join(new.WRITE_HERE.split()[:3])),
                         "the introduction is still the example `cardsdealt new` wrote",
                         "Write in its place what you want people to hear before the game "
                         "starts, in your own words: it is read aloud and printed."))
    starter = new.starter_words()
    for c in deck.cards:
        kept = [t for t in _card_texts(c) if t and " ".join(t.split()) in starter]
        if kept:
            out.append(_warn(find.word(c.source, " ".join(kept[0].split()[:3])),
                             f"`{c.id}` still has example words that `cardsdealt new` wrote",
                             "Write your group's own words in their place (or delete the "
                             "card): played or printed, a room would read them as yours."))
    return out


def _stages(deck: Deck) -> list[Problem]:
    used = {c.stage for c in deck.cards}
    return [_warn(None, f"the stage `{s.id}` has no cards",
                  f"Write cards with `stage: {s.id}`, or remove the stage from deck.yaml.")
            for s in deck.stages if s.id not in used]


def _stats(deck: Deck) -> list[Problem]:
    changed = {k for c in deck.cards for ch in c.choices for k in ch.effects}
    read = set()
    for cond in _conditions(deck):
        read |= cond.names
    out = []
    for s in deck.stats:
        if s.id not in changed:
            out.append(_warn(s.source, f"the stat `{s.id}` is never changed by any choice",
                             f"Add `effects: {{{s.id}: +1}}` to some choices, or remove it."))
        elif s.id not in read:
            out.append(_warn(s.source, f"the stat `{s.id}` is never read by a condition",
                             "That is fine if it is only shown; conditions in reflections or "
                             "endings can use it to react to the journey."))
    return out


def _conditions(deck: Deck):
    for c in deck.cards:
        if c.requires:
            yield c.requires
    for r in deck.reflections:
        yield r.when
    for e in deck.endings:
        if e.when:
            yield e.when
    for s in deck.stages:
        if s.until:
            yield s.until


def _choices(deck: Deck) -> list[Problem]:
    out = []
    for c in deck.cards:
        for i, ch in enumerate(c.choices, 1):
            if not (ch.effects or ch.set_flags or ch.clear_flags or ch.next or ch.response
                    or ch.reflect):
                out.append(_warn(c.source, f"choice {i} of `{c.id}` changes nothing",
                                 "Give it an effect, a flag, a response or a reflection, so "
                                 "the choice matters in the journey."))
    return out


def _pictures(deck: Deck) -> list[Problem]:
    out = []
    root = Path(deck.root)
    sizes: dict[str, tuple | None] = {}  # each picture read once, however many cards use it
    for c in deck.cards:
        if not c.image:
            out.append(_warn(c.source, f"the card `{c.id}` has no picture",
                             "Add `image: images/<name>.png`: drawings make cards memorable."))
            continue
        if c.image not in sizes:
            path = images.inside(root, c.image)
            try:
                sizes[c.image] = images.image_size(path) if path and path.is_file() else None
            except OSError:
                sizes[c.image] = None
        info = sizes[c.image]
        if info and 0 < min(info[1], info[2]) < images.PICTURE_MIN_SIDE:
            out.append(_warn(c.source, f"the picture of `{c.id}` is small ({info[1]}x{info[2]})",
                             picture_advice()))
    return out


def picture_advice() -> str:
    """How big a picture should be: one rule, from `images.PICTURE_MIN_SIDE`."""
    return (f"Use a picture at least {images.PICTURE_MIN_SIDE} pixels on its shorter side, so "
            "it is sharp on a projector and on a printed card (a phone photo is bigger; scan "
            "drawings at 300 dpi).")


# A card whose every text is at most this long fits a projected card at 1920x1080 whatever
# its letters (tests/authoring/test_check_scale.py measures the widest ones with the real
# layout), so it is not laid out one by one: that took most of `check` on big decks.
SHORT_TITLE = 20  # journey cards
SHORT_WORDS = 90
SHORT_CLASSIC_TITLE = 16  # classic cards are also drawn small, in a hand of 12
SHORT_STATEMENT = 40
SHORT_LABEL = 40
SHORT_RESPONSE = 90  # a response, `discuss` or `voice`


def surely_fits(c: Card) -> bool:
    classic = bool(c.statement or c.theme)
    return (len(c.title) <= (SHORT_CLASSIC_TITLE if classic else SHORT_TITLE)
            and len(c.words) <= (SHORT_STATEMENT if classic else SHORT_WORDS)
            and len(c.discuss) <= SHORT_RESPONSE and len(c.voice) <= SHORT_RESPONSE
            and all(len(ch.label) <= SHORT_LABEL and len(ch.response) <= SHORT_RESPONSE
                    for ch in c.choices))


def _lengths(deck: Deck) -> list[Problem]:
    """Words that will not fit a projected card: measured with the screen's own layout at
    1920x1080 when pygame is there (the same code that draws the card), else by length."""
    out = []
    measure = _fit_measure() if not all(surely_fits(c) for c in deck.cards) else None
    for c in deck.cards:
        problems = measure(deck, c) if measure and not surely_fits(c) else []
        if problems:
            out.append(_warn(c.source, f"on a projector, `{c.id}` will not fit: {problems[0]}",
                             "Shorten the words (aim for two or three short sentences); move "
                             "detail to `facilitator_notes`."))
        elif len(c.words) > LONG_STATEMENT:
            out.append(_warn(c.source, f"the words on `{c.id}` are long ({len(c.words)} "
                             "characters)", f"Keep them under {LONG_STATEMENT} characters so "
                             "they read from the back of a room; move detail to "
                             "`facilitator_notes`."))
    return out


def _fit_measure():
    try:
        import os

        os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
        import pygame

        from cardsdealt.render.fits import card_fit_problems

        pygame.font.init()
    except Exception:  # noqa: BLE001 - no pygame or no fonts: fall back to counting
        return None
    return lambda deck, card: card_fit_problems(deck, card, (1920, 1080))


def _card_texts(c: Card):
    yield c.title
    yield c.words
    yield c.discuss
    yield c.voice
    yield c.facilitator_notes
    for ch in c.choices:
        yield ch.label
        yield ch.response
        yield ch.reflect


def language_pattern(extra: dict[str, str] | None = None) -> tuple[re.Pattern, dict[str, str]]:
    words = {**LANGUAGE_THAT_CARES, **{k.lower(): v for k, v in (extra or {}).items()}}
    alts = sorted(words, key=len, reverse=True)
    pat = re.compile(r"\b(" + "|".join(re.escape(w) for w in alts) + r")\b", re.IGNORECASE)
    return pat, words


def _language(deck: Deck) -> list[Problem]:
    """One search over all the deck's words joined together (a search per text was most of
    this pass on big decks); each match is traced back to its card."""
    pat, words = language_pattern(dict(deck.language_advice))
    out = []
    deck_texts = [deck.introduction, *deck.content_notes, *(e.text for e in deck.endings),
                  *(r.prompt for r in deck.reflections)]
    sources = [(None, t) for t in deck_texts] + [(c.source, t) for c in deck.cards
                                                 for t in _card_texts(c)]
    # the names of laws and guidance (which may hold a listed word) are blanked, same length
    texts = [PROPER_NAMES.sub(lambda m: " " * len(m.group(0)), t or "") for _src, t in sources]
    joined = "\n\n".join(texts)  # no phrase in the list spans a blank line
    starts, at = [], 0
    for t in texts:
        starts.append(at)
        at += len(t) + 2
    low = joined.lower()
    if len(low) == len(joined):  # (nearly always) search lower case: no IGNORECASE, and
        # only at letters a listed word starts with: 7x faster on a big deck
        firsts = "".join(sorted({w[0] for w in words}))
        pat = re.compile(r"\b(?=[" + re.escape(firsts) + r"])(" + "|".join(
            re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b")
    find = WordFinder(deck)
    for m in pat.finditer(low if len(low) == len(joined) else joined):
        word = joined[m.start(1):m.end(1)]
        src = find.word(sources[bisect.bisect_right(starts, m.start()) - 1][0], word)
        out.append(_warn(src, f"\"{word}\" is a word many young people ask us not to use",
                         f"Try: {words[word.lower()]}."))
    return out


def _deck_words(deck: Deck):
    """Every text in the deck with where it was written (None: deck.yaml)."""
    for t in (deck.introduction, *deck.content_notes, *(e.text for e in deck.endings),
              *(r.prompt for r in deck.reflections)):
        yield None, t
    for c in deck.cards:
        for t in _card_texts(c):
            yield c.source, t
    readme = Path(deck.root) / "README.md"
    try:
        text = readme.read_text(encoding="utf-8") if readme.is_file() else ""
    except (OSError, UnicodeDecodeError):
        text = ""
    if text:
        yield Source("README.md", 1, 1), text


def _provenance(deck: Deck) -> list[Problem]:
    """The deck says who wrote it, and its words claim no more than that."""
    out = []
    if not deck.written_by_declared:
        out.append(_warn(None, "deck.yaml does not say who wrote the words",
                         "Add `written_by: contributors` (or `young-people`, or `co-produced` "
                         "with `made_with:`): screens, records and certificates say exactly "
                         "this, and nothing more."))
    if deck.written_by != "contributors":
        return out
    for src, text in _deck_words(deck):
        for claim in dict.fromkeys(credits.claims(text)):
            out.append(_warn(src, f"\"{claim}\" presents these words as young people's own, "
                             "but deck.yaml says `written_by: contributors`",
                             "Say who really wrote them (for example 'Kai is made up; the "
                             "writers learned from what young people have said'), or, if "
                             "young people wrote them, set `written_by: young-people` or "
                             "`co-produced`."))
    return out


def _retired_tags(deck: Deck) -> list[Problem]:
    out = []
    items = [(c.source, c.tags) for c in deck.cards] + [(r.source, r.tags)
                                                       for r in deck.reflections]
    for src, tags in items:
        for t in tags:
            kind, _, name = t.partition(":")
            if kind == "bright-spots" and name in BRIGHT_SPOTS_RETIRED:
                out.append(_warn(src, f"`{t}` is not a Bright Spots area",
                                 "Bright Spots has four areas: relationships, rights-and-voice, "
                                 "resilience, recovery. Tag the one this card is about; "
                                 "records never list 'feeling safe' as an area."))
    return out

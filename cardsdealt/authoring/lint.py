"""Advice for deck authors: warnings, not failures (`check --strict` makes them failures).

Each piece of advice names the file and line of the card (or deck.yaml part) it is about and
says what to do. Static checks only read the deck; reachability comes from random play
(`cardsdealt.engine.simulate`).
"""

from __future__ import annotations

import re
from pathlib import Path

from cardsdealt.deck import images
from cardsdealt.deck.model import Card, Deck, Source
from cardsdealt.deck.problems import WARNING, Problem
from cardsdealt.engine.simulate import simulate

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
}

LONG_STATEMENT = 220  # characters: more than this will not fit a projected card at 48 px


def _warn(src: Source | None, message: str, hint: str) -> Problem:
    src = src or Source("deck.yaml", 1, 1)
    return Problem(src.file, src.line or 1, src.column or 1, message, hint, WARNING)


def advise(deck: Deck, *, reachability: bool = True) -> list[Problem]:
    out: list[Problem] = []
    out += _stages(deck)
    out += _stats(deck)
    out += _choices(deck)
    out += _pictures(deck)
    out += _lengths(deck)
    out += _language(deck)
    if reachability:
        out += _reachability(deck)
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
            out.append(_warn(None, f"the stat `{s.id}` is never changed by any choice",
                             f"Add `effects: {{{s.id}: +1}}` to some choices, or remove it."))
        elif s.id not in read:
            out.append(_warn(None, f"the stat `{s.id}` is never read by a condition",
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
    for c in deck.cards:
        if not c.image:
            out.append(_warn(c.source, f"the card `{c.id}` has no picture",
                             "Add `image: images/<name>.png`: drawings make cards memorable."))
            continue
        path = images.inside(root, c.image)
        info = images.image_size(path) if path and path.is_file() else None
        if info and 0 < min(info[1], info[2]) < images.MIN_PRINT_SIDE:
            out.append(_warn(c.source, f"the picture of `{c.id}` is small ({info[1]}x{info[2]})",
                             f"For printing, use at least {images.MIN_PRINT_SIDE} pixels on "
                             "each side (scan drawings at 300 dpi)."))
    return out


def _lengths(deck: Deck) -> list[Problem]:
    """Words that will not fit a projected card: measured with the screen's own layout at
    1920x1080 when pygame is there (the same code that draws the card), else by length."""
    out = []
    measure = _fit_measure()
    for c in deck.cards:
        problems = measure(deck, c) if measure else []
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
    pat, words = language_pattern(dict(deck.language_advice))
    out = []
    deck_texts = [deck.introduction, *deck.content_notes, *(e.text for e in deck.endings),
                  *(r.prompt for r in deck.reflections)]
    sources = [(None, t) for t in deck_texts] + [(c.source, t) for c in deck.cards
                                                 for t in _card_texts(c)]
    for src, text in sources:
        for m in pat.finditer(text or ""):
            word = m.group(1)
            out.append(_warn(src, f"\"{word}\" is a word many young people ask us not to use",
                             f"Try: {words[word.lower()]}."))
    return out


REACH_GAMES = 300  # random journeys played by `check` to find what never comes up
LONGEST_JOURNEY = 500  # cards: a random journey still going after this is going round


def random_journeys(deck: Deck, games: int, progress=None):
    """The simulate report of `games` random journeys (seed 1, so advice is repeatable):
    what `check` warns about and what the journey map draws dashed."""
    return simulate(deck, games=games, seed=1, mode="journey", progress=progress,
                    max_steps=LONGEST_JOURNEY)


def _reachability(deck: Deck) -> list[Problem]:
    if "journey" not in deck.modes:
        return []
    try:
        report = random_journeys(deck, REACH_GAMES)
    except Exception:  # noqa: BLE001 - advice must never stop a check
        return []
    out = []
    for cycle, games in report.loops.items():
        ids = cycle.split()
        if not ids or not deck.has_card(ids[0]):
            continue
        path = " → ".join(f"`{c}`" for c in ids + ids[:1])
        out.append(_warn(deck.card(ids[0]).source,
                         f"{games} of {REACH_GAMES} random journeys were still going after "
                         f"{LONGEST_JOURNEY} cards: {path} kept leading to each other with "
                         "`next`",
                         "Give one of these cards `once: true`, or a choice without `next:`, "
                         "so the journey can move on."))
    for cid in report.never_reached:
        c = deck.card(cid)
        out.append(_warn(c.source, f"the card `{cid}` was never dealt in {REACH_GAMES} random "
                         "journeys", "Check its `requires` and its stage's `draws`; run "
                         "`cardsdealt simulate` for the full picture."))
    for rid in report.reflections_never_raised:
        r = next((r for r in deck.reflections if r.id == rid), None)
        out.append(_warn(r.source if r else None,
                         f"the reflection `{rid}` never came up in {REACH_GAMES} random "
                         "journeys", "Check that its `when` can become true with the stats' "
                         "ranges."))
    return out

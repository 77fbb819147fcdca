"""The deck model: plain, immutable values that the engine and the front ends read.

Nothing here knows about YAML or files: the loader (`cardsdealt.deck.loader`) builds these
from a deck folder, tests may build them directly. Positions (`Source`) are kept so that
later checks (lint, simulate) can point authors at the right line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import Callable, Mapping

FORMAT_VERSION = 1
MODES = ("journey", "classic")


@dataclass(frozen=True, slots=True)
class Source:
    """Where something was written: a file relative to the deck folder, 1-based line/column."""

    file: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.file}:{self.line}:{self.column}"
        return self.file


@dataclass(frozen=True, slots=True)
class Condition:
    """A parsed condition. `test(env)` evaluates it; `source` is the text the author wrote.

    `env` is any object with attributes `stats` (mapping name -> int), `flags` (set),
    `stage` (str), `turn` (int), `seen` (set of card ids), `chosen` (set of (card id, n)).
    """

    source: str
    test: Callable[[object], bool] = field(compare=False, repr=False)
    names: frozenset[str] = frozenset()  # stat/flag names it reads (for lint)
    cards: frozenset[str] = frozenset()  # card ids named in seen()/chose()
    chosen: frozenset[tuple[str, int]] = frozenset()  # (card id, choice number) in chose()

    def __call__(self, env: object) -> bool:
        return self.test(env)


@dataclass(frozen=True, slots=True)
class Stat:
    id: str
    label: str
    start: int
    min: int
    max: int
    description: str = ""
    source: Source | None = field(default=None, compare=False)  # its name in deck.yaml


@dataclass(frozen=True, slots=True)
class Stage:
    id: str
    title: str
    draws: int = 4
    until: Condition | None = None


@dataclass(frozen=True, slots=True)
class Choice:
    label: str
    effects: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))
    set_flags: tuple[str, ...] = ()
    clear_flags: tuple[str, ...] = ()
    response: str = ""
    reflect: str = ""
    next: str | None = None


@dataclass(frozen=True, slots=True)
class Card:
    """One card. Journey cards use stage/text/choices; classic cards theme/number/statement."""

    id: str
    title: str
    source: Source
    image: str | None = None  # path relative to the deck folder, POSIX separators
    discuss: str = ""
    voice: str = ""
    facilitator_notes: str = ""
    tags: tuple[str, ...] = ()
    # journey
    stage: str | None = None
    text: str = ""
    requires: Condition | None = None
    weight: float = 1.0
    once: bool = True
    choices: tuple[Choice, ...] = ()
    # classic
    theme: str | None = None
    number: int | None = None
    statement: str = ""

    @property
    def words(self) -> str:
        """The card's main words: the journey text or the classic statement."""
        return self.text or self.statement


@dataclass(frozen=True, slots=True)
class Reflection:
    id: str
    when: Condition
    prompt: str
    once: bool = True
    tags: tuple[str, ...] = ()
    source: Source | None = None


@dataclass(frozen=True, slots=True)
class Ending:
    id: str
    title: str
    text: str
    when: Condition | None = None  # None: the default ending
    source: Source | None = None


@dataclass(frozen=True, slots=True)
class Support:
    name: str
    detail: str = ""


@dataclass(frozen=True, slots=True)
class ClassicRules:
    players_min: int = 2
    players_max: int = 5
    hand_size: int = 7
    match: tuple[str, ...] = ("theme", "number")
    themes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Deck:
    id: str
    title: str
    root: str  # the deck folder, absolute path as given to the loader
    format: int = FORMAT_VERSION
    language: str = "en-GB"
    authors: tuple[str, ...] = ()
    written_by: str = "contributors"  # one of fields.WRITTEN_BY
    written_by_declared: bool = False  # False: deck.yaml left it out (check advises)
    made_with: tuple[str, ...] = ()
    inspired_by: tuple[str, ...] = ()
    licence: str = ""
    content_notes: tuple[str, ...] = ()
    introduction: str = ""
    support: tuple[Support, ...] = ()
    modes: tuple[str, ...] = ("journey",)
    discussion_seconds: int = 120
    stats: tuple[Stat, ...] = ()
    flags: tuple[str, ...] = ()
    stages: tuple[Stage, ...] = ()
    cards: tuple[Card, ...] = ()
    reflections: tuple[Reflection, ...] = ()
    endings: tuple[Ending, ...] = ()
    classic: ClassicRules | None = None
    language_advice: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def card(self, card_id: str) -> Card:
        """The card with this id (KeyError if none)."""
        return self._index[card_id]

    def has_card(self, card_id: str) -> bool:
        return card_id in self._index

    def stat(self, stat_id: str) -> Stat:
        for s in self.stats:
            if s.id == stat_id:
                return s
        raise KeyError(stat_id)

    def cards_in_stage(self, stage_id: str) -> tuple[Card, ...]:
        return tuple(c for c in self.cards if c.stage == stage_id)

    @cached_property
    def _index(self) -> dict[str, Card]:
        return {c.id: c for c in self.cards}

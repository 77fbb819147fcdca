"""Ways to run a session: each preset says which way of playing it uses, what the trainer
gets (timer, hands-up tally, panel notes) and how the session is kept (solo or group).

The names are the ones `cardsdealt play --preset` accepts (`NAMES`). The choice is remembered
per deck (`cardsdealt.session.settings.remember_preset`) and marked first the next time. Pure
data and rules, shared by both front ends: which preset fits a deck, the way of playing it
uses, and how its session is kept (`session_kind`).
"""

from __future__ import annotations

from dataclasses import dataclass

INTERVIEW_CARDS = 5  # cards shown to a candidate unless the panel picks another number
INTERVIEW_RANGE = (1, 12)


@dataclass(frozen=True)
class Preset:
    name: str
    title: str
    detail: str
    modes: tuple[str, ...]  # ways of playing it works with; the first is preferred
    kind: str  # how the session is kept: "solo" or "group" (peer reflection)
    tally: bool = False  # number keys count raised hands
    timer: bool = False  # the discussion timer is shown on every card


PRESETS = (
    Preset("supervision", "Group supervision",
           "A journey with pauses to talk: a timer and a hands-up vote on every card, "
           "kept as a peer-reflection record.", ("journey",), "group", tally=True, timer=True),
    Preset("table", "Classic table game",
           "Match and play cards around a table; talk about every card played.",
           ("classic",), "group", timer=True),
    Preset("interview", "Interview panel",
           "Show a candidate a few cards at random and keep private panel notes on each.",
           ("journey", "classic"), "group"),
    Preset("solo", "On my own",
           "Play a journey at your own pace and write reflections as you go.",
           ("journey",), "solo"),
)
BY_NAME = {p.name: p for p in PRESETS}
NAMES = tuple(BY_NAME)


def get(name: str | None) -> Preset | None:
    return BY_NAME.get(name or "")


def fitting(deck, mode: str | None = None) -> list[Preset]:
    """Presets this deck can run; with the way of playing chosen (a start screen row: a deck
    that is both a journey and a table game has a row for each), only those that run it that
    way, so a table game's row never offers a journey's group supervision or "On my own"."""
    modes = tuple(getattr(deck, "modes", ()) or ("journey",))
    ok = [p for p in PRESETS if any(m in modes for m in p.modes)]
    if mode in modes:
        ok = [p for p in ok if mode in p.modes]
    return ok


def mode_for(preset: Preset, deck, wanted: str | None = None) -> str | None:
    """The way of playing a preset uses on this deck (None: the deck cannot run it)."""
    modes = tuple(getattr(deck, "modes", ()) or ("journey",))
    if wanted in preset.modes and wanted in modes:
        return wanted
    return next((m for m in preset.modes if m in modes), None)


def session_kind(name: str | None) -> str:
    """"group" or "solo", for `SessionStore.start(..., kind=)`. Unknown: "solo"."""
    p = get(name)
    return p.kind if p else "solo"


def default_for(mode: str | None) -> str:
    """The plain way to play a mode when nobody chose a preset."""
    return "table" if mode == "classic" else "solo"


def play_mode(name: str | None, deck, wanted: str | None = None) -> str | None:
    """The way to play: the one asked for (--mode), else the one the preset uses on this deck,
    else None (the deck's own first way)."""
    p = get(name)
    return wanted or (mode_for(p, deck) if p else None)


def way_words(name: str | None, mode: str | None, kind: str | None = None) -> str:
    """How a session was run, in a trainer's words: the preset's title, or (a save from before
    presets, or none chosen) the way of playing and who played it."""
    p = get(name)
    if p is not None:
        return p.title
    if mode == "classic":
        return BY_NAME["table"].title
    return "Journey, as a group" if kind == "group" else "Journey, on my own"

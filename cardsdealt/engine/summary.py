"""The end-of-game summary: what the group's journey looked like, for the screen and records.

Built only from the saved state (titles and labels are stored as they were shown), so a
summary of an old save still reads right after the deck has been edited.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Step:
    """One card shown and what was chosen (journey)."""

    turn: int
    card_id: str
    title: str
    stage: str
    choice: int | None  # 0-based; None if the game stopped before a choice
    label: str | None
    votes: tuple[int, ...] | None
    changes: dict  # stat id -> how much it actually moved


@dataclass(frozen=True)
class StatMove:
    """A choice that moved a stat (journey)."""

    turn: int
    card_id: str
    label: str
    change: int


@dataclass(frozen=True)
class ReflectionRecord:
    id: str
    prompt: str
    card_id: str | None
    turn: int
    answer: str | None  # None: skipped (or still waiting)
    status: str  # "answered" | "skipped" | "pending"


@dataclass(frozen=True)
class Play:
    """A card played (classic)."""

    turn: int
    player: int
    name: str
    card_id: str
    title: str


@dataclass(frozen=True)
class Summary:
    deck_id: str
    deck_title: str
    mode: str
    seed: int
    turns: int
    finished: bool
    path: tuple[Step, ...]
    stat_labels: dict  # stat id -> label
    stat_history: tuple[dict, ...]  # stat values at the start, then after every turn
    stat_moves: dict  # stat id -> tuple[StatMove, ...]
    reflections: tuple[ReflectionRecord, ...]
    ending_id: str | None
    ending_title: str | None
    ending_text: str | None
    # classic
    player_names: tuple[str, ...] = ()
    plays: tuple[Play, ...] = ()
    discussions: tuple[str, ...] = ()  # card ids, in order
    winner: int | None = None

    @property
    def final_stats(self) -> dict:
        return dict(self.stat_history[-1]) if self.stat_history else {}

    def to_json(self) -> dict:
        """Plain JSON values only (lists, not tuples), ready for json.dumps."""
        return _plain(asdict(self))


def build_summary(game) -> Summary:
    s, deck = game.state, game.deck
    path = tuple(Step(h["turn"], h["card"], h.get("title") or h["card"], h.get("stage", ""),
                      h.get("choice"), h.get("label"),
                      tuple(h["votes"]) if h.get("votes") is not None else None,
                      dict(h.get("changes") or {}))
                 for h in s.history)
    moves: dict[str, list[StatMove]] = {st.id: [] for st in deck.stats}
    for step in path:
        for stat, change in step.changes.items():
            if change:
                moves.setdefault(stat, []).append(
                    StatMove(step.turn, step.card_id, step.label or "", change))
    reflections = tuple(ReflectionRecord(r["id"], r["prompt"], r.get("card"), r.get("turn", 0),
                                         r.get("answer"), r["status"])
                        for r in s.reflections)
    ending = game.ending
    return Summary(
        deck_id=deck.id, deck_title=deck.title, mode=s.mode, seed=s.seed, turns=s.turn,
        finished=s.finished, path=path,
        stat_labels={st.id: st.label for st in deck.stats},
        stat_history=tuple(dict(x) for x in s.stat_history),
        stat_moves={k: tuple(v) for k, v in moves.items()},
        reflections=reflections,
        ending_id=ending.id if ending else None,
        ending_title=ending.title if ending else None,
        ending_text=ending.text if ending else None,
        player_names=tuple(s.player_names),
        plays=tuple(Play(p["turn"], p["player"], s.player_names[p["player"]], p["card"],
                         p.get("title") or p["card"]) for p in s.plays),
        discussions=tuple(s.discussions),
        winner=s.winner,
    )


def _plain(value):
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value

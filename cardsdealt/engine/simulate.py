"""Play many random games and report what authors need to know about their deck:
cards never reached, stages that never finish, reflections never raised, how often each
ending is reached, how far each stat moves, and in how many games each statutory moment (cards
tagged `statutory:<moment>`) is dealt. Pure: no printing (ui/terminal/simulate.py
shows the report), deterministic given the seed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Callable

from cardsdealt.deck.model import Deck
from cardsdealt.engine.game import Game
from cardsdealt.engine.rng import Rng

MAX_STEPS = 2000  # a game longer than this is stopped and counted as unfinished


@dataclass
class SimulationReport:
    deck_id: str
    mode: str
    games: int
    seed: int
    steps: int = 0  # journey: choices made; classic: turns taken
    unfinished: int = 0  # games stopped after max_steps without an ending
    max_steps: int = MAX_STEPS
    loops: dict = field(default_factory=dict)  # journey: "a b" (cards going round) -> games
    card_counts: dict = field(default_factory=dict)  # id -> games dealt (journey) / plays
    never_reached: list = field(default_factory=list)
    stages_entered: dict = field(default_factory=dict)  # stage -> games that entered it
    stage_ends: dict = field(default_factory=dict)  # stage -> {reason: count}
    stages_never_finished: list = field(default_factory=list)
    reflections_raised: dict = field(default_factory=dict)  # rule id -> games raising it
    reflections_never_raised: list = field(default_factory=list)
    endings: dict = field(default_factory=dict)  # ending id -> games
    stat_ranges: dict = field(default_factory=dict)  # stat -> {min, max, mean_final}
    players: int = 0  # classic
    winners: dict = field(default_factory=dict)  # classic: seat (1-based) -> games won
    stuck: int = 0  # classic: games where nobody could move
    statutory: dict = field(default_factory=dict)  # moment (tag `statutory:x`) -> games dealt

    def ending_shares(self) -> dict[str, float]:
        total = sum(self.endings.values()) or 1
        return {k: v / total for k, v in self.endings.items()}

    def to_json(self) -> dict:
        out = dict(self.__dict__)
        out["ending_shares"] = self.ending_shares()
        return out


def game_seed(seed: int, index: int) -> int:
    """The seed of the index-th simulated game (so any one of them can be replayed)."""
    return Rng(seed, index, stream=7).next64() % 1_000_000_000


def simulate(deck: Deck, games: int, seed: int = 1, mode: str | None = None,
             players: int | None = None,
             progress: Callable[[int, int], None] | None = None,
             max_steps: int = MAX_STEPS) -> SimulationReport:
    mode = mode or deck.modes[0]
    report = SimulationReport(deck.id, mode, games, seed, max_steps=max_steps)
    pick = Rng(seed, stream=3)
    run = _journey_game if mode == "journey" else _classic_game
    acc = _Acc()
    step = max(1, games // 100)
    for g in range(games):
        game = Game.new(deck, mode, game_seed(seed, g), players=players)
        run(game, pick, report, acc)
        if progress is not None and (g + 1) % step == 0:
            progress(g + 1, games)
    _finish(deck, report, acc, mode)
    return report


class _Acc:
    def __init__(self) -> None:
        self.cards: Counter = Counter()
        self.entered: Counter = Counter()
        self.ends: dict[str, Counter] = {}
        self.raised: Counter = Counter()
        self.endings: Counter = Counter()
        self.lo: dict[str, int] = {}
        self.hi: dict[str, int] = {}
        self.final: Counter = Counter()
        self.winners: Counter = Counter()
        self.statutory: Counter = Counter()


def _journey_game(game: Game, pick: Rng, report: SimulationReport, acc: _Acc) -> None:
    state = game.state
    steps = 0
    while not state.finished and steps < report.max_steps:
        if state.pending() is not None:
            game.reflect(None)
        else:
            game.choose(pick.below(len(game.choices)))
            steps += 1
    report.steps += steps
    # a journey the engine stopped for going on too long did not end either
    ran_away = bool(state.stage_log) and state.stage_log[-1][1] == "too_long"
    if not state.finished or ran_away:
        report.unfinished += 1
        key = " ".join(going_round([h["card"] for h in state.history[-200:]]))
        report.loops[key] = report.loops.get(key, 0) + 1
    acc.cards.update(state.seen)
    deck = game.deck
    acc.statutory.update({t.partition(":")[2] for cid in state.seen if deck.has_card(cid)
                          for t in deck.card(cid).tags if t.startswith("statutory:")})
    acc.entered.update({stage for stage, _ in state.stage_log})
    if not state.finished:
        acc.entered[state.stage] += 1
    for stage, reason in state.stage_log:
        acc.ends.setdefault(stage, Counter())[reason] += 1
    acc.raised.update({r["id"] for r in state.reflections})
    if state.ending is not None:
        acc.endings[state.ending] += 1
    lo, hi = acc.lo, acc.hi
    for values in state.stat_history:
        for k, v in values.items():
            if v < lo.get(k, v + 1):
                lo[k] = v
            if v > hi.get(k, v - 1):
                hi[k] = v
    acc.final.update(state.stats)


def going_round(dealt: list[str]) -> list[str]:
    """The cards a journey that never ends keeps dealing, in order, from the first by name:
    the run from the last card's previous appearance (["b", "a", "b", "a"] -> ["a", "b"])."""
    if not dealt:
        return []
    last = dealt[-1]
    before = len(dealt) - 2
    while before >= 0 and dealt[before] != last:
        before -= 1
    cycle = dealt[before + 1:] if before >= 0 else dealt[-5:]
    start = cycle.index(min(cycle))
    return cycle[start:] + cycle[:start]


def _classic_game(game: Game, pick: Rng, report: SimulationReport, acc: _Acc) -> None:
    state = game.state
    report.players = len(state.player_names)
    steps = 0
    while not state.finished and steps < report.max_steps:
        if state.discussing is not None:
            game.end_discussion()
            continue
        playable = game.playable()
        if playable:
            game.play(playable[pick.below(len(playable))].id)
        else:
            game.draw()
        steps += 1
    report.steps += steps
    # a journey the engine stopped for going on too long did not end either
    ran_away = bool(state.stage_log) and state.stage_log[-1][1] == "too_long"
    if not state.finished or ran_away:
        report.unfinished += 1
        return
    acc.cards.update(p["card"] for p in state.plays)
    acc.endings[state.ending] += 1
    if state.winner is not None:  # a finished classic game always has one
        acc.winners[state.winner + 1] += 1
    if state.ending == "classic-stuck":
        report.stuck += 1


def _finish(deck: Deck, report: SimulationReport, acc: _Acc, mode: str) -> None:
    game_cards = [c.id for c in deck.cards if (c.choices if mode == "journey"
                                                else c.theme is not None or c.number is not None)]
    report.card_counts = {cid: acc.cards.get(cid, 0) for cid in game_cards}
    report.never_reached = [cid for cid in game_cards if not acc.cards.get(cid)]
    report.endings = dict(acc.endings.most_common())
    if mode == "classic":
        report.winners = dict(sorted(acc.winners.items()))
        return
    moments = dict.fromkeys(t.partition(":")[2] for c in deck.cards for t in c.tags
                            if t.startswith("statutory:"))
    report.statutory = {m: acc.statutory.get(m, 0) for m in moments}
    report.stages_entered = {s.id: acc.entered.get(s.id, 0) for s in deck.stages}
    report.stage_ends = {s.id: dict(acc.ends.get(s.id, Counter())) for s in deck.stages}
    report.stages_never_finished = [
        s.id for s in deck.stages
        if not (acc.ends.get(s.id, Counter()).get("draws")
                or acc.ends.get(s.id, Counter()).get("until"))]
    report.reflections_raised = {r.id: acc.raised.get(r.id, 0) for r in deck.reflections}
    report.reflections_never_raised = [r.id for r in deck.reflections if not acc.raised.get(r.id)]
    n = max(1, report.games)
    report.stat_ranges = {s.id: {"min": acc.lo.get(s.id, s.start), "max": acc.hi.get(s.id, s.start),
                                 "mean_final": round(acc.final.get(s.id, 0) / n, 2)}
                          for s in deck.stats}

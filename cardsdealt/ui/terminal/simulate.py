"""`cardsdealt simulate`: play many random games and tell the deck's authors what they show.

The games are played by cardsdealt.engine.simulate; this module only prints the report, as
plain lines or JSON, with a progress line on stderr when stderr is a terminal.
"""

from __future__ import annotations

import json
import sys
from typing import TextIO

from cardsdealt.deck.model import Deck
from cardsdealt.deck.safetext import json_safe, printable
from cardsdealt.engine import GameError
from cardsdealt.engine.simulate import SimulationReport, simulate
from cardsdealt.ui.terminal.progress import ProgressLine


def run_simulate(deck: Deck, games: int, seed: int, mode: str | None, as_json: bool,
                 out: TextIO, err: TextIO | None = None, players: int | None = None) -> int:
    err = err if err is not None else sys.stderr
    if games < 1:
        err.write("Please ask for at least one game (-n 1 or more).\n")
        return 2
    progress = ProgressLine("Simulating", err, unit="games")
    try:
        report = simulate(deck, games, seed, mode, players=players, progress=progress)
    except GameError as e:
        progress.close()
        err.write(e.message + "\n")
        return 2
    progress.close()
    if as_json:
        out.write(json_safe(json.dumps(report.to_json(), indent=2, ensure_ascii=False)) + "\n")
    else:
        out.write("".join(printable(line) + "\n" for line in report_lines(deck, report)))
    return 0


def report_lines(deck: Deck, r: SimulationReport) -> list[str]:
    lines = [f"{deck.title}: {r.games} random {r.mode} games (seed {r.seed})", ""]
    if r.unfinished:
        lines += [f"{r.unfinished} games did not end (stopped after {r.max_steps} choices): cards "
                  "that keep sending the game to each other with `next`, or no card that can "
                  "ever be played."]
        for cycle, games in sorted(r.loops.items(), key=lambda kv: -kv[1]):
            ids = cycle.split()
            lines.append(f"  {games} going round: {' -> '.join(ids + ids[:1])}")
        lines.append("")
    lines += _list("Cards never reached", r.never_reached, "every card was reached")
    if r.mode == "journey":
        lines += _journey_lines(deck, r)
    else:
        lines += _classic_lines(r)
    return lines


def _list(title: str, items: list[str], none: str) -> list[str]:
    if not items:
        return [f"{title}: none ({none}).", ""]
    return [f"{title} ({len(items)}):", *(f"  {i}" for i in items), ""]


def _journey_lines(deck: Deck, r: SimulationReport) -> list[str]:
    lines = _list("Stages never finished", r.stages_never_finished,
                  "every stage sometimes ran its full course")
    why = {"draws": "all its draws", "until": "its `until`", "no_cards": "ran out of cards",
           "jumped": "a `next` jumped past it", "too_long": "the journey went on too long"}
    lines.append("How stages ended:")
    for stage, ends in r.stage_ends.items():
        parts = [f"{why.get(k, k)} {v}" for k, v in ends.items()]
        lines.append(f"  {stage}: " + (", ".join(parts) if parts else "never reached"))
    lines.append("")
    lines += _list("Reflections never raised", r.reflections_never_raised,
                   "every reflection came up")
    titles = {e.id: e.title for e in deck.endings}
    lines.append("Endings reached:")
    shares = r.ending_shares()
    for e in deck.endings:
        lines.append(f"  {titles[e.id]}: {r.endings.get(e.id, 0)} games "
                     f"({shares.get(e.id, 0.0):.0%})")
    lines.append("")
    lines.append("Stat ranges (lowest, highest, average at the end):")
    for s in deck.stats:
        rng = r.stat_ranges.get(s.id, {})
        lines.append(f"  {s.label}: {rng.get('min')} to {rng.get('max')}, "
                     f"average {rng.get('mean_final')} (allowed {s.min} to {s.max})")
    lines.append("")
    lines.append(f"{r.steps} cards played in all, {r.steps / max(1, r.games):.1f} per game.")
    if r.statutory:
        lines += ["", "Statutory moments (cards tagged `statutory:`), games in which each was "
                  "dealt:"]
        n = max(1, r.games)
        lines += [f"  {m}: {g} games ({g / n:.0%})" for m, g in r.statutory.items()]
    lines += _reading_lines(deck)
    return lines


def _reading_lines(deck: Deck) -> list[str]:
    from cardsdealt.authoring.reading import stage_grades

    grades = stage_grades(deck)
    if grades is None:
        return ["", "Reading grade per stage: install textstat to see it "
                "(pip install -e '.[test]')."]
    out = ["", "Reading grade per stage (Flesch-Kincaid, of the child's own words: card text "
           "and responses):"]
    titles = {s.id: s.title for s in deck.stages}
    out += [f"  {titles.get(s, s)}: {g:.1f}" for s, g in grades.items()]
    return out


def _classic_lines(r: SimulationReport) -> list[str]:
    lines = [f"Players: {r.players}. Turns: {r.steps / max(1, r.games):.1f} per game."]
    for seat, wins in r.winners.items():
        lines.append(f"  Player {seat} finished first in {wins} games.")
    if r.stuck:
        lines.append(f"{r.stuck} games stopped because nobody could play or draw.")
    return lines

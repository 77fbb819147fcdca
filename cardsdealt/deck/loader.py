"""Deck folder -> validated, immutable `Deck`, or a `DeckError` listing every problem.

The loader walks libyaml's nodes (see yamlsource.py) and builds the model directly, so every
value is checked where it was written and every problem carries its line and column.
"""

from __future__ import annotations

import dataclasses
import gc
from pathlib import Path
from typing import Mapping, cast

from cardsdealt.deck import fields as F
from cardsdealt.deck import yamlsource
from cardsdealt.deck.cards import load_cards
from cardsdealt.deck.crosscheck import cross_check, enough_cards
from cardsdealt.deck.decktail import deck_tail
from cardsdealt.deck.folder import folder_problem
from cardsdealt.deck.memfolder import MemoryPath
from cardsdealt.deck.model import (
    FORMAT_VERSION,
    MODES,
    ClassicRules,
    Deck,
    Stage,
    Stat,
)
from cardsdealt.deck.nodes import _NAME, Names, NodeReader, describe, unknown_name
from cardsdealt.deck.problems import DeckError, Problem, did_you_mean
from cardsdealt.deck.yamlsource import ScalarNode


def load_deck(path: str | Path) -> Deck:
    """Load and validate the deck folder at `path`. Raises DeckError listing every problem."""
    deck, problems = check_deck(path)
    if deck is None:
        raise DeckError([p for p in problems if p.severity == "error"], str(path))
    return deck


def check_deck(path: str | Path) -> tuple[Deck | None, list[Problem]]:
    """(deck or None, problems). Garbage collection is paused while loading: the many small
    objects made here would otherwise trigger repeated full collections (superlinear time)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _check_deck(Path(path))
    finally:
        if was_enabled:
            gc.enable()


def check_files(files: Mapping[str, bytes], root: str = "") -> tuple[Deck | None, list[Problem]]:
    """`check_deck` for a deck folder held in memory ({relative path: bytes}, as the studio
    holds it). The deck's `root` is `root`: the folder it is saved in, where the window finds
    its pictures (empty: none yet)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        # a MemoryPath answers every Path question the loader asks (deck/memfolder.py)
        folder = cast(Path, MemoryPath(files, label=root or "<in memory>"))
        deck, problems = _check_deck(folder)
    finally:
        if was_enabled:
            gc.enable()
    if deck is not None:
        deck = dataclasses.replace(deck, root=root)
    return deck, problems


def _check_deck(root: Path) -> tuple[Deck | None, list[Problem]]:
    problems: list[Problem] = []
    deck_file = root / "deck.yaml"
    wrong = folder_problem(root)
    if wrong is not None:
        problems.append(wrong)
        return None, problems
    node, may_alias = yamlsource.read(deck_file, "deck.yaml", problems)
    f = NodeReader("deck.yaml", problems, may_alias)
    if node is None:
        return None, problems
    fields = f.mapping(node, "deck.yaml")
    if fields is None:
        return None, problems
    f.unknown(fields, F.DECK, "deck.yaml")
    f.required(node, fields, F.DECK_REQUIRED, "deck.yaml")
    names = Names()
    head = _deck_head(f, fields, names)
    entries, complete = load_cards(root, f, fields, names)
    tail = deck_tail(f, fields, names)
    cross_check(root, f, entries, names, complete)
    if complete and "classic" in fields:
        enough_cards(f, head.get("classic"), fields["classic"][1], entries)
    if any(p.severity == "error" for p in problems):
        return None, problems
    deck = Deck(root=str(root), cards=tuple(e.card for e in entries),
                stats=tuple(names.stats.values()), flags=tuple(sorted(names.flags)),
                stages=tuple(names.stages.values()), modes=names.modes, **head, **tail)
    return deck, problems


def _deck_head(f: NodeReader, fields: dict, names: Names) -> dict:
    """The parts of deck.yaml that cards refer to (stats, flags, stages, themes) and the
    plain fields; conditions come later (decktail.py), once every name is known."""
    out = _deck_fields(f, fields)
    names.modes = _modes(f, fields, names)
    if "stats" in fields:
        _stats(f, fields["stats"][1], names)
    if "flags" in fields:
        _flags(f, fields["flags"][1], names)
    if "stages" in fields:
        _stages_head(f, fields["stages"][1], names)
    if "classic" in fields:
        out["classic"] = _classic(f, fields["classic"][1], names)
    elif "classic" in names.modes:
        out["classic"] = ClassicRules()
    if "journey" in names.modes:
        for key in ("stats", "stages", "endings"):
            if key not in fields:
                f.err(fields["modes"][1], f"a journey deck needs `{key}:` in deck.yaml",
                      f"Add `{key}:` ({describe(key)}) or remove `journey` from `modes`.")
    return out


def _deck_fields(f: NodeReader, fields: dict) -> dict:
    out: dict = {}
    if "format" in fields:
        v = f.integer(fields["format"][1], "`format`", 1, 1_000)
        if v is not None and v > FORMAT_VERSION:
            f.err(fields["format"][1], f"this deck uses format {v}, but this cardsdealt only "
                  f"knows format {FORMAT_VERSION}", "Update cardsdealt to play this deck.")
        if v is not None:
            out["format"] = v
    if "id" in fields:
        ident = f.ident(fields["id"][1], "the deck `id`")
        if ident:
            out["id"] = ident
    for key in ("title", "language", "licence", "introduction"):
        if key in fields:
            words = f.text(fields[key][1], f"`{key}`", 20_000)
            if words is not None:
                out[key] = words
    for key in ("authors", "content_notes", "made_with", "inspired_by"):
        if key in fields:
            out[key] = f.texts(fields[key][1], f"`{key}`")
    if "written_by" in fields:
        out.update(_written_by(f, fields["written_by"][1]))
    if "discussion_seconds" in fields:
        v = f.integer(fields["discussion_seconds"][1], "`discussion_seconds`", 10, 3600)
        if v is not None:
            out["discussion_seconds"] = v
    return out


def _written_by(f: NodeReader, node) -> dict:
    """`written_by`: who wrote the words (the credits on every screen and record)."""
    v = f.text(node, "`written_by`", 40)
    if v is not None and v not in F.WRITTEN_BY:
        unknown_name(f, node, v, F.WRITTEN_BY, "who can write a deck", "`written_by` is one of")
        return {}
    return {} if v is None else {"written_by": v, "written_by_declared": True}


def _flags(f: NodeReader, node, names: Names) -> None:
    for n in f.sequence(node, "`flags`") or ():
        v = f.ident(n, "a flag name", _NAME)
        if v in names.flags:
            f.err(n, f"the flag `{v}` is listed twice")
        elif v in names.stats:
            f.err(n, f"`{v}` is both a stat and a flag", "Give them different names.")
        elif v:
            names.flags.add(v)


def _modes(f: NodeReader, fields: dict, names: Names) -> tuple[str, ...]:
    if "modes" not in fields:
        return ()
    node = fields["modes"][1]
    names.modes_node = node
    if node.__class__ is ScalarNode:  # a single mode written without brackets
        items = [node]
    else:
        items = f.sequence(node, "`modes`") or []
    if not items and node.__class__ is not ScalarNode and f.sequence(node, "`modes`") == []:
        f.err(node, "`modes` is empty, so the deck cannot be played",
              "Use `journey`, `classic`, or both: `modes: [journey, classic]`.")
    out = []
    for n in items:
        v = f.text(n, "a mode")
        if v is not None and v not in MODES:
            hint = did_you_mean(v, MODES)
            f.err(n, f"`{v}` is not a way to play", (hint + " " if hint else "")
                  + "Use `journey`, `classic`, or both: `modes: [journey, classic]`.")
        elif v is not None:
            out.append(v)
    return tuple(out)


def _stats(f: NodeReader, node, names: Names) -> None:
    fields = f.mapping(node, "`stats`")
    for name, (k, v) in (fields or {}).items():
        sid = f.ident(k, "a stat name", _NAME)
        sf = f.fields(v, F.STAT, F.STAT_REQUIRED, f"the stat `{name}`")
        if sid is None:
            continue
        # the stat is known from here on, whatever is wrong inside it: cards and conditions
        # that use it are right, and must not each get a message of their own
        names.stats[sid] = Stat(sid, sid, 0, 0, 0)
        if sf is None:
            continue
        label = f.text(sf["label"][1], "the stat's `label`", 60)
        lo = f.integer(sf["min"][1], "`min`", -1000, 1000)
        hi = f.integer(sf["max"][1], "`max`", -1000, 1000)
        start = f.integer(sf["start"][1], "`start`", -1000, 1000)
        desc = f.text(sf["description"][1], "`description`") if "description" in sf else ""
        if label is None or lo is None or hi is None or start is None:
            continue
        if not lo <= start <= hi:
            f.err(sf["start"][1], f"`start` ({start}) must be between `min` ({lo}) and "
                  f"`max` ({hi})", f"Change `start` to a number from {lo} to {hi}, or "
                  "change `min` or `max`.")
            continue
        names.stats[sid] = Stat(sid, label, start, lo, hi, desc or "", f.source(k))


def _stages_head(f: NodeReader, node, names: Names) -> None:
    """Stage ids first (cards refer to them); `until` conditions are compiled in the tail."""
    for n in f.sequence(node, "`stages`") or ():
        if n.__class__ is ScalarNode:
            sid = f.ident(n, "a stage id")
            sf: dict = {}
        else:
            got = f.fields(n, F.STAGE, F.STAGE_REQUIRED, "a stage")
            if got is None:
                continue
            sf = got
            sid = f.ident(sf["id"][1], "a stage id")
        if sid is None:
            continue
        if sid in names.stages:
            f.err(n, f"the stage `{sid}` is listed twice")
            continue
        title = sid.replace("-", " ").replace("_", " ").capitalize()
        if "title" in sf:
            title = f.text(sf["title"][1], "the stage `title`", 80) or title
        draws = 4
        if "draws" in sf:
            draws = f.integer(sf["draws"][1], "`draws`", 1, 100) or draws
        names.stages[sid] = Stage(sid, title, draws, None)
        if "until" in sf:
            names.untils[sid] = sf["until"][1]


def _classic(f: NodeReader, node, names: Names) -> ClassicRules | None:
    cf = f.mapping(node, "`classic`")
    if cf is None:
        return None
    f.unknown(cf, F.CLASSIC, "`classic`")
    kw: dict = {}
    if "players" in cf:
        kw.update(_players(f, cf["players"][1]))
    if "hand_size" in cf:
        kw["hand_size"] = f.integer(cf["hand_size"][1], "`hand_size`", 1, 20) or 7
    if "match" in cf:
        match = []
        for n in f.sequence(cf["match"][1], "`match`") or ():
            v = f.text(n, "a `match` rule")
            if v is not None and v not in ("theme", "number"):
                f.err(n, f"cards cannot be matched on `{v}`",
                      "Use `theme`, `number`, or both: `match: [theme, number]`.")
            elif v:
                match.append(v)
        kw["match"] = tuple(match) or ("theme", "number")
    if "themes" in cf:
        themes = []
        for n in f.sequence(cf["themes"][1], "`themes`") or ():
            v = f.ident(n, "a theme")
            if v:
                themes.append(v)
        kw["themes"] = tuple(themes)
        names.themes = set(themes)
    return ClassicRules(**kw)


def _players(f: NodeReader, node) -> dict:
    kw: dict = {}
    pf = f.mapping(node, "`players`")
    if pf is None:
        return kw
    f.unknown(pf, F.PLAYERS, "`players`")
    if "min" in pf:
        kw["players_min"] = f.integer(pf["min"][1], "`players: min`", 2, 5) or 2
    if "max" in pf:
        kw["players_max"] = f.integer(pf["max"][1], "`players: max`", 2, 5) or 5
    if kw.get("players_min", 2) > kw.get("players_max", 5):
        f.err(node, f"`players: min` ({kw.get('players_min', 2)}) is more than `players: max` "
              f"({kw.get('players_max', 5)}), so no table could play",
              "Make `min` the fewest players and `max` the most, e.g. "
              "`players: {min: 2, max: 5}`.")
    return kw

"""Saving a game as plain JSON and opening it again, also after the deck has been edited;
and the one versioning scheme every file cardsdealt saves follows.

One scheme for every saved file (game state, session file, settings): each JSON object says
  "format":     what it is ("cardsdealt-game", "cardsdealt-session", "cardsdealt-settings"),
  "version":    the layout it was written in (bump it on any change to that layout),
  "min_reader": the oldest layout version a reader must know to read it (raise it only when
                an older cardsdealt could no longer read what is written now).
`stamp()` writes those three keys and `version_problem()` reads them, for all three formats;
the version history of each is in FORMATS below, and docs/save-format.md lists every field.

Game state history (FORMATS["cardsdealt-game"]):
  1 (cardsdealt 0.1): save_version, min_compatible, deck, deck_title, mode, seed, state
    (GameState.to_json: cards by id, random generator as a counter, the actions taken).
  2: the same content; the version keys are format/version/min_reader as in every other
    saved file (a version 1 save, with save_version/min_compatible, still opens).

A save names cards by id. When the deck has changed since the game was saved (a young
people's group edits its deck between sessions), cards that are gone are reported in
`game.load_warnings` and left out of play; stats and flags are matched by name. Nothing
crashes and nothing the players wrote (reflections, votes) is dropped.
"""

from __future__ import annotations

from typing import Any

from cardsdealt.deck.model import Deck
from cardsdealt.engine.errors import SaveError
from cardsdealt.engine.events import Event
from cardsdealt.engine.state import GameState

GAME, SESSION, SETTINGS = "cardsdealt-game", "cardsdealt-session", "cardsdealt-settings"
# format -> (version written now, min_reader written now). The history of each layout is
# kept beside its reader: game state above, session in session/savefile.py, settings in
# session/settings.py; every field is listed in docs/save-format.md.
FORMATS: dict[str, tuple[int, int]] = {GAME: (2, 1), SESSION: (1, 1), SETTINGS: (1, 1)}
OLDEST: dict[str, int] = {GAME: 1, SESSION: 1, SETTINGS: 0}  # 0: written before versions

SAVE_VERSION, MIN_COMPATIBLE = FORMATS[GAME][0], OLDEST[GAME]  # older names, still exported


def stamp(fmt: str) -> dict[str, Any]:
    """The three version keys every saved object starts with."""
    version, min_reader = FORMATS[fmt]
    return {"format": fmt, "version": version, "min_reader": min_reader}


def read_version(data: dict, fmt: str) -> tuple[int | None, int | None]:
    """(version, min_reader) of a saved object; older game saves used other key names and
    settings had none (version 0)."""
    if fmt == GAME and "save_version" in data and "version" not in data:
        version, needs = data.get("save_version"), data.get("min_compatible")
    elif fmt == SETTINGS and "version" not in data:
        return 0, 0
    else:
        version, needs = data.get("version"), data.get("min_reader")
    if isinstance(version, bool) or not isinstance(version, int):
        return None, None
    if isinstance(needs, bool) or not isinstance(needs, int):
        needs = version
    return version, needs


def version_problem(data: object, fmt: str) -> tuple[str, str] | None:
    """None when this cardsdealt can read `data` as `fmt`; else (kind, words) with kind
    "foreign" (not this format), "unversioned", "newer" or "older"."""
    if not isinstance(data, dict):
        return "foreign", "it is not a cardsdealt file (it should be a JSON object)"
    if data.get("format", fmt if fmt != SESSION else None) != fmt:
        return "foreign", "it is not a cardsdealt " + fmt.removeprefix("cardsdealt-") + " file"
    version, needs = read_version(data, fmt)
    current = FORMATS[fmt][0]
    if version is None or needs is None:
        return "unversioned", "it does not say which save version it is"
    if needs > current or (version > current and fmt == GAME and "save_version" in data):
        return "newer", (f"it was saved by a newer version of cardsdealt (save version "
                         f"{version}; this one reads up to {current})")
    if version < OLDEST[fmt]:
        return "older", (f"it was saved by a very old version of cardsdealt (save version "
                         f"{version}) and can no longer be read")
    return None


def game_to_json(game) -> dict:
    return {**stamp(GAME), "deck": game.deck.id, "deck_title": game.deck.title, "mode": game.mode,
            "seed": game.seed, "state": game.state.to_json()}


def game_from_json(cls, deck: Deck, data: dict):
    problem = version_problem(data, GAME)
    if problem is not None:
        kind, words = problem
        if kind == "newer":
            raise SaveError(f"This game cannot be opened here: {words}. Please update "
                            "cardsdealt to open it; the save file is left as it is.")
        if kind == "unversioned":
            raise SaveError("This saved game is damaged: it does not say which save version "
                            "it is, so it cannot be opened.")
        raise SaveError(f"This saved game cannot be opened: {words}.")
    if data.get("deck") != deck.id:
        raise SaveError(f"This saved game belongs to the deck “{data.get('deck')}”, "
                        f"not “{deck.id}”. Open it with that deck.")
    try:
        state = GameState.from_json(data["state"])
    except (KeyError, TypeError, ValueError, AttributeError) as e:
        raise SaveError(f"This saved game is damaged ({_what(e)}), so it cannot be "
                        "opened.") from None
    if state.mode not in deck.modes:
        raise SaveError(f"This game was played as {state.mode}, which the deck "
                        f"“{deck.title}” no longer offers.")
    game = cls(deck, state)
    game._replay_exact = False
    warnings: list[str] = []
    events: list[Event] = []
    if state.mode == "journey":
        _fix_journey(game, warnings, events)
    else:
        _fix_classic(game, warnings, events)
    game.load_warnings = warnings
    game.start_events = events
    return game


def _what(e: Exception) -> str:
    if isinstance(e, KeyError):
        return f"“{e.args[0]}” is missing"
    return str(e) or type(e).__name__


def _missing_card_warnings(deck: Deck, ids: list[str], titles: dict[str, str]) -> list[str]:
    out, done = [], set()
    for cid in ids:
        if cid is None or cid in done or deck.has_card(cid):
            continue
        done.add(cid)
        title = titles.get(cid)
        name = f"“{cid}” ({title})" if title and title != cid else f"“{cid}”"
        out.append(f"The card {name} is no longer in the deck; it stays in this game's "
                   "record but will not be dealt again.")
    return out


def _fix_journey(game, warnings: list[str], events: list[Event]) -> None:
    deck, s = game.deck, game.state
    if s.current is not None and (not s.history or s.history[-1]["card"] != s.current):
        raise SaveError("This saved game is damaged (the card on the table is not in its "
                        "history), so it cannot be opened.")
    titles = {h["card"]: h.get("title") for h in s.history}
    ids = [h["card"] for h in s.history] + sorted(s.seen) + [s.current, s.forced_next]
    warnings += _missing_card_warnings(deck, ids, titles)
    stats = {}
    for st in deck.stats:
        value = s.stats.get(st.id, st.start)
        stats[st.id] = min(st.max, max(st.min, value))
    dropped = sorted(set(s.stats) - set(stats))
    if dropped:
        warnings.append(f"The deck no longer tracks {', '.join(dropped)}.")
    s.stats = stats
    s.flags &= set(deck.flags)
    s.rule_truth = {r.id: s.rule_truth.get(r.id, False) for r in deck.reflections}
    stage_ids = [st.id for st in game.rules.stages]
    if s.stage in stage_ids:
        s.stage_index = stage_ids.index(s.stage)
    elif not s.finished:
        s.stage_index = min(s.stage_index, len(stage_ids) - 1)
        warnings.append(f"The stage “{s.stage}” is no longer in the deck; the game goes on "
                        f"in “{stage_ids[s.stage_index]}”.")
        s.stage, s.stage_draws = stage_ids[s.stage_index], 0
    if s.forced_next is not None and not deck.has_card(s.forced_next):
        s.forced_next = None
    if s.current is not None and not deck.has_card(s.current):
        s.current = None
    if not s.finished and s.current is None and s.pending() is None:
        game.rules.advance(s, events)


def _fix_classic(game, warnings: list[str], events: list[Event]) -> None:
    deck, s = game.deck, game.state
    n = len(s.player_names)
    if not 2 <= n == len(s.hands) or not 0 <= s.player < n or s.top is None or \
            (s.winner is not None and not 0 <= s.winner < n) or \
            any(not 0 <= p["player"] < n for p in s.plays):
        raise SaveError("This saved game is damaged (the players, hands and turns do not "
                        "agree), so it cannot be opened.")
    titles = {p["card"]: p.get("title") for p in s.plays}
    ids = [c for hand in s.hands for c in hand] + s.pile + s.discard + [s.top, s.discussing]
    ids += [p["card"] for p in s.plays]
    warnings += _missing_card_warnings(deck, ids, titles)
    s.hands = [[c for c in hand if deck.has_card(c)] for hand in s.hands]
    s.pile = [c for c in s.pile if deck.has_card(c)]
    s.discard = [c for c in s.discard if deck.has_card(c)]
    if s.top is not None and not deck.has_card(s.top):
        s.top = s.discard.pop() if s.discard else (s.pile.pop() if s.pile else None)
        if s.top is None:
            raise SaveError("This saved game cannot go on: the deck has changed too much "
                            "since it was saved.")
    if s.discussing is not None and not deck.has_card(s.discussing):
        s.discussing = None
        if not s.finished:
            s.player = (s.player + 1) % len(s.hands)

"""GameState: the one object holding everything that changes during a game.

It is plain data (ids, numbers, text, lists, sets) so that it turns into JSON and back
exactly. It is also the `env` that deck conditions read: `stats`, `flags`, `stage`, `turn`,
`seen` and `chosen` are attributes with the names the condition compiler expects.
The rules live in journey.py and classic.py; this module only holds and converts.
"""

from __future__ import annotations

from cardsdealt.engine.rng import Rng

_SETS = ("flags", "seen", "rules_fired")  # saved as sorted lists


class GameState:
    __slots__ = (
        # common
        "mode", "seed", "rng", "turn", "finished", "actions",
        # journey
        "stats", "flags", "stage", "stage_index", "stage_draws", "seen", "chosen",
        "current", "forced_next", "history", "stat_history", "reflections",
        "rule_truth", "rules_fired", "stage_log", "ending",
        # classic
        "player_names", "hands", "pile", "discard", "top", "player", "discussing",
        "winner", "plays", "discussions", "stuck_passes",
    )

    def __init__(self, mode: str, seed: int) -> None:
        self.mode = mode
        self.seed = seed
        self.rng = Rng(seed)
        self.turn = 0
        self.finished = False
        self.actions: list[list] = []  # every action taken, e.g. ["choose", 1, None]
        self.stats: dict[str, int] = {}
        self.flags: set[str] = set()
        self.stage = ""  # the current stage id ("" when the deck has no stages)
        self.stage_index = 0
        self.stage_draws = 0  # cards dealt in the current stage
        self.seen: set[str] = set()
        self.chosen: set[tuple[str, int]] = set()  # (card id, 1-based choice number)
        self.current: str | None = None  # journey: the card on the table
        self.forced_next: str | None = None
        # one entry per card shown: card, title, stage, turn, choice, label, votes, changes
        self.history: list[dict] = []
        self.stat_history: list[dict[str, int]] = []  # [start, after turn 1, ...]
        # every reflection raised, in order: id, prompt, card, turn, status, answer
        # status: "pending" | "answered" | "skipped"; pending ones are the queue
        self.reflections: list[dict] = []
        self.rule_truth: dict[str, bool] = {}  # each rule's `when` after the last choice
        self.rules_fired: set[str] = set()
        self.stage_log: list[list[str]] = []  # [stage id, how it ended]
        self.ending: str | None = None
        self.player_names: list[str] = []
        self.hands: list[list[str]] = []
        self.pile: list[str] = []  # draw from the end
        self.discard: list[str] = []  # under the top card, oldest first
        self.top: str | None = None
        self.player = 0
        self.discussing: str | None = None
        self.winner: int | None = None
        self.plays: list[dict] = []  # player, card, turn
        self.discussions: list[str] = []  # cards the group finished talking about
        self.stuck_passes = 0  # turns in a row where nobody could play or draw

    def pending(self) -> dict | None:
        """The first reflection waiting for an answer. Pending ones are always at the end of
        the list (raised in order, answered in order), so the common case is one look."""
        refl = self.reflections
        if not refl or refl[-1]["status"] != "pending":
            return None
        i = len(refl) - 1
        while i > 0 and refl[i - 1]["status"] == "pending":
            i -= 1
        return refl[i]

    def to_json(self) -> dict:
        out = {}
        for name in self.__slots__:
            value = getattr(self, name)
            if name == "rng":
                out["rng_counter"] = value.counter
            elif name in _SETS:
                out[name] = sorted(value)
            elif name == "chosen":
                out[name] = sorted([c, n] for c, n in value)
            elif name == "history" or name == "reflections" or name == "plays":
                out[name] = [dict(e) for e in value]
            elif name == "hands" or name == "actions" or name == "stage_log":
                out[name] = [list(e) for e in value]
            elif name in ("stats", "rule_truth"):
                out[name] = dict(value)
            elif name == "stat_history":
                out[name] = [dict(e) for e in value]
            elif isinstance(value, list):
                out[name] = list(value)
            else:
                out[name] = value
        return out

    @classmethod
    def from_json(cls, data: dict) -> GameState:
        """Rebuild from `to_json()` output. Raises KeyError/TypeError/ValueError if damaged
        (the save layer turns those into a SaveError)."""
        s = cls(str(data["mode"]), int(data["seed"]))
        s.rng = Rng(s.seed, int(data["rng_counter"]))
        for name in cls.__slots__:
            if name not in ("mode", "seed", "rng"):
                setattr(s, name, _READ.get(name, _same)(data[name], name))
        return s


def _same(value, name):
    return value


def _card_id(value, name):
    if value is not None and not isinstance(value, str):
        raise TypeError(f"{name} should be a card id")
    return value


def _actions(value, name):
    value = [list(e) for e in _list(value)]
    if any(not e or not isinstance(e[0], str) for e in value):
        raise ValueError("an action is damaged")
    return value


# what each kind of list entry must hold: key -> type
_ENTRY_KEYS: dict[str, dict[str, type]] = {
    "history": {"card": str, "turn": int},
    "reflections": {"id": str, "prompt": str, "status": str},
    "plays": {"player": int, "card": str, "turn": int},
}
_STATUSES = {"pending", "answered", "skipped"}


def _list(value) -> list:
    if not isinstance(value, list):
        raise TypeError("expected a list")
    return value


def _strs(value) -> list[str]:
    return [str(v) for v in _list(value)]


def _entry(value, keys: dict) -> dict:
    if not isinstance(value, dict):
        raise TypeError("a list entry should be an object")
    for key, kind in keys.items():
        if isinstance(value.get(key), bool) or not isinstance(value.get(key), kind):
            raise ValueError(f"an entry's “{key}” is damaged")
    if "status" in keys and value["status"] not in _STATUSES:
        raise ValueError("a reflection's status is damaged")
    return dict(value)


def _entries(keys: dict[str, type]):
    return lambda v, n: [_entry(e, keys) for e in _list(v)]


_READ = {
    "flags": lambda v, n: set(_strs(v)),
    "seen": lambda v, n: set(_strs(v)),
    "rules_fired": lambda v, n: set(_strs(v)),
    "chosen": lambda v, n: {(str(c), int(k)) for c, k in _list(v)},
    "stats": lambda v, n: {str(k): int(x) for k, x in dict(v).items()},
    "rule_truth": lambda v, n: {str(k): bool(x) for k, x in dict(v).items()},
    "stat_history": lambda v, n: [{str(k): int(x) for k, x in dict(e).items()}
                                  for e in _list(v)],
    "hands": lambda v, n: [_strs(e) for e in _list(v)],
    "stage_log": lambda v, n: [_strs(e) for e in _list(v)],
    "actions": _actions,
    "pile": lambda v, n: _strs(v),
    "discard": lambda v, n: _strs(v),
    "player_names": lambda v, n: _strs(v),
    "discussions": lambda v, n: _strs(v),
    "turn": lambda v, n: int(v),
    "stage_index": lambda v, n: int(v),
    "stage_draws": lambda v, n: int(v),
    "player": lambda v, n: int(v),
    "stuck_passes": lambda v, n: int(v),
    "finished": lambda v, n: bool(v),
    "winner": lambda v, n: None if v is None else int(v),
    "stage": lambda v, n: str(v),
    "current": _card_id, "forced_next": _card_id, "top": _card_id, "discussing": _card_id,
    "ending": _card_id,
    "history": _entries(_ENTRY_KEYS["history"]),
    "reflections": _entries(_ENTRY_KEYS["reflections"]),
    "plays": _entries(_ENTRY_KEYS["plays"]),
}

"""Journey mode: one child's path through the care system, card by card, stage by stage.

Rules (docs/deck-format.md has the author's view):
- Cards are dealt stage by stage from the eligible ones (their `requires` holds, not dealt
  already if `once`), picked at random in proportion to `weight`.
- A choice's `next` forces the following card, unless that card is `once` and already seen
  (which also stops two cards forcing each other for ever). If it belongs to a later stage,
  the game moves on to that stage.
- A stage ends after `draws` cards, when its `until` holds, or when nothing is eligible.
  These are checked before each card is dealt, so a stage whose `until` already holds
  when it is reached is passed over. A forced card is dealt even past `draws` and
  whatever its `requires` says: the author asked for it explicitly.
  After the last stage the first ending whose `when` holds is used (or the default).
- A journey never runs away: after `card_limit` cards (1,000, plus the stages' `draws`) it
  ends with its ending and a kind note, even if cards keep sending it round with `next`
  (`check` refuses a deck whose cards can only do that, but a deck built another way, or
  a player who keeps choosing the same way round, still gets an end).
- After a choice: its `reflect` prompt is raised, then every deck reflection rule whose `when`
  became true (false, or never checked, after the previous choice; a `once` rule fires at
  most once). Pending reflections are answered or skipped before the next card is dealt.
"""

from __future__ import annotations

from cardsdealt.deck.model import Card, Deck, Ending, Stage
from cardsdealt.engine.errors import GameError
from cardsdealt.engine.events import Event
from cardsdealt.engine.state import GameState

_NO_STAGE = Stage("", "", draws=10**9)
CARD_LIMIT = 1_000  # cards in one journey, besides the stages' draws: no journey needs more
TOO_LONG = ("This journey has been going for {cards} cards, far longer than any journey "
            "needs, so it ends here. Some cards may keep leading to each other: "
            "`cardsdealt check` shows which.")
_FALLBACK_ENDING = Ending("end", "The end", "")


class Journey:
    """The journey rules for one deck; built once per game, holds no game state."""

    def __init__(self, deck: Deck) -> None:
        self.deck = deck
        self.stages: tuple[Stage, ...] = deck.stages or (_NO_STAGE,)
        staged: dict[str, list[Card]] = {s.id: [] for s in self.stages}
        for card in deck.cards:
            if not card.choices:
                continue
            key = card.stage if deck.stages else ""
            if key in staged:
                staged[key].append(card)
        self.stage_cards = {k: tuple(v) for k, v in staged.items()}
        self.stage_of = {s.id: i for i, s in enumerate(self.stages)}
        self.bounds = {s.id: (s.min, s.max) for s in deck.stats}
        self.labels = {s.id: s.label for s in deck.stats}
        self.card_limit = CARD_LIMIT + sum(min(s.draws, 100) for s in deck.stages)

    def _current(self, state: GameState) -> Card:
        if state.current is None:
            raise GameError("There is no card on the table.")
        return self.deck.card(state.current)

    # -- starting -----------------------------------------------------------------------
    def start(self, state: GameState, events: list[Event]) -> None:
        state.stats = {s.id: s.start for s in self.deck.stats}
        state.stat_history = [dict(state.stats)]
        state.rule_truth = {r.id: False for r in self.deck.reflections}
        self._enter_stage(state, 0, None, events)
        self.advance(state, events)

    # -- actions --------------------------------------------------------------------------
    def choose(self, state: GameState, i: int, votes: list[int] | None,
               events: list[Event]) -> None:
        card = self._current(state)
        choice = card.choices[i]
        state.chosen.add((card.id, i + 1))
        events.append(Event("choice_made", {"card": card.id, "choice": i, "number": i + 1,
                                            "label": choice.label, "votes": votes}))
        changes = {}
        stats, bounds = state.stats, self.bounds
        for stat, delta in choice.effects.items():
            if stat not in stats:
                continue
            old = stats[stat]
            lo, hi = bounds[stat]
            new = min(hi, max(lo, old + delta))
            stats[stat] = new
            changes[stat] = new - old
            events.append(Event("stat_changed", {"stat": stat, "label": self.labels[stat],
                                                 "old": old, "new": new, "wanted": delta}))
        for flag in choice.set_flags:
            if flag not in state.flags:
                state.flags.add(flag)
                events.append(Event("flag_set", {"flag": flag}))
        for flag in choice.clear_flags:
            if flag in state.flags:
                state.flags.discard(flag)
                events.append(Event("flag_cleared", {"flag": flag}))
        entry = state.history[-1]
        entry["choice"], entry["label"], entry["votes"] = i, choice.label, votes
        entry["changes"] = changes
        state.stat_history.append(dict(stats))
        if choice.response:
            events.append(Event("response", {"card": card.id, "text": choice.response}))
        state.forced_next = choice.next
        if choice.reflect:
            self._raise(state, f"{card.id}#{i + 1}", choice.reflect, events)
        self._check_rules(state, events)
        if state.pending() is None:
            self.advance(state, events)

    def reflect(self, state: GameState, text: str | None, events: list[Event]) -> None:
        r = state.pending()
        if r is None:
            raise GameError("There is no reflection waiting for an answer.")
        answer = (text or "").strip()
        if answer:
            r["status"], r["answer"] = "answered", answer
            events.append(Event("reflection_answered", {"id": r["id"], "prompt": r["prompt"],
                                                        "text": answer}))
        else:
            r["status"] = "skipped"
            events.append(Event("reflection_skipped", {"id": r["id"], "prompt": r["prompt"]}))
        nxt = state.pending()
        if nxt is not None:
            events.append(_raised_event(nxt))
        else:
            self.advance(state, events)

    # -- reflections ------------------------------------------------------------------------
    def _raise(self, state: GameState, rid: str, text: str, events: list[Event]) -> None:
        first = state.pending() is None
        r = {"id": rid, "prompt": text, "card": state.current, "turn": state.turn,
             "status": "pending", "answer": None}
        state.reflections.append(r)
        if first:
            events.append(_raised_event(r))

    def _check_rules(self, state: GameState, events: list[Event]) -> None:
        truth, fired = state.rule_truth, state.rules_fired
        for rule in self.deck.reflections:
            if rule.once and rule.id in fired:
                continue  # can never fire again: save the evaluation
            now = bool(rule.when.test(state))
            before = truth.get(rule.id, False)
            truth[rule.id] = now
            if now and not before:
                fired.add(rule.id)
                self._raise(state, rule.id, rule.prompt, events)

    # -- dealing and stages -------------------------------------------------------------------
    def advance(self, state: GameState, events: list[Event]) -> None:
        """Deal the next card, moving through stages, or end the game."""
        forced, state.forced_next = state.forced_next, None
        if state.turn >= self.card_limit:
            self._leave_stage(state, "too_long", events)
            self._finish(state, events, note=TOO_LONG.format(cards=state.turn))
            return
        if forced is not None and self.deck.has_card(forced):
            card = self.deck.card(forced)
            if card.choices and not (card.once and card.id in state.seen):
                target = self.stage_of.get(card.stage or "", state.stage_index)
                if target > state.stage_index:
                    self._leave_stage(state, "jumped", events)
                    self._enter_stage(state, target, "jumped", events)
                self._deal(state, card, True, events)
                return
        while True:
            stage = self.stages[state.stage_index]
            reason = None
            if state.stage_draws >= stage.draws:
                reason = "draws"
            elif stage.until is not None and stage.until.test(state):
                reason = "until"
            else:
                picked = self._pick(state, stage)
                if picked is not None:
                    self._deal(state, picked, False, events)
                    return
                reason = "no_cards"
            self._leave_stage(state, reason, events)
            if state.stage_index + 1 >= len(self.stages):
                self._finish(state, events)
                return
            self._enter_stage(state, state.stage_index + 1, reason, events)

    def _pick(self, state: GameState, stage: Stage) -> Card | None:
        seen = state.seen
        eligible, weights = [], []
        for card in self.stage_cards[stage.id]:
            if card.once and card.id in seen:
                continue
            if card.weight <= 0:
                continue
            if card.requires is not None and not card.requires.test(state):
                continue
            eligible.append(card)
            weights.append(card.weight)
        if not eligible:
            return None
        if len(eligible) == 1:
            return eligible[0]
        return state.rng.pick_weighted(eligible, weights)

    def _deal(self, state: GameState, card: Card, forced: bool, events: list[Event]) -> None:
        state.turn += 1
        state.stage_draws += 1
        state.seen.add(card.id)
        state.current = card.id
        state.history.append({"card": card.id, "title": card.title, "stage": state.stage,
                              "turn": state.turn, "choice": None, "label": None,
                              "votes": None, "changes": {}})
        events.append(Event("card_dealt", {"card": card.id, "title": card.title,
                                           "stage": state.stage, "turn": state.turn,
                                           "forced": forced}))

    def _leave_stage(self, state: GameState, reason: str, events: list[Event]) -> None:
        state.stage_log.append([state.stage, reason])

    def _enter_stage(self, state: GameState, index: int, reason: str | None,
                     events: list[Event]) -> None:
        previous = state.stage if state.stage_log else None
        stage = self.stages[index]
        state.stage_index, state.stage, state.stage_draws = index, stage.id, 0
        if self.deck.stages:
            events.append(Event("stage_changed", {"stage": stage.id, "title": stage.title,
                                                  "index": index, "previous": previous,
                                                  "reason": reason}))

    def _finish(self, state: GameState, events: list[Event], note: str = "") -> None:
        ending = self.pick_ending(state)
        state.current = None
        state.finished = True
        state.ending = ending.id
        data = {"ending": ending.id, "title": ending.title, "text": ending.text}
        if note:
            data["note"] = note
        events.append(Event("game_ended", data))

    def pick_ending(self, state: GameState) -> Ending:
        for ending in self.deck.endings:
            if ending.when is None or ending.when.test(state):
                return ending
        return _FALLBACK_ENDING

    def ending_by_id(self, ending_id: str | None) -> Ending | None:
        if ending_id is None:
            return None
        for ending in self.deck.endings:
            if ending.id == ending_id:
                return ending
        return _FALLBACK_ENDING if ending_id == _FALLBACK_ENDING.id else None


def _raised_event(r: dict) -> Event:
    return Event("reflection_raised", {"id": r["id"], "text": r["prompt"], "card": r["card"]})

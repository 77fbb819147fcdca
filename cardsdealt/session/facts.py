"""Everything a record says, gathered from a saved session into one plain value.

A record must be possible even when the deck folder has moved or changed: the engine's
Summary keeps titles and labels as they were shown, and only extra detail (card words,
choice labels not taken, tags) comes from the deck when it can still be found.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace

from cardsdealt.deck.credits import credit_lines
from cardsdealt.deck.model import Deck, Stat

PCF = {
    "professionalism": "Professionalism",
    "values-and-ethics": "Values and ethics",
    "diversity-and-equality": "Diversity and equality",
    "rights-justice-and-economic-wellbeing": "Rights, justice and economic wellbeing",
    "knowledge": "Knowledge",
    "critical-reflection-and-analysis": "Critical reflection and analysis",
    "skills-and-interventions": "Skills and interventions",
    "contexts-and-organisations": "Contexts and organisations",
    "professional-leadership": "Professional leadership",
}
# Bright Spots (Coram Voice with the University of Oxford) has four areas of wellbeing and
# only four: a tag naming anything else (an old "feeling-safe") is not printed on a record.
BRIGHT_SPOTS = {
    "relationships": "Relationships",
    "resilience": "Resilience",
    "rights-and-voice": "Rights",
    "recovery": "Recovery",
}


@dataclass
class StepFacts:
    """One card of the journey, or one card played in the classic game."""

    turn: int
    card_id: str
    title: str
    stage: str = ""  # stage title (journey)
    words: str = ""  # what the card says (when the deck is at hand)
    discuss: str = ""
    chosen: int | None = None
    label: str | None = None
    options: list[str] = field(default_factory=list)  # every choice's label, when known
    votes: list[int] | None = None
    changes: dict = field(default_factory=dict)  # stat label -> change
    response: str = ""
    player: str = ""  # classic: who played it
    notes: list[dict] = field(default_factory=list)


@dataclass
class Facts:
    session_id: str
    kind: str  # "solo" | "group"
    preset: str | None
    deck_id: str
    deck_title: str
    deck_found: bool
    mode: str
    seed: int | None
    created: datetime | None
    updated: datetime | None
    seconds: int
    finished: bool
    steps: list[StepFacts]
    reflections: list[dict]  # {prompt, answer, status, card_title}
    draft: str  # typed but not yet submitted
    stat_labels: dict[str, str]
    stat_ranges: dict[str, tuple[int, int]]
    stat_history: list[dict]
    ending_title: str | None
    ending_text: str | None
    player_names: list[str]
    winner: str | None
    pcf: dict[str, int]  # display name -> how many cards/prompts carried it
    bright_spots: dict[str, int]
    notes: list[dict]  # notes not tied to a card shown
    own_words: dict[str, str]  # relevance / learnt / impact / peer, typed by the person
    support: list[tuple[str, str]]
    credits: list[str] = field(default_factory=list)  # who wrote the deck, as it declares
    peer_added: str = ""  # a solo player's peer reflection: when it was added (ISO), or ""

    @property
    def group(self) -> bool:
        return self.kind == "group"


def gather(doc: dict, deck: Deck | None) -> Facts:
    """Facts for a saved session document; `deck` None when the deck could not be loaded."""
    meta, game_json = doc.get("meta", {}), doc.get("game") or {}
    summary = _summary(game_json, deck, meta)
    cards = deck if deck is not None else None
    notes = list(doc.get("notes", []))
    steps = _journey_steps(summary, cards, notes) if summary.mode == "journey" else \
        _classic_steps(summary, cards, notes)
    shown = {s.card_id for s in steps}
    pcf, spots = _tags(cards, [s.card_id for s in steps], summary)
    titles = {s.card_id: s.title for s in steps}
    reflections = [{"prompt": r.prompt, "answer": r.answer or "", "status": r.status,
                    "card_title": titles.get(r.card_id, "")} for r in summary.reflections]
    draft = (doc.get("draft") or {}).get("text", "")
    return Facts(
        session_id=doc.get("id", ""), kind=meta.get("kind", "solo"), preset=meta.get("preset"),
        deck_id=meta.get("deck", {}).get("id", summary.deck_id),
        deck_title=meta.get("deck", {}).get("title") or summary.deck_title,
        deck_found=deck is not None, mode=summary.mode, seed=summary.seed,
        created=_when(meta.get("created")), updated=_when(meta.get("updated")),
        seconds=int(meta.get("seconds", 0)), finished=summary.finished, steps=steps,
        reflections=reflections, draft=draft,
        stat_labels=dict(summary.stat_labels), stat_ranges=_ranges(deck, summary),
        stat_history=[dict(x) for x in summary.stat_history],
        ending_title=summary.ending_title, ending_text=summary.ending_text,
        player_names=list(summary.player_names),
        winner=(summary.player_names[summary.winner]
                if summary.winner is not None and summary.player_names else None),
        pcf=pcf, bright_spots=spots,
        notes=[n for n in notes if n.get("card") not in shown],
        own_words={k: v for k, v in (doc.get("record") or {}).items() if v},
        support=[(s.name, s.detail) for s in (deck.support if deck is not None else ())],
        credits=credit_lines(deck) if deck is not None else [],
        peer_added=str(((doc.get("closing") or {}) if isinstance(doc.get("closing"), dict)
                        else {}).get("peer_added") or ""),
    )


def _summary(game_json: dict, deck: Deck | None, meta: dict):
    """The engine's Summary: through Game when the deck loads, else from the saved state."""
    from cardsdealt.engine import Game, GameError
    from cardsdealt.engine.state import GameState
    from cardsdealt.engine.summary import build_summary

    if deck is not None:
        try:
            return Game.from_json(deck, game_json).summary()
        except GameError:
            pass  # fall through: the saved state alone still tells the story
    try:
        state = GameState.from_json(game_json["state"])
    except (KeyError, TypeError, ValueError, AttributeError) as e:
        from cardsdealt.session.files import SessionError

        raise SessionError("The saved game in this session is damaged, so no record can be "
                           f"written from it ({type(e).__name__}). The save is kept as it "
                           "is.") from None
    ghost = Deck(id=game_json.get("deck", meta.get("deck", {}).get("id", "")),
                 title=game_json.get("deck_title", meta.get("deck", {}).get("title", "")),
                 root="", stats=tuple(Stat(k, k, 0, 0, 0) for k in state.stats))
    stand_in = SimpleNamespace(state=state, deck=ghost, ending=None)
    return build_summary(stand_in)


def _journey_steps(summary, deck: Deck | None, notes: list[dict]) -> list[StepFacts]:
    stage_titles = {s.id: s.title for s in deck.stages} if deck is not None else {}
    out = []
    for step in summary.path:
        card = deck.card(step.card_id) if deck is not None and deck.has_card(step.card_id) \
            else None
        choice = card.choices[step.choice] if card is not None and step.choice is not None \
            and step.choice < len(card.choices) else None
        out.append(StepFacts(
            turn=step.turn, card_id=step.card_id, title=step.title,
            stage=stage_titles.get(step.stage, step.stage), words=card.words if card else "",
            discuss=card.discuss if card else "", chosen=step.choice, label=step.label,
            options=[c.label for c in card.choices] if card else [],
            votes=list(step.votes) if step.votes is not None else None,
            changes={summary.stat_labels.get(k, k): v for k, v in step.changes.items() if v},
            response=choice.response if choice else "",
            notes=[n for n in notes if n.get("card") == step.card_id],
        ))
    return out


def _classic_steps(summary, deck: Deck | None, notes: list[dict]) -> list[StepFacts]:
    out = []
    for play in summary.plays:
        card = deck.card(play.card_id) if deck is not None and deck.has_card(play.card_id) \
            else None
        out.append(StepFacts(
            turn=play.turn, card_id=play.card_id, title=play.title,
            words=card.words if card else "", discuss=card.discuss if card else "",
            player=play.name, notes=[n for n in notes if n.get("card") == play.card_id],
        ))
    return out


def _tags(deck: Deck | None, card_ids: list[str], summary) -> tuple[dict, dict]:
    """Count PCF domains and Bright Spots areas over the cards shown and rules raised."""
    tags: list[str] = []
    if deck is not None:
        for cid in card_ids:
            if deck.has_card(cid):
                tags += deck.card(cid).tags
        raised = {r.id for r in summary.reflections}
        for rule in deck.reflections:
            if rule.id in raised:
                tags += rule.tags
    pcf: dict[str, int] = {}
    spots: dict[str, int] = {}
    for tag in tags:
        kind, _, name = tag.partition(":")
        if kind == "pcf":
            key = PCF.get(name, name.replace("-", " ").capitalize())
            pcf[key] = pcf.get(key, 0) + 1
        elif kind == "bright-spots":
            area = BRIGHT_SPOTS.get(name)
            if area is not None:  # only the four real areas (see BRIGHT_SPOTS)
                spots[area] = spots.get(area, 0) + 1
    return _by_count(pcf), _by_count(spots)


def _by_count(d: dict[str, int]) -> dict[str, int]:
    return dict(sorted(d.items(), key=lambda kv: (-kv[1], kv[0])))


def _ranges(deck: Deck | None, summary) -> dict[str, tuple[int, int]]:
    out = {}
    for sid in summary.stat_labels:
        try:
            st = deck.stat(sid) if deck is not None else None
        except KeyError:
            st = None
        if st is not None:
            out[sid] = (st.min, st.max)
        else:
            values = [h[sid] for h in summary.stat_history if sid in h] or [0]
            out[sid] = (min(0, min(values)), max(values))
    return out


def _when(text: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(text) if text else None
    except ValueError:
        return None


def deck_path(doc: dict) -> Path | None:
    from cardsdealt.session.listing import deck_folder

    return deck_folder(doc.get("meta", {}))

"""Words for the terminal: engine events, the table and the end summary as plain lines.

Plain text only, one idea per line, so that a screen reader reads it well and a pipe keeps it
intact: no cursor movement, no box drawing, no emoji, no colour.
"""

from __future__ import annotations

from cardsdealt.deck import credits
from cardsdealt.deck.credits import INDEPENDENT, PRIVACY, credit_lines, voice_heading
from cardsdealt.deck.model import Card, Deck
from cardsdealt.engine import Event, Game, Summary


def opening(deck: Deck, game: Game) -> list[str]:
    lines = [deck.title, ""]
    if deck.content_notes:
        lines += ["Content notes: this deck talks about " + "; ".join(deck.content_notes) + ".",
                  "Take a moment to check everyone is ready. You can stop at any time with q.",
                  ""]
    if deck.introduction.strip():
        lines += ["Introduction", *deck.introduction.strip().splitlines(), ""]
    lines += [credits.written_by(deck), ""]
    lines.append(f"Seed: {game.seed}. To deal this same game again, use --seed {game.seed}.")
    if game.mode == "classic":
        lines.append("Players: " + ", ".join(game.player_names) + ".")
    lines.append("")
    return lines


def reopening(deck: Deck, game: Game) -> list[str]:
    """The opening of a game carried on: its title and content notes, not the introduction."""
    lines = [deck.title, ""]
    if deck.content_notes:
        lines += ["Content notes: this deck talks about " + "; ".join(deck.content_notes)
                  + ". You can stop at any time with q.", ""]
    return lines


def card_lines(card: Card, turn: int | None = None) -> list[str]:
    head = f"Card {turn}: {card.title}" if turn else card.title
    lines = ["", head, *card.words.strip().splitlines()]
    if card.discuss and card.choices:
        lines.append(f"Talk about: {card.discuss}")
    return lines


def theme_words(name: str) -> str:
    """A theme id as words: "who-i-am" -> "who I am" (a screen reader spells out hyphens and
    reads "i" as a letter)."""
    words = name.replace("-", " ").replace("_", " ").split()
    return " ".join("I" if w == "i" else w for w in words)


def classic_card_words(card: Card) -> str:
    parts = []
    if card.theme:
        parts.append(f"theme {theme_words(card.theme)}")
    if card.number is not None:
        parts.append(f"number {card.number}")
    return f"{card.title} ({', '.join(parts)})" if parts else card.title


def choices_lines(game: Game) -> list[str]:
    lines = ["Choices:"]
    lines += [f"  {i}. {c.label}" for i, c in enumerate(game.choices, 1)]
    return lines


def hand_lines(game: Game) -> list[str]:
    top = game.current_card
    name = game.player_names[game.player]
    playable = {c.id for c in game.playable()}
    lines = ["", f"Top card: {classic_card_words(top)}.", f"{name}'s turn. {name}'s hand:"]
    for i, c in enumerate(game.hands[game.player], 1):
        mark = "can be played" if c.id in playable else "does not match"
        lines.append(f"  {i}. {classic_card_words(c)}: {mark}")
    return lines


def event_lines(event: Event, game: Game) -> list[str]:
    """The words for one engine event (nothing for events a reader does not need)."""
    fn = _EVENT_WORDS.get(event.kind)
    return fn(event.data, game) if fn else []


def _dealt(d: dict, game: Game) -> list[str]:
    if d.get("top"):
        return [f"The dealer turns up the first card: {_title(game, d['card'])}."]
    return card_lines(game.deck.card(d["card"]), d["turn"])


def _chosen(d: dict, game: Game) -> list[str]:
    votes = f" (votes: {', '.join(map(str, d['votes']))})" if d.get("votes") else ""
    return [f"Chosen {d['number']}: {d['label']}{votes}"]


def _response(d: dict, game: Game) -> list[str]:
    voice = game.deck.card(d["card"]).voice if game.deck.has_card(d["card"]) else ""
    return [f"Response: {d['text']}"] + ([f"{voice_heading(game.deck)}: {voice}"] if voice
                                          else [])


def _played(d: dict, game: Game) -> list[str]:
    card = game.deck.card(d["card"])
    left = "no cards" if d["left"] == 0 else f"{d['left']} card{'s' * (d['left'] != 1)}"
    return ["", f"{d['name']} plays {classic_card_words(card)}.",
            *card.words.strip().splitlines(), f"{d['name']} has {left} left."]


def _discussion(d: dict, game: Game) -> list[str]:
    lines = [f"Pause and talk: {d['discuss']}"] if d.get("discuss") else []
    return lines + ([f"{voice_heading(game.deck)}: {d['voice']}"] if d.get("voice") else [])


def _drawn(d: dict, game: Game) -> list[str]:
    extra = " The discards were shuffled to make a new pile." if d.get("reshuffled") else ""
    return [f"{d['name']} has no card that matches and draws one.{extra}"]


def _passed(d: dict, game: Game) -> list[str]:
    if d.get("reason") == "nothing_to_draw":
        return ["No card matches and there is nothing left to draw, so the turn passes."]
    return []


_EVENT_WORDS = {
    "stage_changed": lambda d, g: ["", f"Stage: {d['title'] or d['stage']}"],
    "card_dealt": _dealt,
    "choice_made": _chosen,
    "stat_changed": lambda d, g: [_stat_words(d)],
    "response": _response,
    "reflection_raised": lambda d, g: ["", f"Reflection: {d['text']}"],
    "reflection_answered": lambda d, g: ["Reflection kept."],
    "reflection_skipped": lambda d, g: ["Reflection skipped."],
    "game_ended": lambda d, g: ["", *([d["note"], ""] if d.get("note") else []),
                                f"The end: {d['title']}", *d["text"].strip().splitlines()],
    "card_played": _played,
    "discussion_started": _discussion,
    "discussion_ended": lambda d, g: ["Discussion finished."],
    "card_drawn": _drawn,
    "turn_passed": _passed,
    "undone": lambda d, g: ["Undone: back one step."],
}


def _title(game: Game, card_id: str) -> str:
    if game.deck.has_card(card_id):
        return classic_card_words(game.deck.card(card_id))
    return card_id


def _stat_words(d: dict) -> str:
    label, old, new = d["label"], d["old"], d["new"]
    if new > old:
        return f"{label} goes up from {old} to {new}."
    if new < old:
        return f"{label} goes down from {old} to {new}."
    edge = "highest" if d["wanted"] > 0 else "lowest"
    return f"{label} stays at {new} (already the {edge} it can be)."


def summary_lines(s: Summary, deck: Deck) -> list[str]:
    lines = ["", "Summary" if s.finished else "Summary of the game so far"]
    if s.mode == "journey":
        lines += _journey_summary(s)
    else:
        lines += _classic_summary(s)
    if s.ending_title:
        lines += [f"Ending: {s.ending_title}. {s.ending_text}".rstrip()]
    lines.append(f"Seed: {s.seed}.")
    return lines


def _journey_summary(s: Summary) -> list[str]:
    lines = ["The path:"] if s.path else ["No cards were dealt."]
    for step in s.path:
        chose = f" - chosen: {step.label}" if step.label else " - no choice made"
        votes = f" (votes: {', '.join(map(str, step.votes))})" if step.votes else ""
        lines.append(f"  {step.turn}. {step.title}{chose}{votes}")
    if s.stat_history:
        start, end = s.stat_history[0], s.stat_history[-1]
        lines.append("Stats at the end:")
        for stat, label in s.stat_labels.items():
            lines.append(f"  {label}: {end.get(stat)} (started at {start.get(stat)})")
            for m in s.stat_moves.get(stat, ()):
                lines.append(f"    {m.change:+d} on card {m.turn}: {m.label}")
    if s.reflections:
        lines.append("Reflections:")
        for r in s.reflections:
            answer = r.answer if r.status == "answered" else f"({r.status})"
            lines += [f"  {r.prompt}", f"    {answer}"]
    return lines


def _classic_summary(s: Summary) -> list[str]:
    lines = [f"Cards played ({len(s.plays)}):"]
    lines += [f"  {p.name}: {p.title}" for p in s.plays]
    lines.append(f"Discussions held: {len(s.discussions)}.")
    return lines


def support_lines(deck: Deck) -> list[str]:
    lines = ["", "If this game brought anything up for you, you do not have to carry it alone."]
    if deck.support:
        lines.append("Support:")
        lines += [f"  {s.name}: {s.detail}" if s.detail else f"  {s.name}" for s in deck.support]
    else:
        lines.append("Talk to someone you trust, or your supervisor or manager.")
    lines += ["", PRIVACY, "", "About this deck:", *(f"  {c}" for c in credit_lines(deck)),
              f"  {INDEPENDENT}"]
    return lines

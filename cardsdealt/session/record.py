"""The words of the records, as a list of simple blocks that Markdown and PDF both render.

The CPD record follows the headings a social worker fills in for their CPD log (type of
activity; description and relevance; what was learnt; impact on practice and on people who
use services; and, for group sessions, learning from peer discussion). The short guidance
under each heading is our own wording. Where the person has not written their own words yet,
the record leaves a clearly marked space instead of inventing them.

Blocks: ("title", text) ("h2", text) ("h3", text) ("guide", text) ("p", text)
("quote", text) ("kv", [(key, value)]) ("bullets", [text]) ("answer", prompt, answer, note)
("write", hint) ("image", path, alt) ("small", text).
"""

from __future__ import annotations

from cardsdealt import __version__
from cardsdealt.deck.credits import INDEPENDENT
from cardsdealt.session.facts import Facts, StepFacts

GUIDE = {
    "type": "What kind of learning this was, in a few words.",
    "description": "What you did, and why it matters for the children, young people and "
                   "families you work with.",
    "learnt": "What you now understand, notice or question that you did not before. Your "
              "answers to the game's prompts are below; add what stands out to you.",
    "impact": "What you will do differently, and the difference that could make to the "
              "people who use services. Small, concrete changes count.",
    "peer": "What you took from hearing colleagues' views: where you agreed, where you "
            "differed, and what that showed you.",
}
WRITE_HINT = "Your own words go here (type them before saving the record, or add them when " \
             "you copy this into your CPD log). Never write a real child's name or details."
PRIVACY = ("The children in the game are invented. Never write a real child's name, or "
           "anything that could identify a child or family, in this record.")  # the record's


def cpd_record(f: Facts, chart: str | None) -> list[tuple]:
    """The reflective record a practitioner can attach to their CPD log."""
    blocks: list[tuple] = [("title", f"Reflective learning record: {f.deck_title}")]
    blocks.append(("kv", _key_facts(f)))
    blocks += _tag_lines(f)
    blocks += [("h2", "Type of CPD activity"), ("guide", GUIDE["type"]), ("p", _activity(f))]
    blocks += [("h2", "Description of the activity and its relevance to my practice"),
               ("guide", GUIDE["description"]), ("p", _description(f))]
    if f.pcf or f.bright_spots:
        blocks.append(("p", _relevance(f)))
    blocks += _own(f, "relevance")
    blocks += [("h2", "What I learnt"), ("guide", GUIDE["learnt"])]
    blocks += _own(f, "learnt")
    blocks += _answers(f)
    blocks += [("h2", "Impact on my practice and on people who use services"),
               ("guide", GUIDE["impact"])]
    blocks += _own(f, "impact")
    if f.group:
        blocks += [("h2", "What I learnt from the peer discussion"), ("guide", GUIDE["peer"])]
        blocks += _own(f, "peer")
        blocks += _notes_block(f)
    blocks += _journey(f)
    blocks += _stats(f, chart)
    blocks += _ending_and_support(f)
    return blocks


def group_summary(f: Facts) -> list[tuple]:
    """For the facilitator of a group session: what was discussed and decided, and how."""
    blocks: list[tuple] = [("title", f"Group session summary: {f.deck_title}"),
                           ("kv", _key_facts(f))]
    blocks += [("h2", "Cards discussed")]
    blocks.append(("bullets", [f"{_card_name(s)}" + (f" — “{s.words}”" if s.words else "")
                               for s in f.steps] or ["No cards were discussed."]))
    if f.mode == "journey":
        blocks += [("h2", "Choices made, with the group's votes")]
        for s in f.steps:
            blocks += [("h3", _card_name(s)), ("bullets", _tally(s))]
    blocks += [("h2", "Prompts used")]
    prompts = [f"{_card_name(s)}: {s.discuss}" for s in f.steps if s.discuss]
    prompts += [r["prompt"] for r in f.reflections]
    blocks.append(("bullets", prompts or ["No prompts were used."]))
    if f.reflections:
        blocks += [("h2", "What the group said")] + _answers(f, heading=False)
    blocks += _notes_block(f)
    blocks += _ending_and_support(f)
    return blocks


# -- pieces ----------------------------------------------------------------------------------
def _key_facts(f: Facts) -> list[tuple[str, str]]:
    date = _date(f.created) or "unknown"
    rows = [("Date", date), ("Deck", f.deck_title),
            ("Activity", "Group session (peer reflection)" if f.group else "On my own"),
            ("Way of playing", "Journey" if f.mode == "journey" else "Classic table game"),
            ("Time spent", _duration(f.seconds)),
            ("Cards", f"{len(f.steps)}" + ("" if f.finished else " (not finished)"))]
    if f.preset:
        rows.append(("Session plan", f.preset))
    if f.player_names and f.mode == "classic":
        rows.append(("Players or teams", ", ".join(f.player_names)))
    rows.append(("Session", f"{f.session_id} (seed {f.seed})"))
    return rows


def _tag_lines(f: Facts) -> list[tuple]:
    rows = []
    if f.pcf:
        rows.append(("PCF domains", "; ".join(f.pcf)))  # "Rights, justice and ..." has commas
    if f.bright_spots:
        rows.append(("Bright Spots areas", "; ".join(f.bright_spots)))
    return [("kv", rows)] if rows else []


def _activity(f: Facts) -> str:
    game = ("a reflective card game in which you decide what the adults around an invented "
            "child do and see what it means to the child")
    if f.group:
        return (f"Peer reflection in a group (for example group supervision or team "
                f"training): we played {game}, pausing at each card to talk it through "
                "together and decide as a group.")
    return f"Self-directed reflective learning: I played {game}, and wrote reflections as I went."


def _description(f: Facts) -> str:
    date = _date(f.created) or "an unrecorded date"
    what = f"On {date} I {'took part in a group session with' if f.group else 'played'} " \
           f"“{f.deck_title}” for {_duration(f.seconds)}, working through {len(f.steps)} cards"
    stages = [s.stage for s in f.steps if s.stage]
    stages = list(dict.fromkeys(stages))
    if stages:
        what += f" across {_and(stages)}"
    what += "."
    answered = sum(1 for r in f.reflections if r["status"] == "answered")
    if f.reflections:
        what += f" I answered {answered} of {len(f.reflections)} reflection prompts."
    if f.ending_title and f.mode == "journey":
        what += f" The journey ended with “{f.ending_title}”."
    return what


def _relevance(f: Facts) -> str:
    out = []
    if f.pcf:
        out.append("The cards touched on these Professional Capabilities Framework (PCF) "
                   "domains: " + "; ".join(f.pcf) + ".")
    if f.bright_spots:
        out.append(("They also touched on" if out else "The cards touched on")
                   + " these Bright Spots areas (what children in care say matters for "
                   "their wellbeing): " + "; ".join(f.bright_spots) + ".")
    return " ".join(out)


def _own(f: Facts, key: str) -> list[tuple]:
    text = f.own_words.get(key, "").strip()
    return [("p", text)] if text else [("write", WRITE_HINT)]


def _answers(f: Facts, heading: bool = True) -> list[tuple]:
    out: list[tuple] = [("h3", "My reflections during the game")] if heading else []
    if not f.reflections and not f.draft:
        return out + [("small", "No reflection prompts came up in this session.")]
    for r in f.reflections:
        note = f"after “{r['card_title']}”" if r["card_title"] else ""
        if r["status"] == "answered":
            out.append(("answer", r["prompt"], r["answer"], note))
        elif r["status"] == "pending" and f.draft:
            out.append(("answer", r["prompt"], f.draft, "typed, not yet submitted"))
        else:
            out.append(("answer", r["prompt"], "", "skipped" if r["status"] == "skipped"
                        else "not answered yet"))
    return out


def _notes_block(f: Facts) -> list[tuple]:
    notes = [(s, n) for s in f.steps for n in s.notes] + [(None, n) for n in f.notes]
    if not notes:
        return []
    rows = []
    for step, n in notes:
        who = f" ({n['author']})" if n.get("author") else ""
        where = _card_name(step) if step else "The session"
        rows.append(f"{where}{who}: {n['text']}")
    return [("h3", "Notes from the session"), ("bullets", rows)]


def _journey(f: Facts) -> list[tuple]:
    out: list[tuple] = [("h2", "The journey, card by card")]
    if not f.steps:
        return out + [("small", "No cards were played.")]
    if not f.deck_found:
        out.append(("small", "The deck folder could not be found, so only card titles and "
                             "the choices made are shown."))
    for s in f.steps:
        out.append(("h3", _card_name(s)))
        if s.words:
            out.append(("quote", s.words))
        rows = []
        if s.player:
            rows.append(("Played by", s.player))
        if s.label:
            rows.append(("Choice", s.label))
        if s.votes is not None:
            rows.append(("Votes", "; ".join(_tally(s))))
        if s.changes:
            rows.append(("What changed", ", ".join(f"{k} {v:+d}" for k, v in s.changes.items())))
        if s.response:
            rows.append(("The child", f"“{s.response}”"))
        if rows:
            out.append(("kv", rows))
    return out


def _stats(f: Facts, chart: str | None) -> list[tuple]:
    if not f.stat_history or not f.stat_labels:
        return []
    out: list[tuple] = [("h2", "How things changed for the child")]
    if chart:
        out.append(("image", chart, "A line chart of " + _and(list(f.stat_labels.values()))
                    + " after each card."))
    first, last = f.stat_history[0], f.stat_history[-1]
    rows = []
    for sid, label in f.stat_labels.items():
        lo, hi = f.stat_ranges.get(sid, (0, 0))
        rows.append((label, f"started at {first.get(sid, '?')}, ended at {last.get(sid, '?')} "
                            f"(out of {hi})" if hi else f"{first.get(sid)} to {last.get(sid)}"))
    out.append(("kv", rows))
    return out


def _ending_and_support(f: Facts) -> list[tuple]:
    out: list[tuple] = []
    if f.ending_title:
        out += [("h2", "How it ended"), ("p", f"The journey ended: {f.ending_title}."
                                         if f.mode == "journey" else f.ending_title)]
        if f.ending_text:
            out.append(("quote", f.ending_text))
    if f.support:
        out += [("h2", "If this brought something up for you"),
                ("bullets", [f"{n}: {d}" if d else n for n, d in f.support])]
    out.append(("small", PRIVACY))
    if f.credits:
        out.append(("small", "About the deck: " + " ".join(f.credits)))
    out.append(("small", f"Made with cardsdealt {__version__}. {INDEPENDENT}"))
    out.append(("small", "This record holds personal "
                         "reflections: it was written only to this computer. Keep it as "
                         "privately as you would keep supervision notes."))
    return out


def _tally(s: StepFacts) -> list[str]:
    n = max(len(s.options), len(s.votes or []), (s.chosen or 0) + 1)
    rows = []
    for i in range(n):
        label = s.options[i] if i < len(s.options) else (s.label if i == s.chosen
                                                          else f"Choice {i + 1}")
        votes = f"{s.votes[i]} vote{'s' if s.votes[i] != 1 else ''}" \
            if s.votes and i < len(s.votes) else "no vote count"
        rows.append(f"{label}: {votes}" + (" (chosen)" if i == s.chosen else ""))
    return rows


def _card_name(s: StepFacts) -> str:
    where = f" ({s.stage})" if s.stage else ""
    return f"Card {s.turn}{where}: {s.title}"


def _date(when) -> str:
    return f"{when.day} {when:%B %Y}" if when else ""  # no %-d: Windows lacks it


def _duration(seconds: int) -> str:
    if seconds < 60:
        return "less than a minute"
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"{minutes} minute{'s' if minutes != 1 else ''}"
    h, m = divmod(minutes, 60)
    return f"{h} hour{'s' if h != 1 else ''}" + (f" {m} minutes" if m else "")


def _and(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]

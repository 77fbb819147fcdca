"""The words of the records, as a list of simple blocks that Markdown and PDF both render.

The CPD record follows the headings a social worker fills in for their CPD log (type of
activity; description and relevance; what was learnt; impact on practice and on people who
use services; learning from peer discussion). The same record can be written in the headings
of each UK regulator's registration learning (TEMPLATES; sources in docs/records.md). The
short guidance under each heading is our own wording. The person's own words come from the
closing questions (closing.py); where they have not written them yet, the record leaves a
clearly marked space instead of inventing them.

Blocks: ("title", text) ("h2", text) ("h3", text) ("guide", text) ("p", text)
("quote", text) ("kv", [(key, value)]) ("bullets", [text]) ("answer", prompt, answer, note)
("write", hint) ("image", path, alt) ("small", text).
"""

from __future__ import annotations

from dataclasses import dataclass

from cardsdealt import __version__
from cardsdealt.session.facts import Facts, StepFacts
from cardsdealt.session.privacy import REMINDER

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
WRITE_HINT = "Not written yet. Answer the closing questions (at the end of the game, or " \
             "`cardsdealt record {session}`) and save the record again, or write here by hand."
PEER_LATER_HINT = "Peer reflection: not added yet. After talking this through with a " \
                  "colleague or your supervisor, add what came out of it with `cardsdealt " \
                  "record {session}` (or “Add a peer reflection” on the start screen)."


@dataclass(frozen=True)
class Template:
    """One regulator's headings for the same record. The words under each heading are the
    person's own answers (or the game's facts), whatever the template."""

    key: str
    body: str  # the regulator, as it names itself
    title: str  # the record's title, in the body's own term for registration learning
    intro: str  # one line under the title: what this record is for
    type: str
    description: str
    learnt: str
    impact: str
    peer: str
    people: str  # how the body speaks of the people its registrants work with


TEMPLATES: dict[str, Template] = {
    "england": Template(
        "england", "Social Work England", "Reflective learning record",
        "A piece of continuing professional development (CPD) for registration with Social "
        "Work England (professional standard 4). At least one piece each year must include "
        "peer reflection.",
        "Type of CPD activity",
        "Description of the activity and its relevance to my practice",
        "What I learnt",
        "Impact on my practice and on people who use services",
        "What I learnt from discussing this with a peer (peer reflection)",
        "people who use services"),
    "wales": Template(
        "wales", "Social Care Wales", "Continuing professional development record",
        "Continuing professional development (CPD), called post-registration training and "
        "learning (PRTL) until 2025, for registration with Social Care Wales. Discuss and agree "
        "it with your manager, in line with the Code of Professional Practice for Social Care.",
        "Name of the training or learning",
        "Why it was relevant to my role",
        "How it contributed to my professional development",
        "How I will use it, and the difference for people who need care and support",
        "Learning from talking it through with colleagues (peer reflection)",
        "people who need care and support"),
    "scotland": Template(
        "scotland", "Scottish Social Services Council",
        "Continuous professional learning (CPL) record",
        "Continuous professional learning (CPL), which replaced post registration training and "
        "learning (PRTL) in 2020, for registration with the Scottish Social Services Council "
        "(SSSC Codes of Practice for Social Service Workers). Review it with your supervisor.",
        "Learning activity",
        "Why it is relevant to my role and the people I support",
        "What I learned",
        "How I have used it, or will use it, in my practice",
        "Learning with others: discussion with colleagues or my supervisor (peer reflection)",
        "individuals and carers"),
    "northern-ireland": Template(
        "northern-ireland", "Northern Ireland Social Care Council",
        "Post Registration Training and Learning (PRTL): record of activity",
        "A record of Post Registration Training and Learning (PRTL) for registration with the "
        "Northern Ireland Social Care Council (Standards of Conduct and Practice, standard 6). "
        "Link it to your Learning and Development Plan.",
        "Learning and development activity",
        "Why it is relevant to my role and my Learning and Development Plan",
        "What I learned",
        "Outcome: the change to my practice and the difference for service users",
        "Learning from colleagues (peer reflection)",
        "service users"),
}
FORMATS = tuple(TEMPLATES)


def template_for(key: str | None) -> Template:
    """The template called `key` ("england" when None or unknown)."""
    return TEMPLATES.get(key or "england", TEMPLATES["england"])


def cpd_record(f: Facts, chart: str | None, template: str | None = None) -> list[tuple]:
    """The reflective record a practitioner can attach to their CPD log, in the headings of
    `template` (see TEMPLATES; England's by default). Nothing is invented: where the person
    has not written their own words, the record says so and leaves room."""
    t = template_for(template)
    blocks: list[tuple] = [("title", f"{t.title}: {f.deck_title}"), ("small", t.intro),
                           ("kv", _key_facts(f) + [("Written for", t.body)])]
    blocks += _tag_lines(f)
    blocks += [("h2", t.type), ("guide", GUIDE["type"]), ("p", _activity(f))]
    blocks += [("h2", t.description),
               ("guide", GUIDE["description"]), ("p", _description(f))]
    if f.pcf or f.bright_spots:
        blocks.append(("p", _relevance(f)))
    blocks += _own(f, "relevance", lead=True)
    blocks += [("h2", t.learnt), ("guide", GUIDE["learnt"])]
    blocks += _own(f, "learnt")
    blocks += _answers(f)
    blocks += [("h2", t.impact),
               ("guide", GUIDE["impact"].replace("people who use services", t.people))]
    blocks += _own(f, "impact")
    blocks += _peer(f, t)
    blocks += _journey(f)
    blocks += _stats(f, chart)
    blocks += _ending_and_support(f)
    blocks.insert(-1, ("h2", "Before you share this record"))
    blocks.insert(-1, ("p", REMINDER))
    return blocks


def _peer(f: Facts, t: Template) -> list[tuple]:
    """The peer reflection: asked in group sessions, added later by a solo player."""
    text = f.own_words.get("peer", "").strip()
    out: list[tuple] = [("h2", t.peer)]
    if f.group:
        day = _date(f.created) or "the day of the session"
        out += [("guide", GUIDE["peer"]),
                ("small", f"Peer reflection: from the group session on {day}.")]
        out += [("p", text)] if text else [("write", WRITE_HINT.format(session=f.session_id))]
        return out + _notes_block(f)
    if text:
        when = _date(_parse(f.peer_added)) if f.peer_added else ""
        out += [("small", "Peer reflection: added " + (f"on {when} " if when else "")
                 + "after talking it through with a colleague or supervisor."), ("p", text)]
    else:
        out += [("write", PEER_LATER_HINT.format(session=f.session_id))]
    return out


def _parse(iso: str):
    from datetime import datetime

    try:
        return datetime.fromisoformat(iso)
    except ValueError:
        return None


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
    game = ("a reflective card game designed by care-experienced young people, in which "
            "you decide what the adults around a child do and see what it means to the child")
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


def _own(f: Facts, key: str, lead: bool = False) -> list[tuple]:
    """The person's own answer (kept exactly as typed), or room to write it."""
    text = f.own_words.get(key, "").strip()
    if text:
        return ([("h3", "In my own words")] if lead else []) + [("p", text)]
    return [("write", WRITE_HINT.format(session=f.session_id))]


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
    out.append(("small", f"Made with cardsdealt {__version__}. This record holds personal "
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

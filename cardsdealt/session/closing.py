"""The closing reflection: the CPD record's own questions, asked one at a time at the end.

Both front ends (the window's closing scene and the terminal) walk the same `Closing`:

    c = Closing(session)                    # a finished session, or one just finished
    c.question                              # the one to ask now (None: all asked)
    c.typed(text)                           # every few seconds while typing: kept at once
    c.answer(text) / c.skip()               # keep it and move on / move on without it
    c.earlier()                             # the player's own reflections from the game
    c.check(text)                           # likely names / dates of birth (privacy.py)

Answers are the person's own words and go straight into the session's `record` (the same
place `cardsdealt export` reads), so a window closed or a program killed mid-answer keeps
everything up to the last few seconds of typing. Where the sequence got to (which were
skipped, whether it was finished, when a solo player added a peer reflection) is kept
beside it in the save's `closing` part, so it resumes at the question it stopped on.

Peer reflection: in a group session everyone heard colleagues, so it is asked with the rest.
A solo player is offered it later: after talking it through with a colleague or supervisor
they open the finished session again (`cardsdealt record NAME`, or the start screen) and add
it; the record then marks it as peer reflection added on that date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from cardsdealt.session.privacy import REMINDER, Finding, check_identifying

__all__ = ["Closing", "Question", "QUESTIONS", "REMINDER", "needs_closing"]


@dataclass(frozen=True)
class Question:
    id: str  # also the record field it fills
    ask: str  # in plain words
    hint: str
    peer: bool = False  # marked as peer reflection on the record


QUESTIONS = {
    "relevance": Question(
        "relevance", "Why was this relevant to your work?",
        "Think of the children, young people and families you work with, or your team. "
        "What made this worth your time?"),
    "learnt": Question(
        "learnt", "What did you learn?",
        "Something you now understand, notice or question that you did not before. Your "
        "reflections from the game are beside this, if they help."),
    "impact": Question(
        "impact", "What will you do differently, and how will it help the people you work "
        "with?",
        "Small, concrete changes count: something you will say, ask, check or stop doing."),
    "peer": Question(
        "peer", "What did you learn from your colleagues?",
        "Where you agreed, where you saw it differently, and what hearing them showed you.",
        peer=True),
}
PEER_LATER = Question(
    "peer", "What came out of talking it through with a colleague or supervisor?",
    "Say who it was by their role (a colleague, your supervisor, group supervision), what "
    "you talked about and what you took from it.", peer=True)
ORDER = ("relevance", "learnt", "impact", "peer")


def _now() -> str:
    return datetime.now(timezone.utc).astimezone().isoformat(timespec="seconds")


def state_of(doc: dict) -> dict:
    """The `closing` part of a saved document, with its defaults."""
    found = doc.get("closing")
    raw: dict = found if isinstance(found, dict) else {}
    listed = raw.get("skipped")
    skipped: list = listed if isinstance(listed, list) else []
    at = raw.get("at")
    return {"done": bool(raw.get("done")), "skipped": [s for s in skipped if s in ORDER],
            "peer_added": raw.get("peer_added") or "", "at": at if at in ORDER else None}


def needs_closing(doc: dict) -> str:
    """What a finished session still offers: "questions" (not yet asked to the end),
    "peer" (a solo record without peer reflection yet), or "" (nothing)."""
    if not (doc.get("progress") or {}).get("finished"):
        return ""
    if not state_of(doc)["done"]:
        return "questions"
    kind = (doc.get("meta") or {}).get("kind", "solo")
    if kind != "group" and not (doc.get("record") or {}).get("peer", "").strip():
        return "peer"
    return ""


class Closing:
    """The closing questions of one session (see the module docstring)."""

    def __init__(self, session, peer_later: bool | None = None) -> None:
        self.session = session
        doc = session.doc
        self.group = (doc.get("meta") or {}).get("kind") == "group"
        state = state_of(doc)
        if peer_later is None:  # a finished solo sequence: only the peer reflection is left
            peer_later = state["done"] and not self.group
        self.peer_later = bool(peer_later) and not self.group
        if self.peer_later:
            self.questions = [PEER_LATER]
        else:
            ids = ORDER if self.group else ORDER[:3]
            self.questions = [QUESTIONS[i] for i in ids]
        self.index = 0 if self.peer_later else self._resume_at(state)
        self._last_kept: dict[str, str] = {}

    def _resume_at(self, state: dict) -> int:
        if state["done"]:
            return 0  # asked again from the start: each answer is there to change
        ids = [q.id for q in self.questions]
        if state["at"] in ids:  # the question being typed when it stopped
            return ids.index(state["at"])
        record = self.session.doc.get("record") or {}
        for i, q in enumerate(self.questions):
            if q.id not in state["skipped"] and not (record.get(q.id) or "").strip():
                return i
        return len(self.questions) - 1

    # -- reading -------------------------------------------------------------------------
    @property
    def question(self) -> Question | None:
        return self.questions[self.index] if self.index < len(self.questions) else None

    @property
    def finished(self) -> bool:
        return self.index >= len(self.questions)

    @property
    def position(self) -> str:
        return f"Question {self.index + 1} of {len(self.questions)}"

    def answer_so_far(self, q: Question | None = None) -> str:
        q = q or self.question
        if q is None:
            return ""
        return (self.session.doc.get("record") or {}).get(q.id, "") or ""

    def earlier(self) -> list[tuple[str, str]]:
        """(prompt, what they wrote) for each reflection they answered in the game."""
        game = (self.session.doc.get("game") or {}).get("state") or {}
        out = []
        for r in game.get("reflections", []) or []:
            if isinstance(r, dict) and (r.get("answer") or "").strip():
                out.append((str(r.get("prompt") or ""), str(r["answer"])))
        return out

    def allowed_words(self) -> list[str]:
        """Names that belong to the game (its invented children), never flagged."""
        meta = self.session.doc.get("meta") or {}
        return [str((meta.get("deck") or {}).get("title") or "")]

    def check(self, text: str) -> list[Finding]:
        return check_identifying(text, self.allowed_words())

    # -- keeping -------------------------------------------------------------------------
    def typed(self, text: str) -> None:
        """The answer being typed: kept now (called every few seconds and on quit).
        Unchanged text is not written again. Raises SessionError like every save."""
        q = self.question
        if q is None or self._last_kept.get(q.id) == text:
            return
        if text == self.answer_so_far(q) and q.id not in self._last_kept:
            self._last_kept[q.id] = text
            return
        fields = {q.id: text}
        self.session.save_record(**fields)
        state = state_of(self.session.doc)
        if self.peer_later and text.strip() and not state["peer_added"]:
            self._save_state(peer_added=_now())
        elif not self.peer_later and not state["done"] and state["at"] != q.id:
            self._save_state(at=q.id)  # carry on at this question if it stops here
        self._last_kept[q.id] = text

    def answer(self, text: str) -> None:
        """Keep `text` as this question's answer and go on to the next."""
        q = self.question
        if q is None:
            return
        self.typed(text)
        state = state_of(self.session.doc)
        if q.id in state["skipped"]:
            self._save_state(skipped=[s for s in state["skipped"] if s != q.id])
        self._next()

    def skip(self) -> None:
        """Go on without an answer (what was kept before stays; nothing is invented)."""
        q = self.question
        if q is None:
            return
        state = state_of(self.session.doc)
        if q.id not in state["skipped"] and not self.answer_so_far(q).strip():
            self._save_state(skipped=[*state["skipped"], q.id])
        self._next()

    def back(self) -> None:
        if self.index > 0:
            self.index -= 1

    def _next(self) -> None:
        self.index += 1
        state = state_of(self.session.doc)
        if self.finished and not state["done"]:
            self._save_state(done=True, at=None)
        elif not self.finished and not state["done"] and not self.peer_later:
            self._save_state(at=self.questions[self.index].id)

    def _save_state(self, **changes) -> None:
        state = {**state_of(self.session.doc), **changes}
        self.session.save_closing(state)

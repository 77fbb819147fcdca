"""Where the closing questions are offered: at once at the end of a solo game, from the end
screen's "Save my record", and as start-screen rows for finished sessions whose record still
has questions (or room for a peer reflection). The questions themselves, and where the
record goes, are closing.py's.
"""

from __future__ import annotations

from cardsdealt.engine import presets
from cardsdealt.ui.pygame.scenes.closing import ClosingScene


def offer(app, table, game, asked: bool = False) -> bool:
    """Open the closing questions when the session is kept and they have not been asked to
    the end: at once when a solo game ends, and (`asked`) from the end screen's "Save my
    record". A group's end screen stays on the projector as it is, with the support
    signposting, until the facilitator chooses "Save my record" (R). An interview panel's
    session has no CPD record."""
    from cardsdealt.session.closing import needs_closing

    session = getattr(app, "session", None)
    if session is None or getattr(app, "preset", None) == "interview":
        return False
    if not asked and session.kind == "group":
        return False
    if needs_closing(session.doc) != "questions":
        return False
    summary = app.top

    def saved(folder) -> None:
        if summary is not None and hasattr(summary, "saved_to"):
            summary.saved_to = f"Your record is saved in {folder}"

    app.push(ClosingScene(app, session, deck=getattr(table, "deck", None), on_saved=saved))
    return True


RECORD_ROWS = 3  # finished sessions offered on the start screen for their record


def record_entries(app, store, row, when, limit: int = RECORD_ROWS) -> list:
    """Finished sessions whose record still has questions to answer, or (solo) room for a
    peer reflection: start-screen rows that open the closing questions. `row` and `when` are
    flow.py's ResumeEntry and time words (passed in: scenes never import flow)."""
    from cardsdealt.session import SessionError, savefile
    from cardsdealt.session.closing import needs_closing

    try:
        infos = store.list()
    except (SessionError, OSError):
        return []
    rows = []
    for info in infos:
        if not info.finished or info.problem:
            continue
        doc = savefile.check_file(info.path / savefile.MAIN).doc
        what = needs_closing(doc) if doc else ""
        if not what:
            continue
        way = presets.way_words(info.preset, info.mode, info.kind)
        detail = (f"Finished {when(info.updated)} · {way} · answer your record's questions"
                  if what == "questions" else
                  f"Finished {when(info.updated)} · {way} · add what came out of talking "
                  "it through with a colleague or supervisor")
        rows.append(row(info.deck_title or info.deck_id or info.id, detail,
                                _opener(app, store, info.id, what),
                                {"id": info.id, "what": what}))
        if len(rows) >= limit:
            break
    return rows


def _opener(app, store, session_id: str, what: str):
    def open_it():
        session, _doc, _messages = store.open(session_id)
        app.push(ClosingScene(app, session, peer_later=what == "peer"),
                 on_result=lambda _r: _refresh_start(app))
        return None
    return open_it


def _refresh_start(app) -> None:
    start = app.top
    if getattr(start, "name", "") == "start" and hasattr(start, "_rows"):
        start.rows = start._rows()
        start._mark_first()
        start.changed()

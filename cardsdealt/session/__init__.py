"""Sessions: autosave and resume, and the records people keep (the only writer of user data).

The API the front ends use. Everything raises SessionError (DiskFullError, NewerSaveError are
kinds of it) with a message written to be shown as it is.

    from cardsdealt.session import SessionStore, SessionError, resume, export_record

    store = SessionStore()                # root: $CARDSDEALT_DATA_DIR/sessions, else the
                                          # per-user data folder (platformdirs); 0700
    session = store.start(deck, game, kind="solo", preset=None)   # "solo" | "group"; saved
    session.save(game)                    # after EVERY action (choose, reflect, play, undo...);
                                          # clears the draft once its prompt is answered
    session.save_draft(text)              # the reflection being typed: every few seconds and
                                          # on quit (unchanged text is not rewritten)
    session.add_note(card_id, text, author="", kind="facilitator")  # facilitator/panel notes
    session.save_record(relevance=, learnt=, impact=, peer=)   # own words for the CPD record
    session.save_meta(interview={"cards": [ids], "at": i})  # what a front end needs to carry
                                          # on as it was, beside the game (unchanged: no write)
    session.id  .draft  .notes  .folder  .unsaved (a save failed: show "not saved")

    store.list() -> [SessionInfo]         # unfinished first, then newest; .id .deck_title
                                          # .updated .how_far .finished .kind .problem
    r = resume(store, session_id, deck=None)  # -> Resumed(session, game, deck, draft, messages)
                                          # deck None: loaded again from its saved folder;
                                          # show r.messages (backup used, deck edited, ...)
                                          # and put r.draft back in the text box
    store.open(session_id, read_only=False) -> (session, doc, messages)  # no engine
    store.copy(session_id) -> Session     # carry on in a copy (the original is open elsewhere)
    session.close()                       # let another window open it (also at exit)
    store.delete(session_id)              # full name only; the session and records beside it

    e = export_record(store, session_id, out_dir=None)  # the end screen's "Save record"
        # -> Exported(markdown, pdf, chart, summary_markdown, summary_pdf, messages);
        # e.files lists what was written (beside the session unless out_dir is given);
        # summary_* only for group sessions; show e.messages (e.g. deck folder not found)
        # public=True: also where the person finds it (Documents, places.py), e.private the
        # copies beside the session; template: "england" | "wales" | "scotland" |
        # "northern-ireland" (record.TEMPLATES)
    c = Closing(session)                  # the closing questions (closing.py), both front ends

A session id may also be given as a unique prefix, or as "last" (open, resume, export).

Promises kept here (tests/session checks each): a save is atomic (old or new file, never
half; checked by killing a scripted session at 160 random moments), the save before the last
is kept as session.json.bak, a damaged or cut-short save falls back to the backup with a
message and is moved aside (never deleted), a save from a newer cardsdealt is left untouched
with a message, a full disk or a locked file leaves the last save intact (and the change is
saved with the next successful save). One writer per session: a second window gets
SessionLockedError and may open it read-only or `store.copy()` it; a folder that cannot be
written opens sessions read-only, with a message. Every save is read bounded (size, regular
files only, never waiting on a pipe) and its every field checked before use (shape.py).
Reflection text is never logged and never put on the
clipboard; files are 0600 on POSIX.
"""

from cardsdealt.lazy import exports

__all__ = [
    "DiskFullError", "NewerSaveError", "ReadOnlyError", "Resumed", "Session", "SessionError",
    "SessionInfo", "SessionLockedError",
    "SessionStore", "default_root", "export_record", "resume",
]

# imported when first used: the deck cache (deckcache.py) is needed before the first card,
# the rest of this package only once there is a session to keep
__getattr__, __dir__ = exports(__name__, {
    "DiskFullError": "files", "SessionError": "files", "default_root": "files",
    "Resumed": "reopen", "resume": "reopen", "NewerSaveError": "savefile",
    "SessionLockedError": "files", "ReadOnlyError": "files",
    "Session": "store", "SessionInfo": "store", "SessionStore": "store",
})


def export_record(store, session_id: str, out_dir=None, deck=None, template=None,
                  public: bool = False):
    """Write the session's reflective record (Markdown + PDF); see cardsdealt.session.export."""
    from cardsdealt.session.export import export_record as _export

    return _export(store, session_id, out_dir=out_dir, deck=deck, template=template,
                   public=public)

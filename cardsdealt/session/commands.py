"""`cardsdealt sessions [list|delete SESSION]` and `cardsdealt export SESSION [-o FOLDER]`.

Messages go to `out` for results and to stderr for problems; the return value is the exit
code (0 done, 1 a problem the message explains, 2 a missing argument).
"""

from __future__ import annotations

import sys
from datetime import datetime
from typing import TextIO

from cardsdealt.session.files import SessionError
from cardsdealt.session.store import SessionInfo, SessionStore


def run_sessions(args, out: TextIO) -> int:
    try:
        store = SessionStore()
        if args.action == "delete":
            return _delete(store, args.session, out)
        return _list(store, out)
    except SessionError as e:
        print(e, file=sys.stderr)
        return 1


def run_export(args, out: TextIO) -> int:
    from cardsdealt.session.export import export_record
    from cardsdealt.session.places import open_folder

    try:
        result = export_record(SessionStore(), args.session, out_dir=args.output,
                               template=getattr(args, "format", None), public=True)
    except SessionError as e:
        print(e, file=sys.stderr)
        return 1
    for message in result.messages:
        print(message, file=sys.stderr)
    print("Wrote:", file=out)
    for path in result.files:
        print(f"  {path}", file=out)
    if result.private:
        print(f"(A private copy is kept with the session in {result.private[0].parent}.)",
              file=out)
    if getattr(args, "open", False):
        why = open_folder(result.folder)
        if why:
            print(why, file=sys.stderr)
    return 0


def _list(store: SessionStore, out: TextIO) -> int:
    if store.read_only_message:
        print(store.read_only_message, file=sys.stderr)
    infos = store.list()
    if not infos:
        print(f"No saved sessions yet (they are kept in {store.root}).", file=out)
        return 0
    unfinished = [i for i in infos if not i.finished]
    finished = [i for i in infos if i.finished]
    for heading, group in (("Not finished (resume with `cardsdealt play --resume NAME`):",
                            unfinished), ("Finished:", finished)):
        if group:
            print(heading, file=out)
            for info in group:
                print("  " + _line(info), file=out)
    print(f"\nKept in {store.root}. `cardsdealt export NAME` writes a record; "
          "`cardsdealt sessions delete NAME` removes one.", file=out)
    return 0


def _line(info: SessionInfo) -> str:
    if info.problem:
        return f"{info.id}  (this save cannot be read: {info.problem})"
    kind = "group" if info.kind == "group" else "solo"
    return f"{info.id}  {info.deck_title}  ({kind}, {info.how_far}, {_when(info.updated)})"


def _when(iso: str) -> str:
    try:
        t = datetime.fromisoformat(iso)
    except ValueError:
        return iso or "unknown time"
    return f"{t.day} {t:%b %Y %H:%M}"


def _delete(store: SessionStore, session_id: str | None, out: TextIO) -> int:
    if not session_id:
        print("Say which session to delete: `cardsdealt sessions delete NAME` "
              "(`cardsdealt sessions` lists the names).", file=sys.stderr)
        return 2
    folder = store.folder(session_id, exact=True)
    if sys.stdin is not None and sys.stdin.isatty():
        answer = input(f"Delete {folder.name} and the records saved beside it? "
                       "This cannot be undone. [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("Nothing was deleted.", file=out)
            return 0
    store.delete(folder.name)
    print(f"Deleted {folder.name} (and the records that were saved beside it; copies "
          "exported to other folders are not touched).", file=out)
    return 0

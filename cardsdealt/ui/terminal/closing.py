"""The closing questions in the terminal: the record's own questions, one at a time.

Each answer may take several lines: every line is kept the moment Enter is pressed (so a
closed terminal or a killed program loses at most the line being typed), and an empty line
ends the answer. `s` skips a question, `q` stops for now (everything typed is kept; carry on
with `cardsdealt record NAME`). The logic is the session's own (cardsdealt.session.closing);
this only reads and writes lines.
"""

from __future__ import annotations

from typing import TextIO

from cardsdealt.session.closing import REMINDER, Closing
from cardsdealt.session.privacy import warning_words
from cardsdealt.ui.terminal.wrap import lines_for


def _say(out: TextIO, *lines: str) -> None:
    out.write(lines_for(out, lines))
    out.flush()


def _read(stdin: TextIO) -> str | None:
    line = stdin.readline()
    return None if line == "" else line.rstrip("\r\n")


def ask_closing(session, stdin: TextIO, out: TextIO, name_check: bool = True,
                peer_later: bool | None = None) -> str:
    """Ask the closing questions of `session`. Returns "done" (asked to the end), "stopped"
    (q or the end of input) or "failed" (a save did not work: said on screen)."""
    from cardsdealt.session import SessionError

    c = Closing(session, peer_later=peer_later)
    if c.peer_later:
        _say(out, "", "Add a peer reflection to your record",
             "If you have talked this session through with a colleague or your supervisor, "
             "write what came out of it. The record will mark it as peer reflection.")
    else:
        _say(out, "", "Your record: a few questions in your own words",
             "These go into your CPD record under the right headings. Skip any you like.")
    _say(out, f"Remember: {REMINDER}")
    earlier = c.earlier()
    if earlier:
        _say(out, "", "What you wrote during the game:")
        for prompt, answer in earlier:
            _say(out, f"  - {prompt}", *(f"      {line}" for line in answer.splitlines()))
    _say(out, "", "Type your answer; each line is kept when you press Enter. An empty line "
                  "ends the answer, s skips the question, q stops for now.")
    try:
        while not c.finished:
            q = c.question
            _say(out, "", f"{c.position}: {q.ask}", f"({q.hint})")
            had = c.answer_so_far()
            if had.strip():
                _say(out, "You wrote before:", *(f"  {line}" for line in had.splitlines()),
                     "Press Enter to keep it, or type a new answer.")
            lines: list[str] = []
            while True:
                line = _read(stdin)
                if line is None or (not lines and line.strip().lower() in ("q", "quit")):
                    _say(out, "", "Stopped for now. Everything you typed is kept; carry on "
                                  f"with `cardsdealt record {session.id}`.")
                    return "stopped"
                if not lines and line.strip().lower() == "s":
                    c.skip()
                    break
                if line.strip() == "":
                    text = "\n".join(lines) if lines else had
                    if text.strip() and name_check and not _checked(c, text, stdin, out):
                        lines = []
                        _say(out, "Type the answer again (an empty line ends it).")
                        continue
                    if text.strip():
                        c.answer(text)
                    else:
                        c.skip()
                    break
                lines.append(line)
                c.typed("\n".join(lines))  # kept now, line by line
    except SessionError as e:
        _say(out, f"Your answer could not be saved just now: {e}")
        return "failed"
    _say(out, "", "Thank you. Your answers are in your record.")
    return "done"


def _checked(c: Closing, text: str, stdin: TextIO, out: TextIO) -> bool:
    """True to keep `text`; False to write it again (after a warning about a name/DOB)."""
    found = c.check(text)
    if not found:
        return True
    _say(out, "", warning_words(found),
         "Press Enter to keep it as it is, or type e to write it again.")
    reply = _read(stdin)
    return not (reply is not None and reply.strip().lower() == "e")


def write_record(store, session, out: TextIO, out_dir=None, template=None, deck=None) -> int:
    """Write the record where the person will find it and say where (full paths)."""
    from cardsdealt.session import SessionError, export_record
    from cardsdealt.session.places import can_open_folders

    try:
        e = export_record(store, session.id, out_dir=out_dir, deck=deck, template=template,
                          public=True)
    except SessionError as err:
        _say(out, f"The record could not be written: {err}")
        return 1
    for m in e.messages:
        _say(out, m)
    _say(out, "", "Your record is written:", *(f"  {p}" for p in e.files),
         f"(A private copy is kept with the session in {e.private[0].parent}.)"
         if e.private else "")
    if can_open_folders():
        _say(out, f"To open the folder: cardsdealt export {session.id} --open")
    return 0


def _name_check() -> bool:
    from cardsdealt.session.settings import load_settings

    return load_settings()[0].name_check


def closing_after_game(store, session, deck, stdin: TextIO, out: TextIO) -> str:
    """The end of a game in the terminal (or a finished session resumed): ask what is still
    to ask, then write the record where the person will find it."""
    from cardsdealt.session.closing import needs_closing

    what = needs_closing(session.doc)
    if not what:
        return ""
    how = ask_closing(session, stdin, out, name_check=_name_check(),
                      peer_later=what == "peer")
    if how == "done":
        write_record(store, session, out, deck=deck)
    if how != "failed" and session.kind != "group" and what != "peer":
        _say(out, "", "Later, after talking this through with a colleague or your supervisor, "
                      f"add a peer reflection: cardsdealt record {session.id} --peer")
    return how


def run_record(args, stdin: TextIO, out: TextIO) -> int:
    """`cardsdealt record [SESSION] [--peer]`: the closing questions for a finished session,
    then the record."""
    import sys

    from cardsdealt.session import SessionError, SessionStore

    try:
        store = SessionStore()
        session, doc, messages = store.open(args.session)
    except SessionError as e:
        print(e, file=sys.stderr)
        return 1
    for m in messages:
        _say(out, m)
    if not (doc.get("progress") or {}).get("finished"):
        print(f"Session {session.id} is not finished yet: carry on with `cardsdealt play "
              f"--resume {session.id}` (the questions come at the end).", file=sys.stderr)
        return 1
    peer = True if args.peer else None
    if args.peer and session.kind == "group":
        _say(out, "This was a group session: its peer reflection is one of the questions.")
        peer = False
    how = ask_closing(session, stdin, out, name_check=_name_check(), peer_later=peer)
    if how == "failed":
        return 1
    return write_record(store, session, out, out_dir=args.output, template=args.format)

"""Writing the record where the person will find it, and the words that say where: one path
for the end screen's "Save my record" (flow.py) and the closing questions' last page
(scenes/closing.py); the folder and headings come from Settings (`record_place`, also used
for the certificate)."""

from __future__ import annotations

from pathlib import Path


def record_place(app) -> dict:
    """The record's headings and folder, as chosen in Settings (for export_record)."""
    from cardsdealt.session.places import records_dir
    from cardsdealt.ui.pygame import prefs

    s = prefs.current(app)
    return {"template": getattr(s, "record_format", None),
            "out_dir": records_dir(getattr(s, "records_folder", "") or None)}


def write_record(app, session, deck) -> tuple[Path | None, str]:
    """Write the session's record (Markdown and PDF, a private copy beside the session).
    Returns the folder it went to and words saying where, or None and why it could not."""
    from cardsdealt.session import SessionError, export_record

    try:
        e = export_record(session.store, session.id, deck=deck, public=True,
                          **record_place(app))
    except (SessionError, OSError) as err:
        return None, f"The record could not be written: {err}"
    words = ["Your record is in this folder:", str(e.folder), ""]
    words += [f"•  {p.name}" for p in e.files]
    words += ["", "Open the PDF to read it, print it or add it to your CPD log."]
    if e.private:
        words += ["", f"A private copy stays with the session in {e.private[0].parent}."]
    if e.messages:
        words += ["", *e.messages]
    return e.folder, "\n".join(words)

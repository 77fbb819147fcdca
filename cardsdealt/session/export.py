"""Write a session's records: the CPD record (Markdown + PDF + chart picture) and, for group
sessions, the session summary. Called by `cardsdealt export` and by the end screen.

Files are written like saves (atomic, mode 0600): a record holds reflections, so it gets the
same care. They go into the session's own folder unless another folder is given.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from cardsdealt.session.facts import Facts, deck_path, gather
from cardsdealt.session.files import (
    ReadOnlyError,
    SessionError,
    private_dir,
    read_only_words,
    writable,
    write_atomic,
)
from cardsdealt.session.record import cpd_record, group_summary
from cardsdealt.session.render_md import to_markdown
from cardsdealt.session.render_pdf import to_pdf
from cardsdealt.session.store import SessionStore


@dataclass
class Exported:
    markdown: Path
    pdf: Path
    chart: Path | None = None
    summary_markdown: Path | None = None
    summary_pdf: Path | None = None
    messages: list[str] = field(default_factory=list)  # e.g. "the deck folder was not found"

    @property
    def files(self) -> list[Path]:
        return [p for p in (self.markdown, self.pdf, self.chart, self.summary_markdown,
                            self.summary_pdf) if p is not None]


def export_record(store: SessionStore, session_id: str, out_dir=None, deck=None) -> Exported:
    """Write the records of a session; returns where they went. Raises SessionError."""
    session, doc, messages = store.open(session_id, read_only=True)  # only reads it
    if deck is None:
        deck = _deck_or_none(doc, messages)
    facts = gather(doc, deck)
    out = session.folder if out_dir is None else Path(out_dir).expanduser()
    try:
        private_dir(out)  # 0700: a record holds reflections
    except ReadOnlyError as e:
        raise ReadOnlyError(f"{e} Write the record somewhere else: `cardsdealt export "
                            f"{session.id} -o FOLDER`.") from e
    except OSError as e:
        raise SessionError(f"Could not create the folder {out}: {e.strerror or e}.") from e
    if not writable(out):
        raise ReadOnlyError(f"{read_only_words(out)} Write the record somewhere else: "
                            f"`cardsdealt export {session.id} -o FOLDER`.")
    base = session.folder.name  # never a name read from the file
    chart = _chart(facts, out / f"{base}-chart.png", messages)
    result = Exported(out / f"{base}-record.md", out / f"{base}-record.pdf", chart,
                      messages=messages)
    footer = f"{facts.deck_title} · reflective learning record"
    blocks_md = cpd_record(facts, chart.name if chart else None)
    blocks_pdf = cpd_record(facts, str(chart) if chart else None)
    lang = getattr(deck, "language", "en-GB") or "en-GB"
    write_atomic(result.markdown, to_markdown(blocks_md).encode("utf-8"))
    write_atomic(result.pdf, to_pdf(blocks_pdf, blocks_pdf[0][1], footer, lang))
    if facts.group:
        blocks = group_summary(facts)
        result.summary_markdown = out / f"{base}-summary.md"
        result.summary_pdf = out / f"{base}-summary.pdf"
        write_atomic(result.summary_markdown, to_markdown(blocks).encode("utf-8"))
        write_atomic(result.summary_pdf, to_pdf(blocks, blocks[0][1],
                                                f"{facts.deck_title} · group session summary",
                                                lang))
    return result


def _deck_or_none(doc: dict, messages: list[str]):
    path = deck_path(doc)
    if path is None or not path.is_dir():
        messages.append("The deck folder was not found, so the record shows card titles and "
                        "choices but not the cards' words.")
        return None
    from cardsdealt.deck import DeckError, load_deck

    try:
        return load_deck(path)
    except DeckError:
        messages.append(f"The deck at {path} has a problem (`cardsdealt check` explains it), "
                        "so the record shows card titles and choices but not the cards' words.")
        return None


def _chart(facts: Facts, path: Path, messages: list[str]) -> Path | None:
    if len(facts.stat_history) < 2 or not facts.stat_labels:
        return None
    from cardsdealt.session.chart import chart_png

    try:
        png = chart_png(facts.stat_labels, facts.stat_history, facts.stat_ranges)
    except ImportError:
        messages.append("pygame is not available, so the record has no chart (the numbers "
                        "are still listed).")
        return None
    write_atomic(path, png)
    return path

"""Write a session's records: the CPD record (Markdown + PDF + chart picture) and, for group
sessions, the session summary. Called by `cardsdealt export` and by the end screen.

Files are written like saves (atomic, mode 0600): a record holds reflections, so it gets the
same care. A private copy always goes into the session's own folder; with `public=True` (the
end screen, `cardsdealt export`) the files the person reads go where they will find them:
their Documents folder, or the folder chosen in Settings (places.py); `out_dir` names
another folder. `template` picks the regulator's headings (record.TEMPLATES; by default the
one chosen in Settings).
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
    private: list[Path] = field(default_factory=list)  # the copies kept beside the session
    template: str = "england"

    @property
    def folder(self) -> Path:
        """The folder the person reads the record from."""
        return self.pdf.parent

    @property
    def files(self) -> list[Path]:
        return [p for p in (self.markdown, self.pdf, self.chart, self.summary_markdown,
                            self.summary_pdf) if p is not None]


def export_record(store: SessionStore, session_id: str, out_dir=None, deck=None,
                  template: str | None = None, public: bool = False) -> Exported:
    """Write the records of a session; returns where they went. Raises SessionError."""
    session, doc, messages = store.open(session_id, read_only=True)  # only reads it
    if deck is None:
        deck = _deck_or_none(doc, messages)
    if template is None:
        from cardsdealt.session.settings import load_settings

        template = load_settings()[0].record_format
    facts = gather(doc, deck)
    lang = getattr(deck, "language", "en-GB") or "en-GB"
    base = session.folder.name  # never a name read from the file
    if writable(session.folder):
        private = _write_all(facts, private_dir(session.folder), base, template, lang,
                             list(messages))
    elif out_dir is None and not public:
        raise ReadOnlyError(f"{read_only_words(session.folder)} Write the record somewhere "
                            f"else: `cardsdealt export {base} -o FOLDER`.")
    else:
        private = None
        messages.append(f"{read_only_words(session.folder)} So no private copy is kept "
                        "with the session.")
    if out_dir is None and not public and private is not None:
        private.private = list(private.files)
        return private
    if out_dir is None:
        from cardsdealt.session.places import records_dir
        from cardsdealt.session.settings import load_settings

        out = records_dir(load_settings()[0].records_folder or None)
    else:
        out = Path(out_dir).expanduser()
    try:
        private_dir(out)  # 0700: a record holds reflections
    except OSError as e:
        raise SessionError(f"Could not create the folder {out}: {e.strerror or e}. The "
                           f"record is kept in {session.folder}.") from e
    result = _write_all(facts, out, base, template, lang, messages)
    result.private = private.files if private is not None else []
    return result


def _write_all(facts: Facts, out: Path, base: str, template: str | None, lang: str,
               messages: list[str]) -> Exported:
    from cardsdealt.session.record import template_for

    t = template_for(template)
    chart = _chart(facts, out / f"{base}-chart.png", messages)
    result = Exported(out / f"{base}-record.md", out / f"{base}-record.pdf", chart,
                      messages=messages, template=t.key)
    footer = f"{facts.deck_title} · {t.title.split(':')[0]}"
    blocks_md = cpd_record(facts, chart.name if chart else None, t.key)
    blocks_pdf = cpd_record(facts, str(chart) if chart else None, t.key)
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

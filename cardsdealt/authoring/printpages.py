"""The pages of words in a printed deck, and the document they share with the cards.

The document (`new_pdf`): A4, the shipped fonts, and the glyph rule of the screen and the
record PDFs (cardsdealt/glyphs.py) applied to every string fpdf2 is given, drawn or measured:
letters composed, a letter Atkinson lacks (Welsh ŵ, ŷ) set in the shipped OpenDyslexic, an
emoji named in brackets ("[blue heart]").

The pages: the first page (title, content notes, the introduction to read aloud, how to play,
support, how to print), and after the cards the response booklet for journey decks (every
choice with its response, what it changes and where it leads; a facilitator reads it out
after the group chooses) and the facilitator sheet (each card's discussion question and
facilitator notes). The cards themselves are set by `printcards` and `printlayout`.
"""

from __future__ import annotations

import re
from typing import Callable

from cardsdealt.authoring import printlayout as PL
from cardsdealt.deck.model import Card, Deck


def _strings(value) -> list[str]:
    """Every piece of text in a deck (its cards, stages, stats, support...), to know which
    fonts the printout needs."""
    import dataclasses

    if isinstance(value, str):
        return [value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [t for f in dataclasses.fields(value) for t in _strings(getattr(value, f.name))]
    if isinstance(value, dict):
        return [t for k, v in value.items() for t in (*_strings(k), *_strings(v))]
    if isinstance(value, (list, tuple, set, frozenset)):
        return [t for v in value for t in _strings(v)]
    return []


def new_pdf(deck: Deck):
    """An A4 fpdf2 document with the shipped fonts, whose every text (drawn or measured)
    passes through the glyph rule first (fpdf2 normalises each string it is given)."""
    from fpdf import FPDF

    from cardsdealt.session.render_pdf import install_fonts

    class PrintPdf(FPDF):
        clean: Callable[[str], str] = staticmethod(lambda text: text)

        def normalize_text(self, text: str) -> str:
            return super().normalize_text(self.clean(text))

    pdf = PrintPdf(format="A4", unit="mm")
    pdf.clean = install_fonts(pdf, _strings(deck))
    return pdf


def _para(pdf, h: float, text: str) -> None:
    """A left-aligned paragraph from the current x, onto a new page when the page is full."""
    x = pdf.get_x()
    for line in PL.wrap(pdf, text, pdf.w - pdf.r_margin - x):
        if pdf.get_y() + h > pdf.page_break_trigger:
            pdf.add_page()
        pdf.set_x(x)
        pdf.cell(pdf.w - pdf.r_margin - x, h, line, new_x="LMARGIN", new_y="NEXT")


def first_page(pdf, deck: Deck) -> None:
    pdf.add_page()
    pdf.set_font("Atkinson", "B", 24)
    _para(pdf, 11, deck.title)
    pdf.set_font("Atkinson", "", 11)
    _para(pdf, 6, f"{len(deck.cards)} cards. By {', '.join(deck.authors)}. "
                   f"{deck.licence}".strip())
    pdf.ln(3)
    sections = [("Before you play", "Content notes: " + "; ".join(deck.content_notes)
                 if deck.content_notes else "")]
    # a YAML block keeps the author's line ends; paper reflows them (blank lines stay)
    intro = re.sub(r"(?<!\n)\n(?!\n)", " ", deck.introduction.strip())
    sections.append(("Read this aloud first", intro))
    sections.append(("How to play", _rules(deck)))
    if deck.support:
        sections.append(("If today brought something up",
                         "\n".join(f"{s.name}: {s.detail}" if s.detail else s.name
                                   for s in deck.support)))
    sections.append(("Printing", "Print double-sided, flipping on the long edge, at 100 % "
                     "(actual size). Cut along the crop marks. Thin card (200-300 gsm) "
                     "lasts longest."))
    for head, body in sections:
        if not body:
            continue
        pdf.set_font("Atkinson", "B", 14)
        _para(pdf, 8, head)
        pdf.set_font("Atkinson", "", 11.5)
        _para(pdf, 6, body)
        pdf.ln(3)


def _rules(deck: Deck) -> str:
    parts = []
    if "classic" in deck.modes and deck.classic:
        c = deck.classic
        match = " or ".join(c.match)
        parts.append(
            f"For {c.players_min} to {c.players_max} players or teams. Deal {c.hand_size} cards "
            f"to each and turn one card face up. In turn, play a card that has the same "
            f"{match} as the top card, or take a card from the pile. Each time a card is "
            "played, stop and talk about it: read the statement aloud and share what you "
            "think. The first player with no cards left ends the game, and everyone who "
            "joined the conversation is a winner.")
    if "journey" in deck.modes:
        parts.append(
            "Journey cards follow one child. Shuffle each stage's cards, deal them in stage "
            "order, read each card aloud, and let the group choose what the adult does "
            "(numbered choices). Then the facilitator reads that choice's response from the "
            "response booklet (after the cards), which also says what changes and which card "
            "comes next. A follow-on card says on its face what leads to it: keep it aside "
            "until then. Talk about what the child might feel before you turn to the next "
            "card.")
    return "\n\n".join(parts)


def _new_sheet(pdf, title: str, intro: str) -> None:
    """A new page for one of the sheets after the cards: its heading and what it is for."""
    pdf.add_page()
    _heading(pdf, title)
    pdf.set_font("Atkinson", "", 10.5)
    _para(pdf, 5.2, intro)


def _heading(pdf, text: str, size: float = 18) -> None:
    pdf.set_text_color(40, 34, 30)
    pdf.set_font("Atkinson", "B", size)
    _para(pdf, size * 0.5, text)


def booklet(pdf, deck: Deck, numbered: list[tuple[int, Card]]) -> None:
    """Every choice with its response, what it changes and where it leads."""
    journey = [(n, c) for n, c in numbered if c.choices]
    if not journey:
        return
    stats = {st.id: st.label for st in deck.stats}
    titles = {c.id: c.title for c in deck.cards}
    _new_sheet(pdf, "Response booklet", "When the group has chosen, read that choice's "
               "response aloud. The card numbers match the number on each card's band.")
    for n, card in journey:
        pdf.ln(2.5)
        pdf.set_font("Atkinson", "B", 12)
        _para(pdf, 6, f"No. {n}  {card.title}")
        follow = PL.condition_words(deck, card)
        if follow:
            pdf.set_font("Atkinson", "I", 10)
            _para(pdf, 5, follow)
        for i, ch in enumerate(card.choices, 1):
            pdf.set_font("Atkinson", "B", 10.5)
            pdf.set_x(pdf.l_margin + 3)
            _para(pdf, 5.2, f"{i}. {ch.label}")
            pdf.set_font("Atkinson", "", 10.5)
            if ch.response:
                pdf.set_x(pdf.l_margin + 9)
                _para(pdf, 5.2, ch.response)
            notes = [f"{stats.get(k, k)} {v:+d}" for k, v in ch.effects.items()]
            notes += [f"now {f}" for f in ch.set_flags]
            notes += [f"no longer {f}" for f in ch.clear_flags]
            if ch.next:
                notes.append(f'next card: No. {_number(numbered, ch.next)} '
                             f'"{titles.get(ch.next, ch.next)}"')
            pdf.set_font("Atkinson", "I", 9.5)
            if notes:
                pdf.set_x(pdf.l_margin + 9)
                _para(pdf, 4.8, "Changes: " + "; ".join(notes) + ".")
            if ch.reflect:
                pdf.set_x(pdf.l_margin + 9)
                _para(pdf, 4.8, f"Pause and reflect: {ch.reflect}")


def _number(numbered: list[tuple[int, Card]], card_id: str) -> str:
    return next((str(n) for n, c in numbered if c.id == card_id), "?")


def facilitator_sheet(pdf, deck: Deck, numbered: list[tuple[int, Card]]) -> None:
    _new_sheet(pdf, "Facilitator sheet", "For the adult running the session: each card's "
               "question and notes. Keep this sheet; it is not dealt.")
    for n, card in numbered:
        pdf.ln(2)
        pdf.set_font("Atkinson", "B", 11.5)
        label = (f"{PL_theme(card)} {card.number}" if card.theme is not None
                 else f"No. {n}")
        _para(pdf, 5.8, f"{label}  {card.title}")
        pdf.set_font("Atkinson", "", 10.5)
        if card.discuss:
            _para(pdf, 5.2, f"Talk about: {card.discuss}")
        if card.facilitator_notes:
            pdf.set_font("Atkinson", "I", 10.5)
            _para(pdf, 5.2, f"Notes: {card.facilitator_notes}")
    if deck.support:
        pdf.ln(3)
        pdf.set_font("Atkinson", "B", 11.5)
        _para(pdf, 5.8, "Support for everyone in the room, adults too")
        pdf.set_font("Atkinson", "", 10.5)
        for sup in deck.support:
            _para(pdf, 5.2, f"{sup.name}: {sup.detail}" if sup.detail else sup.name)


def PL_theme(card: Card) -> str:
    from cardsdealt.render.card_view import theme_label

    return theme_label(card.theme)

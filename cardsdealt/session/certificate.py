"""The table game's finale on paper: a certificate that says what the game says at its end,
that everyone who joined the conversation is a winner.

One A4 landscape page per copy (print as many as there are people): a drawn rosette, the
words, the deck, the date, the cards the group talked about, a line for a name, and the
deck's support signposting in small print. Written with fpdf2 and the shipped Atkinson
Hyperlegible font, atomically like every file cardsdealt writes (`files.write_atomic`),
beside the session when there is one, else in a folder the trainer can find.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from cardsdealt.session.files import POSIX, write_atomic

WINNERS = "Everyone who joined the conversation is a winner."
TEAL, INK, GREY, GOLD, SOFT = (0, 84, 96), (20, 24, 32), (80, 86, 96), (186, 140, 60), \
    (250, 244, 230)


@dataclass(frozen=True)
class CertificateFacts:
    deck_title: str
    cards: tuple[str, ...] = ()  # titles of the cards the group talked about
    names: tuple[str, ...] = ()  # players or teams as named in the game
    support: tuple[tuple[str, str], ...] = ()  # (name, detail)
    day: date = field(default_factory=date.today)
    copies: int = 1


def facts_from_game(game) -> CertificateFacts:
    """What the certificate says, read from a finished (classic) game."""
    s = game.summary()
    cards = tuple(p.title for p in getattr(s, "plays", ()) or ())
    names = tuple(n for n in (game.player_names or ()) if n)
    support = tuple((x.name, x.detail) for x in game.deck.support)
    return CertificateFacts(game.deck.title, cards, names, support)


def certificate_pdf(f: CertificateFacts) -> bytes:
    from fpdf import FPDF

    from cardsdealt.session.render_pdf import install_fonts

    pdf = FPDF(orientation="L", format="A4")
    pdf.set_auto_page_break(False)
    # every letter typed (a team called "Dŵr", accents) drawn; an emoji named, never "?"
    clean = install_fonts(pdf, [f.deck_title, *f.cards, *f.names,
                                *(f"{n} {d}" for n, d in f.support)])
    pdf.set_title(clean(f"Certificate: {f.deck_title}"))
    pdf.set_creator("cardsdealt")
    pdf.set_lang("en-GB")
    for _ in range(max(1, min(50, f.copies))):
        pdf.add_page()
        _page(pdf, f, clean)
    return bytes(pdf.output())


def _page(pdf, f: CertificateFacts, clean) -> None:
    w, h = pdf.w, pdf.h
    pdf.set_fill_color(*SOFT)
    pdf.rect(0, 0, w, h, style="F")
    pdf.set_draw_color(*TEAL)
    pdf.set_line_width(1.6)
    pdf.rect(10, 10, w - 20, h - 20)
    pdf.set_line_width(0.4)
    pdf.rect(14, 14, w - 28, h - 28)
    _rosette(pdf, 52, 58, 24)
    pdf.set_text_color(*TEAL)
    pdf.set_font("Atkinson", "B", 15)
    pdf.set_xy(90, 30)
    pdf.cell(w - 120, 8, clean("The Cards You're Dealt"))
    pdf.set_font("Atkinson", "B", 30)
    pdf.set_text_color(*INK)
    pdf.set_xy(90, 42)
    pdf.multi_cell(w - 120, 13, clean(WINNERS), align="L")
    pdf.set_font("Atkinson", "", 14)
    pdf.set_text_color(*GREY)
    pdf.set_x(90)
    pdf.multi_cell(w - 120, 7, clean(f"{f.deck_title} · {f.day.day} {f.day:%B %Y}"),
                   align="L")
    y = max(pdf.get_y() + 10, 114)
    pdf.set_text_color(*INK)
    pdf.set_font("Atkinson", "", 14)
    pdf.set_xy(30, y)
    pdf.cell(32, 10, "This is for")
    pdf.set_draw_color(*GREY)
    pdf.set_line_width(0.3)
    pdf.line(64, y + 8, w - 40, y + 8)
    y += 20
    if f.cards:
        titles = list(f.cards[:10]) + ([f"and {len(f.cards) - 10} more"] if len(f.cards) > 10
                                       else [])
        pdf.set_xy(30, y)
        pdf.set_font("Atkinson", "B", 12)
        pdf.cell(0, 7, "The cards we talked about")
        pdf.set_xy(30, y + 8)
        pdf.set_font("Atkinson", "", 11.5)
        pdf.multi_cell(w - 60, 6, clean(", ".join(titles) + "."), align="L")
        y = pdf.get_y() + 4
    if f.names:
        pdf.set_xy(30, y)
        pdf.set_font("Atkinson", "I", 11.5)
        pdf.multi_cell(w - 60, 6, clean("Around the table: " + ", ".join(f.names) + "."),
                       align="L")
    _support(pdf, f, clean)


def _support(pdf, f: CertificateFacts, clean) -> None:
    w, h = pdf.w, pdf.h
    lines = [f"{n}: {d}" if d else n for n, d in f.support] or \
        ["Talk it through with someone you trust: a colleague, your supervisor, a friend."]
    text = "If this brought something up: " + " · ".join(lines)
    pdf.set_font("Atkinson", "", 9.5)
    pdf.set_text_color(*GREY)
    pdf.set_xy(30, h - 38)
    pdf.multi_cell(w - 60, 5, clean(text), align="L")
    pdf.set_xy(30, h - 24)
    pdf.set_font("Atkinson", "I", 8.5)
    pdf.cell(w - 60, 5, "Made with cardsdealt, from a game designed by care-experienced "
                        "young people.", align="C")


def _rosette(pdf, cx: float, cy: float, r: float) -> None:
    """A drawn rosette: two ribbons, a scalloped ring and a star (no picture file)."""
    pdf.set_fill_color(*TEAL)
    pdf.set_draw_color(*TEAL)
    for dx in (-1, 1):
        pdf.polygon([(cx + dx * 4, cy + r * 0.6), (cx + dx * 16, cy + r + 22),
                     (cx + dx * 9, cy + r + 17), (cx + dx * 3, cy + r + 24),
                     (cx + dx * -6, cy + r * 0.7)], style="F")
    pdf.set_fill_color(*GOLD)
    pdf.set_draw_color(*GOLD)
    pts = []
    for i in range(48):
        a = 2 * math.pi * i / 48
        rr = r if i % 2 == 0 else r * 0.9
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    pdf.polygon(pts, style="F")
    pdf.set_fill_color(*SOFT)
    pdf.circle(x=cx, y=cy, radius=r * 0.72, style="F")
    pdf.set_fill_color(*TEAL)
    star = []
    for i in range(10):
        a = -math.pi / 2 + math.pi * i / 5
        rr = r * 0.55 if i % 2 == 0 else r * 0.22
        star.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    pdf.polygon(star, style="F")


def default_folder() -> Path:
    """Where certificates go: where records go, the person's Documents/cardsdealt folder
    (platformdirs, places.py), or the folder chosen in Settings."""
    from cardsdealt.session.places import records_dir
    from cardsdealt.session.settings import load_settings

    return records_dir(load_settings()[0].records_folder or None)


def write_certificate(f: CertificateFacts, folder: Path | None = None,
                      stem: str | None = None, private: Path | None = None) -> Path:
    """Write the certificate PDF into `folder` (made if needed; by default where the person
    finds their records) and return its path; `private`: a session folder that keeps a copy
    too. Raises SessionError (files.py) with a plain message if it cannot be written."""
    from cardsdealt.session.files import SessionError

    folder = Path(folder) if folder is not None else default_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise SessionError(f"Could not create the folder {folder}: {e.strerror or e}.") from e
    stem = stem or f"cardsdealt-certificate-{f.day.isoformat()}"
    path = folder / f"{stem}.pdf"
    data = certificate_pdf(f)
    write_atomic(path, data)
    if POSIX:  # a certificate is for printing and sharing, unlike a reflection
        try:
            path.chmod(0o644)
        except OSError:
            pass
    if private is not None and Path(private).resolve() != folder.resolve():
        write_atomic(Path(private) / path.name, data)
    return path

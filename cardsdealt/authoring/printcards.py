"""`cardsdealt print DECK -o cards.pdf`: paper cards for the table.

Poker-size cards (63 x 88 mm), nine to an A4 page with crop marks, each page of faces followed
by a page of backs mirrored for long-edge double-sided printing. The first page carries the
introduction, content notes, how to play and the support signposting. Card faces are drawn by
the screen's own card code (layout, text fitting, pictures, theme), so paper and screen match;
fpdf2 places them (as JPEG, so a 48-card deck stays a few MB) and sets the first page in the
shipped Atkinson Hyperlegible font.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Callable, TextIO

from cardsdealt.deck.model import Card, Deck
from cardsdealt.paths import FONT_DIR

CARD_MM = (63.0, 88.0)
COLS, ROWS = 3, 3
PAGE_MM = (210.0, 297.0)
DPI = 300
MARGIN_X = (PAGE_MM[0] - COLS * CARD_MM[0]) / 2
MARGIN_Y = (PAGE_MM[1] - ROWS * CARD_MM[1]) / 2
CROP = 5.0  # mm: length of a crop mark, drawn in the margin only
FONTS = FONT_DIR


def card_px() -> tuple[int, int]:
    return round(CARD_MM[0] / 25.4 * DPI), round(CARD_MM[1] / 25.4 * DPI)


def render_face(deck: Deck, card: Card, size: tuple[int, int], theme=None):
    """One printed face, drawn with the screen's card layout and text fitting."""
    import pygame

    from cardsdealt.render import theme as themes
    from cardsdealt.render.card_view import (
        draw_band,
        journey_face_layout,
        theme_colour,
        theme_label,
    )
    from cardsdealt.render.draw import panel
    from cardsdealt.render.images import draw_picture, picture_path
    from cardsdealt.render.text import draw_fitted, fit

    theme = theme or themes.DEFAULT
    u = size[1] / 1100  # the screen's 1080p design sizes, scaled to the card
    surf = pygame.Surface(size)
    surf.fill((255, 255, 255))
    rect = pygame.Rect(0, 0, *size)
    panel(surf, rect, theme, u, shadow=False, radius=10)
    classic = card.theme is not None
    words = card.words
    if card.choices and not classic:
        words += "\n\n" + "\n".join(f"{i}. {c.label}" for i, c in enumerate(card.choices, 1))
    lay = journey_face_layout(size, u, card.title, words, band=classic or bool(card.stage))
    face = lay.face
    if face.band.h:  # the same strip as on screen: theme and number, or the stage
        if classic:
            colour = theme_colour(theme, deck.classic.themes if deck.classic else (),
                                  card.theme)
            label = theme_label(card.theme)
        else:
            colour = theme.accent
            label = next((s.title for s in deck.stages if s.id == card.stage), card.stage)
        right = str(card.number) if card.number is not None else ""
        draw_band(surf, face.band, label, right, colour, theme, u)
    draw_picture(surf, picture_path(deck.root, card.image), face.picture, theme, u)
    draw_fitted(surf, lay.title, face.title, theme.accent)
    text = lay.text
    if text.overflow:  # paper cannot scroll: fit smaller, as a printed card may be read close
        text = fit(words, "regular", face.text.size, text.px, max(14, round(24 * u)))
    draw_fitted(surf, text, face.text, theme.ink)
    return surf


def render_back(deck: Deck, size: tuple[int, int], theme=None):
    import pygame

    from cardsdealt.render import theme as themes
    from cardsdealt.render.card_view import render_card_back

    theme = theme or themes.DEFAULT
    u = size[1] / 1100
    back = render_card_back(size, u, theme, deck.title)
    surf = pygame.Surface(size)
    surf.fill((255, 255, 255))
    surf.blit(back, (0, 0))
    return surf


def _crop_marks(pdf) -> None:
    pdf.set_draw_color(90, 90, 90)
    pdf.set_line_width(0.2)
    xs = [MARGIN_X + i * CARD_MM[0] for i in range(COLS + 1)]
    ys = [MARGIN_Y + j * CARD_MM[1] for j in range(ROWS + 1)]
    for x in xs:
        pdf.line(x, MARGIN_Y - CROP - 1, x, MARGIN_Y - 1)
        pdf.line(x, ys[-1] + 1, x, ys[-1] + CROP + 1)
    for y in ys:
        pdf.line(MARGIN_X - CROP - 1, y, MARGIN_X - 1, y)
        pdf.line(xs[-1] + 1, y, xs[-1] + CROP + 1, y)


def _para(pdf, h: float, text: str) -> None:
    pdf.multi_cell(0, h, text, new_x="LMARGIN", new_y="NEXT")


def _first_page(pdf, deck: Deck) -> None:
    pdf.add_page()
    pdf.set_font("Atkinson", "B", 24)
    _para(pdf, 11, deck.title)
    pdf.set_font("Atkinson", "", 11)
    _para(pdf, 6, f"{len(deck.cards)} cards. By {', '.join(deck.authors)}. "
                   f"{deck.licence}".strip())
    pdf.ln(3)
    sections = [("Before you play", "Content notes: " + "; ".join(deck.content_notes)
                 if deck.content_notes else "")]
    sections.append(("Read this aloud first", deck.introduction.strip()))
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
            "(numbered choices). Talk about what the child might feel before you turn to the "
            "next card.")
    return "\n\n".join(parts)


def print_deck(deck: Deck, output: Path,
               progress: Callable[[int, int], None] | None = None) -> int:
    """Write the PDF; returns the number of pages."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame
    from fpdf import FPDF

    pygame.font.init()
    pdf = FPDF(format="A4", unit="mm")
    pdf.set_auto_page_break(True, margin=15)
    pdf.set_margins(18, 18, 18)
    pdf.add_font("Atkinson", "", str(FONTS / "AtkinsonHyperlegible-Regular.ttf"))
    pdf.add_font("Atkinson", "B", str(FONTS / "AtkinsonHyperlegible-Bold.ttf"))
    pdf.set_title(deck.title)
    pdf.set_creator("cardsdealt")
    _first_page(pdf, deck)
    size = card_px()
    per_page = COLS * ROWS
    cards = list(deck.cards)
    with tempfile.TemporaryDirectory(prefix="cardsdealt-print-") as tmp:
        back = Path(tmp) / "back.jpg"
        pygame.image.save(render_back(deck, size), str(back))
        for start in range(0, len(cards), per_page):
            chunk = cards[start:start + per_page]
            pdf.add_page()
            _crop_marks(pdf)
            for i, card in enumerate(chunk):
                path = Path(tmp) / f"{start + i}.jpg"
                pygame.image.save(render_face(deck, card, size), str(path))
                col, row = i % COLS, i // COLS
                pdf.image(str(path), MARGIN_X + col * CARD_MM[0], MARGIN_Y + row * CARD_MM[1],
                          CARD_MM[0], CARD_MM[1])
                if progress:
                    progress(start + i + 1, len(cards))
            pdf.add_page()  # backs, mirrored left-right for long-edge duplex
            _crop_marks(pdf)
            for i in range(len(chunk)):
                col, row = COLS - 1 - i % COLS, i // COLS
                pdf.image(str(back), MARGIN_X + col * CARD_MM[0], MARGIN_Y + row * CARD_MM[1],
                          CARD_MM[0], CARD_MM[1])
        tmp_out = output.with_name(output.name + ".part")
        pdf.output(str(tmp_out))
        os.replace(tmp_out, output)
    return pdf.page


def run_print(deck: Deck, output: str, out: TextIO, progress=None) -> int:
    path = Path(output)
    try:
        pages = print_deck(deck, path, progress)
    except OSError as e:
        print(f"Could not write {path}: {e.strerror}. Nothing else was changed.", file=out)
        return 1
    print(f"Wrote {path}: {len(deck.cards)} cards on {pages} pages. Print double-sided "
          "(flip on the long edge) at actual size, then cut along the marks.", file=out)
    return 0

"""`cardsdealt print DECK -o cards.pdf`: paper cards for the table, with every word on them.

Poker-size cards (63 x 88 mm), nine to an A4 page with crop marks, each page of faces followed
by a page of backs mirrored for long-edge double-sided printing. The first page carries the
introduction, content notes, how to play and the support signposting.

Card faces are set as real text in the shipped Atkinson Hyperlegible font (selectable,
searchable, read aloud by screen readers) by `printlayout`, in the screen's colours and order:
band, picture, title, the words, the voice panel, "Talk about", and on journey cards
the numbered choices and, for a follow-on card, what leads to it. Pictures are drawn by the
screen's own picture code and placed as JPEG (a 48-card deck stays a few MB). Nothing is set
below 8 pt: words that do not fit continue on the next card, with a warning on the console.
Text the fonts cannot draw follows the one rule of the screen and the record PDFs
(cardsdealt/glyphs.py), measured as it is printed (`printpages.new_pdf`).

After the cards: a response booklet for journey decks and a facilitator sheet; they and the
first page are set by `printpages`.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Callable, TextIO

from cardsdealt.authoring import printlayout as PL
from cardsdealt.authoring.printpages import booklet, facilitator_sheet, first_page, new_pdf
from cardsdealt.deck.model import Card, Deck

CARD_MM = (63.0, 88.0)
COLS, ROWS = 3, 3
PAGE_MM = (210.0, 297.0)
DPI = 300
MARGIN_X = (PAGE_MM[0] - COLS * CARD_MM[0]) / 2
MARGIN_Y = (PAGE_MM[1] - ROWS * CARD_MM[1]) / 2
CROP = 5.0  # mm: length of a crop mark, drawn in the margin only
# Journey cards carry a story, a voice, a question and up to three choices, read aloud by one
# group: they print larger, four to a page. Table cards stay poker size so a hand can be held.
JOURNEY_MM = (95.0, 135.0)
JOURNEY_COLS, JOURNEY_ROWS = 2, 2
CLASSIC_SIZES = (13.0, 12.5, 12.0, 11.5, 11.0, 10.5, 10.0, 9.5, 9.0, 8.5, PL.FLOOR_PT)
JOURNEY_SIZES = (13.0, 12.5, 12.0, 11.5, 11.0, 10.5, 10.0, 9.5, 9.0, 8.5, PL.FLOOR_PT)


def card_px(card_mm: tuple[float, float] = CARD_MM) -> tuple[int, int]:
    return round(card_mm[0] / 25.4 * DPI), round(card_mm[1] / 25.4 * DPI)


class Sheet:
    """Where cards of one size sit on an A4 page."""

    def __init__(self, card_mm: tuple[float, float], cols: int, rows: int):
        self.card_mm, self.cols, self.rows = card_mm, cols, rows
        self.margin_x = (PAGE_MM[0] - cols * card_mm[0]) / 2
        self.margin_y = (PAGE_MM[1] - rows * card_mm[1]) / 2

    @property
    def per_page(self) -> int:
        return self.cols * self.rows

    def at(self, i: int, mirrored: bool = False) -> tuple[float, float]:
        col, row = i % self.cols, i // self.cols
        if mirrored:
            col = self.cols - 1 - col
        return self.margin_x + col * self.card_mm[0], self.margin_y + row * self.card_mm[1]


TABLE_SHEET = Sheet(CARD_MM, COLS, ROWS)
JOURNEY_SHEET = Sheet(JOURNEY_MM, JOURNEY_COLS, JOURNEY_ROWS)


def _palette(theme) -> dict[str, tuple[int, int, int]]:
    return {"paper": theme.paper, "ink": theme.ink, "muted": theme.muted,
            "accent": theme.accent, "edge": theme.edge}


def _band(deck: Deck, card: Card, theme) -> tuple[str, tuple[int, int, int] | None]:
    """The strip at the top, as on screen: theme and number, or the stage."""
    from cardsdealt.render.card_view import theme_colour, theme_label

    if card.theme is not None:
        themes = deck.classic.themes if deck.classic else ()
        return theme_label(card.theme), tuple(theme_colour(theme, themes, card.theme))[:3]
    if card.stage:
        return next((s.title for s in deck.stages if s.id == card.stage), card.stage), None
    return "", None


class _Pictures:
    """Card pictures drawn by the screen's picture code at print resolution, saved once."""

    def __init__(self, deck: Deck, tmp: Path, theme):
        self.deck, self.tmp, self.theme, self.made = deck, tmp, theme, {}

    def __call__(self, image: str | None, w_mm: float, h_mm: float) -> str | None:
        import pygame

        from cardsdealt.render.images import draw_picture, picture_path

        key = (image, round(w_mm, 1), round(h_mm, 1))
        if key not in self.made:
            px = (max(1, round(w_mm / 25.4 * DPI)), max(1, round(h_mm / 25.4 * DPI)))
            surf = pygame.Surface(px)
            surf.fill(self.theme.paper)
            draw_picture(surf, picture_path(self.deck.root, image), pygame.Rect(0, 0, *px),
                         self.theme, px[1] / 400)
            path = self.tmp / f"pic{len(self.made)}.jpg"
            pygame.image.save(surf, str(path))
            self.made[key] = str(path)
        return self.made[key]


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


def _crop_marks(pdf, sheet: Sheet = TABLE_SHEET) -> None:
    pdf.set_draw_color(90, 90, 90)
    pdf.set_line_width(0.2)
    mx, my = sheet.margin_x, sheet.margin_y
    xs = [mx + i * sheet.card_mm[0] for i in range(sheet.cols + 1)]
    ys = [my + j * sheet.card_mm[1] for j in range(sheet.rows + 1)]
    for x in xs:
        pdf.line(x, my - CROP - 1, x, my - 1)
        pdf.line(x, ys[-1] + 1, x, ys[-1] + CROP + 1)
    for y in ys:
        pdf.line(mx - CROP - 1, y, mx - 1, y)
        pdf.line(xs[-1] + 1, y, xs[-1] + CROP + 1, y)


def _face_order(deck: Deck) -> list[Card]:
    """Journey cards in stage order (the order they are dealt), table cards as written."""
    if not deck.stages:
        return list(deck.cards)
    order = {st.id: i for i, st in enumerate(deck.stages)}
    return sorted(deck.cards, key=lambda c: order.get(c.stage or "", len(order)))


def print_deck(deck: Deck, output: Path,
               progress: Callable[[int, int], None] | None = None,
               warn: Callable[[str], None] | None = None) -> int:
    """Write the PDF; returns the number of pages. `warn` hears of words continued."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    from cardsdealt.render import theme as themes

    theme = themes.DEFAULT
    pygame.font.init()
    pdf = new_pdf(deck)
    pdf.set_auto_page_break(True, margin=15)
    pdf.set_margins(18, 18, 18)
    pdf.set_title(deck.title)
    pdf.set_creator("cardsdealt")
    pdf.set_lang(deck.language or "en-GB")
    first_page(pdf, deck)
    cards = _face_order(deck)
    numbered = list(enumerate(cards, 1))
    with tempfile.TemporaryDirectory(prefix="cardsdealt-print-") as tmp:
        pictures = _Pictures(deck, Path(tmp), theme)
        faces: list[PL.Face] = []
        for n, card in numbered:
            label, colour = _band(deck, card, theme)
            faces.append(PL.build_face(deck, card, n, colour, label))
        palette = _palette(theme)
        done = 0
        for sheet, classic in ((TABLE_SHEET, True), (JOURNEY_SHEET, False)):
            queue = [f for f in faces if (f.card.theme is not None) == classic]
            if not queue:
                continue
            setter = PL.FaceSetter(pdf, sheet.card_mm, palette, pictures,
                                   {True: (CLASSIC_SIZES, 42.0),
                                    False: (JOURNEY_SIZES, 62.0)})
            back = Path(tmp) / f"back{int(classic)}.jpg"
            pygame.image.save(render_back(deck, card_px(sheet.card_mm)), str(back))
            while queue:
                pdf.add_page()
                _crop_marks(pdf, sheet)
                slots = 0
                while queue and slots < sheet.per_page:
                    face = queue.pop(0)
                    rest = setter.draw(face, *sheet.at(slots))
                    slots += 1
                    if rest:
                        queue.insert(0, PL.continuation(face, rest))
                        if warn and not face.continued:
                            warn(f'Card "{face.card.title}" ({face.card.id}) has more words '
                                 f"than fit on one card at {PL.FLOOR_PT:g} pt, the smallest "
                                 "size printed; they continue on the next card. To keep it "
                                 "to one card, shorten its words.")
                    else:
                        done += 1
                        if progress:
                            progress(done, len(cards))
                pdf.add_page()  # backs, mirrored left-right for long-edge duplex
                _crop_marks(pdf, sheet)
                for i in range(slots):
                    pdf.image(str(back), *sheet.at(i, mirrored=True), *sheet.card_mm)
        booklet(pdf, deck, numbered)
        facilitator_sheet(pdf, deck, numbered)
        tmp_out = output.with_name(output.name + ".part")
        pdf.output(str(tmp_out))
        os.replace(tmp_out, output)
    return pdf.page


def run_print(deck: Deck, output: str, out: TextIO, progress=None) -> int:
    path = Path(output)
    try:
        pages = print_deck(deck, path, progress,
                           warn=lambda m: print(f"Warning: {m}", file=out))
    except OSError as e:
        print(f"Could not write {path}: {e.strerror}. Nothing else was changed.", file=out)
        return 1
    print(f"Wrote {path}: {len(deck.cards)} cards on {pages} pages. Print double-sided "
          "(flip on the long edge) at actual size, then cut along the marks.", file=out)
    return 0

"""The card being written, as the projector shows it and as it prints, side by side.

The projector's card is drawn by the same code the game draws it with
(`render.card_view.render_journey_card` / `render_classic_card`) at the size the table gives
it in this window, then scaled down to fit. The printed face is set by the same code
`cardsdealt print` uses (`authoring.printlayout.FaceSetter`), measured by the same PDF
library with the same fonts so its lines break where the paper's do, and drawn with pygame
instead of into a PDF. Both are made from the form's values straight away (no loading of the
whole deck), so they follow every keystroke.
"""

from __future__ import annotations

from functools import lru_cache
from types import MappingProxyType
from typing import Any

import pygame
from pygame import Rect

from cardsdealt.authoring import printlayout as PL
from cardsdealt.deck.model import Card, Choice, Deck, Source
from cardsdealt.paths import FONT_DIR
from cardsdealt.render import layout as L
from cardsdealt.render.card_view import (
    render_classic_card,
    render_journey_card,
    theme_colour,
    theme_label,
)
from cardsdealt.render.images import draw_picture, picture_path
from cardsdealt.render.text import draw_text
from cardsdealt.render.theme import Theme

_FILES = {"": "AtkinsonHyperlegible-Regular.ttf", "B": "AtkinsonHyperlegible-Bold.ttf",
          "I": "AtkinsonHyperlegible-Italic.ttf"}


def card_from_form(doc, cid: str) -> Card:
    """A `Card` from the studio's values as they are now (never fails on a half-written
    card: what is missing is simply empty)."""
    def v(key: str) -> Any:
        try:
            return doc.card_value(cid, key)
        except Exception:  # noqa: BLE001 - a key this kind of card has not got
            return ""

    kind = next((c.kind for c in doc.cards() if c.id == cid), "journey")
    image = str(v("image") or "") or None
    src = Source("studio", 0, 0)
    if kind == "table":
        number = v("number")
        return Card(cid, str(v("title") or ""), src, image=image, theme=str(v("theme") or "")
                    or None, number=int(number) if str(number).lstrip("-").isdigit() else None,
                    statement=str(v("statement") or ""), voice=str(v("voice") or ""),
                    discuss=str(v("discuss") or ""))
    choices = tuple(Choice(str(ch.get("label") or ""),
                           MappingProxyType(dict(ch.get("effects") or {})),
                           response=str(ch.get("response") or ""),
                           reflect=str(ch.get("reflect") or ""))
                    for ch in doc.choices(cid))
    return Card(cid, str(v("title") or ""), src, image=image, stage=str(v("stage") or "")
                or None, text=str(v("text") or ""), voice=str(v("voice") or ""),
                discuss=str(v("discuss") or ""), choices=choices)


def projector_card(card: Card, window: tuple[int, int], root: str, theme: Theme,
                   themes: tuple[str, ...], box: tuple[int, int] | None = None
                   ) -> pygame.Surface:
    """The card exactly as the table draws it in a window of this size; with `box`, drawn
    straight at the largest scale that fits it (every size on a card is a multiple of `u`,
    so this is the projector's picture made smaller, without drawing it big and shrinking)."""
    m = L.metrics(window)
    classic = card.theme is not None
    size = L.classic_table(window).top_card.size if classic else \
        L.journey_table(window).card.size
    k = 1.0
    if box is not None:
        k = min(1.0, box[0] / (size[0] + 8 * m.u), box[1] / (size[1] + 10 * m.u))
    size = (max(1, round(size[0] * k)), max(1, round(size[1] * k)))
    if classic:
        return render_classic_card(card, size, m.u * k, root, theme, themes)
    return render_journey_card(card, size, m.u * k, root, theme)


def preview_boxes(rect: Rect, u: float) -> tuple[Rect, Rect]:
    """Where "On the screen" and "On paper" go in `rect` (below their captions)."""
    gap = max(4, round(24 * u))
    cap = max(12, round(44 * u)) + round(8 * u)
    left = Rect(rect.x, rect.y + cap, (rect.w - gap) * 11 // 20, rect.h - cap)
    right = Rect(left.right + gap, rect.y + cap, rect.right - left.right - gap, rect.h - cap)
    return left, right


@lru_cache(maxsize=1)
def _measurer():
    """A PDF with the print fonts, used only to measure words as the paper sets them."""
    from fpdf import FPDF

    pdf = FPDF(format="A4", unit="mm")
    for style, name in _FILES.items():
        pdf.add_font("Atkinson", style, str(FONT_DIR / name))
    pdf.set_font("Atkinson", "", 10)
    return pdf


@lru_cache(maxsize=64)
def _font(style: str, px: int) -> pygame.font.Font:
    return pygame.font.Font(str(FONT_DIR / _FILES.get(style, _FILES[""])), max(4, px))


class PaperPen:
    """The few fpdf2 calls `FaceSetter` makes, drawn on a pygame surface (mm -> px)."""

    def __init__(self, surface: pygame.Surface, px_per_mm: float, theme: Theme) -> None:
        self.s, self.k, self.theme = surface, px_per_mm, theme
        self.pdf = _measurer()
        self.draw_c = self.fill_c = self.text_c = (0, 0, 0)
        self.line_w = 0.3
        self.x = self.y = 0.0

    # measuring: the real PDF's, so lines break as on paper
    @property
    def font_family(self) -> str:
        return "preview-" + self.pdf.font_family  # its own width cache in printlayout

    @property
    def font_style(self) -> str:
        return self.pdf.font_style

    @property
    def font_size_pt(self) -> float:
        return self.pdf.font_size_pt

    def set_font(self, family: str, style: str = "", size: float = 10) -> None:
        self.pdf.set_font(family, style, size)

    def get_string_width(self, text: str) -> float:
        return self.pdf.get_string_width(text)

    # drawing
    def set_draw_color(self, *c) -> None:
        self.draw_c = tuple(c[:3])

    def set_fill_color(self, *c) -> None:
        self.fill_c = tuple(c[:3])

    def set_text_color(self, *c) -> None:
        self.text_c = tuple(c[:3])

    def set_line_width(self, w: float) -> None:
        self.line_w = w

    def _r(self, x, y, w, h) -> Rect:
        k = self.k
        return Rect(round(x * k), round(y * k), max(1, round(w * k)), max(1, round(h * k)))

    def rect(self, x, y, w, h, style="", round_corners=False, corner_radius=0.0) -> None:
        r = self._r(x, y, w, h)
        rad = round(corner_radius * self.k) if round_corners else 0
        if "F" in style:
            pygame.draw.rect(self.s, self.fill_c, r, border_radius=rad)
        if "D" in style or not style:
            pygame.draw.rect(self.s, self.draw_c, r, width=max(1, round(self.line_w * self.k)),
                             border_radius=rad)

    def set_xy(self, x: float, y: float) -> None:
        self.x, self.y = x, y

    def cell(self, w: float, h: float, text: str = "", align: str = "L", **_) -> None:
        if not text:
            return
        px = round(self.pdf.font_size_pt * PL.PT * self.k)
        f = _font(self.pdf.font_style, px)
        img = f.render(text, True, self.text_c)
        r = self._r(self.x, self.y, w, h)
        if align == "R":
            where = img.get_rect(midright=(r.right, r.centery))
        elif align == "C":
            where = img.get_rect(center=r.center)
        else:
            where = img.get_rect(midleft=(r.x, r.centery))
        self.s.blit(img, where)

    def image(self, path: str, x: float, y: float, w: float, h: float) -> None:
        r = self._r(x, y, w, h)
        draw_picture(self.s, path, r, self.theme, max(0.2, r.h / 400))


def printed_face(card: Card, deck: Deck | None, index: int, box: tuple[int, int],
                 theme: Theme, root: str, themes: tuple[str, ...], stage_title: str = "",
                 written_by: str = "young-people") -> pygame.Surface:
    """The paper card at the largest size that fits `box`, as `cardsdealt print` sets it."""
    from cardsdealt.authoring.printcards import (
        CARD_MM,
        CLASSIC_SIZES,
        JOURNEY_MM,
        JOURNEY_SIZES,
    )

    classic = card.theme is not None
    mm = CARD_MM if classic else JOURNEY_MM
    k = min(box[0] / mm[0], box[1] / mm[1])  # pixels a millimetre
    surf = pygame.Surface((max(1, round(mm[0] * k)), max(1, round(mm[1] * k))))
    surf.fill(theme.table)
    if classic:
        label, colour = theme_label(card.theme), tuple(theme_colour(theme, themes,
                                                                    card.theme))[:3]
    else:
        label, colour = stage_title, None
    # before the deck first loads, the voice panel is still headed as the group said whose
    # words these are (a default Deck would say "contributors")
    host = deck or Deck(id="preview", title="", root=root, cards=(card,),
                        written_by=written_by)
    face = PL.build_face(host, card, index, colour, label)
    palette = {"paper": theme.paper, "ink": theme.ink, "muted": theme.muted,
               "accent": theme.accent, "edge": theme.edge}
    pen = PaperPen(surf, k, theme)
    setter = PL.FaceSetter(pen, mm, palette, lambda image, w, h: picture_path(root, image),
                           {True: (CLASSIC_SIZES, 42.0), False: (JOURNEY_SIZES, 62.0)})
    rest = setter.draw(face, 0, 0)
    if rest:
        f = _font("B", max(8, round(3.2 * k)))
        img = f.render("continues on a second card", True, theme.accent)
        surf.blit(img, img.get_rect(midbottom=(surf.get_width() // 2, surf.get_height() - 2)))
    return surf


def draw_previews(surface: pygame.Surface, rect: Rect, screen_card: pygame.Surface,
                  paper: pygame.Surface, theme: Theme, u: float) -> None:
    """"On the screen" and "On paper", side by side in `rect` (see `preview_boxes`)."""
    boxes = preview_boxes(rect, u)
    cap_h = max(12, round(44 * u))
    for (words, img), box in zip((("On the screen", screen_card), ("On paper", paper)),
                                 boxes, strict=True):
        draw_text(surface, words, "bold", round(30 * u), (box.x, rect.y), theme.table_ink,
                  max_w=box.w, max_h=cap_h)
        surface.blit(img, img.get_rect(midtop=(box.centerx, box.y)))

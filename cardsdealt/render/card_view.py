"""Drawing one card from a `model.Card`: its face (picture, title, words) and its back.

`journey_face_layout` and `classic_face_layout` decide sizes without drawing, so the overflow
check (`fits.card_fit_problems`) measures exactly what `render_*` draws.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame
from pygame import Rect

from cardsdealt.deck.model import Card
from cardsdealt.render import layout as L
from cardsdealt.render.draw import panel
from cardsdealt.render.images import draw_picture, picture_path
from cardsdealt.render.text import (
    Fitted,
    draw_fitted,
    draw_text,
    fit,
    font,
    grown,
    scaled,
    text_cache,
    text_scale,
)
from cardsdealt.render.theme import Theme

STATEMENT_MAX = 60  # design px at 1080p; the words of a card
STATEMENT_MIN = 48  # the floor: legible from the back of a room at 1080p
TITLE_MAX, TITLE_MIN = 44, 34


@dataclass(frozen=True)
class FaceLayout:
    face: L.CardFace
    title: Fitted
    text: Fitted


@text_cache(maxsize=128)
def journey_face_layout(size: tuple[int, int], u: float, title: str, words: str,
                        band: bool = False, floor: int = 0, scale: float = 0.0) -> FaceLayout:
    """Picture share shrinks (40 % -> 24 %, then to 10 % when a larger text size asks for
    more) until the words fit at the floor size or above. `floor`: the smallest the words
    may be, in real px (0: the usual floor); `scale`: the text size (0: the one chosen)."""
    s = scale or text_scale()
    rect = Rect(0, 0, *size)
    lowest = max(floor, round(STATEMENT_MIN * u))
    shares = L.PICTURE_SHARES + ((0.16, 0.10) if floor else ())
    best = None
    for share in shares:
        face = L.card_face(rect, u, share, band=band, title_h=58 * (1 + (s - 1) * 0.5))
        t = fit(title, "bold", face.title.size, round(TITLE_MAX * u * s), round(TITLE_MIN * u),
                exact=True)
        # with a floor the words are drawn at it: they grow as the text size asks, and the
        # room left is the choices' (panels.journey_arrangement)
        x = fit(words, "regular", face.text.size, lowest if floor else
                round(STATEMENT_MAX * u * s), lowest, exact=True)
        best = FaceLayout(face, t, x)
        if not x.overflow and x.px >= max(round(52 * u), floor):
            break
        if not x.overflow and share == shares[-1]:
            break
    assert best is not None
    return best


@text_cache(maxsize=64)
def classic_face_layout(size: tuple[int, int], u: float, title: str, words: str) -> FaceLayout:
    face = L.card_face_side(Rect(0, 0, *size), u, title_h=58 * grown())
    t = fit(title, "bold", face.title.size, round(TITLE_MAX * u), round(TITLE_MIN * u))
    x = fit(words, "regular", face.text.size, round(STATEMENT_MAX * u), round(STATEMENT_MIN * u))
    return FaceLayout(face, t, x)


def _card_surface(size: tuple[int, int], theme: Theme) -> pygame.Surface:
    """Cards always lie on the plain table, so they are drawn on the table's colour (an
    opaque surface blits several times faster than one with per-pixel alpha)."""
    screen = pygame.display.get_surface()
    s = pygame.Surface(size, 0, screen) if screen else pygame.Surface(size)
    s.fill(theme.table)
    return s


def theme_label(name: str | None) -> str:
    """"who-i-am" -> "Who I am": words for a classic theme id."""
    words = (name or "").replace("-", " ").replace("_", " ").split()
    words = ["I" if w == "i" else w for w in words]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def theme_colour(theme: Theme, themes: tuple[str, ...], name: str | None):
    if not name:
        return theme.accent
    i = themes.index(name) if name in themes else sum(map(ord, name))
    return theme.themes[i % len(theme.themes)]


def draw_band(s: pygame.Surface, band: Rect, label: str, right: str, fill, theme: Theme,
              u: float) -> None:
    """The coloured strip at the top of a card: a name on the left (the theme, in words),
    `right` on the right (the number), in the ink that reads on `fill`."""
    pygame.draw.rect(s, fill, band, border_radius=max(2, round(12 * u)))
    on_band = theme.text_on(fill)
    num_w = 0
    if right:
        num_w = draw_text(s, right, "bold", round(34 * u),
                          (band.right - round(18 * u), band.centery), on_band,
                          anchor="midright", max_h=band.h).w
    draw_text(s, label, "bold", round(34 * u), (band.x + round(18 * u), band.centery),
              on_band, anchor="midleft", max_h=band.h,
              max_w=max(10, band.w - num_w - round(54 * u)))


def render_journey_card(card: Card, size: tuple[int, int], u: float, deck_root: str,
                        theme: Theme, lay: FaceLayout | None = None) -> pygame.Surface:
    """The whole card on a transparent surface (so it can be animated as one piece); `lay`:
    its face as the table arranged it (`panels.journey_arrangement`), else the usual one."""
    s = _card_surface((size[0] + round(8 * u), size[1] + round(10 * u)), theme)
    rect = Rect(0, 0, *size)
    panel(s, rect, theme, u)
    lay = lay or journey_face_layout(size, u, card.title, card.words)
    draw_picture(s, picture_path(deck_root, card.image), lay.face.picture, theme, u)
    draw_fitted(s, lay.title, lay.face.title, theme.accent)
    draw_fitted(s, lay.text, lay.face.text, theme.ink)
    return s


def render_classic_card(card: Card, size: tuple[int, int], u: float, deck_root: str,
                        theme: Theme, themes: tuple[str, ...]) -> pygame.Surface:
    """A classic card, wide: coloured band naming the theme and number, picture, words."""
    s = _card_surface((size[0] + round(8 * u), size[1] + round(10 * u)), theme)
    rect = Rect(0, 0, *size)
    panel(s, rect, theme, u)
    lay = classic_face_layout(size, u, card.title, card.words)
    right = f"Number {card.number}" if card.number is not None else ""
    draw_band(s, lay.face.band, theme_label(card.theme), right,
              theme_colour(theme, themes, card.theme), theme, u)
    draw_picture(s, picture_path(deck_root, card.image), lay.face.picture, theme, u)
    draw_fitted(s, lay.title, lay.face.title, theme.accent)
    draw_fitted(s, lay.text, lay.face.text, theme.ink)
    return s


@dataclass(frozen=True)
class HandCardLayout:
    band: Rect  # theme in words on the left, the number on the right
    title: Fitted
    title_rect: Rect
    tag: Rect  # "Can play" / "Not now"


@text_cache(maxsize=256)
def hand_card_layout(size: tuple[int, int], u: float, title: str) -> HandCardLayout:
    w, h = size
    pad = max(3, round(12 * u))
    band = Rect(pad, pad, w - 2 * pad, round(min(52 * u, h * 0.24)))
    tag_h = round(min(46 * u, h * 0.22))
    tag = Rect(pad, h - pad - tag_h, w - 2 * pad, tag_h)
    title_rect = Rect(pad + round(4 * u), band.bottom + round(8 * u), w - 2 * pad - round(8 * u),
                      max(1, tag.y - band.bottom - round(14 * u)))
    t = fit(title, "bold", title_rect.size, round(32 * u), round(20 * u), spacing=1.0)
    return HandCardLayout(band, t, title_rect, tag)


def render_hand_card(card: Card, size: tuple[int, int], u: float, theme: Theme,
                     themes: tuple[str, ...], playable: bool, key: int | None = None) -> \
        pygame.Surface:
    """A small card in the hand: theme (in words), number, title, and "Can play" in words;
    `key` is the number key that plays it (shown in a circle on the tag)."""
    s = _card_surface((size[0] + round(6 * u), size[1] + round(8 * u)), theme)
    rect = Rect(0, 0, *size)
    panel(s, rect, theme, u, radius=16, fill=theme.paper if playable else theme.placeholder)
    lay = hand_card_layout(size, u, card.title)
    band = lay.band
    fill = theme_colour(theme, themes, card.theme)
    pygame.draw.rect(s, fill, band, border_radius=max(2, round(8 * u)))
    on_band = theme.text_on(fill)
    num_w = 0
    if card.number is not None:
        num_w = draw_text(s, str(card.number), "bold", min(round(40 * u), band.h),
                          (band.right - round(10 * u), band.centery), on_band,
                          anchor="midright", max_h=band.h).w
    label = theme_label(card.theme)
    px, room = min(round(24 * u), band.h), band.w - num_w - round(30 * u)
    if font("bold", max(6, round(px * 0.7))).size(label)[0] <= room:  # one line, as usual
        draw_text(s, label, "bold", px, (band.x + round(10 * u), band.centery), on_band,
                  anchor="midleft", max_w=room, max_h=band.h)
    else:  # a long theme ("Rights and voice" on a small card): two lines, never cut short
        box = Rect(band.x + round(10 * u), band.y, room, band.h)
        draw_fitted(s, fit(label, "bold", box.size, px, round(px * 0.6), spacing=1.0,
                           exact=True), box, on_band, valign="middle")
    draw_fitted(s, lay.title, lay.title_rect, theme.ink)
    if playable:
        pygame.draw.rect(s, theme.meter_fill, lay.tag, border_radius=max(2, round(10 * u)))
        on_tag = theme.text_on(theme.meter_fill)
        r = draw_text(s, "Can play", "bold", min(round(26 * u), lay.tag.h),
                      (lay.tag.centerx + round(14 * u), lay.tag.centery), on_tag,
                      anchor="center", max_w=lay.tag.w - round(48 * u), max_h=lay.tag.h)
        if key is not None:
            rad = max(4, min(lay.tag.h // 2 - 2, round(18 * u)))
            c = (lay.tag.x + rad + round(6 * u), lay.tag.centery)
            pygame.draw.circle(s, on_tag, c, rad)
            draw_text(s, str(key), "bold", round(rad * 1.4), c, theme.text_on(on_tag),
                      anchor="center", max_h=2 * rad)
        else:
            tick(s, (r.x - round(26 * u), lay.tag.centery), on_tag, u)
    else:
        draw_text(s, "Not now", "regular", min(round(24 * u), lay.tag.h), lay.tag.center,
                  theme.muted, anchor="center", max_w=lay.tag.w - 8, max_h=lay.tag.h)
    return s


def render_card_back(size: tuple[int, int], u: float, theme: Theme, title: str = "") -> \
        pygame.Surface:
    """The back of a card: a warm colour with a quiet diamond pattern and the deck's name."""
    s = _card_surface((size[0] + round(8 * u), size[1] + round(10 * u)), theme)
    rect = Rect(0, 0, *size)
    panel(s, rect, theme, u, fill=theme.card_back)
    inner = rect.inflate(-round(40 * u), -round(40 * u))
    pygame.draw.rect(s, theme.card_back_mark, inner, width=max(1, round(4 * u)),
                     border_radius=max(2, round(14 * u)))
    step = max(8, round(70 * u))
    d = max(2, round(10 * u))
    # the name sits on a plain band across the middle (two lines if it is long): no diamond
    # touches its letters
    name = None
    band = Rect(inner.x, rect.centery, inner.w, 0)
    if title:
        box = (inner.w - round(40 * u), round(scaled(44 * u) * 2.6))
        name = fit(title, "bold", box, 44 * u, max(6, round(30 * u)))
        band.h = name.height + 2 * d
        band.centery = rect.centery
    for y in range(inner.y + step // 2, inner.bottom, step):
        if name is not None and band.top - d <= y <= band.bottom + d:
            continue
        for x in range(inner.x + step // 2, inner.right, step):
            pygame.draw.polygon(s, theme.card_back_mark,
                                [(x, y - d), (x + d, y), (x, y + d), (x - d, y)])
    if name is not None:
        where = Rect(0, 0, name.box[0], name.height)
        where.center = band.center
        draw_fitted(s, name, where, theme.text_on(theme.card_back), align="center")
    return s


def tick(surface: pygame.Surface, centre: tuple[int, int], colour, u: float) -> None:
    """A drawn check mark (the font has none)."""
    x, y = centre
    k = max(3, round(10 * u))
    pygame.draw.lines(surface, colour, False, [(x - k, y), (x - k // 3, y + k * 2 // 3),
                                               (x + k, y - k * 2 // 3)], max(2, round(4 * u)))

"""Card pictures: loaded once, turned upright (a phone photo's EXIF orientation), scaled
smoothly once per size, and a calm placeholder when a picture is missing or broken (the deck
checker tells the authors; the table stays calm). `print` draws pictures with this same code."""

from __future__ import annotations

import io
import os
from collections import OrderedDict
from functools import lru_cache

import pygame

from cardsdealt.deck.images import PictureError, orientation, readable_picture
from cardsdealt.render.theme import Theme

_SCALED_KEEP = 12  # scaled pictures kept (the cards on screen, at one or two sizes)

_scaled: OrderedDict[tuple, pygame.Surface] = OrderedDict()


@lru_cache(maxsize=4)  # originals are only needed to make the scaled copies
def load_picture(path: str) -> pygame.Surface | None:
    """The picture at its own size, or None if it cannot be read. The file is read once and
    checked (PNG or JPEG by its content, size from its header, bounded) before pygame decodes
    those same bytes: a picture changed after `check` is refused, never decoded."""
    try:
        data, kind = readable_picture(path)
        img = upright(pygame.image.load(io.BytesIO(data), f"picture.{kind}"), orientation(data))
    except (PictureError, pygame.error, OSError, ValueError):
        return None
    if img.get_width() < 1 or img.get_height() < 1:
        return None
    try:
        return img.convert_alpha() if pygame.display.get_surface() else img
    except pygame.error:
        return img


def upright(img: pygame.Surface, exif_orientation: int) -> pygame.Surface:
    """The picture turned (and unmirrored) as its EXIF orientation says: a phone photo taken
    upright is stored sideways with a tag (6 or 8), and pygame's decoder ignores the tag."""
    o = exif_orientation
    if o in (2, 4, 5, 7):  # the mirrored ones: mirror back, then turn as 1, 3, 8 or 6
        img = pygame.transform.flip(img, True, False)
        o = {2: 1, 4: 3, 5: 8, 7: 6}[o]
    turn = {3: 180, 6: -90, 8: 90}.get(o, 0)  # pygame turns anticlockwise
    return pygame.transform.rotate(img, turn) if turn else img


def picture_path(deck_root: str, image: str | None) -> str | None:
    if not image:
        return None
    return os.path.join(deck_root, *image.split("/"))


def fitted_size(src: tuple[int, int], box: tuple[int, int]) -> tuple[int, int]:
    """The largest size with the picture's own shape that fits the box."""
    sw, sh = src
    k = min(box[0] / sw, box[1] / sh)
    return max(1, round(sw * k)), max(1, round(sh * k))


def scaled_picture(path: str | None, box: tuple[int, int]) -> pygame.Surface | None:
    """The picture scaled smoothly to fit `box` (kept for reuse), or None if unreadable."""
    if path is None:
        return None
    key = (path, box)
    hit = _scaled.get(key)
    if hit is not None:
        _scaled.move_to_end(key)
        return hit
    src = load_picture(path)
    if src is None:
        return None
    size = fitted_size(src.get_size(), box)
    try:
        img = pygame.transform.smoothscale(src, size) if size != src.get_size() else src
    except (pygame.error, ValueError):
        img = pygame.transform.scale(src, size)
    _scaled[key] = img
    while len(_scaled) > _SCALED_KEEP:
        _scaled.popitem(last=False)
    return img


def draw_picture(surface: pygame.Surface, path: str | None, rect: pygame.Rect,
                 theme: Theme, u: float) -> None:
    """The picture centred in `rect`, or the placeholder."""
    if rect.w < 2 or rect.h < 2:
        return
    img = scaled_picture(path, rect.size)
    if img is None:
        surface.blit(placeholder(rect.size, theme, u), rect)
        return
    surface.blit(img, img.get_rect(center=rect.center))


@lru_cache(maxsize=16)
def placeholder(size: tuple[int, int], theme: Theme, u: float) -> pygame.Surface:
    """Soft hills under a low sun: says "a picture goes here" without alarm."""
    w, h = size
    s = pygame.Surface(size, pygame.SRCALPHA)
    r = max(2, round(18 * u))
    pygame.draw.rect(s, theme.placeholder, s.get_rect(), border_radius=r)
    mark = theme.placeholder_mark
    sun_r = max(2, min(w, h) // 7)
    pygame.draw.circle(s, mark, (w * 7 // 10, h * 2 // 5), sun_r)
    base = h * 4 // 5
    pygame.draw.polygon(s, mark, [(0, h), (0, base), (w // 4, base - h // 5), (w // 2, base),
                                  (w * 3 // 4, base - h // 9), (w, base - h // 20), (w, h)])
    # keep the rounded corners clean after the hills
    mask = pygame.Surface(size, pygame.SRCALPHA)
    pygame.draw.rect(mask, (255, 255, 255, 255), mask.get_rect(), border_radius=r)
    s.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
    return s


def clear_caches() -> None:
    _scaled.clear()
    load_picture.cache_clear()
    placeholder.cache_clear()


def forget_pictures(paths) -> None:
    """Drop the kept copies of these picture files (an author saved a new version; watch.py).
    Originals are few (4), so all of them are let go; other scaled pictures stay."""
    gone = {os.path.normcase(os.path.abspath(p)) for p in paths}
    for key in [k for k in _scaled if os.path.normcase(os.path.abspath(k[0])) in gone]:
        del _scaled[key]
    load_picture.cache_clear()

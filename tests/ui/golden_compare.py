"""Comparing a rendered screen with its stored picture, with a small tolerance.

Pictures are stored at half size with 16 colours (about 10 KB each; a changed layout or
colour still shows). Both the stored and the new picture go through the same reduction
(Pillow, which fpdf2 already brings) before they are compared.
Update them only on purpose: CARDSDEALT_UPDATE_GOLDEN=1 pytest tests/ui. A failing test
writes the new picture, the stored one and a difference picture to tests/ui/_failed/.
"""

from __future__ import annotations

import os
from pathlib import Path

import pygame

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden"
FAILED = HERE / "_failed"
CHANNEL_TOLERANCE = 48  # a pixel differs if a channel moved more than this
MAX_DIFFERENT = 0.001  # share of pixels allowed to differ (anti-aliasing, font versions)


COLOURS = 16


def reduce(surface: pygame.Surface):
    """Half size, 16 colours: a Pillow palette image."""
    from PIL import Image

    w, h = surface.get_size()
    rgb = surface.convert(24) if surface.get_bitsize() != 24 else surface
    small = pygame.transform.smoothscale(rgb, (w // 2, h // 2))
    img = Image.frombytes("RGB", small.get_size(), pygame.image.tobytes(small, "RGB"))
    return img.quantize(COLOURS)


def to_surface(img) -> pygame.Surface:
    rgb = img.convert("RGB")
    return pygame.image.frombytes(rgb.tobytes(), rgb.size, "RGB")


def difference(a: pygame.Surface, b: pygame.Surface) -> tuple[pygame.Surface, float]:
    """|a - b| per channel, and the share of pixels that differ beyond the tolerance."""
    a = a.convert(24) if a.get_bitsize() != 24 else a
    b = b.convert(24) if b.get_bitsize() != 24 else b
    d1 = a.copy()
    d1.blit(b, (0, 0), special_flags=pygame.BLEND_RGB_SUB)
    d2 = b.copy()
    d2.blit(a, (0, 0), special_flags=pygame.BLEND_RGB_SUB)
    d1.blit(d2, (0, 0), special_flags=pygame.BLEND_RGB_ADD)
    t = CHANNEL_TOLERANCE
    same = pygame.mask.from_threshold(d1, (0, 0, 0), (t, t, t, 255)).count()
    w, h = d1.get_size()
    return d1, 1 - same / (w * h)


def check(surface: pygame.Surface, name: str) -> None:
    """Assert `surface` matches golden/<name>.png (or write it when updating)."""
    reduced = reduce(surface)
    small = to_surface(reduced)
    path = GOLDEN / f"{name}.png"
    if os.environ.get("CARDSDEALT_UPDATE_GOLDEN") == "1":
        GOLDEN.mkdir(exist_ok=True)
        reduced.save(str(path), optimize=True)
        return
    assert path.exists(), (f"no stored picture {path.name}: look at the screen, then run with "
                           "CARDSDEALT_UPDATE_GOLDEN=1 to store it")
    from PIL import Image

    want = to_surface(Image.open(path))
    problem = None
    if want.get_size() != small.get_size():
        problem = f"size {small.get_size()} != stored {want.get_size()}"
    else:
        diff, share = difference(small, want)
        if share > MAX_DIFFERENT:
            problem = f"{share:.2%} of pixels differ (allowed {MAX_DIFFERENT:.2%})"
    if problem:
        FAILED.mkdir(exist_ok=True)
        pygame.image.save(surface, str(FAILED / f"{name}.actual.png"))
        pygame.image.save(want, str(FAILED / f"{name}.stored.png"))
        if want.get_size() == small.get_size():
            pygame.image.save(diff, str(FAILED / f"{name}.diff.png"))
        raise AssertionError(f"{name}: {problem}; pictures in {FAILED}")

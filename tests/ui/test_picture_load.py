"""Issue 20, item 6: every time the window or `print` loads a picture, its header is read in
full and bounded before anything decodes it, and it is decoded from the very bytes checked.

From the reproductions: a JPEG whose size marker lies past the first 64 KB (the window peaked
at 6 GB), and a picture swapped for an SVG after `check` (the window segfaulted)."""

from __future__ import annotations

import pygame
import pytest
from fakefiles import late_size_jpeg as _jpeg

from cardsdealt.render import images


@pytest.fixture
def decodes(monkeypatch):
    """Every call that reaches pygame's decoder."""
    calls = []
    real = pygame.image.load

    def spy(*args, **kw):
        calls.append(args)
        return real(*args, **kw)

    monkeypatch.setattr(pygame.image, "load", spy)
    images.clear_caches()
    yield calls
    images.clear_caches()


def test_picture_swapped_for_svg_is_never_decoded(tmp_path, decodes):
    p = tmp_path / "first-night.png"
    p.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="90000" height="90000">'
                 '<rect width="90000" height="90000"/></svg>')
    assert images.load_picture(str(p)) is None
    assert decodes == []


def test_huge_jpeg_with_its_size_past_64_kb_is_never_decoded(tmp_path, decodes):
    p = tmp_path / "big.jpg"
    p.write_bytes(_jpeg(60_000, 60_000))
    assert images.load_picture(str(p)) is None
    assert decodes == []


def test_a_real_picture_still_loads(tmp_path, decodes):
    src = pygame.Surface((40, 30))
    src.fill((200, 100, 50))
    p = tmp_path / "ok.png"
    pygame.image.save(src, str(p))
    img = images.load_picture(str(p))
    assert img is not None and img.get_size() == (40, 30)
    assert img.get_at((5, 5))[:3] == (200, 100, 50)

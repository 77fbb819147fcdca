"""Welsh and emoji on screen: ŵ, Ŵ and ŷ are drawn as whole letters (composed first, so a
"w" typed with a combining circumflex is the same letter; taken from OpenDyslexic where
Atkinson Hyperlegible has none), never a box or a W with a loose mark; an emoji, which no
shipped font draws, is named in brackets, the same words the PDFs print."""

from __future__ import annotations

import pygame
import pytest

from cardsdealt.glyphs import printable
from cardsdealt.render import text as T
from cardsdealt.render.theme import FONT_DIR


def _same(a: pygame.Surface, b: pygame.Surface) -> bool:
    return a.get_size() == b.get_size() and \
        pygame.image.tobytes(a, "RGBA") == pygame.image.tobytes(b, "RGBA")


@pytest.mark.parametrize("family", ["atkinson", "opendyslexic"])
@pytest.mark.parametrize("style", ["regular", "bold", "italic"])
def test_welsh_letters_are_whole_letters(family, style):
    T.configure(family)
    f = T.font(style, 60)
    box = f.render("\U000F0001", True, (0, 0, 0))  # a private-use letter: the font's box
    for letter, decomposed in (("ŵ", "w\u0302"), ("Ŵ", "W\u0302"), ("ŷ", "y\u0302")):
        img = f.render(letter, True, (0, 0, 0))
        assert not _same(img, box), letter
        assert _same(f.render(decomposed, True, (0, 0, 0)), img)  # composed first
        assert f.size(decomposed) == f.size(letter) == img.get_size()
        # the circumflex sits over the letter: ink above the letter's own top
        plain = f.render(letter.lower().replace("ŵ", "w").replace("ŷ", "y") if letter.islower()
                         else "W", True, (0, 0, 0))
        assert img.get_bounding_rect().top < plain.get_bounding_rect().top, letter


def test_atkinson_lacks_them_so_they_come_from_opendyslexic():
    from fontTools.ttLib import TTFont

    cmap = TTFont(str(FONT_DIR / "AtkinsonHyperlegible-Regular.ttf")).getBestCmap()
    assert ord("ŵ") not in cmap and ord("ŷ") not in cmap  # (if a new Atkinson has them,
    T.configure("atkinson")  # they are drawn by it: the test above still holds)
    runs = T.font("regular", 40)._runs("Dŵr")
    assert runs == [(True, "D"), (False, "ŵ"), (True, "r")]


def test_emoji_are_named_the_same_on_screen_and_on_paper():
    from cardsdealt.session.render_pdf import _cmap

    f = T.font("regular", 40)
    words = "Zoë's team 🌟 👍🏽"
    shown = "Zoë's team [glowing star] [thumbs up sign]"
    assert _same(f.render(words, True, (0, 0, 0)), f.render(shown, True, (0, 0, 0)))
    assert f.size(words) == f.size(shown)
    paper = printable(words, _cmap("AtkinsonHyperlegible-Regular.ttf")
                      | _cmap("OpenDyslexic-Regular.otf"))[0]
    assert paper == shown


def test_a_card_with_welsh_and_emoji_draws_with_no_box(rens):
    """On the table: the words wrap and draw with the named emoji and the whole letters."""
    from dataclasses import replace

    from pixelcheck import Probe

    from cardsdealt.render.card_view import render_journey_card
    from cardsdealt.render.theme import DEFAULT

    card = replace(rens.cards[0], text="Mae Dŵr yn dweud 👋 wrth Ŵyn.")
    probe = Probe()
    T.probe = probe
    try:
        render_journey_card(card, (900, 800), 0.75, rens.root, DEFAULT)
    finally:
        T.probe = None
    assert not probe.problems
    drawn = " ".join(t for lines in probe.inks.values() for _, _, t in lines)
    assert "Dŵr" in drawn and "Ŵyn" in drawn

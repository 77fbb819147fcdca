"""Every card of every shipped deck fits its boxes at 1280x720 and 1920x1080, with the
card's words at least 48 px high at 1920x1080 (legible from the back of a room)."""

from __future__ import annotations

import pygame
import pytest
from uikit import Harness, entries_for

from cardsdealt.deck import load_deck
from cardsdealt.paths import shipped_decks
from cardsdealt.render import layout as L
from cardsdealt.render.card_view import classic_face_layout, journey_face_layout
from cardsdealt.render.fits import card_fit_problems

DECKS = shipped_decks()


def test_there_are_shipped_decks():
    assert len(DECKS) >= 2


@pytest.mark.parametrize("path", DECKS, ids=lambda p: p.name)
def test_every_card_fits(path):
    deck = load_deck(path)
    problems = []
    for size in ((1280, 720), (1920, 1080)):
        for card in deck.cards:
            problems += [f"{size[0]}x{size[1]} {card.id}: {p}"
                         for p in card_fit_problems(deck, card, size)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", DECKS, ids=lambda p: p.name)
def test_card_words_are_48px_or_more_at_1080p(path):
    deck = load_deck(path)
    m = L.metrics((1920, 1080))
    for card in deck.cards:
        if card.choices:
            g = L.journey_table((1920, 1080), bool(deck.stats))
            px = journey_face_layout(g.card.size, m.u, card.title, card.words).text.px
        else:
            g = L.classic_table((1920, 1080))
            px = classic_face_layout(g.top_card.size, m.u, card.title, card.words).text.px
        assert px >= 48, (card.id, px)


@pytest.mark.parametrize("path", DECKS, ids=lambda p: p.name)
def test_every_card_renders_on_the_table(path):
    """Draw each card as the play screens do (picture or placeholder included)."""
    from cardsdealt.render.card_view import render_classic_card, render_journey_card
    from cardsdealt.render.theme import DEFAULT

    deck = load_deck(path)
    Harness((1280, 720), entries_for(deck))
    m = L.metrics((1280, 720))
    for card in deck.cards:
        if card.choices:
            size = L.journey_table((1280, 720), bool(deck.stats)).card.size
            img = render_journey_card(card, size, m.u, deck.root, DEFAULT)
        else:
            size = L.classic_table((1280, 720)).top_card.size
            img = render_classic_card(card, size, m.u, deck.root, DEFAULT,
                                      deck.classic.themes if deck.classic else ())
        assert isinstance(img, pygame.Surface) and img.get_width() >= size[0]


def test_the_fit_check_can_fail(rens):
    """A card with far too many words is reported, not silently clipped."""
    from dataclasses import replace

    card = replace(rens.cards[0], text="word " * 400)
    assert card_fit_problems(rens, card, (1920, 1080))


@pytest.mark.parametrize("family", ["atkinson", "opendyslexic"])
@pytest.mark.parametrize("path", DECKS, ids=lambda p: p.name)
def test_every_card_fits_at_every_text_size_end_in_both_fonts(path, family):
    """The usual and the largest text size, in Atkinson Hyperlegible and OpenDyslexic: every
    card still fits its boxes, its words never below 48 px at 1080p (text grows where there is
    room and shrinks to its box, never below the usual floor)."""
    from cardsdealt.render import text
    from cardsdealt.session.settings import TEXT_SIZES

    deck = load_deck(path)
    problems = []
    for scale in (TEXT_SIZES[0], TEXT_SIZES[-1]):
        text.configure(family, scale)
        for size in ((1280, 720), (1920, 1080)):
            for card in deck.cards:
                problems += [f"{family} x{scale} {size[0]}x{size[1]} {card.id}: {p}"
                             for p in card_fit_problems(deck, card, size)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("title", ["Kai's Journey",
                                   "The Cards You're Dealt: a much longer name for a deck"])
def test_the_card_back_shows_the_whole_deck_name_clear_of_its_pattern(title):
    """On the back of a card (dealt on screen, printed on paper) the deck's name is drawn in
    full, on two lines if it is long, on a plain band: no diamond of the pattern touches it."""
    from pixelcheck import Probe

    from cardsdealt.render import text as T
    from cardsdealt.render import theme
    from cardsdealt.render.card_view import render_card_back

    pygame.display.init()
    pygame.font.init()
    probe = Probe()
    T.probe = probe
    try:
        back = render_card_back((600, 820), 0.75, theme.DEFAULT, title)
    finally:
        T.probe = None
    assert not probe.problems
    drawn = [(rect, text) for lines in probe.inks.values() for _, rect, text in lines]
    assert " ".join(t for _, t in drawn) == title
    mark = pygame.Color(theme.DEFAULT.card_back_mark)
    for rect, _ in drawn:  # nothing of the pattern's colour beside or inside the words
        clear = rect.inflate(12, 12).clip(back.get_rect())
        assert all(back.get_at((x, y)) != mark for x in range(clear.left, clear.right)
                   for y in range(clear.top, clear.bottom))

"""Text fitting, wrapping and the text box's editing keys."""

from __future__ import annotations

import pygame
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cardsdealt.render.text import _wrap_words, fit, font, wrap
from cardsdealt.ui.pygame import textbox
from cardsdealt.ui.pygame.textbuffer import TextBuffer


def test_wrap_never_exceeds_the_width():
    f = font("regular", 40)
    text = "A long sentence with a supercalifragilisticexpialidocious word\nand a new line."
    for width in (60, 200, 700):
        lines = wrap(text, f, width)
        assert all(f.size(line)[0] <= width for line in lines)
        # every letter kept (a word broken between letters gets a hyphen at the break)
        assert "".join(lines).replace(" ", "").replace("-", "") == \
            text.replace(" ", "").replace("\n", "")


WORDS = ("I", "a", "we", "Kai", "don't", "home,", "family", "time.", "Everyone", "WWWWWW",
         "social", "worker", "supercalifragilisticexpialidocious", "“quoted”", "Mx.", "–",
         "", "•")  # "": runs of spaces, and spaces at either end


@settings(max_examples=600, deadline=None)
@given(words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=40),
       width=st.integers(8, 1400), style=st.sampled_from(["regular", "bold", "italic"]),
       px=st.sampled_from([14, 22, 31, 48, 60, 90]))
def test_guessed_breaks_are_the_greedy_ones(words, width, style, px):
    """The fast wrap guesses where lines break from letter advances and checks with the real
    measure: it must give exactly the lines of measuring word by word."""
    f = font(style, px)
    text = " ".join(words)
    slow: list[str] = []
    _wrap_words(text.split(" "), f, width, slow)
    assert wrap(text, f, width) == slow


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (720, 1280)],
                         ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("n", [7, 12])
def test_a_hand_cards_title_breaks_at_spaces(size, n):
    """A card in the table game's hand: its title's words stay whole (a smaller size rather
    than "Understand" / "ing"); it was drawn at the largest size with words cut anywhere."""
    from cardsdealt.render import layout as L
    from cardsdealt.render.card_view import hand_card_layout

    m, g = L.metrics(size), L.classic_table(size)
    area = pygame.Rect(g.hand.x, g.hand.y, g.hand.w - m.px(300), g.hand.h)
    slot = L.hand_slots(area, n, m.u)[0]  # as the table scene and check's fit measure
    for title in ("Understanding my care plan", "Independence and responsibilities",
                  "Overwhelmingly"):
        t = hand_card_layout(slot.size, m.u, title).title
        assert not t.overflow
        assert [w for line in t.lines for w in line.split()] == title.split(), t.lines


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_hand_cards_long_theme_goes_on_two_lines_not_cut(size):
    """"Rights and voice" on a small card in a hand of seven was cut to "Rights and voi…"."""
    from deckfactory import classic_card
    from pixelcheck import Probe

    from cardsdealt.render import layout as L
    from cardsdealt.render import text as T
    from cardsdealt.render import theme as themes
    from cardsdealt.render.card_view import render_hand_card

    m, g = L.metrics(size), L.classic_table(size)
    area = pygame.Rect(g.hand.x, g.hand.y, g.hand.w - m.px(300), g.hand.h)
    slot = L.hand_slots(area, 7, m.u)[0]
    probe = T.probe = Probe()
    try:
        for playable in (True, False):
            render_hand_card(classic_card("r-5", "rights-and-voice", 5), slot.size, m.u,
                             themes.DEFAULT, ("rights-and-voice",), playable)
    finally:
        T.probe = None
    drawn = [t for inks in probe.inks.values() for _, _, t in inks]
    assert not probe.problems, probe.problems
    assert "Rights and voice" in drawn or ("Rights and" in drawn and "voice" in drawn), drawn


def test_only_a_word_longer_than_the_line_is_broken_and_hyphenated():
    f = font("bold", 30)
    word = "Overwhelmingly"
    narrow = f.size(word)[0] * 2 // 3
    lines = wrap(f"An {word} long day", f, narrow)
    assert lines[0] == "An" and lines[1].endswith("-") and lines[1][:-1].isalpha()
    assert "".join(lines[1:3]).replace("-", "").startswith(word)
    assert all(f.size(line)[0] <= narrow for line in lines)
    # fit breaks it only when no size down to the floor holds it whole
    whole = fit(word, "bold", (f.size(word)[0] - 4, 400), 30, 20, exact=True)
    assert whole.lines == (word,) and whole.px < 30
    must = fit(word, "bold", (narrow // 2, 400), 30, 28, exact=True)
    assert len(must.lines) > 1 and must.lines[0].endswith("-")
    assert wrap("0800 11112222333344445555", f, narrow)[1][-1] != "-"  # numbers: no hyphen


def test_fit_shrinks_to_the_floor_then_reports_overflow():
    roomy = fit("Hello there", "regular", (800, 200), 60, 40)
    assert roomy.px == 60 and not roomy.overflow
    tight = fit("word " * 40, "regular", (800, 200), 60, 40)
    assert 40 <= tight.px < 60
    too_much = fit("word " * 400, "regular", (800, 200), 60, 40)
    assert too_much.px == 40 and too_much.overflow


def test_buffer_editing():
    b = TextBuffer()
    b.insert("hello world")
    b.left(word=True)
    b.insert("big ")
    assert b.text == "hello big world"
    b.backspace(word=True)
    assert b.text == "hello world" and b.cursor == 6
    b.delete()
    assert b.text == "hello orld"
    b.insert("a\tb\r\nc\x00")
    assert b.text == "hello a    b\ncorld"


KEY = pygame.KEYDOWN


def _k(box, key, mod=0):
    box.handle(pygame.event.Event(KEY, key=key, mod=mod, unicode=""))


def test_textbox_keys(monkeypatch):
    box = textbox.TextBox()
    box.set_geometry(pygame.Rect(0, 0, 300, 400), 30)
    box.handle(pygame.event.Event(pygame.TEXTINPUT, text="one two three four five six"))
    assert len(box.lines()) > 1  # wrapped
    _k(box, pygame.K_HOME)
    line_start = box.buf.cursor
    assert line_start > 0 and box.buf.text[line_start - 1] == " "
    _k(box, pygame.K_HOME, pygame.KMOD_CTRL)
    assert box.buf.cursor == 0
    _k(box, pygame.K_END)
    end_first = box.buf.cursor
    assert 0 < end_first < len(box.buf.text)
    _k(box, pygame.K_DOWN)
    assert box.cursor_line() == 1
    _k(box, pygame.K_END, pygame.KMOD_CTRL)
    _k(box, pygame.K_RETURN)
    monkeypatch.setattr(textbox, "clipboard_text", lambda: "pasted ✓")
    _k(box, pygame.K_v, pygame.KMOD_CTRL)
    assert box.text.endswith("six\npasted ✓")
    _k(box, pygame.K_BACKSPACE)
    _k(box, pygame.K_LEFT)
    _k(box, pygame.K_DELETE)
    assert box.text.endswith("six\npasted")


@pytest.mark.parametrize("text", ["", "\n\n", "x" * 500, "a " * 300, "你好" * 50])
def test_visual_lines_cover_the_text(text):
    lines = textbox.visual_lines(text, "regular", 28, 200)
    covered = "".join(text[s:e] for s, e in lines)
    assert covered == text.replace("\n", "")

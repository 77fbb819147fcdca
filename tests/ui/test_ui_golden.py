"""Pictures of every screen at 1280x720 and 1920x1080, compared with stored ones.

Each test's docstring says what a person should see; look at tests/ui/golden/*.png (half
size) or tests/ui/_failed/ after a failure. Update: CARDSDEALT_UPDATE_GOLDEN=1.
"""

from __future__ import annotations

import pygame
import pytest
from golden_compare import check
from uikit import Harness, classic_deck, entries_for, journey_deck

SIZES = [(1280, 720), (1920, 1080)]


def _journey_shots(h: Harness, out: dict) -> None:
    K = pygame
    h.table.start()
    h.settle()
    out["start"] = h.frame()
    h.key(K.K_RETURN)
    out["intro-notes"] = h.frame()
    h.key(K.K_PAGEDOWN)
    out["intro"] = h.frame()
    h.key(K.K_PAGEDOWN)
    h.settle()
    out["journey-card"] = h.frame()
    h.key(K.K_DOWN)
    out["journey-marked"] = h.frame()
    out["pause"] = h.shot_between(K.K_ESCAPE)
    out["help"] = h.shot_between(K.K_h, "h")
    out["blank"] = h.shot_between(K.K_b, "b")
    # take the choice that asks a reflection question (choice 2 on the door card)
    h.play_to("door")
    h.key(K.K_2, "2")
    out["journey-response"] = h.frame()
    h.key(K.K_PAGEDOWN)
    h.type("He held on because it was the only thing that was still his.")
    h.key(K.K_RETURN)
    h.type("Ask before touching it.")
    out["reflection"] = h.frame()
    h.key(K.K_TAB)
    h.key(K.K_TAB)
    h.key(K.K_RETURN)
    out["confirm-skip"] = h.frame()
    h.key(K.K_RETURN)  # "Keep writing" is marked first
    h.key(K.K_RETURN, mod=K.KMOD_CTRL)
    h.settle()
    for _ in range(20):
        if h.top.name == "summary":
            break
        h.key(K.K_1, "1") if h.top.phase == "card" else h.key(K.K_PAGEDOWN)
        h.settle()
    out["summary-journey"] = h.frame()


def _classic_shots(h: Harness, out: dict) -> None:
    K = pygame
    h.table.start()
    h.key(K.K_RETURN)
    h.key(K.K_PAGEDOWN)
    h.settle()
    out["classic-hand"] = h.frame()
    h.key(K.K_PAGEDOWN)
    h.key(K.K_F5)
    h.settle()
    out["classic-discussion"] = h.frame()
    h.key(K.K_ESCAPE)
    h.key(K.K_DOWN)
    h.key(K.K_RETURN)
    out["break"] = h.frame()
    h.key(K.K_SPACE)
    for _ in range(300):
        if h.top.name == "summary":
            break
        if h.top.discussing:
            h.key(K.K_PAGEDOWN)
        else:
            if ("draw",) in h.table.game.actions() and "classic-draw" not in out:
                out["classic-draw"] = h.frame()
            h.key(K.K_PAGEDOWN)
            h.key(K.K_F5)
        h.settle(0.4)
    out["summary-classic"] = h.frame()


@pytest.fixture(scope="module", params=SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def shots(request, tmp_path_factory):
    size = request.param
    root = tmp_path_factory.mktemp("decks")
    out: dict[str, pygame.Surface] = {}
    _journey_shots(Harness(size, entries_for(journey_deck(root / "rens"))), out)
    _classic_shots(Harness(size, entries_for(classic_deck(root / "table"))), out)
    return size, out


def _check(shots, name):
    size, out = shots
    check(out[name], f"{name}-{size[0]}x{size[1]}")


def test_start(shots):
    """The title, a tagline, and one row per deck and way to play; the first row is marked
    with a thick outline and a pointer; key hints along the bottom."""
    _check(shots, "start")


def test_intro_content_notes(shots):
    """"Before you start": the topics the deck talks about as a list, and a reminder that
    anyone can pause or take a break; page 1 of 2."""
    _check(shots, "intro-notes")


def test_intro(shots):
    """"Read this aloud": Ren's introduction in large type on a cream panel."""
    _check(shots, "intro")


def test_journey_card(shots):
    """The card on the left (picture or calm placeholder, title, words in large type), two or
    three numbered choices on the right, two labelled meters with "2 of 5" along the
    bottom, no choice marked."""
    _check(shots, "journey-card")


def test_journey_marked(shots):
    """As the card, with choice 1 marked: tinted, thick outline, a pointer on its left."""
    _check(shots, "journey-marked")


def test_pause(shots):
    """The table dimmed, a "Paused" panel: Resume (marked), Take a break, Restart this deck,
    Quit (your session is kept)."""
    _check(shots, "pause")


def test_help(shots):
    """A panel listing the clicker keys, then the keyboard and mouse keys, in two columns."""
    _check(shots, "help")


def test_blank(shots):
    """A dark, empty screen."""
    _check(shots, "blank")


def test_journey_response(shots):
    """The door card still on the left; on the right "You chose: Take Ren's bag...", Ren's
    answer in italics, "Trust in adults went down by 1: now 1 of 5", the question to talk
    about and the young people's words; the trust meter shows 1 of 5."""
    _check(shots, "journey-response")


def test_reflection(shots):
    """"A question to think about", the question in bold, a text box with two typed lines
    and a cursor after "touching it.", Skip and Save (Ctrl+Enter) buttons."""
    _check(shots, "reflection")


def test_confirm_skip(shots):
    """Over the reflection: "Skip this question?" with Keep writing (marked) and Skip."""
    _check(shots, "confirm-skip")


def test_summary_journey(shots):
    """The ending's title and words, where each stat started and ended, cards and
    reflections counted, the seed; a support panel on the right; Play again (marked),
    Choose another deck, Quit."""
    _check(shots, "summary-journey")


def test_classic_hand(shots):
    """Player 1's turn: the top card wide (theme band, number, placeholder picture, words),
    cards in hand per player, what matches in words; the hand below with "Can play" tags
    numbered 1, 2... and "Not now" on the others."""
    _check(shots, "classic-hand")


def test_classic_discussion(shots):
    """The card just played on top; below, "Talk about it" with the question and "What we
    want you to know" with the young people's words; a timer "1:30 left to talk"."""
    _check(shots, "classic-discussion")


def test_break(shots):
    """A calm screen: "Taking a break", a soft circle, "The game will wait. Nothing is
    lost.", and how to come back."""
    _check(shots, "break")


def test_classic_draw(shots):
    """No card in the hand matches: every hand card says "Not now", and "Draw a card" on
    the right is already marked, so one press of F5 draws."""
    _check(shots, "classic-draw")


def test_summary_classic(shots):
    """Who played their last card, that everyone who talked is a winner, cards left per
    player, the titles of the cards talked about, the seed; support on the right."""
    _check(shots, "summary-classic")

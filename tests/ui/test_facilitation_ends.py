"""The interview preset (random cards, private panel notes kept with the session), the table
game's certificate, and the support signposting on every end screen."""

from __future__ import annotations

import pygame
import pytest
from test_facilitation import NEXT, START, RoomHarness
from uikit import entries_for

from cardsdealt.render import text as text_module
from cardsdealt.session import SessionStore

K = pygame


pytestmark = pytest.mark.usefixtures("room_settings")  # tests/ui/conftest.py


def to_interview(h, less: int = 0, more: int = 0) -> None:
    """Start -> deck -> preset screen: Next to "Interview panel", − to show fewer cards (or +
    to show more)."""
    h.table.start()
    h.settle()
    h.key(START)
    assert h.top.name == "preset"
    while h.top.options[h.top.focus].name != "interview":
        h.key(NEXT)
    for _ in range(less):
        h.key(K.K_MINUS, "-")
    for _ in range(more):
        h.key(K.K_PLUS, "+")
    h.key(START)
    while h.top.name == "intro":
        h.key(NEXT)
    h.settle()


class Seen:
    """Every piece of text drawn while it is on (the shipped font is wrapped)."""

    def __init__(self, monkeypatch):
        self.words: list[str] = []
        real = text_module.font
        seen = self

        class Font:
            def __init__(self, f):
                self._f = f

            def __getattr__(self, name):
                return getattr(self._f, name)

            def render(self, text, *a, **kw):
                seen.words.append(str(text))
                return self._f.render(text, *a, **kw)

        monkeypatch.setattr(text_module, "font", lambda *a, **kw: Font(real(*a, **kw)))

    @property
    def text(self) -> str:
        return " ".join(self.words)


def test_interview_shows_random_cards_and_keeps_private_panel_notes(rens, tmp_path):
    store = SessionStore(tmp_path / "sessions")
    h = RoomHarness(entries_for(rens), store=store, seed=5)
    to_interview(h, less=1)  # the deck has 3 cards: one fewer
    scene = h.top
    assert scene.name == "interview" and len(scene.cards) == 2
    assert h.app.session.kind == "group" and h.app.session.doc["meta"]["preset"] == "interview"
    from cardsdealt.engine.interview import pick_cards

    assert [c.id for c in scene.cards] == [c.id for c in pick_cards(rens, 5, 2)]  # same seed
    first = scene.shown
    h.key(K.K_RETURN)  # a private note
    assert h.top.name == "panel-note"
    h.type("Noticed the child's bag first.")
    h.key(K.K_b, "b")  # typing: letters are words, not shortcuts
    h.type("b")
    assert h.top.name == "panel-note"
    h.key(K.K_RETURN, mod=K.KMOD_CTRL)
    assert h.top is scene
    notes = SessionStore(store.root).open(h.app.session.id)[0].notes
    assert [(n["card"], n["kind"]) for n in notes] == [(first.id, "panel")]
    assert notes[0]["text"].startswith("Noticed the child's bag first.")
    h.key(NEXT)
    h.settle()  # the next card is dealt (a key during the deal only finishes it)
    h.key(K.K_TAB)
    h.type("Started to answer")  # not kept yet when the window closes
    h.app.step([pygame.event.Event(K.QUIT)], 0.02)
    notes = SessionStore(store.root).open(h.app.session.id)[0].notes
    assert notes[-1]["card"] == scene.cards[1].id and "Started to answer" in notes[-1]["text"]


def test_the_panel_note_is_never_drawn_on_the_projector_with_a_presenter_window(rens):
    h = RoomHarness(entries_for(rens))
    to_interview(h)
    h.key(K.K_p, "p")  # one screen here: it asks first, and the test says yes
    h.key(K.K_DOWN)
    h.key(K.K_RETURN)
    before = h.frame()
    h.key(K.K_RETURN)
    h.type("private words")
    after = h.frame()
    assert h.top.name == "panel-note" and h.top.hidden
    assert before.get_view("2").raw == after.get_view("2").raw  # the projector did not change
    from cardsdealt.ui.pygame.presenter import gather

    assert gather(h.app).private == "private words"
    h.app.facilitation.close()


def test_on_one_display_the_note_is_typed_behind_a_neutral_screen(rens, monkeypatch):
    """No presenter window: the display faces the candidate, so while the panel types it
    shows "The panel is writing a note" and how much is typed, never the words."""
    seen = Seen(monkeypatch)
    h = RoomHarness(entries_for(rens))
    to_interview(h)
    h.key(K.K_RETURN)
    note = h.top
    assert note.name == "panel-note" and not note.hidden
    h.type("Candidate blamed the child")
    seen.words.clear()
    note.changed()
    h.frame()
    assert "The panel is writing a note" in seen.text and "26 characters typed" in seen.text
    assert "blamed" not in seen.text and "Candidate" not in seen.text
    close, keep = note._buttons()
    h.click(keep.center)  # the mouse and touch route keeps it
    assert h.top.name == "interview" and h.top.kept[h.top.shown.id] == [
        "Candidate blamed the child"]


def test_with_a_presenter_window_the_projector_says_nothing_about_notes(rens, monkeypatch):
    h = RoomHarness(entries_for(rens))
    to_interview(h)
    scene = h.top
    h.key(K.K_p, "p")
    h.key(K.K_DOWN)
    h.key(K.K_RETURN)
    before = h.frame().copy()
    for words in ("First note", "Second note"):
        h.key(K.K_RETURN)
        h.type(words)
        h.key(K.K_PAGEDOWN)
        assert h.top is scene
    assert scene.kept[scene.shown.id] == ["First note", "Second note"]
    assert h.frame().get_view("2").raw == before.get_view("2").raw  # no count, no notice
    pres = h.app.facilitation.presenter
    assert pres.message == "Note kept with the session." or "window only" in pres.message
    from cardsdealt.ui.pygame.presenter import gather

    assert gather(h.app).private_title == "Panel notes on this card (2)"  # there, only
    h.app.facilitation.close()


def test_support_is_on_every_end_screen(rens, table_deck, monkeypatch):
    seen = Seen(monkeypatch)
    names = [s.name for s in rens.support]
    # the interview's end
    h = RoomHarness(entries_for(rens))
    to_interview(h, less=4)
    h.key(NEXT)
    assert h.top.name == "interview-end"
    seen.words.clear()
    h.top.changed()  # drawn again from scratch, not from the cached layer
    h.frame()
    assert all(n in seen.text for n in names)
    # a journey's end
    h = RoomHarness(entries_for(rens), preset="solo")
    h.table.start()
    h.key(START)
    while h.top.name == "intro":
        h.key(NEXT)
    for _ in range(30):
        if h.top.name == "summary":
            break
        h.key(K.K_1, "1") if getattr(h.top, "phase", "") == "card" else h.key(NEXT)
        h.settle(0.4)
    seen.words.clear()
    h.top.changed()  # drawn again from scratch, not from the cached layer
    h.frame()
    assert h.top.name == "summary" and all(n in seen.text for n in names)
    # the table game's end, with the certificate button
    h = RoomHarness(entries_for(table_deck), preset="table")
    play_table_game(h)
    seen.words.clear()
    h.top.changed()  # drawn again from scratch, not from the cached layer
    h.frame()
    assert all(n in seen.text for n in names)
    assert "Everyone who joined the conversation is a winner." in seen.text
    assert "Winners' certificate (W)" in seen.text


def play_table_game(h) -> None:
    h.table.start()
    h.key(START)
    while h.top.name == "intro":
        h.key(NEXT)
    h.settle()
    for _ in range(3000):
        if h.top.name == "summary":
            return
        if h.top.discussing:
            h.key(NEXT)
        else:
            h.key(NEXT)
            h.key(START)
        h.settle(0.35)
    raise AssertionError("the table game did not end")


def test_winners_certificate_from_the_end_screen(table_deck, tmp_path, monkeypatch):
    docs = tmp_path / "home" / "Documents"
    monkeypatch.setenv("CARDSDEALT_DOCUMENTS_DIR", str(docs))
    h = RoomHarness(entries_for(table_deck), preset="table")
    play_table_game(h)
    h.key(K.K_w, "w")
    assert h.top.name == "message"
    written = list((docs / "cardsdealt").glob("cardsdealt-certificate-*.pdf"))
    assert len(written) == 1 and written[0].read_bytes()[:5] == b"%PDF-"
    assert str(written[0]) in h.top.text  # said with its full path
    h.key(START)  # closes the message
    assert h.top.name == "summary"
    # with a session kept: where the trainer finds it, and a copy beside the session
    store = SessionStore(tmp_path / "sessions")
    h = RoomHarness(entries_for(table_deck), store=store, preset="table")
    play_table_game(h)
    h.key(K.K_w, "w")
    name = f"{h.app.session.id}-certificate.pdf"
    assert (docs / "cardsdealt" / name).is_file()
    assert (h.app.session.folder / name).is_file()


def test_certificate_draws_welsh_letters_and_names_emoji(table_deck):
    import shutil
    import subprocess

    from cardsdealt.session.certificate import CertificateFacts, certificate_pdf

    if not shutil.which("pdftotext"):
        pytest.skip("poppler-utils not installed")
    pdf = certificate_pdf(CertificateFacts("Table Game", ("Family time 1",),
                                           ("Tîm Dŵr", "Zoë's team 🌟")))
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True,
                          check=True).stdout.decode()
    flat = " ".join(text.split())
    assert "Tîm Dŵr" in flat and "Zoë's team [glowing star]" in flat


def test_certificate_pdf_says_everyone_is_a_winner(table_deck):
    from cardsdealt.session.certificate import CertificateFacts, certificate_pdf

    pdf = certificate_pdf(CertificateFacts("Table Game", ("Family time 1",), ("Reds", "Blues"),
                                           (("Childline", "0800 1111"),), copies=2))
    import re

    assert pdf.startswith(b"%PDF-")
    assert len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf)) == 2  # one page per copy


def test_the_table_game_end_lists_the_cards_in_one_sentence():
    """A title that ends with its own question mark is not given a full stop as well."""
    from types import SimpleNamespace as NS

    from cardsdealt.ui.pygame.scenes.summary import table_words

    game = NS(mode="classic", player_names=["Team 1"], hands=[[]])
    plays = [NS(title="Front row"), NS(title="Who's who?")]
    assert table_words(game, NS(plays=plays)).endswith("Front row, Who's who?")
    plays = [NS(title="Who's who?"), NS(title="Front row")]
    assert table_words(game, NS(plays=plays)).endswith("Who's who?, Front row.")

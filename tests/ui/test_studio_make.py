"""The deck studio end to end: from the start screen and an empty decks folder to a 6-card
journey (two parts of the story, a meter, a choice that changes a later card, a question to
think about, two endings, a drawn picture and a dropped photo) and to a 6-card table game,
with keys and, for whole cards, with the mouse alone. Both decks pass `check`, play to the
end in the window, with the engine and in the terminal, and print."""

from __future__ import annotations

import io
import os
import sys
from argparse import Namespace
from pathlib import Path

import pygame
import pytest
from studiokit import Driver
from uikit import Harness, entries_for, journey_deck

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "authoring"))
from test_studio_doc import _play_to_the_end  # noqa: E402 - the model's own way to play

from cardsdealt.authoring.check import run_check
from cardsdealt.deck.loader import check_deck

K = pygame

JOURNEY_CARDS = [
    ("First night", "Arriving", "I got here late. My things were in a bag."),
    ("My room", "Arriving", "There is a bed and a window. Nothing of mine."),
    ("A phone call", "Arriving", "Can I ring my brother to say goodnight?"),
    ("School", "Settling in", "Everyone knows where the hall is except me."),
    ("A friend", "Settling in", "Someone asked me to sit with them at lunch."),
    ("Tea time", "Settling in", "Dinner is at five here. At home it was whenever."),
]
TABLE_CARDS = [("My sister", "Family", "I want to see my sister more."),
               ("Photos", "Family", "I don't have any baby photos."),
               ("Birthday", "Family", "Nobody sent a card this year."),
               ("My room", "Home", "Can I choose the colour of my room?"),
               ("A key", "Home", "Everyone has a key but me."),
               ("My name", "Home", "People keep saying my name wrong.")]


@pytest.fixture
def places(tmp_path, monkeypatch):
    monkeypatch.setenv("CARDSDEALT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("CARDSDEALT_DOCUMENTS_DIR", str(tmp_path / "documents"))
    return tmp_path


def photo_file(path: Path) -> Path:
    """A photo as a phone or scanner makes one (JPEG)."""
    s = pygame.Surface((400, 300))
    s.fill((120, 170, 210))
    pygame.draw.circle(s, (250, 220, 120), (300, 80), 40)
    pygame.draw.rect(s, (90, 140, 80), (0, 200, 400, 100))
    pygame.image.save(s, str(path))
    return path


def open_studio(d: Driver) -> None:
    """From the start screen: down to "Make or change a deck", Enter."""
    h = d.h
    h.table.start()
    h.settle()
    start = h.top
    assert start.rows[-1].title == "Make or change a deck"
    while start.rows[start.focus].kind != "studio":
        d.key(K.K_DOWN)
    d.key(K.K_RETURN)
    assert h.top.name == "studio-choose"


def new_card(d: Driver, title: str, pick: tuple[str, str], words: tuple[str, str],
             voice: str, discuss: str) -> str:
    """"Add a card", then its name, its part of the story or theme, its words, the line for
    the adults and the question; the card's id (its form stays open)."""
    d.press("add-card")
    assert d.top.name == "studio-card"
    p = f"card:{d.top.cid}"
    d.fill(f"{p}.title", title)
    d.pick(f"{p}.{pick[0]}", pick[1])
    d.fill(f"{p}.{words[0]}", words[1])
    d.fill(f"{p}.voice", voice)
    d.fill(f"{p}.discuss", discuss)
    return d.top.cid


def write_card(d: Driver, title: str, part: str, text: str, picks) -> str:
    """Add a journey card from the deck's page and write it, choices and all."""
    cid = new_card(d, title, ("stage", part), ("text", text), "Ask us what we need.",
                   "What would help Jo here?")
    p = f"card:{cid}"
    for i, (label, change, response) in enumerate(picks):
        d.press(f"{p}.choice:{i}")
        assert d.top.name == "studio-choice"
        c = f"{p}.choice:{i}"
        d.fill(f"{c}.label", label)
        d.fill(f"{c}.response", response)
        d.step_to(f"{c}.effects.meter", change)
        d.back()
    assert d.top.name == "studio-card"
    d.back()
    assert d.top.name == "studio-cards"
    return cid


def add_picture_to(d: Driver, cid: str, how: str, photo: Path | None = None) -> None:
    """On the card's form: a drawing made in the picture step (with the mouse), or a photo
    dropped on the window (it opens the picture step with the photo in it); then "Use this
    picture"."""
    h = d.h
    d.press(f"card:{cid}")
    if how == "draw":
        d.press(f"card:{cid}.image")
        step = d.top
        assert step.name == "picture-step"
        canvas = next(t.rect for t in step.targets() if t.key == "draw-canvas")
        x, y = canvas.center
        h.app.step([pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(x - 120, y), button=1)],
                   0.02)
        for dx in range(-110, 130, 10):
            h.app.step([pygame.event.Event(pygame.MOUSEMOTION, pos=(x + dx, y + dx // 3),
                                           rel=(10, 3), buttons=(1, 0, 0))], 0.02)
        h.app.step([pygame.event.Event(pygame.MOUSEBUTTONUP, pos=(x + 120, y + 40),
                                       button=1)], 0.02)
    else:
        h.app.step([pygame.event.Event(pygame.DROPFILE, file=str(photo))], 0.02)
        step = d.top
        assert step.name == "picture-step" and step.view == "adjust", step.message
    use = next(t.rect for t in step.targets() if t.key == "use")
    d.clicks += 1
    h.click(use.center)
    assert d.top.name == "studio-card", getattr(d.top, "message", "")
    assert d.top.get("image").startswith("images/")
    if how == "draw":  # opened again, the drawing is there to add to (Esc: nothing changes)
        d.press(f"card:{cid}.image")
        assert d.top.name == "picture-step" and not d.top.canvas.empty
        d.key(K.K_ESCAPE)
        assert d.top.name == "studio-card"
    d.back()


def meter_rule(d: Driver, field: str, kind: str, number: int) -> None:
    """"...when": one rule on the meter (the only one), then back to the list."""
    d.press(field)
    d.press("add-rule")
    d.pick("rule:0.kind", kind)
    d.step_to("rule:0.number", number)
    d.back()
    d.back()


def make_journey(d: Driver, tmp: Path, shots=None) -> Path:
    shot = shots or (lambda name: None)
    open_studio(d)
    shot("studio-choose")
    d.press("new.journey")
    d.fill("deck.title", "Jo's first week")
    shot("studio-name")
    d.press("make")
    assert d.top.name == "studio-cards"
    shot("studio-cards-empty")
    studio = d.top.studio
    folder = studio.folder
    assert studio.flush(5.0) and (folder / "deck.yaml").is_file()  # on disk at once

    d.press("about")
    d.fill("deck.authors", "Hillside Youth Voice")
    assert d.top.find("deck.written_by").words().startswith("Not chosen yet")  # never assumed
    d.pick("deck.written_by", "We are young people, and these are our words")
    d.fill("deck.introduction", "Hi, I'm Jo. This is my first week somewhere new.\n"
           "Choose what the adults around me do.")
    d.fill("deck.content_notes", "moving to a new home")
    shot("studio-deck")
    d.back()

    d.press("parts.stage")
    d.press("stage:0")
    d.fill("stage:0.title", "Arriving")
    d.back()
    d.press("add-stage")
    d.fill("stage:1.title", "Settling in")
    d.fill("stage:1.draws", "3")
    shot("studio-part")
    d.back()
    shot("studio-parts")
    d.back()
    d.press("parts.meter")
    d.press("add-meter")
    d.fill("meter:0.label", "Trust in adults")
    d.back()
    d.back()

    cids = {}
    for n, (title, part, text) in enumerate(JOURNEY_CARDS):
        d.mouse = n == 1  # the second card with the mouse alone, the rest with keys
        cids[title] = write_card(d, title, part, text, [
            ("Sit with Jo and listen", 1, "I felt a bit better."),
            ("Say it can wait", -1, "I waited. Nobody came back.")])
    d.mouse = False
    assert len(studio.doc.cards()) == 6
    # a card made without a name took its id from its name when its form was left
    cids = {c.title: c.id for c in studio.doc.cards()}
    assert cids["First night"] == "first-night"

    # a choice that changes a later card: "First night" remembers, the phone call needs it
    first, phone = cids["First night"], cids["A phone call"]
    d.press(f"card:{first}")
    d.press(f"card:{first}.choice:0")
    d.fill(f"card:{first}.choice:0.set", "knows where her brother is")
    d.pick(f"card:{first}.choice:0.next", "A phone call")
    shot("studio-choice")
    d.back()
    d.back()
    d.press(f"card:{phone}")
    d.press(f"card:{phone}.requires")
    assert d.top.name == "studio-condition"
    d.press("add-rule")
    assert d.top.find("rule:0.name").words() == "knows where her brother is"
    shot("studio-condition")
    d.back()
    d.back()

    d.press("parts.reflection")
    d.press("add-reflection")
    d.fill("reflection:0.prompt", "What would help Jo trust adults again?")
    meter_rule(d, "reflection:0.when", "this meter is at most", 1)
    d.back()

    d.press("parts.ending")
    d.press("ending:0")
    d.fill("ending:0.title", "Still unsure")
    d.fill("ending:0.text", "Ask me again next week.")
    d.back()
    d.press("add-ending")
    d.fill("ending:0.title", "Starting to settle")
    d.fill("ending:0.text", "I know who to ask when I'm worried.")
    meter_rule(d, "ending:0.when", "this meter is at least", 3)
    d.back()

    add_picture_to(d, first, "draw")
    d.press(f"card:{first}")
    shot("studio-card")  # with its drawing, on the screen and on paper
    d.back()
    add_picture_to(d, cids["School"], "drop", photo_file(tmp / "school-photo.jpg"))
    assert studio.flush(5.0)
    return folder


def play_terminal(folder: Path, text: str, mode: str, autoplay: bool = False) -> str:
    from cardsdealt.ui.terminal.play import run

    deck, _ = check_deck(folder)
    out = io.StringIO()
    args = Namespace(mode=mode, players=2, seed=4, autoplay=autoplay, json=False, deck=None,
                     resume=None, no_save=True, preset=None)
    assert run(deck, args, io.StringIO(text), out) == 0
    return out.getvalue()


def prints(folder: Path, tmp: Path) -> None:
    from cardsdealt.authoring.printcards import print_deck

    deck, _ = check_deck(folder)
    pdf = tmp / f"{folder.name}.pdf"
    assert print_deck(deck, pdf) >= 3
    assert pdf.read_bytes().startswith(b"%PDF")


def play_in_window(d: Driver) -> None:
    """"Play it now" from the deck's page, then to the summary."""
    d.press("tool.play")
    h = d.h
    for _ in range(400):
        if h.top.name == "summary":
            return
        if h.top.name == "preset":
            h.key(K.K_RETURN)
        elif h.top.name == "classic":  # as tests/ui/test_ui_golden.py plays a table game
            h.key(K.K_PAGEDOWN)
            if not getattr(h.top, "discussing", True):
                h.key(K.K_F5)
        elif h.top.name in ("intro", "message") or getattr(h.top, "phase", "") != "card":
            h.key(K.K_RETURN, mod=K.KMOD_CTRL) if h.top.name == "reflection" \
                else h.key(K.K_PAGEDOWN)
        else:
            h.key(K.K_1, "1")
        h.settle(0.3)
    raise AssertionError(f"stuck on {h.top.name}")


def test_a_journey_from_an_empty_folder_with_keys_and_mouse(places, tmp_path):
    h = Harness((1280, 720), entries_for(journey_deck(tmp_path / "rens")))
    d = Driver(h)
    folder = make_journey(d, tmp_path)
    assert folder.parent == tmp_path / "data" / "decks"

    assert run_check([folder], strict=False, out=io.StringIO()) == 0
    deck, problems = check_deck(folder)
    assert deck is not None and not [p for p in problems if p.severity == "error"]
    assert len(deck.cards) == 6 and len(deck.stages) == 2 and len(deck.stats) == 1
    assert len(deck.endings) == 2 and len(deck.reflections) == 1
    assert deck.authors == ("Hillside Youth Voice",) and deck.written_by == "young-people"
    titles = {c.title: c for c in deck.cards}
    phone = titles["A phone call"]
    assert phone.requires is not None and "knows_where_her_brother_is" in phone.requires.source
    assert titles["First night"].choices[0].next == phone.id
    pictures = [c.image for c in deck.cards if c.image]
    assert len(pictures) == 2 and all((folder / p).is_file() for p in pictures)
    assert {Path(p).suffix for p in pictures} == {".png", ".jpg"}  # drawn, and a photo

    good = _play_to_the_end(deck, "journey", 3, lambda g: 0)
    assert phone.id in good.state.seen and good.ending.title == "Starting to settle"
    low = _play_to_the_end(deck, "journey", 3, lambda g: 1)
    assert phone.id not in low.state.seen and low.ending.title == "Still unsure"
    out = play_terminal(folder, "1\n" * 60, "journey")
    assert "The end:" in out and "input ended" not in out
    prints(folder, tmp_path)

    assert h.top.name == "studio-cards"
    play_in_window(d)
    assert h.table.game.finished


def make_table(d: Driver, shots=None) -> Path:
    shot = shots or (lambda name: None)
    open_studio(d)
    d.press("new.classic")
    d.fill("deck.title", "Our table game")
    d.press("make")
    d.press("about")
    d.press("deck.keep_names_off")
    d.pick("deck.written_by", "We are young people, and these are our words")
    d.fill("deck.introduction", "We made these cards about family and home.")
    d.fill("deck.classic.themes", "Family\nHome")
    d.back()
    for n, (title, theme, statement) in enumerate(TABLE_CARDS):
        d.mouse = n == 0  # the first card with the mouse alone
        new_card(d, title, ("theme", theme), ("statement", statement), "Listen to us.",
                 "Who could help?")
        if n == 3:
            shot("studio-card-table")
        d.back()
    d.mouse = False
    shot("studio-cards")
    d.top.studio.flush(5.0)
    return d.top.studio.folder


def test_a_table_game_with_copy_move_delete_and_undo(places, tmp_path):
    h = Harness((1280, 720), entries_for(journey_deck(tmp_path / "rens")))
    d = Driver(h)
    folder = make_table(d)
    doc = d.top.studio.doc
    order = [c.title for c in doc.cards()]
    assert order == [t for t, _th, _s in TABLE_CARDS]

    # copy, move the copy up, delete it, and undo and redo the delete, with keys
    first = doc.cards()[0].id
    d.press(f"card:{first}.copy")
    copy = doc.cards()[1]
    assert copy.title == "My sister" and copy.id != first
    d.press(f"card:{copy.id}.up")
    assert doc.cards()[0].id == copy.id
    d.press(f"card:{copy.id}.delete")
    assert len(doc.cards()) == 6 and d.top.studio.status_words().startswith("Card deleted")
    d.undo()
    assert [c.id for c in doc.cards()][0] == copy.id
    d.redo()
    assert [c.title for c in doc.cards()] == order
    # and with the mouse: Down moves a card, the Undo button puts it back
    d.mouse = True
    d.press(f"card:{first}.down")
    assert [c.title for c in doc.cards()][1] == "My sister"
    d.undo()
    assert [c.title for c in doc.cards()] == order
    d.mouse = False
    d.top.studio.flush(5.0)

    assert run_check([folder], strict=False, out=io.StringIO()) == 0
    deck, problems = check_deck(folder)
    assert deck is not None and len(deck.cards) == 6
    assert [c.title for c in deck.cards] == order  # what is on disk is what was left
    assert deck.authors == ("A youth group",)
    assert sorted(c.number for c in deck.cards if c.theme == "home") == [1, 2, 3]
    assert _play_to_the_end(deck, "classic", 7, lambda g: 0).finished
    out = play_terminal(folder, "", "classic", autoplay=True)  # the terminal plays every turn
    assert "Everyone who joined the conversation is a winner." in out
    assert "input ended" not in out
    prints(folder, tmp_path)
    play_in_window(d)


def test_typing_is_saved_as_it_is_typed_and_undone_in_one_step(places, tmp_path):
    h = Harness((1280, 720), entries_for(journey_deck(tmp_path / "rens")))
    d = Driver(h)
    open_studio(d)
    d.press("new.journey")
    d.press("make")
    d.press("add-card")
    cid = d.top.cid
    d.fill(f"card:{cid}.text", "I got here late")
    studio = d.top.studio
    assert studio.flush(5.0) and studio.status_words() == "Saved"
    on_disk = (studio.folder / "cards" / "cards.yaml").read_text()
    assert "I got here late" in on_disk
    d.key(K.K_z, mod=K.KMOD_CTRL)  # the words typed in one go are one step
    assert d.top.get("text") == ""
    assert d.top.find(f"card:{cid}.text").box.text == ""  # the box shows it
    d.key(K.K_y, mod=K.KMOD_CTRL)
    assert d.top.get("text") == "I got here late"
    # a number box refuses words in plain words, on the field, and keeps the number
    d.back()
    d.press("parts.stage")
    d.press("stage:0")
    d.fill("stage:0.draws", "two")
    c = d.top.find("stage:0.draws")
    assert any("whole number" in a for a in c.advice)
    assert studio.doc.stages()[0]["draws"] == 2
    assert os.listdir(studio.folder)  # (nothing written outside the tmp folders)


def test_a_shipped_deck_is_changed_as_our_own_copy(places, tmp_path):
    """`cardsdealt studio example`: the shipped deck stays as shipped; the studio opens a copy
    in the person's own decks folder and says so."""
    from cardsdealt.paths import DECKS

    before = (DECKS / "example" / "deck.yaml").read_bytes()
    h = Harness((1280, 720), entries=[])
    d = Driver(h)
    studio = h.table.open_studio(DECKS / "example")
    assert d.top.name == "studio-cards" and studio.status_words() == "This is your own copy."
    assert studio.folder.parent == tmp_path / "data" / "decks"
    first = studio.doc.cards()[0].id
    d.press(f"card:{first}")
    d.fill(f"card:{first}.title", "Our first card")
    assert studio.flush()
    assert (DECKS / "example" / "deck.yaml").read_bytes() == before
    assert "Our first card" in "".join(p.read_text() for p in (studio.folder / "cards").glob(
        "*.yaml"))

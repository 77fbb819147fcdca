"""Live preview (`cardsdealt play DECK --watch`): a running game follows edits of the deck's
files, stays on the same card, shows a broken save's problems (file:line, what, how to fix)
and recovers at the next good save. Driven by the harness: time passes in `settle`, and the
preview looks at the folder from the loop's own tick, as it does in the real window."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pygame
import pytest
from uikit import Harness, make_picture

from cardsdealt.ui.pygame.watch import FolderWatch, LivePreview, snapshot

K = pygame
SHOTS = Path(__file__).resolve().parent / "_failed" / "watch"  # pictures to look at

DECK_YAML = """\
format: 1
id: preview-test
title: "Jo's Day"
language: en-GB
authors: ["cardsdealt tests"]
licence: "CC BY-NC-SA 4.0"
introduction: |
  Hi, I'm Jo. This is one day of mine.
support:
  - name: "Your supervisor"
    detail: "Talk it through after the session."
modes: [journey]
stats:
  trust:
    label: "Trust in adults"
    start: 2
    min: 0
    max: 5
stages:
  - id: day
    title: "The day"
    draws: 3
cards: cards/
endings:
  - id: end
    title: "Bedtime"
    text: "I went to sleep. Tomorrow is another day."
"""

CARDS_YAML = """\
- id: breakfast
  stage: day
  title: "Breakfast"
  image: images/kitchen.png
  text: "There is toast. Nobody asks what I like."
  choices:
    - label: "Ask Jo what they like for breakfast"
      effects: {trust: +1}
      response: "I like jam. Now someone knows."
    - label: "Put the toast down and go"
      effects: {trust: -1}
      response: "I ate it cold."
- id: school-run
  stage: day
  title: "The school run"
  text: "A new driver takes me to school. I don't know his name."
  choices:
    - label: "Say his name and why he is driving today"
      effects: {trust: +1}
      response: "His name is Dev. He likes football."
    - label: "Say nothing, it's only one day"
      effects: {trust: -1}
      response: "I watched the road the whole way."
- id: evening
  stage: day
  title: "Evening"
  text: "My social worker rings. She says she will visit on Friday."
  choices:
    - label: "Write Friday on the calendar with Jo"
      effects: {trust: +1}
      response: "I looked at the calendar every day."
    - label: "Say 'we'll see'"
      effects: {trust: -1}
      response: "We'll see means no."
"""


class Folder:
    def __init__(self, root: Path) -> None:
        self.root = root
        (root / "cards").mkdir(parents=True)
        self.write("deck.yaml", DECK_YAML)
        self.write("cards/day.yaml", CARDS_YAML)
        make_picture(root / "images" / "kitchen.png")

    def write(self, rel: str, text: str) -> None:
        p = self.root / rel
        p.write_text(text, encoding="utf-8")
        _later(p)

    def edit(self, rel: str, old: str, new: str) -> None:
        text = (self.root / rel).read_text(encoding="utf-8")
        assert old in text, f"test setup: {old!r} not in {rel}"
        self.write(rel, text.replace(old, new, 1))


_LAST = [0]


def _later(p: Path) -> None:
    """Each save a second after the one before (file systems with coarse times, such as
    FAT's two seconds, would otherwise hide a quick second save of the same size)."""
    _LAST[0] = max(time.time_ns(), _LAST[0] + 2_000_000_000)
    os.utime(p, ns=(_LAST[0], _LAST[0]))


def line_of(folder: Folder, rel: str, needle: str) -> int:
    for i, line in enumerate((folder.root / rel).read_text().splitlines(), 1):
        if needle in line:
            return i
    raise AssertionError(needle)


def shot(h: Harness, name: str) -> pygame.Surface:
    s = h.frame()
    SHOTS.mkdir(parents=True, exist_ok=True)
    pygame.image.save(s, str(SHOTS / f"{name}-{s.get_width()}x{s.get_height()}.png"))
    return s


@pytest.fixture
def folder(tmp_path):
    return Folder(tmp_path / "jos-day")


def start(folder: Folder, size=(1280, 720)) -> tuple[Harness, LivePreview]:
    h = Harness(size)
    preview = LivePreview(h.app, h.table, folder.root)
    preview.open()
    h.settle()
    assert h.top.name == "intro"
    h.key(K.K_PAGEDOWN)
    h.settle()
    assert h.top.name == "journey"
    return h, preview


def on_second_card(h: Harness) -> str:
    h.key(K.K_1, "1")
    h.key(K.K_PAGEDOWN)
    h.settle()
    return h.top.shown.id


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)], ids=["1280", "1920"])
def test_edit_break_and_fix_while_playing(folder, size):
    h, preview = start(folder, size)
    card = on_second_card(h)
    game = h.table.game
    turn, stats = game.turn, dict(game.stats)
    before = shot(h, "watch-before")
    title = h.top.shown.title

    # 1. new words for the card on the table: the screen follows, on the same card
    old_text = h.top.shown.text
    folder.edit("cards/day.yaml", old_text, "These are NEW words, saved a moment ago.")
    h.settle(0.5)
    assert preview.reloads == 1
    assert h.top.name == "journey" and h.top.shown.id == card
    assert h.top.shown.text == "These are NEW words, saved a moment ago."
    assert (h.table.game.turn, dict(h.table.game.stats)) == (turn, stats)
    after = shot(h, "watch-edited")
    assert before.get_at((h.top.geom().card.centerx, h.top.geom().card.bottom - 200)) \
        is not None and pygame.image.tobytes(before, "RGB") != pygame.image.tobytes(after, "RGB")

    # 2. a tab: the deck's own problem, with file:line, what is wrong and how to fix it
    folder.edit("cards/day.yaml", f'  title: "{title}"', f'\ttitle: "{title}"')
    h.settle(0.5)
    assert h.top.name == "problems"
    line = line_of(folder, "cards/day.yaml", "\ttitle")
    words = h.top.text()
    assert f"cards/day.yaml:{line}" in words and "tab" in words and "spaces" in words
    shot(h, "watch-tab")
    h.key(K.K_1, "1")  # keys do not reach the game behind the problem
    assert h.table.game.turn == turn

    # 3. fixed, but a stat misspelt: a different problem, named where it is
    folder.edit("cards/day.yaml", f'\ttitle: "{title}"', f'  title: "{title}"')
    folder.edit("cards/day.yaml", "effects: {trust: +1}", "effects: {trsut: +1}")
    h.settle(0.5)
    assert h.top.name == "problems"
    words = h.top.text()
    line = line_of(folder, "cards/day.yaml", "trsut")
    assert f"cards/day.yaml:{line}" in words and "trsut" in words and "trust" in words
    shot(h, "watch-stat")

    # 4. fixed: back in the game, same card, the new words still there
    folder.edit("cards/day.yaml", "effects: {trsut: +1}", "effects: {trust: +1}")
    h.settle(0.5)
    assert h.top.name == "journey" and h.top.shown.id == card
    assert h.top.shown.text == "These are NEW words, saved a moment ago."
    assert h.table.game.turn == turn and preview.reloads == 2
    shot(h, "watch-fixed")
    h.key(K.K_1, "1")  # and play goes on
    assert h.top.phase == "response"


def test_response_and_removed_card(folder):
    h, preview = start(folder)
    first = h.top.shown
    h.key(K.K_2, "2")
    assert h.top.phase == "response"
    folder.edit("cards/day.yaml", first.choices[1].response, "A new answer, in the child's words.")
    h.settle(0.5)
    assert h.top.phase == "response" and h.top.shown.id == first.id
    assert h.top.shown.choices[1].response == "A new answer, in the child's words."
    h.key(K.K_PAGEDOWN)
    h.settle()
    current = h.top.shown
    # the card on the table is taken out of the deck: the game deals the next one, and says so
    text = (folder.root / "cards/day.yaml").read_text()
    start_at = text.index(f"- id: {current.id}")
    end_at = text.find("- id:", start_at + 3)
    folder.write("cards/day.yaml", text[:start_at] + (text[end_at:] if end_at > 0 else ""))
    h.settle(0.5)
    assert h.top.name in ("journey", "summary")
    if h.top.name == "journey":
        assert h.top.shown is None or h.top.shown.id != current.id
        assert current.id in h.top.notice
    shot(h, "watch-removed")


def test_a_new_picture_is_drawn(folder):
    h, preview = start(folder)
    while h.top.shown.id != "breakfast":  # the card with the picture
        on_second_card(h)
    r = h.top.geom().card

    def reds() -> int:
        s = h.frame()
        return sum(1 for x in range(r.x, r.right, 7) for y in range(r.y, r.centery, 7)
                   if _near(s.get_at((x, y)), (200, 30, 30)))

    assert reds() == 0
    path = folder.root / "images" / "kitchen.png"
    red = pygame.Surface((320, 240))
    red.fill((200, 30, 30))
    pygame.image.save(red, str(path))
    _later(path)
    h.settle(0.5)
    assert h.top.shown.id == "breakfast" and reds() > 50, "the new picture is on the card"
    assert preview.reloads == 1


def _near(c, want, tol=6) -> bool:
    return all(abs(a - b) <= tol for a, b in zip(c[:3], want, strict=True))


def test_broken_from_the_start_then_fixed(folder):
    folder.edit("deck.yaml", "title: \"Jo's Day\"", "title: \"Jo's Day\"\ntitle: again")
    h = Harness()
    preview = LivePreview(h.app, h.table, folder.root)
    preview.open()
    h.settle()
    assert h.top.name == "problems" and "deck.yaml:" in h.top.text()
    assert not h.top.can_hide
    shot(h, "watch-broken-start")
    folder.edit("deck.yaml", "title: \"Jo's Day\"\ntitle: again", "title: \"Jo's Day\"")
    h.settle(0.5)
    assert h.top.name == "intro"


def test_reflection_words_survive_a_reload(folder):
    folder.edit("cards/day.yaml", '      response: "I ate it cold."',
                '      response: "I ate it cold."\n      reflect: "What does a cold breakfast '
                'say to a child?"')
    h, preview = start(folder)
    h.play_to("breakfast")
    h.key(K.K_2, "2")
    h.key(K.K_PAGEDOWN)
    assert h.top.name == "reflection"
    h.type("Nobody thought about me")
    folder.edit("cards/day.yaml", "What does a cold breakfast", "What might a cold breakfast")
    h.settle(0.5)
    assert h.top.name == "reflection" and h.top.box.text == "Nobody thought about me"
    assert h.top.prompt.text.startswith("What might a cold breakfast")


def test_watching_is_cheap_and_ignores_editor_scratch_files(folder):
    w = FolderWatch(folder.root)
    assert w.poll(0.1) == []  # too soon: not even a look
    (folder.root / "cards" / ".day.yaml.swp").write_text("x")
    (folder.root / "cards" / "day.yaml~").write_text("x")
    assert w.poll(0.2) == []
    folder.edit("cards/day.yaml", "Breakfast", "Brekkie")
    assert w.poll(0.3) == ["cards/day.yaml"]
    t = time.perf_counter()
    for _ in range(20):
        snapshot(folder.root)
    assert (time.perf_counter() - t) / 20 < 0.01


def test_watch_cli_implies_no_save(folder, tmp_path, monkeypatch):
    from cardsdealt import cli
    from cardsdealt.ui.pygame.app import App

    seen = {}

    def fake_run(self):
        seen.update(top=self.top.name, session=self.session, status=self.status,
                    preview=self.table.preview is not None)
        return 0

    monkeypatch.setattr(App, "run", fake_run)
    monkeypatch.setenv("CARDSDEALT_DATA_DIR", str(tmp_path / "data"))
    assert cli.main(["play", str(folder.root), "--watch", "--size", "1280x720"]) == 0
    assert seen == {"top": "intro", "session": None, "preview": True,
                    "status": "Live preview of jos-day: save a file to see it here"}
    assert not (tmp_path / "data" / "sessions").exists() or \
        not any((tmp_path / "data" / "sessions").iterdir())
    assert cli.main(["play", "--watch", "--resume", "last"]) == 2

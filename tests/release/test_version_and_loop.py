"""One version everywhere (`--version`, the window's help, every record, the wheel's name),
and the window's loop under asyncio (the browser convention) doing what the plain loop does."""

import asyncio
import os
import tomllib
from pathlib import Path

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")

import pygame  # noqa: E402

from cardsdealt import __version__  # noqa: E402
from cardsdealt.cli import main  # noqa: E402
from cardsdealt.ui.pygame import app as app_module  # noqa: E402
from cardsdealt.ui.pygame.app import App  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def test_pyproject_takes_the_version_from_the_package():
    conf = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" in conf["project"]["dynamic"] and "version" not in conf["project"]
    assert conf["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "cardsdealt.__version__"}


def test_version_flag(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.strip() == f"cardsdealt {__version__}"


def test_every_record_names_the_version():
    import inspect

    from cardsdealt.session import record

    for make in (record.cpd_record, record.group_summary):  # both end with the footer
        assert "_ending_and_support(f)" in inspect.getsource(make)
    blocks = record._ending_and_support(_NoFacts())
    assert any(b[0] == "small" and f"cardsdealt {__version__}" in b[1] for b in blocks)


class _NoFacts:
    ending_title = ""
    ending_text = ""
    support = ()
    credits = ()
    mode = "journey"


class _Counter:
    """A scene that asks for a redraw every turn and closes the app after five frames."""

    opaque = True
    pausable = False
    wants_text = False

    def __init__(self, app):
        self.app = app

    def on_show(self):
        pass

    def on_hide(self):
        pass

    def changed(self):
        pass

    def draft(self):
        return None

    def handle(self, event):
        pass

    def update(self, dt):
        self.app.animating = True
        if self.app.frames >= 5:
            self.app.quit()

    def draw(self, surface):
        surface.fill((200, 180, 160))


@pytest.fixture
def screen():
    pygame.display.init()
    yield pygame.display.set_mode((320, 240))
    pygame.display.quit()


def test_async_loop_hands_control_back_every_frame(screen):
    app = App(screen)
    app.show(_Counter(app))
    seen = []

    async def other():  # what the browser does between frames
        while app.running:
            seen.append(app.frames)
            await asyncio.sleep(0)

    async def both():
        task = asyncio.create_task(other())
        rc = await app.run_async()
        await task
        return rc

    assert asyncio.run(both()) == 0
    assert app.frames == 6  # five, and the turn that closes still draws its frame
    assert sorted(set(seen)) == [1, 2, 3, 4, 5]  # the other task ran after every frame


def test_sync_loop_is_the_same_loop(screen):
    app = App(screen)
    app.show(_Counter(app))
    assert app.run() == 0 and app.frames == 6


def test_first_frame_hook_saves_and_closes(screen, tmp_path, monkeypatch):
    shot = tmp_path / "first.png"
    monkeypatch.setattr(app_module, "_FIRST_FRAME", str(shot))
    app = App(screen)
    app.show(_Counter(app))
    app.run()
    assert app.frames == 1 and shot.is_file()
    assert pygame.image.load(str(shot)).get_at((5, 5))[:3] == (200, 180, 160)

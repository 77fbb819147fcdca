import os

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
# Picking a deck goes straight to it (the preset screen's own tests switch it back on).
os.environ.setdefault("CARDSDEALT_PRESET_SCREEN", "0")


@pytest.fixture(scope="session", autouse=True)
def _display():
    import pygame

    pygame.display.init()
    pygame.font.init()
    yield
    pygame.display.quit()


@pytest.fixture
def rens(tmp_path):
    from uikit import journey_deck

    return journey_deck(tmp_path / "rens-week")


@pytest.fixture
def table_deck(tmp_path):
    from uikit import classic_deck

    return classic_deck(tmp_path / "table")


@pytest.fixture
def room_settings(tmp_path, monkeypatch):
    """A room's tests: presets remembered in the test's own folder, the preset screen shown,
    no presenter window asked for by the environment."""
    monkeypatch.setenv("CARDSDEALT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("CARDSDEALT_PRESET_SCREEN", "1")
    monkeypatch.delenv("CARDSDEALT_PRESENTER", raising=False)


@pytest.fixture(autouse=True)
def _usual_text():
    """The reading font and text size are global to the window (a settings change applies
    them everywhere at once): every test starts and ends with the usual ones."""
    from cardsdealt.render import text

    text.configure()
    yield
    text.configure()

import os

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")


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

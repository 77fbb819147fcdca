import pytest

from cardsdealt.session import SessionStore


@pytest.fixture
def store(tmp_path, monkeypatch):
    """A store in a temporary folder (CARDSDEALT_DATA_DIR points there too)."""
    monkeypatch.setenv("CARDSDEALT_DATA_DIR", str(tmp_path / "data"))
    return SessionStore()

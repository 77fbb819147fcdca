"""Property: whatever bytes or JSON end up in one session file or in the deck cache, the
commands never end in a traceback, and the other sessions are listed and open as before."""

from __future__ import annotations

import io
import json
import shutil
from argparse import Namespace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cardsdealt.paths import DECKS
from cardsdealt.session import SessionStore, deckcache
from cardsdealt.session.commands import run_export, run_sessions
from cardsdealt.session.savefile import MAIN, _checksum
from cardsdealt.ui.terminal.keeping import run_text

from .fakes import FakeDeck, FakeGame

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                 max_size=4),
    max_leaves=20)
SESSIONISH = st.fixed_dictionaries(
    {"format": st.just("cardsdealt-session"), "version": st.just(1)},
    optional={"id": JSON, "seq": JSON, "meta": JSON, "progress": JSON, "game": JSON,
              "draft": JSON, "notes": JSON, "record": JSON})


def _as_save(doc: dict) -> bytes:
    body = dict(doc)
    body["checksum"] = _checksum(body)  # as if damaged then "repaired" with a new checksum
    return json.dumps(body).encode("utf-8")


CONTENT = st.binary(max_size=300) | JSON.map(lambda j: json.dumps(j).encode()) | \
    SESSIONISH.map(_as_save)


def _args(**kw) -> Namespace:
    base = dict(no_save=False, autoplay=False, json=False, mode=None, seed=None,
                players=None, deck=None)
    return Namespace(**{**base, **kw})


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=CONTENT)
def test_damage_in_one_file_never_reaches_the_others(tmp_path_factory, monkeypatch, content):
    tmp = tmp_path_factory.mktemp("p")
    monkeypatch.setenv("CARDSDEALT_DATA_DIR", str(tmp / "data"))
    monkeypatch.setenv("CARDSDEALT_CACHE_DIR", str(tmp / "cache"))
    store = SessionStore()
    good = store.start(FakeDeck(), FakeGame(3))
    good.close()
    bad = store.root / "2020-01-01-000000-bad"
    bad.mkdir()
    (bad / MAIN).write_bytes(content)
    deck = tmp / "deck"
    shutil.copytree(DECKS / "kais-journey", deck)
    deckcache.load(deck)
    key = deckcache.fingerprint(deck)
    deckcache._file_for(key[1]).write_bytes(content)

    out = io.StringIO()
    assert run_sessions(Namespace(action="list", session=None), out) == 0
    assert good.id in out.getvalue() and bad.name in out.getvalue()
    assert run_export(Namespace(session=bad.name, output=str(tmp / "out")), io.StringIO()) \
        in (0, 1)
    assert run_text(_args(resume=bad.name), lambda a: None, io.StringIO("q\n"),
                    io.StringIO(), io.StringIO()) in (0, 1)
    loaded = deckcache.load(deck)
    assert loaded.id == "kais-journey"
    again, doc, messages = SessionStore().open(good.id)
    assert doc["progress"]["turn"] == 3 and messages == []
    again.close()

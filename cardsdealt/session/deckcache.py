"""Decks as they were last loaded, so that starting the game does not parse YAML it has
already parsed (three shipped decks take ~25 ms to parse and check, ~3 ms from here).

Only the front ends' deck list uses this; `cardsdealt check`, `--watch` and the authoring
tools always read the files, because authors want every problem and warning each time.

When is a cached deck used? Only when nothing it came from has changed. The key covers:
- every file and folder under the deck folder: its name, size, inode, and modification and
  change times in nanoseconds (pictures too, since the loader checks them);
- the code that reads decks: the cardsdealt version and the size and modification time of
  every module of `cardsdealt.deck`, so an edited loader never meets an old cache;
- the Python version and the pickle protocol.
Anything else, a cache file cut short or written by another version included, means the deck
is loaded from its files as usual and the cache file is replaced. Only decks that load
without errors are kept. Writing may fail (a read-only home, a full disk): nothing is lost,
the next launch parses again.

Where: $CARDSDEALT_CACHE_DIR, else `cache/` in $CARDSDEALT_DATA_DIR when that is set (tests
set it), else the per-user cache folder (platformdirs). One file per deck folder, named by a
checksum of its full path. Folders are 0700 and files 0600: the files are pickles, which only
this user can write, as with the Python code this user runs. Conditions are not pickled as
code: each is kept as the text the author wrote and compiled again on loading.
"""

from __future__ import annotations

import io
import os
import pickle
import sys
import tempfile
import zlib
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType

from cardsdealt.deck.model import Condition, Deck

VERSION = 1  # of this file's layout
MAX_FILES = 20_000  # a folder with more files than this is not worth fingerprinting


def cache_dir() -> Path:
    explicit = os.environ.get("CARDSDEALT_CACHE_DIR")
    if explicit:
        return Path(explicit).expanduser()
    data = os.environ.get("CARDSDEALT_DATA_DIR")
    if data:
        return Path(data).expanduser() / "cache"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("cardsdealt", appauthor=False))


def load(path: str | Path) -> Deck:
    """The deck in folder `path`, from the cache when its files have not changed, else from
    its files (then kept for next time). Raises what `cardsdealt.deck.load_deck` raises."""
    root = Path(path)
    try:
        key = fingerprint(root)
    except OSError:
        key = None
    file = _file_for(key[1]) if key is not None else None
    if file is not None:
        deck = _read(file, key)
        if deck is not None:
            return deck if deck.root == str(root) else replace(deck, root=str(root))
    from cardsdealt.deck import load_deck

    deck = load_deck(root)
    if file is not None and key == _safe_fingerprint(root):  # not edited while loading
        _write(file, key, deck)
    return deck


def fingerprint(root: Path) -> tuple:
    """What a cached copy of the deck in `root` depends on (OSError if it cannot be read)."""
    real = root.resolve(strict=True)
    files: list[tuple] = []
    stack = [real]
    seen: set[str] = set()
    while stack:
        folder = stack.pop()
        if str(folder) in seen:
            continue
        seen.add(str(folder))
        with os.scandir(folder) as it:
            for entry in it:
                st = entry.stat()  # follows links: a changed target changes the key
                files.append((os.path.relpath(entry.path, real), st.st_mode, st.st_size,
                              st.st_ino, st.st_mtime_ns, st.st_ctime_ns))
                if entry.is_dir():
                    stack.append(Path(os.path.realpath(entry.path)))
                if len(files) > MAX_FILES:
                    raise OSError("too many files to fingerprint")
    files.sort()
    return (VERSION, str(real), _code_key(), tuple(files))


def _safe_fingerprint(root: Path):
    try:
        return fingerprint(root)
    except OSError:
        return None


_code: tuple | None = None


def _code_key() -> tuple:
    global _code
    if _code is None:
        from cardsdealt import __version__
        from cardsdealt.deck import model

        here = Path(model.__file__).parent
        parts = []
        for name in sorted(os.listdir(here)):
            if name.endswith(".py"):
                st = os.stat(here / name)
                parts.append((name, st.st_size, st.st_mtime_ns))
        _code = (__version__, sys.version_info[:2], pickle.HIGHEST_PROTOCOL, tuple(parts))
    return _code


def _file_for(real: str) -> Path:
    """The cache file of the deck folder whose full path is `real` (as in its key): the
    folder's name to read, a checksum of the full path to tell folders apart (two paths with
    the same checksum only take turns: the full path is part of the key)."""
    code = zlib.crc32(real.encode("utf-8", "surrogateescape"))
    slug = "".join(c if c.isalnum() or c in "-_" else "_" for c in Path(real).name)[:40]
    return cache_dir() / "decks" / f"{slug or 'deck'}-{code:08x}.pickle"


# -- the file ---------------------------------------------------------------------------------

class _Pickler(pickle.Pickler):
    def persistent_id(self, obj):
        if type(obj) is Condition:
            return obj.source
        return None

    def reducer_override(self, obj):
        if type(obj) is MappingProxyType:
            return _proxy, (dict(obj),)
        return NotImplemented


def _proxy(d: dict) -> MappingProxyType:
    return MappingProxyType(d)


class _Head(pickle.Unpickler):
    """The key and the deck's names: plain tuples, strings and numbers only."""

    def find_class(self, module: str, name: str):
        raise pickle.UnpicklingError(f"{module}.{name} in a cache file's head")


class _Unpickler(pickle.Unpickler):
    def __init__(self, f, names: tuple) -> None:
        super().__init__(f)
        self.stats, self.flags, self.stages = names

    def persistent_load(self, source):
        from cardsdealt.deck.conditions import compile_condition

        return compile_condition(source, stats=self.stats, flags=self.flags,
                                 stages=self.stages)

    def find_class(self, module: str, name: str):
        # only what a deck is made of: anything else means the file is not ours
        if module in ("cardsdealt.deck.model", __name__) or (module, name) == ("builtins",
                                                                              "frozenset"):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not part of a deck")


def _read(file: Path, key: tuple) -> Deck | None:
    try:
        data = file.read_bytes()
    except OSError:
        return None
    try:
        f = io.BytesIO(data)
        head = _Head(f).load()
        if not (isinstance(head, tuple) and len(head) == 2 and head[0] == key):
            return None
        deck = _Unpickler(f, head[1]).load()
    except Exception:  # noqa: BLE001 - a damaged or foreign cache file is simply not used
        return None
    return deck if isinstance(deck, Deck) else None


def _write(file: Path, key: tuple, deck: Deck) -> None:
    names = (tuple(s.id for s in deck.stats), tuple(deck.flags),
             tuple(s.id for s in deck.stages))
    buf = io.BytesIO()
    pickle.dump((key, names), buf, protocol=pickle.HIGHEST_PROTOCOL)
    try:
        _Pickler(buf, protocol=pickle.HIGHEST_PROTOCOL).dump(deck)
    except (pickle.PicklingError, TypeError, AttributeError):
        return  # something in the deck cannot be kept: it is simply parsed next time
    tmp = None
    try:
        file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(dir=file.parent, prefix=".deck-", suffix=".tmp")
        with os.fdopen(fd, "wb") as out:
            out.write(buf.getvalue())
        os.replace(tmp, file)
        tmp = None
    except OSError:
        pass  # a cache that cannot be written costs a parse next time, nothing more
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass

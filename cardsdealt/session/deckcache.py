"""Decks as they were last loaded, so that starting the game does not parse YAML it has
already parsed (three shipped decks take ~25 ms to parse and check, ~3 ms from here).

Only the front ends' deck list uses this; `cardsdealt check`, `--watch` and the authoring
tools always read the files, because authors want every problem and warning each time.

When is a cached deck used? Only when nothing it came from has changed. The key covers:
- every file and folder under the deck folder: its name, size, inode, and modification and
  change times in nanoseconds (pictures too, since the loader checks them);
- the code that reads decks: the cardsdealt version and the size and modification time of
  every module of `cardsdealt.deck`, so an edited loader never meets an old cache;
- the Python version and this file's layout version.
Anything else, a cache file cut short or written by another version included, means the deck
is loaded from its files as usual and the cache file is replaced. Only decks that load
without errors are kept. Writing may fail (a read-only home, a full disk): nothing is lost,
the next launch parses again.

Where: $CARDSDEALT_CACHE_DIR, else `cache/` in $CARDSDEALT_DATA_DIR when that is set (tests
set it), else the per-user cache folder (platformdirs). One file per deck folder, named by a
checksum of its full path. Folders are 0700 and files 0600.

The files are plain JSON data, never code (an earlier layout used pickle, which can be made to
run a command: a cache file is derived data and must never be able to). Reading one rebuilds
the deck from a fixed list of the model's own classes, checking every value's type against
the model; conditions are kept as the text the author wrote and compiled again; then the
deck's cross-references are checked again (`_sound`), so a cache file that was edited, or
written for a deck that never passed the checker, is not used: the deck is read from its
files instead. Reading is bounded (size cap, regular files only).
"""

from __future__ import annotations

import collections.abc
import dataclasses
import json
import os
import stat
import sys
import tempfile
import types
import typing
import zlib
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from cardsdealt.deck import model
from cardsdealt.deck.model import MODES, Condition, Deck

VERSION = 2  # of this file's layout (1: pickle, no longer read)
MAX_BYTES = 64 * 1024 * 1024
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
    if file is not None and key is not None:
        deck = _read(file, key)
        if deck is not None:
            return deck if deck.root == str(root) else replace(deck, root=str(root))
    from cardsdealt.deck import load_deck

    deck = load_deck(root)
    if file is not None and key is not None and key == _safe_fingerprint(root):  # unedited
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
        _code = (__version__, sys.version_info[:2], tuple(parts))
    return _code


def _file_for(real: str) -> Path:
    """The cache file of the deck folder whose full path is `real` (as in its key): the
    folder's name to read, a checksum of the full path to tell folders apart (two paths with
    the same checksum only take turns: the full path is part of the key)."""
    code = zlib.crc32(real.encode("utf-8", "surrogateescape"))
    slug = "".join(c if c.isalnum() or c in "-_" else "_" for c in Path(real).name)[:40]
    return cache_dir() / "decks" / f"{slug or 'deck'}-{code:08x}.json"


# -- the file ---------------------------------------------------------------------------------

class _Bad(Exception):
    """The cache file is not a deck this code wrote: it is not used."""


_CLASSES = {c.__name__: c for c in (model.Source, model.Stat, model.Stage, model.Choice,
                                    model.Card, model.Reflection, model.Ending, model.Support,
                                    model.ClassicRules, Deck)}


def _enc(obj: Any) -> Any:
    if isinstance(obj, Condition):
        return {"$": "Condition", "source": obj.source}
    if dataclasses.is_dataclass(obj) and type(obj).__name__ in _CLASSES:
        out = {"$": type(obj).__name__}
        for f in dataclasses.fields(obj):
            out[f.name] = _enc(getattr(obj, f.name))
        return out
    if isinstance(obj, (MappingProxyType, dict)):
        return {"$": "map", "items": {str(k): _enc(v) for k, v in obj.items()}}
    if isinstance(obj, (tuple, list)):
        return [_enc(x) for x in obj]
    if isinstance(obj, frozenset):
        return {"$": "set", "items": sorted(_enc(x) for x in obj)}
    if obj is None or isinstance(obj, (str, int, float, bool)):
        return obj
    raise TypeError(f"{type(obj).__name__} is not part of a deck")


class _Decoder:
    """Rebuilds a Deck from `_enc` output, checking each value against the model's types.
    A reader function is made once per type (typing introspection is slow)."""

    _fields: dict[str, list[tuple[str, Any]]] = {}

    def __init__(self, names: tuple) -> None:
        self.stats, self.flags, self.stages = names
        self._made: dict[Any, Any] = {}

    def reader(self, want: Any) -> Any:
        made = self._made.get(want)
        if made is None:
            made = self._made[want] = self._make(want)
        return made

    def _make(self, want: Any) -> Any:  # noqa: C901 - one branch per kind of model field
        origin, args = typing.get_origin(want), typing.get_args(want)
        if origin in (typing.Union, types.UnionType):
            inner = self.reader(next(a for a in args if a is not type(None)))
            return lambda node: None if node is None else inner(node)
        if want is Condition:
            return self.condition
        if isinstance(want, type) and want.__name__ in _CLASSES:
            return lambda node, n=want.__name__: self.instance(node, n)
        if origin is tuple:
            item = self.reader(args[0])

            def seq(node: Any) -> tuple:
                if not isinstance(node, list):
                    raise _Bad("a list was expected")
                return tuple(item(x) for x in node)
            return seq
        if origin is frozenset:
            member = self.reader(args[0])

            def aset(node: Any) -> frozenset:
                if not (isinstance(node, dict) and node.get("$") == "set"
                        and isinstance(node.get("items"), list)):
                    raise _Bad("a set was expected")
                return frozenset(member(x) for x in node["items"])
            return aset
        if origin in (collections.abc.Mapping, dict):
            kind = self.reader(args[1] if args else str)

            def amap(node: Any) -> MappingProxyType:
                if not (isinstance(node, dict) and node.get("$") == "map"
                        and isinstance(node.get("items"), dict)):
                    raise _Bad("a mapping was expected")
                return MappingProxyType({k: kind(v) for k, v in node["items"].items()})
            return amap
        if want is float:
            def num(node: Any) -> float:
                if isinstance(node, bool) or not isinstance(node, (int, float)):
                    raise _Bad("a number was expected")
                return float(node)
            return num
        if want in (str, int, bool):
            def plain(node: Any) -> Any:
                if type(node) is not want:
                    raise _Bad(f"{want.__name__} was expected")
                return node
            return plain
        raise _Bad(f"{want!r} cannot be read from a cache")

    def instance(self, node: Any, name: str) -> Any:
        if not (isinstance(node, dict) and node.get("$") == name):
            raise _Bad(f"{name} was expected")
        fields = _Decoder._fields.get(name)
        if fields is None:
            hints = typing.get_type_hints(_CLASSES[name])
            fields = _Decoder._fields[name] = [(f.name, hints[f.name]) for f in
                                               dataclasses.fields(_CLASSES[name])]
        kw = {}
        for field, want in fields:
            if field not in node:
                raise _Bad(f"{name}.{field} is missing")
            kw[field] = self.reader(want)(node[field])
        return _CLASSES[name](**kw)

    def condition(self, node: Any) -> Condition:
        from cardsdealt.deck.conditions import ConditionError, compile_condition

        if not (isinstance(node, dict) and node.get("$") == "Condition"
                and isinstance(node.get("source"), str)):
            raise _Bad("a condition was expected")
        try:
            return compile_condition(node["source"], stats=self.stats, flags=self.flags,
                                     stages=self.stages)
        except (ConditionError, RecursionError, ValueError) as e:
            raise _Bad("a condition does not compile") from e


def _sound(deck: Deck) -> bool:
    """The cross-references the checker guarantees and the engine relies on."""
    ids = [c.id for c in deck.cards]
    cards, stats = set(ids), {s.id: s for s in deck.stats}
    stages, flags = {s.id for s in deck.stages}, set(deck.flags)
    if len(cards) != len(ids) or len(stats) != len(deck.stats) or not deck.modes or \
            not set(deck.modes) <= set(MODES) or deck.discussion_seconds <= 0:
        return False
    if any(not s.min <= s.start <= s.max for s in deck.stats):
        return False
    for card in deck.cards:
        if card.stage is not None and card.stage not in stages:
            return False
        if card.image is not None and (card.image.startswith(("/", "\\")) or
                                       ".." in card.image.replace("\\", "/").split("/")):
            return False
        for choice in card.choices:
            if (choice.next is not None and choice.next not in cards) or \
                    not set(choice.effects) <= set(stats) or \
                    not set(choice.set_flags) | set(choice.clear_flags) <= flags:
                return False
    if "journey" in deck.modes and (not deck.stages or not deck.endings):
        return False
    rules = deck.classic
    if "classic" in deck.modes and (rules is None or not
                                    2 <= rules.players_min <= rules.players_max or
                                    rules.hand_size < 1):
        return False
    return True


def _read(file: Path, key: tuple) -> Deck | None:
    try:
        data = _read_bounded(file)
        doc = json.loads(data.decode("utf-8"))
        if not (isinstance(doc, dict) and doc.get("version") == VERSION
                and _tuples(doc.get("key")) == key and isinstance(doc.get("names"), list)
                and len(doc["names"]) == 3):
            return None
        names = tuple(tuple(x) for x in doc["names"])
        if not all(isinstance(n, str) for part in names for n in part):
            return None
        deck = _Decoder(names).instance(doc.get("deck"), "Deck")
    except (OSError, ValueError, _Bad, TypeError, RecursionError, StopIteration):
        return None  # a damaged, foreign or edited cache file is simply not used
    return deck if _sound(deck) else None


def _tuples(x: Any) -> Any:
    return tuple(_tuples(i) for i in x) if isinstance(x, list) else x


def _read_bounded(file: Path) -> bytes:
    fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_BYTES:
            raise ValueError("not a cache file")
        with os.fdopen(os.dup(fd), "rb") as f:
            return f.read(MAX_BYTES + 1)
    finally:
        os.close(fd)


def _write(file: Path, key: tuple, deck: Deck) -> None:
    names = [[s.id for s in deck.stats], list(deck.flags), [s.id for s in deck.stages]]
    try:
        text = json.dumps({"version": VERSION, "key": key, "names": names,
                           "deck": _enc(deck)}, ensure_ascii=False, separators=(",", ":"),
                          allow_nan=False)
        data = text.encode("utf-8")
    except (TypeError, ValueError, UnicodeEncodeError):
        return  # something in the deck cannot be kept: it is simply parsed next time
    tmp = None
    try:
        _private(file.parent)
        fd, tmp = tempfile.mkstemp(dir=file.parent, prefix=".deck-", suffix=".tmp")
        with os.fdopen(fd, "wb") as out:
            out.write(data)
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


def _private(folder: Path) -> None:
    """Make `folder` and the cache folder above it, readable by this user only (0700)."""
    top = cache_dir()
    for path in (top, folder):
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        if os.name == "posix" and os.stat(path).st_mode & 0o077:
            os.chmod(path, 0o700)
    _clean_temps(folder)


def _clean_temps(folder: Path) -> None:
    """Remove temporary files of a write that was killed (older than a minute)."""
    import time

    try:
        for entry in os.scandir(folder):
            if entry.name.startswith(".deck-") and entry.name.endswith(".tmp") and \
                    time.time() - entry.stat().st_mtime > 60:
                os.unlink(entry.path)
    except OSError:
        pass

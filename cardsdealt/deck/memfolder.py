"""A deck folder held in memory: `{relative path: bytes}` read through the few `pathlib`
methods the loader uses, so the studio can check and play the deck it is editing without
writing it anywhere first (`loader.check_files`). Read-only; pure: no I/O at all."""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Iterator, Mapping, NamedTuple


class _Stat(NamedTuple):
    st_size: int


class MemoryPath:
    """A path inside an in-memory folder. Never touches the disk (`open()` refuses it: it has
    no `__fspath__`); `images` reads its bytes through `read_bytes`."""

    in_memory = True  # images.inside: no links to follow in memory

    def __init__(self, files: Mapping[str, bytes], rel: str = "", label: str = "<in memory>"):
        self._files = files
        self.rel = rel.strip("/")
        self.label = label

    def _at(self, rel: str) -> MemoryPath:
        return MemoryPath(self._files, rel, self.label)

    def __truediv__(self, other: str) -> MemoryPath:
        return self.joinpath(other)

    def joinpath(self, *parts: str) -> MemoryPath:
        bits = [self.rel] if self.rel else []
        for p in parts:
            bits += [b for b in str(p).split("/") if b and b != "."]
        return self._at("/".join(bits))

    @property
    def name(self) -> str:
        return PurePosixPath(self.rel).name

    @property
    def suffix(self) -> str:
        return PurePosixPath(self.rel).suffix

    @property
    def parent(self) -> MemoryPath:
        parent = str(PurePosixPath(self.rel).parent)
        return self._at("" if parent == "." else parent)

    def is_file(self) -> bool:
        return self.rel in self._files

    def is_dir(self) -> bool:
        if not self.rel:
            return True
        prefix = self.rel + "/"
        return any(k.startswith(prefix) for k in self._files)

    def exists(self) -> bool:
        return self.is_file() or self.is_dir()

    def stat(self) -> _Stat:
        if self.rel not in self._files:
            raise FileNotFoundError(2, "No such file or directory", str(self))
        return _Stat(len(self._files[self.rel]))

    def read_bytes(self) -> bytes:
        try:
            return bytes(self._files[self.rel])
        except KeyError:
            raise FileNotFoundError(2, "No such file or directory", str(self)) from None

    def rglob(self, pattern: str) -> Iterator[MemoryPath]:
        """Every file below this folder (the loader only asks for "*")."""
        prefix = self.rel + "/" if self.rel else ""
        for k in self._files:
            if k.startswith(prefix):
                yield self._at(k)

    def iterdir(self) -> Iterator[MemoryPath]:
        prefix = self.rel + "/" if self.rel else ""
        seen = set()
        for k in self._files:
            if k.startswith(prefix):
                first = k[len(prefix):].split("/", 1)[0]
                if first not in seen:
                    seen.add(first)
                    yield self._at(prefix + first)

    def relative_to(self, other: MemoryPath) -> PurePosixPath:
        return PurePosixPath(self.rel).relative_to(other.rel or ".") if other.rel \
            else PurePosixPath(self.rel)

    def as_posix(self) -> str:
        return self.rel

    def _key(self) -> tuple[str, ...]:
        return PurePosixPath(self.rel).parts

    def __lt__(self, other: MemoryPath) -> bool:
        return self._key() < other._key()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, MemoryPath) and other.rel == self.rel \
            and other._files is self._files

    def __hash__(self) -> int:
        return hash(self.rel)

    def __str__(self) -> str:
        return f"{self.label}/{self.rel}" if self.rel else self.label

    __repr__ = __str__

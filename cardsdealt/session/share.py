"""Sharing a deck as one `.zip` file, and opening one safely.

`pack(folder, out_zip)` puts a deck folder's deck files (YAML, Markdown, text, PNG and JPEG
pictures) in one zip, under one folder named after the deck.

`unpack(zip_path, into)` installs a shared deck into the person's decks folder, or raises
`ShareRefused` with one plain message and writes nothing at all. A zip comes from anyone, so
before a byte is written every entry is checked: no path that leaves the folder (`..`, a full
path, a drive letter), no links, no more than `MAX_FILES` entries, only deck file types, and
sizes within limits. Then the files are copied into a hidden temporary folder inside `into`,
counting the bytes as they come out (a zip's own size fields are never trusted, so a bomb is
stopped after at most `MAX_FILE_BYTES`), each picture is read as `cardsdealt check` reads
it, the deck is checked, and only then is the folder renamed into place in one step: a deck
is installed whole or not at all. A deck whose name is taken installs as "Title (2)".
"""

from __future__ import annotations

import os
import shutil
import stat
import struct
import tempfile
import zipfile
from pathlib import Path, PurePosixPath

from cardsdealt.session.decks import deck_words, new_deck_folder, user_decks_dir
from cardsdealt.session.files import sync_dir

TEXT_TYPES = (".yaml", ".yml", ".md", ".txt")
PICTURE_TYPES = (".png", ".jpg", ".jpeg")
DECK_TYPES = TEXT_TYPES + PICTURE_TYPES
MAX_FILES = 5_000  # a 2,000-card deck with a picture each, and room to spare
MAX_FILE_BYTES = 20 * 1024 * 1024  # the biggest picture `check` accepts
MAX_TOTAL_BYTES = 300 * 1024 * 1024  # unpacked, the whole deck
MAX_ZIP_BYTES = 300 * 1024 * 1024  # the zip file itself
MAX_RATIO = 100  # unpacked / packed, for entries over RATIO_FROM bytes
RATIO_FROM = 1024 * 1024
CHUNK = 1024 * 1024
TEMP_PREFIX = ".unpacking-"

NOTHING = "Nothing was installed."


class ShareRefused(Exception):
    """A zip that is not installed, and why, in one plain message."""


# ---- pack --------------------------------------------------------------------------------

def deck_members(folder: Path) -> list[tuple[str, Path]]:
    """(path inside the deck, file) for every deck file of `folder`; hidden files, links and
    other file types are left out."""
    out = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".")
                             and not os.path.islink(os.path.join(dirpath, d)))
        for name in sorted(filenames):
            full = os.path.join(dirpath, name)
            if name.startswith(".") or os.path.islink(full) \
                    or not name.lower().endswith(DECK_TYPES):
                continue
            out.append((os.path.relpath(full, folder).replace(os.sep, "/"), Path(full)))
    return out


def pack(folder: str | Path, out_zip: str | Path) -> Path:
    """One zip holding the deck in `folder`, written atomically to `out_zip`. Raises
    ShareRefused when `folder` is not a deck or the zip cannot be written."""
    folder, out_zip = Path(folder), Path(out_zip)
    if not (folder / "deck.yaml").is_file():
        raise ShareRefused(f"There is no deck in {folder} to share (it has no deck.yaml).")
    top = folder.resolve().name or "deck"
    members = deck_members(folder)
    out_zip.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".cardsdealt-" + out_zip.name + ".", suffix=".tmp",
                               dir=out_zip.parent)
    try:
        with os.fdopen(fd, "wb") as raw:
            with zipfile.ZipFile(raw, "w") as zf:
                for rel, path in members:
                    picture = rel.lower().endswith(PICTURE_TYPES)  # already compressed
                    zf.write(path, f"{top}/{rel}", zipfile.ZIP_STORED if picture
                             else zipfile.ZIP_DEFLATED)
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(tmp, out_zip)
        tmp = ""
        sync_dir(out_zip.parent)
    except OSError as e:
        raise ShareRefused(f"The zip could not be written: {deck_words(e, out_zip.parent)}") \
            from e
    finally:
        if tmp:
            try:
                os.remove(tmp)
            except OSError:
                pass
    return out_zip


# ---- unpack ------------------------------------------------------------------------------

def _refuse(why: str) -> ShareRefused:
    """The refusal; a name from the zip never reaches a screen or terminal with a control
    character in it (they are spelt out)."""
    from cardsdealt.deck.safetext import printable

    return ShareRefused(printable(f"{why} {NOTHING}"))


def _is_link(info: zipfile.ZipInfo) -> bool:
    mode = info.external_attr >> 16
    return stat.S_ISLNK(mode) or (info.create_system == 0 and bool(info.external_attr & 0x400))


def _where(name: str) -> str | None:
    """Why an entry's name is not a safe path inside the deck, or None."""
    if "\0" in name:
        return "a file name that is not text"
    if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":") or \
            PurePosixPath(name).is_absolute():
        return "full path"
    parts = name.replace("\\", "/").split("/")
    if ".." in parts:
        return "outside"
    return None


MAX_DIRECTORY_BYTES = MAX_FILES * (46 + 512)  # each entry: 46 bytes and its name and extras


def _directory(zip_path: Path, size: int) -> tuple[int, int] | None:
    """(entries, bytes) of the zip's central directory, read from its end record before
    Python's zipfile reads every entry (100,000 entries take it most of a second), or None
    when there is no end record (then the file is not a zip)."""
    with open(zip_path, "rb") as fh:
        back = min(size, 65_557)  # the end record (22 bytes) and a comment of up to 64 KB
        fh.seek(size - back)
        tail = fh.read(back)
        at = tail.rfind(b"PK\x05\x06")
        if at < 0 or at + 22 > len(tail):
            return None
        entries, cd_bytes = struct.unpack_from("<HI", tail, at + 10)
        locator = tail.rfind(b"PK\x06\x07", 0, at)
        if locator >= 0 and (entries == 0xFFFF or cd_bytes == 0xFFFFFFFF):
            (offset,) = struct.unpack_from("<Q", tail, locator + 8)
            if offset + 56 <= size:
                fh.seek(offset)
                record = fh.read(56)
                if record[:4] == b"PK\x06\x06":
                    entries, cd_bytes = struct.unpack_from("<QQ", record, 32)
        return entries, cd_bytes


def _plan(zf: zipfile.ZipFile) -> tuple[list[tuple[zipfile.ZipInfo, str]], str]:
    """(entries to copy with their path inside the deck, the deck's own folder in the zip),
    after every check that needs no byte unpacked. Raises ShareRefused."""
    infos = zf.infolist()
    if len(infos) > MAX_FILES:
        raise _refuse(f"This zip holds {len(infos):,} files, and a deck never needs more than "
                      f"{MAX_FILES:,}, so it was not opened.")
    files = [info for info in infos if _entry(info)]
    total = sum(i.file_size for i in files)
    if total > MAX_TOTAL_BYTES:
        raise _refuse(f"This zip would unpack to {total // 2**20:,} MB, far more than a "
                      "deck needs, so it was not opened.")
    return _deck_part(files)


def _name(info: zipfile.ZipInfo) -> str:
    """An entry's path with `/` between folders (zips made on Windows may use `\\`)."""
    return info.filename.replace("\\", "/")


def _entry(info: zipfile.ZipInfo) -> bool:
    """Whether an entry is a deck file to copy (False: a folder, or what zip programs add by
    themselves). Raises ShareRefused for an entry no deck may hold."""
    name = info.filename
    why = _where(name)
    if why == "full path":
        raise _refuse(f"This zip names a file by a full path on the computer ({name}), "
                      "so it was not opened.")
    if why == "outside":
        raise _refuse(f"This zip tries to put a file outside its own folder ({name}), "
                      "so it was not opened.")
    if why is not None:
        raise _refuse(f"This zip holds {why}, so it was not opened.")
    if _is_link(info):
        raise _refuse(f"This zip holds a link ({name}) that could point anywhere on the "
                      "computer, so it was not opened.")
    if info.is_dir():
        return False
    base = PurePosixPath(_name(info)).name
    if base.startswith(".") or base in ("Thumbs.db", "desktop.ini") \
            or "__MACOSX" in _name(info).split("/"):
        return False  # what zip programs add by themselves: left out
    if not base.lower().endswith(DECK_TYPES):
        raise _refuse(f"This zip holds {name}, which is not a deck file: a shared deck "
                      "holds only deck text (.yaml, .md, .txt) and PNG or JPEG pictures.")
    if info.file_size > MAX_FILE_BYTES:
        raise _refuse(f"This zip holds {name}, which unpacks to "
                      f"{info.file_size // 2**20:,} MB: far more than any deck file needs.")
    return True


def _deck_part(files: list[zipfile.ZipInfo]) -> tuple[list[tuple[zipfile.ZipInfo, str]], str]:
    """The entries of the deck (the folder holding the top-most deck.yaml), by their path
    inside the deck."""
    decks = sorted((_name(i) for i in files if PurePosixPath(_name(i)).name == "deck.yaml"),
                   key=lambda n: n.count("/"))
    if not decks:
        raise _refuse("This zip does not hold a deck (there is no deck.yaml in it).")
    top = decks[0][: -len("deck.yaml")]
    out, seen = [], set()
    for info in files:
        if not _name(info).startswith(top):
            continue  # not part of the deck (a second copy, notes beside it): left out
        rel = _name(info)[len(top):]
        if rel.lower() in seen:
            raise _refuse(f"This zip holds two files called {rel}, so it was not opened.")
        seen.add(rel.lower())
        out.append((info, rel))
    return out, top


def _copy(zf: zipfile.ZipFile, info: zipfile.ZipInfo, dest: Path, budget: list[int]) -> None:
    """Copy one entry, counting the bytes that really come out."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    with zf.open(info) as src, open(dest, "xb") as out:
        while True:
            chunk = src.read(CHUNK)
            if not chunk:
                break
            written += len(chunk)
            budget[0] -= len(chunk)
            if written > MAX_FILE_BYTES or budget[0] < 0 or (
                    written > RATIO_FROM and written > MAX_RATIO * max(info.compress_size, 1)):
                raise _refuse(f"This zip is built to unpack to far more than it holds "
                              f"({info.filename} alone grows past "
                              f"{written // 2**20:,} MB), so it was not opened.")
            out.write(chunk)


def _check_file(path: Path, rel: str) -> None:
    from cardsdealt.deck.images import PictureError, readable_picture

    if rel.lower().endswith(PICTURE_TYPES):
        try:
            readable_picture(path)
        except PictureError as e:
            raise _refuse(f"The picture {rel} is not a picture this game can show: {e}.") \
                from None
        return
    data = path.read_bytes()
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _refuse(_not_text(rel)) from None
    if b"\0" in data:
        raise _refuse(_not_text(rel))


def _not_text(rel: str) -> str:
    return (f"{rel} is not a text file, though its name says it is (it may be a program "
            "that was renamed).")


def _title(folder: Path) -> str:
    from cardsdealt.deck.loader import check_deck

    deck, problems = check_deck(folder)
    if deck is None:
        first = next((p for p in problems if p.severity == "error"), None)
        where = f"{first.file} line {first.line}: " if first and first.line else ""
        what = first.message if first else "it could not be read"
        raise _refuse(f"The deck in this zip has a mistake ({where}{what}). Ask the people "
                      "who shared it to run `cardsdealt check` and share it again.")
    return deck.title


def unpack(zip_path: str | Path, into: str | Path | None = None) -> Path:
    """Install the deck in `zip_path` into `into` (the person's decks folder); its folder.
    Raises ShareRefused (one plain message; nothing written)."""
    zip_path = Path(zip_path)
    into = Path(into) if into is not None else user_decks_dir()
    try:
        size = zip_path.stat().st_size
    except OSError:
        raise _refuse(f"The file {zip_path} could not be found or opened.") from None
    if size > MAX_ZIP_BYTES:
        raise _refuse(f"This file is {size // 2**20:,} MB, far bigger than a shared deck.")
    try:
        directory = _directory(zip_path, size)
    except OSError:
        directory = None
    if directory is None:
        raise _refuse("This file is not a shared deck (it is not a .zip file, or it is "
                      "damaged).")
    if directory[0] > MAX_FILES or directory[1] > MAX_DIRECTORY_BYTES:
        raise _refuse(f"This zip holds {directory[0]:,} files, and a deck never needs more "
                      f"than {MAX_FILES:,}, so it was not opened.")
    try:
        zf = zipfile.ZipFile(zip_path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise _refuse("This file is not a shared deck (it is not a .zip file, or it is "
                      "damaged).") from None
    with zf:
        plan, _top = _plan(zf)
        made_into = not into.exists()
        try:
            into.mkdir(parents=True, exist_ok=True)
            work = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX, dir=into))
        except OSError as e:
            raise _refuse(deck_words(e, into)) from None
        try:
            budget = [MAX_TOTAL_BYTES]
            for info, rel in plan:
                dest = work.joinpath(*rel.split("/"))
                _copy(zf, info, dest, budget)
                _check_file(dest, rel)
            title = _title(work)
            return _install(work, into, title)
        except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError) as e:
            _remove(work, into, made_into)
            raise _refuse(f"This zip is damaged ({e}), so it was not opened.") from None
        except OSError as e:
            _remove(work, into, made_into)
            raise _refuse(deck_words(e, into)) from None
        except ShareRefused:
            _remove(work, into, made_into)
            raise


def _install(work: Path, into: Path, title: str) -> Path:
    for _ in range(100):
        final = new_deck_folder(title, into)
        try:
            os.rename(work, final)  # never over a folder already there
        except FileExistsError:
            continue
        except OSError as e:
            if final.exists():
                continue
            raise e
        sync_dir(into)
        return final
    raise _refuse("Too many decks have this name already.")


def _remove(work: Path, into: Path, made_into: bool) -> None:
    shutil.rmtree(work, ignore_errors=True)
    if made_into:
        try:
            into.rmdir()
        except OSError:
            pass


# ---- the command line (`cardsdealt pack` / `unpack`) --------------------------------------

def run_pack(folder: Path, out_zip: Path, out) -> int:
    try:
        path = pack(folder, out_zip)
    except ShareRefused as e:
        out.write(f"{e}\n")
        return 1
    out.write(f"Wrote {path}: send this one file to share the deck. It opens with "
              "`cardsdealt unpack`, or by dropping it on the cardsdealt window.\n")
    return 0


def run_unpack(zip_path: Path, out) -> int:
    try:
        path = unpack(zip_path)
    except ShareRefused as e:
        out.write(f"{e}\n")
        return 1
    out.write(f"Installed the deck in {path}. It is on the start screen with the other "
              f"decks; play it with `cardsdealt play \"{path}\"`.\n")
    return 0

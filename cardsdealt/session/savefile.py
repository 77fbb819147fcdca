"""The session save file: encoding, checking, and reading with a fallback to the backup.

A save is one JSON object. It names its format and version (so a newer cardsdealt can still
read it and an older one can say "update me" instead of guessing), and it carries a checksum
of its own content so a file that parses but was damaged on disk is still caught.

Reading never deletes anything: a damaged file is renamed aside (`session.json.damaged-...`)
and the backup (`session.json.bak`, the save before the last) is used, with a message
that says so. If nothing readable is left, SessionError says where the files are.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cardsdealt.engine.saves import SESSION, stamp, version_problem
from cardsdealt.session.files import SessionError, write_atomic
from cardsdealt.session.shape import shape_problem

FORMAT = SESSION
# Session file version history (add a line when the layout changes; keep reading older ones;
# the version keys are the ones every saved file uses: see cardsdealt/engine/saves.py):
#   1: first layout (meta, progress, game, draft, notes, record, checksum); meta may also
#      hold "interview": {"cards": [card ids], "at": index} (added later, optional: a save
#      without it still reads, and older readers pass over it)
VERSION = stamp(SESSION)["version"]
MIN_READER = stamp(SESSION)["min_reader"]

MAIN = "session.json"
BACKUP = "session.json.bak"
MAX_BYTES = 16 * 1024 * 1024  # a long session is ~100 KB; anything this big is not a save
MAX_DIGITS = 40  # the longest number a save holds is a few digits


class NewerSaveError(SessionError):
    """The save was written by a newer cardsdealt: kept untouched, not read."""


def encode(doc: dict) -> bytes:
    """The bytes to write for `doc` (a checksum is added over the rest of the content).

    Text is written as UTF-8; a string that cannot be (a file name that is not UTF-8,
    kept as Python keeps it) is written with JSON escapes instead, so it reads back the same.
    """
    body = {k: v for k, v in doc.items() if k != "checksum"}
    body["checksum"] = _checksum(body)
    text = json.dumps(body, ensure_ascii=False, indent=1, allow_nan=False)
    try:
        return (text + "\n").encode("utf-8")
    except UnicodeEncodeError:
        return (json.dumps(body, ensure_ascii=True, indent=1, allow_nan=False)
                + "\n").encode("ascii")


def _checksum(body: dict) -> str:
    # surrogatepass: a lone surrogate (see encode) is hashed too, not refused; every other
    # string hashes as its UTF-8 bytes, as since version 1
    canon = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(canon.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class Checked:
    """The result of reading one file: a document, or why not."""

    doc: dict | None
    raw: bytes | None
    problem: str | None = None  # plain words; None when doc is good
    newer: bool = False
    missing: bool = False


def _number(text: str) -> int:
    if len(text) > MAX_DIGITS:
        raise ValueError("a number in it is far too long")
    return int(text)


def _no_constant(name: str) -> Any:
    raise ValueError(f"it holds {name}, which is not a number a save can hold")


def parse(raw: bytes) -> Any:
    """Strict JSON: numbers of a sane length, no NaN or Infinity. Raises ValueError (also for
    nesting too deep to read)."""
    try:
        return json.loads(raw.decode("utf-8"), parse_int=_number, parse_constant=_no_constant)
    except RecursionError:
        raise ValueError("it is nested too deeply") from None


def check_bytes(raw: bytes) -> Checked:
    """Decide whether `raw` is a complete, undamaged save this version can read."""
    if not raw:
        return Checked(None, raw, "the file is empty (the computer probably stopped mid-save)")
    if raw.count(0) > 0:
        return Checked(None, raw, "the file is filled with blank (zero) bytes, which happens "
                                  "when a computer loses power while writing")
    try:
        doc = parse(raw)
    except UnicodeDecodeError:
        return Checked(None, raw, "the file is not readable text")
    except json.JSONDecodeError:
        return Checked(None, raw, "the file is cut short or damaged")
    except ValueError as e:
        return Checked(None, raw, f"the file is damaged ({e})")
    problem = version_problem(doc, SESSION)
    if problem is not None:
        kind, words = problem
        if kind == "foreign":
            return Checked(None, raw, "the file is not a cardsdealt session")
        if kind == "unversioned":
            return Checked(None, raw, "the file has no save version")
        return Checked(None, raw, words, newer=kind == "newer")
    body = {k: v for k, v in doc.items() if k != "checksum"}
    if doc.get("checksum") != _checksum(body):
        return Checked(None, raw, "its content does not match its checksum (damaged on disk)")
    wrong = shape_problem(doc)
    if wrong is not None:
        return Checked(None, raw, f"the file is damaged ({wrong})")
    return Checked(doc, raw)


def read_bounded(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file, at most `limit` of them. Raises OSError, or ValueError
    for what is not a plain file (a pipe, a device, a folder) or is too big. Never waits:
    a pipe is opened without blocking and refused."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise ValueError("it is not an ordinary file")
        if st.st_size > limit:
            raise ValueError(f"it is too big to be a save ({st.st_size // 1024 // 1024} MB)")
        chunks, size = [], 0
        while True:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise ValueError("it is too big to be a save")
        return b"".join(chunks)
    finally:
        os.close(fd)


def check_file(path: Path) -> Checked:
    try:
        raw = read_bounded(path)
    except FileNotFoundError:
        return Checked(None, None, "the file is missing", missing=True)
    except OSError as e:
        return Checked(None, None, f"the file could not be read ({e.strerror or e})")
    except ValueError as e:
        return Checked(None, None, f"the file cannot be a save: {e}")
    return check_bytes(raw)


def read_session(folder: Path, repair: bool = True) -> tuple[dict, bytes, list[str]]:
    """Read the session in `folder`: (document, its bytes, messages for the user).

    Falls back to the backup when the main save is damaged, moving the damaged file aside
    (`repair` False: only reads, for a read-only look or a folder that cannot be written).
    Raises NewerSaveError for a save from a newer cardsdealt, SessionError when nothing
    readable is left. Nothing is ever deleted.
    """
    main, backup = folder / MAIN, folder / BACKUP
    first = check_file(main)
    if first.doc is not None and first.raw is not None:
        return first.doc, first.raw, []
    if first.newer:
        raise NewerSaveError(
            f"This session cannot be opened here: {first.problem}. Please update cardsdealt "
            f"to carry on with it. The file is kept unchanged at {main}."
        )
    second = check_file(backup)
    if second.doc is None or second.raw is None:
        if first.missing and second.missing:
            raise SessionError(f"There is no saved session in {folder}.")
        raise SessionError(
            f"This session's save could not be read: {first.problem}; and its backup "
            f"could not be used either: {second.problem}. Nothing has been deleted: the "
            f"files are kept in {folder} (a technical helper may be able to recover them)."
        )
    messages = []
    if not repair:
        messages.append(f"The latest save could not be read ({first.problem}), so this shows "
                        "the backup, made a little earlier.")
        return second.doc, second.raw, messages
    if first.missing:
        messages.append("The latest save was missing, so the session carries on from its "
                        "backup (made a little earlier).")
    else:
        aside = move_aside(main)
        messages.append(
            f"The latest save could not be read: {first.problem}. The session carries on "
            f"from the backup, made a little earlier. The damaged file is kept at {aside}."
        )
    write_atomic(main, second.raw)  # the folder is whole again before play continues
    return second.doc, second.raw, messages


def move_aside(path: Path) -> Path:
    """Rename a damaged file to `<name>.damaged-<time>` next to it; never overwrite one."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    n = 0
    while True:
        aside = path.with_name(f"{path.name}.damaged-{stamp}" + (f"-{n}" if n else ""))
        if not aside.exists():
            break
        n += 1
    os.replace(path, aside)
    return aside

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
import time
from dataclasses import dataclass
from pathlib import Path

from cardsdealt.session.files import SessionError, write_atomic

FORMAT = "cardsdealt-session"
# Save version history (add a line when the layout changes; keep reading older ones):
#   1: first layout (meta, progress, game, draft, notes, record, checksum); meta may also
#      hold "interview": {"cards": [card ids], "at": index} (added later, optional: a save
#      without it still reads, and older readers pass over it)
VERSION = 1
MIN_READER = 1  # the oldest reader version that can read what this version writes

MAIN = "session.json"
BACKUP = "session.json.bak"


class NewerSaveError(SessionError):
    """The save was written by a newer cardsdealt: kept untouched, not read."""


def encode(doc: dict) -> bytes:
    """The bytes to write for `doc` (a checksum is added over the rest of the content)."""
    body = {k: v for k, v in doc.items() if k != "checksum"}
    body["checksum"] = _checksum(body)
    return (json.dumps(body, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _checksum(body: dict) -> str:
    canon = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(canon.encode("utf-8")).hexdigest()


@dataclass
class Checked:
    """The result of reading one file: a document, or why not."""

    doc: dict | None
    raw: bytes | None
    problem: str | None = None  # plain words; None when doc is good
    newer: bool = False
    missing: bool = False


def check_bytes(raw: bytes) -> Checked:
    """Decide whether `raw` is a complete, undamaged save this version can read."""
    if not raw:
        return Checked(None, raw, "the file is empty (the computer probably stopped mid-save)")
    if raw.count(0) > 0:
        return Checked(None, raw, "the file is filled with blank (zero) bytes, which happens "
                                  "when a computer loses power while writing")
    try:
        doc = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return Checked(None, raw, "the file is not readable text")
    except json.JSONDecodeError:
        return Checked(None, raw, "the file is cut short or damaged")
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        return Checked(None, raw, "the file is not a cardsdealt session")
    version = doc.get("version")
    if not isinstance(version, int):
        return Checked(None, raw, "the file has no save version")
    min_reader = doc.get("min_reader", version)
    if isinstance(min_reader, int) and min_reader > VERSION:
        return Checked(None, raw, f"it was saved by a newer version of cardsdealt (save version "
                                  f"{version}; this one reads up to {VERSION})", newer=True)
    if doc.get("checksum") != _checksum({k: v for k, v in doc.items() if k != "checksum"}):
        return Checked(None, raw, "its content does not match its checksum (damaged on disk)")
    return Checked(doc, raw)


def check_file(path: Path) -> Checked:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Checked(None, None, "the file is missing", missing=True)
    except OSError as e:
        return Checked(None, None, f"the file could not be read ({e.strerror or e})")
    return check_bytes(raw)


def read_session(folder: Path) -> tuple[dict, bytes, list[str]]:
    """Read the session in `folder`: (document, its bytes, messages for the user).

    Falls back to the backup when the main save is damaged, moving the damaged file aside.
    Raises NewerSaveError for a save from a newer cardsdealt, SessionError when nothing
    readable is left. Nothing is ever deleted.
    """
    main, backup = folder / MAIN, folder / BACKUP
    first = check_file(main)
    if first.doc is not None:
        return first.doc, first.raw, []
    if first.newer:
        raise NewerSaveError(
            f"This session cannot be opened here: {first.problem}. Please update cardsdealt "
            f"to carry on with it. The file is kept unchanged at {main}."
        )
    second = check_file(backup)
    if second.doc is None:
        if first.missing and second.missing:
            raise SessionError(f"There is no saved session in {folder}.")
        raise SessionError(
            f"This session's save could not be read: {first.problem}; and its backup "
            f"could not be used either: {second.problem}. Nothing has been deleted: the "
            f"files are kept in {folder} (a technical helper may be able to recover them)."
        )
    messages = []
    if first.missing:
        messages.append("The latest save was missing, so the session carries on from its "
                        "backup (the step before).")
    else:
        aside = move_aside(main)
        messages.append(
            f"The latest save could not be read: {first.problem}. The session carries on "
            f"from the backup, made one step earlier. The damaged file is kept at {aside}."
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

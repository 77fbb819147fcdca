"""The state under `StudioDeck`: the documents being edited, where the cards are in them,
and the undo history across the whole sitting.

Every edit calls `_step(files it changes, what is being typed)` before it changes anything:
the step keeps those documents as they were, so `undo()` puts them back. Typing in one field
(the same `typing` key, one call after another) is one step, until something else is edited
or `end_typing()` is called. Pure: no pygame, no files."""

from __future__ import annotations

import copy
import threading
from dataclasses import dataclass
from typing import Any, Iterator

from ruamel.yaml.comments import Comment, CommentedMap, CommentedSeq, Format

from cardsdealt.authoring.studio.values import StudioError
from cardsdealt.authoring.studio.yamlio import PartWriter
from cardsdealt.deck.model import Deck
from cardsdealt.deck.problems import Problem

CARD_FOLDER = "cards"


def _copy_layout(src: Any, dst: Any) -> None:
    """A map's or list's comments and layout, for `snapshot`: the comment lists are new (an
    edit adds and removes them), the comment tokens and line marks shared (nothing edits
    them)."""
    ca = getattr(src, Comment.attrib, None)
    if ca is not None:
        new = copy.copy(ca)
        new._items = {k: list(v) if isinstance(v, list) else v for k, v in ca._items.items()}
        new.comment = list(ca.comment) if isinstance(ca.comment, list) else ca.comment
        new._pre = list(ca._pre) if isinstance(ca._pre, list) else ca._pre
        new._post = list(ca._post)
        setattr(dst, Comment.attrib, new)
    fa = getattr(src, Format.attrib, None)
    if fa is not None:
        setattr(dst, Format.attrib, copy.copy(fa))
    for a in ("_yaml_line_col", "_yaml_anchor", "_yaml_tag", "_yaml_merge"):
        if hasattr(src, a):
            setattr(dst, a, getattr(src, a))


def snapshot(node: Any) -> Any:
    """A copy of a document for undo that an edit of the document never changes: its maps
    and lists are new, its words and numbers (which nothing changes in place) shared. A
    card file's `copy.deepcopy` took 30-70 ms, a frame or four at the first letter typed in
    a field; this takes about 1 ms."""
    if isinstance(node, CommentedMap):
        new: Any = CommentedMap()
        for k in node:
            new[k] = snapshot(node[k])
    elif isinstance(node, CommentedSeq):
        new = CommentedSeq(snapshot(x) for x in node)
    elif isinstance(node, (dict, list)):
        return copy.deepcopy(node)
    else:
        return node
    _copy_layout(node, new)
    return new


@dataclass
class _Step:
    docs: dict[str, Any]  # rel -> the document before the step (None: the file did not exist)
    blobs: dict[str, bytes]  # every picture and other file before the step


class Sitting:
    """Documents, pictures and the undo history (`StudioDeck` is made of this)."""

    def __init__(self, docs: dict[str, Any], blobs: dict[str, bytes],
                 texts: dict[str, bytes] | None = None):
        self._docs = docs  # rel -> ruamel document (deck.yaml and every card file)
        self._blobs = blobs  # rel -> bytes (pictures, README.md, anything else)
        self._texts: dict[str, bytes] = dict(texts or {})  # rel -> bytes of unchanged docs
        # rel -> (the file as written, ruamel's writing of it as read): see patch_text.
        # Made when a file is first changed (reading it again): opening a deck stays quick.
        self._originals: dict[str, bytes] = dict(self._texts)
        self._writers: dict[str, PartWriter] = {}  # rel -> writes only the parts that changed
        self._written: dict[str, tuple[str, str] | None] = {}
        # made on another thread when a deck is opened (output.Output._warm_up)
        self._ready: dict[str, tuple[PartWriter, tuple[str, str] | None]] = {}
        self._warmed = threading.Event()
        self._warmed.set()  # (nothing to do until a deck read from files starts it)
        self._saved: dict[str, bytes] = {}
        self._undo: list[_Step] = []
        self._redo: list[_Step] = []
        self._typing: tuple | None = None
        self._loaded: tuple[Any, Deck | None, list[Problem]] | None = None
        self._last_good: Deck | None = None
        self._revision = 0

    # ---- where cards are ----

    def _card_folder(self) -> str | None:
        folder = self._docs["deck.yaml"].get("cards")
        return folder.strip("/") + "/" if isinstance(folder, str) else None

    def _card_seqs(self) -> Iterator[tuple[str, Any]]:
        """(file, list of cards) in the order the loader reads them."""
        deck = self._docs["deck.yaml"]
        if isinstance(deck.get("cards"), list):
            yield "deck.yaml", deck["cards"]
            return
        folder = self._card_folder() or ""
        rels = sorted((r for r in self._docs if r != "deck.yaml" and r.startswith(folder)),
                      key=lambda r: tuple(r.split("/")))
        for rel in rels:
            if isinstance(self._docs[rel], list):
                yield rel, self._docs[rel]

    def _all_cards(self) -> Iterator[tuple[str, Any, int, Any]]:
        for rel, seq in self._card_seqs():
            for i, c in enumerate(seq):
                if isinstance(c, dict):
                    yield rel, seq, i, c

    def _find(self, card_id: str) -> tuple[str, Any, int, Any]:
        for rel, seq, i, c in self._all_cards():
            if str(c.get("id", "")) == card_id:
                return rel, seq, i, c
        raise StudioError(f"There is no card called {card_id} in this deck.")

    def _card_ids(self) -> set[str]:
        return {str(c.get("id", "")) for _r, _s, _i, c in self._all_cards()}

    # ---- undo ----

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def end_typing(self) -> None:
        """The next edit starts a new undo step (call when a field loses focus)."""
        self._typing = None

    def _step(self, rels: list[str] | None, typing: tuple | None = None) -> None:
        """Keep what an edit is about to change (all documents when `rels` is None)."""
        if typing is not None and typing == self._typing:
            self._touch(rels)
            return
        self._typing = typing
        self._undo.append(self._snapshot(rels))
        self._redo.clear()
        self._touch(rels)

    def _snapshot(self, rels: list[str] | None) -> _Step:
        keep = list(self._docs) if rels is None else rels
        return _Step({r: snapshot(self._docs.get(r)) for r in keep}, dict(self._blobs))

    def _touch(self, rels: list[str] | None) -> None:
        self._revision += 1
        for r in (list(self._docs) if rels is None else rels):
            self._texts.pop(r, None)

    def _restore(self, step: _Step) -> _Step:
        back = self._snapshot(list(step.docs))
        for rel, doc in step.docs.items():
            if doc is None:
                self._docs.pop(rel, None)
            else:
                self._docs[rel] = doc
        self._blobs = dict(step.blobs)
        self._typing = None
        self._touch(list(step.docs))
        return back

    def undo(self) -> bool:
        if not self._undo:
            return False
        self._redo.append(self._restore(self._undo.pop()))
        return True

    def redo(self) -> bool:
        if not self._redo:
            return False
        self._undo.append(self._restore(self._redo.pop()))
        return True

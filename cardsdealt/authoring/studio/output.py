"""What the studio's deck gives out: the bytes of every file (written only where something
changed: `PartWriter` writes again only the changed cards and deck fields, and `patch_text`
carries them into a hand-laid-out file), what changed since the last save, the deck loaded
from those bytes in memory, a quick preview of one card as typed, and check's advice. Pure."""

from __future__ import annotations

import dataclasses
import threading
from types import MappingProxyType
from typing import Any, Callable

from cardsdealt.authoring.studio.history import Sitting
from cardsdealt.authoring.studio.textpatch import patch_text
from cardsdealt.authoring.studio.values import _s
from cardsdealt.authoring.studio.yamlio import PartWriter, dump_yaml, load_yaml
from cardsdealt.deck.model import Card, Choice, Deck, Source
from cardsdealt.deck.problems import Problem


class Output(Sitting):
    """Files, saving, loading, previews and advice."""

    def _warm_up(self) -> None:
        """The first save of a file read from disk writes it whole twice (to learn whether
        ruamel lays it out as the person did, and to learn its parts): most of a second for
        a big deck, far longer than a frame. That is done here on another thread as soon as
        the deck is opened, from the bytes read (which nothing changes), with documents of
        its own; a save adopts what is ready (`_adopt`), and does it itself if not yet."""
        originals = {rel: data for rel, data in self._originals.items()
                     if rel not in self._writers}
        if not originals:
            return
        ready = self._ready
        self._warmed.clear()

        def run() -> None:
            for rel, data in originals.items():
                try:
                    text = data.decode("utf-8-sig")
                    writer = PartWriter()
                    ours = writer.dump(load_yaml(text)).decode("utf-8")
                except Exception:  # noqa: BLE001 - the save does it itself, and says why
                    continue
                ready[rel] = (writer, (text, ours) if ours != text else None)
            self._warmed.set()

        threading.Thread(target=run, name="studio-warm-up", daemon=True).start()

    def warmed(self, timeout: float | None = None) -> bool:
        """Wait until the work `_warm_up` started is done (True), for tests and benches."""
        return self._warmed.wait(timeout)

    def _adopt(self, rel: str) -> None:
        got = self._ready.pop(rel, None)
        if got is not None and rel not in self._writers and rel not in self._written:
            self._writers[rel], self._written[rel] = got

    def _text(self, rel: str) -> bytes:
        if rel not in self._texts:
            self._adopt(rel)
            data = self._writers.setdefault(rel, PartWriter()).dump(self._docs[rel])
            written = self._layout(rel)
            if written is not None:
                original, before = written
                data = patch_text(original, before, data.decode("utf-8")).encode("utf-8")
            self._texts[rel] = data
        return self._texts[rel]

    def _layout(self, rel: str) -> tuple[str, str] | None:
        """(the file as the person wrote it, ruamel's writing of it as it was read), or None
        when the two are the same (the usual case) or the file is new."""
        if rel not in self._written:
            self._written[rel] = None
            if rel in self._originals:
                text = self._originals[rel].decode("utf-8-sig")
                ours = dump_yaml(load_yaml(text)).decode("utf-8")
                if ours != text:
                    self._written[rel] = (text, ours)
        return self._written[rel]

    def files(self) -> dict[str, bytes]:
        out = {rel: self._text(rel) for rel in self._docs}
        out.update(self._blobs)
        return out

    def changed_files(self) -> dict[str, bytes | None]:
        """What changed since `mark_saved()`: new bytes, or None for a file to delete."""
        now = self.files()
        out: dict[str, bytes | None] = {k: v for k, v in now.items() if self._saved.get(k) != v}
        out.update({k: None for k in self._saved if k not in now})
        return out

    def mark_saved(self) -> None:
        self._saved = self.files()

    def load(self, root: str = "") -> Deck | None:
        """The deck as the game plays it (None while it has errors: `problems()` says which).
        `root` is the folder it is saved in, where the window finds its pictures."""
        return self._check(root)[0]

    def problems(self, root: str = "") -> list[Problem]:
        return self._check(root)[1]

    def _check(self, root: str) -> tuple[Deck | None, list[Problem]]:
        from cardsdealt.deck.loader import check_files

        key = (self._revision, root)
        if self._loaded is None or self._loaded[0] != key:
            deck, problems = check_files(self.files(), root)
            self._loaded = (key, deck, problems)
            if deck is not None:
                self._last_good = deck
        assert self._loaded is not None
        return self._loaded[1], self._loaded[2]

    def preview(self, card_id: str, root: str = "") -> tuple[Deck | None, Card | None]:
        """(deck, card) to draw the card as it is now, quickly enough for every keystroke:
        the last deck that loaded (`load()` makes a new one: call it when typing pauses),
        with this card's words, picture and choices as they are in the form now (no YAML
        written or read). (None, None) while the deck has never loaded."""
        deck = self._last_good if self._last_good is not None else self.load(root)
        if deck is None:
            return None, None
        _rel, _seq, _i, c = self._find(card_id)
        base = next((x for x in deck.cards if x.id == card_id), None)
        words: dict[str, Any] = {k: _s(c.get(k, "") or "") for k in (
            "title", "text", "statement", "discuss", "voice", "facilitator_notes")}
        choices = tuple(
            Choice(label=str(ch.get("label", "")), response=str(ch.get("response", "")),
                   reflect=str(ch.get("reflect", "")),
                   effects=MappingProxyType({str(k): int(v) for k, v in
                                             (ch.get("effects") or {}).items()
                                             if str(v).lstrip("+-").isdigit()}))
            for ch in c.get("choices") or [] if isinstance(ch, dict))
        image = str(c.get("image", "")) or None
        if base is None:
            base = Card(card_id, "", Source("", 0, 0),
                        stage=str(c.get("stage", "")) or None if "stage" in c or "choices" in c
                        else None, theme=str(c.get("theme", "")) or None)
        card = dataclasses.replace(base, image=image, choices=choices or base.choices,
                                   **words)
        return deck, card

    def advice_job(self, root: str = "") -> Callable[[], dict[str, list[str]]]:
        """Advice for every field, as a job that holds a copy of the files and reads nothing
        else, so it can run on another thread while the group keeps typing (a big deck's
        check and lint take most of a second). The job returns {field path: words}; its
        answer is about the deck as it was when the job was made."""
        from cardsdealt.authoring.studio.advice import _empty, _names, advice_from_files

        files, empty, names = self.files(), _empty(self), _names(self)
        return lambda: advice_from_files(files, root, empty, names)

    def advice(self, field_path: str, root: str = "") -> list[str]:
        """Check's problems and advice about one form field (or one thing, with a shorter
        path), in check's own words."""
        from cardsdealt.authoring.studio.advice import advice_for

        return advice_for(self, field_path, root)

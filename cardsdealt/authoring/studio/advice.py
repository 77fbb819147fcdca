"""Check's problems and advice, put on the form field they are about.

`cardsdealt check` names a file and a line; the studio's documents know which field was
written on which line, so each problem goes to the deepest field written at or above its
line. Advice about a whole card (lint points at the card) goes to the field whose words it
quotes, or to the picture, title or words field when it is about them, else to the card.
The meaning is check's own (`Problem.message` and `hint`), said in the studio's words
(`wording.studio_words`: the form's labels and the group's names, never a YAML key, a file or
a line). Pure: no pygame, no files.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from cardsdealt.deck.problems import Problem

StudioDeck = Any  # document.StudioDeck (which imports this module: no circle of imports)


def words(p: Problem, path: str = "", names: dict[str, str] | None = None) -> str:
    """One problem as the studio shows it (on the field `path`): what is wrong, then how to
    fix it, in the studio's words."""
    from cardsdealt.authoring.studio.wording import studio_words

    return studio_words(p, path, names)


def _names(doc: StudioDeck) -> dict[str, str]:
    """Ids -> the names the group gave them (cards, meters, parts, endings, questions)."""
    out = {ref.id: ref.title.strip() for ref in doc.cards() if ref.title.strip()}
    for kind, name in (("stage", "title"), ("meter", "label"), ("ending", "title"),
                       ("reflection", "prompt")):
        for item in doc.part_list(kind):
            words = str(item.get(name) or "").strip()
            if words:
                out[item["id"]] = words if len(words) <= 50 else words[:48] + "…"
    return out


def _lc(node: Any, key: Any) -> int | None:
    """1-based line where `key` of a ruamel map (or item of a list) was written."""
    try:
        lc: Any = node.lc
        return (lc.key(key) if isinstance(node, dict) else lc.item(key))[0] + 1
    except (AttributeError, KeyError, IndexError, TypeError):
        return None


_PLACES: dict[tuple[str, bytes], list[tuple[int, str]]] = {}  # (file, text) -> marks
_PLACES_KEPT = 64


def _places(files: dict[str, bytes]) -> dict[str, list[tuple[int, str]]]:
    """file -> sorted (line, field path) for every field the studio shows, read back from
    the files' text (only text that was read has line numbers); each text read once."""
    from cardsdealt.authoring.studio.yamlio import read_yaml

    out: dict[str, list[tuple[int, str]]] = {}
    for rel, text in files.items():
        if not rel.endswith((".yaml", ".yml")):
            continue
        marks = _PLACES.get((rel, text))
        if marks is None:
            node = read_yaml(text)
            marks = []
            if rel == "deck.yaml":
                _deck_places(node, marks)
            elif isinstance(node, list):
                _card_places(node, marks)
            marks.sort(key=lambda m: m[0])
            if len(_PLACES) >= _PLACES_KEPT:
                _PLACES.pop(next(iter(_PLACES)), None)
            _PLACES[(rel, text)] = marks
        out[rel] = marks
    return out


def _add(marks: list, line: int | None, path: str) -> None:
    if line is not None:
        marks.append((line, path))


def _deck_places(d: Any, marks: list) -> None:
    if not isinstance(d, dict):
        return
    for key in d:
        _add(marks, _lc(d, key), f"deck.{key}")
    parts = (("stages", "stage"), ("endings", "ending"), ("reflections", "reflection"))
    for key, name in parts:
        items = d.get(key)
        if isinstance(items, list):
            for i, item in enumerate(items):
                _add(marks, _lc(items, i), f"{name}:{i}")
                for k in item if isinstance(item, dict) else ():
                    if k != "id":
                        _add(marks, _lc(item, k), f"{name}:{i}.{k}")
    stats = d.get("stats")
    if isinstance(stats, dict):
        for i, sid in enumerate(stats):
            _add(marks, _lc(stats, sid), f"meter:{i}")
            m = stats[sid]
            for k in m if isinstance(m, dict) else ():
                _add(marks, _lc(m, k), f"meter:{i}.{k}")
    classic = d.get("classic")
    if isinstance(classic, dict):
        for k in classic:
            _add(marks, _lc(classic, k), f"deck.classic.{k}")


def _card_places(seq: list, marks: list) -> None:
    for i, c in enumerate(seq):
        if not isinstance(c, dict):
            continue
        cid = str(c.get("id", ""))
        _add(marks, _lc(seq, i), f"card:{cid}")
        for k in c:
            if k == "id":
                continue
            _add(marks, _lc(c, k), f"card:{cid}.{k}")
        choices = c.get("choices")
        if isinstance(choices, list):
            for n, ch in enumerate(choices):
                _add(marks, _lc(choices, n), f"card:{cid}.choice:{n}")
                for k in ch if isinstance(ch, dict) else ():
                    _add(marks, _lc(ch, k), f"card:{cid}.choice:{n}.{k}")


_QUOTED = re.compile(r"\"([^\"]+)\"")
_ABOUT = (("picture", "image"), ("the title", "title"), ("statement", "statement"),
          ("the choices", "choices"), ("discuss", "discuss"), ("voice", "voice"),
          ("the words on", "text"), ("the text", "text"), ("response to choice", "choices"))


_CHOICE = re.compile(r"choice (\d+) of `[^`]+` changes nothing")


def _refine(cards: dict, path: str, p: Problem) -> str:
    """A card-level problem -> the field it is about, when its words say so (`cards`: the
    loaded deck's cards by id; empty while the deck does not load)."""
    if not path.startswith("card:") or "." in path:
        return path
    choice = _CHOICE.match(p.message)
    if choice:  # "choice 2 of `x` changes nothing": on that choice
        return f"{path}.choice:{int(choice[1]) - 1}"
    card = cards.get(path[5:])
    card_words = {k: str(getattr(card, k, "") or "") for k in (
        "title", "text", "statement", "discuss", "voice", "facilitator_notes")}
    m = _QUOTED.search(p.message)
    if m and card is not None:
        quoted = m.group(1).lower()
        for k, v in card_words.items():
            if quoted in v.lower():
                return f"{path}.{k}"
        for n, ch in enumerate(card.choices):
            for k in ("label", "response", "reflect"):
                if quoted in str(getattr(ch, k, "")).lower():
                    return f"{path}.choice:{n}.{k}"
    for key in ("requires", "stage", "theme", "number", "image", "tags"):
        if f"`{key}`" in p.message:
            return f"{path}.{key}"
    low = p.message.lower()
    for needle, key in _ABOUT:
        if needle in low:
            if key == "text" and card_words.get("statement") and not card_words.get("text"):
                key = "statement"
            return f"{path}.{key}"
    return path


_PART = re.compile(r"the (stage|stat) `([^`]+)`")


def _refine_deck(deck: Any, p: Problem) -> str:
    """Advice about the deck as a whole (lint names no line) -> the part of the story, the
    meter, or the deck field, ending or question whose words it is about."""
    if "who wrote the words" in p.message:
        return "deck.written_by"
    m = _PART.search(p.message)
    if m:
        kind, items = ("stage", deck.stages) if m[1] == "stage" else ("meter", deck.stats)
        ids = [x.id for x in items]
        return f"{kind}:{ids.index(m[2])}" if m[2] in ids else "deck"
    q = _QUOTED.search(p.message)
    if q:
        word = q[1].lower()
        places = [("deck.introduction", deck.introduction),
                  ("deck.content_notes", " ".join(deck.content_notes))]
        places += [(f"ending:{n}.{k}", getattr(e, k)) for n, e in enumerate(deck.endings)
                   for k in ("title", "text")]
        places += [(f"reflection:{n}.prompt", r.prompt) for n, r in enumerate(deck.reflections)]
        for path, text in places:
            if word in str(text or "").lower():
                return path
    return "deck"


NEEDED = "This needs filling in before the deck can be played."


def _empty(doc: StudioDeck) -> list[str]:
    """Fields the form marks as needed that are still empty (check accepts empty words,
    but a card without words, or a choice without a label, is no use to a group)."""
    out = [f"deck.{k}" for k in ("title", "introduction") if not str(doc.deck_value(k)).strip()]
    if not doc.deck_value("authors"):
        out.append("deck.authors")
    out += _empty_cards(doc)
    endings = doc.endings()
    for n, e in enumerate(endings):
        out += [f"ending:{n}.{k}" for k in ("title", "text") if not e[k].strip()]
        if n < len(endings) - 1 and not e["when"].strip():
            out.append(f"ending:{n}.when")
    for n, r in enumerate(doc.reflections()):
        out += [f"reflection:{n}.{k}" for k in ("prompt", "when") if not r[k].strip()]
    out += [f"stage:{n}.title" for n, st in enumerate(doc.stages()) if not st["title"].strip()]
    out += [f"meter:{n}.label" for n, m in enumerate(doc.meters())
            if not str(m.get("label") or "").strip()]
    return out


def _empty_cards(doc: StudioDeck) -> list[str]:
    out = []
    for ref in doc.cards():
        words = ("title", "text") if ref.kind == "journey" else ("title", "statement")
        out += [f"card:{ref.id}.{k}" for k in words
                if not str(doc.card_value(ref.id, k)).strip()]
        if ref.kind == "journey":
            out += [f"card:{ref.id}.choice:{n}.label" for n, ch in enumerate(doc.choices(ref.id))
                    if not str(ch.get("label", "")).strip()]
    return out


def advice_from_files(files: dict[str, bytes], root: str = "",
                      empty: list[str] | tuple[str, ...] = (),
                      names: dict[str, str] | None = None) -> dict[str, list[str]]:
    """Every problem and piece of advice for a deck's files, by field path. Reads nothing
    but its arguments, so a window may run it on another thread while typing goes on
    (`StudioDeck.advice_job`); `empty`: the paths of needed fields still empty; `names`:
    ids -> the names the group gave them."""
    from cardsdealt.deck.loader import check_files

    deck, problems = check_files(files, root)
    problems = list(problems)
    if deck is not None:
        from cardsdealt.authoring.lint import advise

        problems += advise(deck, reachability=False)
    cards = {c.id: c for c in deck.cards} if deck is not None else {}
    places = _places(files)
    out: dict[str, list[str]] = {}
    for p in problems:
        marks = places.get(p.file, [])
        i = bisect.bisect_right([m[0] for m in marks], p.line) - 1
        path = marks[i][1] if i >= 0 and p.line else "deck"
        if path.startswith("card:"):
            path = _refine(cards, path, p)
        elif path == "deck" and deck is not None:
            path = _refine_deck(deck, p)
        out.setdefault(path, []).append(words(p, path, names))
    for path in empty:
        out.setdefault(path, []).insert(0, NEEDED)
    return out


def all_advice(doc: StudioDeck, root: str = "") -> dict[str, list[str]]:
    """Every problem and piece of advice, by field path (cached until the next edit)."""
    key = (doc._revision, root)
    cached = getattr(doc, "_advice_cache", None)
    if cached is not None and cached[0] == key:
        return cached[1]
    out = advice_from_files(doc.files(), root, _empty(doc), _names(doc))
    doc._advice_cache = (key, out)
    return out


def advice_for(doc: StudioDeck, field_path: str, root: str = "") -> list[str]:
    """The advice about `field_path` and everything inside it ("" or "deck*": all of the
    deck's own fields)."""
    every = all_advice(doc, root)
    if not field_path:
        return [w for ws in every.values() for w in ws]
    return [w for path, ws in every.items()
            if path == field_path or path.startswith(field_path + ".")
            for w in ws]

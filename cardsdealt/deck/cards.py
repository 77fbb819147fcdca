"""Card files: each a list of cards, journey or classic, read into `Card` values."""

from __future__ import annotations

import re
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple

from cardsdealt.deck import fields as F
from cardsdealt.deck import images, yamlsource
from cardsdealt.deck.model import Card, Choice
from cardsdealt.deck.nodes import _NAME, Names, NodeReader, describe, tags, unknown_name
from cardsdealt.deck.problems import NOTEPAD_HINT, Problem
from cardsdealt.deck.yamlsource import MappingNode, SequenceNode

MAX_CARDS = 20_000
MAX_CARD_FILES = 2_000
MAX_NUMBER = 12  # classic card numbers: 1 to 12


class CardEntry(NamedTuple):
    """A card as read, with what the cross-checks need to point back at the file."""

    card: Card
    id_node: object
    reader: NodeReader  # the card's file
    nexts: list  # (target id, node) for each choice's `next`
    image: tuple | None  # (key node, value node) of `image:`, if written


def load_cards(root: Path, f: NodeReader, fields: dict, names: Names) -> tuple[list, bool]:
    """(card entries, complete); the `cards` field is a folder or a list. `complete` is False
    when a card file could not be read at all: its cards are unknown, so references to them
    must not be reported as mistakes of their own."""
    if "cards" not in fields:
        return [], True
    node = fields["cards"][1]
    out: list = []
    if node.__class__ is SequenceNode:
        _card_list(f, node, names, out)
        return out, True
    folder = f.text(node, "`cards`", 300)
    if folder is None:
        return out, True
    path = images.inside(root, folder)
    if path is None or not path.is_dir():
        f.err(node, f"the card folder `{folder}` was not found inside the deck folder",
              "Write the folder's name as it is, e.g. `cards: cards/`, and keep it inside "
              "the deck folder.")
        return out, True
    every = [p for p in path.rglob("*") if p.is_file()]
    files = sorted(p for p in every if p.suffix in (".yaml", ".yml"))
    complete = _look_alikes(root, every, f.problems)
    if not files and complete:
        f.err(node, f"the folder `{folder}` has no card files",
              "Add a file such as cards/arriving.yaml with a list of cards.")
    problems = f.problems
    for p in files[:MAX_CARD_FILES]:
        rel = p.relative_to(root).as_posix()
        if images.inside(root, rel) is None:
            problems.append(Problem(rel, 1, 1, "this card file points outside the deck folder",
                                    "Keep card files inside the deck folder (no links)."))
            continue
        cnode, may_alias = yamlsource.read(p, rel, problems)
        cf = NodeReader(rel, problems, may_alias)
        if cnode is None:
            complete = False
        elif cnode.__class__ is MappingNode and len(cnode.value) and \
                cnode.value[0][0].value == "id":
            cf.err(cnode, "a card file holds a list of cards, and each card starts with "
                   "`- `", "Write `- id: ...` for the first line of each card, and indent "
                   "its other lines by two spaces.")
            complete = False
        else:
            _card_list(cf, cnode, names, out)
        if len(out) > MAX_CARDS:
            problems.append(Problem(rel, 1, 1, f"the deck has more than {MAX_CARDS} cards",
                                    "Split it into several decks."))
            break
    if len(files) > MAX_CARD_FILES:
        f.err(node, f"the folder `{folder}` has more than {MAX_CARD_FILES} card files")
    return out, complete


_SAVED_AS = re.compile(r"\.(ya?ml)((?:\.(?:txt|text|rtf|doc|docx|odt|pages))+)\Z", re.I)


def _look_alikes(root: Path, paths: list, problems: list) -> bool:
    """Card files that will not be read because of how they were saved: `4-extra.yaml.txt`
    (Notepad), `.yaml.rtf` (TextEdit), `CARDS.YAML`. One error each; False when any."""
    found = False
    for p in sorted(paths):
        m = _SAVED_AS.search(p.name)
        if m is None and p.suffix.lower() in (".yaml", ".yml") and \
                p.suffix not in (".yaml", ".yml"):
            rel, right = p.relative_to(root).as_posix(), p.stem + p.suffix.lower()
            problems.append(Problem(rel, 0, 0, f"`{p.name}` is not read: its name ends in "
                                    f"`{p.suffix}`, in capitals", f"Rename it to `{right}`."))
            found = True
        elif m is not None:
            rel = p.relative_to(root).as_posix()
            right = p.name[:m.start()] + "." + m.group(1).lower()
            extra = m.group(2)
            how = (f" {NOTEPAD_HINT}" if extra.lower() == ".txt" else
                   " It was saved as a formatted document: save it again as plain text "
                   "(in TextEdit: Format > Make Plain Text).")
            problems.append(Problem(rel, 0, 0, f"`{p.name}` is not read as a card file: its "
                                    f"name ends in `{extra}`", f"Rename it to `{right}`." + how))
            found = True
    return not found


def _card_list(f: NodeReader, node, names: Names, out: list) -> None:
    for n in f.sequence(node, "the list of cards") or ():
        if len(out) >= MAX_CARDS:
            f.err(n, f"the deck has more than {MAX_CARDS} cards", "Split it into several decks.")
            return
        card = _card(f, n, names)
        if card is not None:
            out.append(card)


def _card(f: NodeReader, node, names: Names):
    cf = f.mapping(node, "a card")
    if cf is None:
        return None
    f.unknown(cf, F.CARD, "a card")
    if "id" not in cf:
        f.err(node, "this card has no `id:`", "Give every card a short unique id, e.g. "
              "`- id: first-night`.")
        return None
    cid = f.ident(cf["id"][1], "a card id")
    _swapped_words(f, cf)
    kw: dict = {}
    for key in ("title", "discuss", "voice", "facilitator_notes", "text", "statement",
                "image"):
        if key in cf:
            v = f.text(cf[key][1], f"`{key}`")
            if v is not None:
                kw[key] = v
    if "tags" in cf:
        kw["tags"] = tags(f, cf["tags"][1])
    is_journey = "stage" in cf or "choices" in cf or "text" in cf
    is_classic = "theme" in cf or "number" in cf or "statement" in cf
    what = f"the card `{cid}`"
    nexts: list = []
    if is_journey:
        _journey_fields(f, cf, node, names, kw, what, nexts)
    if is_classic:
        _classic_fields(f, cf, node, names, kw, what)
    if not is_journey and not is_classic:
        hint = ("Journey cards need `stage`, `text` and `choices`; classic cards need `theme`, "
                "`number` and `statement`.")
        f.err(node, f"{what} is neither a journey card nor a classic card", hint)
    if "title" not in cf:
        f.err(node, f"{what} has no `title:`", "Add a short title, e.g. `title: First night`.")
    if cid is None:
        return None
    return CardEntry(Card(cid, kw.pop("title", ""), f.source(node), **kw), cf["id"][1], f,
                     nexts, cf.get("image"))


def _swapped_words(f: NodeReader, cf: dict) -> None:
    """`text:` on a classic card (or `statement:` on a journey card): the one slip is said
    once, and the card is read as the kind its other fields make it."""
    journey = "stage" in cf or "choices" in cf
    classic = "theme" in cf or "number" in cf
    for kind, wrong, right, other in (("classic", "text", "statement", journey),
                                      ("journey", "statement", "text", classic)):
        if kind == "classic" and not classic or kind == "journey" and not journey:
            continue
        if wrong in cf and right not in cf and not other:
            f.err(cf[wrong][0], f"a {kind} card says what the child says with `{right}:`, "
                  f"not `{wrong}:`", f"Rename `{wrong}:` to `{right}:`.")
            cf[right] = cf.pop(wrong)


def _mode_fields(f, cf, node, names, what, mode: str, other: str, needs) -> None:
    """A card of `mode` in a deck that plays that way, with the fields that mode needs."""
    if mode not in names.modes and names.modes:
        f.err(node, f"{what} is a {mode} card, but this deck is not played as {mode}",
              f"Add `{mode}` to `modes:` in deck.yaml, or make it a {other} card.")
    for key in needs:
        if key not in cf:
            f.err(node, f"{what} is missing `{key}:`", f"{mode.capitalize()} cards need "
                  f"`{key}:` ({describe(key)}).")


def _journey_fields(f, cf, node, names, kw, what, nexts) -> None:
    _mode_fields(f, cf, node, names, what, "journey", "classic", ("stage", "text", "choices"))
    if "stage" in cf:
        sn = cf["stage"][1]
        stage = f.ident(sn, "a stage")
        if stage is not None and stage not in names.stages:
            unknown_name(f, sn, stage, names.stages, "a stage of this deck", "The stages are")
        elif stage is not None:
            kw["stage"] = stage
    if "requires" in cf:
        kw["requires"] = f.condition(cf["requires"][1], "`requires`", names)
    if "weight" in cf:
        w = f.number(cf["weight"][1], "`weight`", 0.0, 1000.0)
        if w is not None:
            kw["weight"] = w
    if "once" in cf:
        once = f.boolean(cf["once"][1], "`once`")
        if once is not None:
            kw["once"] = once
    if "choices" in cf:
        items = f.sequence(cf["choices"][1], "`choices`")
        if items is not None and not 2 <= len(items) <= 4:
            f.err(cf["choices"][0], f"{what} has {len(items)} choice"
                  f"{'s' if len(items) != 1 else ''}; a card needs 2 to 4",
                  "Each choice starts with `- label: ...`.")
        kw["choices"] = tuple(c for c in (_choice(f, n, names, nexts) for n in items or ())
                              if c is not None)


def _choice(f: NodeReader, node, names: Names, nexts: list) -> Choice | None:
    cf = f.fields(node, F.CHOICE, F.CHOICE_REQUIRED, "a choice")
    if cf is None:
        return None
    label = f.text(cf["label"][1], "the choice `label`", 300)
    kw: dict = {}
    for key in ("response", "reflect"):
        if key in cf:
            v = f.text(cf[key][1], f"`{key}`")
            if v is not None:
                kw[key] = v
    if "effects" in cf:
        kw["effects"] = _effects(f, cf["effects"][1], names)
    for key, attr in (("set", "set_flags"), ("clear", "clear_flags")):
        if key in cf:
            kw[attr] = _flag_list(f, cf[key][1], key, names)
    if "next" in cf:
        target = f.ident(cf["next"][1], "the `next` card")
        if target:
            kw["next"] = target
            nexts.append((target, cf["next"][1]))
    if label is None:
        return None
    return Choice(label, **kw)


def _effects(f: NodeReader, node, names: Names) -> MappingProxyType:
    effects = {}
    for stat, (k, v) in (f.mapping(node, "`effects`") or {}).items():
        if stat not in names.stats:
            unknown_name(f, k, stat, names.stats, "a stat in this deck",
                         "The stats (declared in deck.yaml) are")
            continue
        n = f.integer(v, f"the change to `{stat}`", -100, 100)
        if n is not None:
            effects[stat] = n
    return MappingProxyType(effects)


def _flag_list(f: NodeReader, node, key: str, names: Names) -> tuple[str, ...]:
    flags = []
    for n in f.sequence(node, f"`{key}`") or ():
        v = f.ident(n, "a flag", _NAME)
        if v is not None and v not in names.flags:
            unknown_name(f, n, v, names.flags, "a flag in this deck",
                         "The flags (listed in deck.yaml under `flags:`) are")
        elif v:
            flags.append(v)
    return tuple(flags)


def _classic_fields(f, cf, node, names, kw, what) -> None:
    _mode_fields(f, cf, node, names, what, "classic", "journey",
                 ("theme", "number", "statement"))
    if "theme" in cf:
        tn = cf["theme"][1]
        theme = f.ident(tn, "a theme")
        if theme and names.themes and theme not in names.themes:
            unknown_name(f, tn, theme, names.themes, "one of this deck's themes",
                         "The themes (in deck.yaml under `classic: themes:`) are")
        elif theme:
            kw["theme"] = theme
    if "number" in cf:
        # 1 to 12, as the guide says: numbers are for matching (and fit the card's corner),
        # and a number only a card or two have is a number nobody can match
        n = f.integer(cf["number"][1], "the card `number`", 1, MAX_NUMBER)
        if n is not None:
            kw["number"] = n

"""The parts of deck.yaml read after the cards, once every stat, flag, stage and card name
is known: stages' `until`, reflections, endings (their conditions), and `support` and `lint`.
`deck_tail` returns them as `Deck` fields; loader.py reads the rest.
"""

from __future__ import annotations

import dataclasses
from types import MappingProxyType

from cardsdealt.deck import fields as F
from cardsdealt.deck.model import Ending, Reflection, Support
from cardsdealt.deck.nodes import Names, NodeReader, tags
from cardsdealt.deck.yamlsource import ScalarNode


def deck_tail(f: NodeReader, fields: dict, names: Names) -> dict:
    """Parts that use conditions: compiled once all names are known."""
    out: dict = {}
    for sid, node in names.untils.items():
        what = f"`until` of the stage `{sid}`"
        cond = f.condition(node, what, names)
        if cond is not None:
            names.deck_conditions.append((cond, node, what))
        names.stages[sid] = dataclasses.replace(names.stages[sid], until=cond)
    if "reflections" in fields:
        out["reflections"] = _reflections(f, fields["reflections"][1], names)
    if "endings" in fields:
        out["endings"] = _endings(f, fields["endings"][1], names)
    if "support" in fields:
        out["support"] = _support(f, fields["support"][1])
    if "lint" in fields:
        out["language_advice"] = _lint(f, fields["lint"][1])
    return out


def _reflections(f: NodeReader, node, names: Names) -> tuple[Reflection, ...]:
    out = []
    ids: set[str] = set()
    for i, n in enumerate(f.sequence(node, "`reflections`") or (), 1):
        rf = f.fields(n, F.REFLECTION, F.REFLECTION_REQUIRED, "a reflection")
        if rf is None:
            continue
        rid = f.ident(rf["id"][1], "a reflection id") if "id" in rf else f"reflection-{i}"
        if rid in ids:
            f.err(n, f"two reflections have the id `{rid}`", "Give each one its own id.")
        ids.add(rid or "")
        when = f.condition(rf["when"][1], "`when`", names)
        if when is not None:
            names.deck_conditions.append((when, rf["when"][1], f"the reflection `{rid}`"))
        prompt = f.text(rf["prompt"][1], "the reflection `prompt`")
        once = f.boolean(rf["once"][1], "`once`") if "once" in rf else True
        tag_list = tags(f, rf["tags"][1]) if "tags" in rf else ()
        if rid and when and prompt is not None:
            out.append(Reflection(rid, when, prompt, once is not False, tag_list, f.source(n)))
    return tuple(out)


def _endings(f: NodeReader, node, names: Names) -> tuple[Ending, ...]:
    out = []
    items = f.sequence(node, "`endings`") or []
    for i, n in enumerate(items, 1):
        ef = f.fields(n, F.ENDING, F.ENDING_REQUIRED, "an ending")
        if ef is None:
            continue
        eid = f.ident(ef["id"][1], "an ending id") if "id" in ef else f"ending-{i}"
        title = f.text(ef["title"][1], "the ending `title`", 120)
        text = f.text(ef["text"][1], "the ending `text`")
        when = f.condition(ef["when"][1], "`when`", names) if "when" in ef else None
        if when is not None:
            names.deck_conditions.append((when, ef["when"][1], f"the ending `{eid}`"))
        if "when" not in ef and i != len(items):
            f.err(n, "only the last ending may leave out `when:`",
                  "Endings are tried in order and the first whose `when` holds is used, so an "
                  "ending without `when` must come last.")
        if eid and title is not None and text is not None:
            out.append(Ending(eid, title, text, when, f.source(n)))
    if items and out and out[-1].when is not None:
        f.err(items[-1], "the last ending needs to be a default, without `when:`",
              "Add a last ending with no `when:` so every journey has an ending.")
    return tuple(out)


def _support(f: NodeReader, node) -> tuple[Support, ...]:
    out = []
    for n in f.sequence(node, "`support`") or ():
        if n.__class__ is ScalarNode:
            t = f.text(n, "a support line")
            if t:
                out.append(Support(t))
            continue
        sf = f.fields(n, F.SUPPORT, F.SUPPORT_REQUIRED, "a support entry")
        if sf is not None:
            name = f.text(sf["name"][1], "`name`", 200)
            detail = f.text(sf["detail"][1], "`detail`", 500) if "detail" in sf else ""
            if name:
                out.append(Support(name, detail or ""))
    return tuple(out)


def _lint(f: NodeReader, node) -> MappingProxyType:
    lf = f.mapping(node, "`lint`")
    words: dict[str, str] = {}
    if lf is None:
        return MappingProxyType(words)
    f.unknown(lf, F.LINT, "`lint`")
    if "language" in lf:
        for w, (_k, v) in (f.mapping(lf["language"][1], "`lint: language`") or {}).items():
            better = f.text(v, f"the advice for `{w}`", 200)
            if better is not None:
                words[w.lower()] = better
    return MappingProxyType(words)

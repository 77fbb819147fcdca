""""Only if...": a rule for a choice, a card, an ending or a question, built from
plain-words pickers (what: a choice remembered, a card seen, a meter at least...; which
one; how much), all of the rules or any one of them. A rule written by hand that the
pickers cannot show is shown as it is, with "Start again with pickers".
"""

from __future__ import annotations

from functools import partial
from typing import Any, Callable

from cardsdealt.authoring.studio import Condition, Rule
from cardsdealt.authoring.studio import fields as SF
from cardsdealt.authoring.studio.document import MAX_CHOICES, slug
from cardsdealt.ui.pygame.studio.control import Control
from cardsdealt.ui.pygame.studio.page import Page


class ConditionScreen(Page):
    """"Only if...": rules from pickers (what, which, how much), all or any of them."""

    name = "studio-condition"

    def __init__(self, app, studio, label: str, read: Callable[[], Any],
                 write: Callable[[Any], None], where: str) -> None:
        super().__init__(app, studio)
        self.label, self.read, self.write, self.where = label, read, write, where
        self.path = "condition"

    def heading(self) -> str:
        return f"{self.label.rstrip('.')}… ({self.where})"

    def current(self) -> Condition | None:
        return SF.read_condition(str(self.read() or ""))

    def controls(self) -> list[Control]:
        cond = self.current()
        if cond is None:
            return [Control("hand", "Written by hand", detail=str(self.read()),
                            enabled=False),
                    Control("restart", "Start again with pickers",
                            action=lambda: self.set(Condition()))]
        out = []
        for n, r in enumerate(cond.rules):
            g = 300 + n
            out.append(Control(f"rule:{n}.kind", kind="pick",
                               label=f"Rule {n + 1}", value=r.kind,
                               options=list(SF.RULE_KINDS), group=g, width=1.2,
                               on_change=partial(self.set_rule_part, n, "kind")))
            names = self.names_for(r.kind)
            out.append(Control(f"rule:{n}.name", kind="pick", label="Which",
                               value=r.name, options=names or [("", "There is none yet")],
                               group=g, width=1.5,
                               on_change=partial(self.set_rule_part, n, "name")))
            if r.kind in ("chose", "at-least", "at-most"):
                label = "Choice number" if r.kind == "chose" else "Number"
                lo = (1, MAX_CHOICES) if r.kind == "chose" else (-99, 99)  # (lowest, highest)
                out.append(Control(f"rule:{n}.number", kind="stepper", label=label,
                                   value=r.number, bounds=lo, group=g, width=0.8,
                                   on_change=partial(self.set_rule_part, n, "number")))
            out.append(Control(f"rule:{n}.remove", "Remove", group=g, width=0.6,
                               action=partial(self.remove, n)))
        out.append(Control("add-rule", "Add a rule", action=self.add_rule))
        if len(cond.rules) > 1:
            out.append(Control("any", kind="pick", label="How the rules go together",
                               value=cond.any_of,
                               options=[(False, "All of these rules"),
                                        (True, "Any one of these rules")],
                               on_change=lambda v: self.set(Condition(
                                   self.current().rules, bool(v)))))  # type: ignore[union-attr]
        return out

    def tools(self) -> list[Control]:
        return [Control("tool.back", "Done", action=self.back),
                Control("tool.clear", "No rule", action=lambda: self.set(Condition())),
                *self.history()]

    def names_for(self, kind: str) -> list[tuple[str, str]]:
        doc = self.doc
        if kind in ("remembered", "not-remembered"):
            return [(slug(w, sep="_"), w) for w in doc.flags()]
        if kind in ("seen", "not-seen", "chose"):
            return [(c.id, c.title or c.id) for c in doc.cards()]
        return [(m["id"], m["label"] or m["id"]) for m in doc.meters()]

    def set(self, cond: Condition) -> None:
        self.studio.act(self, lambda: self.write(cond))

    def set_rule_part(self, n: int, part: str, value: Any) -> None:
        self.set_rule(n, **{part: value})

    def set_rule(self, n: int, **change) -> None:
        cond = self.current() or Condition()
        rules = list(cond.rules)
        r = rules[n]
        kind = change.get("kind", r.kind)
        name = change.get("name", r.name)
        number = change.get("number", r.number)
        if "kind" in change:
            names = [v for v, _w in self.names_for(kind)]
            if name not in names:
                name = names[0] if names else ""
            if kind == "chose":
                number = max(1, min(number, MAX_CHOICES))
        rules[n] = Rule(kind, name, int(number))
        key = self.focus_key
        self.set(Condition(tuple(rules), cond.any_of))
        self.set_focus(key)

    def add_rule(self) -> None:
        cond = self.current() or Condition()
        doc = self.doc
        if doc.flags():
            rule = Rule("remembered", slug(doc.flags()[0], sep="_"))
        elif doc.meters():
            m = doc.meters()[0]
            rule = Rule("at-least", m["id"], int(m.get("start") or 0) + 1)
        else:
            cards = doc.cards()
            rule = Rule("seen", cards[0].id if cards else "")
        self.set(Condition(cond.rules + (rule,), cond.any_of))
        self.set_focus(f"rule:{len(cond.rules)}.kind")

    def remove(self, n: int) -> None:
        cond = self.current() or Condition()
        rules = cond.rules[:n] + cond.rules[n + 1:]
        self.set(Condition(rules, cond.any_of))

    def advise(self, every: dict[str, list[str]] | None = None) -> None:
        self.changed()

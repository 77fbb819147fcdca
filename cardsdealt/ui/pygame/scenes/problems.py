"""What is wrong with the deck just saved (live preview, `--watch`): the first few problems,
each with its file and line, what is wrong and how to fix it, in type big enough to read
from the other side of the room where a youth group edits its deck together.

The screen goes by itself at the next good save. Esc hides it to look at the last version
that worked (the next broken save shows it again).
"""

from __future__ import annotations

from pathlib import Path

from pygame import Rect

from cardsdealt.render.blocks import Block, draw_stack, stack
from cardsdealt.render.draw import hint, panel
from cardsdealt.render.text import draw_text
from cardsdealt.ui.pygame.keys import intent_for
from cardsdealt.ui.pygame.scenes.base import Modal

SHOWN = 3  # problems on screen at once; the first ones matter (later ones often follow)


def where(p) -> str:
    """"cards/journey.yaml:12" (the form editors jump to), or the file alone."""
    return f"{p.file}:{p.line}" if p.line else str(p.file)


def quoted_line(root, p) -> str:
    """The line the problem is on, as it is in the file, tabs shown as [TAB]."""
    if root is None or not p.line:
        return ""
    path = Path(root) / p.file
    try:
        if path.stat().st_size > 2_000_000:
            return ""
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return ""
    if not 1 <= p.line <= len(lines):
        return ""
    text = lines[p.line - 1].rstrip().replace("\t", "[TAB]").lstrip(" ")
    return f"Line {p.line} says:  {text[:160]}" if text else ""


def problem_blocks(problems, root=None) -> list[list[Block]]:
    out = []
    for p in problems[:SHOWN]:
        col = f", column {p.column}" if p.line and p.column else ""
        place = f"{where(p)}   (line {p.line}{col})" if p.line else where(p)
        blocks = [Block(place, "bold", 40, 26, "accent", 10),
                  Block(p.message[:1].upper() + p.message[1:], "bold", 42, 26, "ink", 12)]
        quote = quoted_line(root, p)
        if quote:
            blocks.append(Block(quote, "italic", 34, 22, "muted", 12))
        if p.hint:
            blocks.append(Block("How to fix it: " + p.hint, "regular", 36, 24, "ink", 0))
        out.append(blocks)
    return out


class ProblemsScene(Modal):
    opaque = True
    pausable = False
    name = "problems"

    def __init__(self, app, problems, can_hide: bool = True, root=None) -> None:
        super().__init__(app)
        self.problems = list(problems)
        self.can_hide = can_hide
        self.groups = problem_blocks(self.problems, root)  # read once, when shown

    def text(self) -> str:
        """Everything the screen says, as plain text (tests read it; so could a screen
        reader)."""
        parts = [self.heading()]
        for blocks in self.groups:
            parts += [b.text for b in blocks]
        return "\n".join(parts)

    def heading(self) -> str:
        n = len(self.problems)
        return "The deck has a problem" if n == 1 else f"The deck has {n} problems"

    def render(self, surface) -> None:
        m, th = self.m, self.theme
        surface.fill(th.table)
        x, w = m.px(80), m.w - m.px(160)
        draw_text(surface, self.heading(), "bold", m.px(60), (x, m.px(40)), th.table_ink,
                  max_w=w)
        more = len(self.problems) - SHOWN
        it = "it" if len(self.problems) == 1 else "them"
        sub = f"Fix {it} in the file and save: the game comes back by itself."
        if more > 0:
            sub += f" (The first {SHOWN} are shown; {more} more after these.)"
        draw_text(surface, sub, "regular", m.px(34), (x, m.px(124)), th.table_muted, max_w=w)
        groups = self.groups
        top, bottom = m.px(190), m.h - m.px(100)
        gap, pad_x, pad_y = m.px(24), m.px(32), m.px(22)
        each = (bottom - top - gap * (len(groups) - 1)) // max(1, len(groups))
        y = top
        for blocks in groups:
            inner = (w - 2 * pad_x, each - 2 * pad_y)
            used = sum(f.height + round(b.gap * m.u)
                       for f, b in zip(stack(blocks, inner, m.u), blocks, strict=False))
            r = Rect(x, y, w, min(each, used + 2 * pad_y))
            panel(surface, r, th, m.u)
            draw_stack(surface, blocks, r.inflate(-2 * pad_x, -2 * pad_y), m.u, th)
            y = r.bottom + gap
        words = "Esc: look at the last version that worked" if self.can_hide else \
            "The game opens as soon as the deck loads."
        hint(surface, Rect(x, m.h - m.px(84), w, m.px(60)), words, th, m.u, align="center")

    def handle(self, event) -> None:
        if intent_for(event) == "pause" and self.can_hide:
            self.done()

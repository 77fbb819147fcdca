"""`cardsdealt map DECK -o map.png|map.svg`: a picture of a journey deck for its authors.

Stages are lanes from left to right; each card is a box in its stage's lane; `next` links are
solid arrows; links made by a choice that changes later cards (it `set`s a flag a card
`requires`, or a card requires `chose("card", n)`) are dashed arrows of another colour, and the
cards at both ends say it in words ("sets x", "needs x"), so the two kinds of link differ by
line and by words, not by colour alone; a card whose choices raise a reflection carries a
"reflect" badge; cards that random play never reaches are drawn dashed and say so in words
(never colour alone). One layout feeds both the PNG (pygame, offscreen) and the SVG (plain
text), so the two always agree.
"""

from __future__ import annotations

import functools
import html
import math
import os
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

from cardsdealt.authoring.check import counted
from cardsdealt.authoring.reach import random_journeys
from cardsdealt.deck.model import Deck
from cardsdealt.paths import FONT_DIR

FONT = FONT_DIR / "AtkinsonHyperlegible-Regular.ttf"
BOLD = FONT.with_name("AtkinsonHyperlegible-Bold.ttf")

BG = (251, 246, 238)
LANE = (242, 232, 218)
INK = (51, 41, 36)
CARD = (255, 253, 249)
EDGE = (150, 110, 90)
ARROW = (176, 86, 60)
FLAG = (40, 96, 140)  # flag and choice links: dashed, and labelled in words
BADGE = (60, 110, 120)
MISSING = (150, 60, 60)

LANE_W, CARD_W, CARD_H, GAP, HEAD, MARGIN = 300, 260, 92, 14, 90, 30


LEGEND_LINE = 26  # px between the legend's lines


@functools.cache
def _font(bold: bool, size: int):
    """The map's fonts (pygame, offscreen): the PNG draws with them and the layout measures
    with them, so no text is wider than the room the layout gives it."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    pygame.font.init()
    return pygame.font.Font(BOLD if bold else FONT, size)


TITLE, LANE_FONT, CARD_FONT, SMALL = (True, 24), (True, 18), (False, 17), (False, 14)


def fit(text: str, font: tuple[bool, int], width: int) -> str:
    """`text` on one line no wider than `width` px, shortened with "…" when it is not."""
    f = _font(*font)
    if f.size(text)[0] <= width:
        return text
    while text and f.size(text + "…")[0] > width:
        text = text[:-1]
    return text.rstrip() + "…"


def wrap(text: str, font: tuple[bool, int], width: int) -> list[str]:
    """`text` in lines no wider than `width` px, the lines after the first indented (a word
    longer than a line is shortened)."""
    f = _font(*font)
    body = text.lstrip(" ")
    lead = text[:len(text) - len(body)]
    indent = lead + "    "
    lines: list[str] = []
    line = ""
    for word in body.split(" "):
        trial = f"{line} {word}" if line else (indent if lines else lead) + word
        if line and f.size(trial)[0] > width:
            lines.append(line)
            line = indent + word
        else:
            line = trial
    lines.append(line)
    return [fit(x, font, width) for x in lines]


@dataclass
class Box:
    card_id: str
    title: str
    x: int
    y: int
    reflect: bool
    unreachable: bool
    link_note: str = ""  # in words, what a dashed link says: "sets x", "needs x"


@dataclass
class Layout:
    width: int
    height: int
    lanes: list  # (x, title, count)
    boxes: dict  # card id -> Box
    links: list  # (from id, to id): a choice's `next`
    legend: list  # lines of text under the lanes
    flag_links: list = None  # (from id, to id, label): a choice sets what a card requires

    def __post_init__(self):
        if self.flag_links is None:
            self.flag_links = []

    @property
    def lane_height(self) -> int:
        return self.height - 2 * MARGIN - 30 - LEGEND_LINE * len(self.legend)


def flag_links(deck: Deck) -> list[tuple[str, str, str]]:
    """(card with the choice, card it opens or closes, words): flags set, choices chosen."""
    out = []
    for target in deck.cards:
        if target.requires is None:
            continue
        src = target.requires.source
        for flag in target.requires.names:
            if flag not in deck.flags:
                continue
            for c in deck.cards:
                if c.id == target.id:
                    continue
                for i, ch in enumerate(c.choices, 1):
                    if flag in ch.set_flags:
                        out.append((c.id, target.id, f"{i}: sets {flag}"))
                    if flag in ch.clear_flags:
                        out.append((c.id, target.id, f"{i}: clears {flag}"))
        for cid, n in re.findall(r'chose\(\s*"([^"]+)"\s*,\s*(\d+)\s*\)', src):
            out.append((cid, target.id, f"chose {n}"))
    return list(dict.fromkeys(out))


def layout(deck: Deck, unreachable: set[str]) -> Layout:
    lanes, boxes, links = [], {}, []
    tallest = 0
    for i, stage in enumerate(deck.stages):
        x = MARGIN + i * LANE_W
        cards = deck.cards_in_stage(stage.id)
        lanes.append((x, fit(stage.title, LANE_FONT, LANE_W - 40), len(cards), stage.draws))
        for j, c in enumerate(cards):
            y = MARGIN + HEAD + j * (CARD_H + GAP)
            boxes[c.id] = Box(c.id, fit(c.title, CARD_FONT, CARD_W - 24),
                              x + (LANE_W - CARD_W) // 2, y,
                              any(ch.reflect for ch in c.choices), c.id in unreachable)
            for ch in c.choices:
                if ch.next:
                    links.append((c.id, ch.next))
        tallest = max(tallest, len(cards))
    flinks = [f for f in flag_links(deck) if f[0] in boxes and f[1] in boxes]
    for c in deck.cards:  # the dashed links in words, on the cards themselves
        if c.id not in boxes:
            continue
        sets = [f for ch in c.choices for f in ch.set_flags]
        needs = [label.split("sets ", 1)[-1].split("clears ", 1)[-1]
                 if "chose" not in label else f"{label} on {a}"
                 for a, t, label in flinks if t == c.id]
        parts = []
        if needs:
            parts.append("needs " + ", ".join(dict.fromkeys(needs)))
        if sets:
            parts.append("sets " + ", ".join(dict.fromkeys(sets)))
        boxes[c.id].link_note = fit("; ".join(parts), SMALL, CARD_W - 24)
    width = max(MARGIN * 2 + len(deck.stages) * LANE_W, 900)
    said = ["Solid arrow: a choice's next card.  Dashed arrow: a choice that opens a later "
            "card (it sets a flag that card requires, or the card requires that choice).",
            f"Reflection rules: {len(deck.reflections)}"]
    said += [textwrap.shorten(f"  when {r.when.source}: {r.prompt}", 120, placeholder=" ...")
             for r in deck.reflections[:16]]
    said += ["Endings: " + ", ".join(e.title for e in deck.endings)]
    if unreachable:
        said.append(f"Never dealt in random play (dashed): {len(unreachable)}")
    legend = [line for text in said for line in wrap(text, SMALL, width - 2 * MARGIN)]
    height = MARGIN * 2 + HEAD + tallest * (CARD_H + GAP) + 30 + LEGEND_LINE * len(legend)
    return Layout(width, height, lanes, boxes, list(dict.fromkeys(links)), legend, flinks)


def card_sub(b: Box) -> str:
    """The small line under a card's title: its id, and whether random play never dealt it,
    fitted beside the "? reflect" badge."""
    sub = b.card_id + ("  - never dealt" if b.unreachable else "")
    return fit(sub, SMALL, CARD_W - 24 - (74 if b.reflect else 0))


def to_svg(lay: Layout, title: str) -> str:
    def rgb(c):
        return "rgb(%d,%d,%d)" % c

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{lay.width}" height="{lay.height}" '
           f'font-family="Atkinson Hyperlegible, sans-serif">',
           '<defs><marker id="a" markerWidth="10" markerHeight="8" refX="9" refY="4" '
           f'orient="auto"><path d="M0,0 L10,4 L0,8 z" fill="{rgb(ARROW)}"/></marker>'
           '<marker id="f" markerWidth="10" markerHeight="8" refX="9" refY="4" '
           f'orient="auto"><path d="M0,0 L10,4 L0,8 z" fill="{rgb(FLAG)}"/></marker></defs>',
           f'<rect width="100%" height="100%" fill="{rgb(BG)}"/>',
           f'<text x="{MARGIN}" y="{MARGIN + 6}" font-size="22" font-weight="bold" '
           f'fill="{rgb(INK)}">{html.escape(fit(title, TITLE, lay.width - 2 * MARGIN))}'
           '</text>']
    for x, name, n, draws in lay.lanes:
        out.append(f'<rect x="{x + 6}" y="{MARGIN + 30}" width="{LANE_W - 12}" '
                   f'height="{lay.lane_height}" rx="12" '
                   f'fill="{rgb(LANE)}"/>')
        out.append(f'<text x="{x + 20}" y="{MARGIN + 62}" font-size="18" font-weight="bold" '
                   f'fill="{rgb(INK)}">{html.escape(name)} ({counted(n, "card")}, {draws} '
                   'dealt)</text>')
    for a, b in lay.links:
        if a in lay.boxes and b in lay.boxes:
            pts = " ".join(f"{x},{y}" for x, y in _path(lay.boxes[a], lay.boxes[b]))
            out.append(f'<polyline points="{pts}" fill="none" stroke="{rgb(ARROW)}" '
                       'stroke-width="2.5" marker-end="url(#a)"/>')
    for a, b, _label in lay.flag_links:
        pts = _flag_path(lay.boxes[a], lay.boxes[b])
        out.append(f'<polyline points="{" ".join(f"{x},{y}" for x, y in pts)}" fill="none" '
                   f'stroke="{rgb(FLAG)}" stroke-width="2.5" stroke-dasharray="9,6" '
                   'marker-end="url(#f)"/>')
    for b in lay.boxes.values():
        dash = ' stroke-dasharray="6,5"' if b.unreachable else ""
        edge = MISSING if b.unreachable else EDGE
        out.append(f'<rect x="{b.x}" y="{b.y}" width="{CARD_W}" height="{CARD_H}" rx="8" '
                   f'fill="{rgb(CARD)}" stroke="{rgb(edge)}" stroke-width="2"{dash}/>')
        out.append(f'<text x="{b.x + 12}" y="{b.y + 28}" font-size="16" fill="{rgb(INK)}">'
                   f'{html.escape(b.title)}</text>')
        sub = card_sub(b)
        out.append(f'<text x="{b.x + 12}" y="{b.y + 52}" font-size="13" '
                   f'fill="{rgb(MISSING if b.unreachable else EDGE)}">{html.escape(sub)}</text>')
        if b.link_note:
            out.append(f'<text x="{b.x + 12}" y="{b.y + 78}" font-size="13" '
                       f'fill="{rgb(FLAG)}">{html.escape(b.link_note)}</text>')
        if b.reflect:
            out.append(f'<text x="{b.x + CARD_W - 70}" y="{b.y + 52}" font-size="13" '
                       f'fill="{rgb(BADGE)}">? reflect</text>')
    y = lay.height - MARGIN - LEGEND_LINE * len(lay.legend) + 20
    for line in lay.legend:
        out.append(f'<text x="{MARGIN}" y="{y}" font-size="15" fill="{rgb(INK)}">'
                   f'{html.escape(line)}</text>')
        y += LEGEND_LINE
    out.append("</svg>")
    return "\n".join(out)


def _path(a: Box, b: Box) -> list[tuple[int, int]]:
    """Points of a link. In one lane it loops out to the right so it is not hidden by cards."""
    if a.x == b.x:
        out = a.x + CARD_W + 16
        return [(a.x + CARD_W, a.y + CARD_H // 2), (out, a.y + CARD_H // 2),
                (out, b.y + CARD_H // 2), (b.x + CARD_W, b.y + CARD_H // 2)]
    if b.x > a.x:
        return [(a.x + CARD_W, a.y + CARD_H // 2), (b.x, b.y + CARD_H // 2)]
    return [(a.x, a.y + CARD_H // 2), (b.x + CARD_W, b.y + CARD_H // 2)]


def _flag_path(a: Box, b: Box) -> list[tuple[int, int]]:
    """Like `_path`, but from the box's lower edge and, in one lane, looping out to the left,
    so a flag link never lies on top of a `next` link between the same cards."""
    ya, yb = a.y + CARD_H * 3 // 4, b.y + CARD_H * 3 // 4
    if a.x == b.x:
        out = a.x - 12
        return [(a.x, ya), (out, ya), (out, yb), (b.x, yb)]
    if b.x > a.x:
        return [(a.x + CARD_W, ya), (b.x, yb)]
    return [(a.x, ya), (b.x + CARD_W, yb)]


def _dashed_lines(pygame, s, colour, pts, width: int, dash: int = 10, gap: int = 7) -> None:
    for (x1, y1), (x2, y2) in zip(pts, pts[1:], strict=False):
        length = math.hypot(x2 - x1, y2 - y1)
        if not length:
            continue
        dx, dy = (x2 - x1) / length, (y2 - y1) / length
        t = 0.0
        while t < length:
            e = min(t + dash, length)
            pygame.draw.line(s, colour, (x1 + dx * t, y1 + dy * t), (x1 + dx * e, y1 + dy * e),
                             width)
            t = e + gap


def to_png(lay: Layout, title: str, path: Path) -> None:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    f_title, f_lane, f_card, f_small = (_font(*f) for f in (TITLE, LANE_FONT, CARD_FONT, SMALL))
    s = pygame.Surface((lay.width, lay.height))
    s.fill(BG)
    s.blit(f_title.render(fit(title, TITLE, lay.width - 2 * MARGIN), True, INK),
           (MARGIN, MARGIN - 14))
    for x, name, n, draws in lay.lanes:
        pygame.draw.rect(s, LANE, (x + 6, MARGIN + 30, LANE_W - 12, lay.lane_height),
                         border_radius=12)
        s.blit(f_lane.render(f"{name}", True, INK), (x + 20, MARGIN + 42))
        s.blit(f_small.render(f"{counted(n, 'card')}, {draws} dealt", True, EDGE),
               (x + 20, MARGIN + 64))
    for a, b in lay.links:
        if a in lay.boxes and b in lay.boxes:
            pts = _path(lay.boxes[a], lay.boxes[b])
            pygame.draw.lines(s, ARROW, False, pts, 3)
            _arrow_head(pygame, s, pts[-2], pts[-1])
    for a, b, _label in lay.flag_links:
        pts = _flag_path(lay.boxes[a], lay.boxes[b])
        _dashed_lines(pygame, s, FLAG, pts, 3)
        _arrow_head(pygame, s, pts[-2], pts[-1], FLAG)
    for b in lay.boxes.values():
        rect = pygame.Rect(b.x, b.y, CARD_W, CARD_H)
        pygame.draw.rect(s, CARD, rect, border_radius=8)
        if b.unreachable:
            _dashed_rect(pygame, s, rect, MISSING)
        else:
            pygame.draw.rect(s, EDGE, rect, 2, border_radius=8)
        s.blit(f_card.render(b.title, True, INK), (b.x + 12, b.y + 10))
        s.blit(f_small.render(card_sub(b), True, MISSING if b.unreachable else EDGE),
               (b.x + 12, b.y + 42))
        if b.link_note:
            s.blit(f_small.render(b.link_note, True, FLAG), (b.x + 12, b.y + 64))
        if b.reflect:
            s.blit(f_small.render("? reflect", True, BADGE), (b.x + CARD_W - 70, b.y + 42))
    y = lay.height - MARGIN - LEGEND_LINE * len(lay.legend)
    for line in lay.legend:
        s.blit(f_small.render(line, True, INK), (MARGIN, y))
        y += LEGEND_LINE
    pygame.image.save(s, str(path))


def _arrow_head(pygame, s, p1, p2, colour=ARROW) -> None:
    ang = math.atan2(p2[1] - p1[1], p2[0] - p1[0])
    pts = [p2, (p2[0] - 12 * math.cos(ang - 0.4), p2[1] - 12 * math.sin(ang - 0.4)),
           (p2[0] - 12 * math.cos(ang + 0.4), p2[1] - 12 * math.sin(ang + 0.4))]
    pygame.draw.polygon(s, colour, pts)


def _dashed_rect(pygame, s, rect, colour) -> None:
    x0, y0, x1, y1 = rect.left, rect.top, rect.right - 1, rect.bottom - 1
    for x in range(x0, x1, 12):
        pygame.draw.line(s, colour, (x, y0), (min(x + 6, x1), y0), 2)
        pygame.draw.line(s, colour, (x, y1), (min(x + 6, x1), y1), 2)
    for y in range(y0, y1, 12):
        pygame.draw.line(s, colour, (x0, y), (x0, min(y + 6, y1)), 2)
        pygame.draw.line(s, colour, (x1, y), (x1, min(y + 6, y1)), 2)


def run_map(deck: Deck, output: str, games: int, out, progress=None) -> int:
    if "journey" not in deck.modes or not deck.stages:
        print("A map shows a journey deck's stages; this deck has no journey.", file=out)
        return 1
    lay = layout(deck, set(random_journeys(deck, games, progress).never_reached))
    path = Path(output)
    try:
        if path.suffix.lower() == ".svg":
            path.write_text(to_svg(lay, deck.title), encoding="utf-8")
        else:
            to_png(lay, deck.title, path)
    except OSError as e:
        print(f"Could not write {path}: {e.strerror}.", file=out)
        return 1
    print(f"Wrote {path} ({counted(len(lay.boxes), 'card')} in "
          f"{counted(len(lay.lanes), 'stage')}).", file=out)
    return 0

"""Draw every card's picture for the shipped decks: warm, crayon-like, and reproducible.

    python tools/draw_cards.py                           # the decks in DECKS below
    python tools/draw_cards.py decks/kais-journey --only first-night

Why a script and not a folder of drawings: the decks need a picture on every card today, the
pictures must never show a real person or come from stock libraries, and anyone must be able to
rebuild them exactly (each card's randomness is seeded from its deck and card id). Young people's
own drawings can replace any file later: the deck only names `images/<card-id>.png`.

The style: one warm palette, paper with a little tooth, shapes filled with wobbly crayon
hatching and outlined twice by a shaky hand. Pictures are drawn straight onto an 8-bit
palette surface, so the PNGs stay small (tens of KB) without any extra image library.
Each card gets a motif from MOTIFS below (a house, a bag, a phone...); unknown ids get stars.
"""

from __future__ import annotations

import hashlib
import math
import os
import random
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402  (the environment must be set first)
import yaml  # noqa: E402

W, H = 800, 600
ROOT = Path(__file__).resolve().parent.parent
# Only these decks get drawn unless a folder is named: other decks may hold drawings by hand.
DECKS = ("cards-youre-dealt", "kais-journey", "rileys-journey")

PALETTE = {
    "paper": (250, 242, 224), "paper2": (242, 228, 202), "ink": (92, 58, 42),
    "white": (255, 252, 244), "glow": (255, 234, 160), "grey": (160, 148, 136),
    "orange": (232, 132, 58), "orange2": (247, 192, 132),
    "red": (204, 72, 60), "red2": (238, 142, 122),
    "yellow": (238, 186, 58), "yellow2": (250, 222, 138),
    "green": (108, 150, 82), "green2": (176, 202, 130),
    "blue": (78, 128, 170), "blue2": (152, 190, 212),
    "pink": (224, 118, 140), "pink2": (246, 186, 192),
    "purple": (132, 92, 142), "purple2": (192, 162, 202),
    "wood": (166, 110, 70), "wood2": (212, 166, 120),
    "night": (58, 62, 104), "night2": (100, 104, 150),
}

def motifs(table: str) -> dict[str, str]:
    """`card-id motif` pairs, as many to a line as fit; `#` starts a note."""
    words = " ".join(line.split("#")[0] for line in table.splitlines()).split()
    cards = words[::2]
    if len(words) % 2 or len(set(cards)) != len(cards):
        raise ValueError("MOTIFS: a card without a motif, or a card named twice")
    return dict(zip(cards, words[1::2], strict=True))


# Which picture each card gets. Keep it next to the drawing code so one file tells the story.
MOTIFS = motifs("""
    # The Cards You're Dealt (classic)
    family-first-night phone  family-sister-across-town two-houses
    family-time-room table  family-cancelled window  family-last-to-know letter
    family-new-baby pram  family-two-families two-hearts  family-after-eighteen bus
    people-worker-number-five door  people-no-goodbye letter
    people-she-remembered ball  people-sleepover tent  people-friends-dont-know key
    people-who-is-who speech  people-front-row star  people-who-will-be-there phone
    moving-bin-bag bin-bag  moving-short-notice clock  moving-new-rules house
    moving-new-kid school  moving-not-unpacking suitcase  moving-two-buses bus
    moving-left-behind box  moving-own-front-door key
    my-say-corridor door  my-say-big-words pencil  my-say-asked-then-ignored speech
    my-say-bedroom-walls paint-pot  my-say-on-my-side two-hearts
    my-say-out-of-maths school  my-say-reading-my-file book  my-say-my-plan road
    who-i-am-my-hair comb  who-i-am-food-from-home pot  who-i-am-baby-photo frame
    who-i-am-memory-box box  who-i-am-my-name star  who-i-am-more-than-a-file sun
    who-i-am-birthday cake  who-i-am-my-story book
    safe-landing-light bed  safe-lock-on-door key  safe-health-check heart
    safe-angry cloud  safe-still-waiting clock  safe-believed heart
    safe-my-phone phone  safe-doctors calendar
    # Kai's Journey
    first-night window  mia-rings-back phone  bin-bags bin-bag
    house-rules house  school-tomorrow school  first-visit speech
    is-mum-ok heart  bad-dream bed
    worker-leaving letter  still-packed suitcase  tenth-birthday cake
    the-other-kid two-houses  the-meeting table  after-the-meeting cup
    sunday-food pot  my-hair comb  treasures box  two-nans two-hearts
    baby-photo frame  why-in-care speech  two-buses bus
    parents-evening school  art-room palette  the-chair cloud
    school-trip bus  good-at-art paint-pot
    family-centre table  mum-late clock  mum-says-sorry heart
    mia-adopted tree  nan-calls phone  new-baby pram  dad-letter letter
    writing-back pencil  mum-doing-well house  zoo-with-mia sun
    phone-rules phone  out-late moon  older-friends road  who-am-i star
    read-my-file book  sleepover tent  angry-all-the-time cloud
    saturday-job calendar  online-posts speech
    pathway-plan road  staying-with-jo house  own-keys key  bills letter
    first-christmas star  art-college palette  the-rest-of-my-story book
    letter-from-mia letter  moving-to-jo suitcase  health-assessment heart
    pep school  my-review table  return-interview cup  eighteen cake
    # Riley's Journey (pathway-plan shares Kai's road; the seed differs by deck)
    the-knock door  maple-house-door house  my-quiet headphones
    new-faces calendar  health-check heart  same-school school
    family-time-centre tree  new-boy ball  ramadan moon
    first-review table  reg44-visitor cup  bev-leaving suitcase
    court-papers scales  my-guardian pencil  own-solicitor speech
    the-hearing courthouse  dawit-age letter
    sky two-hearts  sleepover-at-sky tent  ehc-review paint-pot
    auntie-noor house  nan-guardian two-houses
    the-door door  police-station clock  phone-taken phone  youth-panel road
    missing-at-skys moon
    advocate speech  complaint pencil  complaint-reply letter
    second-review star  in-care-council sun
    supported-at-16 key  staying-close two-houses  staying-put house
    local-offer book  lola-asks bus
""")

NIGHT_MOTIFS = {"window", "moon", "bed", "tent"}
# Colours with no pale partner get streaks of a neighbouring colour instead.
SHADE = {name: name[:-1] for name in PALETTE if name.endswith("2")}
SHADE.update({"white": "paper2", "glow": "yellow2", "paper": "paper", "grey": "ink"})


# --- shapes: lists of points in motif space (origin at the centre, about 400 x 360 big) ------

def rect(x, y, w, h):
    return [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]


def ellipse(cx, cy, rx, ry, n=40, start=0.0, end=2 * math.pi):
    return [(cx + rx * math.cos(start + (end - start) * i / n),
             cy + ry * math.sin(start + (end - start) * i / n)) for i in range(n)]


def heart(cx, cy, s):
    pts = []
    for i in range(48):
        t = 2 * math.pi * i / 48
        x = 16 * math.sin(t) ** 3
        y = 13 * math.cos(t) - 5 * math.cos(2 * t) - 2 * math.cos(3 * t) - math.cos(4 * t)
        pts.append((cx + x * s / 16, cy - y * s / 16))
    return pts


def star(cx, cy, r, points=5):
    pts = []
    for i in range(points * 2):
        rr = r if i % 2 == 0 else r * 0.45
        a = -math.pi / 2 + math.pi * i / points
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    return pts


def smooth(pts, rounds=3):
    """Round off a polygon's corners (Chaikin's method): bags, clouds, hands of a child."""
    for _ in range(rounds):
        out = []
        for i, (x0, y0) in enumerate(pts):
            x1, y1 = pts[(i + 1) % len(pts)]
            out += [(0.75 * x0 + 0.25 * x1, 0.75 * y0 + 0.25 * y1),
                    (0.25 * x0 + 0.75 * x1, 0.25 * y0 + 0.75 * y1)]
        pts = out
    return pts


# A part is (points, fill colour or None, outline?) ; a line is ("line", points, colour, width).

def shape(points, fill, outline=True):
    return (points, fill, outline)


def line(points, colour="ink", width=4):
    return ("line", points, colour, width)


# --- motifs ---------------------------------------------------------------------------------

def m_house(r):
    wall = r.choice(["orange2", "pink2", "yellow2", "blue2"])
    return [shape(rect(-150, -40, 300, 200), wall),
            shape(rect(80, -150, 40, 80), "wood"),
            shape([(-185, -30), (0, -170), (185, -30)], r.choice(["red", "wood", "purple"])),
            shape(rect(-35, 60, 70, 100), "wood"),
            shape(rect(-125, 0, 70, 60), "glow"), shape(rect(55, 0, 70, 60), "glow"),
            line([(-90, 0), (-90, 60)], width=3), line([(90, 0), (90, 60)], width=3),
            line([(-240, 162), (240, 162)], "green", 6)]


def m_two_houses(r):
    out = []
    for dx, col in ((-170, "orange2"), (170, r.choice(["blue2", "pink2"]))):
        out += [shape(rect(dx - 80, -10, 160, 120), col),
                shape([(dx - 100, -5), (dx, -90), (dx + 100, -5)], "red"),
                shape(rect(dx - 20, 50, 40, 60), "wood"),
                shape(rect(dx - 60, 15, 36, 30), "glow")]
    out.append(line([(-80, 140), (-30, 120), (30, 150), (80, 130)], "grey", 4))
    out.append(shape(heart(0, -120, 34), "pink"))
    return out


def m_door(r):
    return [shape(rect(-110, -190, 220, 370), "wood2"),
            shape(rect(-95, -175, 190, 355), r.choice(["blue", "green", "red", "purple"])),
            shape(rect(-70, -150, 140, 130), None), shape(rect(-70, 0, 140, 150), None),
            shape(ellipse(60, 20, 11, 11, 16), "yellow"),
            shape(rect(-130, 180, 260, 22), "orange2"),
            line([(-90, 172), (90, 172)], "glow", 5)]


def m_window(r):
    """A house at night with one window lit: someone is up, someone is there."""
    return [shape(rect(-210, -60, 420, 230), "night2"),
            shape([(-240, -50), (0, -200), (240, -50)], "night"),
            shape(rect(-70, -10, 140, 120), "glow"),
            line([(0, -10), (0, 110)], "wood", 7), line([(-70, 50), (70, 50)], "wood", 7),
            shape([(-70, -10), (-30, -10), (-55, 110), (-70, 110)], "red", False),
            shape([(70, -10), (30, -10), (55, 110), (70, 110)], "red", False),
            shape(rect(-70, -10, 140, 120), None),
            shape(rect(120, 60, 50, 110), "wood"),
            shape(ellipse(-190, -190, 44, 44, 24), "yellow2"),
            line([(-290, 172), (290, 172)], "green", 6)]


def m_moon(r):
    out = [shape(ellipse(-40, -20, 120, 120), "yellow2"),
           shape(ellipse(10, -50, 100, 100), "paper", False)]
    if r.random() < 0.5:
        out.append(shape(smooth([(-200, 120), (-150, 60), (-60, 70), (0, 40), (60, 90), (90, 140),
                                 (-200, 150)], 2), "blue2"))
    for _ in range(6):
        out.append(shape(star(r.uniform(60, 220), r.uniform(-160, 140), r.uniform(12, 24)),
                         r.choice(["yellow", "glow"])))
    return out


def m_phone(r):
    return [shape(rect(-90, -170, 180, 340), "night"),
            shape(rect(-72, -140, 144, 260), r.choice(["blue2", "green2", "pink2"])),
            shape(ellipse(0, 150, 12, 12, 16), "grey"),
            shape(ellipse(160, -140, 80, 55), "white"),
            shape([(110, -100), (95, -60), (140, -95)], "white", False),
            shape(heart(160, -140, 30), "red"),
            line([(-40, -60), (40, -60)], "white", 6), line([(-40, -20), (20, -20)], "white", 6)]


def m_school(r):
    out = [shape(rect(-220, -60, 440, 220), r.choice(["red2", "orange2", "yellow2"])),
           shape([(-70, -60), (0, -170), (70, -60)], "red"),
           shape(ellipse(0, -95, 24, 24, 24), "white"),
           line([(0, -95), (0, -112)], width=3), line([(0, -95), (12, -95)], width=3),
           shape(rect(-30, 80, 60, 80), "wood")]
    for x in (-190, -120, 60, 130):
        for y in (-30, 40):
            out.append(shape(rect(x, y, 50, 45), "blue2"))
    out.append(line([(-260, 162), (260, 162)], "green", 6))
    return out


def m_heart(r):
    out = [shape(heart(0, 0, 150), r.choice(["red", "pink"]))]
    for _ in range(4):
        out.append(shape(heart(r.choice([-1, 1]) * r.uniform(180, 240), r.uniform(-150, 150),
                               r.uniform(18, 30)), r.choice(["pink2", "orange2", "red2"])))
    return out


def m_two_hearts(r):
    return [shape(heart(-70, -10, 120), "red"), shape(heart(80, 20, 110), "orange"),
            shape(star(0, -170, 22), "yellow")]


def m_key(r):
    col = r.choice(["yellow", "orange", "blue2", "pink"])
    tag = r.choice([heart(-60, -150, 30), star(-60, -150, 30)])
    return [shape(ellipse(-110, 0, 80, 80), col), shape(ellipse(-110, 0, 32, 32), "paper"),
            shape(rect(-35, -18, 230, 36), col),
            shape(rect(140, 18, 24, 45), col), shape(rect(95, 18, 24, 32), col),
            line([(-110, -80), (-150, -150), (-90, -150)], "grey", 4),
            shape(tag, r.choice(["red", "green", "purple"]))]


def m_tree(r):
    out = [shape([(-25, 170), (-20, -20), (20, -20), (30, 170)], "wood")]
    for cx, cy, rr in ((0, -90, 110), (-90, -40, 80), (90, -40, 80), (0, -170, 70)):
        out.append(shape(ellipse(cx, cy, rr, rr * 0.85), "green"))
    for _ in range(5):
        out.append(shape(heart(r.uniform(-120, 120), r.uniform(-180, 0), 16), "red"))
    out.append(line([(-220, 172), (220, 172)], "green2", 6))
    return out


def m_bus(r):
    body = r.choice(["red", "orange", "yellow"])
    out = [shape(rect(-250, -110, 500, 210), body)]
    for x in range(-225, 200, 90):
        out.append(shape(rect(x, -85, 70, 70), "blue2"))
    out += [shape(rect(180, 0, 50, 95), "blue2"),
            shape(ellipse(-150, 110, 42, 42, 24), "night"), shape(ellipse(150, 110, 42, 42, 24),
                                                                 "night"),
            line([(-290, 155), (290, 155)], "grey", 5)]
    return out


def m_letter(r):
    paper_col = r.choice(["white", "yellow2", "pink2", "blue2"])
    seal = r.choice([heart(0, 20, 40), star(0, 20, 40)])
    return [shape(rect(-200, -130, 400, 260), paper_col),
            line([(-200, -130), (0, 20), (200, -130)], width=4),
            line([(-200, 130), (-60, -10)], width=3), line([(200, 130), (60, -10)], width=3),
            shape(seal, r.choice(["red", "orange", "purple"])),
            shape(rect(130, -115, 50, 60), r.choice(["blue", "green", "orange", "red"]))]


def m_clock(r):
    h = r.uniform(0, 2 * math.pi)
    return [shape(ellipse(0, 0, 170, 170, 48), "white"),
            shape(ellipse(0, 0, 150, 150, 48), None),
            line([(0, 0), (90 * math.cos(h), 90 * math.sin(h))], width=8),
            line([(0, 0), (0, -125)], width=5),
            shape(ellipse(0, 0, 12, 12, 12), "red")] + [
        line([(135 * math.cos(a), 135 * math.sin(a)), (150 * math.cos(a), 150 * math.sin(a))],
             width=5) for a in [i * math.pi / 6 for i in range(12)]]


def m_cake(r):
    out = [shape(rect(-170, 0, 340, 150), "pink2"), shape(rect(-170, -20, 340, 40), "white"),
           shape(rect(-210, 150, 420, 20), "grey")]
    for x in (-100, -30, 40, 110):
        out.append(shape(rect(x - 8, -110, 16, 90), r.choice(["blue", "yellow", "green"])))
        out.append(shape([(x, -160), (x - 14, -125), (x, -112), (x + 14, -125)], "orange"))
    return out


def m_box(r):
    return [shape(rect(-180, -20, 360, 180), "wood2"),
            shape([(-180, -20), (-140, -160), (220, -160), (180, -20)], "wood"),
            shape(heart(-60, 60, 50), "red"), shape(star(70, 60, 40), "yellow"),
            shape(rect(-20, -20, 40, 30), "yellow")]


def m_book(r):
    return [shape([(-230, -120), (0, -90), (0, 150), (-230, 120)], "white"),
            shape([(230, -120), (0, -90), (0, 150), (230, 120)], "white"),
            shape([(-240, 130), (0, 165), (240, 130), (240, 150), (0, 185), (-240, 150)],
                  r.choice(["blue", "red", "green"]))] + [
        line([(-200, -70 + 35 * i), (-30, -50 + 35 * i)], "grey", 3) for i in range(5)] + [
        shape(heart(115, 10, 50), "pink")]


def m_palette(r):
    out = [shape(ellipse(0, 0, 210, 150), r.choice(["wood2", "orange2"])),
           shape(ellipse(110, 50, 30, 26), "paper")]
    blobs = ["red", "yellow", "blue", "green", "pink", "purple", "orange"]
    r.shuffle(blobs)
    for i, c in enumerate(blobs[:5]):
        a = math.pi * (0.85 + 0.3 * i)
        out.append(shape(ellipse(130 * math.cos(a), 90 * math.sin(a), 28, 24), c))
    tip = r.choice(["purple", "red", "blue"])
    out += [shape([(150, -180), (170, -170), (30, 20), (15, 10)], "wood"),
            shape([(150, -180), (185, -215), (175, -165)], tip)]
    return out


def m_paint_pot(r):
    """An easel with a picture on it, and paint: making something of your own."""
    col = r.choice(["blue", "green", "pink", "orange", "purple"])
    return [line([(-150, 170), (-90, -160)], "wood", 10), line([(90, 170), (30, -160)], "wood", 10),
            line([(-30, -190), (-30, 170)], "wood", 9),
            shape(rect(-190, -170, 300, 230), "white"),
            shape(smooth([(-180, 50), (-120, -20), (-40, 10), (40, -50), (100, 50)], 1), "green2"),
            shape(ellipse(40, -100, 36, 36, 24), "yellow"),
            shape(rect(-220, 60, 360, 20), "wood2"),
            shape(rect(150, 60, 110, 110), "grey"), shape(ellipse(205, 60, 55, 16), col),
            shape([(190, 40), (210, -120), (232, -120), (222, 40)], "wood"),
            shape([(208, -120), (221, -170), (234, -120)], col)]


def m_pencil(r):
    return [shape(rect(-200, -150, 260, 320), "white")] + [
        line([(-170, -100 + 40 * i), (20, -100 + 40 * i)], "blue2", 3) for i in range(7)] + [
        shape([(60, 120), (200, -120), (235, -100), (95, 140)], "yellow"),
        shape([(60, 120), (95, 140), (55, 175)], "wood2"),
        shape([(200, -120), (215, -145), (250, -125), (235, -100)], "pink")]


def m_speech(r):
    return [shape(ellipse(-80, -60, 170, 110), "white"),
            shape([(-140, 30), (-170, 110), (-80, 45)], "white", False),
            shape(ellipse(130, 80, 120, 80), r.choice(["yellow2", "blue2", "pink2"])),
            shape([(170, 150), (200, 200), (130, 155)], "yellow2", False),
            shape(heart(130, 80, 34), "red")] + [
        line([(-180, -90 + 35 * i), (20 - 30 * i, -90 + 35 * i)], "grey", 4) for i in range(3)]


def m_cloud(r):
    out = [shape(ellipse(0, -40, 190, 100), "night2"), shape(ellipse(-120, -10, 90, 70), "night2"),
           shape(ellipse(120, -10, 90, 70), "night2"),
           shape([(-10, 40), (-60, 130), (-10, 120), (-40, 200), (50, 90), (0, 100), (30, 40)],
                 "yellow")]
    for x in (-150, -90, 90, 150):
        out.append(line([(x, 70), (x - 15, 120)], "blue", 5))
    return out


def m_sun(r):
    out = [shape(ellipse(0, 0, 120, 120), "yellow")]
    for i in range(12):
        a = i * math.pi / 6 + r.uniform(-0.1, 0.1)
        out.append(line([(150 * math.cos(a), 150 * math.sin(a)),
                         (210 * math.cos(a), 210 * math.sin(a))], "orange", 8))
    return out


def m_star(r):
    out = [shape(star(0, 0, 170), "yellow")]
    for _ in range(5):
        out.append(shape(star(r.choice([-1, 1]) * r.uniform(190, 250), r.uniform(-170, 170),
                              r.uniform(16, 28)), r.choice(["orange2", "yellow2", "pink2"])))
    return out


def m_table(r):
    return [shape(rect(-240, -20, 480, 30), "wood"),
            shape(rect(-220, 10, 26, 160), "wood"), shape(rect(194, 10, 26, 160), "wood"),
            shape(rect(-170, -120, 140, 100), "blue2"), shape(rect(-150, -160, 40, 40), "red2"),
            shape(ellipse(110, -60, 60, 40), "white"), shape(rect(150, -75, 20, 30), None),
            shape(ellipse(100, -140, 30, 30, 20), "yellow")]


def m_bin_bag(r):
    bag = smooth([(-150, 170), (-200, 60), (-160, -60), (-40, -110), (40, -110), (160, -60),
                  (200, 60), (150, 170)])
    return [shape(bag, "night"),
            shape(smooth([(-40, -105), (-70, -190), (0, -140), (70, -190), (40, -105)], 2),
                  "night2"),
            line([(-90, -30), (-50, 60), (-70, 120)], "night2", 5),
            line([(90, -10), (60, 90)], "night2", 5),
            shape(heart(230, -120, 34), "red"), shape(star(-250, 150, 26), "yellow")]


def m_suitcase(r):
    col = r.choice(["blue", "red", "orange", "green"])
    return [shape(rect(-210, -110, 420, 270), col),
            shape(rect(-60, -170, 120, 60), None),
            shape(rect(-120, -110, 30, 270), col + "2"), shape(rect(90, -110, 30, 270), col + "2"),
            shape(star(0, 30, 45), "yellow"), shape(heart(-165, -60, 24), "pink")]


def m_ball(r):
    return [shape(ellipse(0, 0, 150, 150, 48), "white"), shape(star(0, 0, 55, 5), "night"),
            line([(0, -55), (0, -150)], width=4), line([(52, 17), (142, 46)], width=4),
            line([(-52, 17), (-142, 46)], width=4),
            line([(-240, 168), (240, 168)], "green", 8)]


def m_road(r):
    """A path that winds away over a hill to a little flag: a future, a plan."""
    left = [(-170, 190), (-60, 90), (-90, 10), (-10, -80), (-30, -140)]
    right = [(-10, -140), (20, -80), (-40, 10), (20, 90), (150, 190)]
    return [shape(smooth([(-340, 190), (-330, -40), (-150, -120), (120, -150), (330, -60),
                          (340, 190)], 2), "green2"),
            shape(smooth(left + right, 1), r.choice(["yellow2", "wood2"])),
            shape(rect(-24, -230, 7, 95), "wood"), shape([(-17, -230), (50, -210), (-17, -190)],
                                                          r.choice(["red", "blue", "purple"])),
            shape(ellipse(-220, 40, 50, 60), "green"), shape(ellipse(210, 20, 45, 55), "green"),
            shape(rect(-226, 95, 12, 40), "wood"), shape(rect(205, 70, 12, 40), "wood")]


def m_pram(r):
    return [shape([(-160, -20), (160, -20), (120, 110), (-120, 110)], "blue2"),
            shape(ellipse(-60, -20, 100, 100, 30, math.pi, 2 * math.pi), "blue"),
            line([(160, -20), (220, -120)], width=6),
            shape(ellipse(-90, 140, 35, 35, 20), "night"), shape(ellipse(90, 140, 35, 35, 20),
                                                                 "night"),
            shape(star(120, -170, 26), "yellow"), shape(heart(-200, -150, 26), "pink")]


def m_cup(r):
    return [shape(rect(-110, -60, 220, 200), r.choice(["red", "blue", "green"])),
            shape(ellipse(120, 30, 55, 55, 30, -math.pi / 2, math.pi / 2), None),
            shape(ellipse(0, -60, 110, 24), "wood"), shape(heart(0, 40, 44), "white"),
            line([(-40, -100), (-60, -150), (-40, -200)], "grey", 4),
            line([(30, -100), (10, -150), (30, -200)], "grey", 4)]


def m_pot(r):
    return [shape([(-180, -40), (180, -40), (150, 130), (-150, 130)], "orange"),
            shape(ellipse(0, -40, 180, 30), "yellow2"),
            shape(rect(-230, -50, 50, 24), "wood"), shape(rect(180, -50, 50, 24), "wood"),
            line([(-60, -90), (-80, -150), (-60, -210)], "grey", 4),
            line([(40, -90), (20, -150), (40, -210)], "grey", 4),
            shape(heart(0, 50, 40), "red")]


def m_comb(r):
    out = [shape(rect(-200, -40, 400, 60), r.choice(["purple", "pink", "blue"]))]
    for x in range(-185, 190, 30):
        out.append(line([(x, 20), (x, 120)], "ink", 8))
    out += [shape(heart(0, -130, 50), "red"), shape(star(-170, -130, 26), "yellow"),
            shape(star(170, -130, 26), "yellow")]
    return out


def m_frame(r):
    return [shape(rect(-170, -180, 340, 340), "wood"), shape(rect(-130, -140, 260, 260), "white"),
            shape(star(0, -10, 70), "yellow2"), shape(heart(60, 70, 28), "pink"),
            shape(heart(-60, 70, 28), "pink")]


def m_calendar(r):
    out = [shape(rect(-190, -150, 380, 310), "white"), shape(rect(-190, -150, 380, 60), "red")]
    for i in range(4):
        for j in range(5):
            out.append(shape(rect(-165 + 70 * j, -70 + 55 * i, 45, 35), None))
    out.append(shape(heart(-165 + 70 * r.randrange(5) + 22, -70 + 55 * r.randrange(4) + 17, 26),
                     "pink", False))
    return out


def m_bed(r):
    cover = r.choice(["blue", "purple", "green", "pink"])
    return [shape(rect(-230, -120, 40, 290), "wood"), shape(rect(190, -40, 40, 210), "wood"),
            shape(rect(-190, 20, 380, 90), cover),
            shape(smooth([(-185, -40), (-80, -60), (-80, 20), (-185, 20)], 1), "white"),
            shape(rect(-190, 110, 380, 20), "wood2"),
            shape(rect(250, -10, 70, 180), "wood2"), shape([(260, -130), (310, -130), (330, -40),
                                                            (240, -40)], "glow"),
            line([(285, -40), (285, -10)], width=5),
            shape(star(0, -160, 22), "yellow"), shape(star(-120, -190, 14), "yellow")]


def m_tent(r):
    col = r.choice(["orange", "red", "green", "blue"])
    return [shape([(-230, 150), (0, -150), (230, 150)], col),
            shape([(-60, 150), (0, 10), (60, 150)], "night"),
            line([(0, -150), (-20, -190)], width=5), line([(0, -150), (20, -190)], width=5),
            line([(-290, 152), (290, 152)], "green", 6),
            shape(ellipse(200, -160, 40, 40, 24), "yellow2")]


def m_headphones(r):
    """Ear defenders: the quiet a young person asked for."""
    col = r.choice(["blue", "purple", "green", "red"])
    arc = ellipse(0, 10, 148, 165, 30, math.pi, 2 * math.pi) + [(148, 10)]
    return [line(arc, "ink", 24), line(arc, col, 16),
            shape(smooth(rect(-190, -10, 84, 150), 2), col + "2"),
            shape(smooth(rect(106, -10, 84, 150), 2), col + "2"),
            shape(ellipse(-148, 65, 22, 48, 24), "night"), shape(ellipse(148, 65, 22, 48, 24),
                                                                  "night"),
            shape(star(0, -190, 22), "yellow"), shape(heart(0, 120, 30), "pink")]


def m_scales(r):
    """A pair of scales, level: both voices weighed."""
    pan = r.choice(["yellow", "orange"])
    return [shape(rect(-12, -150, 24, 290), "wood"), shape(rect(-110, 140, 220, 30), "wood2"),
            shape(rect(-200, -150, 400, 18), "wood"),
            line([(-180, -132), (-230, 20)], width=3), line([(-180, -132), (-130, 20)], width=3),
            line([(180, -132), (130, 20)], width=3), line([(180, -132), (230, 20)], width=3),
            shape(ellipse(-180, 20, 70, 30, 30, 0, math.pi), pan),
            shape(ellipse(180, 20, 70, 30, 30, 0, math.pi), pan),
            shape(heart(-180, -10, 26), "red"), shape(star(180, -10, 28), "blue"),
            shape(ellipse(0, -170, 26, 26, 20), "yellow")]


def m_courthouse(r):
    """A plain court building with steps: somewhere a young person can be shown round."""
    out = [shape([(-230, -70), (0, -180), (230, -70)], r.choice(["blue2", "purple2", "wood2"])),
           shape(rect(-220, -70, 440, 30), "white")]
    for x in (-180, -90, 0, 90, 180):
        out.append(shape(rect(x - 20, -40, 40, 170), "white"))
    out += [shape(rect(-240, 130, 480, 20), "grey"), shape(rect(-270, 150, 540, 20), "grey"),
            shape(ellipse(0, -115, 26, 26, 20), "yellow"),
            line([(-300, 172), (300, 172)], "green", 6)]
    return out


DRAW = {name[2:].replace("_", "-"): fn for name, fn in globals().items() if name.startswith("m_")}


# --- the crayon ------------------------------------------------------------------------------

class Crayon:
    """Draws parts onto an 8-bit palette canvas with hatched fills and shaky outlines."""

    def __init__(self, seed: int):
        self.r = random.Random(seed)
        self.canvas = pygame.Surface((W, H), depth=8)
        colours = list(PALETTE.values())
        self.canvas.set_palette(colours + [(0, 0, 0)] * (256 - len(colours)))
        self.canvas.fill(PALETTE["paper"])
        self.grain = self._grain(0.22)
        self.light_grain = self._grain(0.10)
        a = self.r.uniform(0.5, 0.8)
        self.hatch = self._hatch(a, 4, 3)
        self.cross = self._hatch(a + self.r.uniform(1.1, 1.5), 7, 2)

    def _scratch(self) -> pygame.Surface:
        s = pygame.Surface((W, H), pygame.SRCALPHA)
        s.fill((0, 0, 0, 0))
        return s

    def _grain(self, density: float) -> pygame.mask.Mask:
        """Paper tooth: little holes where the crayon skips. A random tile, repeated."""
        tile = pygame.mask.Mask((100, 100))
        for _ in range(int(100 * 100 * density)):
            tile.set_at((self.r.randrange(100), self.r.randrange(100)))
        full = pygame.mask.Mask((W, H))
        for x in range(0, W, 100):
            for y in range(0, H, 100):
                full.draw(tile, (x, y))
        return full

    def _hatch(self, angle: float, spacing: int, width: int) -> pygame.mask.Mask:
        s = self._scratch()
        dx, dy = math.cos(angle), math.sin(angle)
        nx, ny = -dy, dx
        reach = W + H
        for k in range(-reach, reach, spacing):
            pts = []
            for t in range(-reach, reach + 1, 60):
                wob = self.r.uniform(-1.2, 1.2)
                pts.append((W / 2 + dx * t + nx * (k + wob), H / 2 + dy * t + ny * (k + wob)))
            pygame.draw.lines(s, (255, 255, 255, 255), False, pts, width)
        return pygame.mask.from_surface(s)

    def wobble(self, pts, closed=True, step=14.0, amount=2.2):
        """Split edges into short steps and shake each point a little, like a hand does."""
        out = []
        n = len(pts) if closed else len(pts) - 1
        phase = self.r.uniform(0, 6.3)
        for i in range(n):
            (x0, y0), (x1, y1) = pts[i], pts[(i + 1) % len(pts)]
            steps = max(1, int(math.hypot(x1 - x0, y1 - y0) / step))
            for j in range(steps):
                t = j / steps
                phase += 0.35
                d = amount * math.sin(phase) + self.r.uniform(-0.8, 0.8)
                out.append((x0 + (x1 - x0) * t + d, y0 + (y1 - y0) * t + d * 0.7))
        if not closed:
            out.append(pts[-1])
        return out

    def _paint(self, mask: pygame.mask.Mask, colour: str) -> None:
        mask.to_surface(self.canvas, setcolor=PALETTE[colour], unsetcolor=None)

    def _area(self, pts) -> pygame.mask.Mask:
        s = self._scratch()
        pygame.draw.polygon(s, (255, 255, 255, 255), self.wobble(pts, amount=1.2))
        return pygame.mask.from_surface(s)

    def _streaks(self, area, hatch, colour: str) -> None:
        m = area.overlap_mask(hatch, (0, 0))
        m.erase(self.grain, (0, 0))
        self._paint(m, colour)

    def fill(self, pts, colour: str) -> None:
        """A pale layer, then crayon streaks of the colour, so a fill reads as solid from afar."""
        area = self._area(pts)
        pale = colour + "2" if colour + "2" in PALETTE else None
        under = area.copy()
        under.erase(self.light_grain, (0, 0))
        self._paint(under, pale or colour)
        if pale:
            self._streaks(area, self.hatch, colour)
        else:
            self._streaks(area, self.cross, SHADE.get(colour, colour))

    def stain(self, pts, colour: str = "paper2") -> None:
        self._streaks(self._area(pts), self.cross, colour)

    def stroke(self, pts, colour="ink", width=4, closed=False) -> None:
        s = self._scratch()
        for w, shake in ((width, 2.0), (max(2, width - 2), 2.8)):
            pygame.draw.lines(s, (255, 255, 255, 255), closed,
                              self.wobble(pts, closed, amount=shake), w)
        m = pygame.mask.from_surface(s)
        m.erase(self.light_grain, (0, 0))
        self._paint(m, colour)

    def draw(self, parts, cx, cy, scale, turn) -> None:
        c, s = math.cos(turn), math.sin(turn)

        def place(pts):
            return [(cx + scale * (x * c - y * s), cy + scale * (x * s + y * c)) for x, y in pts]

        for part in parts:
            if part[0] == "line":
                _, pts, colour, width = part
                self.stroke(place(pts), colour, width)
                continue
            pts, colour, outline = part
            pts = place(pts)
            if colour:
                self.fill(pts, colour)
            if outline:
                self.stroke(pts, "ink", 4, closed=True)


def paper(cr: Crayon, night: bool) -> None:
    """The sheet itself: a few soft stains, a border drawn by hand, a little sky."""
    r = cr.r
    for _ in range(3):
        x, y = r.uniform(0, W), r.uniform(0, H)
        cr.stain(ellipse(x, y, r.uniform(80, 160), r.uniform(50, 110), 24))
    cr.stroke(rect(22, 22, W - 44, H - 44), r.choice(["orange", "red2", "wood2"]), 5, closed=True)
    if night:
        for _ in range(7):
            cr.fill(star(r.uniform(60, W - 60), r.uniform(60, 180), r.uniform(8, 14)), "yellow")
    else:
        for _ in range(5):
            x, y = r.choice([r.uniform(60, 180), r.uniform(620, 740)]), r.uniform(70, 530)
            cr.fill(r.choice([heart(x, y, 14), star(x, y, 14)]),
                    r.choice(["pink2", "yellow2", "orange2", "blue2"]))


def seed_for(deck_id: str, card_id: str) -> int:
    return int.from_bytes(hashlib.sha256(f"{deck_id}/{card_id}".encode()).digest()[:8], "big")


def draw_card(deck_id: str, card_id: str) -> pygame.Surface:
    cr = Crayon(seed_for(deck_id, card_id))
    motif = MOTIFS.get(card_id, "star")
    paper(cr, motif in NIGHT_MOTIFS)
    parts = DRAW[motif](cr.r)
    cr.draw(parts, W / 2 + cr.r.uniform(-20, 20), H / 2 + 20 + cr.r.uniform(-10, 10),
            cr.r.uniform(0.92, 1.02), math.radians(cr.r.uniform(-4, 4)))
    return cr.canvas


def deck_cards(deck_dir: Path) -> tuple[str, list[str]]:
    """The deck id and its card ids, read from deck.yaml and cards/*.yaml (or inline cards)."""
    meta = yaml.safe_load((deck_dir / "deck.yaml").read_text(encoding="utf-8"))
    cards = meta.get("cards", "cards/")
    if isinstance(cards, str):
        found = []
        for f in sorted((deck_dir / cards).glob("*.yaml")):
            found += yaml.safe_load(f.read_text(encoding="utf-8")) or []
        cards = found
    return meta["id"], [c["id"] for c in cards]


def main(argv: list[str]) -> int:
    only = set()
    if "--only" in argv:
        i = argv.index("--only")
        only = set(argv[i + 1].split(","))
        argv = argv[:i] + argv[i + 2:]
    decks = [Path(a) for a in argv] or [ROOT / "decks" / name for name in DECKS]
    for deck_dir in decks:
        deck_id, ids = deck_cards(deck_dir)
        (deck_dir / "images").mkdir(exist_ok=True)
        for card_id in ids:
            if only and card_id not in only:
                continue
            if card_id not in MOTIFS:
                print(f"  note: no motif for {card_id}, drawing stars", file=sys.stderr)
            out = deck_dir / "images" / f"{card_id}.png"
            pygame.image.save(draw_card(deck_id, card_id), str(out))
        print(f"{deck_dir}: drew {len(only & set(ids)) if only else len(ids)} pictures")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

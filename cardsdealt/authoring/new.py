"""`cardsdealt new NAME [--mode journey|classic]`: a new deck folder that passes `check`,
with commented example cards, a placeholder picture and a README for the group."""

from __future__ import annotations

import functools
import os
import re
import struct
import zlib
from pathlib import Path
from typing import TextIO

import yaml

from cardsdealt.deck.images import PICTURE_MIN_SIDE
from cardsdealt.deck.problems import shell_word

JOURNEY_DECK = """\
# deck.yaml: about your deck. Lines starting with # are notes for you; the game ignores them.
# The full list of fields is in docs/deck-format.md. Run `cardsdealt check {folder}` after
# every change: it tells you exactly what to fix.
format: 1
id: {id}
title: "{title}"
language: en-GB
authors: ["Our group"]
written_by: contributors  # young-people if young people wrote the words; co-produced if together
licence: "CC BY-NC-SA 4.0"
content_notes:            # topics people should know about before they play
  - moving to a new home
introduction: |
  Hi, I'm Alex. Write here what you want people to hear before the game starts,
  in your own words. It is read aloud.
support:                  # shown at the end of every session
  - name: "Someone you trust"
    detail: "Talk about anything that came up for you today."
modes: [journey]
stats:                    # what the game keeps track of (whole numbers)
  trust: {{label: "Trust in adults", start: 2, min: 0, max: 5}}
  heard: {{label: "Feeling heard", start: 2, min: 0, max: 5}}
flags: [has_a_friend]     # things that are true or not
stages:                   # the parts of the journey, in order
  - id: arriving
    title: "Arriving"
    draws: 1              # how many cards are dealt in this stage
  - id: settling
    title: "Settling in"
    draws: 1
cards: cards/
reflections:              # questions that come up when something happens
  - when: "trust <= 1"
    prompt: "Alex has stopped trusting adults. What could start to change that?"
endings:                  # the first one whose `when` is true is used; the last has no `when`
  - title: "Feeling settled"
    when: "trust >= 3 and heard >= 3"
    text: "I think I can stay here for a while."
  - title: "Still unsure"
    text: "I'm not sure yet. Maybe next week."
"""

JOURNEY_CARDS = """\
# Each card starts with "- id:". Keep the other lines of the card two spaces in.
- id: first-day
  stage: arriving
  title: "First day"
  image: images/placeholder.png     # put your drawing in images/ and write its name here
  text: "I don't know anyone here. Where do I put my things?"
  discuss: "What would help Alex on the first day?"
  voice: "Show us our room and tell us the house rules kindly."
  choices:                          # 2 to 4 things an adult could do
    - label: "Show Alex their room and leave them time to unpack"
      effects: {trust: +1}          # how this changes the stats
      response: "It was quiet. I put my photo by the bed."
    - label: "Go straight through the house rules"
      effects: {heard: -1}
      response: "Too many rules. I forgot them all."

- id: new-friend
  stage: settling
  title: "A friend"
  image: images/placeholder.png
  text: "Someone at school asked me to sit with them."
  discuss: "How can adults help friendships grow?"
  voice: "Friends matter. Let us see them."
  choices:
    - label: "Say yes to a visit after school"
      effects: {heard: +1}
      set: [has_a_friend]
      response: "We played games all afternoon."
    - label: "Say it's too soon"
      effects: {trust: -1}
      response: "Everyone else can have friends round."
"""

CLASSIC_DECK = """\
# deck.yaml for a table game like the paper cards. Run `cardsdealt check {folder}`.
format: 1
id: {id}
title: "{title}"
language: en-GB
authors: ["Our group"]
written_by: contributors  # young-people if young people wrote the words; co-produced if together
licence: "CC BY-NC-SA 4.0"
content_notes:
  - family
introduction: |
  Write here what you want people to hear before the game, in your own words.
support:
  - name: "Someone you trust"
    detail: "Talk about anything that came up for you today."
modes: [classic]
cards: cards/
classic:
  players: {{min: 2, max: 3}}  # a table needs players x hand_size + 1 cards
  hand_size: 1             # cards each player starts with: raise it as you write more cards
  match: [theme, number]   # a card can be played on one with the same theme or number
  themes: [family, home]
"""

CLASSIC_CARDS = """\
# Each card starts with "- id:". Keep the other lines of the card two spaces in.
- id: my-sister
  title: "My sister"
  theme: family
  number: 1
  image: images/placeholder.png
  statement: "I'd like to see my sister every week."
  discuss: "Who could help make that happen?"
  voice: "Brothers and sisters matter to us."
- id: my-room
  title: "My room"
  theme: home
  number: 1
  image: images/placeholder.png
  statement: "Can I paint my room the colour I like?"
  discuss: "Why do small choices matter?"
  voice: "Let us make our room our own."
- id: photos
  title: "Photos"
  theme: family
  number: 2
  image: images/placeholder.png
  statement: "I don't have any photos of when I was little."
  discuss: "Whose job is it to keep memories safe?"
  voice: "Look after our things."
- id: key
  title: "A key"
  theme: home
  number: 2
  image: images/placeholder.png
  statement: "Everyone in the house has a key but me."
  discuss: "What would a key of my own tell me?"
  voice: "Treat us like family."
"""

README = """\
# {title}

Made with cardsdealt. Our deck, our words, our drawings.

1. Change `deck.yaml` and the cards in `cards/`.
2. Put your drawings in `images/` (PNG or JPEG, at least {min_side} pixels on the shorter
   side).
3. Run `cardsdealt check {folder}`: it tells you what to fix, and where.
4. Run `cardsdealt play {folder} --watch` to see each card change as you save.
5. Run `cardsdealt print {folder} -o cards.pdf` to print paper cards.
"""


# The starter's words are examples to change: `check` names any still left in a deck, since a
# room would read them as the group's own (authoring/lint.py). The introduction is an
# instruction to the group, found by this sentence; a card's words, by being the same text.
WRITE_HERE = "Write here what you want people to hear before the game"


@functools.cache
def starter_words() -> frozenset[str]:
    """Every text of the example cards (not their titles: a short title such as "Photos" may
    well be the group's own), each with its spaces as written."""
    out = set()
    for template in (JOURNEY_CARDS, CLASSIC_CARDS):
        for card in yaml.safe_load(template):
            out |= {card.get(k, "") for k in ("text", "statement", "discuss", "voice")}
            for choice in card.get("choices", ()):
                out |= {choice.get("label", ""), choice.get("response", "")}
    return frozenset(" ".join(w.split()) for w in out if w)


def placeholder_png(width: int = PICTURE_MIN_SIDE * 3 // 2, height: int = PICTURE_MIN_SIDE) \
        -> bytes:
    """A calm warm placeholder picture (a soft gradient with a frame), made without pygame,
    as big as `check` asks pictures to be."""
    frame = bytes((201, 123, 94))
    rows = []
    for y in range(height):
        t = y / (height - 1)
        base = bytes((int(250 - 20 * t), int(236 - 30 * t), int(214 - 40 * t)))
        row = bytearray(base * width)
        edge = min(y, height - 1 - y)  # the frame: 10 to 15 pixels in from the nearest edge
        if 10 <= edge < 16:
            row[30:3 * (width - 10)] = frame * (width - 20)
        elif edge >= 16:
            row[30:48] = row[3 * (width - 16):3 * (width - 10)] = frame * 6
        rows.append(b"\0" + bytes(row))
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + \
            struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", raw) + \
        chunk(b"IEND", b"")


def new_deck(folder: Path, mode: str = "journey") -> Path:
    """Create the deck folder. Refuses to touch a folder that already has files in it."""
    if folder.exists() and any(folder.iterdir()):
        raise FileExistsError(f"{folder} already exists and is not empty")
    name = folder.name
    deck_id = re.sub(r"[^a-z0-9-]+", "-", name.lower()).strip("-") or "my-deck"
    title = name.replace("-", " ").replace("_", " ").strip().title() or "My Deck"
    (folder / "cards").mkdir(parents=True, exist_ok=True)
    (folder / "images").mkdir(exist_ok=True)
    deck_tpl, cards_tpl = ((JOURNEY_DECK, JOURNEY_CARDS) if mode == "journey"
                           else (CLASSIC_DECK, CLASSIC_CARDS))
    fmt = {"id": deck_id, "title": title, "folder": shell_word(str(folder)),
           "min_side": PICTURE_MIN_SIDE}
    (folder / "deck.yaml").write_text(deck_tpl.format(**fmt), encoding="utf-8")
    (folder / "cards" / "cards.yaml").write_text(cards_tpl, encoding="utf-8")
    (folder / "images" / "placeholder.png").write_bytes(placeholder_png())
    (folder / "README.md").write_text(README.format(**fmt), encoding="utf-8")
    return folder


def run_new(name: str, mode: str, out: TextIO) -> int:
    folder = Path(name)
    try:
        new_deck(folder, mode)
    except FileExistsError:
        print(f"{folder} already has files in it, so nothing was changed. "
              "Choose a new name.", file=out)
        return 1
    except OSError as e:
        print(f"Could not make {folder}: {e.strerror}. Nothing else was changed.", file=out)
        return 1
    typed = shell_word(str(folder))
    print(f"Made a new {mode} deck in {folder}{os.sep}. Next:\n"
          f"  cardsdealt check {typed}\n  cardsdealt play {typed} --watch", file=out)
    return 0

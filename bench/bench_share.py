"""Sharing a deck: `pack` and `unpack` of a 50-card deck with 50 pictures (each a real PNG of
about 250 KB, noise so it does not compress: like a photo or a scanned drawing).
Goal (#18): <= 1 s each. Floors: Python's zipfile alone writing the same files (pack), and
zipfile's extractall of the same zip (unpack, which checks nothing); the ratios show what the
checks cost (every entry's name and type, bytes counted while unpacking, every picture read
as `check` reads it, the deck checked, one rename)."""

from __future__ import annotations

import os
import random
import shutil
import struct
import sys
import tempfile
import zipfile
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import median_time, report  # noqa: E402

from cardsdealt.session.share import pack, unpack  # noqa: E402

DECK_YAML = """format: 1
id: bench-share
title: "Share bench"
authors: ["bench"]
written_by: contributors
introduction: "A deck for the sharing benchmark."
modes: [classic]
cards: cards/
classic:
  themes: [family, home]
"""

CARD = """- id: card-{i}
  title: "Card {i}"
  theme: {theme}
  number: {number}
  image: images/card-{i}.png
  statement: "Something about my life that I want you to know, number {i}."
  discuss: "What would help here?"
  voice: "Ask us, then listen."
"""


def noise_png(width: int, height: int, rng: random.Random) -> bytes:
    raw = b"".join(b"\0" + rng.randbytes(width * 3) for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2,
                                                                0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 1)) + chunk(b"IEND", b""))


def make_deck(root: Path, cards: int = 50) -> Path:
    rng = random.Random(18)
    (root / "cards").mkdir(parents=True)
    (root / "images").mkdir()
    (root / "deck.yaml").write_text(DECK_YAML, encoding="utf-8")
    text = "".join(CARD.format(i=i, theme=("family", "home")[i % 2], number=i // 2 + 1)
                   for i in range(cards))
    (root / "cards" / "cards.yaml").write_text(text, encoding="utf-8")
    for i in range(cards):
        (root / "images" / f"card-{i}.png").write_bytes(noise_png(300, 280, rng))
    return root


def bare_pack(folder: Path, out: Path) -> None:
    with zipfile.ZipFile(out, "w") as zf:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                zf.write(path, path.relative_to(folder).as_posix(),
                         zipfile.ZIP_STORED if path.suffix == ".png" else zipfile.ZIP_DEFLATED)


def main() -> int:
    print("# pack / unpack: a 50-card deck with 50 pictures")
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        deck = make_deck(tmp_path / "deck")
        size = sum(p.stat().st_size for p in deck.rglob("*") if p.is_file())
        print(f"  deck: 50 cards, 50 pictures, {size / 2**20:.1f} MB")
        out = tmp_path / "deck.zip"
        floor_pack = median_time(lambda: bare_pack(deck, tmp_path / "bare.zip"), runs=5)
        ours_pack = median_time(lambda: pack(deck, out), runs=5)
        report("pack (median of 5)", f"{ours_pack * 1000:.0f} ms", ours_pack / floor_pack,
               "<= 1000 ms", ours_pack <= 1.0)
        report("  floor: zipfile writing the same files", f"{floor_pack * 1000:.0f} ms")

        into = tmp_path / "mine"

        def bare_unpack() -> None:
            target = tmp_path / "bare"
            shutil.rmtree(target, ignore_errors=True)
            with zipfile.ZipFile(out) as zf:
                zf.extractall(target)

        def ours_unpack() -> None:
            shutil.rmtree(into, ignore_errors=True)
            unpack(out, into)

        floor_unpack = median_time(bare_unpack, runs=5)
        ours_unpack_t = median_time(ours_unpack, runs=5)
        report("unpack (median of 5, every check)", f"{ours_unpack_t * 1000:.0f} ms",
               ours_unpack_t / floor_unpack, "<= 1000 ms", ours_unpack_t <= 1.0)
        report("  floor: zipfile extractall, no checks", f"{floor_unpack * 1000:.0f} ms")
        assert len(os.listdir(into)) == 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

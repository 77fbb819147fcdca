"""Sharing a deck as one zip: pack and unpack round-trip; a name already taken installs as
"Title (2)"; and every hostile zip is refused with one plain message, nothing written.

The hostile zips are built here, in tmp_path (no binary fixtures): some with Python's
zipfile, some byte by byte (`raw_zip`) where a zip must say what zipfile would never write
(a link, a size that lies, a gigabyte of zeros that is 1 MB packed)."""

from __future__ import annotations

import os
import shutil
import stat
import struct
import zipfile
import zlib
from pathlib import Path

import pytest

from cardsdealt.deck.loader import check_deck
from cardsdealt.paths import DECKS
from cardsdealt.session import share
from cardsdealt.session.decks import read_deck_files
from cardsdealt.session.share import ShareRefused, pack, unpack

EXAMPLE = DECKS / "example"


def deck_files() -> dict[str, bytes]:
    return read_deck_files(EXAMPLE)


def make_zip(path: Path, files: dict[str, bytes], top: str = "Sam") -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for rel, data in files.items():
            zf.writestr(f"{top}/{rel}" if top else rel, data)
    return path


def raw_zip(path: Path, entries: list[dict]) -> Path:
    """A zip written byte by byte. Each entry: name, data (the bytes as stored), and
    optionally method (8 deflate), crc, size (what it claims to unpack to), mode (Unix
    mode bits, e.g. a link)."""
    out, central = bytearray(), bytearray()
    for e in entries:
        name = e["name"].encode()
        data = e["data"]
        method = e.get("method", 0)
        size = e.get("size", len(data))
        crc = e.get("crc", zlib.crc32(data) if method == 0 else 0)
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0, crc, len(data),
                           size, len(name), 0) + name + data
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 0x0314, 20, 0, method, 0, 0,
                               crc, len(data), size, len(name), 0, 0, 0, 0,
                               e.get("mode", 0o100644) << 16, offset) + name
    start, n = len(out), len(entries)
    out += central
    if n > 0xFFFF:  # the zip64 end record holds the real count
        at = len(out)
        out += struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, 45, 45, 0, 0, n, n, len(central),
                           start)
        out += struct.pack("<IIQI", 0x07064B50, 0, at, 1)
        n = 0xFFFF
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, n, n, len(central), start, 0)
    path.write_bytes(bytes(out))
    return path


def zeros_deflated(megabytes: int) -> bytes:
    """A deflate stream of `megabytes` MB of zeros, made in milliseconds: one full-flushed
    block of a megabyte, repeated (a full flush makes each block stand alone)."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = c.compress(b"\0" * (1 << 20)) + c.flush(zlib.Z_FULL_FLUSH)
    return block * megabytes + zlib.compressobj(9, zlib.DEFLATED, -15).flush()


def deck_entries() -> list[dict]:
    return [{"name": f"Sam/{rel}", "data": data} for rel, data in deck_files().items()]


# ---- pack and unpack -------------------------------------------------------------------------

def test_pack_then_unpack_gives_the_same_deck(tmp_path):
    z = pack(EXAMPLE, tmp_path / "out" / "sam.zip")
    with zipfile.ZipFile(z) as zf:
        assert all(n.startswith("example/") for n in zf.namelist())
    into = tmp_path / "mine"
    installed = unpack(z, into)
    assert installed == into / "Sam's First Week"
    assert read_deck_files(installed) == deck_files()
    deck, _problems = check_deck(installed)
    assert deck is not None and deck.title == "Sam's First Week"
    assert sorted(os.listdir(into)) == ["Sam's First Week"]  # no temporary folder left


def test_a_name_already_taken_installs_beside_it_never_over_it(tmp_path):
    z = pack(EXAMPLE, tmp_path / "sam.zip")
    into = tmp_path / "mine"
    first = unpack(z, into)
    (first / "cards" / "journey.yaml").write_text("# changed by us\n" + (
        first / "cards" / "journey.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    second = unpack(z, into)
    third = unpack(z, into)
    assert (second.name, third.name) == ("Sam's First Week (2)", "Sam's First Week (3)")
    assert (first / "cards" / "journey.yaml").read_text(encoding="utf-8").startswith(
        "# changed by us")


def test_a_zip_with_the_deck_at_its_top_and_what_zip_programs_add_is_fine(tmp_path):
    files = dict(deck_files(), **{".DS_Store": b"\0\1", "__MACOSX/._deck.yaml": b"\0"})
    installed = unpack(make_zip(tmp_path / "flat.zip", files, top=""), tmp_path / "mine")
    assert sorted(read_deck_files(installed)) == sorted(deck_files())


def test_a_zip_made_on_windows_with_backslashes_installs_in_folders(tmp_path):
    entries = [{"name": e["name"].replace("/", "\\"), "data": e["data"]}
               for e in deck_entries()]
    installed = unpack(raw_zip(tmp_path / "win.zip", entries), tmp_path / "mine")
    assert read_deck_files(installed) == deck_files()


def test_a_name_with_a_control_character_is_spelt_out_in_the_message(tmp_path):
    z = make_zip(tmp_path / "z.zip", dict(deck_files(), **{"\x1b[2Jboom.exe": b"x"}))
    with pytest.raises(ShareRefused) as e:
        unpack(z, tmp_path / "mine")
    assert "\x1b" not in str(e.value) and "boom.exe" in str(e.value)


def test_pack_leaves_out_files_that_are_not_deck_files(tmp_path):
    folder = tmp_path / "deck"
    shutil.copytree(EXAMPLE, folder)
    (folder / "notes.docx").write_bytes(b"PK\3\4")
    (folder / ".hidden.yaml").write_text("x")
    with zipfile.ZipFile(pack(folder, tmp_path / "d.zip")) as zf:
        names = zf.namelist()
    assert "deck/notes.docx" not in names and "deck/.hidden.yaml" not in names
    assert "deck/deck.yaml" in names


def test_pack_says_plainly_when_there_is_no_deck(tmp_path):
    with pytest.raises(ShareRefused, match="no deck.yaml"):
        pack(tmp_path, tmp_path / "x.zip")
    assert not (tmp_path / "x.zip").exists()


# ---- hostile zips: one message each, nothing written ----------------------------------------

def _slip(tmp):
    return make_zip(tmp / "z.zip", dict(deck_files(), **{"../../escaped.yaml": b"x: 1\n"}))


def _absolute(tmp):
    return raw_zip(tmp / "z.zip", deck_entries() + [{"name": "/tmp/evil.yaml", "data": b"x"}])


def _drive(tmp):
    return raw_zip(tmp / "z.zip", deck_entries() + [{"name": "C:/evil.yaml", "data": b"x"}])


def _symlink(tmp):
    return raw_zip(tmp / "z.zip", deck_entries() + [
        {"name": "Sam/images/link.png", "data": b"/etc/passwd", "mode": stat.S_IFLNK | 0o777}])


def _bomb(tmp):  # a gigabyte of zeros that says so: refused before a byte is unpacked
    data = zeros_deflated(1024)
    return raw_zip(tmp / "z.zip", deck_entries() + [
        {"name": "Sam/cards/big.yaml", "data": data, "method": 8, "size": 1 << 30}])


def _lying_bomb(tmp):  # says 19 MB, packed in 19 KB: stopped while unpacking, by the ratio
    data = zeros_deflated(19)
    return raw_zip(tmp / "z.zip", deck_entries() + [
        {"name": "Sam/cards/big.yaml", "data": data, "method": 8, "size": 19 << 20}])


def _many(tmp):  # 100,000 files: refused from the zip's end record, before reading them
    path = tmp / "z.zip"
    entries = deck_entries()
    entries += [{"name": f"Sam/cards/{i}.txt", "data": b""}
                for i in range(100_000 - len(entries))]
    return raw_zip(path, entries)


def _executable(tmp):
    return make_zip(tmp / "z.zip", dict(deck_files(), **{"run-me.exe": b"MZ\x90\0" * 50}))


def _renamed_executable(tmp):
    return make_zip(tmp / "z.zip", dict(deck_files(), **{
        "cards/more.yaml": b"\x7fELF\x02\x01\x01\0" + bytes(range(256)) * 4}))


def _svg_as_png(tmp):
    return make_zip(tmp / "z.zip", dict(deck_files(), **{
        "images/first-night.png": b'<svg xmlns="http://www.w3.org/2000/svg" width="9e9"/>'}))


def _not_a_zip(tmp):
    path = tmp / "z.zip"
    path.write_bytes(b"\x7fELF\x02\x01\x01" + b"\0" * 100)
    return path


def _no_deck(tmp):
    return make_zip(tmp / "z.zip", {"readme.txt": b"hello"})


def _broken_deck(tmp):
    return make_zip(tmp / "z.zip", dict(deck_files(), **{"cards/journey.yaml": b"- id: [\n"}))


HOSTILE = {
    "zip-slip": (_slip, "outside its own folder"),
    "absolute path": (_absolute, "full path"),
    "drive letter": (_drive, "full path"),
    "symlink": (_symlink, "holds a link"),
    "1 GB bomb": (_bomb, "1,024 MB"),
    "bomb that lies about its size": (_lying_bomb, "built to unpack to far more"),
    "100,000 files": (_many, "100,000 files"),
    "an executable": (_executable, "run-me.exe, which is not a deck file"),
    "a renamed executable": (_renamed_executable, "cards/more.yaml is not a text file"),
    "an SVG named .png": (_svg_as_png, "images/first-night.png is not a picture"),
    "not a zip": (_not_a_zip, "not a .zip file"),
    "no deck": (_no_deck, "no deck.yaml"),
    "a deck with a mistake": (_broken_deck, "has a mistake"),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_a_hostile_zip_is_refused_with_one_plain_message_and_nothing_written(tmp_path, name):
    build, words = HOSTILE[name]
    work = tmp_path / "zips"
    work.mkdir()
    zip_path = build(work)
    into = tmp_path / "mine"
    with pytest.raises(ShareRefused) as e:
        unpack(zip_path, into)
    message = str(e.value)
    assert words in message
    assert message.endswith("Nothing was installed.") and "\n" not in message
    assert "Traceback" not in message and "Error" not in message
    assert not into.exists(), "nothing is written when a zip is refused"
    assert sorted(p.name for p in tmp_path.rglob("*") if p.parent != work) == ["zips"]


def test_a_refusal_in_a_decks_folder_already_there_leaves_it_as_it_was(tmp_path):
    into = tmp_path / "mine"
    unpack(pack(EXAMPLE, tmp_path / "ok.zip"), into)
    before = sorted(str(p.relative_to(into)) for p in into.rglob("*"))
    with pytest.raises(ShareRefused):
        unpack(_svg_as_png(tmp_path), into)
    assert sorted(str(p.relative_to(into)) for p in into.rglob("*")) == before


def test_the_command_line_says_one_line_for_each(tmp_path, monkeypatch, capsys):
    from cardsdealt.cli import main

    monkeypatch.setenv("CARDSDEALT_DATA_DIR", str(tmp_path / "data"))
    assert main(["pack", str(EXAMPLE), "-o", str(tmp_path / "sam.zip")]) == 0
    assert main(["unpack", str(tmp_path / "sam.zip")]) == 0
    out = capsys.readouterr().out
    assert "Wrote" in out and "Installed the deck in" in out
    assert (tmp_path / "data" / "decks" / "Sam's First Week" / "deck.yaml").is_file()
    assert main(["unpack", str(_not_a_zip(tmp_path))]) == 1
    assert capsys.readouterr().out.strip().endswith("Nothing was installed.")
    assert share.MAX_FILES < 100_000

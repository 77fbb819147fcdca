"""Hostile files built byte by byte, shared by the deck and window tests."""

from __future__ import annotations

import struct


def late_size_jpeg(width: int, height: int, pad: int = 70_000) -> bytes:
    """A JPEG whose size marker (SOF0) comes after `pad` bytes of APP1 segments (issue 20,
    item 6: read as 0x0 when only the first 64 KB were looked at)."""
    out = b"\xff\xd8"
    while pad > 0:
        n = min(pad, 65533)
        out += b"\xff\xe1" + struct.pack(">H", n + 2) + b"\0" * n
        pad -= n
    out += b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return out + b"\xff\xda\x00\x08\x01\x01\x00\x00\x3f\x00" + b"\0" * 64 + b"\xff\xd9"

"""Text as the shipped fonts can draw it, the same on screen and on paper.

Letters are composed first (Unicode NFC: a "w" followed by a combining circumflex becomes
"ŵ", so it is drawn as one letter, never a W with a loose mark). What neither shipped font
has (emoji, most symbols) is named in square brackets ("[grinning face]"): on a projector a
box or on paper a "?" says nothing, and the name keeps what the writer meant. We looked for
an emoji font to ship instead; none with an open licence fitted (colour emoji fonts are
bitmaps tens of megabytes large that pygame and fpdf2 cannot both draw).

Pure: the caller says which code points its fonts cover (`cover`). Used by the window's
fonts (render/fonts.py) and the PDFs (session/render_pdf.py).
"""

from __future__ import annotations

import unicodedata

# joiners, variation selectors, keycap, skin tones: parts of an emoji sequence, named with the
# emoji itself
INVISIBLE = frozenset({0x200D, 0xFE0E, 0xFE0F, 0x20E3} | set(range(0x1F3FB, 0x1F400)))


def printable(text: str, cover: frozenset[int]) -> tuple[str, bool]:
    """`text` composed (NFC), with what no font in `cover` draws named in brackets; and
    whether anything was named or dropped."""
    out = []
    lost = False
    for ch in unicodedata.normalize("NFC", text):
        if ch in "\n\t" or ord(ch) in cover:
            out.append(ch)
        elif ch.isspace():
            out.append(" ")
        elif ord(ch) in INVISIBLE:
            continue
        elif unicodedata.category(ch) in ("Mn", "Cf"):
            lost = True  # a mark no font has (letters are composed first)
        else:
            out.append(f"[{unicodedata.name(ch, '').lower() or f'character u+{ord(ch):04x}'}]")
            lost = True
    return "".join(out), lost

"""Text as it comes in from a person: always valid, printable Unicode before it is kept.

A terminal set to another encoding (Latin-1, Windows-1252) sends bytes that are not UTF-8;
Python keeps such a byte as a "surrogate escape" that cannot be written to a UTF-8 file, so a
reflection holding one would be lost at its save. `typed()` turns those bytes back into the
letters they were typed as (é for \\xe9), and is used wherever typed text enters a session.
"""

from __future__ import annotations

import re

_SURROGATE = re.compile("[\ud800-\udfff]")
# C0/C1 controls other than tab and newline: never part of what a person means to type, and a
# terminal would act on them when the text is shown again
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def typed(text: str) -> str:
    """`text` as valid Unicode without control characters (bytes from a terminal in another
    encoding are read as Windows-1252, the usual one on the machines that send them)."""
    if _SURROGATE.search(text):
        raw = text.encode("utf-8", "surrogateescape") if _only_escapes(text) else \
            text.encode("utf-16", "surrogatepass").decode("utf-16", "replace").encode("utf-8")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("cp1252", "replace")
    return _CONTROL.sub("", text)


def _only_escapes(text: str) -> bool:
    return all("\udc80" <= c <= "\udcff" for c in _SURROGATE.findall(text))

"""Breaking text into lines no wider than a box, measured with the font that draws it.

Lines break at spaces; only a word longer than the whole line is broken between characters
(with a hyphen when both sides of the break are letters) rather than spilling out of the box.
`fit()` (render/text.py) prefers a smaller size to breaking a word, so a word is broken only
when it is wider than its box even at the smallest size allowed.
"""

from __future__ import annotations

import pygame


def wrap(text: str, f: pygame.font.Font, width: int) -> list[str]:
    """Lines no wider than `width`. Paragraph breaks (newlines) are kept; a word longer than
    the line is broken between characters rather than spilling out of the box (`broken()`
    tells whether that happened).

    The lines are the greedy ones (each takes every word that still fits, measured by the
    font); where the break falls is first guessed from the letters' advances, then checked
    with the real measure on either side, so a line costs ~2 measures instead of one per
    word (an introduction at 7 sizes: 430 measures before, 60 now; same lines)."""
    width = max(1, width)
    lines: list[str] = []
    for para in text.split("\n"):
        words = para.split(" ")
        if len(words) < 4:  # short: word by word
            _wrap_words(words, f, width, lines)
        else:
            _wrap_guessed(para, words, f, width, lines)
    return lines


def _wrap_words(words: list[str], f: pygame.font.Font, width: int, lines: list[str]) -> None:
    line = ""
    for word in words:
        trial = f"{line} {word}" if line else word
        if f.size(trial)[0] <= width:
            line = trial
            continue
        if line:
            lines.append(line)
        line = _break_long(word, f, width, lines)
    lines.append(line)


def _break_long(word: str, f: pygame.font.Font, width: int, lines: list[str]) -> str:
    """Put the parts of a word wider than the line on lines of their own; the rest (which
    fits) is returned to start the next line. Between two letters the break is hyphenated
    ("Overwhelm-" / "ingly"); a number or an address is broken as it is."""
    while f.size(word)[0] > width and len(word) > 1:
        cut = longest_prefix(word, f, width, suffix="-")
        if 2 <= cut < len(word) and word[cut - 1].isalpha() and word[cut].isalpha():
            lines.append(word[:cut] + "-")
        else:
            cut = longest_prefix(word, f, width)
            lines.append(word[:cut])
        word = word[cut:]
    return word


def broken(text: str, lines: list[str] | tuple[str, ...]) -> bool:
    """Whether wrapping `text` into `lines` had to break a word (more pieces than words)."""
    return sum(len(line.split()) for line in lines) > len(text.split())


def _wrap_guessed(para: str, words: list[str], f: pygame.font.Font, width: int,
                  lines: list[str]) -> None:
    advance = {}
    for ch, m in zip(para, f.metrics(para), strict=False):  # only a guess: checked below
        advance[ch] = m[4] if m else 0
    space = advance.get(" ", 0)
    guess = [sum(advance.get(c, 0) for c in w) for w in words]

    def fits(i: int, k: int) -> bool:
        return f.size(" ".join(words[i:i + k]))[0] <= width

    i, n = 0, len(words)
    while i < n:
        while i < n and not words[i]:
            i += 1  # a space at the start of a line is dropped, as word by word
        if i == n:
            lines.append("")
            break
        k, est = 1, guess[i]
        while i + k < n and est + space + guess[i + k] <= width:
            est += space + guess[i + k]
            k += 1
        if fits(i, k):
            while i + k < n and fits(i, k + 1):
                k += 1
        else:
            while k > 1 and not fits(i, k):
                k -= 1
        if k == 1 and f.size(words[i])[0] > width:
            # as word by word: the long word's parts get lines, its rest starts the next
            words[i] = _break_long(words[i], f, width, lines)
            guess[i] = sum(advance.get(c, 0) for c in words[i])
            if i + 1 < n and fits(i, 2):
                continue  # (the rest is short: words after it may join it)
        lines.append(" ".join(words[i:i + k]))
        i += k


def longest_prefix(word: str, f: pygame.font.Font, width: int, minimum: int = 1,
                   suffix: str = "") -> int:
    """How many leading characters of `word` (followed by `suffix`) fit in `width` (at least
    `minimum`)."""
    lo, hi = minimum, len(word)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if f.size(word[:mid] + suffix)[0] <= width:
            lo = mid
        else:
            hi = mid - 1
    return lo


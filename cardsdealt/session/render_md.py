"""Record blocks -> Markdown. Text people typed is escaped so it reads exactly as written
(a reflection starting with "#" or holding "*" must not turn into a heading or italics)."""

from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def esc(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text)


def _lines(text: str, prefix: str = "") -> str:
    return "\n".join(prefix + esc(line) if line.strip() else prefix.rstrip()
                     for line in text.strip().splitlines())


def to_markdown(blocks: list[tuple]) -> str:
    out: list[str] = []
    for block in blocks:
        kind, *rest = block
        if kind == "title":
            out.append(f"# {esc(rest[0])}")
        elif kind == "h2":
            out.append(f"## {esc(rest[0])}")
        elif kind == "h3":
            out.append(f"### {esc(rest[0])}")
        elif kind == "guide":
            out.append(f"*{esc(rest[0])}*")
        elif kind in ("p", "small"):
            out.append(_lines(rest[0]))
        elif kind == "quote":
            out.append(_lines(rest[0], "> "))
        elif kind == "kv":
            out.append("\n".join(f"- **{esc(k)}:** {esc(v)}" for k, v in rest[0]))
        elif kind == "bullets":
            out.append("\n".join(f"- {esc(x)}" for x in rest[0]))
        elif kind == "answer":
            prompt, answer, note = rest
            head = f"**{esc(prompt)}**" + (f" *({esc(note)})*" if note else "")
            out.append(head + "\n\n" + (_lines(answer, "> ") if answer
                                        else "> *(no answer written)*"))
        elif kind == "write":
            out.append(f"> *{esc(rest[0])}*")
        elif kind == "image":
            path, alt = rest
            out.append(f"![{esc(alt)}]({path})")
    return "\n\n".join(out) + "\n"

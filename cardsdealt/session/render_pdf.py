"""Record blocks -> PDF bytes (fpdf2), with the shipped Atkinson Hyperlegible font embedded.

Every character typed is drawn: letters Atkinson lacks (Welsh ŵ and ŷ, many accents) come
from the shipped OpenDyslexic font, embedded only when needed. A character no shipped font
has (an emoji) is written as its name in brackets, e.g. "[smiling face]", never "?", and
the PDF says that the Markdown copy holds the exact characters: nothing typed is lost, and
fpdf2 never logs a "missing glyph" warning (which would quote reflection text in a log).

Layout: a heading is kept on the page of the words that follow it (it looks ahead at the
next block's height), so no heading is ever left alone at the foot of a page; `layout(...)`
reports any that would be, for the tests.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from cardsdealt.session.chart import FONT_DIR

FONT = "Atkinson"
FALLBACK = "OpenDyslexic"  # covers letters Atkinson lacks, e.g. Welsh ŵ and ŷ
TEAL, INK, GREY, SHADE = (0, 84, 96), (20, 24, 32), (80, 86, 96), (240, 244, 246)
BODY = 11


@lru_cache(maxsize=2)
def _cmap(name: str) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    return frozenset(TTFont(str(FONT_DIR / name)).getBestCmap())


def _needs_fallback(blocks: list[tuple]) -> bool:
    """True when some text needs a letter only the fallback font has (e.g. ŵ). The fallback
    is embedded only then: most records keep to one font family."""
    main = _cmap("AtkinsonHyperlegible-Regular.ttf")
    chars = {ord(c) for b in blocks for part in b[1:] if isinstance(part, str) for c in part}
    chars |= {ord(c) for b in blocks if b[0] == "kv" for kv in b[1] for t in kv for c in t}
    chars |= {ord(c) for b in blocks if b[0] == "bullets" for t in b[1] for c in t}
    return bool({c for c in chars if c not in main and chr(c) not in "\n\t"}
                & _cmap("OpenDyslexic-Regular.otf"))


def install_fonts(pdf: FPDF, texts: list[str]):
    """Add the shipped fonts to `pdf` (Atkinson, and OpenDyslexic as a fallback only when
    some text needs a letter Atkinson lacks) and return a `clean(text)` that names what no
    font can draw (emoji) instead of printing "?". For pages other than records (the
    certificate)."""
    for style, name in (("", "Regular"), ("B", "Bold"), ("I", "Italic"), ("BI", "Bold")):
        pdf.add_font(FONT, style, str(FONT_DIR / f"AtkinsonHyperlegible-{name}.ttf"))
    fallback = _needs_fallback([("p", t) for t in texts])
    if fallback:
        pdf.add_font(FALLBACK, "", str(FONT_DIR / "OpenDyslexic-Regular.otf"))
        pdf.add_font(FALLBACK, "B", str(FONT_DIR / "OpenDyslexic-Bold.otf"))
        pdf.set_fallback_fonts([FALLBACK], exact_match=False)
    return _Writer(pdf, fallback).clean


class _Pdf(FPDF):
    footer_text = ""
    on_new_page: Callable[[], None] | None = None  # the writer's check: a heading left behind

    def add_page(self, *args, **kwargs) -> None:
        if self.on_new_page is not None:
            self.on_new_page()
        super().add_page(*args, **kwargs)

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font(FONT, "", 8.5)
        self.set_text_color(*GREY)
        self.cell(0, 6, f"{self.footer_text}   ·   page {self.page_no()} of {{nb}}",
                  align="C")


def to_pdf(blocks: list[tuple], title: str, footer: str, lang: str = "en-GB") -> bytes:
    pdf, _ = _render(blocks, title, footer, lang)
    return bytes(pdf.output())


def layout(blocks: list[tuple], title: str = "", footer: str = "") -> list[str]:
    """Headings that ended up on another page than the words under them ([] when none)."""
    return _render(blocks, title, footer, "en-GB")[1].stranded


def _render(blocks: list[tuple], title: str, footer: str, lang: str):
    pdf = _Pdf(format="A4")
    pdf.footer_text = footer
    pdf.set_margins(18, 16, 18)
    pdf.set_auto_page_break(True, margin=20)
    for style, name in (("", "Regular"), ("B", "Bold"), ("I", "Italic"), ("BI", "Bold")):
        pdf.add_font(FONT, style, str(FONT_DIR / f"AtkinsonHyperlegible-{name}.ttf"))
    fallback = _needs_fallback(blocks)
    if fallback:
        pdf.add_font(FALLBACK, "", str(FONT_DIR / "OpenDyslexic-Regular.otf"))
        pdf.add_font(FALLBACK, "B", str(FONT_DIR / "OpenDyslexic-Bold.otf"))
        pdf.set_fallback_fonts([FALLBACK], exact_match=False)
    pdf.set_title(title)
    pdf.set_author("")
    pdf.set_creator("cardsdealt")
    pdf.set_lang(lang)
    pdf.add_page()
    writer = _Writer(pdf, fallback)
    for i, block in enumerate(blocks):
        if block[0] in HEADINGS:
            writer.keep(writer.heading_height(block) + writer.following(blocks[i + 1:]))
        writer.block(block)
    if writer.lost:
        writer.block(("small", "Some characters (such as emoji) have no letter shape in the "
                               "PDF's fonts, so they are written as their names in [brackets]. "
                               "The Markdown copy of this record has the exact characters."))
    return pdf, writer


HEADINGS = ("h2", "h3")
CONTENT = ("p", "quote", "kv", "bullets", "answer", "write", "image", "small")


class _Writer:
    def __init__(self, pdf: FPDF, fallback: bool):
        self.pdf = pdf
        self.lost = False
        self.stranded: list[str] = []  # headings whose words went on to the next page
        # the last heading (text, page, y below it and its guide) until words follow it
        self._heading: tuple[str, int, float] | None = None
        if isinstance(pdf, _Pdf):
            pdf.on_new_page = self._new_page
        self.cover = _cmap("AtkinsonHyperlegible-Regular.ttf")
        if fallback:
            self.cover |= _cmap("OpenDyslexic-Regular.otf")

    def clean(self, text: str) -> str:
        from cardsdealt.glyphs import printable

        out, lost = printable(text, self.cover)
        self.lost = self.lost or lost
        return out

    # -- keeping headings with their words -------------------------------------------------
    def heading_height(self, block: tuple) -> float:
        return 4 + 7.5 + 0.5 if block[0] == "h2" else 2 + 6.5

    def following(self, rest: list[tuple]) -> float:
        """Room the words after a heading need on the same page: any guide or sub-heading
        lines, then the first block of content (its first few lines, or all of a picture or
        a box, which cannot be split)."""
        need = 0.0
        for block in rest:
            kind = block[0]
            if kind == "guide":
                need += self._lines_h(block[1], 9.5, 5, "I") + 1.5
            elif kind in HEADINGS:
                need += self.heading_height(block)
            elif kind == "image":
                w = self.pdf.w - self.pdf.l_margin - self.pdf.r_margin
                return need + w / 2 + 4
            elif kind == "write":
                return need + 32
            elif kind == "answer":
                return need + min(self._lines_h(block[1], BODY, 6, "B") + 20, 50)
            elif kind in ("kv", "bullets"):
                return need + min(7 * len(block[1]), 21)
            elif kind in CONTENT:
                return need + min(self._lines_h(block[1], BODY, 6), 18)
            else:
                return need
        return need

    def _lines_h(self, text: str, size: float, h: float, style: str = "") -> float:
        self.font(size, style)
        lines = self.pdf.multi_cell(0, h, self.clean(text), dry_run=True, output="LINES")
        return h * max(1, len(lines) if isinstance(lines, list) else 1)

    def _new_page(self) -> None:
        """A page is about to start: was a heading the last thing on this one?"""
        if self._heading is not None:
            text, page, y = self._heading
            if self.pdf.page_no() == page and self.pdf.get_y() <= y + 0.5:
                self.stranded.append(text)

    def font(self, size: float, style: str = "", colour=INK) -> None:
        self.pdf.set_font(FONT, style, size)
        self.pdf.set_text_color(*colour)

    def text(self, text: str, h: float = 6, **kw) -> None:
        self.pdf.multi_cell(0, h, self.clean(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT,
                            align="L", **kw)

    def keep(self, height: float) -> None:
        """Start a new page if less than `height` mm is left (headings stay with their text)."""
        if self.pdf.will_page_break(height):
            self.pdf.add_page()

    def block(self, block: tuple) -> None:
        kind, *rest = block
        getattr(self, "_" + kind)(*rest)
        if kind in HEADINGS:
            self._heading = (rest[0], self.pdf.page_no(), self.pdf.get_y())
        elif kind == "guide" and self._heading is not None:
            self._heading = (self._heading[0], self.pdf.page_no(), self.pdf.get_y())
        else:
            self._heading = None  # words followed the heading on its page

    def _title(self, text: str) -> None:
        self.font(20, "B", TEAL)
        self.text(text, 9)
        pdf = self.pdf
        pdf.set_draw_color(*TEAL)
        pdf.set_line_width(0.8)
        pdf.line(pdf.l_margin, pdf.get_y() + 1.5, pdf.w - pdf.r_margin, pdf.get_y() + 1.5)
        pdf.ln(5)

    def _h2(self, text: str) -> None:
        self.keep(34)
        self.pdf.ln(4)
        self.font(14.5, "B", TEAL)
        self.text(text, 7.5)
        self.pdf.ln(0.5)

    def _h3(self, text: str) -> None:
        self.keep(26)
        self.pdf.ln(2)
        self.font(12, "B")
        self.text(text, 6.5)

    def _guide(self, text: str) -> None:
        self.font(9.5, "I", GREY)
        self.text(text, 5)
        self.pdf.ln(1.5)

    def _p(self, text: str) -> None:
        self.font(BODY)
        self.text(text)
        self.pdf.ln(1.5)

    def _small(self, text: str) -> None:
        self.pdf.ln(2)
        self.font(9, "I", GREY)
        self.text(text, 4.8)

    def _quote(self, text: str) -> None:
        pdf = self.pdf
        left = pdf.l_margin
        pdf.set_left_margin(left + 6)
        pdf.set_x(left + 6)
        self.font(BODY, "I")
        y0, page0 = pdf.get_y(), pdf.page_no()
        self.text(text)
        if pdf.page_no() == page0:
            pdf.set_draw_color(*TEAL)
            pdf.set_line_width(0.9)
            pdf.line(left + 2, y0 + 0.5, left + 2, pdf.get_y() - 0.5)
        pdf.set_left_margin(left)
        pdf.ln(1.5)

    def _kv(self, rows: list[tuple[str, str]]) -> None:
        pdf = self.pdf
        for key, value in rows:
            self.keep(7)
            self.font(BODY, "B")
            pdf.cell(40, 6, self.clean(key))
            self.font(BODY)
            pdf.multi_cell(0, 6, self.clean(value), new_x=XPos.LMARGIN, new_y=YPos.NEXT,
                           align="L")
        pdf.ln(1.5)

    def _bullets(self, items: list[str]) -> None:
        pdf = self.pdf
        left = pdf.l_margin
        for item in items:
            self.keep(7)
            self.font(BODY)
            pdf.set_x(left + 1)
            pdf.cell(5, 6, "•")
            pdf.set_left_margin(left + 6)
            self.text(item)
            pdf.set_left_margin(left)
        pdf.ln(1.5)

    def _answer(self, prompt: str, answer: str, note: str) -> None:
        self.keep(24)
        self.font(BODY, "B")
        self.text(prompt)
        if note:
            self.font(9, "I", GREY)
            self.text(note, 5)
        pdf = self.pdf
        pdf.ln(1)
        pdf.set_fill_color(*SHADE)
        if answer:
            self.font(BODY)
            self.text(answer, 6, fill=True, padding=(2.5, 3, 2.5, 3))
        else:
            self.font(BODY, "I", GREY)
            self.text("(no answer written)", 6, fill=True, padding=(2, 3, 2, 3))
        pdf.ln(3)

    def _write(self, hint: str) -> None:
        pdf = self.pdf
        self.keep(32)
        x, y, w = pdf.l_margin, pdf.get_y() + 1, pdf.w - pdf.l_margin - pdf.r_margin
        pdf.set_draw_color(*GREY)
        pdf.set_line_width(0.3)
        with pdf.local_context():
            pdf.set_dash_pattern(dash=1.2, gap=1.2)
            pdf.rect(x, y, w, 28)
        pdf.set_xy(x + 3, y + 2)
        self.font(9, "I", GREY)
        pdf.multi_cell(w - 6, 4.6, self.clean(hint), align="L")
        pdf.set_xy(x, y + 31)

    def _image(self, path: str, alt: str) -> None:
        pdf = self.pdf
        w = pdf.w - pdf.l_margin - pdf.r_margin
        self.keep(w / 2 + 4)
        pdf.image(path, x=pdf.l_margin, w=w, alt_text=self.clean(alt))
        pdf.ln(3)

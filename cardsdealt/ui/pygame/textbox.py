"""A multi-line text box: typing (TEXTINPUT, so any script the keyboard and font have),
backspace/delete, arrows, Home/End, Ctrl+arrows by word, Ctrl+A to select all (typing then
replaces it, Backspace clears it), paste, and a steady cursor (no blinking, so the program
stays idle while someone thinks)."""

from __future__ import annotations

import pygame
from pygame import Rect

from cardsdealt.render.text import font, line_height, longest_prefix, put, text_cache
from cardsdealt.render.theme import Theme
from cardsdealt.ui.pygame.textbuffer import TextBuffer

SEARCH_WINDOW = 600  # characters measured at once when finding a line break


@text_cache(maxsize=8)
def visual_lines(text: str, style: str, px: int, width: int) -> tuple[tuple[int, int], ...]:
    """(start, end) offsets of each line as wrapped on screen; spaces stay at line ends."""
    f = font(style, px)
    lines: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    while True:
        nl = text.find("\n", start)
        para_end = n if nl < 0 else nl
        seg = start
        while True:
            rest = text[seg:min(para_end, seg + SEARCH_WINDOW)]
            if seg + len(rest) == para_end and f.size(rest)[0] <= width:
                lines.append((seg, para_end))
                break
            cut = longest_prefix(rest, f, width, minimum=0)
            sp = rest.rfind(" ", 0, cut + 1)
            end = seg + (sp + 1 if sp > 0 else max(1, cut))
            lines.append((seg, end))
            seg = end
        if nl < 0:
            return tuple(lines)
        start = nl + 1


class TextBox:
    """The view and key handling around a `TextBuffer`."""

    def __init__(self, text: str = "", placeholder: str = "") -> None:
        self.buf = TextBuffer(text)
        self.placeholder = placeholder
        self.rect = Rect(0, 0, 100, 100)
        self.px = 32
        self.top_line = 0
        self.composing = ""  # text being composed by an input method, shown after the cursor

    @property
    def text(self) -> str:
        return self.buf.text

    def set_geometry(self, rect: Rect, px: int) -> None:
        self.rect, self.px = Rect(rect), px

    # -- geometry -----------------------------------------------------------------------
    def _inner(self) -> Rect:
        pad = max(4, self.px * 3 // 4)
        return self.rect.inflate(-2 * pad, -2 * pad)

    def lines(self) -> tuple[tuple[int, int], ...]:
        return visual_lines(self.buf.text, "regular", self.px, max(20, self._inner().w))

    def cursor_line(self) -> int:
        c = self.buf.cursor
        lines = self.lines()
        for i, (s, e) in enumerate(lines):
            last_of_para = e >= len(self.buf.text) or self.buf.text[e:e + 1] == "\n"
            if s <= c < e or (c == e and last_of_para):
                return i
        return len(lines) - 1

    def _visible_count(self) -> int:
        return max(1, self._inner().h // line_height(font("regular", self.px)))

    def _keep_cursor_visible(self) -> None:
        i = self.cursor_line()
        vis = self._visible_count()
        if i < self.top_line:
            self.top_line = i
        elif i >= self.top_line + vis:
            self.top_line = i - vis + 1
        self.top_line = max(0, min(self.top_line, max(0, len(self.lines()) - vis)))

    def _x_of(self, line: int, offset: int) -> int:
        s, _ = self.lines()[line]
        return font("regular", self.px).size(self.buf.text[s:offset])[0]

    def _offset_at_x(self, line: int, x: int) -> int:
        s, e = self.lines()[line]
        text = self.buf.text
        end = e - 1 if e > s and (text[e - 1:e] == " " and e < len(text)) else e
        f = font("regular", self.px)
        best, best_d = s, abs(x)
        for i in range(s, end + 1):
            d = abs(f.size(text[s:i])[0] - x)
            if d < best_d:
                best, best_d = i, d
        return best

    # -- input ---------------------------------------------------------------------------
    def handle(self, event: pygame.event.Event) -> bool:
        """True if the event changed the box (text, cursor or composition)."""
        if event.type == pygame.TEXTINPUT:
            self.composing = ""
            self.buf.insert(event.text)
        elif event.type == pygame.TEXTEDITING:
            self.composing = getattr(event, "text", "") or ""
        elif event.type == pygame.KEYDOWN:
            if not self._key(event):
                return False
        elif event.type == pygame.MOUSEBUTTONDOWN and getattr(event, "button", 0) == 1:
            if not self.rect.collidepoint(event.pos):
                return False
            self._click(event.pos)
        elif event.type == pygame.MOUSEWHEEL:
            self.top_line = max(0, min(self.top_line - event.y, len(self.lines()) - 1))
            return True
        else:
            return False
        self._keep_cursor_visible()
        return True

    def _key(self, event) -> bool:  # noqa: C901 - one branch per key is the clearest form
        k, mods = event.key, getattr(event, "mod", 0)
        ctrl = bool(mods & (pygame.KMOD_CTRL | pygame.KMOD_META))
        b = self.buf
        if k == pygame.K_BACKSPACE:
            b.backspace(word=ctrl)
        elif k == pygame.K_DELETE:
            b.delete(word=ctrl)
        elif k == pygame.K_LEFT:
            b.left(word=ctrl)
        elif k == pygame.K_RIGHT:
            b.right(word=ctrl)
        elif k in (pygame.K_UP, pygame.K_DOWN):
            self._vertical(-1 if k == pygame.K_UP else 1)
        elif k == pygame.K_HOME:
            b.move_to(0 if ctrl else self.lines()[self.cursor_line()][0])
        elif k == pygame.K_END:
            b.move_to(len(b.text) if ctrl else self._line_end(self.cursor_line()))
        elif k in (pygame.K_RETURN, pygame.K_KP_ENTER) and not ctrl:
            b.insert("\n")
        elif k == pygame.K_v and ctrl:
            b.insert(clipboard_text())
        elif k == pygame.K_a and ctrl:
            b.select_all()
        else:
            return False
        return True

    def _line_end(self, line: int) -> int:
        s, e = self.lines()[line]
        text = self.buf.text
        if e > s and e < len(text) and text[e - 1] == " " and text[e:e + 1] != "\n":
            return e - 1
        return e

    def _vertical(self, d: int) -> None:
        line = self.cursor_line()
        target = line + d
        if target < 0:
            self.buf.move_to(0)
        elif target >= len(self.lines()):
            self.buf.move_to(len(self.buf.text))
        else:
            self.buf.move_to(self._offset_at_x(target, self._x_of(line, self.buf.cursor)))

    def _click(self, pos) -> None:
        inner = self._inner()
        lh = line_height(font("regular", self.px))
        line = self.top_line + max(0, (pos[1] - inner.y) // lh)
        line = min(line, len(self.lines()) - 1)
        self.buf.move_to(self._offset_at_x(line, pos[0] - inner.x))

    # -- drawing -------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, theme: Theme, u: float, focused: bool) -> None:
        r = max(2, round(14 * u))
        pygame.draw.rect(surface, theme.paper, self.rect, border_radius=r)
        width = max(2, round((6 if focused else 2) * u))
        pygame.draw.rect(surface, theme.focus if focused else theme.edge, self.rect,
                         width=width, border_radius=r)
        inner = self._inner()
        f = font("regular", self.px)
        lh = line_height(f)
        clip = surface.get_clip()
        surface.set_clip(inner.clip(clip))  # inside any clip already set (a scrolled form)
        text = self.buf.text
        if not text and not self.composing:
            img = font("italic", self.px).render(self.placeholder, True, theme.muted)
            put(surface, img, img.get_rect(topleft=inner.topleft), self.placeholder, "italic",
                self.px, theme.muted)
        lines = self.lines()
        vis = self._visible_count()
        cur = self.cursor_line()
        sel = self.buf.selection
        for i in range(self.top_line, min(len(lines), self.top_line + vis + 1)):
            s, e = lines[i]
            y = inner.y + (i - self.top_line) * lh
            if sel is not None and sel[0] < e and sel[1] > s:  # the selection, highlighted
                x0 = inner.x + self._x_of(i, max(s, sel[0]))
                x1 = inner.x + self._x_of(i, min(e, sel[1]))
                pygame.draw.rect(surface, theme.focus_fill, Rect(x0, y, max(2, x1 - x0), lh))
            if e > s:
                img = f.render(text[s:e], True, theme.ink)
                put(surface, img, img.get_rect(topleft=(inner.x, y)), text[s:e], "regular",
                    self.px, theme.ink)
            if i == cur and focused:
                x = inner.x + self._x_of(i, self.buf.cursor)
                if self.composing:
                    img = f.render(self.composing, True, theme.focus)
                    put(surface, img, img.get_rect(topleft=(x, y)), self.composing, "regular",
                        self.px, theme.focus)
                    pygame.draw.line(surface, theme.focus, (x, y + lh - 2),
                                     (x + img.get_width(), y + lh - 2), max(1, round(2 * u)))
                pygame.draw.rect(surface, theme.focus, Rect(x, y + 2, max(2, round(4 * u)),
                                                             lh - 4))
        surface.set_clip(clip)
        if len(lines) > vis:
            self._draw_scrollbar(surface, theme, u, len(lines), vis)

    def _draw_scrollbar(self, surface, theme: Theme, u: float, total: int, vis: int) -> None:
        track = Rect(self.rect.right - round(18 * u), self.rect.y + round(12 * u),
                     max(3, round(8 * u)), self.rect.h - round(24 * u))
        pygame.draw.rect(surface, theme.meter_track, track, border_radius=4)
        h = max(round(20 * u), track.h * vis // total)
        y = track.y + (track.h - h) * self.top_line // max(1, total - vis)
        pygame.draw.rect(surface, theme.muted, Rect(track.x, y, track.w, h), border_radius=4)


def keyboard(box: TextBox | None) -> None:
    """Typing on while `box` is shown (the system's input-method window is put by it), or off
    (None). A display that cannot do either is simply left as it is."""
    try:
        if box is None:
            pygame.key.stop_text_input()
        else:
            pygame.key.start_text_input()
            pygame.key.set_text_input_rect(box.rect)
    except pygame.error:
        pass


def clipboard_text() -> str:
    """Text on the clipboard, or "" where there is no clipboard (dummy driver, no X)."""
    try:
        import pygame.scrap as scrap

        if hasattr(scrap, "get_text"):
            return scrap.get_text() or ""
    except (pygame.error, ImportError, AttributeError, RuntimeError):
        pass
    return ""

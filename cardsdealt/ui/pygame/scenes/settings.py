"""Settings: colours, text size, reading font, reduced motion, read-aloud, and the record's
headings and name check.

Reached with S on the start screen and "Settings" in the pause menu (Esc). Every change shows
at once, on this screen and on the screens beneath it, and is kept for next time
(`prefs.change`). A sample card on the right shows the words at the chosen font and size.

Keys: Up/Down or Tab move the marker; Left/Right step the value back/on; Enter, Space or F5
step it on; Esc (or Done) closes. With a clicker: Next moves the marker, holding Next steps
the value on. Each row says its value in words, and toggles carry a tick box, not a colour.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame
from pygame import Rect

from cardsdealt.render.card_view import STATEMENT_MAX, STATEMENT_MIN, tick
from cardsdealt.render.draw import focus_ring, hint, panel
from cardsdealt.render.text import FONT_WORDS, draw_fitted, draw_text, fit, fitted_line_px
from cardsdealt.render.theme import THEME_WORDS
from cardsdealt.session.settings import FONTS, RECORD_FORMATS, TEXT_SIZES, THEMES
from cardsdealt.ui.pygame import prefs
from cardsdealt.ui.pygame.scenes.base import FocusScene

SAMPLE_TITLE = "The front door"
SAMPLE_WORDS = "A lady I have never met opens the door. I hold my bag very tight."


@dataclass(frozen=True)
class Option:
    field: str  # a Settings field, or "" for Done
    label: str
    values: tuple = ()

    def words(self, value) -> str:
        if self.field == "theme":
            return THEME_WORDS.get(value, value)
        if self.field == "text_size":
            extra = " (usual)" if value == 0 else " (largest)" if value == len(TEXT_SIZES) - 1 \
                else ""
            return f"{value + 1} of {len(TEXT_SIZES)}{extra}"
        if self.field == "font":
            return FONT_WORDS.get(value, value)
        if self.field in ("reduced_motion", "read_aloud", "name_check"):
            return "On" if value else "Off"
        if self.field == "record_format":
            return RECORD_WORDS.get(value, value)
        return ""


RECORD_WORDS = {"england": "Social Work England", "wales": "Social Care Wales",
                "scotland": "SSSC (Scotland)", "northern-ireland": "NISCC (N. Ireland)"}


OPTIONS = (
    Option("theme", "Colours", THEMES),
    Option("text_size", "Text size", tuple(range(len(TEXT_SIZES)))),
    Option("font", "Reading font", FONTS),
    Option("reduced_motion", "Reduced motion", (False, True)),
    Option("read_aloud", "Read aloud", (False, True)),
    Option("record_format", "Record headings", RECORD_FORMATS),
    Option("name_check", "Check for names", (False, True)),
    Option("", "Done"),
)

ABOUT = {
    "theme": "Warm is the usual look. High contrast is black on white, for pale projectors "
             "and low vision. Dark is for dim rooms.",
    "text_size": "Larger text makes the words on every screen bigger. Where a box is full, "
                 "its words shrink to fit, never below the usual size.",
    "font": "Atkinson Hyperlegible keeps similar letters apart. OpenDyslexic gives each "
            "letter a heavier base; some people with dyslexia find it easier.",
    "reduced_motion": "On: cards appear without sliding or turning over, and nothing on "
                      "screen moves by itself.",
    "read_aloud": "On: each card's words and choices, and each question, are spoken by this "
                  "computer's own voice. Nothing leaves the computer.",
    "record_format": "Your CPD record uses the headings of the body you are registered with: "
                     "Social Work England, Social Care Wales, the Scottish Social Services "
                     "Council or the Northern Ireland Social Care Council.",
    "name_check": "On: before an answer for your record is kept, words that look like a "
                  "name or a date of birth are pointed out, so no real child is named.",
    "": "Close the settings and go back. Your choices are kept for next time.",
}
NO_VOICE = "No speech voice was found on this computer, so nothing can be read aloud."


class SettingsScene(FocusScene):
    name = "settings"
    focus_starts_empty = False
    pausable = False  # Esc closes this screen

    def __init__(self, app) -> None:
        super().__init__(app)
        self.notice = ""

    def on_show(self) -> None:
        self.reset_focus()
        super().on_show()
        self.speak("Settings. " + self._row_words(0))

    # -- values --------------------------------------------------------------------------
    def value(self, opt: Option):
        return getattr(prefs.current(self.app), opt.field)

    def step(self, i: int, d: int) -> None:
        """Move row `i` to its next (d=1) or previous (d=-1) value, and apply it now."""
        opt = OPTIONS[i]
        if not opt.field:
            return
        values = opt.values
        now = self.value(opt)
        j = values.index(now) if now in values else 0
        new = values[(j + d) % len(values)]
        self.notice = prefs.change(self.app, **{opt.field: new})
        self.changed()
        self.speak(self._row_words(i))

    def _row_words(self, i: int) -> str:
        opt = OPTIONS[i]
        if not opt.field:
            return opt.label
        words = f"{opt.label}: {opt.words(self.value(opt))}"
        return words

    def close(self) -> None:
        self.app.pop(self)

    # -- geometry ------------------------------------------------------------------------
    def _columns(self) -> tuple[Rect, Rect]:
        m = self.m
        top = m.px(220)
        if m.portrait:  # the settings across the width, the sample card under them
            n = len(OPTIONS)
            left = Rect(m.margin, top, m.w - 2 * m.margin, n * m.px(126))
            below = left.bottom + m.px(40)
            return left, Rect(left.x, below, left.w, m.h - below - m.px(130))
        left = Rect(m.px(120), top, round(m.w * 0.55) - m.px(120), m.h - top - m.px(130))
        right = Rect(left.right + m.px(80), top, m.w - left.right - m.px(200), left.h)
        return left, right

    def items(self) -> list[Rect]:
        left, _ = self._columns()
        n = len(OPTIONS)
        gap = self.m.px(22)
        h = min(self.m.px(104), (left.h - gap * (n - 1)) // n)
        return [Rect(left.x, left.y + i * (h + gap), left.w, h) for i in range(n)]

    # -- drawing -------------------------------------------------------------------------
    def render(self, surface) -> None:
        m, th = self.m, self.theme
        surface.fill(th.table)
        width = m.w - m.px(240)
        draw_text(surface, "Settings", "bold", m.px(64), (m.px(120), m.px(40)), th.table_ink,
                  max_w=width, max_h=m.px(104))
        draw_text(surface, "Changes show at once and are kept on this computer for next time.",
                  "regular", m.px(32), (m.px(120), m.px(148)), th.table_muted, max_w=width,
                  max_h=m.px(60))
        rows = self.items()
        label_w = round(rows[0].w * 0.5) - m.px(84)
        self._label_px = min(fitted_line_px(o.label, "bold", m.px(38), label_w)
                             for o in OPTIONS)  # one size for every label
        for i, (r, opt) in enumerate(zip(rows, OPTIONS, strict=False)):
            self._render_row(surface, r, opt, i == self.focus)
        self._render_side(surface)
        hint(surface, Rect(m.px(120), m.h - m.px(100), m.w - m.px(240), m.px(70)),
             "Up, Down, Tab: choose a setting · Left, Right, Enter: change it · Esc: done · "
             "Clicker: Next moves, hold Next changes", th, m.u, align="center")

    def _render_row(self, surface, r: Rect, opt: Option, focused: bool) -> None:
        m, th = self.m, self.theme
        panel(surface, r, th, m.u, fill=th.focus_fill if focused else th.paper,
              shadow=not focused, radius=18)
        pad = m.px(30)
        cap = r.h - m.px(16)  # the tallest line that fits the row at any text size
        if not opt.field:
            draw_text(surface, opt.label, "bold", m.px(40), r.center, th.ink, anchor="center",
                      max_w=r.w - 2 * pad, max_h=cap)
        else:
            value_w = round(r.w * 0.5)
            draw_text(surface, opt.label, "bold", self._label_px, (r.x + pad, r.centery),
                      th.ink, anchor="midleft", max_w=r.w - value_w - pad - m.px(54), max_h=cap)
            box = Rect(r.right - value_w - pad, r.y, value_w, r.h)
            if isinstance(self.value(opt), bool):
                self._toggle(surface, box, opt, cap)
            else:
                self._stepper(surface, box, opt, cap)
        if focused:
            focus_ring(surface, r, th, m.u, radius=18)

    def _stepper(self, surface, box: Rect, opt: Option, cap: float) -> None:
        """"◀ value ▶": drawn arrows (not font glyphs) either side of the value in words."""
        m, th = self.m, self.theme
        s = max(5, m.px(14))
        y = box.centery
        pygame.draw.polygon(surface, th.ink, [(box.x, y), (box.x + s, y - s), (box.x + s, y + s)])
        pygame.draw.polygon(surface, th.ink, [(box.right, y), (box.right - s, y - s),
                                              (box.right - s, y + s)])
        inner = box.inflate(-4 * s, 0)
        draw_text(surface, opt.words(self.value(opt)), "bold", m.px(34), inner.center, th.ink,
                  anchor="center", max_w=inner.w, max_h=cap)

    def _toggle(self, surface, box: Rect, opt: Option, cap: float) -> None:
        """A tick box and the word On or Off (never colour alone)."""
        m, th = self.m, self.theme
        on = bool(self.value(opt))
        side = min(m.px(44), box.h - m.px(16))
        sq = Rect(box.right - side, box.centery - side // 2, side, side)
        pygame.draw.rect(surface, th.paper, sq, border_radius=max(2, m.px(6)))
        pygame.draw.rect(surface, th.ink, sq, width=max(2, m.px(4)), border_radius=max(2, m.px(6)))
        if on:
            tick(surface, sq.center, th.ink, m.u * side / max(1, m.px(44)) * 1.4)
        words = opt.words(on)
        if opt.field == "read_aloud" and on and not prefs.speech_available(self.app):
            words = "On (no voice found)"
        draw_text(surface, words, "bold", m.px(34), (sq.x - m.px(20), box.centery), th.ink,
                  anchor="midright", max_w=box.w - side - m.px(30), max_h=cap)

    def _render_side(self, surface) -> None:
        """A sample card (the words at the chosen font and size), then what the marked
        setting does."""
        m, th = self.m, self.theme
        _, right = self._columns()
        card = Rect(right.x, right.y, right.w, round(right.h * 0.56))
        panel(surface, card, th, m.u)
        inner = card.inflate(-m.px(60), -m.px(50))
        title = fit(SAMPLE_TITLE, "bold", (inner.w, m.px(70)), m.px(44), m.px(34))
        draw_fitted(surface, title, Rect(inner.x, inner.y, inner.w, m.px(70)), th.accent)
        body = Rect(inner.x, inner.y + m.px(80), inner.w, inner.h - m.px(80))
        words = fit(SAMPLE_WORDS, "regular", body.size, m.px(STATEMENT_MAX), m.px(STATEMENT_MIN))
        draw_fitted(surface, words, body, th.ink)
        about_r = Rect(right.x, card.bottom + m.px(40), right.w, right.bottom - card.bottom
                       - m.px(40))
        field = OPTIONS[self.focus].field if self.focus is not None else ""
        about = ABOUT.get(field, "")
        if field == "read_aloud" and prefs.current(self.app).read_aloud \
                and not prefs.speech_available(self.app):
            speaker = getattr(self.app, "speaker", None)
            why = getattr(speaker, "problem", "") if speaker is not None else ""
            about = f"{NO_VOICE} {why}".strip()
        if self.notice:
            about = f"{self.notice}\n\n{about}"
        draw_fitted(surface, fit(about, "regular", about_r.size, m.px(32), m.px(22)), about_r,
                    th.table_ink)

    # -- input ---------------------------------------------------------------------------
    def move_focus(self, d: int) -> None:
        super().move_focus(d)
        if self.focus is not None:
            self.speak(self._row_words(self.focus))

    def handle(self, event) -> None:
        if event.type == pygame.KEYDOWN and self.focus is not None and self._hold_key is None:
            k = event.key
            if k in (pygame.K_LEFT, pygame.K_RIGHT) and OPTIONS[self.focus].field:
                self.step(self.focus, 1 if k == pygame.K_RIGHT else -1)
                return
            if k == pygame.K_SPACE:
                self.activate(self.focus)
                return
        super().handle(event)

    def activate(self, i: int) -> None:
        if OPTIONS[i].field:
            self.step(i, 1)
        else:
            self.close()

    def on_back(self) -> None:
        pass  # Back on the first row stays here: Esc or Done closes

    def on_other_intent(self, intent, event) -> None:
        if intent == "pause":
            self.close()

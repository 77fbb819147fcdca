"""The presenter window: what only the trainer sees, on the laptop's own screen, while the
projector shows the card.

It shows the facilitator notes and the voice panel's words for the card on the projector,
the discussion timer, the hands counted so far, and what the next press of the clicker will
do, so the trainer never has to guess in front of a room. It uses pygame-ce's `Window`
(several windows in one program; `Window.get_surface()` and `Window.flip()` draw into it in
software, like the main window).

N, while it is open, brings the notes forward here (first, in larger type) and never onto
the projector; a short line says where they are, then goes by itself.

It redraws only when something it shows changed (checked with a cheap key each turn of the
loop), never at a frame rate.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import pygame
from pygame import Rect

from cardsdealt.engine.tally import Tally, hands
from cardsdealt.render.blocks import Block, draw_stack, note_blocks
from cardsdealt.render.draw import hint, panel
from cardsdealt.render.layout import metrics
from cardsdealt.render.text import draw_fitted, draw_text, fit
from cardsdealt.ui.pygame.tally import draw_bar
from cardsdealt.ui.pygame.timer import draw_timer

TITLE = "The Cards You're Dealt: presenter view"
ENV = "CARDSDEALT_PRESENTER"  # "1": always open it (tests, one screen); "0": never
CENTRED_ON = 0x2FFF0000  # SDL_WINDOWPOS_CENTERED_DISPLAY(n) is this | n (SDL 2)
KEYS = ("Next: PageDown · Back: PageUp · F5: take / start · B: blank · T: timer · "
        "+ −: 30 s · N: notes larger / usual · K: break · P: close this window")
MESSAGE_SECONDS = 8.0  # how long the short line after N stays
NOTES_LARGE = ("Your notes are larger here, only on your screen: the room still sees the "
               "card. N again: the usual view.")
NOTES_USUAL = "The usual view. Your notes stay here, on your screen, never on the projector."


@dataclass
class Info:
    """What the presenter window shows (the play scenes fill it in: `presenter_info()`)."""

    heading: str = ""
    where: str = ""
    card_title: str = ""
    card_words: str = ""
    notes: str = ""
    voice: str = ""
    voice_heading: str = "Seen from the child's side"  # the deck's (credits.voice_heading)
    discuss: str = ""
    choices: tuple[str, ...] = ()
    tally: Tally | None = None
    timer: object | None = None  # DiscussionTimer, when it is shown
    next_step: str = ""
    state: str = ""  # what covers the projector now (blank, break, help...)
    private: str = ""  # interview: the panel note being typed
    private_title: str = ""
    notes_large: bool = False  # N: the notes brought forward (the presenter window's own)
    message: str = ""  # a short line for the trainer, for a few seconds


def wanted(num_displays: int | None = None) -> bool:
    """Open the presenter window? With two or more screens, or when the environment asks."""
    env = os.environ.get(ENV, "").strip()
    if env in ("0", "1"):
        return env == "1"
    if num_displays is None:
        try:
            num_displays = pygame.display.get_num_displays()
        except pygame.error:
            return False
    return num_displays > 1


def main_display() -> int:
    """The screen the main window is on, guessed from its position with the screens side by
    side in order (pygame-ce 2.5 does not tell a window's screen directly)."""
    try:
        x, _ = pygame.display.get_window_position()
        sizes = pygame.display.get_desktop_sizes()
    except (pygame.error, AttributeError):
        return 0
    left = 0
    for i, (w, _) in enumerate(sizes):
        if left <= x < left + w:
            return i
        left += w
    return 0


def other_display(main: int, count: int) -> int:
    return next((i for i in range(count) if i != main), main)


class PresenterWindow:
    def __init__(self, app, size: tuple[int, int] | None = None, display: int | None = None):
        self.app = app
        count = max(1, _num_displays())
        if display is None:
            display = other_display(_arrange_main(count), count)
        self.display = display
        if size is None:
            size = _window_size(self.display)
        pos = (CENTRED_ON | self.display, CENTRED_ON | self.display)
        self.window = pygame.Window(TITLE, size, pos, resizable=True)
        self._key = None
        self.frames = 0
        self.notes_large = False
        self.message = ""
        self.message_left = 0.0

    @property
    def id(self) -> int:
        return self.window.id

    def owns(self, event) -> bool:
        w = getattr(event, "window", None)
        return w is not None and getattr(w, "id", None) == self.window.id

    def follow(self, main: int) -> None:
        """The main window moved to screen `main`: keep this window on another screen."""
        count = _num_displays()
        if count > 1 and main == self.display:
            self.display = other_display(main, count)
            pos = CENTRED_ON | self.display
            self.window.position = (pos, pos)

    def toggle_notes(self) -> None:
        """N: the notes larger here, or back to the usual view, with a short line saying
        where they are (the projector keeps the card either way)."""
        self.notes_large = not self.notes_large
        self.tell(NOTES_LARGE if self.notes_large else NOTES_USUAL)

    def tell(self, text: str) -> None:
        """A short line for the trainer, here only, for a few seconds."""
        self.message, self.message_left = text, MESSAGE_SECONDS

    def tick(self, dt: float) -> None:
        if self.message:
            self.message_left -= dt
            if self.message_left <= 0:
                self.message, self.message_left = "", 0.0

    def close(self) -> None:
        try:
            self.window.destroy()
        except pygame.error:
            pass

    def maybe_draw(self, force: bool = False) -> bool:
        info = gather(self.app)
        info.notes_large, info.message = self.notes_large, self.message
        key = _key(info, self.window.size)
        if not force and key == self._key:
            return False
        self._key = key
        surface = self.window.get_surface()
        render(surface, info, self.app.theme)
        self.window.flip()
        self.frames += 1
        return True


def _arrange_main(count: int) -> int:
    """The screen the main window (the card, for the room) is on. With two screens the
    first is usually the laptop's own: a main window still there, and not full screen, moves
    to the second screen (the projector), so the trainer's notes never open on the
    projector. (Not checked on real hardware here: Xvfb gives SDL one screen only.)"""
    main = main_display()
    if count < 2 or main != 0:
        return main
    try:
        if pygame.display.is_fullscreen():
            return main
        pos = CENTRED_ON | 1
        pygame.display.set_window_position((pos, pos))
    except (pygame.error, AttributeError, TypeError):
        return main
    return 1


def _num_displays() -> int:
    try:
        return pygame.display.get_num_displays()
    except pygame.error:
        return 1


def _window_size(display: int) -> tuple[int, int]:
    try:
        dw, dh = pygame.display.get_desktop_sizes()[display]
    except (pygame.error, IndexError):
        return 1280, 720
    w = max(min(960, dw), dw * 85 // 100)
    h = max(min(540, dh), dh * 85 // 100)
    return w, h


def _key(info: Info, size) -> tuple:
    t = info.timer
    timer = None if t is None else (round(t.left + 0.4999), t.running, t.length)
    tally = None if info.tally is None else (tuple(info.tally.counts), info.tally.entry_words())
    return (size, info.heading, info.where, info.card_title, info.notes, info.voice,
            info.discuss, info.choices, tally, timer, info.next_step, info.state, info.private,
            info.private_title, info.notes_large, info.message)


# -- what to show ----------------------------------------------------------------------------

# What the next press does on a screen that does not say it itself (`presenter_next`)
NEXT_ON = {
    "blank": "Any key or click brings the card back (and does nothing else).",
    "break": "Any key or click comes back to the game; the timer waits till then.",
    "help": "Any key closes the list of keys (Next shows the next page, if there is one).",
    "notes": "Any key closes the notes (and does nothing else).",
    "message": "Next, F5 or Enter closes the message.",
    "settings": "Settings: Next moves, F5 changes the marked one; Esc goes back.",
    "closing": "The record's questions: PageDown saves and goes on; Esc stops for now "
               "(everything typed is kept).",
    "problems": "Esc goes back.",
    "interview-end": "The interview is over: the support panel is on the projector; the "
                     "panel notes are kept.",
}


def marked(label: str, more: str = "") -> str:
    """The next step on a screen of buttons or rows: what is marked, and how to take it."""
    return f"“{label}” is marked: F5 (or hold Next) takes it; Next moves on." + (
        f" {more}" if more else "")


def gather(app) -> Info:
    """Ask the play scene (the topmost one that can tell) and add what covers it. The next
    step is always the top screen's: the one the next press of the clicker goes to."""
    info = Info()
    filler = None
    for scene in reversed(app.scenes):
        fill = getattr(scene, "presenter_info", None)
        if fill is not None:
            info, filler = fill(), scene
            break
    else:
        info.heading = "Getting ready"
    top = app.top
    name = getattr(top, "name", "")
    own = getattr(top, "presenter_next", None)
    if own is not None:
        info.next_step = own()
    elif top is not filler:  # never the play screen's step under a screen that covers it
        info.next_step = NEXT_ON.get(name, "")
    covering = {"blank": "The projector is blank. Any key brings the card back.",
                "break": "Taking a break: the projector shows a calm screen. Any key comes back.",
                "help": "The projector shows the list of keys. Any key closes it.",
                "pause": "The pause menu is on the projector.",
                "reflection": "A question to think about is on the projector.",
                "tie": "A tie: the projector asks which choice the room takes."}
    if name in covering:
        info.state = covering[name]
    return info


# -- drawing ---------------------------------------------------------------------------------

def render(surface: pygame.Surface, info: Info, theme) -> None:
    m = metrics(surface.get_size())
    u = m.u
    surface.fill(theme.table)
    pad = m.px(40)
    draw_text(surface, info.heading or "Presenter view", "bold", m.px(40), (pad, m.px(24)),
              theme.table_ink, max_w=m.w - 2 * pad - m.px(420))
    draw_text(surface, info.where, "regular", m.px(30), (m.w - pad, m.px(30)),
              theme.table_muted, anchor="topright", max_w=m.px(400))
    top = m.px(96)
    if info.state:
        band = Rect(pad, top, m.w - 2 * pad, m.px(64))
        panel(surface, band, theme, u, fill=theme.focus_fill, shadow=False)
        draw_text(surface, info.state, "bold", m.px(32), (band.x + m.px(24), band.centery),
                  theme.ink, anchor="midleft", max_w=band.w - m.px(48))
        top = band.bottom + m.px(20)
    if info.message:
        band = Rect(pad, top, m.w - 2 * pad, m.px(64))
        panel(surface, band, theme, u, shadow=False)
        text = band.inflate(-m.px(48), -m.px(8))
        f = fit(info.message, "bold", text.size, m.px(30), m.px(18))
        draw_fitted(surface, f, text, theme.ink, valign="middle")
        top = band.bottom + m.px(20)
    foot = m.h - m.px(70)
    left = Rect(pad, top, round(m.w * 0.56) - pad, foot - top - m.px(16))
    right = Rect(left.right + m.px(32), top, m.w - left.right - m.px(32) - pad, left.h)
    if info.notes_large:
        _render_notes_large(surface, left, info, theme, u)
    else:
        _render_card_side(surface, left, info, theme, u)
    _render_room_side(surface, right, info, theme, u)
    hint(surface, Rect(pad, foot, m.w - 2 * pad, m.px(56)), KEYS, theme, u)


def _render_card_side(surface, r: Rect, info: Info, theme, u: float) -> None:
    panel(surface, r, theme, u)
    inner = r.inflate(-round(56 * u), -round(48 * u))
    blocks = []
    if info.card_title:
        blocks.append(Block("On the projector: " + info.card_title, "bold", 34, 22, "accent", 8))
    if info.card_words:
        blocks.append(Block(info.card_words, "regular", 28, 18, "muted", 22))
    if info.private_title or info.private:
        blocks.append(Block(info.private_title or "Panel notes", "bold", 32, 22, "accent", 8))
        blocks.append(Block(info.private or "(nothing typed yet)", "regular", 32, 20, "ink", 22))
    blocks.append(Block("Notes for you", "bold", 32, 22, "accent", 8))
    blocks.append(Block(info.notes or "This card has no facilitator notes.", "regular", 34, 22,
                        "ink", 22))
    if info.voice:
        blocks.append(Block(info.voice_heading, "bold", 30, 20, "accent", 8))
        blocks.append(Block(info.voice, "italic", 32, 20, "ink", 22))
    if info.discuss:
        blocks.append(Block("Talk about it: " + info.discuss, "regular", 30, 20, "ink", 0))
    draw_stack(surface, blocks, inner, u, theme)


def _render_notes_large(surface, r: Rect, info: Info, theme, u: float) -> None:
    """N: the notes first and larger, as the one-screen notes overlay has them (the card's
    own words are on the projector, in front of the trainer too)."""
    panel(surface, r, theme, u)
    inner = r.inflate(-round(56 * u), -round(48 * u))
    blocks = [Block("Notes for you" + (": " + info.card_title if info.card_title else ""),
                    "bold", 36, 22, "accent", 14)]
    blocks += note_blocks(info.notes, info.voice, info.discuss, end_gap=30,
                          heading=info.voice_heading)
    if info.private_title or info.private:
        blocks.append(Block(info.private_title or "Panel notes", "bold", 30, 20, "accent", 8))
        blocks.append(Block(info.private or "(nothing typed yet)", "regular", 30, 20, "ink",
                            0))
    draw_stack(surface, blocks, inner, u, theme)


def _render_room_side(surface, r: Rect, info: Info, theme, u: float) -> None:
    y = r.y
    if info.timer is not None:
        box = Rect(r.x, y, r.w, round(200 * u))
        draw_timer(surface, box, info.timer, theme, u, keys="")
        y = box.bottom + round(28 * u)
    if info.choices:
        y = _render_tally(surface, Rect(r.x, y, r.w, r.bottom - y - round(170 * u)), info,
                          theme, u)
    nxt = Rect(r.x, max(y + round(12 * u), r.bottom - round(150 * u)), r.w,
               min(round(150 * u), r.bottom - y))
    if info.next_step and nxt.h > round(40 * u):
        panel(surface, nxt, theme, u, fill=theme.focus_fill, shadow=False)
        inner = nxt.inflate(-round(40 * u), -round(28 * u))
        draw_stack(surface, [Block("Next step", "bold", 28, 20, "accent", 6),
                             Block(info.next_step, "bold", 30, 20, "ink", 0)], inner, u, theme)


def _render_tally(surface, r: Rect, info: Info, theme, u: float) -> int:
    tally = info.tally
    title = "Hands counted" if tally is not None else "The choices"
    if tally is not None:
        title += f": {hands(tally.total)}"
    draw_text(surface, title, "bold", round(32 * u), r.topleft, theme.table_ink, max_w=r.w)
    y = r.y + round(52 * u)
    n = max(1, len(info.choices))
    row_h = max(round(40 * u), min(round(96 * u), (r.bottom - y) // n))
    col = round(150 * u) if tally is not None else 0
    most = max(tally.counts, default=0) if tally is not None else 0
    leaders = tally.leaders() if tally is not None else []
    for i, label in enumerate(info.choices):
        row = Rect(r.x, y, r.w, row_h - round(10 * u))
        text_r = Rect(row.x, row.y, row.w - col - round(16 * u), row.h)
        f = fit(f"{i + 1}. {label}", "regular", text_r.size, round(28 * u), round(18 * u))
        draw_fitted(surface, f, text_r, theme.table_ink, valign="middle")
        if tally is not None and i < len(tally.counts):
            draw_bar(surface, Rect(row.right - col, row.y, col, row.h), tally.counts[i], most,
                     theme, u, leader=i in leaders, tie=len(leaders) > 1)
        y += row_h
    if tally is not None and tally.entering:
        draw_text(surface, tally.entry_words(), "bold", round(26 * u), (r.x, y), theme.accent,
                  max_w=r.w)
        y += round(40 * u)
    return y

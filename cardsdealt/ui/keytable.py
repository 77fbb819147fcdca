"""Every key of the window in one table: what the help overlay shows, what the README lists,
and which keys give which intent (`ui/pygame/keys.py` builds its maps from `ROWS`). A test
(tests/ui/test_keytable.py) checks that the three agree, so a key cannot be added, moved or
dropped in one place only. Pure data: no pygame (key names are pygame's `K_` names).

A row is what one line of the help says; its `binds` say which keys give which intent:
- `always`: keys that work even while a text box has focus (Esc, F-keys, PageUp/PageDown);
- `moves`: keys that move or act, but not while typing (Enter, Backspace, arrows, Space);
- `chars`: typed characters (any keyboard layout), and `codes`, the same keys by key code
  for when a key sends no character.
The digits (choices, hands) and Tab (Shift+Tab goes back) are read by `keys.intent_for`
itself; their rows say so with `intent` alone.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Bind:
    intent: str
    always: tuple[str, ...] = ()
    moves: tuple[str, ...] = ()
    chars: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Row:
    keys: str  # as the help and the README write them
    what: str = ""  # empty: a heading
    binds: tuple[Bind, ...] = ()
    column: int = 0  # the help's left (0: playing) or right (1: running a room) column;
    # 2 and 3: the deck studio's help, left and right


def _b(intent: str, **kw: tuple[str, ...]) -> tuple[Bind, ...]:
    return (Bind(intent, **kw),)


ROWS: tuple[Row, ...] = (
    Row("Presenter clicker"),
    Row("Next (PageDown)", "go on, or move the marker to the next choice",
        _b("advance", always=("PAGEDOWN",))),
    Row("Hold Next, or F5", "take the marked choice, or start the timer",
        _b("start", always=("F5",))),
    Row("Back (PageUp)", "move the marker back, or undo a step", _b("back", always=("PAGEUP",))),
    Row("Blank (B or .)", "blank the screen; press again to come back",
        _b("blank", chars=(".", "b", "B"), codes=("PERIOD", "b"))),
    Row("Esc", "pause menu: a break, settings, restart, quit",
        _b("pause", always=("ESCAPE",))),
    Row("Keyboard and mouse"),
    Row("1 2 3 4", "take that choice (table game: 1 to 9 play a card)", _b("choose")),
    Row("Up, Down, Tab", "move the marker; Enter takes it; click anything",
        (Bind("focus_next", moves=("DOWN",)), Bind("focus_prev", moves=("UP",)),
         Bind("activate", moves=("RETURN", "KP_ENTER")))),
    Row("Space, Right, Left", "go on / go back, like the clicker",
        (Bind("advance", moves=("RIGHT", "SPACE")), Bind("back", moves=("LEFT",)))),
    Row("F11 or F", "full screen on and off",
        _b("fullscreen", always=("F11",), chars=("f", "F"), codes=("f",))),
    Row("Writing", "Ctrl+Enter saves (Ctrl+V pastes); Next goes on"),
    Row("R (at the end)", "save my record, for CPD"),
    Row("H, ? or F1", "show or hide this help",
        _b("help", always=("F1",), chars=("?", "h", "H"), codes=("h",))),
    Row("S (start screen)", "settings: colours, text size, font",
        _b("settings", chars=("s", "S"), codes=("s",))),
    Row("Running the room", column=1),
    Row("T", "discussion timer: start or pause",
        _b("timer", chars=("t", "T"), codes=("t",)), column=1),
    Row("+ and −", "30 seconds more or less on the timer",
        (Bind("more", chars=("+", "="), codes=("PLUS", "KP_PLUS", "EQUALS")),
         Bind("less", chars=("-", "_"), codes=("MINUS", "KP_MINUS"))), column=1),
    Row("N", "the facilitator notes for this card",
        _b("notes", chars=("n", "N"), codes=("n",)), column=1),
    Row("K", "take a break: a calm screen; nothing is lost",
        _b("break", chars=("k", "K"), codes=("k",)), column=1),
    Row("P", "presenter window on your own screen",
        _b("presenter", chars=("p", "P"), codes=("p",)), column=1),
    Row("Backspace", "undo a hand counted, or a choice", _b("undo", moves=("BACKSPACE",)),
        column=1),
    Row("W", "the winners' certificate, at the table game's end",
        _b("certificate", chars=("w", "W"), codes=("w",)), column=1),
    Row("Hands-up vote", column=1),
    Row("1 2 3 4", "group supervision: one press per raised hand", column=1),
    Row("C, a count, Enter", "C 2 1 2 Enter: 12 hands for choice 2",
        _b("count", chars=("c", "C"), codes=("c",)), column=1),
    Row("F5 or Enter", "take the room's choice (a tie asks which)", column=1),
    Row("Interview panel", column=1),
    Row("Next, Back", "the next card, the card before", column=1),
    Row("Enter or Tab", "a private panel note on this card", column=1),
    # The deck studio (ui/pygame/studio/screen.py reads these keys itself; its help shows
    # these two columns instead of the game's)
    Row("Deck studio: moving", column=2),
    Row("Tab, Shift+Tab", "the next or the last thing on the screen", column=2),
    Row("Up, Down", "a whole row up or down (a card and its buttons are one row)",
        column=2),
    Row("Enter or Space", "press a button, open a card, flip a yes or no", column=2),
    Row("Left, Right", "turn a pick (a theme, a part of the story) either way",
        column=2),
    Row("Esc", "back a screen: everything is saved as you go", column=2),
    Row("Click or tap", "mark anything and press it; the wheel scrolls", column=2),
    Row("Deck studio: writing", column=3),
    Row("Enter", "in a one-line box: on to the next box", column=3),
    Row("Ctrl+Enter", "in a box of several lines: on to the next box", column=3),
    Row("Ctrl+Z", "undo, on any screen of the studio", column=3),
    Row("Ctrl+Y", "do again what was undone (Ctrl+Shift+Z too)", column=3),
    Row("F2, or S", "settings: text size, colours, font (S when not writing)",
        _b("settings", always=("F2",)), column=3),
    Row("F1, or H or ?", "this help (H or ? when not writing)", column=3),
)


Columns = tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]


def help_columns(studio: bool = False) -> Columns:
    """The help overlay's two columns of (keys, what they do); no words: a heading. The
    game's (playing, running a room), or with `studio` the deck studio's."""
    left = 2 if studio else 0
    return (tuple((r.keys, r.what) for r in ROWS if r.column == left),
            tuple((r.keys, r.what) for r in ROWS if r.column == left + 1))


def markdown() -> str:
    """The README's list of keys (between its `keys:start` and `keys:end` marks)."""
    out: list[str] = []
    for r in ROWS:
        if not r.what:
            out += ["", f"*{r.keys}*", "", "| keys | what they do |", "|---|---|"]
        else:
            out.append(f"| **{r.keys}** | {r.what} |")
    return "\n".join(out).strip() + "\n"

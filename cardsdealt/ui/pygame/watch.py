"""Live preview for deck authors: `cardsdealt play DECK --watch`.

Saving a card file, deck.yaml or a picture updates the screen within half a second and stays
on the same card: the game is rebuilt from its own save on the new deck (`Game.from_json`),
so the cards on the table, the stats and the choices made are kept and only the words and
pictures change. A card that was removed gives way to the nearest sensible state, and the
screen says so. A save that breaks the deck shows the deck's own problems (file:line, what
is wrong, how to fix it) until the next good save; nothing the author does crashes the app.

Why polling and not `watchfiles` or OS notifications: a deck is a few dozen small files, so
one `os.scandir` walk comparing modification times and sizes costs well under a millisecond;
doing it four times a second from the loop's idle tick keeps the app idle (no thread, no
extra dependency, the same on Windows, macOS, Linux and network drives, where OS file
events are unreliable).
"""

from __future__ import annotations

import os
from pathlib import Path

POLL_SECONDS = 0.25  # at most four looks at the folder a second
MAX_FILES = 5000  # a deck folder is small; a wrongly chosen home folder must not stall us
IGNORED_ENDINGS = ("~", ".swp", ".swo", ".swx", ".tmp", ".part", ".crdownload", ".bak")
PICTURE_ENDINGS = (".png", ".jpg", ".jpeg", ".webp", ".gif", ".bmp")


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    """Every file under `root` -> (modification time in ns, size). Hidden files and editor
    scratch files are left out: saving in an editor must look like one change."""
    out: dict[str, tuple[int, int]] = {}
    todo = [str(root)]
    while todo:
        folder = todo.pop()
        try:
            entries = os.scandir(folder)
        except OSError:
            continue
        with entries:
            for e in entries:
                name = e.name
                if name.startswith((".", "#")) or name.endswith(IGNORED_ENDINGS):
                    continue
                try:
                    if e.is_dir(follow_symlinks=False):
                        todo.append(e.path)
                        continue
                    st = e.stat()
                except OSError:
                    continue
                out[os.path.relpath(e.path, root).replace(os.sep, "/")] = \
                    (st.st_mtime_ns, st.st_size)
                if len(out) >= MAX_FILES:
                    return out
    return out


class FolderWatch:
    """Which files of a folder changed since the last look (looks at most every
    `every` seconds of the time it is given)."""

    def __init__(self, root: Path, every: float = POLL_SECONDS) -> None:
        self.root, self.every = Path(root), every
        self.files = snapshot(self.root)
        self._waited = 0.0

    def poll(self, dt: float) -> list[str]:
        self._waited += dt
        if self._waited < self.every:
            return []
        self._waited = 0.0
        now = snapshot(self.root)
        changed = sorted(k for k in now.keys() | self.files.keys()
                         if now.get(k) != self.files.get(k))
        self.files = now
        return changed


def rebuild(game, deck) -> tuple[object, list[str]]:
    """`game` carried over to the edited `deck`: (new game, what to tell the author).

    Best: the same choices played again on the new deck land on the same place (same card,
    turn and question): then everything on screen comes from the new files, effects and
    questions included. When the edit moves the game elsewhere (a card added changes the
    draws), the game is opened as a save on the new deck instead: the same cards by id, the
    same stats, only the words change. Failing both (the deck's id or ways of playing
    changed), the choices are played again as far as they still fit.
    """
    actions = list(game.state.actions)
    replayed, done = replay(game, deck, actions)
    kept, why = None, ""
    try:
        from cardsdealt.engine import Game

        kept = Game.from_json(deck, game.to_json())
    except Exception as e:  # noqa: BLE001 - any way the old state fails to fit
        why = getattr(e, "message", None) or str(e)
    if done == len(actions) and (kept is None or place(replayed) == place(kept)):
        return replayed, []
    if kept is not None:
        return kept, [w for w in getattr(kept, "load_warnings", []) or []]
    return replayed, [f"The game could not carry on exactly as it was ({why}), so it was "
                      f"played again from the start with the same choices: {done} of "
                      f"{len(actions)} steps still fit."]


def replay(game, deck, actions: list) -> tuple[object, int]:
    """A new game on `deck` with `game`'s seed and players, after as many of `actions` as
    still fit: (game, how many)."""
    from cardsdealt.engine import Game, GameError

    s = game.state
    mode = game.mode if game.mode in deck.modes else None
    try:
        new = Game.new(deck, mode=mode, seed=game.seed, players=len(s.player_names) or 2,
                       player_names=s.player_names or None)
    except GameError:
        new = Game.new(deck, mode=mode, seed=game.seed)
    done = 0
    for action in actions:
        try:
            new.apply(action)
        except GameError:
            break
        done += 1
    return new, done


def place(game) -> tuple:
    """Where a game stands, as a player sees it."""
    card = game.current_card
    prompt = game.pending_reflection
    return (game.mode, game.turn, card.id if card else None, prompt.id if prompt else None,
            game.finished, game.player if game.mode == "classic" else 0,
            [[c.id for c in h] for h in game.hands] if game.mode == "classic" else [])


class LivePreview:
    """Follows the deck folder given on the command line and keeps the screen in step."""

    def __init__(self, app, table, root: Path | str | None = None) -> None:
        self.app, self.table = app, table
        if root is None and getattr(table.args, "deck", None):
            from cardsdealt.paths import resolve_deck

            root = resolve_deck(table.args.deck)
        self.root = Path(root) if root is not None else None
        self.watch = FolderWatch(self.root) if self.root is not None else None
        self.deck = None  # the last version that loaded
        self.problems: list = []
        self.reloads = 0  # good reloads so far (tests and the status line read it)
        table.preview = self
        app.tickers.append(self.tick)

    # -- opening -------------------------------------------------------------------------
    def open(self) -> None:
        """The first screen: the deck's introduction, or what stops it from loading."""
        if self.root is None:
            self.app.set_status("Live preview needs a deck: cardsdealt play FOLDER --watch")
            self.table.start()
            return
        self.app.set_status(f"Live preview of {self.root.name}: save a file to see it here")
        deck, problems = self._load()
        if deck is None:
            self.table.start()
            self._show_problems(problems)
            return
        self.deck = deck
        self._enter(deck)

    def _enter(self, deck) -> None:
        from cardsdealt.ui.pygame.flow import DeckEntry

        table = self.table
        table._entries = [DeckEntry(self.root, deck, given=True)]
        mode = table.mode_wanted if table.mode_wanted in deck.modes else deck.modes[0]
        rules = deck.classic
        lo, hi = (max(2, rules.players_min), min(5, rules.players_max)) if rules else (2, 5)
        table.choose(deck, mode, max(lo, min(hi, table.players_wanted or lo)))

    # -- following saves -----------------------------------------------------------------
    def tick(self, dt: float) -> None:
        if self.watch is None:
            return
        changed = self.watch.poll(dt)
        if changed:
            self.reload(changed)

    def reload(self, changed: list[str]) -> None:
        """The files in `changed` were saved: load the deck again and show it. Never raises:
        whatever goes wrong is shown on the screen instead."""
        from cardsdealt.render.images import forget_pictures

        forget_pictures([self.root / c for c in changed if c.lower().endswith(PICTURE_ENDINGS)])
        deck, problems = self._load()
        if deck is None:
            self._show_problems(problems)
            return
        first = self.deck is None
        self.deck = deck
        self._hide_problems()
        try:
            messages = self._enter(deck) if first else self._apply(deck)
            self.app.draw()  # drawn here, so a screen that cannot be drawn is caught here
        except Exception as e:  # noqa: BLE001 - a preview must never take the window down
            from cardsdealt.deck import Problem

            self._show_problems([Problem(changed[0], 0, 0, f"this version of the deck could "
                                         f"not be shown ({type(e).__name__}: {e})",
                                         "Undo the last change and save again; please tell "
                                         "the cardsdealt team what you changed.")])
            return
        self.reloads += 1
        self.app.set_status(f"Live preview: showing your save of {', '.join(changed[:2])}"
                            + (" and more" if len(changed) > 2 else ""))
        if messages:
            self._tell(messages)

    def _load(self):
        from cardsdealt.deck import Problem, check_deck

        try:
            deck, problems = check_deck(self.root)
        except Exception as e:  # noqa: BLE001 - the checker should never fail; if it does, say so
            return None, [Problem(str(self.root), 0, 0, f"the deck could not be read ({e})",
                                  "Save the file again; if this stays, run `cardsdealt check`.")]
        errors = [p for p in problems if p.severity == "error"]
        return deck, errors or problems

    def _apply(self, deck) -> list[str]:
        """Put the edited deck on the screen, keeping the place in the game."""
        app, table = self.app, self.table
        names = [s.name for s in app.scenes]
        game = table.game
        if game is None or not any(n in ("journey", "classic", "summary", "interview")
                                   for n in names):
            if "intro" in names or table.deck is not None:
                self._enter(deck)
            else:
                self.table.start()
            return []
        new, messages = rebuild(game, deck)
        old = next((s for s in reversed(app.scenes) if s.name in ("journey", "classic",
                                                                   "interview")), None)
        typed = _typed_reflection(app)
        if "summary" in names and new.finished:
            table.game = new
            table.deck = deck
            table.finish()
            return messages
        scene = table.play(new, draft=typed or "", ask=typed is not None)
        _skip_deal(scene)
        gone = _keep_response(old, scene, new)
        if gone:
            messages.append(gone)
        return messages

    # -- telling -------------------------------------------------------------------------
    def _show_problems(self, problems) -> None:
        from cardsdealt.ui.pygame.scenes.problems import ProblemsScene

        self.problems = list(problems)
        self._hide_problems()
        self.app.push(ProblemsScene(self.app, self.problems, can_hide=self.deck is not None,
                                    root=self.root))
        self.app.set_status("Live preview: the deck has a problem (shown below)")

    def _hide_problems(self) -> None:
        from cardsdealt.ui.pygame.scenes.problems import ProblemsScene

        shown = self.app.find(ProblemsScene)
        if shown is not None:
            self.app.pop(shown)

    def _tell(self, messages: list[str]) -> None:
        top = self.app.top
        say = getattr(top, "say", None)
        text = " ".join(m.strip() for m in messages)
        if say is not None:
            say(text)
        else:
            from cardsdealt.ui.pygame.scenes.message import Message

            self.app.push(Message(self.app, "The deck changed", text, ok="Carry on"))


def _typed_reflection(app) -> str | None:
    """The words in an open reflection box ("" when open and empty), None when none is
    open."""
    for s in reversed(app.scenes):
        if s.name == "reflection":
            d = s.draft()
            return d.text if d is not None else ""
    return None


def _skip_deal(scene) -> None:
    """No dealing animation on a reload: the card is already on the table."""
    import pygame

    skip = getattr(scene, "skip_animation", None)
    if skip is not None:
        skip(pygame.event.Event(pygame.KEYDOWN, key=0, mod=0, unicode=""))


def _keep_response(old, scene, game) -> str:
    """A journey showing what the child said after a choice keeps showing it (with the new
    words). Returns a message when the card it was about is gone."""
    if old is None or getattr(old, "phase", None) != "response" or scene is None \
            or getattr(scene, "phase", None) is None or old.shown is None:
        return ""
    deck = game.deck
    if not deck.has_card(old.shown.id):
        return f"The card “{old.shown.title}” is no longer in the deck; showing the next one."
    card = deck.card(old.shown.id)
    if old.chosen is None or old.chosen >= len(card.choices):
        return f"The choice you took on “{card.title}” is no longer there; choose again."
    after = dict(game.stats)
    scene.phase, scene.chosen, scene.shown = "response", old.chosen, card
    scene.before = {k: old.before.get(k, v) for k, v in after.items()}
    scene.after = after
    scene.focus = None
    scene.changed()
    return ""

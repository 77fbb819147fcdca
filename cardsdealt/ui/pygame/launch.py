"""Opening the window: `play` is `cardsdealt play` with a window (the session store, the
session to resume, then `run`), `run_studio` is `cardsdealt studio [DECK]`, and `run` /
`run_async` open the window with its settings and first screen and run the loop (app.py's
`App`) until it closes. Each raises DisplayUnavailable if no window can open (cli.py then
starts the terminal instead).
"""

from __future__ import annotations

import sys
from typing import Callable

import pygame

from cardsdealt.options import PlayOptions
from cardsdealt.ui.pygame.app import App
from cardsdealt.ui.pygame.display import DisplayUnavailable, open_display, parse_size
from cardsdealt.ui.pygame.textbuffer import Draft

__all__ = ["DisplayUnavailable", "play", "run", "run_async", "run_studio"]


def run(args: PlayOptions | object, on_quit: Callable[[Draft | None], None] | None = None,
        unfinished: Callable[[], list] | None = None, store=None, resumed=None,
        locked: str | None = None) -> int:
    """`cardsdealt play` with a window. Raises DisplayUnavailable if no window can open.

    `on_quit(draft)` runs when the window closes or Quit is chosen (draft: unsaved typed
    words, or None); `unfinished()` lists `flow.ResumeEntry` rows for the start screen
    (by default the store's unfinished sessions). `store`: a `cardsdealt.session.
    SessionStore` to keep every game in (None: nothing is written). `resumed`: a
    `cardsdealt.session.Resumed` to open straight into (`--resume`); `locked`: the name of a
    session `--resume` found open in another window (the start screen then asks: a copy, or
    read-only). With `args.watch` the
    screen follows each save of the deck's files (watch.py).
    """
    app = _open(args, on_quit, unfinished, store, resumed, locked)
    try:
        return _closing(app, app.run())
    finally:
        pygame.display.quit()


async def run_async(args: PlayOptions | object, on_quit: Callable[[Draft | None], None] | None
                    = None, unfinished: Callable[[], list] | None = None, store=None,
                    resumed=None) -> int:
    """`run` under asyncio: `asyncio.run(run_async(args))` (browser builds)."""
    app = _open(args, on_quit, unfinished, store, resumed)
    try:
        return _closing(app, await app.run_async())
    finally:
        pygame.display.quit()


def _open(args, on_quit, unfinished, store, resumed, locked=None) -> App:
    """The window, the settings and the first screen, ready for the loop."""
    from cardsdealt.ui.pygame.flow import Table

    opts = PlayOptions.of(args)
    screen = open_display(parse_size(opts.size), fullscreen=opts.fullscreen)
    try:
        app = App(screen, on_quit=on_quit)
        from cardsdealt.ui.pygame import prefs

        for line in prefs.install(app, opts):  # theme, text size, font, motion, read-aloud
            app.set_status(line)
        watching = opts.watch
        table = Table(app, opts, unfinished=unfinished, store=None if watching else store)
        if watching:
            from cardsdealt.ui.pygame.watch import LivePreview

            LivePreview(app, table).open()
        elif resumed is not None:
            table.resumed(resumed)
        else:
            table.start()
            if locked:
                table.offer_locked(locked)
        return app
    except BaseException:
        pygame.display.quit()
        raise


def _closing(app: App, rc: int) -> int:
    if app.session is not None:  # said where a terminal can still show it
        sid = app.session.id
        print(f"Your session is kept as {sid}. Carry on later with `cardsdealt play "
              f"--resume {sid}`; write your record with `cardsdealt export {sid}`.")
    return rc


def run_studio(deck=None, size: str | None = None) -> int:
    """`cardsdealt studio [DECK]`: a window with the deck studio (ui/pygame/studio), straight
    into `deck` (a folder) when one is given. Raises DisplayUnavailable if no window opens."""
    from cardsdealt.ui.pygame import prefs
    from cardsdealt.ui.pygame.flow import Table

    opts = PlayOptions(size=size) if size else PlayOptions()
    screen = open_display(parse_size(opts.size), fullscreen=opts.fullscreen)
    try:
        app = App(screen)
        for line in prefs.install(app, opts):
            app.set_status(line)
        Table(app, opts).open_studio(deck, leave_to_start=False)
        rc = app.run()
        studio = getattr(app, "studio", None)
        if studio is not None:
            studio.close_deck()  # everything typed is on disk before the window goes
        return rc
    finally:
        pygame.display.quit()


def play(opts: PlayOptions) -> int:
    """`cardsdealt play` in a window: the session store (unless --no-save or --watch), the
    session to resume (--resume), then `run`. Raises DisplayUnavailable if no window can
    open (cli.py then starts the terminal instead)."""
    from cardsdealt.session import SessionError, SessionLockedError, SessionStore, resume

    if opts.watch and opts.resume:
        print("--watch previews a deck as you edit it; it does not resume sessions. "
              "Use one or the other.", file=sys.stderr)
        return 2
    saving = not (opts.no_save or opts.watch)  # a live preview is for authors: no record
    store = resumed = locked = None
    try:
        if saving or opts.resume:
            store = SessionStore()
        if opts.resume:
            try:
                resumed = resume(store, opts.resume)
            except SessionLockedError:  # open in another window
                if saving:  # the start screen asks: carry on in a copy, or read-only
                    locked = store.folder(opts.resume).name
                else:  # --no-save only looks
                    resumed = resume(store, opts.resume, read_only=True)
    except (SessionError, OSError) as e:
        if opts.resume:
            print(str(e), file=sys.stderr)
            return 1
        print(f"Sessions cannot be kept on this computer just now, so this game is not "
              f"saved: {e}", file=sys.stderr)
        store = None
    return run(opts, store=store if saving else None, resumed=resumed, locked=locked)

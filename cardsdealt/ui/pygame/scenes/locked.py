"""A session open in another window: carry on in a copy, look at it read-only, or go back.

The session library lets one writer at a time hold a session (session/locks.py). When the
start screen or `--resume` opens one that another window or program has open, this asks what
to do, in one message, with the ways the terminal offers too (ui/terminal/keeping.py): a copy
carries on from where the session was and keeps every word typed from then on in a session of
its own; read-only plays on and saves nothing (the status line says so all along); Back
changes nothing. The other window's words are never touched.
"""

from __future__ import annotations

from cardsdealt.ui.pygame.scenes.overlays import Menu

READ_ONLY_STATUS = "Read-only: nothing you do here is saved."


class LockedChoice(Menu):
    name = "locked"
    title = "This session is open somewhere else"
    message_h = 230
    entries = (("copy", "Carry on in a copy"), ("read", "Look at it read-only"),
               ("back", "Back to the list"))

    def __init__(self, app, table, session_id: str, name: str = "") -> None:
        super().__init__(app)
        self.table, self.session_id = table, session_id
        self.message = (
            f"{name or 'The session ' + session_id} is open in another window or program "
            "just now. "
            "A copy carries on from where it is and keeps your words in a session of its "
            "own. Read-only lets you look and play on, but saves nothing. The other "
            "window's words are safe either way.")

    def done(self, result=None) -> None:
        app, table = self.app, self.table
        super().done(result)
        if result not in ("copy", "read"):
            return
        why = table.open_locked(self.session_id, copy=result == "copy")
        if why:
            from cardsdealt.ui.pygame.scenes.message import Message

            app.push(Message(app, "This session cannot carry on yet", why,
                             ok="Back to the list"))

"""A file dropped on the window (`pygame.DROPFILE`; app.py hands every drop here).

- A screen that takes files (one with `take_file(path) -> bool`, such as the studio's
  picture step) gets it first: a picture dropped while a card's picture is being chosen
  goes straight in.
- A `.zip` anywhere: "Open a shared deck?" Yes installs it into the person's own decks
  folder with `session.share.unpack`, which checks every file first and installs all or
  nothing. Then "Installed: <title>", and the start screen lists it; or the one plain
  message saying why it was refused.
- Anything else: a short note of what can be dropped, and where.
"""

from __future__ import annotations

from pathlib import Path

PICTURE_ENDINGS = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp")


def dropped(app, path: str) -> None:
    take = getattr(app.top, "take_file", None)
    if take is not None and take(path):
        return
    from cardsdealt.ui.pygame.scenes.message import Message

    p = Path(path)
    if p.name.lower().endswith(".zip"):
        offer_shared_deck(app, p)
    elif p.name.lower().endswith(PICTURE_ENDINGS):
        app.push(Message(app, "A picture", "To put this picture on a card, open the card in "
                         "\"Make or change a deck\", choose its picture, then drop the file "
                         "on the window again."))
    else:
        app.push(Message(app, "This file cannot be opened here",
                         f"{p.name} is not a shared deck or a picture. Drop a shared deck (a "
                         ".zip file) to add it to your decks, or a picture while choosing a "
                         "card's picture."))


def offer_shared_deck(app, zip_path: Path, into: Path | None = None) -> None:
    """Ask, then install the shared deck in `zip_path` (into the person's decks folder)."""
    from cardsdealt.ui.pygame.scenes.overlays import Confirm

    ask = Confirm(app, "Open a shared deck",
                  f"Add the deck in {zip_path.name} to your decks? Everything in it is "
                  "checked first: if anything is wrong, nothing is added.",
                  yes="Open it", no="Not now")
    app.push(ask, lambda yes: install_shared_deck(app, zip_path, into) if yes else None)


def install_shared_deck(app, zip_path: Path, into: Path | None = None) -> Path | None:
    """Unpack, then say what happened; the start screen, if shown, lists the new deck."""
    from cardsdealt.session.share import ShareRefused, unpack
    from cardsdealt.ui.pygame.scenes.message import Message

    try:
        folder = unpack(zip_path, into)
    except ShareRefused as e:
        app.push(Message(app, "This deck was not opened", str(e)))
        return None
    title = _title(folder)
    table = getattr(app, "table", None)
    if table is not None and hasattr(table, "reload_decks"):
        table.reload_decks()
        if getattr(app.top, "name", "") == "start":
            table.start()  # the list again, with the new deck in it
    app.push(Message(app, f"Installed: {title}",
                     "It is on the start screen with the other decks, ready to play."))
    return folder


def _title(folder: Path) -> str:
    try:
        from cardsdealt.deck import load_deck

        return load_deck(folder).title
    except Exception:  # noqa: BLE001 - unpack checked it; the folder name will do
        return folder.name

"""The studio's first screen, the name of a new deck, and opening a shared deck.

"Make or change a deck" offers a new journey, a new table game, a shared deck, and each of
the person's own decks to change (a shipped deck is changed in a copy of its own). "A new
journey" (or table game) asks what it is called and makes it: from there on the deck's page
(deckpage.py).

"Open a shared deck" lists the .zip files in the person's Downloads, Desktop and Documents
folders and their home folder, newest first (no file dialog, no terminal). The one chosen,
or one dropped on these screens, is installed by the code `cardsdealt unpack` and a zip
dropped anywhere on the window use (`session.share.unpack`: everything checked first, all
or nothing), then its page opens; a refusal is said in share's own plain words and nothing
is installed.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from cardsdealt.authoring.studio import StudioDeck, StudioError
from cardsdealt.authoring.studio import fields as SF
from cardsdealt.ui.pygame.studio.control import Control
from cardsdealt.ui.pygame.studio.deckpage import CardsScreen
from cardsdealt.ui.pygame.studio.folders import newest_files, user_folders
from cardsdealt.ui.pygame.studio.screen import StudioScreen


class ChooseScreen(StudioScreen):
    name = "studio-choose"
    title = "Make or change a deck"

    def controls(self) -> list[Control]:
        from cardsdealt.session.decks import list_user_decks

        out = [Control("new.journey", "Make a new journey", kind="row",
                       detail="One child's story: the group chooses what the adults do",
                       action=lambda: self.studio.open(NameScreen(self.app, self.studio,
                                                                  "journey"))),
               Control("new.classic", "Make a new table game", kind="row",
                       detail="Cards with themes and numbers, talked about one by one",
                       action=lambda: self.studio.open(NameScreen(self.app, self.studio,
                                                                  "classic"))),
               Control("open.shared", "Open a shared deck", kind="row",
                       detail="A deck someone sent you: one .zip file",
                       action=lambda: self.studio.open(SharedScreen(self.app, self.studio,
                                                                    self)))]
        for folder in list_user_decks():
            out.append(Control(f"open.{folder.name}", f"Change \u201c{_title_of(folder)}\u201d",
                               kind="row", detail=_changed_words(folder),
                               action=partial(self.change, folder)))
        return out

    def tools(self) -> list[Control]:
        return [Control("tool.back", "Back", action=self.back),
                Control("tool.settings", "Settings", action=self.open_settings)]

    def install(self, path: Path, over: StudioScreen | None = None) -> None:
        """Install the shared deck in `path` and open its page (Back from it comes here);
        or say in share's plain words why it was refused (nothing is installed)."""
        from cardsdealt.session.share import ShareRefused, unpack
        from cardsdealt.ui.pygame.scenes.message import Message

        try:
            folder = unpack(path)
        except ShareRefused as e:
            self.app.push(Message(self.app, "This deck was not opened", str(e), ok="Back"))
            return
        self.studio.table.reload_decks()  # the start screen lists it too
        if over in self.studio.screens:
            self.studio.screens.remove(over)
        self.change(folder)

    def take_file(self, path: str) -> bool:
        """A .zip dropped here is opened as if chosen from "Open a shared deck" (drop.py
        asks the screen shown first)."""
        if not path.lower().endswith(".zip"):
            return False
        self.install(Path(path), over=self.app.top if self.app.top is not self else None)
        return True

    def change(self, folder: Path) -> None:
        from cardsdealt.session.decks import read_deck_files

        try:
            doc = StudioDeck.from_files(read_deck_files(folder))
        except (StudioError, OSError) as e:
            from cardsdealt.ui.pygame.scenes.message import Message

            self.app.push(Message(self.app, "This deck cannot be opened in the studio",
                                  str(e), ok="Back"))
            return
        new = False
        if _shipped(folder):  # a shipped deck stays as shipped: the group changes a copy
            from cardsdealt.session.decks import new_deck_folder

            folder, new = new_deck_folder(f"{_title_of(folder)} (our copy)"), True
        self.studio.open_deck(doc, folder, new=new)
        if new:
            self.studio.note = "This is your own copy."
        self.studio.open(CardsScreen(self.app, self.studio))


def _shipped(folder: Path) -> bool:
    from cardsdealt.paths import DECKS

    try:
        return Path(folder).resolve().is_relative_to(DECKS.resolve())
    except OSError:
        return False


def _changed_words(folder: Path) -> str:
    """"One of your decks, last changed on 1 December 2026" (never its folder's path)."""
    try:
        return f"One of your decks, last changed on {_day((folder / 'deck.yaml').stat().st_mtime)}"
    except OSError:
        return "One of your decks"


def _day(when: float) -> str:
    """A file's day in words: "1 December 2026"."""
    import time

    t = time.localtime(when)
    return f"{t.tm_mday} {time.strftime('%B %Y', t)}"


def _title_of(folder: Path) -> str:
    try:
        from cardsdealt.authoring.studio.yamlio import read_yaml

        doc = read_yaml((folder / "deck.yaml").read_bytes())
        return str(doc.get("title") or folder.name)
    except Exception:  # noqa: BLE001 - a deck that will say what is wrong when opened
        return folder.name


class NameScreen(StudioScreen):
    name = "studio-name"

    def __init__(self, app, studio, mode: str) -> None:
        super().__init__(app, studio)
        self.mode = mode
        self.title = "A new journey" if mode == "journey" else "A new table game"
        self.words = ""

    def controls(self) -> list[Control]:
        f = SF.field("deck", "title")

        def put(v: str) -> None:
            self.words = v

        return [Control("deck.title", kind="line", label=f.label, hint=f.hint,
                        example=f.example, value=self.words, on_change=put),
                Control("make", "Make it", detail="You can change the name later",
                        action=self.make)]

    def tools(self) -> list[Control]:
        return [Control("tool.back", "Back", action=self.back)]

    def line_done(self, c: Control) -> None:
        self.make()  # Enter after the name makes the deck, as "Make it" does

    def make(self) -> None:
        from cardsdealt.session.decks import new_deck_folder

        title = self.words.strip() or ("Our journey" if self.mode == "journey"
                                       else "Our table game")
        doc = StudioDeck.new(self.mode, title)
        self.studio.open_deck(doc, new_deck_folder(title), new=True)
        self.studio.screens.remove(self)  # Back from the new deck goes to the first screen
        self.studio.open(CardsScreen(self.app, self.studio))


MAX_SHARED = 40  # .zip files listed, newest first


def shared_deck_folders() -> list[Path]:
    """Where a deck someone sent is saved: Downloads, Desktop, Documents, then the home
    folder (those there are, each once)."""
    import platformdirs

    from cardsdealt.session.places import documents_dir

    return user_folders(platformdirs.user_downloads_dir, platformdirs.user_desktop_dir,
                        documents_dir, Path.home)


def _folder_words(folder: Path) -> str:
    return "your home folder" if folder == Path.home() else f"your {folder.name} folder"


class SharedScreen(StudioScreen):
    """The .zip files found, one big row each; choosing one installs it and opens it."""

    name = "studio-open-shared"
    title = "Open a shared deck"

    def __init__(self, app, studio, first: ChooseScreen,
                 folders: list[Path] | None = None) -> None:
        super().__init__(app, studio)
        self.first = first
        self.folders = shared_deck_folders() if folders is None else folders

    def controls(self) -> list[Control]:

        found = newest_files(self.folders, (".zip",), MAX_SHARED)
        if not found:
            places = ", ".join(_folder_words(f) for f in self.folders) or "your folders"
            return [Control("none", "No shared decks found", enabled=False,
                            detail=f"Looked in {places}. Save the .zip file there, or drop "
                            "it on this window.")]
        return [Control(f"zip:{i}", p.name, kind="row",
                        detail=f"In {_folder_words(p.parent)}, saved on {_day(when)}",
                        action=partial(self.install, p))
                for i, (when, p) in enumerate(found)]

    def tools(self) -> list[Control]:
        return [Control("tool.back", "Back", action=self.back)]

    def install(self, path: Path) -> None:
        self.first.install(path, over=self)

    def take_file(self, path: str) -> bool:
        return self.first.take_file(path)

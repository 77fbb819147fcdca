"""The look and feel a person chose, applied to a running window at once and remembered.

Where the values come from: the per-user settings file (cardsdealt.session.settings), then
the flags of `cardsdealt play` (--theme, --text-size, --font, --reduced-motion, --read-aloud),
which win for this run only. A change made in the settings screen is applied at once and
saved; a flag nobody touched in the screen is not written to the file.

Applying means: the theme on the app, the font and text size in `text.configure()` (which
clears every layout cache keyed by size), reduced motion on the app for the scenes to read,
a `Speaker` when read-aloud is on, and every open scene redrawn (`Scene.restyle()`).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Callable

from cardsdealt.render import text
from cardsdealt.render.theme import DEFAULT, THEMES
from cardsdealt.session.files import SessionError
from cardsdealt.session.settings import Settings, load_settings, save_settings

LOOK_FIELDS = ("theme", "text_size", "font", "reduced_motion", "read_aloud")


def with_flags(saved: Settings, args) -> Settings:
    """`saved` with every flag that was given on the command line put over it."""
    ch: dict = {}
    if getattr(args, "theme", None):
        ch["theme"] = args.theme
    if getattr(args, "text_size", None) is not None:
        ch["text_size"] = int(args.text_size) - 1  # the flag counts 1-5, the file 0-4
    if getattr(args, "font", None):
        ch["font"] = args.font
    if getattr(args, "reduced_motion", None) is not None:
        ch["reduced_motion"] = bool(args.reduced_motion)
    if getattr(args, "read_aloud", None) is not None:
        ch["read_aloud"] = bool(args.read_aloud)
    return replace(saved, **ch).cleaned()


def install(app, args=None, path: Path | None = None,
            speaker_factory: Callable[[], object] | None = None) -> list[str]:
    """Load the person's settings, put the flags over them and apply them to `app`.
    Returns messages for the person (a damaged settings file, say)."""
    saved, messages = load_settings(path)
    app.settings_path = path
    app.speaker_factory = speaker_factory
    app.speaker = None
    apply(app, with_flags(saved, args))
    return messages


def current(app) -> Settings:
    return getattr(app, "settings", None) or Settings()


def apply(app, settings: Settings) -> None:
    """Make `settings` the look of `app` now (nothing is saved)."""
    settings = settings.cleaned()
    app.settings = settings
    app.theme = THEMES.get(settings.theme, DEFAULT)
    text.configure(settings.font, settings.text_scale)
    app.reduced_motion = settings.reduced_motion
    _read_aloud(app, settings.read_aloud)
    for scene in list(getattr(app, "scenes", ())):
        scene.restyle()
    app.dirty = True


def change(app, **values) -> str:
    """Apply a change from the settings screen and remember it; "" or a message when the
    settings file could not be written (the change still holds for this run)."""
    apply(app, replace(current(app), **values))
    path = getattr(app, "settings_path", None)
    saved, _ = load_settings(path)  # read again: a deck preset may have been saved meanwhile
    try:
        save_settings(replace(saved, **values), path)
    except SessionError as e:
        return f"Not remembered for next time: {e}"
    return ""


def speak(app, words: str) -> None:
    """Say `words` if read-aloud is on and an engine is there; otherwise nothing."""
    speaker = getattr(app, "speaker", None)
    if speaker is not None and words and words.strip():
        speaker.say(words)


def speech_available(app) -> bool:
    speaker = getattr(app, "speaker", None)
    return bool(speaker is not None and speaker.available)


def close(app) -> None:
    """Stop speaking (the window is closing)."""
    speaker = getattr(app, "speaker", None)
    if speaker is not None:
        speaker.stop()
        speaker.close()


def _read_aloud(app, on: bool) -> None:
    speaker = getattr(app, "speaker", None)
    if on and speaker is None:
        from cardsdealt.ui.speech import Speaker

        app.speaker = Speaker(getattr(app, "speaker_factory", None))
    elif not on and speaker is not None:
        speaker.stop()
        speaker.close()
        app.speaker = None

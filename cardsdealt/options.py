"""How `cardsdealt play` was asked to run, typed: `PlayOptions`. cli.py builds it from its
command line; both front ends (the window, the terminal) read it instead of an argparse
Namespace, so a missing or misspelt option is a type error, not a silent default.

`PlayOptions.of(x)` takes a PlayOptions as it is, or reads the fields it knows from any object
with those attributes (an argparse Namespace, a test's stand-in); what is missing keeps its
default. It is the one place that tolerates a partial set of options.
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class PlayOptions:
    deck: str | None = None  # a deck folder, a path to deck.yaml or a shipped deck's name
    mode: str | None = None  # journey | classic (None: the preset's, else the deck's first)
    players: int | None = None
    seed: int | None = None
    preset: str | None = None  # engine/presets.py NAMES
    resume: str | None = None  # a session id
    no_save: bool = False
    # the terminal
    text: bool = False
    autoplay: bool = False
    json: bool = False
    # the window
    watch: bool = False
    fullscreen: bool = False
    size: str | None = None  # "1280x720"
    theme: str | None = None  # over the saved settings, for this run and after
    text_size: int | None = None  # 1-5, as the flag counts
    font: str | None = None
    reduced_motion: bool | None = None
    read_aloud: bool | None = None

    @classmethod
    def of(cls, given: object = None) -> PlayOptions:
        if isinstance(given, PlayOptions):
            return given
        if given is None:
            return cls()
        found = {f.name: getattr(given, f.name) for f in fields(cls)
                 if getattr(given, f.name, None) is not None}
        return cls(**found)

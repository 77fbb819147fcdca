"""Per-user settings, remembered between sessions: look and feel, and choices per deck.

Stored as settings.json beside the sessions folder, written atomically like every user file.
A damaged or unknown settings file never stops the game: the defaults are used, the bad file
is kept aside, and a message says so.

Versions (the scheme every saved file follows: cardsdealt/engine/saves.py):
  0: cardsdealt 0.1, no version keys (still read).
  1: format/version/min_reader added; the same fields.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path

from cardsdealt.engine.saves import SETTINGS, stamp, version_problem
from cardsdealt.session.files import SessionError, default_root, private_dir, write_atomic
from cardsdealt.session.savefile import parse, read_bounded

THEMES = ("default", "high-contrast", "dark")
TEXT_SIZES = (1.0, 1.15, 1.3, 1.5, 1.75)  # multipliers of the design sizes; 5 steps
FONTS = ("atkinson", "opendyslexic")
RECORD_FORMATS = ("england", "wales", "scotland", "northern-ireland")  # = record.FORMATS


@dataclass(frozen=True)
class Settings:
    theme: str = "default"
    text_size: int = 0  # index into TEXT_SIZES
    font: str = "atkinson"
    reduced_motion: bool = False
    read_aloud: bool = False
    deck_presets: dict = field(default_factory=dict)  # deck id -> preset name
    record_format: str = "england"  # whose headings the CPD record uses (record.TEMPLATES)
    records_folder: str = ""  # where records go ("" = Documents/cardsdealt, places.py)
    name_check: bool = True  # warn before saving closing answers that may name a child

    @property
    def text_scale(self) -> float:
        return TEXT_SIZES[self.text_size]

    def cleaned(self) -> "Settings":
        """The same settings with any value out of range put back to its default."""
        d = Settings()
        return Settings(
            theme=self.theme if self.theme in THEMES else d.theme,
            text_size=self.text_size if isinstance(self.text_size, int)
            and 0 <= self.text_size < len(TEXT_SIZES) else d.text_size,
            font=self.font if self.font in FONTS else d.font,
            reduced_motion=bool(self.reduced_motion),
            read_aloud=bool(self.read_aloud),
            deck_presets={str(k): str(v) for k, v in dict(self.deck_presets or {}).items()},
            record_format=self.record_format if self.record_format in RECORD_FORMATS
            else d.record_format,
            records_folder=self.records_folder if isinstance(self.records_folder, str)
            else d.records_folder,
            name_check=bool(self.name_check),
        )


def settings_path() -> Path:
    return default_root().parent / "settings.json"


def load_settings(path: Path | None = None) -> tuple[Settings, list[str]]:
    """(settings, messages). Never raises: a bad file gives the defaults and a message."""
    path = path or settings_path()
    if not path.exists():
        return Settings(), []
    try:
        data = parse(read_bounded(path, 1024 * 1024))
        if not isinstance(data, dict):
            raise ValueError("not an object")
        problem = version_problem(data, SETTINGS)
        if problem is not None and problem[0] == "newer":
            return Settings(), [f"Your settings could not be used: {problem[1]}. The usual "
                                "ones are used for now; the file is left as it is."]
        if problem is not None:
            raise ValueError(problem[1])
        known = {f.name for f in fields(Settings)}
        s = Settings(**{k: v for k, v in data.items() if k in known}).cleaned()
        return s, []
    except (OSError, ValueError, TypeError) as e:
        aside = path.with_name(f"settings.json.damaged-{int(time.time())}")
        try:
            path.replace(aside)
        except OSError:
            aside = path
        return Settings(), [f"Your settings could not be read ({e}), so the usual ones are "
                            f"used. The old file is kept at {aside}."]


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write settings atomically (0600). Raises SessionError with a plain message."""
    path = path or settings_path()
    private_dir(path.parent)
    data = json.dumps({**stamp(SETTINGS), **asdict(settings.cleaned())}, indent=2,
                      sort_keys=True).encode("utf-8")
    write_atomic(path, data)


def remember_preset(deck_id: str, preset: str, path: Path | None = None) -> Settings:
    s, _ = load_settings(path)
    s = replace(s, deck_presets={**s.deck_presets, deck_id: preset})
    try:
        save_settings(s, path)
    except SessionError:
        pass  # a preset that is not remembered is not worth interrupting a session for
    return s

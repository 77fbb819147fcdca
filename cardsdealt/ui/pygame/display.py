"""Opening the window on real machines.

Settings that must be in the environment before SDL starts:
- SDL_VIDEO_MINIMIZE_ON_FOCUS_LOSS=0: a fullscreen window on the projector must not vanish
  when the trainer clicks on the laptop's own screen.
- SDL_WINDOWS_DPI_AWARENESS=permonitorv2: on Windows at 150 % scaling the window gets real
  pixels (sharp text) instead of being blurred up by the system.
- SDL_FRAMEBUFFER_ACCELERATION=0: SDL otherwise presents the window surface through an
  OpenGL texture. Measured under Xvfb with Mesa's software GL (no GPU, as on many school
  laptops and in CI): a flip of 1920x1080 took 9.5 ms with the default and 1.3 ms with 0;
  at 3840x2160 43 ms against 4.4 ms. This program draws into a software surface and redraws
  rarely, so it gains nothing from GL and loses a lot where GL is emulated. (`bench/
  bench_frames.py` prints the figures on the machine at hand.)
Each is a default: a value the user already set wins.
"""

from __future__ import annotations

import os

ENV_DEFAULTS = {
    "SDL_VIDEO_MINIMIZE_ON_FOCUS_LOSS": "0",
    "SDL_WINDOWS_DPI_AWARENESS": "permonitorv2",
    "SDL_FRAMEBUFFER_ACCELERATION": "0",
}


class DisplayUnavailable(RuntimeError):
    """The window could not be opened (no display, driver failure). The CLI catches this and
    falls back to the terminal."""


def prepare_environment() -> None:
    for k, v in ENV_DEFAULTS.items():
        os.environ.setdefault(k, v)
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


def parse_size(text: str | None) -> tuple[int, int] | None:
    if not text:
        return None
    try:
        w, h = (int(x) for x in text.lower().replace("×", "x").split("x"))
    except ValueError:
        return None
    if w < 320 or h < 240:
        return None
    return w, h


def open_display(size: tuple[int, int] | None = None, fullscreen: bool = False,
                 title: str = "The Cards You're Dealt"):
    """Start pygame's display and font modules only (no audio) and open the window."""
    prepare_environment()
    import pygame

    try:
        pygame.display.init()
        pygame.font.init()
        if size is None:
            size = default_window_size()
        flags = pygame.FULLSCREEN if fullscreen else pygame.RESIZABLE
        screen = pygame.display.set_mode((0, 0) if fullscreen else size, flags)
        pygame.display.set_caption(title)
        pygame.key.stop_text_input()  # typing is switched on only while a text box is shown
    except pygame.error as e:
        raise DisplayUnavailable(str(e)) from e
    return screen


TITLE_AND_TASKBAR = 100  # px a window's title bar and the taskbar take from the desktop


def default_window_size() -> tuple[int, int]:
    """16:9, about 80 % of the desktop, at least 1280x720 where the desktop has room for that
    and its title bar (on a 1280x720 screen a 1280x720 window cut off the meters and timer)."""
    import pygame

    try:
        dw, dh = pygame.display.get_desktop_sizes()[0]
    except (pygame.error, IndexError):
        return 1280, 720
    w = min(dw * 8 // 10, dh * 8 // 10 * 16 // 9)
    w = max(min(1280, dw, (dh - TITLE_AND_TASKBAR) * 16 // 9), w)
    return w, w * 9 // 16

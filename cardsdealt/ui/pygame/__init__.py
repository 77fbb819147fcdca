"""The window front end (pygame-ce). Entry point: `cardsdealt.ui.pygame.launch.play(options)`."""

import os

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # before any `import pygame`

"""The table game's end screen: a button (and the W key) that writes the winners' certificate,
a printable page saying that everyone who joined the conversation is a winner.

The file is written by cardsdealt/session/certificate.py where records go (the Documents
folder, or the one chosen in Settings), with a copy beside the session when one is kept; a
message says where, with the full path, so the trainer can print it.
"""

from __future__ import annotations

from dataclasses import replace

import pygame
from pygame import Rect

from cardsdealt.render.draw import button

LABEL = "Winners' certificate (W)"


def offered(scene) -> bool:
    return getattr(getattr(scene, "game", None), "mode", None) == "classic"


def button_rect(scene) -> Rect:
    """Under the left column of the end screen, above its row of buttons."""
    m = scene.m
    if m.portrait:  # at the foot of the ending's column, the width of the screen
        left = scene._geometry()[0]
        return Rect(left.x, left.bottom - m.px(96), left.w, m.px(80))
    left_bottom = m.h - m.px(240)
    return Rect(m.px(80), left_bottom - m.px(96), m.px(620), m.px(80))


def draw_button(scene, surface, focused: bool = False) -> None:
    if offered(scene):
        button(surface, button_rect(scene), LABEL, scene.theme, scene.m.u, focused=focused)


def handle_end_event(scene, event) -> bool:
    """W or a click on the button writes the certificate. True if the event was used."""
    if not offered(scene):
        return False
    if event.type == pygame.KEYDOWN and event.key == pygame.K_w \
            and not getattr(event, "mod", 0) & (pygame.KMOD_CTRL | pygame.KMOD_ALT):
        write(scene)
        return True
    if event.type == pygame.MOUSEBUTTONDOWN and getattr(event, "button", 1) == 1 \
            and button_rect(scene).collidepoint(event.pos):
        write(scene)
        return True
    return False


def write(scene) -> str:
    """Write the certificate for the scene's game; returns the path written ("" if not)."""
    from cardsdealt.session.certificate import facts_from_game, write_certificate
    from cardsdealt.session.files import SessionError
    from cardsdealt.ui.pygame.scenes.message import Message

    app, game = scene.app, scene.game
    session = getattr(app, "session", None)
    folder = getattr(session, "folder", None)
    stem = f"{session.id}-certificate" if session is not None else None
    facts = replace(facts_from_game(game), copies=max(1, len(game.player_names or ())))
    try:
        from cardsdealt.ui.pygame.writing import record_place

        path = write_certificate(facts, record_place(app)["out_dir"], stem, private=folder)
    except (SessionError, OSError) as e:
        app.push(Message(app, "The certificate could not be saved", str(e), ok="Close"))
        return ""
    pages = "one page" if facts.copies == 1 else f"{facts.copies} pages, one for each team"
    app.push(Message(app, "Certificate saved",
                     f"Everyone who joined the conversation is a winner. The certificate "
                     f"({pages}) is saved as {path}. Open it to print.", ok="Done"))
    return str(path)

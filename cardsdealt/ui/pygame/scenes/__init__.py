"""One class per screen. Each has on_show/on_hide/handle(event)/update(dt)/draw(surface)."""

"""Names that several layers use must say the same everywhere. Themes and fonts are drawn by
render/ and remembered by session/, two layers that may not import each other, so each keeps
its list and this test keeps them one; presets live once (engine/presets.py) and the command
line takes its choices from these lists."""


from cardsdealt.cli import _build_parser
from cardsdealt.deck import fields as F
from cardsdealt.engine import presets
from cardsdealt.render import text, theme
from cardsdealt.session import facts, settings


def _choices(flag: str) -> tuple:
    play = _build_parser()._subparsers._group_actions[0].choices["play"]
    [action] = [a for a in play._actions if flag in a.option_strings]
    return tuple(action.choices)


def test_themes_drawn_are_the_themes_remembered_and_offered():
    assert tuple(theme.THEMES) == settings.THEMES == _choices("--theme")


def test_fonts_drawn_are_the_fonts_remembered_and_offered():
    assert tuple(text.FAMILIES) == tuple(text.FONT_WORDS) == settings.FONTS == _choices("--font")


def test_presets_offered_are_the_engines():
    assert _choices("--preset") == presets.NAMES == tuple(p.name for p in presets.PRESETS)


def test_tags_a_deck_may_carry_are_the_ones_a_record_can_name():
    assert sorted(facts.PCF) == sorted(F.PCF_DOMAINS)
    assert sorted(facts.BRIGHT_SPOTS) == sorted(F.BRIGHT_SPOTS)

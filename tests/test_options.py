"""`cardsdealt play`'s options, typed (cardsdealt/options.py)."""

from argparse import Namespace
from dataclasses import fields

from cardsdealt.cli import _build_parser
from cardsdealt.options import PlayOptions


def test_every_play_flag_has_a_typed_field_and_no_field_lacks_a_flag():
    ns = _build_parser().parse_args(["play"])
    flags = set(vars(ns)) - {"command"}
    assert flags == {f.name for f in fields(PlayOptions)}


def test_the_command_line_reads_as_typed_options():
    ns = _build_parser().parse_args(["play", "example", "--seed", "4", "--preset",
                                     "supervision", "--text-size", "3", "--fullscreen"])
    opts = PlayOptions.of(ns)
    assert (opts.deck, opts.seed, opts.preset, opts.text_size, opts.fullscreen) == \
        ("example", 4, "supervision", 3, True)
    assert opts.reduced_motion is None  # not given: the saved setting stays


def test_a_partial_stand_in_keeps_the_defaults():
    opts = PlayOptions.of(Namespace(seed=5, mode=None))
    assert opts == PlayOptions(seed=5)
    assert PlayOptions.of(opts) is opts and PlayOptions.of(None) == PlayOptions()

"""The shipped decks get English practice right, and keep it right: each correction made
against current statutory guidance has a test here that fails if the old practice returns.
Also Kai's statutory spine (dealt in every game), the meters that never punish listening,
Kai's voice growing up, the table deck's notes and questions, and the support lines.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cardsdealt.deck import fields as F
from cardsdealt.deck import load_deck

DECKS = Path(__file__).resolve().parent.parent / "decks"
SHIPPED = sorted(p.parent for p in DECKS.glob("*/deck.yaml"))
IDS = [p.name for p in SHIPPED]


@pytest.fixture(scope="module")
def kai():
    return load_deck(DECKS / "kais-journey")


@pytest.fixture(scope="module")
def table():
    return load_deck(DECKS / "cards-youre-dealt")


def _choice(card, words: str):
    """The choice of `card` whose label contains `words` (case-insensitive)."""
    found = [ch for ch in card.choices if words.lower() in ch.label.lower()]
    assert found, f"{card.id}: no choice about {words!r}"
    return found[0]


def _costs(choice) -> list[str]:
    return [k for k, v in choice.effects.items() if v < 0]


def _gains(choice) -> list[str]:
    return [k for k, v in choice.effects.items() if v > 0]


def _all_text(card) -> str:
    return " ".join([card.title, card.words, card.discuss, card.voice, card.facilitator_notes,
                     *(f"{ch.label} {ch.response} {ch.reflect}" for ch in card.choices)])


# --- the corrections, one by one ------------------------------------------------------------

def test_school_trip_abroad_needs_the_councils_written_consent_and_a_passport(kai):
    card = kai.card("school-trip")
    notes = card.facilitator_notes
    assert "written consent" in notes and "passport" in notes.lower() and "s33" in notes
    assert "Delegated authority guidance" in notes
    consent = _choice(card, "written consent")
    assert not _costs(consent) and _gains(consent)
    alone = _choice(card, "signs the school's form herself")
    assert not _gains(alone), "a carer's same-day yes to a trip abroad must not be rewarded"


def test_a_carer_saying_yes_to_a_sleepover_is_good_practice_and_never_costs_trust(kai):
    card = kai.card("sleepover")
    yes = _choice(card, "Jo says yes")
    assert not _costs(yes) and "trust" in _gains(yes)
    assert "Delegated authority guidance" in card.facilitator_notes
    assert "no checks" in card.facilitator_notes


def test_older_friends_is_a_safeguarding_concern_with_a_safeguarding_response(kai):
    card = kai.card("older-friends")
    notes = card.facilitator_notes
    assert "exploitation" in notes and "Working Together to Safeguard Children 2023" in notes
    act = [ch for ch in card.choices if "safeguarding" in ch.label.lower()]
    assert act and all(not _costs(ch) for ch in act)
    wait = _choice(card, "Wait and see")
    assert _costs(wait) and not _gains(wait)


def test_going_missing_is_followed_by_a_return_home_interview_and_agrees_on_how_long(kai):
    out = kai.card("out-late")
    assert all(ch.next == "return-interview" for ch in out.choices)
    rhi = kai.card("return-interview")
    assert "72 hours" in rhi.facilitator_notes and "72 hours" in out.facilitator_notes
    assert "children who run away or go missing" in rhi.facilitator_notes
    # the card and its notes agree: a few hours one night, never "a night" away
    assert "two in the morning" in out.words and "five hours" in out.facilitator_notes
    texts = [_all_text(c) for c in kai.cards] + [r.prompt for r in kai.reflections]
    assert not [t for t in texts if re.search(r"missing for a night|for a night\b", t)]


def test_bills_is_about_the_council_tax_exemption_and_asks_about_it(kai):
    card = kai.card("bills")
    assert "council tax" in card.words and "council tax" in card.discuss.lower()
    assert "exempt" in card.facilitator_notes and "Local Offer" in card.facilitator_notes
    claim = _choice(card, "exemption")
    assert not _costs(claim)


def test_bright_spots_has_four_areas_and_no_deck_tags_a_fifth():
    assert F.BRIGHT_SPOTS == ("relationships", "rights-and-voice", "resilience", "recovery")
    for root in SHIPPED:
        deck = load_deck(root)
        tags = [t for c in deck.cards for t in c.tags] + \
            [t for r in deck.reflections for t in r.tags]
        spots = [t.partition(":")[2] for t in tags if t.startswith("bright-spots:")]
        assert set(spots) <= set(F.BRIGHT_SPOTS), (root.name, set(spots) - set(F.BRIGHT_SPOTS))


def test_a_retired_feeling_safe_tag_loads_is_advised_and_is_never_listed_as_an_area():
    from types import SimpleNamespace

    from cardsdealt.session.facts import BRIGHT_SPOTS, _tags

    assert "feeling-safe" not in BRIGHT_SPOTS
    deck = load_deck(DECKS / "example")
    card = deck.cards[0]
    import dataclasses

    old = dataclasses.replace(deck, cards=(dataclasses.replace(
        card, tags=("bright-spots:feeling-safe",)), *deck.cards[1:]))
    _, spots = _tags(old, [card.id], SimpleNamespace(reflections=[]))
    assert spots == {}
    from cardsdealt.authoring.lint import advise

    assert any("is not a Bright Spots area" in p.message
               for p in advise(old, reachability=False))


def test_staying_with_a_foster_carer_after_18_is_staying_put(kai):
    assert "staying_put" in kai.flags and "staying_close" not in kai.flags
    card = kai.card("staying-with-jo")
    assert "Staying Put" in card.words and "Staying Put guidance" in card.facilitator_notes
    stay = _choice(card, "Staying Put")
    assert "staying_put" in stay.set_flags and not _costs(stay)


FIRST_DAYS = re.compile(r"first (night|day|week)|in my first", re.I)
LEAVING = re.compile(r"\b(18|17)\b|leave care|first flat|pathway plan", re.I)
MANY_WORKERS = re.compile(r"\b(five|six|seven|fifth|number five) social workers?\b|"
                          r"I've had (five|six|seven)", re.I)


def test_table_card_numbers_match_the_point_in_care(table):
    """1 is the first days, 8 is leaving care: a card's words and its number agree."""
    wrong = []
    for c in table.cards:
        words = f"{c.title} {c.statement}"
        if FIRST_DAYS.search(words) and not LEAVING.search(words) and c.number > 2:
            wrong.append(f"{c.id} is about the first days but is number {c.number}")
        if LEAVING.search(words) and c.number < 7:
            wrong.append(f"{c.id} is about leaving care but is number {c.number}")
        if MANY_WORKERS.search(words) and c.number < 5:
            wrong.append(f"{c.id} comes after many workers but is number {c.number}")
    assert not wrong, "\n".join(wrong)
    assert table.card("people-worker-number-five").number >= 5


def test_care_leaver_and_american_phrasing_are_advised_against():
    from cardsdealt.authoring.lint import language_pattern

    pat, words = language_pattern()
    for phrase in ("care leavers", "care leaver", "doctor's visits", "foster parents"):
        m = pat.search(f"Talk about {phrase} here")
        assert m and m.group(1).lower() == phrase
    from cardsdealt.authoring.lint import PROPER_NAMES

    assert PROPER_NAMES.search("the Care Leavers (England) Regulations 2010")


def test_nan_calls_tells_the_truth_about_family_being_considered_first(kai):
    card = kai.card("nan-calls")
    notes = card.facilitator_notes
    assert "s22C(7)" in notes and "Family and friends care statutory guidance" in notes
    assert "Kinship carers" not in notes  # Nan is a grandparent, not Kai's carer
    honest = _choice(card, "explains honestly")
    assert not _costs(honest) and "knows_story" in honest.set_flags


def test_read_my_file_does_not_make_a_child_wait_until_eighteen(kai):
    card = kai.card("read-my-file")
    assert not [ch for ch in card.choices if "eighteen" in ch.label.lower()]
    assert "subject access request" in card.facilitator_notes
    assert "Data Protection Act 2018" in card.facilitator_notes
    supported = _choice(card, "reads it with Kai")
    assert not _costs(supported)


def test_mia_adopted_leaves_contact_after_adoption_to_the_court_and_the_adopters(kai):
    card = kai.card("mia-adopted")
    notes = card.facilitator_notes
    assert "s51A" in notes and "s1(4)(f)" in notes and "court" in notes
    views = _choice(card, "reach the court")
    assert not _costs(views) and "sees_sister" in views.set_flags
    book = _choice(card, "make a book for Mia")
    assert "memory_box" not in book.set_flags  # Kai's own memory box is another thing


def test_art_college_names_the_real_bursary_and_holiday_rule(kai):
    card = kai.card("art-college")
    notes = card.facilitator_notes
    assert "16 to 19 Bursary" in notes and "s24B" in notes
    assert "holidays" not in card.words  # holiday homes are for university, not college


def test_no_ending_mentions_a_move_that_never_happens(kai):
    for e in kai.endings:
        assert "middle of the night" not in e.text
        assert "move me" not in e.text


def test_the_language_young_people_ask_for_across_the_notes(kai, table):
    banned = re.compile(r"\b(LAC|absconded|absconding|contact)\b")
    from cardsdealt.authoring.lint import PROPER_NAMES

    for deck in (kai, table):
        for c in deck.cards:
            text = PROPER_NAMES.sub("", _all_text(c))
            assert not banned.search(text), (c.id, banned.search(text).group(0))


# --- Kai: the statutory spine, the meters, the voice ----------------------------------------

SPINE = ("move-of-home", "health-assessment", "first-review", "independent-reviewing-officer",
         "personal-education-plan", "virtual-school", "later-review", "turning-16",
         "pathway-plan", "personal-adviser", "local-offer", "support-to-25", "support-at-18")


def test_kais_statutory_spine_is_dealt_in_every_game(kai):
    from cardsdealt.engine.simulate import simulate

    report = simulate(kai, games=400, seed=11, mode="journey")
    assert set(SPINE) <= set(report.statutory)
    missing = {m: g for m, g in report.statutory.items() if g != report.games}
    assert not missing, f"statutory moments not in every game: {missing}"


def test_the_spine_is_dealt_by_the_rules_not_by_chance(kai):
    """Each stage's opening statutory card is the only card with no `requires` on it in its
    stage (the others require it), or is forced by `next` from every choice before it."""
    forced = {ch.next for c in kai.cards for ch in c.choices
              if ch.next and all(x.next == ch.next for x in c.choices)}
    for c in kai.cards:
        if not any(t.startswith("statutory:") for t in c.tags) or c.id in forced:
            continue
        after = {c.id} | forced  # cards that can only come once this one has been dealt
        grew = True
        while grew:
            more = {o.id for o in kai.cards if o.requires is not None and
                    o.requires.cards and o.requires.cards <= after}
            grew = bool(more - after)
            after |= more
        others = [o.id for o in kai.cards_in_stage(c.stage) if o.id != c.id]
        loose = [o for o in others if o not in after]
        assert not loose, f"{c.id}: {loose} can be dealt before it"


def test_listening_is_never_punished_by_the_meters(kai):
    heard = [(c.id, i) for c in kai.cards for i, ch in enumerate(c.choices, 1)
             if ch.effects.get("heard", 0) > 0 and _costs(ch)]
    assert not heard, f"choices that make Kai feel heard but cost another feeling: {heard}"


def test_kais_voice_grows_up(kai):
    pytest.importorskip("textstat")
    from cardsdealt.authoring.reading import stage_grades

    grades = list(stage_grades(kai).values())
    print("\nKai's reading grade per stage:", grades)
    assert len(grades) == len(kai.stages)
    assert all(a < b for a, b in zip(grades, grades[1:], strict=False)), grades
    assert grades[-1] - grades[0] >= 3 and max(grades) < 9


def test_simulate_prints_the_statutory_moments_and_the_reading_grade(kai):
    import io

    from cardsdealt.ui.terminal.simulate import run_simulate

    out, err = io.StringIO(), io.StringIO()
    assert run_simulate(kai, 200, 1, None, False, out, err) == 0
    text = out.getvalue()
    assert "first-review: 200 games (100%)" in text
    assert "support-at-18: 200 games (100%)" in text
    assert "Reading grade per stage" in text


# --- the table deck -------------------------------------------------------------------------

GUIDANCE = re.compile(r"Act \d{4}|guidance|DfE|Regulations|Handbook|[Ss]tandards|Working Together|"
                      r"Bright Spots|Keeping children safe|GDPR")
OWN_PRACTICE = re.compile(
    r"where you work|you work with|your (service|role)|in your service|you look after|"
    r"you care for|have you|did you|do you|the children you|the young people you|"
    r"you move on|you wrote|you made|you offer|you share|you decide|do you|you, or|you say",
    re.I)
LEADING = re.compile(r"^(Don't|Doesn't|Isn't|Shouldn't|Wouldn't|Surely|Isn't it)|"
                     r"don't you (think|agree)|wouldn't you agree|isn't it true", re.I)


def test_every_table_card_has_notes_naming_the_guidance_and_an_interview_question(table):
    missing = [c.id for c in table.cards if not GUIDANCE.search(c.facilitator_notes)]
    assert not missing, f"notes without the law or guidance named: {missing}"
    no_q = [c.id for c in table.cards if "Interview question:" not in c.facilitator_notes]
    assert not no_q


def test_table_discuss_questions_ask_about_the_players_own_practice_without_leading(table):
    own = [c.id for c in table.cards if OWN_PRACTICE.search(c.discuss)]
    assert len(own) >= 24, f"only {len(own)} of {len(table.cards)} ask about own practice"
    leading = [c.id for c in table.cards if LEADING.search(c.discuss)]
    assert not leading
    assert all(c.discuss.rstrip().endswith("?") for c in table.cards)


def test_the_table_deck_readme_has_interview_questions():
    text = (DECKS / "cards-youre-dealt" / "README.md").read_text("utf-8")
    section = text.split("## Interview questions", 1)[1].split("\n## ", 1)[0]
    assert len(re.findall(r"^\d+\. ", section, re.M)) >= 8


# --- support ------------------------------------------------------------------------------

SUPPORT_NUMBERS = {"Become": "0800 023 2033", "Always Heard": "0808 800 5792",
                   "Fosterline": "0800 040 7675", "Samaritans": "116 123",
                   "Childline": "0800 1111"}


@pytest.mark.parametrize("root", SHIPPED, ids=IDS)
def test_every_deck_signposts_adults_as_well_as_young_people(root):
    deck = load_deck(root)
    lines = " ".join(f"{s.name} {s.detail}" for s in deck.support)
    for name, number in SUPPORT_NUMBERS.items():
        assert name in lines and number in lines, f"{root.name}: {name} {number}"
    assert "supervisor" in lines.lower()

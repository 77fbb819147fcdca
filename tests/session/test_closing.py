"""The closing reflection and the record it fills: questions asked one at a time and kept
as typed, peer reflection (in the group, or added later by a solo player), the four
regulators' headings, the name/date-of-birth warning, headings never stranded at the foot
of a page, and every typed character drawn in the PDF."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from deckfactory import small_deck as make_deck

from cardsdealt.session import SessionStore, export_record
from cardsdealt.session.closing import Closing, needs_closing
from cardsdealt.session.privacy import check_identifying, warning_words
from cardsdealt.session.record import TEMPLATES, cpd_record
from cardsdealt.session.render_pdf import layout

from .play import play_journey

RELEVANT = "I visit children in their first week in a new foster home."
LEARNT = "The first hour decides whether a child believes anything I say after it."
IMPACT = "I will tell children where they are going before we set off, and who will be there."
PEER = "My supervisor said we often explain things to carers and not to the child."

TYPICAL = ("Sam held on to the bag because it was the only thing still theirs. It made me "
           "think about my own first visits: I rush the hello and explain things to the carers "
           "first. On Monday in supervision my manager and I talked about Social Work England's "
           "standards, the PCF and Bright Spots. Next time I will kneel down, say my name, and "
           "ask what they would like to keep with them. In March I start a new team.")


# -- the name and date-of-birth warning ----------------------------------------------------
def test_name_warning_flags_a_name_and_a_date_of_birth():
    text = "Today I saw the boy again; Tyler Jones was born 14/02/2013 and still has nightmares."
    found = check_identifying(text)
    kinds = {(f.kind, f.text) for f in found}
    assert ("name", "Tyler") in kinds and ("name", "Jones") in kinds
    assert ("date", "14/02/2013") in kinds
    assert "Tyler" in warning_words(found) and "date of birth" in warning_words(found)
    # dates in words and ISO dates, and a cue such as "DOB"
    assert check_identifying("He was born on 3 March 2014.")[0].kind == "date"
    assert check_identifying("They said the DOB is 2014-03-03.")[0].kind == "date"


def test_name_warning_stays_quiet_on_a_typical_reflection():
    assert check_identifying(TYPICAL, allowed=["Sam's Small Week"]) == []
    assert warning_words([]) == ""


def test_the_decks_own_children_are_not_flagged_but_others_are():
    text = "It was hard to watch Kai pack again, and it reminded me of Aisha."
    found = [f.text for f in check_identifying(text, allowed=["Kai's Journey"])]
    assert found == ["Aisha"]


# -- the questions -------------------------------------------------------------------------
def test_solo_questions_kept_as_typed_skippable_and_resumed_where_they_stopped(store):
    session, _ = play_journey(store)
    assert needs_closing(session.doc) == "questions"
    c = Closing(session)
    assert [q.id for q in c.questions] == ["relevance", "learnt", "impact"]  # no peer yet
    c.typed(RELEVANT[:20])
    # kept at once, in the save on disk (what a killed program leaves behind)
    again = SessionStore(store.root).open(session.id)[0]
    assert again.doc["record"]["relevance"] == RELEVANT[:20]
    c.answer(RELEVANT)
    c.skip()  # what did you learn: skipped
    # the window closes here; opened again, it carries on at the third question
    c2 = Closing(SessionStore(store.root).open(session.id)[0])
    assert c2.question.id == "impact" and c2.position == "Question 3 of 3"
    c2.typed(IMPACT)
    c2.answer(IMPACT)
    assert c2.finished
    doc = SessionStore(store.root).open(session.id)[1]
    assert doc["closing"]["done"] and doc["closing"]["skipped"] == ["learnt"]
    assert doc["record"] == {"relevance": RELEVANT, "impact": IMPACT}
    assert needs_closing(doc) == "peer"  # a solo record is offered peer reflection later


def test_earlier_reflections_are_shown_beside_the_questions(store):
    session, game = play_journey(store)
    earlier = Closing(session).earlier()
    answered = [r for r in game.summary().reflections if r.status == "answered"]
    assert [p for p, _ in earlier] == [r.prompt for r in answered]
    assert earlier[0][1].startswith("Knowing tonight means sleep")


def test_solo_peer_reflection_added_later_is_marked_as_peer_reflection(store):
    session, _ = play_journey(store)
    c = Closing(session)
    for text in (RELEVANT, LEARNT, IMPACT):
        c.answer(text)
    later = Closing(SessionStore(store.root).open(session.id)[0])
    assert later.peer_later and [q.id for q in later.questions] == ["peer"]
    later.answer(PEER)
    assert needs_closing(later.session.doc) == ""
    md = export_record(store, session.id, deck=make_deck()).markdown.read_text("utf-8")
    heading = "## What I learnt from discussing this with a peer (peer reflection)"
    assert heading in md
    after = md[md.index(heading):]
    assert "Peer reflection: added on" in after and "colleague or supervisor" in after
    assert PEER in after and "Not written yet" not in md


def test_group_questions_include_what_colleagues_taught(store):
    session, _ = play_journey(store, kind="group")
    c = Closing(session)
    assert [q.id for q in c.questions] == ["relevance", "learnt", "impact", "peer"]
    assert c.questions[-1].peer
    for text in (RELEVANT, LEARNT, IMPACT, PEER):
        c.answer(text)
    md = export_record(store, session.id, deck=make_deck()).markdown.read_text("utf-8")
    assert "Peer reflection: from the group session on" in md and PEER in md


# -- the record ----------------------------------------------------------------------------
def _answered(store, kind="solo"):
    session, _ = play_journey(store, kind=kind)
    c = Closing(session)
    for text in (RELEVANT, LEARNT, IMPACT) + ((PEER,) if kind == "group" else ()):
        c.answer(text)
    return session


@pytest.mark.parametrize("fmt", list(TEMPLATES))
def test_each_regulators_record_has_the_answers_under_its_own_headings(store, fmt):
    session = _answered(store, kind="group")
    e = export_record(store, session.id, deck=make_deck(), template=fmt)
    md = e.markdown.read_text("utf-8")
    t = TEMPLATES[fmt]
    assert md.startswith(f"# {t.title}") and t.body in md
    order = [(t.description, RELEVANT), (t.learnt, LEARNT), (t.impact, IMPACT), (t.peer, PEER)]
    where = [md.index(f"## {h}") for h, _ in order] + [md.index("## The journey, card by card")]
    assert where == sorted(where)
    for i, (_heading, answer) in enumerate(order):  # each answer under its own heading
        assert where[i] < md.index(answer) < where[i + 1], (fmt, answer)
    assert "Not written yet" not in md  # no empty box where something was written
    assert "Never write a real child's name" in md  # the reminder, on the record itself


def test_the_regulators_own_terms():
    assert "post-registration training and learning (PRTL)" in TEMPLATES["wales"].intro
    assert "Continuing professional development" in TEMPLATES["wales"].title
    assert "Continuous professional learning (CPL)" in TEMPLATES["scotland"].title
    assert "post registration training and learning (PRTL)" in TEMPLATES["scotland"].intro
    assert "Post Registration Training and Learning (PRTL)" in TEMPLATES["northern-ireland"].title
    assert "Learning and Development Plan" in TEMPLATES["northern-ireland"].learnt + \
        TEMPLATES["northern-ireland"].description


def test_only_the_four_bright_spots_areas_are_printed(store):
    session, _ = play_journey(store)  # the small deck carries an old "feeling-safe" tag
    md = export_record(store, session.id, deck=make_deck()).markdown.read_text("utf-8")
    line = next(x for x in md.splitlines() if x.startswith("- **Bright Spots areas:**"))
    areas = line.split(":**", 1)[1].strip().split("; ")
    assert areas and set(areas) <= {"Relationships", "Resilience", "Rights", "Recovery"}
    assert "Feeling safe" not in md


def test_no_heading_is_left_alone_at_the_foot_of_a_page(store):
    """Answers of every length push the headings to every place on the page; none is ever
    the last thing on a page (the chart's heading was, before)."""
    from cardsdealt.session.facts import gather

    session = _answered(store)
    doc = SessionStore(store.root).open(session.id)[1]
    stranded = []
    for n in range(0, 40, 5):  # 30 mm more each time: headings meet every part of a page
        doc["record"] = {"relevance": RELEVANT, "learnt": "\n".join(["A line."] * n),
                         "impact": IMPACT}
        f = gather(doc, make_deck())
        blocks = cpd_record(f, str(_chart_png(store)))
        stranded += layout(blocks)
    assert stranded == []


def _chart_png(store):
    pygame = pytest.importorskip("pygame")
    path = store.root / "chart.png"
    if not path.exists():
        s = pygame.Surface((1800, 900))
        s.fill((255, 255, 255))
        pygame.image.save(s, str(path))
    return path


def test_pdf_draws_welsh_accents_and_names_emoji_never_a_question_mark(store, tmp_path):
    if not shutil.which("pdftotext") or not shutil.which("pdftoppm"):
        pytest.skip("poppler-utils not installed")
    session, _ = play_journey(store)
    c = Closing(session)
    c.answer("Dysgais fod ŵyr a ŷd yn bwysig; café, naïve, Zoë, Øystein. 👍🏽 ❤️")
    e = export_record(store, session.id, deck=make_deck())
    text = subprocess.run(["pdftotext", str(e.pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    flat = " ".join(text.split())
    assert "Dysgais fod ŵyr a ŷd yn bwysig; café, naïve, Zoë, Øystein." in flat
    assert "[thumbs up sign]" in flat and "Øystein. ?" not in flat
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(e.pdf), str(tmp_path / "page")],
                   check=True)
    assert sorted(tmp_path.glob("page-*.png"))  # every page renders


# -- where records go ----------------------------------------------------------------------
def test_records_go_to_documents_or_the_chosen_folder(tmp_path, monkeypatch):
    from cardsdealt.session import places

    monkeypatch.setenv("CARDSDEALT_DOCUMENTS_DIR", str(tmp_path / "Docs"))
    assert places.records_dir() == tmp_path / "Docs" / "cardsdealt"
    assert places.records_dir(str(tmp_path / "mine")) == tmp_path / "mine"
    monkeypatch.delenv("CARDSDEALT_DOCUMENTS_DIR")
    monkeypatch.setattr("platformdirs.user_documents_dir", lambda: str(tmp_path / "Dokumente"))
    assert places.documents_dir() == tmp_path / "Dokumente"  # platformdirs' answer


def test_open_folder_never_fails_loudly(tmp_path, monkeypatch):
    from cardsdealt.session import places

    assert "not there" in places.open_folder(tmp_path / "gone")
    monkeypatch.setattr(places, "can_open_folders", lambda: True)
    monkeypatch.setattr(places.sys, "platform", "linux")

    def broken(*_a, **_k):
        raise FileNotFoundError(2, "No such file or directory")

    monkeypatch.setattr(places.subprocess, "Popen", broken)
    why = places.open_folder(tmp_path)
    assert "could not be opened" in why and "full path" in why
    opened = []
    monkeypatch.setattr(places.subprocess, "Popen", lambda args, **_k: opened.append(args))
    assert places.open_folder(tmp_path) == "" and opened == [["xdg-open", str(tmp_path)]]

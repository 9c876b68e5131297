"""Lesson numbers are computed, not typed: every marked-up number holds in a run of its lesson.

A number the simulation produces is written `{{shown = quantity}}` in a lesson's prompts and
notes, in both languages (sim/lesson_text.py). Each lesson is run once; each number must be
what that run gives, at the precision written. No lesson may leave a bare number with a unit in
what the class reads while watching (WHAT TO WATCH and the step prompts); WHAT TO DO describes
the script, and SOURCES the published figures.
"""

from __future__ import annotations

import functools
import re

import pytest

from sim.lesson_text import (
    ANNOTATION,
    Annotation,
    LessonTextError,
    check,
    display,
    evaluate,
    find_annotations,
    parse_shown,
    run_lesson,
)
from sim.lessons import bundled_lessons
from sim.references import bundled_references, check_source, citations

LESSONS = {le.id: le for le in bundled_lessons()}
UNIT = r"(?:s|ms|MiB|GiB|×|µs|IOPS|req/s|GFLOPS|秒|毫秒|微秒)"
BARE_NUMBER = re.compile(rf"(?<![\w.,{{])\d[\d,]*(?:\.\d+)?\s?{UNIT}(?![\w/])")  # not rates


def texts(lesson_id: str) -> list[tuple[str, str]]:
    """Return (where, text) for the notes and every step prompt, in both languages."""
    le = LESSONS[lesson_id].scenario.lesson
    out = [("notes", le.notes), ("notes_zh", le.notes_zh)]
    for i, st in enumerate(le.steps):
        out += [(f"steps[{i}].text", st.text), (f"steps[{i}].text_zh", st.text_zh)]
    return out


def what_to_watch(text: str) -> str:
    """Return the part of a text that tells what the run shows: a step, or WHAT TO WATCH."""
    for heading, end in (
        ("WHAT TO WATCH", "QUESTIONS FOR THE CLASS"),
        ("看什么", "课堂提问"),
        ("观察要点", "课堂提问"),
    ):
        if heading in text:
            return text.split(heading, 1)[1].split(end, 1)[0]
    return text


@functools.cache
def end_snapshot(lesson_id: str):  # noqa: ANN201
    return run_lesson(LESSONS[lesson_id].scenario).snapshot()


def cases() -> list[tuple[str, str, Annotation]]:
    return [
        (lid, where, a)
        for lid in LESSONS
        for where, text in texts(lid)
        for a in find_annotations(text)
    ]


@pytest.mark.parametrize(
    "lesson_id, where, annotation", cases(), ids=lambda v: v if isinstance(v, str) else v.query
)
def test_every_marked_number_is_what_a_run_of_the_lesson_gives(lesson_id, where, annotation):
    problem = check(annotation, end_snapshot(lesson_id))
    assert problem is None, f"{lesson_id} {where}: {problem}"


def test_the_lessons_mark_up_their_numbers():
    assert len(LESSONS) >= 16 and len(cases()) >= 400
    for lid in LESSONS:
        for where, text in texts(lid):
            watching = what_to_watch(text)
            # A time at which a marked number is read ("3.4 GiB at 180 s") is the reading's moment.
            moments = {
                f"{float(a.query.split()[-1]):g}"
                for a in find_annotations(watching)
                if re.fullmatch(r"[\d.]+", a.query.split()[-1])
            }
            bare = [
                b
                for b in BARE_NUMBER.findall(ANNOTATION.sub("", watching))
                if not re.fullmatch(rf"({'|'.join(moments) or '-'}) ?(s|秒)", b)
            ]
            assert not bare, f"{lid} {where}: numbers typed, not computed: {bare}"


def test_both_languages_state_the_same_quantities():
    for lid in LESSONS:
        le = LESSONS[lid].scenario.lesson
        en = sorted(a.query for a in find_annotations(le.notes))
        zh = sorted(a.query for a in find_annotations(le.notes_zh))
        assert en == zh, lid
        for st in le.steps:
            assert sorted(a.query for a in find_annotations(st.text)) == sorted(
                a.query for a in find_annotations(st.text_zh)
            ), (lid, st.at_s)


def test_lesson_citations_name_known_references():
    refs = bundled_references()
    for lid in LESSONS:
        for where, text in texts(lid):
            for rid, fid in citations(text):
                check_source(f"[{rid}:{fid}]" if fid else f"[{rid}]", refs)
            assert "{{" not in display(text) and not citations(display(text)), (lid, where)
        le = LESSONS[lid].scenario.lesson
        for name in ("title", "title_zh", "summary", "summary_zh"):  # shown without display()
            assert "{{" not in getattr(le, name) and not citations(getattr(le, name)), lid


def test_the_known_wrong_numbers_are_now_computed():
    # gVisor's random-read ratio (once typed by hand) and lesson 8's free memory in GiB come
    # from the run.
    mg = LESSONS["use-middle-ground"].scenario.lesson
    assert any(a.query == "ratio random_io gvisor-1" for a in find_annotations(mg.notes))
    dens = LESSONS["08-density"].scenario.lesson
    assert "48 GiB" not in display(dens.notes)
    marked = find_annotations(dens.notes)
    assert any(a.query.startswith("free") and "GiB" in a.shown for a in marked)


def test_a_changed_model_fails_the_check():
    snap = end_snapshot("use-middle-ground")
    exact = Annotation("0.55×", "ratio random_io gvisor-1", approximate=False)
    assert "0.64" in check(exact, snap)
    assert check(Annotation("0.6×", "ratio random_io gvisor-1", approximate=True), snap) is None
    assert check(Annotation("0.64 s", "ratio random_io gvisor-1", approximate=False), snap)


@pytest.mark.parametrize(
    "shown, expected",
    [
        ("84,044 IOPS", (84044.0, 0, "IOPS")),
        ("0.27×", (0.27, 2, "×")),
        ("46.9 GiB", (46.9, 1, "GiB")),
        ("2.3 秒", (2.3, 1, "秒")),
        ("32", (32.0, 0, "")),
    ],
)
def test_a_shown_number_is_read_with_its_precision_and_unit(shown, expected):
    assert parse_shown(shown) == expected


@pytest.mark.parametrize("query", ["speed alpine-1", "startup nosuch-1", "ratio random_io"])
def test_a_bad_query_says_what_is_wrong(query):
    with pytest.raises(LessonTextError):
        evaluate(query, end_snapshot("use-middle-ground"))


def test_display_shows_the_number_and_the_publication():
    text = "{{0.27× = ratio random_io gvisor-1}} ([felter2014:fio-random])"
    assert display(text) == "0.27× ((Felter et al. 2014))"
    assert "(https://doi.org/" in display(text, markdown=True)

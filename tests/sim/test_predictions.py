"""Predict, then see: lessons' predictions load, are answered by the run, scored and exported."""

from __future__ import annotations

import csv
import io

import pytest

from sim.lesson_text import evaluate
from sim.lessons import bundled_lessons
from sim.prediction_spec import PredictionSpec
from sim.predictions import AnswerError, PredictionBook, expected, parse_answer, score
from sim.scenario import ScenarioError, dumps_scenario, parse_scenario
from sim.session import Session

CONTRAST_LESSONS = (
    "01-architecture",
    "02-startup",
    "03-memory",
    "04-performance",
    "05-isolation-escape",
    "05-isolation-panic",
    "05-isolation-runaway",
    "06-portability",
    "08-density",
)


def _lesson(lesson_id: str):
    return next(le for le in bundled_lessons() if le.id == lesson_id)


def _at_reveal(scenario, spec: PredictionSpec):
    session = Session.bundled(scenario)
    session.run_until(spec.reveal_s)
    return session.snapshot()


@pytest.mark.parametrize("lesson_id", CONTRAST_LESSONS)
def test_every_contrast_lesson_asks_a_prediction_the_run_answers(lesson_id):
    le = _lesson(lesson_id)
    specs = le.scenario.lesson.predictions
    assert specs, f"{lesson_id} asks no prediction"
    for spec in specs:
        assert spec.question and spec.question_zh and spec.explain and spec.explain_zh
        exp = expected(spec, _at_reveal(le.scenario, spec))
        assert exp.text()


def test_a_containers_start_is_mostly_its_network_not_its_process():
    le = _lesson("02-startup")
    spec = next(p for p in le.scenario.lesson.predictions if p.id == "container-start-part")
    snap = _at_reveal(le.scenario, spec)
    exp = expected(spec, snap)
    network = evaluate("phase nginx-3 network", snap)[0]
    assert exp.order == (2,) and network == max(exp.values)
    assert score(spec, "2", exp) and not score(spec, "4", exp)


def test_a_number_is_scored_within_its_tolerance():
    le = _lesson("03-memory")
    spec = next(p for p in le.scenario.lesson.predictions if p.id == "vm-resident")
    snap = _at_reveal(le.scenario, spec)
    exp = expected(spec, snap)
    assert exp.value == evaluate("resident ubuntu-server-1", snap)[0]
    assert score(spec, f"{exp.value * 1.1:.1f}", exp)
    assert not score(spec, "2048", exp)  # the configured size is the usual, wrong, guess


def test_an_order_is_right_only_in_the_runs_order():
    le = _lesson("02-startup")
    spec = next(p for p in le.scenario.lesson.predictions if p.kind == "order")
    snap = _at_reveal(le.scenario, spec)
    exp = expected(spec, snap)
    readies = [evaluate(c.query, snap)[0] for c in spec.choices]
    assert [readies[i - 1] for i in exp.order] == sorted(readies)
    assert score(spec, " ".join(map(str, exp.order)), exp)
    assert not score(spec, " ".join(map(str, reversed(exp.order))), exp)
    with pytest.raises(AnswerError):
        parse_answer(spec, "1 1 2 3")


def test_the_book_locks_reveals_and_exports_a_round_trip(tmp_path):
    le = _lesson("03-memory")
    book = PredictionBook(le.scenario.lesson.predictions)
    assert book.due(-1.0) is None
    rnd = book.due(0.0)
    assert rnd is not None
    with pytest.raises(AnswerError):
        book.lock(rnd, {"G": "5"}, 0.0)
    with pytest.raises(AnswerError):
        book.lock(rnd, {"A": "lots"}, 0.0)
    book.lock(rnd, {"A": "2048", "B": "780"}, 0.0)
    with pytest.raises(AnswerError):
        book.lock(rnd, {"A": "1"}, 0.0)
    session = Session.bundled(le.scenario)
    session.run_until(rnd.spec.reveal_s)
    assert rnd in book.reveal(session.snapshot())
    assert rnd.scores() == {"A": False, "B": True}
    path = book.export_csv(tmp_path / "predictions.csv", lang="zh_CN")
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert [(r["group"], r["answer"], r["correct"]) for r in rows] == [
        ("A", "2048", "0"),
        ("B", "780", "1"),
    ]
    assert rows[0]["question"] == rnd.spec.question_zh
    assert float(rows[0]["expected"]) == pytest.approx(rnd.result.value, rel=1e-3)
    assert [p.name for p in tmp_path.iterdir()] == ["predictions.csv"]


def test_predictions_survive_a_save():
    scenario = _lesson("02-startup").scenario
    again = parse_scenario(dumps_scenario(scenario), "saved.toml")
    assert again.lesson.predictions == scenario.lesson.predictions


def test_a_prediction_with_an_empty_required_text_survives_a_save():
    # Found by `make fuzz`: an empty `question_zh` loads, so a save must write it back.
    text = (
        BASE.replace('question_zh = "q"', 'question_zh = ""') + 'kind = "number"\nanswer = "free"\n'
    )
    scenario = parse_scenario(text, "f.toml")
    assert scenario.lesson.predictions[0].question_zh == ""
    again = parse_scenario(dumps_scenario(scenario), "saved.toml")
    assert again.lesson.predictions == scenario.lesson.predictions


BASE = """version = 1
[lesson]
title = "t"
[[lesson.predictions]]
id = "p"
at_s = 1.0
reveal_s = 5.0
question = "q"
question_zh = "q"
explain = "e"
explain_zh = "e"
"""


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ('kind = "guess"', "lesson.predictions[0].kind"),
        ('kind = "number"\nanswer = "nonsense x"', "lesson.predictions[0].answer"),
        (
            'kind = "number"\nanswer = "startup a-1"\nunit = "furlongs"',
            "lesson.predictions[0].unit",
        ),
        ('kind = "choice"', "lesson.predictions[0].choices"),
        ('kind = "choice"\nunit = "s"', "lesson.predictions[0].unit"),
        ('kind = "number"\nanswer = "startup a-1"\nsecret = 1', "lesson.predictions[0].secret"),
        (
            'kind = "number"\nanswer = "startup a-1"\ntolerance = 3',
            "lesson.predictions[0].tolerance",
        ),
    ],
)
def test_a_bad_prediction_is_one_line_naming_file_and_field(extra, field):
    with pytest.raises(ScenarioError) as err:
        parse_scenario(BASE + extra + "\n", "bad.toml")
    message = str(err.value)
    assert "\n" not in message and message.startswith("bad.toml: ")
    assert field in message


def test_reveal_before_the_question_is_refused():
    text = BASE.replace("reveal_s = 5.0", "reveal_s = 0.5") + 'kind = "number"\nanswer = "free"\n'
    with pytest.raises(ScenarioError, match="reveal_s"):
        parse_scenario(text, "bad.toml")


def test_every_bundled_prediction_is_answered_by_its_run():
    asked = [(le, spec) for le in bundled_lessons() for spec in le.scenario.lesson.predictions]
    assert any(le.id == "use-legacy-windows" for le, _ in asked)  # KSM, over minutes
    for le, spec in asked:
        assert expected(spec, _at_reveal(le.scenario, spec)).text(), (le.id, spec.id)

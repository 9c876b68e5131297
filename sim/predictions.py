"""Predict, then see: the class's answers to a lesson's predictions, scored against the run.

`expected` evaluates a `PredictionSpec` on a snapshot with the quantities of sim/lesson_text.py
(so the right answer is whatever the model gives, never a typed number); `score` says whether an
answer is right; `PredictionBook` keeps the answers of a session, locked before the run shows the
result, and writes them with the results as CSV, atomically.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass, field
from pathlib import Path

from sim.atomic import write_text
from sim.lesson_text import UNITS, LessonTextError, evaluate
from sim.prediction_spec import GROUPS, PredictionSpec
from sim.snapshot import Snapshot

CSV_FIELDS = (
    "prediction",
    "kind",
    "question",
    "group",
    "answer",
    "locked_s",
    "expected",
    "unit",
    "correct",
    "explanation",
)
MAX_ANSWER_CHARS = 40


class AnswerError(ValueError):
    """An answer the class typed does not fit the question (a word for a number, ...)."""


@dataclass(frozen=True, slots=True)
class Expected:
    """What the run answers: a number (in the question's unit) or choice numbers (1-based)."""

    value: float | None
    order: tuple[int, ...]
    values: tuple[float, ...] = ()  # each choice's quantity, for the "why" under the result

    def text(self) -> str:
        """Return the answer as the class would type it ("12.5", "2", "3 1 2")."""
        if self.value is not None:
            return f"{self.value:.4g}"
        return " ".join(str(i) for i in self.order)


def expected(spec: PredictionSpec, snap: Snapshot) -> Expected:
    """Return the run's answer to `spec` (LessonTextError while the run cannot give it yet)."""
    if spec.kind == "number":
        value, unit = evaluate(spec.answer, snap)
        want, per = UNITS[spec.unit]
        if unit != want:
            raise LessonTextError(f"{spec.answer!r} is in {unit!r}, the question in {spec.unit!r}")
        return Expected(value / per, ())
    values = tuple(evaluate(c.query, snap)[0] for c in spec.choices)
    ranked = sorted(range(len(values)), key=lambda i: values[i], reverse=spec.rule == "largest")
    order = tuple(i + 1 for i in ranked)
    return Expected(None, order if spec.kind == "order" else order[:1], values)


def parse_answer(spec: PredictionSpec, text: str) -> float | tuple[int, ...]:
    """Return a typed answer as a number or choice numbers; AnswerError says what is wrong."""
    text = text.strip()
    if len(text) > MAX_ANSWER_CHARS:
        raise AnswerError(f"at most {MAX_ANSWER_CHARS} characters")
    if spec.kind == "number":
        try:
            value = float(text.replace(",", ""))
        except ValueError:
            raise AnswerError(f"a number, got {text!r}") from None
        if not math.isfinite(value):
            raise AnswerError(f"a number, got {text!r}")
        return value
    digits = tuple(int(ch) for ch in text if ch.isdigit())
    n = len(spec.choices)
    if any(ch not in "0123456789 ,-" for ch in text) or any(not 1 <= d <= n for d in digits):
        raise AnswerError(f"choice numbers from 1 to {n}, got {text!r}")
    if spec.kind == "choice" and len(digits) != 1:
        raise AnswerError(f"one choice number from 1 to {n}, got {text!r}")
    if spec.kind == "order" and sorted(digits) != list(range(1, n + 1)):
        raise AnswerError(f"each of the numbers 1 to {n} once, got {text!r}")
    return digits


def score(spec: PredictionSpec, answer: str, exp: Expected) -> bool:
    """Return whether `answer` (as typed) is right for the run's answer `exp`."""
    got = parse_answer(spec, answer)
    if isinstance(got, float):
        assert exp.value is not None
        return abs(got - exp.value) <= spec.tolerance * abs(exp.value) + 1e-9
    return got == exp.order


@dataclass(slots=True)
class Round:
    """One prediction in a session: the answers locked at `locked_s`, then the run's answer."""

    spec: PredictionSpec
    answers: dict[str, str] = field(default_factory=dict)  # by group ("" for the whole class)
    locked_s: float | None = None
    result: Expected | None = None

    def scores(self) -> dict[str, bool]:
        """Return by group whether its answer was right (empty before the result)."""
        if self.result is None:
            return {}
        return {g: score(self.spec, a, self.result) for g, a in self.answers.items()}


class PredictionBook:
    """The predictions of one session: ask, lock, reveal, and keep the record."""

    def __init__(self, specs: tuple[PredictionSpec, ...] = ()) -> None:
        self.rounds = [Round(s) for s in sorted(specs, key=lambda s: s.at_s)]

    def due(self, time_s: float) -> Round | None:
        """Return the first round asked by `time_s` whose answers are not locked yet."""
        return next((r for r in self.rounds if r.locked_s is None and r.spec.at_s <= time_s), None)

    def lock(self, rnd: Round, answers: dict[str, str], time_s: float) -> None:
        """Check and keep `answers` (by group, "" for the class) so they can no longer change."""
        if rnd.locked_s is not None:
            raise AnswerError("the answers are locked already")
        bad = [g for g in answers if g not in ("", *GROUPS)]
        if bad or not answers:
            raise AnswerError(f"one answer, or one per group A–F, got {sorted(answers)}")
        for text in answers.values():
            parse_answer(rnd.spec, text)
        rnd.answers = {g: a.strip() for g, a in answers.items()}
        rnd.locked_s = time_s

    def skip(self, rnd: Round, time_s: float) -> None:
        """Pass over `rnd` without answers: it is neither asked again nor scored."""
        if rnd.locked_s is None:
            rnd.locked_s = time_s

    def reveal(self, snap: Snapshot) -> list[Round]:
        """Score every locked round whose `reveal_s` has come; return the newly revealed."""
        done = []
        for rnd in self.rounds:
            if (
                rnd.locked_s is None
                or not rnd.answers
                or rnd.result is not None
                or snap.time_s < rnd.spec.reveal_s
            ):
                continue
            try:
                rnd.result = expected(rnd.spec, snap)
            except LessonTextError:
                continue  # the run has not produced the quantity yet: the next frame may
            done.append(rnd)
        return done

    def csv_text(self, lang: str = "en") -> str:
        """Return every locked answer and its result as CSV (CSV_FIELDS)."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(CSV_FIELDS)
        for rnd in self.rounds:
            scores = rnd.scores()
            for group, answer in rnd.answers.items():
                s = rnd.spec
                writer.writerow(
                    (
                        s.id,
                        s.kind,
                        s.text("question", lang),
                        group,
                        answer,
                        f"{rnd.locked_s:.3f}",
                        rnd.result.text() if rnd.result else "",
                        s.unit,
                        "" if group not in scores else int(scores[group]),
                        s.text("explain", lang) if rnd.result else "",
                    )
                )
        return out.getvalue()

    def export_csv(self, path: str | Path, lang: str = "en") -> Path:
        """Write `csv_text` to `path` atomically."""
        return write_text(Path(path), self.csv_text(lang))

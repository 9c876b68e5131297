"""A scenario's lesson: the notes, steps and predictions a teacher reads with it.

Reading it is bounded like the rest of a scenario file (sim/scenario.py): the number of steps
and the length of every text.
"""

from __future__ import annotations

from dataclasses import dataclass

from sim.fields import Table
from sim.prediction_spec import PredictionSpec, parse_predictions

MAX_STEPS = 1_000
MAX_NOTES_CHARS = 100_000  # notes, notes_zh
MAX_LINE_CHARS = 2_000  # titles, summaries, step prompts, contrast
LESSON_TEXTS = ("contrast", "title", "title_zh", "summary", "summary_zh", "notes", "notes_zh")


@dataclass(frozen=True, slots=True)
class LessonStep:
    """A prompt shown once the lesson's simulated clock reaches `at_s` (pausing if `pause`)."""

    at_s: float
    text: str
    text_zh: str
    pause: bool = False  # stop the clock here so the class can read and answer


@dataclass(frozen=True, slots=True)
class Lesson:
    """Notes a teacher reads with the scenario, in English and Chinese."""

    contrast: str = ""  # "1".."8" (the contrasts) or a use case, e.g. "use-case: microservices"
    title: str = ""
    title_zh: str = ""
    summary: str = ""  # one line for the start page
    summary_zh: str = ""
    notes: str = ""  # what to do, what to watch, questions for the class, sources
    notes_zh: str = ""
    steps: tuple[LessonStep, ...] = ()
    predictions: tuple[PredictionSpec, ...] = ()  # questions asked before a step (predictions)
    speed: float = 0.0  # the speed the lesson opens at (0: keep the window's speed)
    end_s: float = 0.0  # the clock stops here and the summary is shown (0: runs on)

    def text(self, field_name: str, lang: str) -> str:
        """Return `field_name` in `lang` ("zh_CN" or "en"), falling back to English."""
        if lang.startswith("zh"):
            return str(getattr(self, f"{field_name}_zh") or getattr(self, field_name))
        return str(getattr(self, field_name))


# A lesson's speed is one the window's slider offers (slow motion to fast forward).
MIN_LESSON_SPEED, MAX_LESSON_SPEED = 0.01, 100.0


def parse_lesson(lt: Table, max_time_s: float) -> Lesson:
    """Read the `[lesson]` table: texts, steps, predictions, speed and end."""
    lt.only(LESSON_TEXTS + ("steps", "predictions", "speed", "end_s"))
    steps = []
    for st in lt.tables("steps", MAX_STEPS):
        st.only(("at_s", "text", "text_zh", "pause"))
        steps.append(
            LessonStep(
                st.number("at_s", hi=max_time_s),
                st.string("text", max_len=MAX_LINE_CHARS),
                st.string("text_zh", "", max_len=MAX_LINE_CHARS),
                st.boolean("pause", False),
            )
        )
    t = {
        k: lt.string(k, "", max_len=MAX_NOTES_CHARS if k.startswith("notes") else MAX_LINE_CHARS)
        for k in LESSON_TEXTS
    }
    speed = lt.number("speed", 0.0, hi=MAX_LESSON_SPEED)
    if 0.0 < speed < MIN_LESSON_SPEED:
        raise lt.error(
            "speed", f"0 (keep) or a number from {MIN_LESSON_SPEED} to {MAX_LESSON_SPEED:g}", speed
        )
    return Lesson(
        t["contrast"],
        t["title"],
        t["title_zh"],
        t["summary"],
        t["summary_zh"],
        t["notes"],
        t["notes_zh"],
        steps=tuple(steps),
        predictions=parse_predictions(lt, max_time_s),
        speed=speed,
        end_s=lt.number("end_s", 0.0, hi=max_time_s),
    )

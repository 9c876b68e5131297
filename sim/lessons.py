"""The bundled lessons: scenarios in assets/scenarios/ that carry a [lesson] table."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sim.scenario import DEFAULT_SCENARIO, Lesson, Scenario, load_scenario

SCENARIO_DIR = DEFAULT_SCENARIO.parent


@dataclass(frozen=True, slots=True)
class BundledLesson:
    """One lesson file and its scenario."""

    path: Path
    scenario: Scenario

    @property
    def id(self) -> str:
        """Return the lesson's id: its file name without the extension."""
        return self.path.stem

    @property
    def lesson(self) -> Lesson:
        """Return the scenario's lesson (a bundled lesson always has one)."""
        assert self.scenario.lesson is not None, self.path
        return self.scenario.lesson


def _order(lesson: BundledLesson) -> tuple[int, str, str]:
    contrast = lesson.scenario.lesson.contrast if lesson.scenario.lesson else ""
    return (int(contrast) if contrast.isdigit() else 99, contrast, lesson.id)


def bundled_lessons(directory: Path = SCENARIO_DIR) -> list[BundledLesson]:
    """Return every bundled scenario with a lesson, the eight contrasts first, in order."""
    found = []
    for path in sorted(directory.glob("*.toml")):
        scenario = load_scenario(path)
        if scenario.lesson is not None:
            found.append(BundledLesson(path, scenario))
    return sorted(found, key=_order)

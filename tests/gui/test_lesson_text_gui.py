"""The lesson notes and prompts show computed numbers and named publications, never the markup."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from gui.panels import LessonNotesPanel, step_text
from sim.lesson_text import find_annotations
from sim.lessons import bundled_lessons
from sim.session import Session


def test_notes_and_prompts_show_numbers_and_references_not_markup(qtbot: QtBot) -> None:
    lesson = next(le for le in bundled_lessons() if le.id == "use-middle-ground")
    panel = LessonNotesPanel()
    qtbot.addWidget(panel)
    panel.set_lesson(lesson.scenario.lesson)
    text = panel.toPlainText()
    assert "{{" not in text and "= ratio" not in text
    shown = [
        a.shown
        for a in find_annotations(lesson.scenario.lesson.notes)
        if a.query == "ratio random_io gvisor-1"
    ]
    assert shown and shown[0] in text  # the number as the run gives it, without its query
    assert "IDLab 2024" in text and "[idlab-bench" not in text
    assert "github.com/idlab-discover" in panel.toMarkdown()  # the citation links to the source
    prompts: list[str] = []
    panel.step_reached.connect(lambda en, zh: prompts.append(step_text(en, zh)))
    session = Session.bundled(lesson.scenario)
    session.run_until(58.0)
    panel.update_snapshot(session.snapshot())
    assert prompts and all("{{" not in p for p in prompts)
    assert f"gVisor {shown[0]}" in prompts[-1]

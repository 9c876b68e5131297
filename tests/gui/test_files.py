"""Files: open, save, broken scenarios, recent files; screenshot and data exports."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QFileDialog

from gui import dialogs
from gui.export import color_variety, export_data, export_picture
from gui.window.main_window import MainWindow
from sim.session import Session


@pytest.fixture
def window(window: MainWindow) -> MainWindow:
    """The shared window (tests/gui/conftest.py) at 1280×800, ten simulated seconds in."""
    window.controller.run_until(10.0)
    window.resize(1280, 800)
    return window


@pytest.mark.parametrize("target", [None, "memory", "timeline", "layers"])
def test_png_export_is_the_widget_size_and_not_blank(
    window: MainWindow, tmp_path: Path, target: str | None
) -> None:
    widget = window.part(target)  # a view a small window hides is brought forward
    QApplication.processEvents()
    out = export_picture(widget, tmp_path / "shot.png")
    image = QImage(str(out))
    assert not image.isNull()
    assert (image.width(), image.height()) == (widget.width(), widget.height())
    assert color_variety(image) > 8


def test_svg_export_is_a_valid_drawing_of_the_widget_size(
    window: MainWindow, tmp_path: Path
) -> None:
    from PySide6.QtSvg import QSvgRenderer

    widget = window.part("memory")
    QApplication.processEvents()
    out = export_picture(widget, tmp_path / "memory.svg")
    root = ET.parse(out).getroot()  # well-formed XML
    assert root.tag.endswith("svg")
    assert root.get("viewBox").split() == ["0", "0", str(widget.width()), str(widget.height())]
    renderer = QSvgRenderer(str(out))
    assert renderer.isValid()
    assert (renderer.viewBox().width(), renderer.viewBox().height()) == (
        widget.width(),
        widget.height(),
    )


def test_unknown_extension_becomes_png(window: MainWindow, tmp_path: Path) -> None:
    out = export_picture(window.sections["density"], tmp_path / "density.jpeg")
    assert out.name == "density.jpeg.png" and QImage(str(out)).width() > 0


def test_exported_data_matches_the_session_export(window: MainWindow, tmp_path: Path) -> None:
    files = export_data(window.controller.session, tmp_path / "gui")
    direct = window.controller.session.export(tmp_path / "direct")
    assert {f.name for f in files} >= {"memory.csv", "results.json"}
    for ours, theirs in zip(files, direct, strict=True):
        assert ours.read_bytes() == Path(theirs).read_bytes()
    rows = (tmp_path / "gui" / "memory.csv").read_text().splitlines()
    series = window.controller.session.snapshot().series
    assert len(rows) - 1 == len(series.time_s)  # one header line, one row per recorded instant


def test_broken_scenario_shows_an_error_and_keeps_the_open_one(
    window: MainWindow, tmp_path: Path, message_boxes
) -> None:
    window.controller.add_guests("redis")
    session, scenario = window.controller.session, window.controller.session.current_scenario()
    now, title = session.now, window.windowTitle()
    broken = tmp_path / "broken.toml"
    broken.write_text('version = 1\n[[guests]]\ntemplate = "no-such-template"\n', encoding="utf-8")
    assert not window.files.open_path(broken)
    errors = message_boxes.texts("critical")
    assert len(errors) == 1 and "broken.toml" in errors[0] and "no-such-template" in errors[0]
    assert window.controller.session is session
    assert session.current_scenario() == scenario and session.now == now
    assert window.windowTitle() == title
    garbage = tmp_path / "garbage.toml"
    garbage.write_bytes(b"\x00\xff[[[ not toml")
    assert not window.files.open_path(garbage)
    assert window.controller.session is session


def test_save_writes_interactive_guests_and_reopens_identically(
    window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    window.controller.add_guests("postgres", count=2, stagger_s=1.0)
    target = tmp_path / "lesson"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    assert window.files.save()  # no file yet: asks where (Save As)
    saved = tmp_path / "lesson.toml"
    assert saved.is_file() and window.controller.path == saved
    assert not window.controller.modified and "lesson.toml" in window.windowTitle()
    expected = window.controller.session.current_scenario()
    assert Session.from_file(saved).scenario == expected
    assert dialogs.recent_files()[0] == str(saved.resolve())
    window.controller.new_scenario()
    assert window.files.open_path(saved)
    assert window.controller.session.scenario == expected
    assert not list(tmp_path.glob("*.tmp")), "atomic save leaves no temporary file behind"

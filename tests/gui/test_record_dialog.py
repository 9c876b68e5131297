"""File > Record video: it records while the window plays on; cancel and errors leave nothing."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from gui.ffmpeg_pipe import EncoderError, FfmpegWriter
from gui.fonts import load_bundled_fonts
from gui.window.main_window import MainWindow
from gui.window.record_dialog import RecordDialog
from tests.gui.test_headless import hostlab
from tests.gui.test_recording import SIZE, SIZE_ARG, assert_close, gif_frames, png


@pytest.fixture
def dialog(window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> RecordDialog:
    """Open File > Record video; the file chooser answers tmp_path/<name> with the format."""
    load_bundled_fonts(QApplication.instance())  # as the `hostlab` command does
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(
            lambda _parent, _title, suggested, _filter: (str(tmp_path / Path(suggested).name), "")
        ),
    )
    window.menu_bar.actions["record"].trigger()
    dialog = window.commands.record_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_records_the_scenario_while_the_window_plays_on(
    window: MainWindow, dialog: RecordDialog, qtbot: QtBot, tmp_path: Path
) -> None:
    dialog.set_values(1.0, 2.0, SIZE, 10, "gif")
    assert dialog.summary.text() == "11 frames, 1.10 s of video."
    window.controller.play()
    started_at = window.controller.session.now
    dialog.record_button.click()
    assert dialog.recording
    seen: set[int] = set()
    qtbot.waitUntil(
        lambda: seen.add(dialog.progress.value()) or not dialog.recording, timeout=120_000
    )
    assert len(seen) > 3  # the event loop ran between frames: progress was drawn as it went
    assert window.controller.session.now > started_at  # and the class's run kept playing
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hostlab.gif"]
    assert "hostlab.gif" in window.statusBar().currentMessage()
    durations, frames = gif_frames(tmp_path / "hostlab.gif")
    assert len(frames) == 11 and sum(durations) == pytest.approx(1100, abs=100)
    shot = tmp_path / "shot.png"  # the bundled default scenario, as the window had it
    result = hostlab("--until", "2", "--screenshot", str(shot), "--size", SIZE_ARG)
    assert result.returncode == 0, result.stderr
    assert_close(frames[-1], png(shot), mean_limit=1.0)
    assert np.abs(frames[0] - png(shot)).mean() > 1.0  # one second earlier looks different


def test_cancel_removes_the_unfinished_file(
    dialog: RecordDialog, qtbot: QtBot, tmp_path: Path
) -> None:
    dialog.set_values(0.0, 30.0, SIZE, 30, "mp4")
    dialog.record_button.click()
    qtbot.waitUntil(lambda: dialog.progress.value() >= 5, timeout=60_000)
    assert [p.name for p in tmp_path.iterdir()][0].startswith(".hostlab-tmp-")  # being written
    dialog.cancel_button.click()
    assert not dialog.recording
    assert list(tmp_path.iterdir()) == []
    assert "cancelled" in dialog.summary.text()
    assert dialog.isVisible()  # the first Cancel stops the recording, the second closes


def test_closing_the_dialog_while_recording_leaves_nothing(
    dialog: RecordDialog, qtbot: QtBot, tmp_path: Path
) -> None:
    dialog.set_values(0.0, 30.0, SIZE, 30, "webm")
    dialog.record_button.click()
    qtbot.waitUntil(lambda: dialog.progress.value() >= 2, timeout=60_000)
    dialog.close()
    assert not dialog.recording
    assert list(tmp_path.iterdir()) == []


def test_an_encoder_failure_is_said_and_leaves_nothing(
    dialog: RecordDialog, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    written = []
    real_write = FfmpegWriter.write

    def failing_write(self: FfmpegWriter, frame: np.ndarray) -> None:
        if len(written) == 3:
            raise EncoderError("hostlab.mp4: ffmpeg failed: No space left on device")
        written.append(1)
        real_write(self, frame)

    monkeypatch.setattr(FfmpegWriter, "write", failing_write)
    dialog.set_values(0.0, 10.0, SIZE, 30, "mp4")
    dialog.record_button.click()
    qtbot.waitUntil(lambda: not dialog.recording, timeout=60_000)
    assert "No space left" in dialog.summary.text()
    assert list(tmp_path.iterdir()) == []
    assert dialog.record_button.isEnabled()


def test_the_dialog_refuses_an_empty_range(dialog: RecordDialog) -> None:
    dialog.set_values(5.0, 5.0, SIZE, 30, "mp4")
    assert not dialog.record_button.isEnabled()
    assert "after the start" in dialog.summary.text()
    dialog.set_values(0.0, 5.0, (855, 481), 30, "mp4")
    assert dialog.plan().size == (854, 480)  # H.264 needs even sides
    dialog.set_values(0.0, 5.0, (855, 481), 30, "gif")
    assert dialog.plan().size == (855, 481) and dialog.record_button.isEnabled()


def test_a_size_the_window_cannot_take_is_said_and_nothing_is_written(
    dialog: RecordDialog, tmp_path: Path
) -> None:
    dialog.set_values(0.0, 1.0, (640, 300), 10, "gif")
    dialog.record_button.click()
    assert not dialog.recording
    assert "cannot be this small" in dialog.summary.text() and "640 × " in dialog.summary.text()
    assert list(tmp_path.iterdir()) == []

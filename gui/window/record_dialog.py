"""File > Record video: choose a time range, size, frame rate and format, then record.

The dialog is not modal: frames are rendered one per turn of the event loop (a zero-delay
timer), so the classroom window keeps playing and answering while the file is made. The
recording replays the scenario as it stands (with the guests and actions added by hand) in a
copy of the window never shown on screen, in the window's language, projector mode and host
(gui/recording.py). Cancel, closing the dialog or an error leave no file behind.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gui import units
from gui.recording import (
    MAX_FPS,
    MAX_FRAMES,
    MAX_TIME_S,
    MIN_FPS,
    Recording,
    RecordingError,
    RecordingPlan,
    WindowTooSmall,
)

if TYPE_CHECKING:
    from gui.window.main_window import MainWindow

DEFAULT_UNTIL_S = 60.0  # when the run has not started yet
MAX_SIDE = 3840


class RecordDialog(QDialog):
    """Ask what to record, then record it with a progress bar and a Cancel button."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._recording: Recording | None = None
        self._copy: QWidget | None = None  # the offscreen window being recorded
        self._stepping = False  # inside a frame, whose settling passes run the event loop
        self._cancel_asked = False
        # Single shot, restarted after each frame: a repeating timer would fire again inside
        # the frame's own event-loop passes and start a frame within a frame.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._on_timer_timeout)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.cancel)
        self.setWindowTitle(self.tr("Record video"))
        self._build()
        now = window.controller.session.now if window.controller.has_session else 0.0
        self._until.setValue(now if now > 0 else DEFAULT_UNTIL_S)
        self._width.setValue(window.width() // 2 * 2)
        self._height.setValue(window.height() // 2 * 2)
        self._update_summary()

    def _build(self) -> None:
        self._from, self._until = QDoubleSpinBox(), QDoubleSpinBox()
        for box in (self._from, self._until):
            box.setRange(0.0, MAX_TIME_S)
            box.setDecimals(1)
            box.setSuffix(" s")
            box.valueChanged.connect(self._update_summary)
        self._width, self._height, self._fps = QSpinBox(), QSpinBox(), QSpinBox()
        self._width.setRange(320, MAX_SIDE)
        self._height.setRange(240, MAX_SIDE)
        self._fps.setRange(int(MIN_FPS), int(MAX_FPS))
        self._fps.setValue(30)
        for spin in (self._width, self._height, self._fps):
            spin.valueChanged.connect(self._update_summary)
        size = QHBoxLayout()
        size.addWidget(self._width)
        size.addWidget(QLabel("×"))
        size.addWidget(self._height)
        self._format = QComboBox()
        for fmt, text in (
            ("mp4", self.tr("MP4 video (H.264)")),
            ("webm", self.tr("WebM video (VP9)")),
            ("gif", self.tr("Animated GIF")),
        ):
            self._format.addItem(text, fmt)
        form = QFormLayout()
        form.addRow(self.tr("From"), self._from)
        form.addRow(self.tr("Until"), self._until)
        form.addRow(self.tr("Size (pixels)"), size)
        form.addRow(self.tr("Frames per second"), self._fps)
        form.addRow(self.tr("Format"), self._format)
        self._fields: tuple[QWidget, ...] = (
            self._from,
            self._until,
            self._width,
            self._height,
            self._fps,
            self._format,
        )
        self.summary, self.progress = QLabel(), QProgressBar()
        self.summary.setWordWrap(True)
        self.progress.setVisible(False)
        self._buttons = QDialogButtonBox()
        self.record_button = QPushButton(self.tr("Record…"))
        self._buttons.addButton(self.record_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self._buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.record_button.clicked.connect(self._on_record_clicked)
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.progress)
        layout.addWidget(self._buttons)

    # --- what to record -------------------------------------------------------------------
    def plan(self) -> RecordingPlan:
        """Return the recording the fields describe (video sizes rounded down to even)."""
        fmt = str(self._format.currentData())
        width, height = self._width.value(), self._height.value()
        if fmt != "gif":  # H.264 and VP9 in 4:2:0 colour need even sides
            width, height = width // 2 * 2, height // 2 * 2
        return RecordingPlan(
            self._from.value(), self._until.value(), float(self._fps.value()), (width, height), fmt
        )

    def set_values(
        self, start_s: float, end_s: float, size: tuple[int, int], fps: int, fmt: str
    ) -> None:
        """Fill the fields (for tests and for a teacher's last choice)."""
        self._from.setValue(start_s)
        self._until.setValue(end_s)
        self._width.setValue(size[0])
        self._height.setValue(size[1])
        self._fps.setValue(fps)
        self._format.setCurrentIndex(max(0, self._format.findData(fmt)))

    def _problem(self, plan: RecordingPlan) -> str:
        if plan.end_s <= plan.start_s:
            return self.tr("The end must come after the start.")
        if plan.frame_count > MAX_FRAMES:
            return self.tr(
                "{0} frames is too many (at most {1}): record a shorter range "
                "or fewer frames per second."
            ).format(units.count(plan.frame_count), units.count(MAX_FRAMES))
        return ""

    def _update_summary(self) -> None:
        if self._recording is not None:
            return
        plan = self.plan()
        problem = self._problem(plan)
        self.record_button.setEnabled(not problem)
        self.summary.setText(
            problem
            or self.tr("{0} frames, {1} of video.").format(
                units.count(plan.frame_count), units.duration(plan.duration_s)
            )
        )

    # --- recording ------------------------------------------------------------------------
    def ask_path(self, fmt: str) -> str | None:
        """Ask where to save the video; the format's extension is added when missing."""
        suggested = str(Path.home() / f"hostlab.{fmt}")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Record video"), suggested, f"*.{fmt}")
        if not path:
            return None
        return path if path.lower().endswith(f".{fmt}") else f"{path}.{fmt}"

    def _on_record_clicked(self) -> None:
        plan = self.plan()
        path = self.ask_path(plan.fmt)
        if path:
            self.start(plan, Path(path))

    def start(self, plan: RecordingPlan, path: Path) -> None:
        """Begin recording `plan` into `path`; frames follow on the event loop."""
        from gui.recording import offscreen_window
        from sim.session import Session

        controller = self._window.controller
        try:
            session = Session(controller.current_scenario(), controller.catalog)
            self._copy = offscreen_window(
                session, controller.path, plan.size, self._window.projector, controller.host_id
            )
            self._recording = Recording(self._copy, plan, path)
        except WindowTooSmall as error:
            self._drop_copy()
            self.summary.setText(
                self.tr(
                    "The window cannot be this small: at this width it needs {0} × {1} pixels."
                ).format(*error.needed)
            )
            return
        except (OSError, RecordingError) as error:
            self._drop_copy()
            self.summary.setText(str(error))
            return
        self.record_button.setEnabled(False)
        for field in self._fields:
            field.setEnabled(False)
        self.progress.setRange(0, plan.frame_count)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self._cancel_asked = False
        self._timer.start()

    @property
    def recording(self) -> bool:
        """Return whether frames are being recorded now."""
        return self._recording is not None

    def _on_timer_timeout(self) -> None:
        recording = self._recording
        if recording is None:
            return
        self._stepping = True
        try:
            more = recording.step()
            path = None if more else recording.finish()
        except OSError as error:
            self._end(str(error))
            return
        finally:
            self._stepping = False
        if self._cancel_asked:
            self.cancel()
            return
        self.progress.setValue(recording.frames_done)
        self.summary.setText(
            self.tr("Frame {0} of {1}: {2}").format(
                units.count(recording.frames_done),
                units.count(recording.plan.frame_count),
                units.sim_time(recording.plan.time_of(recording.frames_done - 1)),
            )
        )
        if path is None:
            self._timer.start()
        else:
            self._end(self.tr("Recorded {0}").format(path))
            self._window.statusBar().showMessage(self.summary.text(), 10000)

    def _end(self, message: str) -> None:
        self._timer.stop()
        self._recording = None
        self._drop_copy()
        self.progress.setVisible(False)
        self.record_button.setEnabled(True)
        for field in self._fields:
            field.setEnabled(True)
        self.summary.setText(message)

    def _drop_copy(self) -> None:
        if self._copy is not None:
            self._copy.deleteLater()  # not close(): its closeEvent would save its layout
            self._copy = None

    def cancel(self) -> None:
        """Stop a running recording and remove its unfinished file (a finished one stays)."""
        if self._stepping:  # asked from inside a frame: done when the frame returns
            self._cancel_asked = True
            return
        self._cancel_asked = False
        if self._recording is not None:
            if not self._recording.finished:
                self._recording.cancel()
            self._end(self.tr("Recording cancelled; no file was written."))

    def reject(self) -> None:
        """Cancel a running recording first; close the dialog when none runs."""
        if self._recording is not None:
            self.cancel()
            return
        super().reject()

    def closeEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        """Never leave a recording running behind a closed dialog."""
        self.cancel()
        super().closeEvent(event)  # type: ignore[arg-type]

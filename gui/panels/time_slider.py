"""The time slider: drag back to any earlier moment of the run, and forward to the present.

It spans the moments the rewind keeps (gui/rewind.py). While an earlier moment is shown, the
label says so, Play replays from there, and a change starts a new branch; "Now" returns to the
present. After a branch the label names it and where it left the run.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSignalBlocker, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QToolButton, QWidget

from gui import units

if TYPE_CHECKING:
    from gui.rewind import Rewind

STEPS = 1000  # slider positions over the kept span


class TimeSliderPanel(QWidget):
    """A slider over the kept moments, the moment's time and branch, and a "Now" button."""

    def __init__(self, rewind: Rewind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rewind = rewind
        self._caption = QLabel()
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, STEPS)
        self.slider.setValue(STEPS)
        self.slider.setMinimumWidth(200)
        self.slider.valueChanged.connect(self._on_slider_value_changed)
        self.now_button = QToolButton()
        self.now_button.clicked.connect(self._on_now_button_clicked)
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(self._caption)
        layout.addWidget(self.slider, 3)
        layout.addWidget(self.now_button)
        layout.addWidget(self.label, 2)
        rewind.changed.connect(self._on_rewind_changed)
        self.retranslate()

    def slider_time(self, position: int) -> float:
        """Return the simulated time a slider position stands for."""
        history = self._rewind.history
        span = history.end_s - history.start_s
        return history.start_s + span * position / STEPS

    def retranslate(self) -> None:
        """Set every visible string in the current language."""
        self._caption.setText(self.tr("Time"))
        self.slider.setAccessibleName(self.tr("Time"))
        self.slider.setToolTip(
            self.tr(
                "Drag back to any earlier moment of the run. Play replays "
                "from there; a change there starts a new branch."
            )
        )
        self.now_button.setText(self.tr("Now"))
        self.now_button.setToolTip(self.tr("Back to the present moment of the run"))
        self._on_rewind_changed()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        """Re-translate on a language change."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def status_text(self) -> str:
        """Return what the label says: the moment shown and the branch."""
        rewind, history = self._rewind, self._rewind.history
        parts = []
        if rewind.shown_s is not None:
            parts.append(
                self.tr("Rewound to {t} of {end}").format(
                    t=units.sim_time(rewind.shown_s), end=units.sim_time(history.end_s)
                )
            )
        if history.branch:
            parts.append(
                self.tr("Branch {n}, from {t}").format(
                    n=history.branch + 1, t=units.sim_time(history.branch_from_s or 0.0)
                )
            )
        return " · ".join(parts)

    def _on_rewind_changed(self) -> None:
        rewind, history = self._rewind, self._rewind.history
        span = history.end_s - history.start_s
        shown = history.end_s if rewind.view_s is None else rewind.view_s
        position = STEPS if span <= 0 else round((shown - history.start_s) / span * STEPS)
        if position != self.slider.value():
            with QSignalBlocker(self.slider):
                self.slider.setValue(position)
        self.now_button.setEnabled(rewind.view_s is not None)
        text = self.status_text()
        if text != self.label.text():
            self.label.setText(text)

    def _on_slider_value_changed(self, position: int) -> None:
        self._rewind.seek(self.slider_time(position))

    def _on_now_button_clicked(self) -> None:
        self._rewind.go_live()

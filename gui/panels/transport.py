"""Transport controls: play/pause (Space), step to the next event (→), speed, reset.

Speed runs on a logarithmic slider from slow motion (0.01×) to fast forward (100×), so a 0.2 s
container start and a 35 s VM boot can both be watched. The actions carry the keyboard
shortcuts; the main window adds them to itself so the keys work wherever the focus is.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSignalBlocker, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QStyle, QToolButton, QWidget

from gui.controller import MAX_SPEED, MIN_SPEED

if TYPE_CHECKING:
    from gui.controller import SimController

STEPS_PER_DECADE = 100


def speed_to_slider(speed: float) -> int:
    """Return the slider position of a speed (log scale)."""
    return round((math.log10(speed) - math.log10(MIN_SPEED)) * STEPS_PER_DECADE)


def slider_to_speed(position: int) -> float:
    """Return the speed at a slider position, rounded to two significant digits."""
    speed = 10 ** (math.log10(MIN_SPEED) + position / STEPS_PER_DECADE)
    return float(f"{speed:.2g}")


def speed_text(speed: float) -> str:
    """Format a speed for the label: "0.01×", "0.5×", "1×", "25×", "100×"."""
    return f"{speed:.0f}×" if speed >= 10 else f"{speed:.2g}×"


class TransportPanel(QWidget):
    """Buttons and a speed slider that drive the controller; exposes its actions."""

    def __init__(self, controller: SimController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        style = self.style()
        self.play_action = QAction(self)
        self.play_action.setShortcut(QKeySequence(Qt.Key.Key_Space))
        self.play_action.triggered.connect(self._on_play_action_triggered)
        self.step_action = QAction(
            style.standardIcon(QStyle.StandardPixmap.SP_MediaSkipForward), "", self
        )
        self.step_action.setShortcut(QKeySequence(Qt.Key.Key_Right))
        self.step_action.triggered.connect(self._on_step_action_triggered)
        self.reset_action = QAction(
            style.standardIcon(QStyle.StandardPixmap.SP_BrowserReload), "", self
        )
        self.reset_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_R))
        self.reset_action.triggered.connect(self._on_reset_action_triggered)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, speed_to_slider(MAX_SPEED))
        self.slider.setPageStep(STEPS_PER_DECADE // 2)
        self.slider.setSingleStep(10)
        self.slider.setTickInterval(STEPS_PER_DECADE)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setMinimumWidth(160)
        self.slider.setMaximumWidth(480)
        self.slider.setValue(speed_to_slider(controller.speed))
        self.slider.valueChanged.connect(self._on_slider_value_changed)
        self.speed_label = QLabel(speed_text(controller.speed))
        self.speed_label.setMinimumWidth(self.speed_label.fontMetrics().horizontalAdvance("0.05×"))
        self._speed_caption = QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        self._buttons: list[QToolButton] = []
        for action in (self.play_action, self.step_action, self.reset_action):
            button = QToolButton()
            self._buttons.append(button)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            layout.addWidget(button)
        layout.addSpacing(12)
        layout.addWidget(self._speed_caption)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.speed_label)
        layout.addStretch(1)
        controller.playing_changed.connect(self._on_controller_playing_changed)
        controller.speed_changed.connect(self._on_controller_speed_changed)
        controller.achieved_speed_changed.connect(self._on_controller_achieved_speed_changed)
        self.retranslate()

    def set_projector(self, on: bool) -> None:
        """Use icons big enough to find from across the room."""
        size = 32 if on else 16
        for button in self._buttons:
            button.setIconSize(QSize(size, size))

    def add_trailing_action(self, action: QAction) -> None:
        """Show `action` as a button at the right end (the window's projector switch)."""
        button = QToolButton()
        button.setDefaultAction(action)
        layout = self.layout()
        if layout is not None:
            layout.addWidget(button)

    def actions_with_shortcuts(self) -> list[QAction]:
        """Return the actions whose keys must work anywhere in the window."""
        return [self.play_action, self.step_action, self.reset_action]

    def retranslate(self) -> None:
        """Set every visible string in the current language."""
        self._on_controller_playing_changed(self._controller.playing)
        self.step_action.setText(self.tr("Step"))
        self.step_action.setToolTip(self.tr("Jump to the next event (→)"))
        self.reset_action.setText(self.tr("Reset"))
        self.reset_action.setToolTip(self.tr("Back to time 0 with the scenario's guests (Ctrl+R)"))
        self._speed_caption.setText(self.tr("Speed"))
        self.slider.setAccessibleName(self.tr("Speed"))
        self.slider.setToolTip(
            self.tr(
                "Simulated seconds per real second: from slow motion (0.01×) to fast forward (100×)"
            )
        )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        """Re-translate on a language change."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _on_play_action_triggered(self) -> None:
        self._controller.toggle_playing()

    def _on_step_action_triggered(self) -> None:
        self._controller.step()

    def _on_reset_action_triggered(self) -> None:
        self._controller.reset()

    def _on_slider_value_changed(self, value: int) -> None:
        self._controller.set_speed(slider_to_speed(value))

    def _on_controller_speed_changed(self, speed: float) -> None:
        self.speed_label.setText(speed_text(speed))
        if slider_to_speed(self.slider.value()) != speed:
            with QSignalBlocker(self.slider):
                self.slider.setValue(speed_to_slider(speed))

    def _on_controller_achieved_speed_changed(self, achieved: float) -> None:
        # The machine cannot keep up: show the speed really reached, not the one asked for.
        short = achieved < self._controller.speed
        self.speed_label.setText(
            ("≈" + speed_text(achieved)) if short else speed_text(self._controller.speed)
        )

    def _on_controller_playing_changed(self, playing: bool) -> None:
        icons = QStyle.StandardPixmap
        pixmap = icons.SP_MediaPause if playing else icons.SP_MediaPlay
        self.play_action.setIcon(self.style().standardIcon(pixmap))
        self.play_action.setText(self.tr("Pause") if playing else self.tr("Play"))
        self.play_action.setToolTip(self.tr("Play or pause (Space)"))

"""The prediction card: a lesson's question, large, over the window; then prediction beside result.

When the lesson's clock reaches a prediction's `at_s` the card pauses the run and asks: the
teacher types the class's answer, or one per group A–F, and locks it; the run goes on. At the
prediction's `reveal_s` the card comes back with each answer beside the run's own, right or
wrong, and the sentence on why. The record (sim/predictions.PredictionBook) is kept for the
session and written by File → Export predictions.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui import dialogs, units
from gui.i18n import current_language
from gui.panels import step_text
from gui.text.safe_text import escape
from sim.prediction_spec import GROUPS, PredictionSpec
from sim.predictions import AnswerError, PredictionBook, Round
from sim.scenario import Lesson
from sim.snapshot import Snapshot


class PredictionCard(QFrame):
    """Asks a lesson's predictions over `window`, pausing `controller` while the class thinks."""

    def __init__(self, controller: QObject, window: QWidget) -> None:
        super().__init__(window)
        self._controller = controller
        self._window = window
        self.book = PredictionBook()
        self.round: Round | None = None  # the round on the card
        self._busy = False  # pausing publishes a snapshot: do not recurse
        # False in a window nobody answers (a headless screenshot or a recording): the run then
        # goes on past a lesson's questions, and the card never covers the picture.
        self.asking = True
        self.setObjectName("predictionCard")
        self.setProperty("overlay", True)  # lies over the window on purpose (tests/gui/screens.py)
        self.setStyleSheet(
            "#predictionCard { background: #FFFBE6; border: 3px solid #E69F00; }"
            "#predictionCard QLabel { color: #000000; }"
        )
        self.title, self.question, self.body = QLabel(), QLabel(), QLabel()
        for label in (self.question, self.body):
            label.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.question.setTextFormat(Qt.TextFormat.PlainText)  # lesson text is untrusted
        self.by_group = QCheckBox()
        self.by_group.toggled.connect(self._on_by_group_toggled)
        self.inputs = {g: QLineEdit() for g in ("", *GROUPS)}
        self._input_labels = {g: QLabel(g) for g in GROUPS}
        grid = QGridLayout()
        grid.addWidget(self.inputs[""], 0, 0, 1, 6)
        for i, g in enumerate(GROUPS):
            grid.addWidget(self._input_labels[g], 1 + i // 3, 2 * (i % 3))
            grid.addWidget(self.inputs[g], 1 + i // 3, 2 * (i % 3) + 1)
        self.error = QLabel()
        self.error.setStyleSheet("color: #C00000;")
        self.lock_button, self.close_button = QPushButton(), QPushButton()
        self.skip_button = QPushButton()
        self.skip_button.clicked.connect(self._on_skip_button_clicked)
        self.lock_button.clicked.connect(self._on_lock_button_clicked)
        self.close_button.clicked.connect(self.hide)
        box = QVBoxLayout(self)
        box.setContentsMargins(24, 16, 24, 16)
        for w in (self.title, self.question, self.body, self.by_group):
            box.addWidget(w)
        box.addLayout(grid)
        for widget in (self.error, self.lock_button, self.skip_button, self.close_button):
            box.addWidget(widget)
        box.addStretch(1)
        window.installEventFilter(self)
        self.retranslate()
        self.hide()

    # --- the lesson ----------------------------------------------------------------------
    def set_lesson(self, lesson: Lesson | None) -> None:
        """Start a new record for `lesson`'s predictions (none without a lesson)."""
        self.book = PredictionBook(lesson.predictions if lesson is not None else ())
        self.round = None
        self.hide()

    def update_snapshot(self, snap: Snapshot) -> None:
        """Ask a prediction that is due (and pause), or show one the run has just answered."""
        if self._busy or not self.asking:
            return
        self._busy = True
        try:
            revealed = self.book.reveal(snap)
            if revealed:
                self._show(revealed[0])
            elif (due := self.book.due(snap.time_s)) is not None:
                # The run waits for the class: play resumes once the answers are locked.
                self._controller.pause()  # type: ignore[attr-defined]
                if due is not self.round or not self.isVisible():
                    self._show(due)
        finally:
            self._busy = False

    def answers(self) -> dict[str, str]:
        """Return what is typed: by group when "one per group" is on, else the class's one."""
        if self.by_group.isChecked():
            return {g: self.inputs[g].text() for g in GROUPS if self.inputs[g].text().strip()}
        return {"": self.inputs[""].text()}

    def lock(self) -> bool:
        """Lock the typed answers and run on; say what is wrong instead when they do not fit."""
        if self.round is None or self.round.locked_s is not None:
            return False
        try:
            self.book.lock(self.round, self.answers(), self._controller.session.now)  # type: ignore[attr-defined]
        except AnswerError as error:
            self.error.setText(self.tr("Expected {0}").format(str(error)))
            return False
        self.hide()
        self._controller.play()  # type: ignore[attr-defined]
        return True

    def export(self) -> None:
        """Ask for a file and write every prediction and result of the session as CSV."""
        path, _ = QFileDialog.getSaveFileName(
            self._window,
            self.tr("Export predictions"),
            str(Path.home() / "hostlab-predictions.csv"),
            self.tr("CSV table (*.csv)"),
        )
        if not path:
            return
        try:
            self.book.export_csv(
                path if path.lower().endswith(".csv") else path + ".csv", current_language()
            )
        except OSError as error:
            dialogs.show_error(self._window, self.tr("Cannot export predictions"), str(error))

    # --- drawing -------------------------------------------------------------------------
    def _show(self, rnd: Round) -> None:
        self.round = rnd
        self.error.setText("")
        self._draw()
        self._place()
        self.show()
        self.raise_()

    def _draw(self) -> None:
        rnd = self.round
        if rnd is None:
            return
        spec, asking = rnd.spec, rnd.locked_s is None
        self.title.setText(self.tr("Predict first") if asking else self.tr("Prediction and result"))
        self.question.setText(step_text(spec.question, spec.question_zh))
        self.body.setText(self._choices_html(spec) if asking else self._result_html(rnd))
        self.by_group.setVisible(asking)
        for g, edit in self.inputs.items():
            edit.setVisible(asking and (bool(g) == self.by_group.isChecked()))
            edit.setReadOnly(not asking)
        for label in self._input_labels.values():
            label.setVisible(asking and self.by_group.isChecked())
        self.lock_button.setVisible(asking)
        self.skip_button.setVisible(asking)
        self.close_button.setVisible(not asking)
        self._apply_font()

    def _choices_html(self, spec: PredictionSpec) -> str:
        lines = [
            f"<b>{i}</b>&nbsp;&nbsp;{escape(step_text(c.text, c.text_zh))}"
            for i, c in enumerate(spec.choices, 1)
        ]
        hint = {
            "number": self.tr("Type a number in {unit}.").format(unit=spec.unit or "—"),
            "choice": self.tr("Type the number of one choice."),
            "order": self.tr("Type the choice numbers in order, e.g. 2 1 3."),
        }[spec.kind]
        return "<br>".join([*lines, f"<i>{escape(hint)}</i>"])

    def _result_html(self, rnd: Round) -> str:
        spec, result = rnd.spec, rnd.result
        assert result is not None
        if spec.kind == "number":
            run = f"{units.figure(result.value or 0.0)} {spec.unit}".strip()
        else:
            run = " → ".join(
                escape(step_text(spec.choices[i - 1].text, spec.choices[i - 1].text_zh))
                for i in result.order
            )
        the_run = self.tr("The run")
        rows = [f"<b>{escape(the_run)}:</b> {escape(run)}"]
        for group, right in rnd.scores().items():
            who = self.tr("Class") if not group else self.tr("Group {0}").format(group)
            mark = self.tr("✓ right") if right else self.tr("✗ not this time")
            rows.append(f"{escape(who)}: {escape(rnd.answers[group])} — <b>{escape(mark)}</b>")
        rows.append(f"<i>{escape(step_text(spec.explain, spec.explain_zh))}</i>")
        return "<br>".join(rows)

    def _apply_font(self) -> None:
        base = QFont(QApplication.font())
        big = QFont(base)
        big.setPointSizeF(max(base.pointSizeF(), 9.0) * 1.6)  # read from the back of the room
        self.question.setFont(big)
        big.setBold(True)
        self.title.setFont(big)
        body = QFont(base)
        body.setPointSizeF(max(base.pointSizeF(), 9.0) * 1.25)
        for w in (
            self.body,
            self.error,
            self.by_group,
            self.lock_button,
            self.close_button,
            self.skip_button,
            *self._input_labels.values(),
            *self.inputs.values(),
        ):
            w.setFont(body)

    def _place(self) -> None:
        """Cover the middle of the window, leaving its edges (and the clock) visible."""
        r = self._window.rect()
        self.setGeometry(
            r.adjusted(r.width() // 12, r.height() // 10, -r.width() // 12, -r.height() // 10)
        )

    def retranslate(self) -> None:
        """Set every fixed text in the current language."""
        self.by_group.setText(self.tr("One answer per group (A–F)"))
        self.inputs[""].setPlaceholderText(self.tr("The class's answer"))
        self.lock_button.setText(self.tr("Lock the answers and run"))
        self.close_button.setText(self.tr("Close"))
        self.skip_button.setText(self.tr("Skip this question"))
        self._draw()

    # --- events --------------------------------------------------------------------------
    def _on_by_group_toggled(self, _on: bool) -> None:
        self._draw()

    def _on_lock_button_clicked(self) -> None:
        self.lock()

    def _on_skip_button_clicked(self) -> None:
        if self.round is not None and self.round.locked_s is None:
            self.book.skip(self.round, self._controller.session.now)  # type: ignore[attr-defined]
            self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """Follow the window's size."""
        if watched is self._window and event.type() == QEvent.Type.Resize:
            self._place()
        return False

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        """Re-translate on a language change."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

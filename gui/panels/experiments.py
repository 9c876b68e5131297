"""The experiments panel: run a workload, inject a fault or try an escape, on one guest or all.

Every action goes through the controller (`run_workload`, `inject`), which calls the session
and publishes a snapshot; the panel only reads snapshots and the catalog's names. Actions are
disabled when no live guest would receive them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QButtonGroup,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QRadioButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui import theme
from gui.panels import scrolling
from gui.text import experiment_labels as xl

if TYPE_CHECKING:
    from gui.controller import SimController
    from sim.snapshot import Snapshot


class ExperimentsPanel(QWidget):
    """Workload, fault and attack menus acting on the selected guest or on every running one."""

    def __init__(self, controller: SimController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._guest_id: str | None = None
        self._live: tuple[str, ...] = ()
        self._running: tuple[str, ...] = ()
        self._key: object = None
        self._selected = QRadioButton()
        self._all = QRadioButton()
        self._selected.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self._selected)
        group.addButton(self._all)
        group.buttonToggled.connect(self._on_target_toggled)
        self._buttons = {name: self._menu_button() for name in ("workload", "fault", "attack")}
        self.workload_actions: dict[str, QAction] = {}
        self.fault_actions: dict[str, QAction] = {}
        self.exploit_actions: dict[str, QAction] = {}
        self._rate = self._spin(1.0, 100_000.0, 100.0, " MiB/s")
        self._duration = self._spin(1.0, 3600.0, 30.0, " s")
        self._rate_label, self._duration_label = QLabel(), QLabel()
        self._rate_label.setBuddy(self._rate)
        self._duration_label.setBuddy(self._duration)
        self._result = QLabel()
        self._result.setWordWrap(True)
        self._result.setTextFormat(Qt.TextFormat.PlainText)
        grid = QGridLayout()
        grid.addWidget(self._selected, 0, 0, 1, 2)
        grid.addWidget(self._all, 0, 2, 1, 2)
        grid.addWidget(self._buttons["workload"], 1, 0)
        grid.addWidget(self._buttons["fault"], 1, 1)
        grid.addWidget(self._buttons["attack"], 1, 2)
        params = QHBoxLayout()  # one row: the bottom pane is short in projector mode
        for w in (self._rate_label, self._rate, self._duration_label, self._duration):
            params.addWidget(w)
        params.addStretch(1)
        grid.addLayout(params, 2, 0, 1, 4)
        grid.setColumnStretch(3, 1)
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.addLayout(grid)
        inner.addWidget(self._result)
        inner.addStretch(1)
        scroll = scrolling(body)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(scroll)
        controller.session_replaced.connect(self._on_controller_session_replaced)
        controller.snapshot_ready.connect(self.update_snapshot)
        if controller.has_session:
            self._build_menus()
        self.retranslate()
        self._update_enabled()

    # --- read-only state for tests ----------------------------------------------------------
    @property
    def guest_id(self) -> str | None:
        """Return the selected guest (None: none)."""
        return self._guest_id

    @property
    def targets(self) -> tuple[str, ...]:
        """Return the live guests a fault or attack would hit now."""
        if self._all.isChecked():
            return self._live
        return (self._guest_id,) if self._guest_id in self._live else ()

    @property
    def result_text(self) -> str:
        """Return the line saying what the last action did."""
        return self._result.text()

    def rate_box(self) -> QDoubleSpinBox:
        """Return the memory-leak rate (MiB/s)."""
        return self._rate

    def duration_box(self) -> QDoubleSpinBox:
        """Return the CPU hog's duration (s)."""
        return self._duration

    def set_all_guests(self, on: bool) -> None:
        """Act on every running guest (True) or on the selected one (False)."""
        (self._all if on else self._selected).setChecked(True)

    # --- inputs -----------------------------------------------------------------------------
    def show_guest(self, guest_id: str | None) -> None:
        """Act on `guest_id` from now on (None: no guest selected)."""
        self._guest_id = guest_id or None
        self._result.clear()
        self.retranslate()
        self._update_enabled()

    def update_snapshot(self, snap: Snapshot) -> None:
        """Learn which guests are live and running (cheap: only changes update widgets)."""
        live, running = snap.tally.live_ids, snap.tally.running_ids
        if (live, running) == self._key:
            return
        self._key = (live, running)
        self._live, self._running = live, running
        self._all.setText(self.tr("All running guests ({n})").format(n=len(running)))
        self._update_enabled()

    def set_projector(self, on: bool) -> None:
        """Use the projector's font sizes (≥ 16 pt) for buttons and the result line."""
        f = theme.font(on)
        for w in (
            self._selected,
            self._all,
            self._rate,
            self._duration,
            self._rate_label,
            self._duration_label,
            self._result,
            *self._buttons.values(),
        ):
            w.setFont(f)
        for b in self._buttons.values():
            b.setFont(theme.font(on, bold=True))
            b.setMinimumHeight(44 if on else 32)
        for action in self._all_actions():
            action.setFont(f)

    # --- building ---------------------------------------------------------------------------
    @staticmethod
    def _menu_button() -> QToolButton:
        b = QToolButton()
        b.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        b.setMinimumHeight(32)
        b.setMenu(QMenu(b))
        return b

    @staticmethod
    def _spin(low: float, high: float, value: float, suffix: str) -> QDoubleSpinBox:
        s = QDoubleSpinBox()
        s.setRange(low, high)
        s.setDecimals(0)
        s.setValue(value)
        s.setSuffix(suffix)
        return s

    def _all_actions(self) -> list[QAction]:
        return [
            *self.workload_actions.values(),
            *self.fault_actions.values(),
            *self.exploit_actions.values(),
        ]

    def _build_menus(self) -> None:
        from sim.snapshot import FAULTS  # numpy with it: not before the first frame

        catalog = self._controller.catalog
        for name in self._buttons:
            self._buttons[name].menu().clear()
        self.workload_actions = {
            w: self._add(self._buttons["workload"], self._on_workload, w) for w in catalog.workloads
        }
        self.fault_actions = {
            f: self._add(self._buttons["fault"], self._on_fault, f) for f in FAULTS
        }
        self.exploit_actions = {
            e: self._add(self._buttons["attack"], self._on_fault, e) for e in catalog.exploits
        }

    def _add(self, button: QToolButton, slot: object, key: str) -> QAction:
        action = button.menu().addAction("")
        action.setData(key)
        action.triggered.connect(lambda _=False, k=key: slot(k))  # type: ignore[operator]
        return action

    def retranslate(self) -> None:
        """Set every visible string in the current language."""
        guest = self._guest_id or self.tr("none")
        self._selected.setText(self.tr("Selected guest: {guest}").format(guest=guest))
        self._all.setText(self.tr("All running guests ({n})").format(n=len(self._running)))
        self._buttons["workload"].setText(self.tr("Run workload ▸"))
        self._buttons["fault"].setText(self.tr("Inject fault ▸"))
        self._buttons["attack"].setText(self.tr("Attack ▸"))
        self._rate_label.setText(self.tr("Memory leak rate"))
        self._duration_label.setText(self.tr("CPU hog for"))
        if not self._controller.has_session:
            return
        catalog = self._controller.catalog
        for wid, action in self.workload_actions.items():
            action.setText(xl.workload_label(wid, fallback=catalog.workloads[wid].name))
        for fault, action in self.fault_actions.items():
            action.setText(xl.fault_label(fault))
        for eid, action in self.exploit_actions.items():
            ex = catalog.exploits[eid]
            action.setText(
                self.tr("{name} (disclosed {date})").format(
                    name=xl.exploit_label(eid, ex.name), date=ex.disclosed
                )
            )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        """Re-translate on a language change."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _update_enabled(self) -> None:
        live = bool(self.targets)
        running = bool(self._running) if self._all.isChecked() else self._guest_id in self._running
        self._buttons["workload"].setEnabled(running)
        self._buttons["fault"].setEnabled(live)
        self._buttons["attack"].setEnabled(live)
        for action in self.workload_actions.values():
            action.setEnabled(running)
        for action in (*self.fault_actions.values(), *self.exploit_actions.values()):
            action.setEnabled(live)

    # --- slots ------------------------------------------------------------------------------
    def _on_target_toggled(self, _button: object, _checked: bool) -> None:
        self._update_enabled()

    def _on_controller_session_replaced(self) -> None:
        self._key = None
        self._live = self._running = ()
        self._build_menus()
        self.retranslate()
        self._update_enabled()

    def _on_workload(self, workload_id: str) -> None:
        targets = (
            list(self._running)
            if self._all.isChecked()
            else [g for g in (self._guest_id,) if g in self._running]
        )
        if not targets:
            return
        self._controller.run_workload(workload_id, targets)
        self._result.setText(
            self.tr("{workload} started in {guests}").format(
                workload=xl.workload_label(workload_id), guests=", ".join(targets)
            )
        )

    def _on_fault(self, fault: str) -> None:
        lines = []
        for gid in self.targets:
            params = (
                {"rate_mib_s": self._rate.value()}
                if fault == "leak"
                else {"duration_s": self._duration.value()}
                if fault == "cpu_hog"
                else {}
            )
            try:
                incident = self._controller.inject(fault, gid, **params)
            except ValueError:  # it died between the last snapshot and the click
                continue
            outcome = xl.outcome_label(incident.outcome) if incident else self.tr("injected")
            lines.append(
                self.tr("{fault} in {guest}: {outcome}").format(
                    fault=xl.fault_label(fault), guest=gid, outcome=outcome
                )
            )
        self._result.setText("\n".join(lines[:6]) + ("\n…" if len(lines) > 6 else ""))

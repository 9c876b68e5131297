"""The host tab bar: one tab per host of a several-host scenario, and drops of guests on a tab.

Each tab names its host by id, preset, CPU architecture and OS ("arm-board · Laptop · ARM64 ·
Linux"). Selecting a tab asks the controller to show that host; a guest dragged (mime
`MIME_GUEST`, e.g. a row of the moves table) onto a tab is moved there. With one host the bar
hides itself, so single-host scenarios look as they always did.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QSignalBlocker, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QFont
from PySide6.QtWidgets import QApplication, QTabBar, QWidget

from gui.i18n import catalog_name

if TYPE_CHECKING:
    from gui.controller import SimController
    from sim.snapshot import HostView

translate = QCoreApplication.translate

MIME_GUEST = "application/x-hostlab-guest"


def host_title(host: HostView) -> str:
    """Return a host's one-line name: id · CPU architecture · OS.

    Not the preset's name: a host built from the "laptop" preset with an ARM CPU is no
    teacher's laptop, and the id the lesson gave it ("arm-board") says what it is.
    """
    from gui.text.labels import arch_label, os_label

    return " · ".join((host.id, arch_label(host.arch), os_label(host.os)))


class HostTabBar(QTabBar):
    """Tabs over the hosts of the running session; emits `guest_dropped(guest_id, host_id)`."""

    guest_dropped = Signal(str, str)

    def __init__(self, controller: SimController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self.setObjectName("hosts")
        self.setExpanding(False)
        self.setDrawBase(True)
        self.setAcceptDrops(True)
        self.setChangeCurrentOnDrag(False)  # hovering a drag must not switch the views
        self.refresh_font()
        self.currentChanged.connect(self._on_current_changed)
        controller.session_replaced.connect(self._on_controller_session_replaced)
        controller.host_changed.connect(self._on_controller_host_changed)
        self.setVisible(False)

    def host_ids(self) -> tuple[str, ...]:
        """Return the host ids of the tabs, in order."""
        return tuple(str(self.tabData(i)) for i in range(self.count()))

    def select_host(self, host_id: str) -> None:
        """Select the tab of `host_id` (the controller then shows that host)."""
        self.setCurrentIndex(self.host_ids().index(host_id))

    def retranslate(self) -> None:
        """Name every host in the current language."""
        snap = self._controller.snapshot
        if snap is None:
            return
        from gui.text.labels import hypervisor_label

        for i, host in enumerate(snap.hosts):
            self.setTabText(i, host_title(host))
            self.setTabToolTip(
                i,
                translate(
                    "HostTabBar",
                    "{cores} cores · {ram} GiB RAM · {hypervisor}\n"
                    "Built from the preset: {preset}\n"
                    "Drop a guest here to move it to this host.",
                ).format(
                    cores=host.cores,
                    ram=f"{host.ram_mib / 1024:g}",
                    hypervisor=hypervisor_label(host.hypervisor),
                    preset=catalog_name(host.name),
                ),
            )

    def refresh_font(self) -> None:
        """Use the app font bold, a quarter larger unless already large: the class sees the host.

        Called again after projector mode changes the app font (`MainWindow.set_projector`).
        """
        font = QFont(QApplication.font())
        if font.pointSizeF() < 14:  # projector mode's 16 pt is large enough as it is
            font.setPointSizeF(max(font.pointSizeF(), 9.0) * 1.25)
        font.setBold(True)
        self.setFont(font)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        """Re-translate on a language change."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- drops ---------------------------------------------------------------------------
    def _drop_host(self, event: QDragMoveEvent | QDropEvent) -> str | None:
        if not event.mimeData().hasFormat(MIME_GUEST):
            return None
        index = self.tabAt(event.position().toPoint())
        return None if index < 0 else str(self.tabData(index))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt override)
        """Accept a guest dragged from the moves table."""
        if event.mimeData().hasFormat(MIME_GUEST):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 (Qt override)
        """Accept the drag only over a tab."""
        if self._drop_host(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt override)
        """Emit `guest_dropped` with the guest and the host of the tab under the drop."""
        host_id = self._drop_host(event)
        if host_id is None:
            return
        guest_id = bytes(event.mimeData().data(MIME_GUEST).data()).decode("utf-8")
        event.acceptProposedAction()
        self.guest_dropped.emit(guest_id, host_id)

    # --- slots ---------------------------------------------------------------------------
    def _on_current_changed(self, index: int) -> None:
        if index >= 0 and self._controller.has_session:
            self._controller.set_host(str(self.tabData(index)))

    def _on_controller_session_replaced(self) -> None:
        with QSignalBlocker(self):
            while self.count():
                self.removeTab(0)
            snap = self._controller.snapshot
            for host in snap.hosts if snap is not None else ():
                self.setTabData(self.addTab(""), host.id)
            if self._controller.host_id in self.host_ids():
                self.setCurrentIndex(self.host_ids().index(self._controller.host_id))
        self.retranslate()
        self.setVisible(self.count() > 1)

    def _on_controller_host_changed(self, host_id: str) -> None:
        if host_id in self.host_ids():
            with QSignalBlocker(self):
                self.setCurrentIndex(self.host_ids().index(host_id))

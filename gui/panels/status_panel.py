"""The status bar's figures on one line: shorter forms where the bar is narrow, never cut.

A projector at 1024×768 has no room for "Memory 1.7 GiB of 64.0 GiB RAM (3 %)" beside the
clock and the guests; a second line takes height from the views, and eliding cuts a figure
into another word. So each figure has forms, longest first, and the bar takes the longest
that fit: the seed gives way first (it stays in the clock's tooltip), then the memory drops
the RAM it is out of, then the guests read as one count. Every label's tooltip is its full
text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLayout, QWidget

from gui import units
from gui.steady_label import SteadyLabel

if TYPE_CHECKING:
    from sim.snapshot import Snapshot

translate = QCoreApplication.translate
SPACING = 24  # between two figures


class StatusPanel(QWidget):
    """Simulated time, seed, guests by kind and memory used of RAM, from each snapshot."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The clock, the guests and the memory change every frame while guests arrive: a label
        # of fixed size repaints alone, with no layout pass of the status bar.
        self.time_label = SteadyLabel()
        self.seed_label = QLabel()
        self.guests_label = SteadyLabel()
        self.memory_label = SteadyLabel()
        self._labels = (self.time_label, self.seed_label, self.guests_label, self.memory_label)
        # Each label's forms, longest first ("" = hidden); `level` picks one form of each.
        self._forms: dict[QLabel, tuple[str, ...]] = {label: ("",) for label in self._labels}
        self.level = 0
        layout = QHBoxLayout(self)
        # The labels of fixed size must not hold the bar at their width: a narrower bar takes
        # shorter forms instead (resizeEvent).
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(SPACING)
        self.seed_label.setMinimumWidth(1)  # the forms keep the text whole; never widen
        for label in self._labels:
            layout.addWidget(label)
        layout.addStretch(1)
        self._snap: Snapshot | None = None

    def update_snapshot(self, snap: Snapshot) -> None:
        """Show the figures of `snap`, in the longest forms the bar has room for."""
        from gui.text.labels import kind_label  # imports the sim: not needed before the first frame
        from sim.snapshot import KINDS, LAYERS

        self._snap = snap
        clock = translate("StatusPanel", "t = {0}").format(units.sim_time(snap.time_s))
        seed = translate("StatusPanel", "seed {0}").format(snap.seed)
        by_kind = {kind: 0 for kind in KINDS}
        by_kind.update(snap.tally.live_by_kind)
        parts = [f"{kind_label(kind)} {units.count(n)}" for kind, n in by_kind.items() if n]
        guests = translate("StatusPanel", "Guests: {0}")
        none = translate("StatusPanel", "none")
        used = sum(float(snap.memory_mib.get(layer, 0.0)) for layer in LAYERS)
        ram = snap.host.ram_mib
        share = 100.0 * used / ram if ram else 0.0
        memory = translate("StatusPanel", "Memory {0} of {1} RAM ({2:.0f} %)")
        memory_short = translate("StatusPanel", "Memory {0} ({1:.0f} %)")
        changed = self._set_forms(self.time_label, (clock,), seed)
        changed |= self._set_forms(self.seed_label, (seed, ""))
        changed |= self._set_forms(
            self.guests_label,
            (
                guests.format(" · ".join(parts) if parts else none),
                guests.format(units.count(sum(by_kind.values())) if parts else none),
            ),
        )
        changed |= self._set_forms(
            self.memory_label,
            (
                memory.format(units.mib(used), units.mib(ram), share),
                memory_short.format(units.mib(used), share),
            ),
        )
        if changed:
            self._fit()

    def _set_forms(self, label: QLabel, forms: tuple[str, ...], tip: str = "") -> bool:
        """Give `label` its forms; return whether the longest-first list changed."""
        if label.toolTip() != (tip or forms[0]):
            label.setToolTip(tip or forms[0])
        if self._forms[label] == forms:
            return False
        self._forms[label] = forms
        return True

    def _texts(self, level: int) -> list[str]:
        """Return each label's text at `level` (0: every full form; higher: shorter forms)."""
        # The order in which figures give way: the seed, the RAM, the guests by kind.
        steps = (self.seed_label, self.memory_label, self.guests_label)
        texts = []
        for label in self._labels:
            forms = self._forms[label]
            shorter = sum(1 for s in steps[:level] if s is label)
            texts.append(forms[min(shorter, len(forms) - 1)])
        return texts

    def _fit(self) -> None:
        """Show the longest forms whose one line fits the panel's width."""
        room = self.contentsRect().width() - 8
        for level in range(4):
            texts = self._texts(level)
            # At the level shown, the steady labels keep the widest width they had: the bar
            # does not jump. At another level they take the width of their new forms.
            if self._need(texts, keep=level == self.level) <= room:
                break
        new_level, self.level = level != self.level, level
        for label, text in zip(self._labels, texts, strict=True):
            label.setHidden(not text)
            if isinstance(label, SteadyLabel):
                label.set_steady_text(text)
                if new_level:
                    label.refit()
            elif label.text() != text:  # every setText lays the status bar out again
                label.setText(text)

    def _need(self, texts: list[str], keep: bool) -> int:
        """Return the width `texts` take on one line (with the steady labels' kept widths)."""
        fm = self.fontMetrics()
        widths = [
            max(fm.horizontalAdvance(text) + 2, label.minimumWidth() if keep else 0)
            if isinstance(label, SteadyLabel)
            else fm.horizontalAdvance(text) + 2
            for label, text in zip(self._labels, texts, strict=True)
            if text
        ]
        return sum(widths) + SPACING * (len(widths) - 1)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        """Return a line's height and no width: the forms fit any width the bar gets."""
        return QSize(0, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        """Choose the forms for the new width."""
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        """Re-translate on a language change; choose the forms again for a new font."""
        if event.type() == QEvent.Type.LanguageChange and self._snap is not None:
            self._forms = {label: ("",) for label in self._labels}
            self.update_snapshot(self._snap)
        elif event.type() == QEvent.Type.FontChange:
            self._fit()  # the clock's SteadyLabel measures itself afresh in the new font
        super().changeEvent(event)

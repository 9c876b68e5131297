"""The host panel: which machine is simulated (the host shown, of several) and its policies.

The policies are memory (reserve or overcommit, KSM, swap) and the host's vCPU policy: how many
vCPUs its VMs may commit per core, or no cap. Changing any of them means a different experiment,
so the panel first asks "This resets the simulation. Continue?"; on Yes the controller rebuilds
the session from an edited copy of the current scenario (guests added so far are kept and
replayed from time 0), on No the controls go back to what is running.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSignalBlocker, Qt
from PySide6.QtGui import QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QStyle,
    QStyleOptionComboBox,
    QWidget,
)

from gui import units
from gui.dialogs import confirm_reset
from gui.i18n import catalog_name
from sim import vcpu_policy

if TYPE_CHECKING:
    from gui.controller import SimController
    from sim.scenario import HostSpec, Scenario

MEMORY_POLICIES = ("reserve", "overcommit")
VCPU_KEY = "vcpu_per_core"


class _SwitchText(QLabel):
    """A check box's text that wraps; clicking it toggles the box, as its own text would."""

    def __init__(self, box: QCheckBox) -> None:
        super().__init__()
        self._box = box
        self.setWordWrap(True)
        self.setBuddy(box)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        """Toggle the box, like a click on its text."""
        if event.button() == Qt.MouseButton.LeftButton and self._box.isEnabled():
            self._box.click()
        event.accept()


class HostPanel(QWidget):
    """Preset, memory policy, vCPU policy, KSM and swap of the simulated host."""

    def __init__(self, controller: SimController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._preset = QComboBox()
        self._memory = QComboBox()
        self._memory.addItems(["", ""])
        self._vcpu = QComboBox()  # items: ratios (float data), refilled by _sync
        self._ksm = QCheckBox()
        self._swap = QCheckBox()
        # Each may shrink: the full text is in its list.
        for combo in (self._preset, self._memory, self._vcpu):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
        self._policy_texts: list[tuple[str, str]] = []  # (full, short) per policy
        self._facts = QLabel()
        self._facts.setWordWrap(True)
        self._labels = [QLabel(), QLabel(), QLabel()]
        form = QFormLayout(self)
        form.setContentsMargins(4, 4, 4, 4)
        # Names above their lists: a narrow column gives each list its whole width, so a
        # policy reads "Allocate on use (overcommit)" whole instead of cut mid-word.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow(self._labels[0], self._preset)
        form.addRow(self._labels[1], self._memory)
        form.addRow(self._labels[2], self._vcpu)
        boxes = (self._preset, self._memory, self._vcpu)
        for label, box in zip(self._labels, boxes, strict=True):
            label.setBuddy(box)  # screen readers name each list by its label
        self._switch_texts = [_SwitchText(self._ksm), _SwitchText(self._swap)]
        for switch, text in zip((self._ksm, self._swap), self._switch_texts, strict=True):
            row = QHBoxLayout()  # the text wraps beside its box: a check box's own cannot
            row.addWidget(switch, 0, Qt.AlignmentFlag.AlignTop)
            row.addWidget(text, 1)
            form.addRow(row)
        form.addRow(self._facts)
        self._preset.activated.connect(self._on_preset_activated)
        self._memory.activated.connect(self._on_memory_activated)
        self._vcpu.activated.connect(self._on_vcpu_activated)
        self._ksm.clicked.connect(self._on_ksm_clicked)
        self._swap.clicked.connect(self._on_swap_clicked)
        controller.session_replaced.connect(self._on_controller_session_replaced)
        controller.host_changed.connect(self._on_controller_host_changed)
        self.retranslate()

    # --- read-only state for tests -------------------------------------------------------
    def preset_combo(self) -> QComboBox:
        """Return the preset chooser."""
        return self._preset

    def memory_combo(self) -> QComboBox:
        """Return the memory-policy chooser (items: reserve, overcommit)."""
        return self._memory

    def vcpu_combo(self) -> QComboBox:
        """Return the vCPU-policy chooser (item data: vCPUs per core, inf for no cap)."""
        return self._vcpu

    def ksm_box(self) -> QCheckBox:
        """Return the KSM switch."""
        return self._ksm

    def swap_box(self) -> QCheckBox:
        """Return the swap switch."""
        return self._swap

    # --- language ------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Set every visible string in the current language."""
        self._labels[0].setText(self.tr("Host"))
        self._labels[1].setText(self.tr("VM memory"))
        from gui.text.labels import policy_label

        self._policy_texts = [
            (policy_label("reserve"), self.tr("Reserve")),
            (policy_label("overcommit"), self.tr("Overcommit")),
        ]
        self._fit_policy_texts()
        self._memory.setToolTip(
            self.tr(
                "Reserve: a VM takes all its configured RAM when it starts.\n"
                "Overcommit: it takes memory only as the guest touches it."
            )
        )
        self._labels[2].setText(self.tr("vCPU policy"))
        self._vcpu.setToolTip(
            self.tr(
                "How many vCPUs the host admits per physical core: beyond it a VM is refused.\n"
                "No cap: every VM starts, and busy vCPUs share the cores, so guests slow down."
            )
        )
        ksm = self.tr("KSM: merge identical VM pages")
        self._ksm.setToolTip(
            self.tr("Kernel Samepage Merging scans VM memory and shares pages that are identical")
        )
        swap = self.tr("Swap to disk when RAM is full")
        for box, label, text in zip(
            (self._ksm, self._swap), self._switch_texts, (ksm, swap), strict=True
        ):
            label.setText(text)
            label.setToolTip(box.toolTip())
            box.setAccessibleName(text)
        if self._controller.has_session:
            self._sync()

    def _fit_policy_texts(self) -> None:
        """Name each policy in full when the list is wide enough, else by its short name."""
        option = QStyleOptionComboBox()
        self._memory.initStyleOption(option)
        field = self._memory.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox,
            option,
            QStyle.SubControl.SC_ComboBoxEditField,
            self._memory,
        )
        fm = self._memory.fontMetrics()
        for i, (full, short) in enumerate(self._policy_texts):
            fits = fm.horizontalAdvance(full) <= field.width()
            self._memory.setItemText(i, full if fits else short)
            self._memory.setItemData(i, full, Qt.ItemDataRole.ToolTipRole)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        """Shorten the policy names, and ask for the height the wrapped rows need at this width."""
        super().resizeEvent(event)
        self._fit_policy_texts()
        self._fit_height()

    def _fit_height(self) -> None:
        """Ask for the height the wrapped rows need at this width."""
        for label in (self._facts, *self._switch_texts):  # the form under-counts their lines
            # -1 (no height for width yet: an empty label) would be an invalid minimum
            label.setMinimumHeight(max(0, label.heightForWidth(max(label.width(), 1))))
        form = self.layout()
        # A scroll area sizes its body by the minimum height, which ignores wrapped rows.
        if form is not None and form.hasHeightForWidth():
            need = form.totalHeightForWidth(self.width())
            if need != self.minimumHeight():
                self.setMinimumHeight(need)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        """Re-translate on a language change."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- sync with the running scenario --------------------------------------------------
    def _sync(self) -> None:
        from gui.text.labels import arch_label

        scenario = self._controller.scenario
        catalog = self._controller.catalog
        hosts = catalog.hosts
        spec = self._controller.host_spec()
        with QSignalBlocker(self._preset):
            self._preset.clear()
            for host in hosts.values():
                self._preset.addItem(catalog_name(host.name), host.id)
            self._preset.setCurrentIndex(max(0, self._preset.findData(spec.preset)))
        with QSignalBlocker(self._memory):
            self._memory.setCurrentIndex(
                MEMORY_POLICIES.index(scenario.policy.memory)
                if scenario.policy.memory in MEMORY_POLICIES
                else 1
            )
        self._sync_vcpu(spec)
        with QSignalBlocker(self._ksm):
            self._ksm.setChecked(bool(scenario.policy.ksm))
        with QSignalBlocker(self._swap):
            self._swap.setChecked(bool(scenario.policy.swap))
        preset = spec.resolve(catalog)
        facts = self.tr("{cores} cores · {ram} RAM · {swap} swap · {arch}").format(
            cores=preset.cores,
            ram=units.mib(preset.ram_gib * 1024),
            swap=units.mib(preset.swap_gib * 1024),
            arch=arch_label(preset.arch),
        )
        several = len(scenario.hosts) > 1
        if several:  # which host of several, with its OS and hypervisor
            from gui.text.labels import hypervisor_label, os_label

            facts += f" · {os_label(preset.os)} · {hypervisor_label(preset.hypervisor)}"
        self._labels[0].setText(spec.id if several else self.tr("Host"))
        self._facts.setText(facts)
        self._fit_height()

    def _sync_vcpu(self, spec: HostSpec) -> None:
        """List the offered ratios, the preset's and the file's own, and select the one in use."""
        default = self._controller.catalog.hosts[spec.preset].vcpu_per_core
        current = spec.resolve(self._controller.catalog).vcpu_per_core
        # No cap (inf) sorts last.
        choices = sorted({*vcpu_policy.OFFERED, vcpu_policy.NO_CAP, default, current})
        with QSignalBlocker(self._vcpu):
            self._vcpu.clear()
            for ratio in choices:
                text = f"{ratio:g}:1" if vcpu_policy.capped(ratio) else self.tr("No cap")
                if ratio == default:
                    text = self.tr("{policy} (default)").format(policy=text)
                self._vcpu.addItem(text, ratio)
            self._vcpu.setCurrentIndex(choices.index(current))

    def _apply(self, scenario: Scenario) -> None:
        if confirm_reset(self):
            self._controller.replace_scenario(scenario)
        else:
            self._sync()

    def _base(self) -> Scenario:
        return self._controller.current_scenario()

    @staticmethod
    def _with_host(base: Scenario, spec: HostSpec) -> Scenario:
        """Return `base` with the host of `spec.id` replaced by `spec`."""
        if spec.id == base.host.id:
            return replace(base, host=spec)
        return replace(
            base, more_hosts=tuple(spec if h.id == spec.id else h for h in base.more_hosts)
        )

    def _on_preset_activated(self, index: int) -> None:
        preset = str(self._preset.itemData(index))
        base = self._base()
        spec = self._controller.host_spec()
        if preset != spec.preset:
            self._apply(self._with_host(base, replace(spec, preset=preset)))

    def _on_memory_activated(self, index: int) -> None:
        base = self._base()
        if MEMORY_POLICIES[index] != base.policy.memory:
            self._apply(replace(base, policy=replace(base.policy, memory=MEMORY_POLICIES[index])))

    def _on_vcpu_activated(self, index: int) -> None:
        ratio = float(self._vcpu.itemData(index))
        spec = self._controller.host_spec()
        if ratio == spec.resolve(self._controller.catalog).vcpu_per_core:
            return
        overrides = {k: v for k, v in spec.overrides.items() if k != VCPU_KEY}
        if ratio != self._controller.catalog.hosts[spec.preset].vcpu_per_core:
            overrides[VCPU_KEY] = ratio  # the preset's own policy needs no override
        self._apply(self._with_host(self._base(), replace(spec, overrides=overrides)))

    def _on_ksm_clicked(self, checked: bool) -> None:
        base = self._base()
        self._apply(replace(base, policy=replace(base.policy, ksm=checked)))

    def _on_swap_clicked(self, checked: bool) -> None:
        base = self._base()
        self._apply(replace(base, policy=replace(base.policy, swap=checked)))

    def _on_controller_session_replaced(self) -> None:
        self._sync()

    def _on_controller_host_changed(self, _host_id: str) -> None:
        self._sync()

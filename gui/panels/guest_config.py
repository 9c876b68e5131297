"""The guest settings editor: networking, vCPU pinning, cgroup limits and hardening of one guest.

Only the settings that change an experiment for the guest's kind are shown, each with a
one-line explanation. Apply hands a new `GuestConfig` to the controller, which changes the
guest from now on and saves it with the scenario ([configs."<id>"]).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gui import theme
from gui.panels import scrolling
from sim.guestconfig import CHOICES, SANDBOX_SETTINGS, GuestConfig
from sim.kinds import KIND_TRAITS

if TYPE_CHECKING:
    from gui.controller import SimController
    from sim.snapshot import GuestView, Snapshot, TemplateView


def settings_for(kind: str, own_kernel: bool) -> tuple[str, ...]:
    """Return the settings that change an experiment for a guest of this kind (sim.kinds)."""
    row = KIND_TRAITS.get(kind)
    if row is None:
        return ()
    return row.settings_in_vm if own_kernel else row.settings


class GuestConfigPanel(QWidget):
    """Edit the selected guest's `GuestConfig`; Apply sends it through the controller."""

    def __init__(self, controller: SimController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._guest_id: str | None = None
        self._guest: GuestView | None = None
        self._loaded: GuestConfig | None = None
        self._projector = False
        self._title = QLabel()
        self._names: dict[str, QLabel] = {}
        self._notes: dict[str, QLabel] = {}
        combos = {key: QComboBox() for key in CHOICES}
        for key, combo in combos.items():
            combo.addItems([""] * len(CHOICES[key]))
        self.controls: dict[str, QWidget] = {
            **{k: combos[k] for k in SANDBOX_SETTINGS},  # first: what a sandbox is made of
            "network": combos["network"],
            "vcpu_pinning": QCheckBox(),
            "hyperv_enlightenments": QCheckBox(),
            "memory_limit_mib": self._spin(QDoubleSpinBox(), 16_777_216, " MiB"),
            "pids_limit": self._spin(QSpinBox(), 4_194_304, ""),
            "cpu_quota": self._spin(QDoubleSpinBox(), 4096, ""),
            **{k: QCheckBox() for k in ("seccomp", "apparmor", "selinux", "userns", "privileged")},
        }
        grid = QGridLayout()
        for row, (key, control) in enumerate(self.controls.items()):
            self._names[key], self._notes[key] = QLabel(), QLabel()
            self._notes[key].setWordWrap(True)
            grid.addWidget(self._names[key], row, 0)
            grid.addWidget(control, row, 1)
            grid.addWidget(self._notes[key], row, 2)
            self._connect(control)
        grid.setColumnStretch(2, 1)
        body = QWidget()
        body.setLayout(grid)
        scroll = scrolling(body, frame=True)
        self.apply_button, self.revert_button = QPushButton(), QPushButton()
        self.apply_button.clicked.connect(self._on_apply_button_clicked)
        self.revert_button.clicked.connect(self._on_revert_button_clicked)
        self._status = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self._title, 1)
        buttons.addWidget(self._status)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.apply_button)
        box = QVBoxLayout(self)
        box.addLayout(buttons)
        box.addWidget(scroll, 1)
        controller.snapshot_ready.connect(self.update_snapshot)
        controller.session_replaced.connect(self._on_controller_session_replaced)
        self.retranslate()
        self._load(None)

    # --- read-only state for tests ----------------------------------------------------------
    @property
    def guest_id(self) -> str | None:
        """Return the guest being edited (None: none)."""
        return self._guest_id

    def visible_settings(self) -> tuple[str, ...]:
        """Return the settings shown for the guest's kind."""
        return tuple(k for k, c in self.controls.items() if not c.isHidden())

    def edited(self) -> GuestConfig:
        """Return the settings as the controls show them now."""
        c = self.controls
        chosen = {k: CHOICES[k][cast("QComboBox", c[k]).currentIndex()] for k in CHOICES}
        return replace(
            replace(self._loaded or GuestConfig(), **chosen),  # type: ignore[arg-type]
            vcpu_pinning=c["vcpu_pinning"].isChecked(),  # type: ignore[attr-defined]
            hyperv_enlightenments=c["hyperv_enlightenments"].isChecked(),  # type: ignore[attr-defined]
            memory_limit_mib=c["memory_limit_mib"].value(),  # type: ignore[attr-defined]
            pids_limit=c["pids_limit"].value(),  # type: ignore[attr-defined]
            cpu_quota=c["cpu_quota"].value(),  # type: ignore[attr-defined]
            **{
                k: c[k].isChecked()  # type: ignore[attr-defined]
                for k in ("seccomp", "apparmor", "selinux", "userns", "privileged")
            },
        )

    # --- inputs -----------------------------------------------------------------------------
    def show_guest(self, guest_id: str | None) -> None:
        """Edit `guest_id` (None: nothing to edit)."""
        self._guest_id = guest_id or None
        self._guest = None
        self._status.clear()
        self._load(self._find(self._controller.snapshot))

    def update_snapshot(self, snap: Snapshot) -> None:
        """Follow the guest; reload the controls only when its saved settings changed."""
        guest = self._find(snap)
        if guest is None and self._guest is None:
            return
        if (
            guest is None
            or self._guest is None
            or guest.config != self._guest.config
            or guest.state != self._guest.state
        ):
            self._load(guest)

    def set_projector(self, on: bool) -> None:
        """Use the projector's font sizes."""
        self._projector = on
        f = theme.font(on)
        for w in (
            *self.controls.values(),
            *self._names.values(),
            *self._notes.values(),
            self._status,
            self.apply_button,
            self.revert_button,
        ):
            w.setFont(f)
        self._title.setFont(theme.font(on, bold=True))

    def _find(self, snap: Snapshot | None) -> GuestView | None:
        if snap is None or self._guest_id is None:
            return None
        return next((g for g in snap.guests if g.id == self._guest_id), None)

    # --- building ---------------------------------------------------------------------------
    @staticmethod
    def _spin(spin: QSpinBox | QDoubleSpinBox, high: float, suffix: str) -> QWidget:
        spin.setRange(0, high)  # type: ignore[arg-type]
        if isinstance(spin, QDoubleSpinBox):
            spin.setDecimals(1 if not suffix else 0)
        spin.setSuffix(suffix)
        return spin

    def _connect(self, control: QWidget) -> None:
        if isinstance(control, QCheckBox):
            control.toggled.connect(self._on_control_changed)
        elif isinstance(control, QComboBox):
            control.currentIndexChanged.connect(self._on_control_changed)
        elif isinstance(control, QSpinBox | QDoubleSpinBox):
            control.valueChanged.connect(self._on_control_changed)

    def _load(self, guest: GuestView | None) -> None:
        self._guest = guest
        # The snapshot holds the fields a GuestConfig changed from its defaults: typed as such.
        changed = cast("dict[str, Any]", guest.config) if guest is not None else {}
        config = replace(GuestConfig(), **changed)
        self._loaded = config
        kind = guest.kind if guest else ""
        template = self._template(guest)
        shown = settings_for(kind, template is not None and template.own_kernel) if guest else ()
        for key, control in self.controls.items():
            for w in (control, self._names[key], self._notes[key]):
                w.setVisible(key in shown)
            control.blockSignals(True)
            value = getattr(config, key)
            if isinstance(control, QCheckBox):
                control.setChecked(bool(value))
            elif isinstance(control, QComboBox):
                control.setCurrentIndex(CHOICES[key].index(str(value)))
            elif isinstance(control, QSpinBox | QDoubleSpinBox):
                control.setValue(value)
            control.setEnabled(guest is not None and guest.live)
            control.blockSignals(False)
        self._title.setText(self._title_text(guest, shown))
        self._update_buttons()

    def _template(self, guest: GuestView | None) -> TemplateView | None:
        snap = self._controller.snapshot
        if guest is None or snap is None:
            return None
        return snap.template(guest.template)

    def _title_text(self, guest: GuestView | None, shown: tuple[str, ...]) -> str:
        from gui.text.labels import kind_label

        if self._guest_id is None:
            return self.tr("No guest selected: click one in the diagram or the timeline.")
        if guest is None:
            return self.tr("{guest} is gone").format(guest=self._guest_id)
        if not shown:
            return self.tr(
                "{guest} ({kind}): no setting of a {kind} changes these experiments"
            ).format(guest=guest.id, kind=kind_label(guest.kind))
        return self.tr("Settings of {guest} ({kind})").format(
            guest=guest.id, kind=kind_label(guest.kind)
        )

    def _update_buttons(self) -> None:
        dirty = self._guest is not None and self.edited() != self._loaded
        live = self._guest is not None and self._guest.live
        self.apply_button.setEnabled(dirty and live)
        self.revert_button.setEnabled(dirty)

    def retranslate(self) -> None:
        """Set every visible string in the current language."""
        names = {
            "network": (
                self.tr("Network"),
                self.tr(
                    "NAT: Docker's default bridge, which doubles a network round trip. Host: the "
                    "host's own network stack, fast but not isolated."
                ),
            ),
            "vcpu_pinning": (
                self.tr("Pin vCPUs"),
                self.tr(
                    "Each vCPU on its own host core (“tuned” KVM): CPU work close to the bare host."
                ),
            ),
            "hyperv_enlightenments": (
                self.tr("Hyper-V enlightenments"),
                self.tr(
                    "Windows guests: synthetic timers (hv-synic, hv-stimer) instead of emulated "
                    "ones, so an idle Windows VM stops costing the host much of a core."
                ),
            ),
            "memory_limit_mib": (
                self.tr("Memory limit"),
                self.tr(
                    "cgroup memory.max: a leak kills only this guest, not a neighbour. "
                    "0 = no limit."
                ),
            ),
            "pids_limit": (
                self.tr("PIDs limit"),
                self.tr(
                    "cgroup pids.max: a fork bomb stops here, not at the host's pid_max. "
                    "0 = no limit."
                ),
            ),
            "cpu_quota": (
                self.tr("CPU quota (cores)"),
                self.tr("cgroup cpu.max: a CPU hog cannot slow its neighbours. 0 = no limit."),
            ),
            "seccomp": (
                self.tr("seccomp"),
                self.tr("Docker's default seccomp profile refuses dangerous system calls."),
            ),
            "apparmor": (
                self.tr("AppArmor"),
                self.tr(
                    "The docker-default AppArmor profile forbids mounts and writes to /proc and "
                    "/sys."
                ),
            ),
            "selinux": (
                self.tr("SELinux"),
                self.tr(
                    "SELinux enforcing: container processes carry a label that host files refuse."
                ),
            ),
            "userns": (
                self.tr("User namespaces"),
                self.tr("Root in the container is an unprivileged user on the host."),
            ),
            "privileged": (
                self.tr("Privileged"),
                self.tr(
                    "--privileged: every device and capability; the protections above stop working."
                ),
            ),
            "gvisor_platform": (
                self.tr("gVisor platform"),
                self.tr(
                    "How the Sentry catches system calls. ptrace is the slowest; KVM is fastest on "
                    "bare metal but holds more memory. Changing it starts a new guest."
                ),
            ),
            "kata_hypervisor": (
                self.tr("Kata hypervisor"),
                self.tr(
                    "The VMM the pod's VM runs in: each starts and holds memory differently; "
                    "Firecracker's block device is slow. Changing it starts a new guest."
                ),
            ),
        }
        for key, (name, note) in names.items():
            self._names[key].setText(name)
            self._notes[key].setText(note)
        for key in ("memory_limit_mib", "pids_limit", "cpu_quota"):  # 0 shown as what it means
            self.controls[key].setSpecialValueText(self.tr("no limit"))  # type: ignore[attr-defined]
            self.controls[key].setAccessibleName(names[key][0])
        combo = self.controls["network"]
        combo.setItemText(0, self.tr("NAT (Docker bridge)"))  # type: ignore[attr-defined]
        combo.setItemText(1, self.tr("Host network"))  # type: ignore[attr-defined]
        self._name_profiles()
        for key in CHOICES:
            self.controls[key].setAccessibleName(names[key][0])
        self.apply_button.setText(self.tr("Apply"))
        self.revert_button.setText(self.tr("Revert"))
        self._title.setText(self._title_text(self._guest, self.visible_settings()))

    def _name_profiles(self) -> None:
        """Name each gVisor platform and Kata hypervisor as the catalog does, the default marked."""
        from sim.catalog import Catalog

        profiles = Catalog.load().sandbox_profiles  # the bundled catalog: scenarios add none
        for key, choices in SANDBOX_SETTINGS.items():
            combo = cast("QComboBox", self.controls[key])
            for i, pid in enumerate(choices):
                name = profiles[key][pid].name if key in profiles else pid
                text = self.tr("{name} (default)").format(name=name) if i == 0 else name
                combo.setItemText(i, text)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        """Re-translate on a language change."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- slots ------------------------------------------------------------------------------
    def _on_control_changed(self, *_args: object) -> None:
        self._status.clear()
        self._update_buttons()

    def _on_apply_button_clicked(self) -> None:
        if self._guest is None:
            return
        old_id = self._guest.id
        new_id = self._controller.set_config(old_id, self.edited())
        if new_id != old_id:  # a sandbox's platform or hypervisor is chosen when it starts
            self.show_guest(new_id)
            self._status.setText(
                self.tr("{old} stopped; {new} starts with the new runtime").format(
                    old=old_id, new=new_id
                )
            )
            return
        self._status.setText(self.tr("Applied from {t} s on").format(t=f"{self._now():.1f}"))

    def _now(self) -> float:
        snap = self._controller.snapshot
        return snap.time_s if snap is not None else 0.0

    def _on_revert_button_clicked(self) -> None:
        self._load(self._guest)

    def _on_controller_session_replaced(self) -> None:
        self._guest_id = None
        self._load(None)

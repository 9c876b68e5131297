"""The experiments panel, the guest settings editor and the event log's new sentences."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from gui.controller import SimController
from gui.text import log_text
from gui.window.main_window import MainWindow
from sim.snapshot import LogEntry

SCENARIOS = Path(__file__).resolve().parents[2] / "assets" / "scenarios"


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    controller = SimController()
    window = MainWindow(controller)
    qtbot.addWidget(window)
    controller.open_file(SCENARIOS / "05-isolation-escape.toml")
    controller.run_until(3.6)  # every guest running, before the lesson's first attack
    window.show()
    return window


def _select(window: MainWindow, guest_id: str) -> None:
    window.view("layers").guest_selected.emit(guest_id)


def test_actions_need_a_live_guest(window: MainWindow) -> None:
    panel = window.experiment_tabs.experiments
    assert panel.targets == ()
    assert not panel.fault_actions["panic"].isEnabled()
    assert not panel.workload_actions["cpu"].isEnabled()
    _select(window, "nginx-1")
    assert panel.targets == ("nginx-1",)
    assert panel.fault_actions["panic"].isEnabled() and panel.workload_actions["cpu"].isEnabled()
    panel.set_all_guests(True)
    assert set(panel.targets) == {"nginx-1", "nginx-2", "alpine-vm-1"}


def test_a_container_panic_from_the_panel_brings_every_guest_down(window: MainWindow) -> None:
    _select(window, "nginx-1")
    window.experiment_tabs.experiments.fault_actions["panic"].trigger()
    window.controller.run_until(5.0)
    snap = window.view("layers").snapshot
    assert snap.host.down and {g.state for g in snap.guests} == {"crashed"}
    marks = {t: m for t, _r, m in window.view("layers").marks}
    assert marks["host_kernel"] == "crashed" and marks["alpine-vm-1"] == "crashed"
    panel = window.experiment_tabs.experiments
    assert "every guest" in panel.result_text
    assert not panel.fault_actions["panic"].isEnabled()  # nobody left to hit


def test_an_attack_shows_its_disclosure_date_and_compromises_the_host(window: MainWindow) -> None:
    panel = window.experiment_tabs.experiments
    action = panel.exploit_actions["cve-2019-5736"]
    assert "CVE-2019-5736" in action.text() and "2019-02-11" in action.text()
    _select(window, "nginx-1")
    action.trigger()
    window.controller.run_until(6.0)  # five steps, 0.4 s apart
    snap = window.view("layers").snapshot
    assert snap.host.compromised and all(g.compromised for g in snap.guests)
    assert any(e.code == "incident" for e in snap.log)


def test_leak_rate_and_hog_duration_come_from_the_spin_boxes(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []
    monkeypatch.setattr(
        window.controller, "inject", lambda fault, gid, **params: calls.append((fault, gid, params))
    )
    panel = window.experiment_tabs.experiments
    _select(window, "nginx-2")
    panel.rate_box().setValue(250)
    panel.duration_box().setValue(12)
    panel.fault_actions["leak"].trigger()
    panel.fault_actions["cpu_hog"].trigger()
    panel.fault_actions["fork_bomb"].trigger()
    assert calls == [
        ("leak", "nginx-2", {"rate_mib_s": 250.0}),
        ("cpu_hog", "nginx-2", {"duration_s": 12.0}),
        ("fork_bomb", "nginx-2", {}),
    ]


def test_a_workload_on_all_guests_runs_through_the_controller(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.resize(1920, 1080)  # a large window: Benchmarks is a tab (compact: test_compact_views)
    qtbot.waitUntil(lambda: not window.adaptive.compact)
    panel = window.experiment_tabs.experiments
    panel.set_all_guests(True)
    panel.workload_actions["net_latency"].trigger()
    window.controller.run_until(20.0)
    results = window.controller.session.snapshot().workloads
    assert {r.guest_id for r in results} == {"nginx-1", "nginx-2", "alpine-vm-1"}
    assert window.tabs.currentWidget() is window.experiment_tabs.section  # shown to the class


def test_settings_apply_to_the_guest_and_are_saved(window: MainWindow, tmp_path: Path) -> None:
    editor = window.experiment_tabs.guest_config
    _select(window, "alpine-vm-1")
    assert editor.visible_settings() == ("vcpu_pinning", "hyperv_enlightenments")
    _select(window, "nginx-1")
    assert "userns" in editor.visible_settings() and "vcpu_pinning" not in editor.visible_settings()
    assert not editor.apply_button.isEnabled()
    editor.controls["userns"].setChecked(True)
    editor.controls["pids_limit"].setValue(500)
    assert editor.apply_button.isEnabled()
    editor.apply_button.click()
    config = window.controller.session.guest("nginx-1").config
    assert config.userns and config.pids_limit == 500 and config.seccomp
    assert window.controller.modified and not editor.apply_button.isEnabled()
    path = tmp_path / "saved.toml"
    window.controller.save_file(path)
    text = path.read_text(encoding="utf-8")
    assert '[configs."nginx-1"]' in text and "userns = true" in text and "pids_limit = 500" in text


def test_a_sandbox_given_another_platform_is_replaced_and_followed(qtbot: QtBot) -> None:
    controller = SimController()
    window = MainWindow(controller)
    qtbot.addWidget(window)
    controller.open_file(SCENARIOS / "use-middle-ground.toml")
    controller.run_until(5.0)
    window.show()
    editor = window.experiment_tabs.guest_config
    _select(window, "gvisor-1")
    assert "gvisor_platform" in editor.visible_settings()
    assert "kata_hypervisor" not in editor.visible_settings()
    platform = editor.controls["gvisor_platform"]
    assert platform.currentText().startswith("systrap")  # the default, marked as such
    platform.setCurrentIndex(2)  # ptrace
    editor.apply_button.click()
    assert editor.guest_id == "gvisor-2"  # a platform is chosen when a sandbox starts
    session = controller.session
    assert session.guest("gvisor-1").state == "stopped"
    assert session.guest("gvisor-2").config.gvisor_platform == "ptrace"
    _select(window, "kata-1")
    assert editor.visible_settings() == ("kata_hypervisor",)


NEW_CODES = {
    "workload_done": {
        "guest": "redis-1",
        "workload": "net_latency",
        "value": 75.2,
        "unit": "µs",
        "ratio": 2.0,
    },
    "incident": {"guest": "nginx-1", "fault": "cve-2019-5736", "outcome": "host_compromised"},
    "fault_injected": {"guest": "nginx-1", "fault": "leak"},
    "guest_crashed": {"guest": "nginx-2", "reason": "panic"},
    "cgroup_oom": {"guest": "nginx-1"},
    "guest_oom": {"guest": "alpine-vm-1"},
    "pids_exhausted": {"guest": "nginx-1", "pids": 4194000, "host_wide": True},
    "fork_bomb_contained": {"guest": "alpine-vm-1"},
    "action_skipped": {"guest": "nginx-9", "action": "exploit"},
}


@pytest.mark.parametrize("code", sorted(NEW_CODES))
def test_every_new_log_code_has_its_own_sentence(code: str) -> None:
    entry = LogEntry(1.0, code, "g", NEW_CODES[code], "FALLBACK")
    text = log_text.log_message(entry)
    assert text != "FALLBACK" and str(NEW_CODES[code]["guest"]) in text
    assert log_text.log_code_label(code) != code


def test_log_sentences_name_the_workload_ratio_and_outcome() -> None:
    done = log_text.log_message(LogEntry(1.0, "workload_done", "r", NEW_CODES["workload_done"], ""))
    assert "Network round trip" in done and "75.2 µs" in done and "2.00×" in done
    hit = log_text.log_message(LogEntry(1.0, "incident", "n", NEW_CODES["incident"], ""))
    assert "CVE-2019-5736" in hit and "compromised" in hit
    pids = dict(NEW_CODES["pids_exhausted"], host_wide=False)
    assert "its PIDs limit" in log_text.log_message(LogEntry(1.0, "pids_exhausted", "n", pids, ""))

"""Density panel, event log and guest details."""

from __future__ import annotations

import snapshots as S

from gui.views import DensityPanel, EventLogView, GuestDetailsPanel


def test_density_bar_per_template_names_binding_limit(qtbot) -> None:  # noqa: ANN001
    panel = DensityPanel()
    qtbot.addWidget(panel)
    snap = S.classroom()
    panel.update_snapshot(snap)
    assert panel.templates == tuple(r.template for r in snap.density)
    assert len(panel.bars.opts["width"]) == len(snap.density)
    nginx = panel.bar_labels[0]
    assert "1\u2009023" in nginx and "bridge ports" in nginx
    assert "memory" in panel.bar_labels[panel.templates.index("ubuntu-server")]
    tip = panel.tooltip_text(0)
    assert "no limit" in tip and "◀" in tip.splitlines()[4]  # bridge ports binds
    # Log scale by default: 1 023 containers and 30 VMs both get a visible bar.
    widths = panel.bars.opts["width"]
    assert widths[0] / widths[2] < 3
    assert panel.log_scale


def test_event_log_appends_and_filters(qtbot) -> None:  # noqa: ANN001
    view = EventLogView()
    qtbot.addWidget(view)
    view.update_snapshot(S.mid_boot())
    first = len(view.visible_messages())
    snap = S.classroom()
    view.update_snapshot(snap)
    assert len(view.visible_messages()) == len(snap.log) > first
    view.set_filter(code="oom_kill")
    assert view.visible_messages() == [
        "Out of memory: nginx-3 killed (14.5 MiB resident, largest resident)"
    ]
    view.set_filter(text="FIRECRACKER-1")
    msgs = view.visible_messages()
    assert msgs and all("firecracker-1" in m for m in msgs)
    assert "firecracker-1: VMM start done in 12 ms" in msgs
    view.set_filter()
    assert len(view.visible_messages()) == len(snap.log)


def test_unknown_log_code_falls_back_to_message() -> None:
    from gui.text.log_text import log_message
    from sim.snapshot import LogEntry

    assert log_message(LogEntry(1.0, "new_thing", None, {}, "English text")) == "English text"
    assert log_message(LogEntry(1.0, "ready", "a", {}, "fallback")) == "fallback"


def test_details_show_phases_sources_and_memory(qtbot) -> None:  # noqa: ANN001
    panel = GuestDetailsPanel()
    qtbot.addWidget(panel)
    panel.update_snapshot(S.mid_boot())
    panel.show_guest("ubuntu-server-1")
    assert panel.phases_table.rowCount() == 1
    assert "(running)" in panel.phases_table.item(0, 2).text()
    panel.update_snapshot(S.both_running())
    table = panel.phases_table
    assert table.rowCount() == 6
    assert table.item(3, 0).text() == "Kernel boot"
    assert table.item(3, 2).text() == "4.80 s"
    assert table.item(3, 3).text().startswith("(IDLab 2024)")  # the reference, not its id
    assert "github.com/idlab-discover" in table.item(3, 3).toolTip()
    assert "of 2.0 GiB configured" in panel.summary
    layers = [panel.memory_table.item(r, 0).text() for r in range(panel.memory_table.rowCount())]
    assert "Guest kernels" in layers and "Applications" in layers
    panel.show_guest(None)
    assert panel.phases_table.rowCount() == 0

"""Memory plot: one area per layer, RAM line, OOM markers; snapshot arrays left intact."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import snapshots as S

from gui.views import MemoryPlot
from sim.snapshot import LAYERS


def _plot(qtbot) -> MemoryPlot:  # noqa: ANN001
    plot = MemoryPlot()
    qtbot.addWidget(plot)
    plot.resize(900, 500)
    return plot


def test_one_filled_area_per_layer_and_ram_line(qtbot) -> None:  # noqa: ANN001
    plot = _plot(qtbot)
    snap = S.classroom()
    before = {k: v.copy() for k, v in snap.series.layers.items()}
    plot.update_snapshot(snap)
    assert len(plot.fills) == len(LAYERS)
    assert all(not f.path().isEmpty() for f in plot.fills)
    scale, unit = plot.scale
    assert unit == "GiB" and plot.ram_line.value() * scale == snap.host.ram_mib
    # The top of the stack is the sum of all layers, in axis units.
    t, top = plot.used_top
    expected = sum(snap.series.layers[k] for k in LAYERS) / scale
    assert np.allclose(top[::2], expected)  # drawn as steps: every sample, held until the next
    assert np.allclose(t[::2], snap.series.time_s)
    for k, v in snap.series.layers.items():
        assert np.array_equal(v, before[k]), f"{k} was mutated"
    assert plot.legend.texts()[-1] == "Host kernel"


def test_an_oom_marker_per_kill(qtbot) -> None:  # noqa: ANN001
    plot = _plot(qtbot)
    plot.update_snapshot(S.both_running())
    assert plot.oom_markers == ()
    snap = S.crowd(200)
    plot.update_snapshot(snap)
    assert [m.value() for m in plot.oom_markers] == list(snap.oom_times_s)


def test_small_host_axis_in_mib_and_swap_band(qtbot) -> None:  # noqa: ANN001
    plot = _plot(qtbot)
    tiny = S.host(ram_mib=1024.0)
    plot.update_snapshot(S.make_snapshot(40.0, [("ubuntu-server", 1, 0.0, 0.0)], host_view=tiny))
    assert plot.scale == (1.0, "MiB")
    assert plot.ram_line.value() == 1024.0
    assert plot.swap_band.isVisible()
    plot.update_snapshot(S.classroom())
    assert not plot.swap_band.isVisible()


def test_memory_is_drawn_in_steps_not_slopes(qtbot) -> None:  # noqa: ANN001
    """A kill at 82.5 s after a sample at 35 s: the memory holds until 82.5 s, then drops."""
    plot = _plot(qtbot)
    snap = S.classroom()
    series = snap.series
    t = np.array([0.0, 35.0, 82.5])
    layers = {k: np.array([v[0], v[-1], v[0]]) for k, v in series.layers.items()}
    plot.update_snapshot(replace(snap, time_s=82.5, series=type(series)(t, layers)))
    x, top = plot.used_top
    used = sum(layers[k] for k in LAYERS) / plot.scale[0]
    at_35 = x == 35.0
    at_82 = x == 82.5
    assert at_82.sum() == 2  # a vertical edge at the kill
    assert np.allclose(top[at_82], [used[1], used[2]])  # held at the 35 s level until 82.5 s
    assert np.allclose(top[at_35], [used[0], used[1]])

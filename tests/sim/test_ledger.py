"""The memory ledger's invariant holds at every recorded instant, whatever the scenario.

layers + free == RAM + swap used, free never below zero, swap never above its size; and at the
end every resident MiB is accounted for by a guest or by the host (kernel, runtime, page cache).
Generated scenarios include small hosts (OOM kills), swap, reserve and KSM.
"""

from __future__ import annotations

import numpy as np
import pytest
from helpers import watched
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from sim.catalog import Catalog
from sim.host import Policy
from sim.scenario import GuestSpec, HostSpec, Scenario
from sim.session import Session
from sim.snapshot import LAYERS

CATALOG = Catalog.load()
REL_TOLERANCE = 1e-6  # float sums drift; the ledger itself treats 1e-6 MiB as zero

guest_specs = st.builds(
    GuestSpec,
    template=st.sampled_from(sorted(CATALOG.templates)),
    count=st.integers(1, 30),
    at_s=st.floats(0.0, 60.0, allow_nan=False),
    stagger_s=st.sampled_from([0.0, 0.1, 0.5, 2.0, 10.0]),
)
scenarios = st.builds(
    Scenario,
    seed=st.integers(0, 2**32),
    host=st.builds(
        HostSpec,
        preset=st.sampled_from(sorted(CATALOG.hosts)),
        overrides=st.fixed_dictionaries({"ram_gib": st.integers(1, 64)}),
    ),
    policy=st.builds(
        Policy,
        memory=st.sampled_from(["overcommit", "reserve"]),
        ksm=st.booleans(),
        swap=st.booleans(),
    ),
    guests=st.lists(guest_specs, min_size=1, max_size=6).map(tuple),
)


def check_every_sample(session: Session) -> None:
    series = session.recorder.series()
    ram_mib = session.snapshot().host.ram_mib
    swap_mib = session.snapshot().host.swap_mib
    resident = np.sum([series.layers[name] for name in LAYERS], axis=0)
    free, swap_used = series.layers["free"], series.layers["swap_used"]
    total = ram_mib + swap_used
    error = np.abs(resident + free - total) / total
    worst = int(np.argmax(error))
    assert error[worst] <= REL_TOLERANCE, (
        f"at {series.time_s[worst]:.3f} s: layers {resident[worst]} + free {free[worst]} "
        f"!= RAM {ram_mib} + swap used {swap_used[worst]}"
    )
    assert (free >= -1e-6).all(), f"free went negative: {free.min()}"
    assert (swap_used <= swap_mib + 1e-6).all(), f"swap used {swap_used.max()} > {swap_mib}"
    assert (series.layers["ksm_saved"] >= -1e-6).all()
    assert (np.diff(series.time_s) >= 0).all()


def check_owners(session: Session) -> None:
    """Every layer's total is what its guests hold plus what the host itself holds."""
    snap = session.snapshot()
    preset = session.host.preset
    held = dict.fromkeys(LAYERS, 0.0)
    held["host_kernel"] += preset.host_kernel_mib
    held["runtime"] += preset.runtime_mib if preset.runtime else 0.0
    held["page_cache"] += sum(session.host.page_cache.values())
    for guest in snap.guests:
        for layer, mib in guest.memory_mib.items():
            held[layer] += mib
        if guest.state in ("killed", "failed", "stopped", "crashed"):
            assert guest.resident_mib == 0, f"{guest.id} is {guest.state} but holds memory"
    for layer in LAYERS:
        assert abs(snap.memory_mib[layer] - held[layer]) <= 1e-6 * max(1.0, held[layer]), (
            f"{layer}: ledger {snap.memory_mib[layer]} != owners {held[layer]}"
        )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenario=scenarios, until_s=st.floats(0.0, 240.0))
def test_ledger_invariant_holds_at_every_sample(scenario: Scenario, until_s: float) -> None:
    preset = scenario.host.resolve(CATALOG)
    assume(preset.ram_gib * 1024 > preset.host_kernel_mib + preset.runtime_mib)
    session = watched(scenario)
    session.run_until(until_s)
    assert len(session.recorder) >= 1
    check_every_sample(session)
    check_owners(session)


def test_the_invariant_check_sees_an_oom_and_ksm_run() -> None:
    """A fixed scenario with both OOM kills and KSM merging, so the property is not vacuous."""
    scenario = Scenario(
        seed=1,
        host=HostSpec("classroom-server", {"ram_gib": 16}),
        policy=Policy(ksm=True),
        guests=(GuestSpec("windows-server", 6, 0.0, 5.0), GuestSpec("alpine", 30, 1.0, 0.1)),
    )
    session = watched(scenario)
    session.run_until(1500.0)  # long enough for ksmd's two passes over the surviving VMs
    snap = session.snapshot()
    assert snap.oom_times_s and snap.memory_mib["ksm_saved"] > 0
    check_every_sample(session)
    check_owners(session)


def test_a_host_too_small_for_its_own_kernel_is_refused() -> None:
    # big-server's kernel takes 1.2 GiB: the ledger must not start with that layer missing.
    scenario = Scenario(host=HostSpec("big-server", {"ram_gib": 1}))
    with pytest.raises(ValueError, match="kernel"):
        watched(scenario)

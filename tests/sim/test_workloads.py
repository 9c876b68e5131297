"""Workloads: calibrated overhead ratios per runtime, and contention that emerges."""

from __future__ import annotations

import pytest

from sim.guestconfig import GuestConfig
from sim.scenario import GuestSpec, Scenario
from sim.session import Session


def ready_session(*templates: str, configs: dict | None = None) -> Session:
    scenario = Scenario(guests=tuple(GuestSpec(t) for t in templates), configs=configs or {})
    session = Session.bundled(scenario)
    session.run_until(150)  # 30 VMs booting at once queue on the disk: a boot storm
    assert all(g.state == "running" for g in session.snapshot().guests)
    return session


def ratios(session: Session, workload: str, guest_ids: list[str]) -> dict[str, float]:
    for gid in guest_ids:  # one at a time, so no contention between them
        session.run_workload(workload, [gid])
        session.advance(session.catalog.workloads[workload].duration_s + 1)
    return {w.guest_id: w.ratio for w in session.workload_results if w.workload == workload}


# Headline ratios of Felter et al. 2014 (references.toml: felter2014), stable enough for ±10 %.
@pytest.mark.parametrize(
    "workload, template, expected",
    [
        ("cpu", "nginx", 1.0),  # Docker ≈ native
        ("random_io", "nginx", 1.0),
        ("random_io", "ubuntu-server", 0.55),  # KVM about half the IOPS
        ("net_latency", "ubuntu-server", 1.8),  # KVM +80 % round trip
        ("net_latency", "nginx", 2.0),  # Docker NAT doubles latency
        ("cpu", "firecracker", 0.95),
    ],
)
def test_calibrated_ratios(workload, template, expected):
    session = ready_session(template)
    (ratio,) = ratios(session, workload, [f"{template}-1"]).values()
    assert ratio == pytest.approx(expected, rel=0.10)


def test_host_networking_removes_the_nat_penalty():
    session = ready_session("nginx", "nginx", configs={"nginx-2": GuestConfig(network="host")})
    r = ratios(session, "net_latency", ["nginx-1", "nginx-2"])
    assert r["nginx-1"] == pytest.approx(2 * r["nginx-2"], rel=0.05)


def test_pinning_vcpus_brings_kvm_near_native():
    session = ready_session(
        "ubuntu-server",
        "ubuntu-server",
        configs={"ubuntu-server-2": GuestConfig(vcpu_pinning=True)},
    )
    r = ratios(session, "cpu", ["ubuntu-server-1", "ubuntu-server-2"])
    assert r["ubuntu-server-1"] == pytest.approx(0.83, rel=0.05)  # untuned −17 %
    assert r["ubuntu-server-2"] == pytest.approx(0.977, rel=0.05)  # tuned −2 %


@pytest.mark.parametrize("workload, template", [("random_io", "ubuntu-server"), ("cpu", "nginx")])
def test_contention_lowers_per_guest_throughput(workload, template):
    per_guest = []
    for n in (1, 10, 30):
        session = ready_session(*[template] * n)
        session.run_workload(workload, [g.id for g in session.snapshot().guests])
        session.advance(1000)
        results = [w.value for w in session.workload_results]
        assert len(results) == n
        per_guest.append(sum(results) / n)
    assert per_guest[0] >= per_guest[1] > per_guest[2]


def test_random_io_splits_the_disk_between_vms():
    session = ready_session(*["ubuntu-server"] * 10)
    session.run_workload("random_io", [g.id for g in session.snapshot().guests])
    session.advance(1000)
    alone = 84044 * 0.549
    assert all(w.value == pytest.approx(alone / 10, rel=0.01) for w in session.workload_results)


def test_cpu_hog_without_quota_slows_neighbours_and_quota_prevents_it():
    def neighbour_ratio(config: GuestConfig) -> float:
        session = ready_session(*["nginx"] * 2, configs={"nginx-1": config})
        session.inject("cpu_hog", "nginx-1", duration_s=100)
        session.run_workload("cpu", ["nginx-2"])
        session.advance(50)
        return next(w.ratio for w in session.workload_results if w.guest_id == "nginx-2")

    assert neighbour_ratio(GuestConfig()) < 0.6
    assert neighbour_ratio(GuestConfig(cpu_quota=2.0)) == pytest.approx(1.0, rel=0.02)


def test_run_json_reports_workloads(tmp_path):
    session = ready_session("redis")
    session.run_workload("kv", ["redis-1"])
    session.advance(20)
    (w,) = session.results()["workloads"]
    assert w["workload"] == "kv" and w["profile"] == "container-nat" and w["unit"] == "req/s"
    assert w["ratio"] == pytest.approx(0.785, rel=0.01) and "[felter2014:" in w["source"]

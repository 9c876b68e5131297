"""Faults and exploits: which guests each one reaches, in each configuration, and the ledger."""

from __future__ import annotations

import pytest
from helpers import watched

from sim.guestconfig import GuestConfig
from sim.scenario import GuestSpec, HostSpec, Scenario
from sim.session import Session
from sim.snapshot import LAYERS

# One host with two containers, a VM, a gVisor sandbox and a Kata pod.
GUESTS = ("nginx", "nginx", "ubuntu-server", "gvisor", "kata")
ALL = {"nginx-1", "nginx-2", "ubuntu-server-1", "gvisor-1", "kata-1"}


def session_with(
    config: GuestConfig | None = None, target: str = "nginx-1", **host: object
) -> Session:
    scenario = Scenario(
        guests=tuple(GuestSpec(t) for t in GUESTS), configs={target: config} if config else {}
    )
    if host:
        scenario = Scenario(
            guests=scenario.guests,
            configs=scenario.configs,
            host=HostSpec("classroom-server", host),
        )
    session = watched(scenario)
    session.run_until(60)
    return session


def affected(session: Session, effect: str) -> set[str]:
    snap = session.snapshot()
    if effect == "crashed":
        return {g.id for g in snap.guests if g.state == "crashed"}
    return {g.id for g in snap.guests if g.compromised}


@pytest.mark.parametrize(
    "target, expected, host_down",
    [
        ("nginx-1", ALL, True),  # a container's panic is the host's
        ("ubuntu-server-1", {"ubuntu-server-1"}, False),
        ("gvisor-1", {"gvisor-1"}, False),  # the Sentry is its own kernel
        ("kata-1", {"kata-1"}, False),
    ],
)
def test_kernel_panic(target, expected, host_down):
    session = session_with()
    incident = session.inject("panic", target)
    session.advance(5)
    assert affected(session, "crashed") == expected
    assert session.snapshot().host.down is host_down
    assert [s.time_s for s in incident.steps] == sorted(s.time_s for s in incident.steps)


def test_new_guests_fail_on_a_panicked_host():
    session = session_with()
    session.inject("panic", "nginx-1")
    session.advance(5)
    (gid,) = session.add_guests("alpine")
    session.advance(5)
    guest = {g.id: g for g in session.snapshot().guests}[gid]
    assert guest.state == "failed" and guest.reason == "host_down"


EXPLOITS = [
    # exploit, attacker, config of attacker, outcome, compromised
    ("cve-2019-5736", "nginx-1", None, "host_compromised", ALL),
    ("cve-2019-5736", "nginx-1", GuestConfig(userns=True), "blocked", set()),
    ("cve-2019-5736", "nginx-1", GuestConfig(selinux=True), "blocked", set()),
    ("cve-2019-5736", "gvisor-1", None, "not_reachable", set()),
    ("cve-2019-5736", "kata-1", None, "contained", {"kata-1"}),
    (
        "cve-2024-21626",
        "nginx-1",
        GuestConfig(seccomp=True, apparmor=True),
        "host_compromised",
        ALL,
    ),
    ("cve-2024-21626", "nginx-1", GuestConfig(userns=True), "blocked", set()),
    ("cve-2022-0492", "nginx-1", None, "blocked", set()),  # seccomp + AppArmor by default
    (
        "cve-2022-0492",
        "nginx-1",
        GuestConfig(seccomp=False, apparmor=False),
        "host_compromised",
        ALL,
    ),
    ("cve-2022-0492", "nginx-1", GuestConfig(privileged=True), "host_compromised", ALL),
    (
        "cve-2022-0492",
        "gvisor-1",
        GuestConfig(seccomp=False, apparmor=False),
        "not_reachable",
        set(),
    ),
    (
        "cve-2022-0492",
        "kata-1",
        GuestConfig(seccomp=False, apparmor=False),
        "contained",
        {"kata-1"},
    ),
    ("venom", "ubuntu-server-1", None, "host_compromised", ALL),
    ("venom", "nginx-1", None, "not_reachable", set()),
    ("venom", "kata-1", None, "not_reachable", set()),
]


@pytest.mark.parametrize("exploit, attacker, config, outcome, compromised", EXPLOITS)
def test_exploit_rules(exploit, attacker, config, outcome, compromised):
    session = session_with(config, target=attacker)
    incident = session.inject(exploit, attacker)
    session.advance(5)
    assert incident.outcome == outcome
    assert affected(session, "compromised") == compromised
    assert session.snapshot().host.compromised is (outcome == "host_compromised")


def test_venom_spares_firecracker_and_type1_hosts():
    session = session_with(hypervisor="type1")
    assert session.inject("venom", "ubuntu-server-1").outcome == "not_reachable"
    fc = watched(Scenario(guests=(GuestSpec("firecracker"),)))
    fc.run_until(5)
    assert fc.inject("venom", "firecracker-1").outcome == "not_reachable"


def test_leak_without_limit_ends_in_a_host_oom_kill_of_the_largest():
    session = watched(
        Scenario(
            guests=(GuestSpec("nginx"), GuestSpec("ubuntu-server")),
            host=HostSpec("classroom-server", {"ram_gib": 4}),
        )
    )
    session.run_until(60)
    session.inject("leak", "nginx-1", rate_mib_s=200)
    session.advance(60)
    kills = [e for e in session.snapshot().log if e.code == "oom_kill"]
    assert kills and kills[0].guest_id == "nginx-1"  # by then the leaker is the largest


@pytest.mark.parametrize(
    "fault, target, config",
    [
        ("leak", "nginx-1", None),
        ("leak", "ubuntu-server-1", None),
        ("leak", "nginx-1", GuestConfig(memory_limit_mib=100)),
        ("panic", "nginx-1", None),
        ("panic", "kata-1", None),
        ("fork_bomb", "nginx-1", None),
        ("venom", "ubuntu-server-1", None),
    ],
)
def test_the_ledger_balances_through_every_fault(fault, target, config):
    scenario = Scenario(
        guests=tuple(GuestSpec(t) for t in GUESTS),
        configs={target: config} if config else {},
        host=HostSpec("classroom-server", {"ram_gib": 3}),
    )
    session = watched(scenario)
    session.run_until(60)
    session.inject(fault, target, rate_mib_s=300)
    session.advance(60)
    series = session.recorder.series()
    used = sum(series.layers[name] for name in LAYERS)
    total = used + series.layers["free"]
    expected = series.layers["swap_used"] + session.host.ledger.ram_mib
    assert abs(total - expected).max() < 1e-6
    assert series.layers["free"].min() > -1e-6


def test_leak_under_a_memory_limit_kills_only_the_leaker():
    session = session_with(GuestConfig(memory_limit_mib=256))
    session.inject("leak", "nginx-1", rate_mib_s=50)
    session.advance(30)
    guests = {g.id: g for g in session.snapshot().guests}
    assert guests["nginx-1"].state == "killed" and guests["nginx-1"].reason == "cgroup_oom"
    assert all(g.state == "running" for gid, g in guests.items() if gid != "nginx-1")
    assert not session.snapshot().oom_times_s


def test_leak_in_a_vm_stays_in_the_vm():
    session = session_with()
    before = session.snapshot().memory_mib["free"]
    session.inject("leak", "ubuntu-server-1", rate_mib_s=200)
    session.advance(30)
    guests = {g.id: g for g in session.snapshot().guests}
    assert all(g.state == "running" for g in guests.values())
    assert any(e.code == "guest_oom" for e in session.snapshot().log)
    # Bounded by the VM's configured RAM: the host lost at most that much.
    assert before - session.snapshot().memory_mib["free"] <= 2048 + 1e-6


@pytest.mark.parametrize(
    "attacker, config, host_wide",
    [
        ("nginx-1", None, True),
        ("nginx-1", GuestConfig(pids_limit=500), False),
    ],
)
def test_fork_bomb(attacker, config, host_wide):
    session = session_with(config, target=attacker)
    session.inject("fork_bomb", attacker)
    session.advance(30)
    (gid,) = session.add_guests("alpine")
    session.advance(5)
    new = {g.id: g for g in session.snapshot().guests}[gid]
    assert (new.state == "failed" and new.reason == "pids") is host_wide


def test_fork_bomb_in_a_vm_is_contained():
    session = session_with()
    session.inject("fork_bomb", "ubuntu-server-1")
    session.advance(30)
    (gid,) = session.add_guests("alpine")
    session.advance(5)
    assert {g.id: g for g in session.snapshot().guests}[gid].state == "running"


def test_actions_in_a_scenario_run_at_their_time():
    from sim.scenario import parse_scenario

    session = watched(
        parse_scenario("""version = 1
[[guests]]
template = "nginx"
[[actions]]
at_s = 10
action = "exploit"
exploit = "cve-2019-5736"
targets = ["nginx-1"]
[[actions]]
at_s = 12
action = "workload"
workload = "cpu"
targets = ["nginx-1", "nginx-9"]
""")
    )
    session.run_until(30)
    results = session.results()
    assert results["incidents"][0]["time_s"] == 10 and results["host_compromised"]
    assert [w["guest"] for w in results["workloads"]] == ["nginx-1"]
    assert any(
        e["code"] == "action_skipped" for e in [{"code": e.code} for e in session.snapshot().log]
    )


def test_density_says_nothing_fits_on_a_panicked_host():
    session = session_with()
    session.inject("panic", "nginx-1")
    session.advance(5)
    rows = session.density()
    assert all(r.max == 0 and r.limit == "host_down" for r in rows)


@pytest.mark.parametrize("exploit", ["cve-2019-5736", "cve-2022-0492"])
def test_container_exploits_find_nothing_to_reach_in_a_plain_vm(exploit):
    session = session_with()
    assert session.inject(exploit, "ubuntu-server-1").outcome == "not_reachable"

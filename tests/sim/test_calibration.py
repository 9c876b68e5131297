"""The default catalog reproduces the published measurements it cites, within stated tolerances.

Each figure is the mean over SEEDS fresh single-guest sessions on the reference host
(classroom-server), so one unlucky jitter draw cannot decide a test. Tolerances: ±25 % on
latencies, because hardware differs between the sources (references.toml names each one).
"""

from __future__ import annotations

import statistics

import pytest
from helpers import guests_by_id, make_session, phase, run_until_settled

from sim.snapshot import LAYERS, LIMITS

SEEDS = range(20)
LATENCY_TOLERANCE = 0.25  # the sources' hardware differs: ±25 % on latency figures
# Memory figures are host deltas measured in MB (idlab) while the ledger counts MiB; the 5 %
# between the two units is well inside the ±25 % we allow.
MEMORY_TOLERANCE = 0.25
MB_IN_MIB = 1e6 / 2**20


def within(value: float, target: float, tolerance: float) -> bool:
    return abs(value - target) <= tolerance * target


def warm_start(template: str, seed: int):
    """Start one `template` guest on an idle host whose image cache a first container warmed."""
    session = make_session(seed=seed)
    if session.catalog.templates[template].image is not None:
        first = session.add_guests("alpine" if template in ("gvisor", "kata") else template)
        run_until_settled(session, first)
        session.advance(1.0)
    ids = session.add_guests(template)
    run_until_settled(session, ids)
    guest = guests_by_id(session)[ids[0]]
    assert guest.state == "running", guest.reason
    assert "pull" not in [p.name for p in guest.phases], "the image should have been cached"
    return guest


def mean_startup_s(template: str) -> float:
    return statistics.fmean(warm_start(template, seed).startup_s for seed in SEEDS)


@pytest.fixture(scope="module")
def runc_s() -> float:
    return mean_startup_s("alpine")


def test_warm_container_start_is_a_fraction_of_a_second(runc_s):
    # [idlab-bench:start-runc] 196 ms (containerd) to [moby-42096:parallel-run] 0.6 s (docker run).
    assert 0.2 <= runc_s <= 0.6


def span(guests: list, name: str) -> float:
    """Return the mean duration of phase `name` over `guests`."""
    return statistics.fmean(phase(g, name).end_s - phase(g, name).start_s for g in guests)


def test_ubuntu_cloud_vm_reaches_ssh_in_about_35_s():
    guests = [warm_start("ubuntu-server", seed) for seed in SEEDS]
    # [cloud-init-4687:noble-boot] Ubuntu 24.04 on QEMU: SSH at 34.75 s, kernel 3.90 s,
    # userspace 20.73 s of which cloud-init.service 3.33 s (its own phase here).
    ssh = statistics.fmean(g.startup_s for g in guests)
    userspace = span(guests, "userspace") + span(guests, "cloud_init")
    assert within(ssh, 34.75, LATENCY_TOLERANCE), ssh
    assert within(span(guests, "kernel"), 3.90, LATENCY_TOLERANCE)
    assert within(userspace, 20.73, LATENCY_TOLERANCE), userspace
    assert within(span(guests, "cloud_init"), 3.33, LATENCY_TOLERANCE)


def test_a_plain_systemd_vm_boots_in_seconds_and_most_of_it_is_the_guest():
    guests = [warm_start("debian-vm", seed) for seed in SEEDS]
    # [mkosi-550:qemu-boot] a systemd QEMU guest without cloud-init: kernel 0.655 s + initrd
    # 1.662 s, userspace 1.686 s; SeaBIOS [berrange2011:seabios-post] instead of UEFI.
    assert "cloud_init" not in [p.name for p in guests[0].phases]
    assert within(span(guests, "kernel"), 0.655 + 1.662, LATENCY_TOLERANCE)
    assert within(span(guests, "userspace"), 1.686, LATENCY_TOLERANCE)
    ready = statistics.fmean(g.startup_s for g in guests)
    assert 3.0 <= ready <= 7.0, ready
    # Virtualization (the VMM and the firmware) is under a tenth of the boot.
    virt = span(guests, "vmm") + span(guests, "firmware")
    assert virt < 0.1 * ready, (virt, ready)


def test_firecracker_boots_within_its_specification():
    guests = [warm_start("firecracker", seed) for seed in SEEDS]
    kernel = [phase(g, "kernel").end_s - phase(g, "kernel").start_s for g in guests]
    # [firecracker-spec:boot] InstanceStart to /sbin/init ≤ 125 ms; [agache2020:boot] 110.8 ms.
    assert statistics.fmean(kernel) <= 0.125
    assert within(statistics.fmean(kernel), 0.1108, LATENCY_TOLERANCE)
    # The whole start: the set-up before InstanceStart (0.12 core-s, see the next test), then
    # the boot.
    total = statistics.fmean(g.startup_s for g in guests)
    assert within(total, 0.12 + 0.004 + 0.1108, LATENCY_TOLERANCE), total


def test_firecracker_launches_about_5_microvms_per_core_per_second():
    # [firecracker-design:mutation-rate] 5 per host core per second (180/s on 36 cores).
    session = make_session(preset="big-server", overrides={"vcpu_per_core": 16})
    count = 600
    ids = session.add_guests("firecracker", count=count)
    run_until_settled(session, ids)
    guests = guests_by_id(session)
    assert all(guests[g].state == "running" for g in ids)
    rate = count / max(guests[g].ready_s for g in ids)
    cores = session.catalog.hosts["big-server"].cores
    assert within(rate, 5 * cores, 0.15), rate


def host_delta_per_guest_mib(template: str, count: int, seed: int = 1) -> float:
    """Measure as idlab did: (used after starting `count` guests − used before) / count."""
    session = make_session(seed=seed)
    before = sum(session.snapshot().memory_mib[layer] for layer in LAYERS)
    ids = session.add_guests(template, count)
    run_until_settled(session, ids)
    assert all(guests_by_id(session)[i].state == "running" for i in ids)
    after = sum(session.snapshot().memory_mib[layer] for layer in LAYERS)
    return (after - before) / count


def test_a_container_costs_about_5_mb_of_host_memory():
    # [idlab-bench:memory-runc] 5.3 MB per sleeping alpine, 50 started,
    # shim, cgroup, process and its share of the image's page cache included.
    per_container = host_delta_per_guest_mib("alpine", 50)
    assert within(per_container, 5.3 * MB_IN_MIB, MEMORY_TOLERANCE), per_container


def test_sandboxed_containers_cost_what_idlab_measured():
    # [idlab-bench:memory-gvisor] (systrap): 22 MB; [idlab-bench:memory-kata-hypervisors]
    # (Kata 2 + QEMU, the default hypervisor): 157 MB. Same method as idlab, fewer guests.
    assert within(host_delta_per_guest_mib("gvisor", 20), 22 * MB_IN_MIB, MEMORY_TOLERANCE)
    assert within(host_delta_per_guest_mib("kata", 10), 157 * MB_IN_MIB, MEMORY_TOLERANCE)


@pytest.mark.parametrize("template", ["alpine-vm", "ubuntu-server", "windows-server"])
def test_qemu_costs_about_30_mib_per_vm(template):
    # [ch-1729:footprint] QEMU process overhead (excluding guest RAM): about 30 MiB resident;
    # beside it each vCPU's 8 MiB and page tables of RAM / 512 [kubevirt-overhead:formula].
    session = make_session()
    ids = session.add_guests(template)
    run_until_settled(session, ids)
    vm = guests_by_id(session)[ids[0]]
    tpl = session.catalog.templates[template]
    process = vm.memory_mib["vmm"] - 8 * tpl.vcpus - tpl.memory_mib / 512
    assert within(process, 30, MEMORY_TOLERANCE)
    assert session.snapshot().memory_mib["vmm"] == pytest.approx(vm.memory_mib["vmm"])


def test_firecracker_vmm_overhead_is_within_its_specification():
    # [firecracker-spec:memory] ≤ 5 MiB per microVM; [agache2020:vmm-memory] 2.5 MiB measured.
    session = make_session()
    ids = session.add_guests("firecracker")
    run_until_settled(session, ids)
    assert 0 < guests_by_id(session)[ids[0]].memory_mib["vmm"] <= 5


def test_gvisor_adds_the_sentry_start_to_a_runc_start(runc_s):
    # [idlab-bench:start-gvisor] 572 ms vs runc 196 ms on the same containerd harness
    # (ratio 2.9). The Sentry adds a fixed 376 ms rather than multiplying the start, so on our
    # docker-run path (runc_s, a slower base than idlab's) the ratio is (runc_s + 0.376) / runc_s,
    # i.e. we check the difference: 376 ms ± 25 %.
    gvisor_s = mean_startup_s("gvisor")
    assert within(gvisor_s - runc_s, 0.572 - 0.196, LATENCY_TOLERANCE), gvisor_s - runc_s
    assert within(gvisor_s / runc_s, (runc_s + 0.376) / runc_s, LATENCY_TOLERANCE)


def test_kata_is_slower_than_gvisor_which_is_slower_than_runc(runc_s):
    # [idlab-bench:start-kata-hypervisors] Kata 2 + QEMU (the default hypervisor) 1068 ms vs
    # runc 196 ms: the lightweight VM adds 872 ms to a runc start, checked like gVisor's.
    kata_s = mean_startup_s("kata")
    gvisor_s = mean_startup_s("gvisor")
    assert runc_s < gvisor_s < kata_s
    assert within(kata_s - runc_s, 1.068 - 0.196, LATENCY_TOLERANCE), kata_s - runc_s


def test_classroom_server_holds_a_thousand_containers_but_tens_of_vms():
    # The seed claim (thousands of containers vs tens of VMs); [moby-bridge:ports] about 1023
    # containers per Linux bridge.
    rows = {r.template: r for r in make_session().density()}
    alpine, ubuntu = rows["alpine"], rows["ubuntu-server"]
    assert alpine.max >= 1000 and alpine.limit == "bridge_ports"
    assert 10 <= ubuntu.max <= 99 and ubuntu.limit in LIMITS
    assert ubuntu.limits[ubuntu.limit] == ubuntu.max
    assert all(ubuntu.limits[name] >= ubuntu.max for name in LIMITS)

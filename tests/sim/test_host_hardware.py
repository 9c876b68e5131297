"""Each host preset has its own disk, memory bandwidth and CPU speed, and guests feel them.

A VM boot storm and a deep-queue random-read run on the teacher's laptop (SATA SSD, slower
cores, a hosted hypervisor) and on the big server (NVMe, [agache2020:block-io] 301 k IOPS) must
give different numbers; a scenario can override each figure.
"""

from __future__ import annotations

import statistics

from helpers import guests_by_id, make_session, run_until_settled

SEEDS = range(5)


def boot_storm_s(preset: str, seed: int, overrides: dict | None = None) -> float:
    """Return the mean start-up of four Ubuntu VMs started together on an idle `preset` host."""
    session = make_session(seed=seed, preset=preset, overrides=overrides)
    ids = session.add_guests("ubuntu-server", count=4)
    run_until_settled(session, ids)
    guests = guests_by_id(session)
    assert all(guests[g].state == "running" for g in ids)
    return statistics.fmean(guests[g].startup_s for g in ids)


def random_io(preset: str, overrides: dict | None = None) -> float:
    """Return the random-read IOPS of one container alone on `preset`."""
    session = make_session(seed=1, preset=preset, overrides=overrides)
    ids = session.add_guests("alpine")
    run_until_settled(session, ids)
    session.run_workload("random_io", ids)
    session.advance(30.0)
    (result,) = session.snapshot().workloads
    return result.value


def test_the_presets_differ_in_disk_memory_and_cpu():
    hosts = make_session().catalog.hosts
    laptop, big = hosts["laptop"], hosts["big-server"]
    assert (laptop.disk_kind, big.disk_kind) == ("sata-ssd", "nvme")
    assert laptop.disk_iops < big.disk_iops
    assert laptop.membw_gib_s < big.membw_gib_s
    assert laptop.cpu_speed < big.cpu_speed


def test_a_vm_boot_storm_is_slower_on_the_laptop_than_on_the_big_server():
    laptop = statistics.fmean(boot_storm_s("laptop", s) for s in SEEDS)
    big = statistics.fmean(boot_storm_s("big-server", s) for s in SEEDS)
    assert laptop > 1.05 * big, (laptop, big)


def test_random_io_follows_the_hosts_disk():
    laptop, big = random_io("laptop"), random_io("big-server")
    assert laptop < big
    # Alone, a deep-queue run gets what the disk serves ([felter2014:fio-random]: runc ≈ native).
    assert abs(big - 301_000) <= 0.05 * 301_000, big
    assert abs(laptop - 75_000) <= 0.05 * 75_000, laptop


def test_a_scenario_overrides_the_hardware():
    assert abs(random_io("laptop", {"disk_iops": 301_000}) - random_io("big-server")) < 0.05 * 301e3
    slow = statistics.fmean(boot_storm_s("big-server", s, {"cpu_speed": 0.5}) for s in SEEDS)
    fast = statistics.fmean(boot_storm_s("big-server", s) for s in SEEDS)
    assert slow > 1.05 * fast, (slow, fast)


def test_a_hosted_hypervisor_costs_a_vm_cpu_but_not_a_container():
    kvm = make_session(preset="laptop", overrides={"hypervisor": "kvm"}).hosts["main"]
    hosted = make_session(preset="laptop").hosts["main"]
    vm = make_session(preset="laptop")
    vid = vm.add_guests("ubuntu-server")[0]
    cid = vm.add_guests("alpine")[0]
    guest, container = vm.hosts["main"].guests[vid], vm.hosts["main"].guests[cid]
    overhead = vm.catalog.model["type2_vm_cpu_overhead"]
    assert hosted.cpu_work(guest, 1.0) == kvm.cpu_work(guest, 1.0) * overhead
    assert hosted.cpu_work(container, 1.0) == kvm.cpu_work(container, 1.0)

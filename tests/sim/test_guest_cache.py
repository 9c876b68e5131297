"""A VM's own page cache: it grows with what the guest reads, stays inside the guest's RAM, and
is what KSM can take back across guests of one image."""

from __future__ import annotations

import pytest

from sim import ksm
from sim.catalog import Catalog
from sim.footprint import UNCACHED_PHASES, cached_read_mib, resident_layers
from tests.sim.helpers import make_session, run_until_settled

CATALOG = Catalog.load()
VM_LIKE = [t.id for t in CATALOG.templates.values() if t.memory_mib > 0]


def booted(tid: str, count: int = 1, **policy: object):
    session = make_session(**policy)
    ids = session.add_guests(tid, count)
    run_until_settled(session, ids)
    return session, [session.host.guests[g] for g in ids]


def test_the_cache_is_what_the_guest_kernel_and_services_read():
    tpl = CATALOG.templates["ubuntu-server"]
    read = sum(p.io_mib for p in tpl.phases if p.name not in UNCACHED_PHASES)
    assert read > 0
    _, (vm,) = booted("ubuntu-server")
    assert vm.memory["guest_cache"] == pytest.approx(read)


def test_a_guest_that_reads_more_caches_more():
    reads = {
        t: sum(cached_read_mib(CATALOG.templates[t], p) for p in CATALOG.templates[t].phases)
        for t in ("alpine-vm", "debian-vm", "ubuntu-server")
    }
    caches = {t: booted(t)[1][0].memory.get("guest_cache", 0.0) for t in reads}
    assert sorted(reads, key=reads.get) == sorted(caches, key=caches.get)


def test_containers_have_no_guest_cache():
    assert all(
        cached_read_mib(t, p) == 0.0
        for t in CATALOG.templates.values()
        if t.memory_mib <= 0
        for p in t.phases
    )


@pytest.mark.parametrize("tid", VM_LIKE)
def test_a_running_vm_holds_what_its_footprint_says(tid):
    _, (vm,) = booted(tid)
    expected = resident_layers(CATALOG.templates[tid], reserve=False)
    assert vm.resident_mib == pytest.approx(sum(expected.values()))
    assert vm.memory.get("guest_cache", 0.0) == pytest.approx(expected.get("guest_cache", 0.0))


def test_the_cache_stays_inside_the_guest_ram():
    _, (vm,) = booted("windows-server")  # zeroes all its RAM at boot: the cache reuses it
    tpl = vm.template
    assert vm.memory["guest_cache"] > 0
    assert vm.inside_mib() == pytest.approx(tpl.memory_mib)


def test_ksm_takes_back_the_identical_part_of_the_caches():
    session, vms = booted("ubuntu-server", 2, ksm=True)
    while ksm.outstanding_mib(session.host) > 1.0:
        session.advance(60.0)
    share = CATALOG.model["ksm_identical_guest_cache"]
    cache = sum(v.memory["guest_cache"] + v.merged.get("guest_cache", 0.0) for v in vms)
    merged = sum(v.merged.get("guest_cache", 0.0) for v in vms)
    assert merged == pytest.approx(share * cache / 2)  # two copies of the identical part -> one

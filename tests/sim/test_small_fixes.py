"""Small wrong things of issue 10 (item 7), each checked against what its source says."""

from __future__ import annotations

from sim.guestconfig import GuestConfig
from sim.scenario import GuestSpec, HostSpec, Scenario
from sim.session import Session


def run_three(network: str) -> dict[str, str]:
    """Return the state of three nginx containers on a host whose bridge has two ports."""
    ids = ("nginx-1", "nginx-2", "nginx-3")
    scenario = Scenario(
        host=HostSpec("classroom-server", {"bridge_ports": 2}),
        guests=(GuestSpec("nginx", count=3),),
        configs={gid: GuestConfig(network=network) for gid in ids},
    )
    session = Session.bundled(scenario)
    session.run_until(30)
    return {g.id: g.state for g in session.snapshot().guests}


def test_a_bridged_container_fills_the_bridge():
    states = run_three("nat")
    assert sorted(states.values()) == ["failed", "running", "running"], states


def test_a_container_on_host_networking_takes_no_bridge_port():
    # --network host shares the host's namespace: no veth pair, so nothing on docker0.
    assert set(run_three("host").values()) == {"running"}


def test_download_slots_admit_concurrent_downloads_at_a_time():
    # [docker-dockerd:concurrent-downloads] max-concurrent-downloads defaults to 3.
    from sim.engine import Engine
    from sim.host import Slots

    slots = Slots(Engine(), 3)
    grants = [slots.acquire() for _ in range(5)]
    assert [g.triggered for g in grants] == [True, True, True, False, False]
    slots.release()
    assert [g.triggered for g in grants] == [True, True, True, True, False]


def test_layers_are_extracted_one_after_another_bottom_first():
    # [docker-dockerd:concurrent-downloads]: downloads in parallel, then extracts them in order.
    session = Session.bundled(Scenario(guests=(GuestSpec("nginx"),)))
    host = session.hosts["main"]
    assert host.download_slots.free == session.catalog.model["concurrent_downloads"]
    order: list[tuple[str, float]] = []
    arrive = host.images.arrive
    host.images.arrive = lambda layer: (order.append((layer.id, host.engine.now)), arrive(layer))
    session.run_until(30)
    assert [lid for lid, _ in order] == ["debian-12-slim", "nginx-1"]
    assert host.download_slots.free == 3  # every slot handed back

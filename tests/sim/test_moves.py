"""Moving guests between hosts of every kind: bytes, steps, warnings and whether they run."""

from __future__ import annotations

import pytest
from helpers import watched

from sim.scenario import DEFAULT_SCENARIO, GuestSpec, HostSpec, LinkSpec, Scenario
from sim.session import Session

SCENARIOS = DEFAULT_SCENARIO.parent

# Host kinds a class meets: the lab's KVM server, an ARM board, a Windows PC with Hyper-V,
# a Linux laptop with VirtualBox, a VMware ESXi box.
KINDS = {
    "kvm-x86": HostSpec("classroom-server", {}, "kvm-x86"),
    "kvm-arm": HostSpec("laptop", {"arch": "arm64", "hypervisor": "kvm"}, "kvm-arm"),
    "hyperv-win": HostSpec("laptop", {"os": "windows", "hypervisor": "type1"}, "hyperv-win"),
    "vbox-linux": HostSpec("laptop", {"hypervisor": "type2"}, "vbox-linux"),
    "esxi": HostSpec("classroom-server", {"hypervisor": "type1"}, "esxi"),
}


def moved(template: str, source: str, target: str, until_s: float = 4000):
    hosts = (KINDS[source], KINDS[target])
    session = watched(Scenario(host=hosts[0], more_hosts=hosts[1:], guests=(GuestSpec(template),)))
    session.run_until(60)
    gid = f"{template}-1"
    assert session.guest(gid).state == "running"
    record = session.move_guest(gid, target)
    session.run_until(until_s)
    return session, record.view()


@pytest.mark.parametrize(
    "template, source, target, verdict, steps, warnings",
    [
        ("nginx", "kvm-x86", "kvm-arm", "running", ["transfer"], []),
        ("python-web", "kvm-x86", "kvm-arm", "exec_format", ["transfer"], []),
        ("nginx", "kvm-x86", "hyperv-win", "running", ["transfer"], ["utility_vm"]),
        ("ubuntu-server", "kvm-x86", "kvm-arm", "running", ["transfer"], ["emulated"]),
        ("ubuntu-server", "kvm-x86", "esxi", "running", ["transfer", "convert"], []),
        ("ubuntu-server", "kvm-x86", "vbox-linux", "running", ["transfer", "convert"], []),
        (
            "windows-server",
            "esxi",
            "kvm-x86",
            "running",
            ["transfer", "convert"],
            ["virtio_drivers"],
        ),
        ("windows-server", "kvm-x86", "hyperv-win", "running", ["transfer", "convert"], []),
        ("ubuntu-server", "esxi", "hyperv-win", "running", ["transfer", "convert"], []),
    ],
)
def test_moves_between_host_kinds(template, source, target, verdict, steps, warnings):
    session, move = moved(template, source, target)
    assert move.verdict == verdict
    assert [s.name for s in move.steps] == steps
    assert list(move.warnings) == warnings
    assert move.done_mib == pytest.approx(move.total_mib)
    assert session.host_of(f"{template}-1").id == target
    assert session.snapshot(target).guests[0].id == f"{template}-1"
    assert not session.snapshot(source).guests


def test_a_vm_moves_ten_times_the_bytes_of_the_container_of_the_same_app():
    _, container = moved("nginx", "kvm-x86", "esxi")
    _, vm = moved("nginx-in-vm", "kvm-x86", "esxi")
    assert vm.total_mib >= 10 * container.total_mib
    assert vm.end_s - vm.start_s > container.end_s - container.start_s


def test_a_second_container_of_the_image_ships_no_layers():
    session = watched(
        Scenario(
            host=KINDS["kvm-x86"], more_hosts=(KINDS["esxi"],), guests=(GuestSpec("nginx", 2),)
        )
    )
    session.run_until(30)
    first = session.move_guest("nginx-1", "esxi")
    session.run_until(60)
    second = session.move_guest("nginx-2", "esxi")
    session.run_until(90)
    assert first.view().total_mib > 50 and second.view().total_mib == 0
    assert second.view().verdict == "running"


def test_emulation_makes_a_vm_boot_many_times_slower():
    session, move = moved("ubuntu-server", "kvm-x86", "kvm-arm")
    native = session.catalog.templates["ubuntu-server"].expected_startup_s()
    boot = move.end_s - move.steps[-1].end_s
    assert boot > 5 * native


def test_a_windows_guest_runs_on_a_linux_host_only_as_a_vm():
    session = watched(Scenario(guests=(GuestSpec("iis"), GuestSpec("windows-server"))))
    session.run_until(120)
    guests = {g.id: g for g in session.snapshot().guests}
    assert guests["iis-1"].state == "failed" and guests["iis-1"].reason == "image_os"
    assert guests["windows-server-1"].state == "running"
    iis = {r.template: r for r in session.density()}["iis"]
    assert iis.max == 0 and iis.limit == "platform"


def test_a_windows_host_runs_windows_containers_natively_and_linux_ones_in_a_vm():
    session = watched(
        Scenario(host=KINDS["hyperv-win"], guests=(GuestSpec("iis"), GuestSpec("nginx")))
    )
    session.run_until(400)  # 1.6 GB of Server Core over the laptop's 100 Mbit/s
    snap = session.snapshot()
    assert {g.id: g.state for g in snap.guests} == {"iis-1": "running", "nginx-1": "running"}
    assert snap.host.utility_vm and snap.memory_mib["vmm"] > 0


def test_moves_in_a_scenario_file_and_the_ledger_of_both_hosts():
    from sim.scenario import parse_scenario

    session = watched(
        parse_scenario("""version = 1
[[hosts]]
id = "a"
[[hosts]]
id = "b"
preset = "laptop"
[[links]]
a = "a"
b = "b"
mib_s = 50
[[guests]]
template = "redis"
[[actions]]
at_s = 10
action = "move"
targets = ["redis-1"]
to = "b"
""")
    )
    session.run_until(60)
    (move,) = session.results()["moves"]
    assert move["target"] == "b" and move["verdict"] == "running"
    for hid in ("a", "b"):
        ledger = session.hosts[hid].ledger
        assert abs(ledger.imbalance()) < 1e-6
    assert session.hosts["a"].ledger.layers["app"] == 0


def test_the_portability_lesson_shows_its_contrast():
    session = Session.from_file(SCENARIOS / "06-portability.toml")
    session.run_until(3000)
    moves = {m.guest_id: m for m in session.snapshot().moves}
    assert moves["nginx-1"].verdict == "running"
    assert moves["python-web-1"].verdict == "exec_format"
    assert moves["nginx-in-vm-1"].total_mib >= 10 * moves["nginx-1"].total_mib
    assert [s.name for s in moves["nginx-in-vm-1"].steps] == ["transfer", "convert"]
    assert moves["windows-server-1"].warnings == ("emulated",)
    assert session.scenario.lesson.contrast == "6" and session.scenario.lesson.notes_zh


def test_while_moving_the_guest_is_moving_and_progress_counts_the_link_only():
    session = watched(
        Scenario(
            host=KINDS["kvm-x86"], more_hosts=(KINDS["esxi"],), guests=(GuestSpec("ubuntu-server"),)
        )
    )
    session.run_until(60)
    record = session.move_guest("ubuntu-server-1", "esxi")
    session.advance(10)
    mid = record.view()
    assert mid.step == "transfer" and 0 < mid.done_mib < mid.total_mib
    assert session.snapshot("kvm-x86").guests[0].state == "moving"
    session.run_until(400)
    done = record.view()
    assert done.step == "" and done.done_mib == pytest.approx(done.total_mib)
    guest = session.snapshot("esxi").guests[0]
    # The timeline on the target starts with the move, not with the old host's boot.
    assert [p.name for p in guest.phases][:2] == ["transfer", "convert"]
    assert guest.phases[0].start_s == pytest.approx(60.0)


def test_what_the_class_did_by_hand_is_saved_and_replays_the_same():
    from sim.scenario import dumps_scenario, parse_scenario

    session = watched(
        Scenario(
            host=KINDS["kvm-x86"], more_hosts=(KINDS["esxi"],), guests=(GuestSpec("nginx", 2),)
        )
    )
    session.run_until(5)
    session.add_guests("redis")
    session.run_until(10)
    session.move_guest("nginx-1", "esxi")
    session.run_workload("cpu", ["nginx-2"])
    session.inject("leak", "redis-1", rate_mib_s=5)
    session.run_until(30)
    saved = parse_scenario(dumps_scenario(session.current_scenario()))
    assert [a.action for a in saved.actions] == ["move", "workload", "leak"]
    replay = watched(saved)
    replay.run_until(30)
    assert json_of(replay) == json_of(session)


def json_of(session: Session) -> str:
    import json

    results = session.results()
    results.pop("events")  # the replay schedules its actions as events of their own
    return json.dumps(results, sort_keys=True)


@pytest.mark.parametrize(
    "source_over, target_over, link_mib_s, expect_mib_s",
    [
        ({}, {}, 119.0, 119.0),  # a 1 Gbit/s link is slower than both NVMe disks
        ({}, {"disk_write_mib_s": 40}, 10_000.0, 40.0),  # the target's disk writes slowly
        ({"disk_read_mib_s": 25}, {}, 10_000.0, 25.0),  # the source's disk reads slowly
    ],
)
def test_a_vm_disk_moves_no_faster_than_link_source_read_and_target_write(
    source_over, target_over, link_mib_s, expect_mib_s
):
    hosts = (
        HostSpec("classroom-server", source_over, "a"),
        HostSpec("classroom-server", target_over, "b"),
    )
    scenario = Scenario(
        host=hosts[0],
        more_hosts=hosts[1:],
        links=(LinkSpec("a", "b", link_mib_s),),
        guests=(GuestSpec("debian-vm"),),
    )
    session = watched(scenario)
    session.run_until(60)
    record = session.move_guest("debian-vm-1", "b")
    session.run_until(60.5)
    view = record.view()
    assert 0 < view.done_mib < view.total_mib  # progress follows the slowest of the three
    session.run_until(4000)
    (transfer,) = [s for s in record.view().steps if s.name == "transfer"]
    took = transfer.end_s - transfer.start_s
    assert took == pytest.approx(view.total_mib / expect_mib_s, rel=0.02)
    assert session.guest("debian-vm-1").state == "running"

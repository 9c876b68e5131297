"""The vCPU policy: a host's admission ratio (or no cap), read, written, and what it changes."""

from __future__ import annotations

import math
import statistics
from dataclasses import replace

import pytest
from helpers import guests_by_id, make_session, run_until_settled

from sim import vcpu_policy
from sim.assets import asset_path
from sim.catalog import Catalog
from sim.scenario import ScenarioError, dumps_scenario, load_scenario, parse_scenario
from sim.session import Session


def host_toml(value: str) -> str:
    return f'version = 1\n[host]\npreset = "laptop"\nvcpu_per_core = {value}\n'


def row(session: Session, template: str):
    return next(r for r in session.density() if r.template == template)


@pytest.mark.parametrize(
    "value, ratio", [("4", 4.0), ("2.5", 2.5), ("10", 10.0), ('"none"', math.inf)]
)
def test_a_scenario_sets_the_policy_and_a_save_reads_back_the_same(value, ratio):
    scenario = parse_scenario(host_toml(value), "lesson.toml")
    assert scenario.host.resolve(Catalog.load()).vcpu_per_core == ratio
    again = parse_scenario(dumps_scenario(scenario), "saved.toml")
    assert again == scenario
    assert again.host.resolve(Catalog.load()).vcpu_per_core == ratio


@pytest.mark.parametrize("value", ["0", "65", "-4", '"lots"', '"4:1"', "true", "inf", "nan", "[4]"])
def test_a_bad_policy_is_one_line_naming_the_file_and_the_field(value):
    with pytest.raises(ScenarioError) as err:
        parse_scenario(host_toml(value), "lesson.toml")
    message = str(err.value)
    assert "\n" not in message
    assert message.startswith("lesson.toml: host.vcpu_per_core: expected vCPUs per core")
    assert '"none"' in message


def test_the_command_line_spelling_is_read_and_checked():
    assert vcpu_policy.parse_text("10:1") == vcpu_policy.parse_text("10") == 10.0
    assert math.isinf(vcpu_policy.parse_text("none"))
    for bad in ("0", "1:2", "many", "100:1"):
        with pytest.raises(ValueError):
            vcpu_policy.parse_text(bad)


def test_every_preset_cites_its_policy():
    for host in Catalog.load().hosts.values():
        source = host.sources["vcpu_per_core"]
        assert source.startswith("[") or source.startswith("assumption:"), host.id


@pytest.mark.parametrize("ratio", [1.0, 4.0, 10.0])
def test_density_under_a_cap_is_cores_times_the_ratio_over_the_vcpus(ratio):
    session = make_session(overrides={"vcpu_per_core": ratio, "ram_gib": 4096})
    cores = session.host.preset.cores
    for template in ("ubuntu-server", "alpine-vm", "firecracker"):
        r = row(session, template)
        vcpus = session.catalog.templates[template].vcpus
        assert r.limits["cpu"] == math.floor(cores * ratio / vcpus), template
        assert r.limit == "cpu", r.limits


def test_under_no_cap_vcpus_never_refuse_a_vm_and_memory_binds():
    session = make_session(preset="laptop", overrides={"vcpu_per_core": math.inf})
    r = row(session, "ubuntu-server")
    assert math.isinf(r.limits["cpu"]) and r.limit == "memory"
    # 20 VMs × 2 vCPUs on 8 cores (with RAM enough for all 20, each holding its page cache):
    # all start; under 4:1 the 17th is refused for its vCPUs.
    session = make_session(preset="laptop", overrides={"vcpu_per_core": math.inf, "ram_gib": 64})
    ids = session.add_guests("ubuntu-server", 20)
    run_until_settled(session, ids)
    assert all(g.state == "running" for g in guests_by_id(session).values())
    capped = make_session(preset="laptop", overrides={"vcpu_per_core": 4.0, "ram_gib": 64})
    ids = capped.add_guests("ubuntu-server", 20)
    run_until_settled(capped, ids)
    failed = [g for g in guests_by_id(capped).values() if g.state == "failed"]
    assert [(g.id, g.reason) for g in failed] == [
        (f"ubuntu-server-{i}", "cpu") for i in (17, 18, 19, 20)
    ]


def test_under_no_cap_busy_vcpus_beyond_the_cores_slow_boots_and_workloads():
    def run(count: int) -> tuple[float, float]:
        # RAM enough for every VM: only the cores are short.
        session = make_session(
            preset="laptop", overrides={"vcpu_per_core": math.inf, "ram_gib": 64}
        )
        ids = session.add_guests("ubuntu-server", count)
        run_until_settled(session, ids)
        guests = guests_by_id(session)
        startup = statistics.median(guests[i].ready_s - guests[i].created_s for i in ids)
        session.run_workload("cpu", ids)
        session.advance(600)
        return startup, statistics.mean(w.ratio for w in session.snapshot().workloads)

    few_startup, few_cpu = run(4)  # 8 vCPUs on 8 cores: no one waits for a core
    many_startup, many_cpu = run(24)  # 48 vCPUs on 8 cores
    assert many_startup > 1.5 * few_startup
    # One Linpack thread per VM: 24 of them share 8 cores, each gets a third of one.
    assert many_cpu == pytest.approx(few_cpu * 8 / 24, rel=0.01)


@pytest.mark.parametrize("preset", ["laptop", "classroom-server", "big-server"])
def test_each_preset_fits_fewer_ubuntu_vms_when_memory_is_reserved(preset):
    over = row(make_session(preset=preset), "ubuntu-server")
    reserve = row(make_session(preset=preset, memory="reserve"), "ubuntu-server")
    # Reserve binds by memory, and overcommit fits clearly more (not 32 against 31).
    assert reserve.limit == "memory"
    assert over.max >= 1.2 * reserve.max, (over.max, reserve.max)


def test_the_memory_lesson_fits_different_numbers_of_vms_under_reserve_and_overcommit():
    lesson = load_scenario(asset_path("scenarios", "03-memory.toml"))
    counts = {}
    for memory in ("overcommit", "reserve"):
        session = Session.bundled(replace(lesson, policy=replace(lesson.policy, memory=memory)))
        session.run_until(lesson.lesson.end_s if lesson.lesson else 46.0)
        counts[memory] = row(session, "ubuntu-server").max
    # Question 2 of the lesson: switching to reserve must change the count, not by one or two.
    assert counts["reserve"] <= counts["overcommit"] / 2, counts

"""One vocabulary: every id the model uses is named in sim.vocabulary, with one English sentence
per event and limit code, and the kinds table and the fault registry have one row per id."""

from __future__ import annotations

import pytest
from helpers import watched

from sim import faults, kinds, scenario, snapshot, vocabulary
from sim.catalog import Catalog
from sim.scenario import DEFAULT_SCENARIO, load_scenario

CATALOG = Catalog.load()
LESSONS = sorted(DEFAULT_SCENARIO.parent.glob("*.toml"))


def test_snapshot_re_exports_the_vocabulary_tuples() -> None:
    for name in ("LAYERS", "EXTRA_SERIES", "KINDS", "STATES", "FAULTS", "LIMITS"):
        assert getattr(snapshot, name) is getattr(vocabulary, name)


def test_the_catalog_and_the_scenario_speak_the_vocabulary() -> None:
    assert {t.kind for t in CATALOG.templates.values()} <= set(vocabulary.KINDS)
    phases = {p.name for t in CATALOG.templates.values() for p in t.phases}
    assert phases <= set(vocabulary.PHASES)
    assert {h.arch for h in CATALOG.hosts.values()} <= set(vocabulary.ARCHITECTURES)
    assert {h.hypervisor for h in CATALOG.hosts.values()} <= set(vocabulary.HYPERVISORS)
    assert set(scenario.ACTIONS) == set(vocabulary.ACTIONS)


def test_every_limit_and_failure_has_one_sentence() -> None:
    assert set(vocabulary.LIMITS) | set(vocabulary.FAIL_REASONS) == set(vocabulary.LIMIT_TEXT)


def test_one_row_per_kind_and_per_fault() -> None:
    assert tuple(kinds.KIND_TRAITS) == vocabulary.KINDS
    assert tuple(faults.REGISTRY) == vocabulary.FAULTS
    for fault in faults.REGISTRY.values():
        assert (fault.process is None) != (fault.incident is None)
    for exploit_id in CATALOG.exploits:
        assert faults.lookup(exploit_id, CATALOG) is faults.EXPLOIT
    with pytest.raises(KeyError):
        faults.lookup("meltdown", CATALOG)


@pytest.mark.parametrize(
    "template_id, own_kernel, user_space, group",
    [
        ("nginx", False, False, "containers"),
        ("gvisor", False, True, "others"),
        ("kata", True, False, "others"),
        ("ubuntu-server", True, False, "vms"),
        ("firecracker", True, False, "others"),
        ("nginx-in-vm", True, False, "others"),
    ],
)
def test_kind_traits_and_template_data_decide_what_a_guest_is(
    template_id, own_kernel, user_space, group
) -> None:
    found = kinds.traits(CATALOG.templates[template_id])
    assert found.own_kernel == own_kernel and found.user_space_kernel == user_space
    assert found.kind.palette_group == group


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_every_logged_event_has_its_sentence_and_params(path) -> None:
    session = watched(load_scenario(path, CATALOG))
    session.run_until(120)
    for entry in session.recorder.log_view():
        assert entry.code in vocabulary.EVENT_TEXT
        assert set(vocabulary.fields_of(entry.code)) <= set(entry.params), entry
        assert entry.message == vocabulary.sentence(entry.code, entry.params)

"""Every id the model speaks has a GUI label, a colour where one is drawn, and a Chinese text.

The ids come from the model itself (sim.vocabulary, which names every id and event code sim
may use, and the catalog), so a new layer, kind, phase, fault or log code fails here until
the window can name it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pytest
from PySide6.QtCore import QTranslator

from gui import theme
from gui.fonts import asset_path
from gui.text import experiment_labels as xl
from gui.text import labels, log_text
from sim import vocabulary
from sim.catalog import HYPERVISORS, PHASE_NAMES, Catalog
from sim.lifecycle import FAIL_REASONS
from sim.scenario import ACTIONS
from sim.snapshot import EXTRA_SERIES, FAULTS, KINDS, LAYERS, LIMITS, STATES


def log_codes() -> set[str]:
    """Return every event code sim logs (sim.vocabulary has a sentence for each)."""
    return set(vocabulary.EVENT_TEXT)


def outcomes() -> set[str]:
    """Return every incident outcome sim/faults.py can produce."""
    return set(vocabulary.INCIDENT_OUTCOMES)


def move_warnings() -> set[str]:
    """Return every warning code a move can carry."""
    return set(vocabulary.MOVE_WARNINGS)


def model_ids() -> dict[str, set[str]]:
    """Return the ids of each kind that the model uses, by the labels table that names them."""
    catalog = Catalog.load()
    phases = set(vocabulary.PHASES) | set(PHASE_NAMES)
    phases |= {p.name for t in catalog.templates.values() for p in t.phases}
    hosts = catalog.hosts.values()
    images = catalog.images.values()
    return {
        "layer": set(LAYERS) | set(EXTRA_SERIES),
        "kind": set(KINDS),
        "state": set(STATES) | set(vocabulary.MOVE_ROLES),
        "limit": set(LIMITS),
        "phase": phases,
        "reason": set(FAIL_REASONS) | {"running"},
        "warning": move_warnings(),
        "hypervisor": set(HYPERVISORS),
        "arch": {h.arch for h in hosts},
        "os": {h.os for h in hosts} | {i.os for i in images},
        "policy": set(vocabulary.MEMORY_POLICIES),
    }


@pytest.fixture(scope="module")
def chinese() -> QTranslator:
    """Return the shipped Chinese translation, loaded."""
    translator = QTranslator()
    assert translator.load(str(asset_path("i18n", "hostlab_zh_CN.qm"))), "run make translations"
    return translator


def _missing_chinese(translator: QTranslator, sources: Iterable[str]) -> list[str]:
    return [s for s in sources if not translator.translate("labels", s)]


@pytest.mark.parametrize("category", sorted(model_ids()))
def test_every_model_id_has_a_label_and_a_chinese_text(category: str, chinese: QTranslator) -> None:
    table = labels.TABLES[category]
    ids = model_ids()[category]
    assert not ids - set(table), f"add to gui/text/labels.py ({category}): {ids - set(table)}"
    assert not _missing_chinese(chinese, (table[i] for i in ids))


@pytest.mark.parametrize(
    ("ids", "colours"),
    [
        (set(LAYERS) | set(EXTRA_SERIES), theme.LAYER_COLOURS),
        (set(KINDS), theme.KIND_COLOURS),
        (model_ids()["phase"], theme.PHASE_COLOURS),
        (set(Catalog.load().profiles), theme.PROFILE_COLOURS),
    ],
    ids=["layers", "kinds", "phases", "profiles"],
)
def test_every_drawn_id_has_its_own_colour(ids: set[str], colours: Mapping[str, str]) -> None:
    assert not ids - set(colours)


def test_every_state_has_a_pattern_an_outline_and_a_mark() -> None:
    for table in (theme.STATE_BRUSH, theme.STATE_OUTLINE, theme.STATE_MARK):
        assert set(STATES) | set(vocabulary.MOVE_ROLES) <= set(table)


def test_every_kind_has_an_icon() -> None:
    assert all(asset_path("icons", f"{kind}.svg").is_file() for kind in KINDS)


def test_every_experiment_id_has_a_label_and_a_chinese_text(chinese: QTranslator) -> None:
    catalog = Catalog.load()
    tables: list[tuple[Mapping[str, str], set[str]]] = [
        (xl.FAULTS, set(FAULTS)),
        (xl.EXPLOITS, set(catalog.exploits)),
        (xl.PROFILES, set(catalog.profiles)),
        (xl.OUTCOMES, outcomes()),
        (xl.ACTIONS, set(ACTIONS) - set(FAULTS)),
        ({k: v[0] for k, v in xl.WORKLOADS.items()}, set(catalog.workloads)),
    ]
    for table, ids in tables:
        assert ids and not ids - set(table), ids - set(table)
        assert not _missing_chinese(chinese, (table[i] for i in ids))


def test_every_logged_code_has_a_sentence_a_name_and_a_chinese_text(chinese: QTranslator) -> None:
    codes = log_codes()
    assert {"guest_added", "ready", "oom_kill", "start_failed"} <= codes  # the scan works
    assert not codes - set(log_text.LOG_CODES), "add to gui/text/log_text.py"
    unnamed = [c for c in codes if log_text.log_code_label(c) == c]
    assert not unnamed
    names = log_text.CODE_NAMES
    assert not _missing_chinese(chinese, (names[c] for c in codes))

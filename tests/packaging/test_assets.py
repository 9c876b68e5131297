"""sim/assets.py: the one place that says where the data files are, in each kind of install."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from sim import assets

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def fresh_cache():
    """Forget the cached answer before and after each test."""
    assets.assets_dir.cache_clear()
    yield
    assets.assets_dir.cache_clear()


def test_checkout_uses_the_assets_folder_beside_sim() -> None:
    assert assets.assets_dir() == ROOT / "assets"
    assert assets.asset_path("scenarios", "default.toml").is_file()


def test_catalog_scenario_and_fonts_all_ask_the_same_place() -> None:
    from sim.catalog import CATALOG_DIR
    from sim.scenario import DEFAULT_SCENARIO

    assert CATALOG_DIR == ROOT / "assets" / "catalog"
    assert DEFAULT_SCENARIO == ROOT / "assets" / "scenarios" / "default.toml"
    # Every module, not a list: sim/references.py once built its own path and broke the wheel.
    modules = sorted((ROOT / "sim").rglob("*.py")) + sorted((ROOT / "gui").rglob("*.py"))
    assert len(modules) > 20
    for module in modules:
        if module == ROOT / "sim" / "assets.py":
            continue
        text = module.read_text(encoding="utf-8")
        assert '/ "assets"' not in text and "_MEIPASS" not in text, module


def test_frozen_app_uses_the_bundle(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert assets.assets_dir() == tmp_path / "assets"


def test_wheel_uses_the_copy_inside_sim(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "sim" / "_assets").mkdir(parents=True)
    monkeypatch.setattr(assets, "_SIM", tmp_path / "sim")
    monkeypatch.setattr(assets, "sharing_distributions", dict)
    assert assets.assets_dir() == tmp_path / "sim" / "_assets"


def test_another_distribution_with_sim_or_gui_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.metadata

    providers = {"sim": ["hostlab", "othersim"], "gui": ["HostLab"], "numpy": ["numpy"]}
    monkeypatch.setattr(importlib.metadata, "packages_distributions", lambda: providers)
    assert assets.sharing_distributions() == {"sim": ["othersim"]}
    with pytest.raises(SystemExit, match="othersim.*with pipx or in a venv"):
        assets.check_sole_owner()


def test_hostlab_alone_passes(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.metadata

    providers = {"sim": ["hostlab"], "gui": ["hostlab"]}
    monkeypatch.setattr(importlib.metadata, "packages_distributions", lambda: providers)
    assets.check_sole_owner()

"""The bundled catalog: the ids the interface promises, and a stated source for every number."""

from __future__ import annotations

import re

import pytest
from helpers import catalog_copy

from sim.catalog import PHASE_NAMES, Catalog, CatalogError
from sim.catalog_loader import HOST_NUMBERS, TEMPLATE_NUMBERS, load_catalog
from sim.references import citations

# Ids are part of the interface (CLI, scenarios, tests): they stay stable.
TEMPLATE_IDS = (
    "alpine",
    "nginx",
    "redis",
    "postgres",
    "python-web",
    "alpine-vm",
    "ubuntu-server",
    "windows-server",
    "firecracker",
    "gvisor",
    "kata",
)
HOST_IDS = ("laptop", "classroom-server", "big-server")


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog.load()


def all_sources(catalog: Catalog) -> list[tuple[str, str]]:
    """Return (where, source) for every source string in the catalog."""
    out: list[tuple[str, str]] = []
    for h in catalog.hosts.values():
        out += [(f"hosts.{h.id}.sources.{k}", v) for k, v in h.sources.items()]
    for t in catalog.templates.values():
        out += [(f"templates.{t.id}.sources.{k}", v) for k, v in t.sources.items()]
        out += [(f"templates.{t.id} phase {p.name}", p.source) for p in t.phases]
    for image in catalog.images.values():
        out += [(f"layers.{la.id}.source", la.source) for la in image.layers]
    out += [(f"model.sources.{k}", v) for k, v in catalog.model_sources.items()]
    return out


def test_every_promised_template_and_host_exists(catalog):
    assert set(TEMPLATE_IDS) <= set(catalog.templates)
    assert set(HOST_IDS) <= set(catalog.hosts)
    assert catalog.hosts["classroom-server"].cores == 16
    assert catalog.hosts["classroom-server"].ram_gib == 64
    assert catalog.hosts["laptop"].ram_gib == 16
    assert catalog.hosts["big-server"].cores == 64


def test_every_number_has_a_source(catalog):
    for h in catalog.hosts.values():
        for key in HOST_NUMBERS:
            assert h.sources.get(key, "").strip(), f"hosts.{h.id}.{key} has no source"
    for t in catalog.templates.values():
        for key in TEMPLATE_NUMBERS:
            if getattr(t, key):
                assert t.sources.get(key, "").strip(), f"templates.{t.id}.{key} has no source"
        for p in t.phases:
            assert p.name in PHASE_NAMES
            assert p.source.strip(), f"templates.{t.id} phase {p.name} has no source"
    for image in catalog.images.values():
        for layer in image.layers:
            assert layer.source.strip(), f"layer {layer.id} has no source"
    assert set(catalog.model) == set(catalog.model_sources)


def test_sources_cite_a_reference_or_state_an_assumption(catalog):
    for where, source in all_sources(catalog):
        cited = citations(source)
        assert all(rid in catalog.references for rid, _ in cited), f"{where}: {source!r}"
        assert cited or source.startswith("assumption:"), f"{where}: {source!r}"


@pytest.mark.parametrize(
    "file, line, field",
    [
        (
            "hosts.toml",
            "cores = \"assumption: a school's shared server (16 cores",
            "hosts.classroom-server.sources.cores",
        ),
        (
            "templates.toml",
            'memory_mib = "[ms-winserver-hw:ram] 2 GB for Desktop',
            "templates.windows-server.sources.memory_mib",
        ),
        ("model.toml", 'jitter_sigma = "[idlab-bench:start-runc]', "model.sources.jitter_sigma"),
    ],
)
def test_a_number_without_its_source_is_rejected(tmp_path, file, line, field):
    folder = catalog_copy(tmp_path)
    path = folder / file
    lines = path.read_text(encoding="utf-8").splitlines()
    kept = [x for x in lines if not x.startswith(line)]
    assert len(kept) == len(lines) - 1, "the test must remove exactly one source line"
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    with pytest.raises(CatalogError, match=re.escape(field)):
        load_catalog(folder)


def test_a_phase_without_a_source_is_rejected(tmp_path):
    folder = catalog_copy(tmp_path)
    path = folder / "templates.toml"
    text = path.read_text(encoding="utf-8")
    marker = 'source = "[agache2020:boot] mean 110.8 ms serial'
    assert text.count(marker) == 1
    path.write_text(text.replace(marker, 'source = "  "  # was: ' + marker[10:]), encoding="utf-8")
    with pytest.raises(CatalogError, match=r"templates\.firecracker\.phases\[1\]\.source"):
        load_catalog(folder)


def test_the_copy_itself_loads(tmp_path):
    copy = load_catalog(catalog_copy(tmp_path))
    assert set(copy.templates) == set(Catalog.load().templates)

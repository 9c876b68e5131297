"""The bundled catalog: the ids DESIGN promises, and a stated source for every number."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import catalog_copy

from sim.catalog import PHASE_NAMES, Catalog, CatalogError
from sim.catalog_loader import HOST_NUMBERS, TEMPLATE_NUMBERS, load_catalog

# DESIGN.md §2.3: ids are part of the interface (CLI, scenarios, tests).
TEMPLATE_IDS = ("alpine", "nginx", "redis", "postgres", "python-web", "alpine-vm",
                "ubuntu-server", "windows-server", "firecracker", "gvisor", "kata")
HOST_IDS = ("laptop", "classroom-server", "big-server")
# The numbered sections of shared/reference/calibration.md. Kept here because CI must not depend
# on the reference file; test_cited_sections_exist_in_the_reference checks it when present.
CALIBRATION_SECTIONS = frozenset(
    {"1", "1a", "1b", "2", "3", "3a", "3b", "3c", "4", "5", "5a", "5b", "6", "7",
     "8", "8a", "8b", "8c", "9"})
CALIBRATION_MD = Path(__file__).resolve().parents[3] / "shared" / "reference" / "calibration.md"
CITATION = re.compile(r"calibration §(\d+[a-z]?)")


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


def test_sources_cite_a_section_an_assumption_or_another_template(catalog):
    for where, source in all_sources(catalog):
        cited = CITATION.findall(source)
        assert all(s in CALIBRATION_SECTIONS for s in cited), f"{where}: {source!r}"
        as_template = re.match(r"as ([a-z0-9-]+)", source)
        ok = (bool(cited) or source.startswith("assumption:")
              or (as_template is not None and as_template.group(1) in catalog.templates))
        assert ok, f"{where}: {source!r} lacks 'calibration §N', 'assumption:' or 'as <id>'"


@pytest.mark.skipif(not CALIBRATION_MD.exists(), reason="shared/reference is not beside the repo")
def test_cited_sections_exist_in_the_reference(catalog):
    text = CALIBRATION_MD.read_text(encoding="utf-8")
    headings = set(re.findall(r"^#{2,3} (\d+[a-z]?)\.", text, flags=re.M))
    assert headings <= CALIBRATION_SECTIONS
    for where, source in all_sources(catalog):
        for section in CITATION.findall(source):
            assert section in headings, f"{where} cites §{section}, which calibration.md lacks"


@pytest.mark.parametrize("file, line, field", [
    ("hosts.toml", 'cores = "assumption: DESIGN.md §2.3 preset (16 cores',
     "hosts.classroom-server.sources.cores"),
    ("templates.toml", 'memory_mib = "calibration §4 \'Windows Server RAM minimum\'',
     "templates.windows-server.sources.memory_mib"),
    ("model.toml", 'jitter_sigma = "calibration §3a', "model.sources.jitter_sigma"),
])
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
    marker = 'source = "calibration §1b \'Firecracker, FC-reported boot\''
    assert text.count(marker) == 1
    path.write_text(text.replace(marker, 'source = "  "  # was: ' + marker[10:]), encoding="utf-8")
    with pytest.raises(CatalogError, match=r"templates\.firecracker\.phases\[1\]\.source"):
        load_catalog(folder)


def test_the_copy_itself_loads(tmp_path):
    copy = load_catalog(catalog_copy(tmp_path))
    assert set(copy.templates) == set(Catalog.load().templates)

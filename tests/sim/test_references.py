"""The project's references: every catalog source cites a known entry, and a bad one is refused."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from helpers import catalog_copy

from sim.catalog import CATALOG_DIR, Catalog, CatalogError
from sim.catalog_loader import load_catalog
from sim.lessons import SCENARIO_DIR
from sim.references import (
    CATALOG_FILES,
    CitationError,
    _sources,
    check_source,
    check_sources,
    citations,
    explain,
    inline,
    load_references,
)

SIM_DIR = Path(__file__).resolve().parents[2] / "sim"


@pytest.fixture(scope="module")
def refs():
    return Catalog.load().references


def cited_in_catalog() -> set[tuple[str, str | None]]:
    """Return every (reference, figure) pair the catalog, the code and the lessons cite."""
    found: set[tuple[str, str | None]] = set()
    for name in CATALOG_FILES:
        data = tomllib.loads((CATALOG_DIR / name).read_text(encoding="utf-8"))
        for _, text in _sources(data, ""):
            found.update(citations(text))
    # A few sources are built in code (a move's format conversion); lessons cite too.
    for path in [*SIM_DIR.glob("*.py"), *SCENARIO_DIR.glob("*.toml")]:
        found.update(citations(path.read_text(encoding="utf-8")))
    return found


def test_every_reference_has_who_what_when_where_and_its_figures(refs):
    assert len(refs) >= 30
    for ref in refs.values():
        assert ref.who and ref.title and 1990 <= ref.year <= 2030, ref.id
        assert ref.url.startswith("https://"), ref.id
        assert ref.figures, ref.id
        for fig in ref.figures.values():
            assert fig.figure and fig.conditions, (ref.id, fig.id)


def test_every_source_of_the_bundled_catalog_is_checked_and_passes(refs):
    # hosts, templates, phases, layers, images, model, workloads, profiles, security: all of them
    assert check_sources(CATALOG_DIR, refs) >= 200


def test_every_reference_and_every_figure_is_cited_somewhere(refs):
    cited = cited_in_catalog()
    for ref in refs.values():
        for fig in ref.figures:
            assert (ref.id, fig) in cited, f"{ref.id}:{fig} is listed but nothing cites it"


def test_the_known_headline_figures_are_cited_where_the_numbers_are(refs):
    catalog = Catalog.load()
    assert "[felter2014:fio-random]" in catalog.profiles["vm-tuned"]["random_io"][1]
    assert "[felter2014:linpack]" in catalog.workloads["cpu"].source
    kernel = next(p for p in catalog.templates["firecracker"].phases if p.name == "kernel")
    assert "[agache2020:boot]" in kernel.source


@pytest.mark.parametrize(
    "source, message",
    [
        ("[felter2015:linpack] a typo in the id", "no reference 'felter2015'"),
        ("[felter2014:linpak] a typo in the figure", "has no figure 'linpak'"),
        ("3.9 s [U] an old reliability tag", r"\[U\] is not a citation"),
        ("a number with no reference and no assumption", "or a text starting with 'assumption:'"),
    ],
)
def test_a_bad_citation_is_refused_with_the_reason(refs, source, message):
    with pytest.raises(CitationError, match=message):
        check_source(source, refs)


def test_an_assumption_needs_no_citation_but_the_ones_it_makes_are_checked(refs):
    check_source("assumption: a desktop Linux shows about 450 tasks at idle", refs)
    with pytest.raises(CitationError, match="nosuch"):
        check_source("assumption: like [nosuch:thing]", refs)


def test_the_loader_rejects_an_unknown_reference_naming_file_and_field(tmp_path):
    folder = catalog_copy(tmp_path)
    path = folder / "workloads.toml"
    text = path.read_text(encoding="utf-8")
    old = 'source = "[felter2014:linpack] 290.8 GFLOPS native'
    assert text.count(old) == 1
    path.write_text(text.replace(old, old.replace("felter2014", "felter2015")), encoding="utf-8")
    where = r"workloads\.toml: workloads\.cpu\.source: .*felter2015"
    with pytest.raises(CatalogError, match=where):
        load_catalog(folder)


def test_the_loader_rejects_a_reference_without_a_url(tmp_path):
    folder = catalog_copy(tmp_path)
    path = folder / "references.toml"
    text = path.read_text(encoding="utf-8")
    url = 'url = "https://doi.org/10.1109/ISPASS.2015.7095802"\n'
    assert text.count(url) == 1
    path.write_text(text.replace(url, ""), encoding="utf-8")
    with pytest.raises(CatalogError, match=r"references\.felter2014\.url"):
        load_catalog(folder)
    with pytest.raises(CitationError):
        load_references(folder)


def test_a_source_reads_as_a_real_reference(refs):
    source = "[felter2014:fio-random] KVM 46,173 vs native 84,044"
    assert inline(source, refs) == "(Felter et al. 2014) KVM 46,173 vs native 84,044"
    text = explain(source, refs)
    assert "W. Felter, A. Ferreira, R. Rajamony, J. Rubio (2014)" in text
    assert "An Updated Performance Comparison of Virtual Machines and Linux Containers" in text
    assert "https://doi.org/10.1109/ISPASS.2015.7095802" in text
    assert "queue depth 128" in text  # the figure's conditions
    assert not re.search(r"\[[a-z]", text.splitlines()[0]), "a raw citation is left in the text"

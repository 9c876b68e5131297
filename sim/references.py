"""The project's list of references (assets/catalog/references.toml) and the citations to it.

Every `source` string in the catalog either cites references as `[id]` or `[id:figure]`, or
starts with "assumption:" and gives its reasoning (which may cite too). `check_sources` rejects
a catalog whose sources cite an unknown id or figure, or cite nothing without saying that they
are an assumption; `explain` turns a source into the text a teacher reads on hover.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from sim.assets import asset_path

REFERENCES_FILE = "references.toml"
CATALOG_FILES = (
    "hosts.toml",
    "images.toml",
    "model.toml",
    "security.toml",
    "templates.toml",
    "workloads.toml",
)
BUNDLED_DIR = asset_path("catalog")  # in a checkout, a wheel or a frozen bundle (sim/assets.py)
CHECKED = ("quoted", "derived", "secondary", "unverified")
ASSUMPTION = "assumption:"
_ID = r"[a-z0-9][a-z0-9.-]*"
CITATION = re.compile(rf"\[({_ID})(?::({_ID}))?\]")
_BRACKETED = re.compile(r"\[[^\]]*\]")


class CitationError(ValueError):
    """references.toml is malformed, or a source cites what it does not hold."""


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure HostLab takes from a publication, with the conditions it was measured under."""

    id: str
    figure: str
    conditions: str
    checked: str  # one of CHECKED


@dataclass(frozen=True, slots=True)
class Reference:
    """One publication (paper, report, issue thread, documentation page)."""

    id: str
    who: str  # authors, or the project that published it
    title: str
    year: int
    url: str
    published: str = ""
    figures: Mapping[str, Figure] = field(default_factory=dict)
    cite_as: str = ""  # a short name when the authors do not make one ("cloud-init #4687")

    @property
    def short(self) -> str:
        """Return the name to cite it by in running text: "Felter et al. 2014"."""
        if self.cite_as:
            return f"{self.cite_as}, {self.year}"
        names = [re.sub(r"\s*\(.*?\)", "", n).strip() for n in self.who.split(",")]
        if "." in self.who and names and " " in names[0]:
            surname = names[0].split()[-1]
            return f"{surname}{' et al.' if len(names) > 2 else ''} {self.year}"
        return f"{names[0] if names else self.who} {self.year}"

    def describe(self) -> str:
        """Return who, year, title, where it appeared and its URL, on one line."""
        where = f" {self.published}." if self.published else ""
        return f"{self.who} ({self.year}). {self.title}.{where} {self.url}"


def _text(table: dict[str, Any], key: str, where: str) -> str:
    value = table.get(key)
    if not isinstance(value, str) or not value.strip():
        raise CitationError(f"{where}.{key}: expected a non-empty string, got {value!r}")
    return value


def _figure(fid: str, t: object, where: str) -> Figure:
    if not isinstance(t, dict) or set(t) - {"figure", "conditions", "checked"}:
        raise CitationError(f"{where}: expected a table with figure, conditions and checked")
    checked = _text(t, "checked", where)
    if checked not in CHECKED:
        raise CitationError(
            f"{where}.checked: expected one of {', '.join(CHECKED)}, got {checked!r}"
        )
    return Figure(fid, _text(t, "figure", where), _text(t, "conditions", where), checked)


def _reference(rid: str, t: object, file: str) -> Reference:
    where = f"{file}: references.{rid}"
    allowed = {"authors", "project", "title", "year", "url", "published", "figures", "cite_as"}
    if not isinstance(t, dict) or set(t) - allowed:
        raise CitationError(
            f"{where}: expected a table with only the keys " + ", ".join(sorted(allowed))
        )
    if not re.fullmatch(_ID, rid):
        raise CitationError(f"{where}: expected an id of lowercase letters, digits, '.' and '-'")
    who = t.get("authors") or t.get("project")
    if not isinstance(who, str) or not who.strip():
        raise CitationError(f"{where}: expected authors or project")
    year = t.get("year")
    if not isinstance(year, int) or isinstance(year, bool) or not 1900 <= year <= 2100:
        raise CitationError(f"{where}.year: expected a year, got {year!r}")
    url = _text(t, "url", where)
    if not url.startswith("https://"):
        raise CitationError(f"{where}.url: expected an https:// address, got {url!r}")
    figures = t.get("figures", {})
    if not isinstance(figures, dict) or not figures:
        raise CitationError(f"{where}.figures: expected at least one figure HostLab uses")
    return Reference(
        rid,
        who,
        _text(t, "title", where),
        year,
        url,
        str(t.get("published", "")),
        MappingProxyType({f: _figure(f, v, f"{where}.figures.{f}") for f, v in figures.items()}),
        str(t.get("cite_as", "")),
    )


def load_references(directory: Path) -> Mapping[str, Reference]:
    """Read references.toml in `directory`; raise CitationError naming what is wrong."""
    path = directory / REFERENCES_FILE
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise CitationError(f"{path}: {exc}") from exc
    if set(data) != {"references"} or not isinstance(data["references"], dict):
        raise CitationError(f"{path}: expected only [references.<id>] tables")
    return MappingProxyType(
        {rid: _reference(rid, t, str(path)) for rid, t in data["references"].items()}
    )


def citations(source: str) -> list[tuple[str, str | None]]:
    """Return the (reference id, figure id or None) pairs `source` cites, in order."""
    return [(m.group(1), m.group(2)) for m in CITATION.finditer(source)]


def check_source(source: str, references: Mapping[str, Reference]) -> None:
    """Raise CitationError (message without the field) unless `source` cites correctly."""
    for bracket in _BRACKETED.findall(source):
        match = CITATION.fullmatch(bracket)
        if match is None:
            raise CitationError(f"{bracket} is not a citation: expected [id] or [id:figure]")
        rid, fid = match.groups()
        if rid not in references:
            raise CitationError(f"cites {bracket}: no reference {rid!r} in {REFERENCES_FILE}")
        if fid is not None and fid not in references[rid].figures:
            raise CitationError(
                f"cites {bracket}: {rid} has no figure {fid!r} (it has "
                + ", ".join(references[rid].figures)
                + ")"
            )
    if not source.startswith(ASSUMPTION) and not citations(source):
        raise CitationError(
            "expected a citation [id] or [id:figure] of references.toml, "
            "or a text starting with 'assumption:'"
        )


def _sources(data: object, path: str) -> Iterator[tuple[str, str]]:
    """Yield (dotted path, text) for every source string in a parsed catalog file."""
    if isinstance(data, dict):
        for key, value in data.items():
            at = f"{path}.{key}" if path else key
            if isinstance(value, str) and (
                key == "source" or key.endswith("_source") or path.endswith("sources")
            ):
                yield at, value
            else:
                yield from _sources(value, at)
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _sources(value, f"{path}[{i}]")


def check_sources(directory: Path, references: Mapping[str, Reference]) -> int:
    """Check every source in the catalog files of `directory`; return how many there are."""
    count = 0
    for name in CATALOG_FILES:
        path = directory / name
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise CitationError(f"{path}: {exc}") from exc
        for where, text in _sources(data, ""):
            try:
                check_source(text, references)
            except CitationError as exc:
                raise CitationError(f"{path}: {where}: {exc}") from None
            count += 1
    return count


@cache
def bundled_references() -> Mapping[str, Reference]:
    """Return the references shipped with HostLab (read once)."""
    return load_references(BUNDLED_DIR)


def inline(source: str, references: Mapping[str, Reference] | None = None) -> str:
    """Return `source` with each citation replaced by its short name: "(Felter et al. 2014)"."""
    refs = bundled_references() if references is None else references

    def name(m: re.Match[str]) -> str:
        ref = refs.get(m.group(1))
        return f"({ref.short})" if ref else m.group(0)

    return CITATION.sub(name, source)


def explain(source: str, references: Mapping[str, Reference] | None = None) -> str:
    """Return `source` in words, then each cited reference with its figures and conditions."""
    refs = bundled_references() if references is None else references
    cited: dict[str, list[str]] = {}
    for rid, fid in citations(source):
        figures = cited.setdefault(rid, [])
        if fid is not None and fid not in figures:
            figures.append(fid)
    lines = [inline(source, refs)]
    for rid, fids in cited.items():
        ref = refs.get(rid)
        if ref is None:
            continue
        lines.append(f"• {ref.describe()}")
        for fid in fids:
            if (figure := ref.figures.get(fid)) is not None:
                lines.append(f"  – {figure.figure}; {figure.conditions} ({figure.checked})")
    return "\n".join(lines)


def as_json(references: Mapping[str, Reference]) -> dict[str, dict[str, Any]]:
    """Return the references as plain data for `python -m sim catalog --json`."""
    return {
        r.id: {
            "who": r.who,
            "title": r.title,
            "year": r.year,
            "url": r.url,
            "published": r.published,
            "figures": {
                f.id: {"figure": f.figure, "conditions": f.conditions, "checked": f.checked}
                for f in r.figures.values()
            },
        }
        for r in references.values()
    }

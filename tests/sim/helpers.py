"""Shared helpers for the simulation tests: build sessions, run them, copy the catalog."""

from __future__ import annotations

import math
import re
import shutil
from collections.abc import Iterable, Mapping
from pathlib import Path

from sim import invariants
from sim.catalog import CATALOG_DIR, Catalog
from sim.catalog_loader import load_catalog
from sim.host import Policy
from sim.scenario import GuestSpec, HostSpec, Scenario
from sim.session import Session
from sim.snapshot import GuestView

REFERENCE_HOST = "classroom-server"


def make_session(
    seed: int = 7,
    preset: str = REFERENCE_HOST,
    overrides: Mapping[str, object] | None = None,
    guests: Iterable[GuestSpec] = (),
    catalog: Catalog | None = None,
    **policy: object,
) -> Session:
    """Return a session of a scenario built in code (no file)."""
    scenario = Scenario(
        seed=seed,
        host=HostSpec(preset, dict(overrides or {})),
        policy=Policy(**policy),
        guests=tuple(guests),
    )  # type: ignore[arg-type]
    return Session(scenario, catalog or Catalog.load())


def watched(scenario: Scenario) -> Session:
    """Return a session of `scenario` on the bundled catalog, its invariants checked at every
    sample it records (sim.invariants)."""
    session = Session(scenario, Catalog.load())
    invariants.watch(session)
    return session


def guests_by_id(session: Session) -> dict[str, GuestView]:
    """Return the session's guests as they are now, by id."""
    return {g.id: g for g in session.snapshot().guests}


def run_until_settled(session: Session, ids: Iterable[str], limit_s: float = 3600.0) -> None:
    """Step until every guest in `ids` is no longer starting (ready, failed or killed)."""
    wanted = set(ids)
    while True:
        guests = session.host.guests
        # A staggered guest does not exist until its turn comes.
        live = [
            gid
            for gid in wanted
            if gid not in guests or guests[gid].state in ("pending", "pulling", "starting")
        ]
        if not live:
            return
        if math.isinf(session.next_event_s()) or session.now > limit_s:
            raise AssertionError(
                f"guests still starting at {session.now:.1f} s: " + ", ".join(sorted(live))
            )
        session.step()


def phase(guest: GuestView, name: str):
    """Return the guest's span of phase `name` (the only one of that name)."""
    spans = [p for p in guest.phases if p.name == name]
    assert len(spans) == 1, f"{guest.id} has {len(spans)} spans named {name!r}"
    return spans[0]


def catalog_copy(tmp_path: Path) -> Path:
    """Copy the bundled catalog into `tmp_path` and return the folder, for tests that edit it."""
    target = tmp_path / "catalog"
    shutil.copytree(CATALOG_DIR, target)
    return target


def catalog_with_model(tmp_path: Path, **model: float) -> Catalog:
    """Return the bundled catalog with some `[model]` constants replaced."""
    folder = catalog_copy(tmp_path)
    path = folder / "model.toml"
    text = path.read_text(encoding="utf-8")
    for key, value in model.items():
        # The first `key = ` line is the number; the second is its source in [model.sources].
        text, n = re.subn(rf"^{key} = .*$", f"{key} = {value!r}", text, count=1, flags=re.M)
        assert n == 1, f"model.{key} not found"
    path.write_text(text, encoding="utf-8")
    catalog = load_catalog(folder)
    assert all(catalog.model[k] == v for k, v in model.items())
    return catalog

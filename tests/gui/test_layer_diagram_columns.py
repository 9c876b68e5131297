"""Layer diagram columns kept from frame to frame count what columns built afresh count."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest

from gui import theme
from gui.views import layer_diagram_columns as cols
from gui.views import layer_diagram_layout as lay
from sim.session import Session
from sim.snapshot import GuestView, HostView, Snapshot, TemplateView

SCENARIOS = Path(__file__).resolve().parents[2] / "assets" / "scenarios"
_TEMPLATES = ("alpine", "nginx", "alpine-vm", "gvisor", "firecracker", "windows-server")


def _reference(
    host: HostView, guests: tuple[GuestView, ...], templates: tuple[TemplateView, ...]
) -> tuple[list[cols.Column], ...]:
    """Return the columns as the diagram defines them, guest by guest, without shortcuts."""
    facts = {t.id: t for t in templates}
    sides: tuple[list[GuestView], ...] = ([], [], [])
    for g in guests:
        sides[cols.side(g, host, facts)].append(g)
    out: tuple[list[cols.Column], ...] = ([], [], [])
    for members, columns in zip(sides, out, strict=True):
        if len(members) <= cols.AGGREGATE_ABOVE:
            groups = [[g] for g in members]
        else:
            by_template: dict[str, list[GuestView]] = {}
            for g in members:
                by_template.setdefault(g.template, []).append(g)
            groups = list(by_template.values())
        for group in groups:
            counts = Counter(g.shown_state for g in group)
            states = {s: counts[s] for s in cols.ORDER if counts[s]}
            first = group[0]
            columns.append(
                cols.Column(
                    first.template,
                    first.kind,
                    tuple(g.id for g in group),
                    states,
                    cols.user_space_kernel(first, facts),
                )
            )
    return out


def _same(kept: cols.Columns, snap: Snapshot) -> None:
    want = _reference(snap.host, snap.guests, snap.templates)
    got = kept.sides()
    assert got == want
    # The counts are named in the same order too (a block's text lists them).
    assert [list(c.states) for s in got for c in s] == [list(c.states) for s in want for c in s]
    assert kept.compromised == {g.id for g in snap.guests if g.compromised}
    assert +kept.shown == Counter(g.shown_state for g in snap.guests)


def _act(session: Session, rng: random.Random) -> None:
    """Do what a teacher might between two frames: add, remove, inject, or nothing."""
    roll = rng.random()
    live = [g for g in session.snapshot().guests if g.live]
    if roll < 0.15:
        session.add_guests(rng.choice(_TEMPLATES), rng.choice([1, 3, 12]), rng.choice([0, 0.2]))
    elif roll < 0.2 and live:
        session.remove_guest(rng.choice(live).id)
    elif roll < 0.23 and live:
        session.inject(rng.choice(["panic", "leak", "fork_bomb"]), rng.choice(live).id)


@pytest.mark.parametrize(
    "scenario",
    ["05-isolation-panic", "05-isolation-escape", "06-portability", "use-legacy-windows"],
)
def test_columns_kept_over_random_frames_match_columns_counted_afresh(scenario: str) -> None:
    rng = random.Random(scenario)
    session = Session.from_file(SCENARIOS / f"{scenario}.toml")
    kept = cols.Columns()
    seen: list[Snapshot] = []
    for _ in range(160):
        _act(session, rng)
        session.advance(rng.choice([0.01, 0.05, 0.3, 2.0]))
        host = rng.choice(session.snapshot().host_ids) if rng.random() < 0.1 else ""
        snap = session.snapshot(host)
        if seen and rng.random() < 0.05:  # the time slider goes back, then plays on
            snap = rng.choice(seen)
        seen.append(snap)
        kept.update(snap.host, snap.guests, snap.templates)
        _same(kept, snap)


def test_a_crowd_arriving_and_starting_is_counted_as_afresh_frame_by_frame() -> None:
    from sim.scenario import GuestSpec, HostSpec, Scenario

    guests = (
        GuestSpec("alpine", 300, at_s=0.0, stagger_s=0.01),
        GuestSpec("alpine-vm", 12, at_s=0.5, stagger_s=0.3),
        GuestSpec("gvisor", 20, at_s=1.0, stagger_s=0.1),
        GuestSpec("nginx", 4, at_s=3.0, stagger_s=0.2),
    )
    session = Session.bundled(Scenario(host=HostSpec("big-server", {}), guests=guests, seed=5))
    kept = cols.Columns()
    changed = 0
    for _ in range(120):
        session.advance(0.05)
        snap = session.snapshot()
        changed += kept.update(snap.host, snap.guests, snap.templates)
        _same(kept, snap)
        blocks = lay.place(snap.host, *kept.sides())
        assert blocks == lay.layout(snap.host, snap.guests, snap.templates)
    assert 20 < changed < 120  # most frames change a column; some change nothing drawn


def test_counts_are_named_in_the_order_their_bands_are_painted() -> None:
    assert [s for s in cols.ORDER if s in theme.STATE_BRUSH] == list(theme.STATE_BRUSH)

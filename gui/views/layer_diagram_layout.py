"""Where each block of the layer diagram goes, from a snapshot (pure geometry, no painting).

Coordinates: x from 0 to 1 across the widget, y in rows counted from the bottom (hardware is
row 0). Containers stand on the one host kernel, beside the hypervisor; every VM, microVM and
Kata sandbox brings its own guest kernel; gVisor stands on a user-space kernel (Sentry). On a
Windows host, Linux containers stand on the Linux utility VM (WSL 2) beside the VMs.
Incidents (`mark_incidents`) add marks to the blocks their steps have reached.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from itertools import compress
from operator import attrgetter, itemgetter, not_

import numpy as np

from sim.snapshot import LIVE_STATES, GuestView, HostView, Incident, TemplateView

_ID, _SHOWN = attrgetter("id"), attrgetter("shown_state")
_TEMPLATE, _STATE = attrgetter("template"), attrgetter("state")
_MOVE, _DOWN = attrgetter("move"), attrgetter("host_down")
AGGREGATE_ABOVE = 8  # more blocks than this in a column: one block per template instead
# Marks drawn on a block, most serious first: one mark per block, the worst reached.
HARMS = ("crashed", "killed", "compromised", "slowed")
SAFE = ("blocked", "contained")


@dataclass(frozen=True)
class Block:
    """One rectangle of the diagram; guest blocks list the guests they stand for."""

    role: str  # hardware, hypervisor, host_kernel, runtime, user_kernel, guest_kernel, guest
    x: float
    row: float
    w: float
    h: float = 1.0
    template: str = ""
    kind: str = ""
    guest_ids: tuple[str, ...] = ()
    states: dict[str, int] = field(default_factory=dict)
    text_w: float = 1.0  # share of the width free for the label (an inset may cover the rest)
    marks: dict[str, int] = field(default_factory=dict)  # incident effect -> guests it reached
    reached_s: float = -1.0  # when the latest incident step reached it (-1: never)

    @property
    def target(self) -> str:
        """Return the incident target this block stands for (a guest id, "host_kernel", ...)."""
        if self.role == "guest" and self.count == 1:
            return self.guest_ids[0]
        if self.role in ("guest_kernel", "user_kernel") and self.count == 1:
            return f"guest_kernel:{self.guest_ids[0]}"
        return self.role

    @property
    def mark(self) -> str:
        """Return the most serious incident effect on this block ("" when none)."""
        return next((m for m in HARMS + SAFE if self.marks.get(m)), "")

    @property
    def count(self) -> int:
        """Return how many guests (or guest kernels) this block stands for."""
        return len(self.guest_ids)

    @property
    def live_count(self) -> int:
        """Return how many of its guests are live (a failed VM holds no kernel)."""
        return sum(n for s, n in self.states.items() if s in LIVE_STATES)

    @property
    def state(self) -> str:
        """Return the state shared by all guests, or "mixed"."""
        return next(iter(self.states)) if len(self.states) == 1 else "mixed"


def own_kernel(g: GuestView, templates: Mapping[str, TemplateView]) -> bool:
    """Return whether a guest boots its own kernel (VMs, microVMs, Kata; not gVisor)."""
    t = templates.get(g.template)
    return t.own_kernel if t is not None else g.kind in ("vm", "microvm", "container-in-vm")


def _user_space_kernel(g: GuestView, templates: Mapping[str, TemplateView]) -> bool:
    t = templates.get(g.template)
    return t.user_space_kernel if t is not None else g.kind == "sandbox"


def _columns(guests: list[GuestView]) -> list[list[GuestView]]:
    """Return one column per guest, or one per template when there are too many.

    Templates keep the order of their first guest. Grouped in C (a code per guest, a stable
    sort): a crowd of thousands is regrouped every frame while it arrives.
    """
    if len(guests) <= AGGREGATE_ABOVE:
        return [[g] for g in guests]
    names = list(map(_TEMPLATE, guests))
    rank = {name: i for i, name in enumerate(dict.fromkeys(names))}
    codes = np.fromiter(map(rank.__getitem__, names), int, len(names))
    order = np.argsort(codes, kind="stable").tolist()
    ends = np.cumsum(np.bincount(codes, minlength=len(rank))).tolist()
    in_order = list(itemgetter(*order)(guests)) if len(order) > 1 else list(guests)
    return [in_order[a:b] for a, b in zip([0, *ends[:-1]], ends, strict=True)]


def shown_counts(guests: list[GuestView]) -> dict[str, int]:
    """Return how many of `guests` are drawn in each state (their `shown_state`).

    A guest neither moving nor on a panicked host is drawn in its state: for a crowd of them
    (the usual case) that is read in C instead of asking each guest.
    """
    if any(map(_MOVE, guests)) or any(map(_DOWN, guests)):
        return dict(Counter(map(_SHOWN, guests)))
    return dict(Counter(map(_STATE, guests)))


def _guest_block(
    col: list[GuestView],
    x: float,
    row: float,
    w: float,
    role: str = "guest",
    states: dict[str, int] | None = None,
) -> Block:
    g = col[0]
    counts = shown_counts(col) if states is None else states
    return Block(role, x, row, w, 1.0, g.template, g.kind, tuple(map(_ID, col)), dict(counts))


def layout(
    host: HostView,
    guests: tuple[GuestView, ...],
    templates: Mapping[str, TemplateView] | None = None,
) -> tuple[list[Block], int]:
    """Return the blocks and the number of rows they use.

    `templates` are the snapshot's template facts by id; on a Windows host the containers of
    Linux images (the default when unknown) run in the Linux utility VM.
    """
    facts = templates or {}
    windows = host.os == "windows"

    def image_os(g: GuestView) -> str:
        t = facts.get(g.template)
        return t.os if t is not None and t.os else "linux"

    # With the template's facts at hand, whether a guest has its own kernel depends on its
    # template alone: asked of one guest per template (in C otherwise: this runs every frame a
    # crowd arrives). A template without facts falls back on each guest's kind.
    names = list(map(_TEMPLATE, guests))
    first = dict(zip(names, guests, strict=True))
    known = {name: own_kernel(g, facts) for name, g in first.items() if name in facts}
    if len(known) == len(first):
        owns = list(map(known.__getitem__, names))
    else:
        owns = [own_kernel(g, facts) for g in guests]
    shared = list(compress(guests, map(not_, owns)))
    vms = list(compress(guests, owns))
    in_uvm = [g for g in shared if windows and g.kind == "container" and image_os(g) == "linux"]
    if in_uvm:
        moved = {id(g) for g in in_uvm}
        shared = [g for g in shared if id(g) not in moved]
    left_cols, right_cols, uvm_cols = _columns(shared), _columns(vms), _columns(in_uvm)
    uvm_units = max(len(uvm_cols), 1) if windows and (host.utility_vm or in_uvm) else 0
    has_hv = host.hypervisor != "none"
    left_units = max(len(left_cols), 2) if host.runtime or shared else 0
    right_units = max(len(right_cols) + uvm_units, 2) if has_hv or vms or uvm_units else 0
    total = max(left_units + right_units, 1)
    split = left_units / total
    blocks = [Block("hardware", 0.0, 0, 1.0)]
    if host.hypervisor == "type1":
        # Bare metal: the hypervisor sits on the hardware, the host OS is one of its guests.
        blocks.append(Block("hypervisor", 0.0, 1, 1.0))
        blocks.append(Block("host_kernel", 0.0, 2, split if split else 0.3))
        base_left, base_right = 3, 2
    else:
        base_left = base_right = 2
        inset = host.hypervisor == "kvm"
        blocks.append(Block("host_kernel", 0.0, 1, 1.0, text_w=split if inset else 1.0))
        if host.hypervisor == "kvm":
            # KVM is a module inside the host kernel: an inset in the kernel's row.
            blocks.append(Block("hypervisor", split + 0.01, 1.1, 1.0 - split - 0.02, 0.55))
        elif host.hypervisor == "type2":
            blocks.append(Block("hypervisor", split, 2, 1.0 - split))
            base_right = 3
    if host.runtime:
        blocks.append(Block("runtime", 0.0, base_left, split))
        base_left += 1
    cw = split / max(len(left_cols), 1)
    for i, col in enumerate(left_cols):
        x = i * cw
        if _user_space_kernel(col[0], facts):
            states = shown_counts(col)
            blocks.append(_guest_block(col, x, base_left, cw, "user_kernel", states))
            blocks.append(_guest_block(col, x, base_left + 1, cw, states=states))
        else:
            blocks.append(_guest_block(col, x, base_left, cw))
    vw = (1.0 - split) / max(len(right_cols) + uvm_units, 1)
    if uvm_units:
        state = "running" if host.utility_vm else "starting"
        blocks.append(Block("utility_vm", split, base_right, uvm_units * vw, states={state: 1}))
        for i, col in enumerate(uvm_cols):
            blocks.append(_guest_block(col, split + i * vw, base_right + 1, vw))
    for i, col in enumerate(right_cols):
        x = split + (uvm_units + i) * vw
        states = shown_counts(col)
        blocks.append(_guest_block(col, x, base_right, vw, "guest_kernel", states))
        blocks.append(_guest_block(col, x, base_right + 1, vw, states=states))
    rows = max(int(b.row + b.h + 0.999) for b in blocks)
    return blocks, rows  # no spare row: a short pane needs every pixel for the stack


def restate(blocks: list[Block], guests: tuple[GuestView, ...]) -> list[Block]:
    """Return `blocks` (from `layout`) with the state counts of `guests`, the same guests.

    Between two frames of a crowd starting, guests change state but never place: the
    geometry is kept and only each column's counts are taken again.
    """
    by_id = dict(zip(map(_ID, guests), guests, strict=True))
    counted: dict[tuple[str, ...], dict[str, int]] = {}
    out = []
    for b in blocks:
        if not b.guest_ids:
            out.append(b)
            continue
        states = counted.get(b.guest_ids)
        if states is None:  # a VM's kernel block and its guest block share their guests
            col = list(map(by_id.__getitem__, b.guest_ids))
            states = counted[b.guest_ids] = shown_counts(col)
        out.append(b if states == b.states else replace(b, states=dict(states)))
    return out


def _reached(incidents: tuple[Incident, ...], time_s: float) -> list[tuple[str, str, float]]:
    """Return (target, effect, time) of every incident step reached by `time_s`."""
    return [
        (s.target, s.effect, s.time_s) for i in incidents for s in i.steps if s.time_s <= time_s
    ]


def _blocks_for(target: str, blocks: list[Block]) -> list[int]:
    """Return the indices of the blocks an incident target reaches."""
    if target.startswith("guest_kernel:"):
        gid = target.split(":", 1)[1]
        kernels = [
            i
            for i, b in enumerate(blocks)
            if b.role in ("guest_kernel", "user_kernel") and gid in b.guest_ids
        ]
        return kernels or _blocks_for(gid, blocks)
    roles = {"host": ("host_kernel", "hardware")}.get(target, (target,))
    found = [i for i, b in enumerate(blocks) if b.role in roles]
    return found or [i for i, b in enumerate(blocks) if b.role == "guest" and target in b.guest_ids]


def mark_incidents(
    blocks: list[Block],
    incidents: tuple[Incident, ...],
    time_s: float,
    guests: tuple[GuestView, ...] = (),
) -> list[Block]:
    """Return the blocks with the marks of every incident step reached by `time_s`.

    A guest block counts each of its guests once per effect (an aggregate shows "⚠ 3"); guests
    the snapshot says are compromised are marked even without a drawn step.
    """
    per_block: dict[int, dict[str, set[str]]] = {}
    latest: dict[int, float] = {}
    for target, effect, t in _reached(incidents, time_s):
        for i in _blocks_for(target, blocks):
            per_block.setdefault(i, {}).setdefault(effect, set()).add(target)
            latest[i] = max(latest.get(i, -1.0), t)
    compromised = [g for g in guests if g.compromised]
    owned = (
        {gid: i for i, b in enumerate(blocks) if b.role == "guest" for gid in b.guest_ids}
        if compromised
        else {}
    )
    for g in compromised:
        if g.id in owned:
            per_block.setdefault(owned[g.id], {}).setdefault("compromised", set()).add(g.id)
    if not per_block:
        return blocks
    out = list(blocks)
    for i, effects in per_block.items():
        out[i] = replace(
            blocks[i],
            marks={e: len(who) for e, who in effects.items()},
            reached_s=latest.get(i, -1.0),
        )
    return out

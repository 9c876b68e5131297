"""Where each block of the layer diagram goes, from a snapshot (pure geometry, no painting).

Coordinates: x from 0 to 1 across the widget, y in rows counted from the bottom (hardware is
row 0). Containers stand on the one host kernel, beside the hypervisor; every VM, microVM and
Kata sandbox brings its own guest kernel; gVisor stands on a user-space kernel (Sentry). On a
Windows host, Linux containers stand on the Linux utility VM (WSL 2) beside the VMs.
Incidents (`mark_incidents`) add marks to the blocks their steps have reached.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field, replace

from gui.views import layer_diagram_columns as cols
from sim.snapshot import LIVE_STATES, GuestView, HostView, Incident, TemplateView

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


def shown_counts(guests: tuple[GuestView, ...]) -> dict[str, int]:
    """Return how many of `guests` are drawn in each state, in the order bands are painted."""
    return cols.ordered(Counter(cols.shown_states(guests)))


def _guest_block(c: cols.Column, x: float, row: float, w: float, role: str = "guest") -> Block:
    return Block(role, x, row, w, 1.0, c.template, c.kind, c.ids, dict(c.states))


def layout(
    host: HostView,
    guests: tuple[GuestView, ...],
    templates: tuple[TemplateView, ...] = (),
) -> tuple[list[Block], int]:
    """Return the blocks of `guests` on `host` and the number of rows they use.

    `templates` are the snapshot's template facts; on a Windows host the containers of Linux
    images (the default when unknown) run in the Linux utility VM.
    """
    columns = cols.Columns()
    columns.update(host, guests, templates)
    return place(host, *columns.sides())


def place(
    host: HostView,
    left_cols: list[cols.Column],
    right_cols: list[cols.Column],
    uvm_cols: list[cols.Column],
) -> tuple[list[Block], int]:
    """Return the blocks of a host whose guests stand in these columns, and the rows used."""
    windows = host.os == "windows"
    uvm_units = max(len(uvm_cols), 1) if windows and (host.utility_vm or uvm_cols) else 0
    has_hv = host.hypervisor != "none"
    left_units = max(len(left_cols), 2) if host.runtime or left_cols else 0
    right_units = max(len(right_cols) + uvm_units, 2) if has_hv or right_cols or uvm_units else 0
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
        if col.user_kernel:
            blocks.append(_guest_block(col, i * cw, base_left, cw, "user_kernel"))
            blocks.append(_guest_block(col, i * cw, base_left + 1, cw))
        else:
            blocks.append(_guest_block(col, i * cw, base_left, cw))
    vw = (1.0 - split) / max(len(right_cols) + uvm_units, 1)
    if uvm_units:
        state = "running" if host.utility_vm else "starting"
        blocks.append(Block("utility_vm", split, base_right, uvm_units * vw, states={state: 1}))
        for i, col in enumerate(uvm_cols):
            blocks.append(_guest_block(col, split + i * vw, base_right + 1, vw))
    for i, col in enumerate(right_cols):
        x = split + (uvm_units + i) * vw
        blocks.append(_guest_block(col, x, base_right, vw, "guest_kernel"))
        blocks.append(_guest_block(col, x, base_right + 1, vw))
    rows = max(int(b.row + b.h + 0.999) for b in blocks)
    return blocks, rows  # no spare row: a short pane needs every pixel for the stack


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
    compromised: Collection[str] = (),
) -> list[Block]:
    """Return the blocks with the marks of every incident step reached by `time_s`.

    A guest block counts each of its guests once per effect (an aggregate shows "⚠ 3"); the
    `compromised` guests (the snapshot says so) are marked even without a drawn step.
    """
    per_block: dict[int, dict[str, set[str]]] = {}
    latest: dict[int, float] = {}
    for target, effect, t in _reached(incidents, time_s):
        for i in _blocks_for(target, blocks):
            per_block.setdefault(i, {}).setdefault(effect, set()).add(target)
            latest[i] = max(latest.get(i, -1.0), t)
    owned = (
        {gid: i for i, b in enumerate(blocks) if b.role == "guest" for gid in b.guest_ids}
        if compromised
        else {}
    )
    for gid in compromised:
        if gid in owned:
            per_block.setdefault(owned[gid], {}).setdefault("compromised", set()).add(gid)
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

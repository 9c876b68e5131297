"""Where each block of the layer diagram goes, from a snapshot (pure geometry, no painting).

Coordinates: x from 0 to 1 across the widget, y in rows counted from the bottom (hardware is
row 0). Containers stand on the one host kernel, beside the hypervisor; every VM, microVM and
Kata sandbox brings its own guest kernel; gVisor stands on a user-space kernel (Sentry).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sim.snapshot import GuestView, HostView

AGGREGATE_ABOVE = 8  # more blocks than this in a column: one block per template instead


@dataclass(frozen=True)
class Block:
    """One rectangle of the diagram; guest blocks list the guests they stand for."""

    role: str       # hardware, hypervisor, host_kernel, runtime, user_kernel, guest_kernel, guest
    x: float
    row: float
    w: float
    h: float = 1.0
    template: str = ""
    kind: str = ""
    guest_ids: tuple[str, ...] = ()
    states: dict[str, int] = field(default_factory=dict)
    text_w: float = 1.0  # share of the width free for the label (an inset may cover the rest)

    @property
    def count(self) -> int:
        """Return how many guests (or guest kernels) this block stands for."""
        return len(self.guest_ids)

    @property
    def state(self) -> str:
        """Return the state shared by all guests, or "mixed"."""
        return next(iter(self.states)) if len(self.states) == 1 else "mixed"


def own_kernel(g: GuestView) -> bool:
    """Return whether a guest boots its own kernel (VMs, microVMs, Kata; not gVisor)."""
    if g.kind == "sandbox":
        return "gvisor" not in g.template  # Kata runs each pod in a lightweight VM
    return g.kind in ("vm", "microvm", "container-in-vm")


def _columns(guests: list[GuestView]) -> list[list[GuestView]]:
    """Return one column per guest, or one per template when there are too many."""
    if len(guests) <= AGGREGATE_ABOVE:
        return [[g] for g in guests]
    by_template: dict[str, list[GuestView]] = {}
    for g in guests:
        by_template.setdefault(g.template, []).append(g)
    return list(by_template.values())


def _guest_block(col: list[GuestView], x: float, row: float, w: float, role: str = "guest",
                 h: float = 1.0) -> Block:
    g = col[0]
    return Block(role, x, row, w, h, g.template, g.kind, tuple(m.id for m in col),
                 dict(Counter(m.state for m in col)))


def layout(host: HostView, guests: tuple[GuestView, ...]) -> tuple[list[Block], int]:
    """Return the blocks and the number of rows they use."""
    shared = [g for g in guests if not own_kernel(g)]
    vms = [g for g in guests if own_kernel(g)]
    left_cols, right_cols = _columns(shared), _columns(vms)
    has_hv = host.hypervisor != "none"
    left_units = max(len(left_cols), 2) if host.runtime or shared else 0
    right_units = max(len(right_cols), 2) if has_hv or vms else 0
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
        if col[0].kind == "sandbox":
            blocks.append(_guest_block(col, x, base_left, cw, "user_kernel"))
            blocks.append(_guest_block(col, x, base_left + 1, cw))
        else:
            blocks.append(_guest_block(col, x, base_left, cw))
    vw = (1.0 - split) / max(len(right_cols), 1)
    for i, col in enumerate(right_cols):
        x = split + i * vw
        blocks.append(_guest_block(col, x, base_right, vw, "guest_kernel"))
        blocks.append(_guest_block(col, x, base_right + 1, vw))
    rows = max(int(b.row + b.h + 0.999) for b in blocks)
    return blocks, max(rows, 5)

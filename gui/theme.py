"""Colours, state patterns and font sizes shared by every view and legend.

One colour per memory layer, per guest kind and per start phase, from the colour-blind-safe
Okabe–Ito palette plus tints and greys where it has too few colours. State is never shown by
colour alone: each state also has a brush pattern and an outline style.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

# Okabe & Ito (2008), "Color Universal Design".
BLACK = "#000000"
ORANGE = "#E69F00"
SKY_BLUE = "#56B4E9"
GREEN = "#009E73"
YELLOW = "#F0E442"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
PURPLE = "#CC79A7"
GREY = "#999999"
LIGHT_GREY = "#DDDDDD"
DARK_GREY = "#555555"

LAYER_COLOURS: dict[str, str] = {
    "host_kernel": DARK_GREY,
    "runtime": "#8C6D00",  # dark orange tint: the runtime sits with the containers
    "container": ORANGE,
    "page_cache": YELLOW,
    "vmm": PURPLE,
    "guest_kernel": BLUE,
    "guest_os": SKY_BLUE,
    "guest_cache": "#8FCBEF",  # between Guest OS and idle RAM: cached, reclaimable
    "guest_idle": "#BFE3F7",  # light sky-blue tint: reserved but unused VM RAM
    "app": GREEN,
    "free": "#FFFFFF",
    "swap_used": VERMILLION,
    "ksm_saved": LIGHT_GREY,
}

KIND_COLOURS: dict[str, str] = {
    "container": ORANGE,
    "vm": BLUE,
    "microvm": SKY_BLUE,
    "sandbox": GREEN,
    "container-in-vm": "#F5C77E",  # orange tint: a container, inside a VM
}

# Container phases warm (orange/yellow), VM phases cool (blues/purple), the shared "app" green.
PHASE_COLOURS: dict[str, str] = {
    "pull": YELLOW,
    "daemon": "#8C6D00",
    "network": ORANGE,
    "runc_create": VERMILLION,
    "exec": "#F5C77E",
    "sandbox": "#7FCDB5",
    "vmm": PURPLE,
    "firmware": "#6E3F5E",
    "bootloader": GREY,
    "kernel": BLUE,
    "userspace": SKY_BLUE,
    "cloud_init": "#7A6FD0",  # indigo: set apart from the kernel blue and the userspace sky blue
    "app": GREEN,
    "utility_vm": "#9AC9E8",  # sky-blue tint: the Linux VM under Windows containers boots
    # Moving to another host: on the wire (dark), then a disk format conversion (pale purple).
    "transfer": DARK_GREY,
    "convert": "#E6B8D6",
    # Moving a running guest: live copy rounds (mid grey), the downtime steps darker/warmer.
    "precopy": "#A0A0A0",
    "stopcopy": "#3A3A3A",
    "dump": "#B07AA1",
    "restore": "#59A14F",
}
PHASES: tuple[str, ...] = tuple(PHASE_COLOURS)

# Runtime profiles of the benchmark view: containers warm, VMs blue, as the guest kinds; the
# faster variant of each pair (host network, pinned vCPUs) is the darker shade.
PROFILE_COLOURS: dict[str, str] = {
    "container-nat": ORANGE,
    "container-host": "#A35200",
    "vm-untuned": SKY_BLUE,
    "vm-tuned": BLUE,
    "microvm": PURPLE,
    "gvisor": GREEN,
    "kata": "#7FCDB5",
    # Sandbox profiles other than the default: the same hue, lighter or darker.
    "gvisor-kvm": "#00664A",
    "gvisor-ptrace": "#66C2A5",
    "kata-clh": "#4FA88E",
    "kata-firecracker": "#B7E4D6",
    "container-in-vm": "#F5C77E",
}
# Incidents in the layer diagram: reached by a fault (red), stopped by a protection (green).
HARM = "#C00000"
SAFE = GREEN

# Architecture blocks of the layer diagram that are not guests.
BLOCK_COLOURS: dict[str, str] = {
    "hardware": "#BBBBBB",
    "host_kernel": DARK_GREY,
    "runtime": "#8C6D00",
    "hypervisor": PURPLE,
    "user_kernel": GREEN,
}

FALLBACK = GREY

STATE_BRUSH: dict[str, Qt.BrushStyle] = {
    "pending": Qt.BrushStyle.Dense6Pattern,
    "pulling": Qt.BrushStyle.Dense4Pattern,
    "starting": Qt.BrushStyle.Dense2Pattern,
    "running": Qt.BrushStyle.SolidPattern,
    "stopped": Qt.BrushStyle.NoBrush,
    "moving": Qt.BrushStyle.Dense5Pattern,
    # Leaving: still mostly there; arriving: its pages filling in.
    "leaving": Qt.BrushStyle.Dense3Pattern,
    "arriving": Qt.BrushStyle.Dense6Pattern,
    "killed": Qt.BrushStyle.DiagCrossPattern,
    "crashed": Qt.BrushStyle.BDiagPattern,
    "failed": Qt.BrushStyle.BDiagPattern,
}
STATE_OUTLINE: dict[str, Qt.PenStyle] = {
    "pending": Qt.PenStyle.DotLine,
    "pulling": Qt.PenStyle.DashLine,
    "starting": Qt.PenStyle.DashLine,
    "running": Qt.PenStyle.SolidLine,
    "stopped": Qt.PenStyle.DotLine,
    "moving": Qt.PenStyle.DashDotLine,
    "leaving": Qt.PenStyle.DashDotLine,
    "arriving": Qt.PenStyle.DashDotDotLine,
    "killed": Qt.PenStyle.SolidLine,
    "crashed": Qt.PenStyle.SolidLine,
    "failed": Qt.PenStyle.SolidLine,
}
# A glyph beside the state for people who cannot tell patterns apart either.
STATE_MARK: dict[str, str] = {
    "pending": "…",
    "pulling": "↓",
    "starting": "▷",
    "running": "●",
    "stopped": "■",
    "moving": "→",
    "leaving": "↗",
    "arriving": "↘",
    "killed": "✕",
    "crashed": "⚠",
    "failed": "⚠",
}


def colour(table: dict[str, str], key: str) -> QColor:
    """Return the colour for `key` in one of the tables above (grey when unknown)."""
    return QColor(table.get(key, FALLBACK))


def text_on(background: QColor) -> QColor:
    """Return black or white, whichever reads better on `background`."""
    luma = 0.299 * background.redF() + 0.587 * background.greenF() + 0.114 * background.blueF()
    return QColor(BLACK) if luma > 0.55 else QColor("#FFFFFF")


@dataclass(frozen=True, slots=True)
class Metrics:
    """Sizes that change with projector mode."""

    font_pt: int
    small_pt: int
    line_px: int
    foreground: str
    background: str
    grid_alpha: float


NORMAL = Metrics(
    font_pt=10, small_pt=9, line_px=1, foreground="#202020", background="#FFFFFF", grid_alpha=0.25
)
# Projector: ≥ 16 pt text and ≥ 3 px lines so the back row can read it; pure black on white.
PROJECTOR = Metrics(
    font_pt=18, small_pt=16, line_px=3, foreground=BLACK, background="#FFFFFF", grid_alpha=0.4
)


# The screen height at which projector text is 16 pt; taller screens scale it up, so text
# takes the same share of the picture (what the back row sees) on any projector.
PROJECTOR_BASE_HEIGHT_PX = 768


def scale_projector(screen_height_px: int) -> Metrics:
    """Size projector mode for a screen `screen_height_px` tall (never below 16 pt)."""
    global PROJECTOR
    factor = max(1.0, screen_height_px / PROJECTOR_BASE_HEIGHT_PX)
    PROJECTOR = Metrics(
        font_pt=round(18 * factor),
        small_pt=round(16 * factor),
        line_px=max(3, round(3 * factor)),
        foreground=BLACK,
        background="#FFFFFF",
        grid_alpha=0.4,
    )
    return PROJECTOR


def metrics(projector: bool) -> Metrics:
    """Return the sizes for normal or projector mode."""
    return PROJECTOR if projector else NORMAL


def font(projector: bool, *, small: bool = False, bold: bool = False) -> QFont:
    """Return the UI font at the size for the mode."""
    m = metrics(projector)
    f = QFont()
    f.setPointSize(m.small_pt if small else m.font_pt)
    f.setBold(bold)
    return f

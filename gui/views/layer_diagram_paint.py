"""Painting helpers of the layer diagram: state bands, badge room, text plans, extents.

A block's text placement (area, fitted text, white plate) costs more to work out than to
draw, and most blocks keep it from one frame to the next, so `TextPlans` keeps it by what
decides it and forgets everything when the language, the mode's sizes or the font change.
A block's `look` is all of it that decides its pixels; its `extent` is the pixels it may
touch (`layer_diagram_damage` paints again only the extents of blocks whose look changed).
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QPainter

from gui import theme
from gui.views import incident_marks
from gui.views import layer_diagram_layout as lay
from gui.views.layer_diagram_text import Fitted

Plan = tuple[QRectF, Fitted, QRectF | None]  # text area, fitted text, white plate (None: none)
Look = tuple[object, ...]  # what a block looks like (`look`)
OWN_STATE = frozenset({"guest", "guest_kernel", "user_kernel", "utility_vm"})  # others: running
_MAX_PLANS = 512  # texts and sizes seen while guests came and went


def paint_breakdown(p: QPainter, b: lay.Block, r: QRectF, fill: QColor) -> None:
    """Split an aggregate block into state bands, widths proportional to the counts."""
    x = r.left()
    for s in theme.STATE_BRUSH:
        n = b.states.get(s, 0)
        if not n:
            continue
        w = r.width() * n / b.count
        p.setBrush(QBrush(fill, theme.STATE_BRUSH[s]))
        p.drawRect(QRectF(x, r.top(), w, r.height()))
        x += w


def badge_size(b: lay.Block, r: QRectF, projector: bool) -> tuple[float, float]:
    """Return the width and height of the block's incident badge, as incident_marks draws it."""
    size = min(r.height() * 0.55, 34.0 if projector else 24.0)
    font = theme.font(projector, bold=True)
    font.setPixelSize(max(12, int(size)))
    fm = QFontMetrics(font)
    count = b.marks.get(b.mark, 0)
    text = incident_marks.GLYPHS.get(b.mark, "") + (f"{count}" if b.count > 1 and count else "")
    h = fm.height() * 1.05
    return max(h, fm.horizontalAdvance(text) + h * 0.5), h


def badge_room(b: lay.Block, r: QRectF, projector: bool) -> float:
    """Return the width an incident badge takes at the right of the text (0: none)."""
    return badge_size(b, r, projector)[0] + 2 + 4 if b.mark else 0.0  # its inset, then a gap


def fill(b: lay.Block) -> QColor:
    """Return a block's colour: its kind for guests, its layer otherwise."""
    if b.role == "guest":
        return theme.colour(theme.KIND_COLOURS, b.kind)
    if b.role == "guest_kernel":
        return theme.colour(theme.LAYER_COLOURS, "guest_kernel")
    if b.role == "utility_vm":
        return theme.colour(theme.KIND_COLOURS, "vm").lighter(160)
    return theme.colour(theme.BLOCK_COLOURS, b.role)


def state_of(b: lay.Block, host_down: bool) -> str:
    """Return the state a block is drawn in."""
    if b.role == "host_kernel" and host_down:
        return "crashed"  # a kernel panic took the shared kernel, and every container
    return b.state if b.role in OWN_STATE else "running"


def look(b: lay.Block, host_down: bool) -> Look:
    """Return all of a block that decides how it is painted, besides the host and its pulse."""
    return (*_content(b), b.x, b.row, b.h, b.reached_s, state_of(b, host_down))


def _content(b: lay.Block) -> tuple[object, ...]:
    """Return what a block shows and says: its guests, counts, marks and text room."""
    # The marks decide the badge (its glyph, its count) and so the areas beside and under it.
    return (
        b.role,
        b.template,
        b.kind,
        b.guest_ids[:1],
        b.count,
        tuple(b.states.items()),
        tuple(b.marks.items()),
        b.text_w,
        b.w,
    )


def shown(b: lay.Block, r: QRectF, host_down: bool, projector: bool) -> tuple[str, QRectF, bool]:
    """Return the state a block is drawn in, where its face is, and whether it is solid."""
    state = state_of(b, host_down)
    if b.role == "guest_kernel" and b.count > 1:
        step = 6.0 if projector else 4.0
        r = r.adjusted(0, 2 * step, -2 * step, 0)  # room for the deck of kernels behind
    solid = state == "running" and (b.role != "guest" or b.state != "mixed")
    return state, r, solid


def plan_key(b: lay.Block, r: QRectF, solid: bool) -> tuple[object, ...]:
    """Return what decides a block's text placement, besides language, mode and host."""
    return (*_content(b), r.x(), r.y(), r.width(), r.height(), solid)


class TextPlans:
    """Block text plans by `plan_key`, valid for one context (mode, sizes, font, language)."""

    def __init__(self) -> None:
        self._plans: dict[tuple[object, ...], Plan] = {}
        self._context: tuple[object, ...] = ()

    def __len__(self) -> int:
        return len(self._plans)

    def clear(self) -> None:
        """Forget every plan (language, mode or host changed)."""
        self._plans.clear()

    def set_context(self, context: tuple[object, ...]) -> bool:
        """Forget every plan when `context` differs from the one they were made in (True)."""
        if context == self._context:
            return False
        self._context = context
        self._plans.clear()
        return True

    def get(self, key: tuple[object, ...], make: Callable[[], Plan]) -> Plan:
        """Return the plan for `key`, made by `make` when not kept."""
        plan = self._plans.get(key)
        if plan is None:
            if len(self._plans) > _MAX_PLANS:
                self._plans.clear()
            plan = self._plans[key] = make()
        return plan


def reach(line_px: int, gone: bool, marked: bool) -> float:
    """Return how far past its rectangle a block's painting may go, in pixels.

    The outline's pen is centred on the edge; a strike-through's square caps stick out of
    the corners by half the pen's width times √2; an incident's glow grows up to
    `GLOW_PX` around the block. Half a pixel more for antialiasing's rounding.
    """
    far = (line_px + 1) / 2
    if gone:
        far = max(far, (line_px + 2) / 2 * math.sqrt(2))
    if marked:
        far = max(far, incident_marks.GLOW_PX, (line_px + 3) / 2)
    return far + 0.5


def extent(r: QRectF, face: QRectF, line_h: int, far: float) -> QRect:
    """Return the pixels a block at `r` may touch: its pens reach `far` out, and its text.

    A fitted text stays inside its area (`text_areas`: in the face, 2 px from its edges);
    only a cut one, a single line at most `line_h` tall and centred, can stick out of a thin
    block, by half of what it lacks. Neighbours stand 6 px apart, so a block's extent does not
    reach theirs and a change repaints that block alone.
    """
    spill = max(0.0, (line_h - (face.height() - 4)) / 2) + 2
    return r.adjusted(-far, -max(far, spill), far, max(far, spill)).toAlignedRect()

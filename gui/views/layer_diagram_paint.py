"""Painting helpers of the layer diagram: state bands, badge room, and text plans kept.

A block's text placement (area, fitted text, white plate) costs more to work out than to
draw, and most blocks keep it from one frame to the next, so `TextPlans` keeps it by what
decides it and forgets everything when the language, the mode's sizes or the font change.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF
from PySide6.QtGui import QBrush, QColor, QPainter

from gui import theme
from gui.views import layer_diagram_layout as lay
from gui.views.layer_diagram_text import Fitted

Plan = tuple[QRectF, Fitted, QRectF | None]  # text area, fitted text, white plate (None: none)
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


def badge_room(b: lay.Block, r: QRectF, projector: bool) -> float:
    """Return the width an incident badge takes at the right of the text (0: none)."""
    if not b.mark:
        return 0.0
    size = min(r.height() * 0.55, 34.0 if projector else 24.0)  # as incident_marks
    digits = len(str(b.marks.get(b.mark, 0))) if b.count > 1 else 0
    return size * (1.1 + 0.6 * digits) + 4


def plan_key(b: lay.Block, r: QRectF, solid: bool) -> tuple[object, ...]:
    """Return what decides a block's text placement, besides language, mode and host."""
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
        r.x(),
        r.y(),
        r.width(),
        r.height(),
        solid,
    )


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

    def set_context(self, context: tuple[object, ...]) -> None:
        """Forget every plan when `context` differs from the one they were made in."""
        if context != self._context:
            self._context = context
            self._plans.clear()

    def get(self, key: tuple[object, ...], make: Callable[[], Plan]) -> Plan:
        """Return the plan for `key`, made by `make` when not kept."""
        plan = self._plans.get(key)
        if plan is None:
            if len(self._plans) > _MAX_PLANS:
                self._plans.clear()
            plan = self._plans[key] = make()
        return plan

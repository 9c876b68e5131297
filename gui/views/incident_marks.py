"""Painting incidents on the layer diagram: red for what a fault reached, green for what held.

Shapes carry the meaning as well as colour: a crashed block gets a bold ✕ over a red wash, a
compromised one a thick red outline and ⚠, a blocked or contained attack a green shield with ✓.
A step reached moments ago glows, so the class sees the fault travel layer by layer.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPen

from gui import theme
from gui.views.layer_diagram_layout import Block

GLOW_S = 0.6  # a step glows this long (simulated seconds) after it is reached
GLOW_PX = 14.0  # how far the glow reaches out of the block, when it starts
GLYPHS = {
    "crashed": "✕",
    "killed": "✕",
    "compromised": "⚠",
    "slowed": "◔",
    "blocked": "✓",
    "contained": "✓",
}


def _badge_font(projector: bool, px: float) -> QFont:
    f = theme.font(projector, bold=True)
    f.setPixelSize(max(12, int(px)))
    return f


def paint_mark(p: QPainter, b: Block, r: QRectF, projector: bool, now_s: float) -> None:
    """Paint the incident mark of one block (nothing when it has none)."""
    mark = b.mark
    if not mark:
        return
    m = theme.metrics(projector)
    harm = QColor(theme.HARM)
    age = now_s - b.reached_s if b.reached_s >= 0 else GLOW_S
    if 0 <= age < GLOW_S:
        glow = QColor(harm if mark not in ("blocked", "contained") else theme.SAFE)
        glow.setAlphaF(0.6 * (1 - age / GLOW_S))
        grow = 4 + (GLOW_PX - 4) * (1 - age / GLOW_S)
        p.setPen(QPen(glow, grow))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(r.adjusted(-grow / 2, -grow / 2, grow / 2, grow / 2))
    if mark in ("crashed", "killed"):
        wash = QColor(harm)
        wash.setAlphaF(0.35)
        p.fillRect(r, wash)
    if mark in ("crashed", "killed", "compromised"):
        p.setPen(QPen(harm, m.line_px + 3))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(r.adjusted(1, 1, -1, -1))
    count = b.marks.get(mark, 0)
    text = GLYPHS[mark] + (f"{count}" if b.count > 1 and count else "")
    size = min(r.height() * 0.55, 34.0 if projector else 24.0)
    # Beside the label, clear of an inset (KVM inside the host kernel's row).
    _badge(
        p,
        QRectF(r.left(), r.top(), r.width() * b.text_w, r.height()),
        text,
        mark,
        _badge_font(projector, size),
    )


def _badge(p: QPainter, r: QRectF, text: str, mark: str, font: QFont) -> None:
    """Paint a badge in the block's top-right corner: red disc, or a green shield."""
    fm = QFontMetrics(font)
    h = fm.height() * 1.05
    w = max(h, fm.horizontalAdvance(text) + h * 0.5)
    box = QRectF(r.right() - w - 2, r.top() + 2, w, h)
    safe = mark in ("blocked", "contained")
    p.setPen(QPen(QColor("#FFFFFF"), 2))
    p.setBrush(QBrush(QColor(theme.SAFE if safe else theme.HARM)))
    if safe:
        p.drawPath(_shield(box))
    else:
        p.drawRoundedRect(box, h / 2, h / 2)
    p.setFont(font)
    p.setPen(QColor("#FFFFFF"))
    p.drawText(box, Qt.AlignmentFlag.AlignCenter, text)


def _shield(box: QRectF) -> QPainterPath:
    path = QPainterPath()
    path.moveTo(box.topLeft())
    path.lineTo(box.topRight())
    path.lineTo(QPointF(box.right(), box.top() + box.height() * 0.55))
    path.quadTo(QPointF(box.right(), box.bottom()), QPointF(box.center().x(), box.bottom() + 4))
    path.quadTo(
        QPointF(box.left(), box.bottom()), QPointF(box.left(), box.top() + box.height() * 0.55)
    )
    path.closeSubpath()
    return path


def _banner_font(projector: bool) -> QFont:
    f = theme.font(projector, bold=True)
    f.setPointSize(int(f.pointSize() * (1.1 if projector else 1.3)))
    return f


def banner_height(projector: bool) -> float:
    """Return the height a banner takes at the top of the diagram, margins included."""
    return QFontMetrics(_banner_font(projector)).height() * 1.6 + 8


def paint_banner(p: QPainter, area: QRectF, text: str, grey_out: bool, projector: bool) -> None:
    """Grey the stack out (a panicked host) and/or write a red banner across its top."""
    if grey_out:
        p.fillRect(area, QColor(90, 90, 90, 150))
    f = _banner_font(projector)
    fm = QFontMetrics(f)
    w = min(area.width() - 8, fm.horizontalAdvance(text) + 3 * fm.height())
    box = QRectF(area.center().x() - w / 2, area.top() + 4, w, fm.height() * 1.6)
    p.setPen(QPen(QColor("#FFFFFF"), 2))
    p.setBrush(QBrush(QColor(theme.HARM)))
    p.drawRoundedRect(box, 6, 6)
    p.setFont(f)
    p.setPen(QColor("#FFFFFF"))
    p.drawText(
        box,
        Qt.AlignmentFlag.AlignCenter,
        fm.elidedText(text, Qt.TextElideMode.ElideRight, int(box.width() - 8)),
    )

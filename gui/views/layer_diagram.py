"""Layer diagram: hardware, host kernel, runtime beside hypervisor, guest kernels, apps.

Painted with QPainter from the layout in `layer_diagram_layout`; the layout is recomputed only
when guests or their states change, and starting guests pulse from the snapshot's time.
Incidents are marked on the blocks their steps reached (`incident_marks`), a panicked host is
greyed out and a compromised one carries a red banner.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QRegion,
)
from PySide6.QtWidgets import QVBoxLayout, QWidget

from gui import theme, units
from gui.i18n import catalog_name
from gui.text import labels
from gui.views import incident_marks
from gui.views import layer_diagram_layout as lay
from gui.views import layer_diagram_paint as paint
from gui.views.base import SnapshotView
from gui.views.layer_diagram_columns import Columns
from gui.views.layer_diagram_damage import Damage, Place
from gui.views.layer_diagram_text import WRAP, Fits, Fitted, breakable
from gui.views.legend import Legend
from sim.snapshot import KINDS, LIVE_STATES, STATES, HostView, Snapshot

_LEGEND_STATES = ("starting", "running", "killed", "crashed", "leaving", "arriving")
# Always named; the others only while a guest is drawn so (the legend must not crowd the blocks).
_LEGEND_ALWAYS = frozenset({"starting", "running"})
_GONE = frozenset(STATES) - frozenset(LIVE_STATES)
_SMALL_TEXT = frozenset({"guest", "user_kernel", "guest_kernel"})  # blocks that can be narrow

# Starting guests pulse once per simulated second, drawn in this many steps.
PULSE_STEPS = 8


class _Canvas(QWidget):
    """The painted area; the view owns the data, the canvas only paints and hit-tests."""

    def __init__(self, view: LayerDiagramView) -> None:
        super().__init__(view)
        self._view = view
        self.setMinimumSize(240, 120)  # short panes: the blocks' texts shrink or shorten
        # It paints every pixel (white first): Qt need not paint the widgets behind it.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def _floor(self) -> float:
        return QFontMetrics(theme.font(self._view.projector, small=True)).height()

    def block_rect(self, b: lay.Block, floor: float | None = None) -> QRectF:
        rows = self._view.row_count
        rh = (self.height() - self._view.banner_px()) / rows  # a banner never covers blocks
        pad = 3.0
        top = self.height() - (b.row + b.h) * rh
        rect = QRectF(
            b.x * self.width() + pad, top + pad, b.w * self.width() - 2 * pad, b.h * rh - 2 * pad
        )
        if floor is None:
            floor = self._floor()
        if b.h < 1 and rect.height() < floor + 6:
            # An inset (KVM in the host kernel) too thin for a line of text: the row's height.
            row_top = self.height() - (int(b.row) + 1) * rh
            rect.setTop(row_top + pad + 1)  # inside the block it sits in
            rect.setBottom(row_top + rh - pad - 1)
        return rect

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("#FFFFFF"))
        self._view.check_text_context()
        region = event.region()
        # QRegion.contains(QRect) is true when they merely overlap: ask what is left uncovered.
        whole = QRegion(self.rect()).subtracted(region).isEmpty()
        for b, (r, reach) in zip(self._view.blocks, self._view.block_places(), strict=True):
            # Only blocks that touch the part asked for: Qt clips the rest away anyway.
            if whole or region.intersects(reach):
                self._view.paint_block(p, b, r)
        self._view.paint_banner(p, QRectF(self.rect()))
        p.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        for b in reversed(self._view.blocks):
            if b.guest_ids and self.block_rect(b).contains(QPointF(event.position())):
                self._view.guest_selected.emit(b.guest_ids[0])
                return


class LayerDiagramView(SnapshotView):
    """Architecture of the host as it fills. Emits `guest_selected(id)` on a guest block."""

    guest_selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._blocks: list[lay.Block] = []
        self._rows = 5
        self._columns = Columns()  # the guests by column, kept from frame to frame
        self._host: HostView | None = None  # the host last drawn
        self._incidents = (0, 0)  # incidents, and their steps reached, last drawn
        self._pulsing = False  # a block is drawn starting: it pulses
        self._time = 0.0
        self._fits = Fits()
        # Where each block's text goes, by what decides it: most blocks keep their text from
        # one frame to the next, and fitting and measuring it costs more than drawing it.
        self._plans = paint.TextPlans()
        self._damage = Damage(self._measure)  # what changed since the last frame, and where
        self._line_h: dict[bool, int] = {}  # text line height, by small font or not
        self._kinds = Legend(
            [(k, theme.colour(theme.KIND_COLOURS, k), Qt.BrushStyle.SolidPattern) for k in KINDS],
            labels.kind_label,
        )
        self._states = Legend(
            [(s, QColor(theme.GREY), theme.STATE_BRUSH[s]) for s in _LEGEND_STATES],
            self._state_name,
        )
        self._states.set_visible_keys(set(_LEGEND_ALWAYS))
        self._canvas = _Canvas(self)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self._kinds)  # two wrapping rows: kinds, then states
        box.addWidget(self._states)
        box.addWidget(self._canvas, 1)

    @staticmethod
    def _state_name(state: str) -> str:
        return f"{theme.STATE_MARK[state]} {labels.state_label(state)}"

    @property
    def blocks(self) -> tuple[lay.Block, ...]:
        """Return the blocks drawn, bottom row first."""
        return tuple(self._blocks)

    @property
    def marks(self) -> tuple[tuple[str, QRectF, str], ...]:
        """Return (target, rect, mark) of every block an incident has marked."""
        return tuple((b.target, self.block_rect(b), b.mark) for b in self._blocks if b.mark)

    @property
    def row_count(self) -> int:
        """Return how many rows the diagram is tall (no spare row under a banner)."""
        if self.banner_px():
            return max(int(b.row + b.h + 0.999) for b in self._blocks)
        return self._rows

    @property
    def canvas(self) -> QWidget:
        """Return the painted area (for clicks in tests)."""
        return self._canvas

    def block_rect(self, block: lay.Block) -> QRectF:
        """Return where `block` is painted, in canvas pixels."""
        return self._canvas.block_rect(block)

    def retranslate(self) -> None:
        """Re-read translated names of legends (blocks translate when painted)."""
        self._plans.clear()
        self._kinds.retranslate()
        self._states.retranslate()
        self._canvas.update()

    def _apply_projector(self) -> None:
        self._plans.clear()
        self._kinds.set_projector(self.projector)
        self._states.set_projector(self.projector)
        self._canvas.update()

    def _draw(self, snap: Snapshot, force: bool = False) -> None:
        # Incidents are few: their steps reached so far are counted afresh.
        reached = sum(s.time_s <= snap.time_s for i in snap.incidents for s in i.steps)
        incidents = (len(snap.incidents), reached)
        glowing = any(
            0 <= snap.time_s - s.time_s < incident_marks.GLOW_S
            for i in snap.incidents
            for s in i.steps
        )
        same_host = snap.host == self._host
        # The guests that changed since the last frame move their columns' counts.
        moved = self._columns.update(snap.host, snap.guests, snap.templates)
        if moved or force or not same_host or incidents != self._incidents:
            if force or not same_host:
                self._plans.clear()  # block texts name the host's OS, cores and RAM
            self._host, self._incidents = snap.host, incidents
            self._place(snap)
        elif not (self._pulsing or glowing) or snap.time_s == self._time:
            return  # nothing moves: no repaint
        elif not glowing and int(snap.time_s * PULSE_STEPS) == int(self._time * PULSE_STEPS):
            return  # the pulse moves in steps: a repaint per step, not per frame
        self._time = snap.time_s
        self._update_canvas(force or not same_host)

    def _place(self, snap: Snapshot) -> None:
        """Place the blocks of the columns as they are now, mark incidents, fit the legends."""
        columns = self._columns
        blocks, self._rows = lay.place(snap.host, *columns.sides())
        self._blocks = lay.mark_incidents(blocks, snap.incidents, snap.time_s, columns.compromised)
        own = paint.OWN_STATE
        self._pulsing = any(b.state == "starting" for b in self._blocks if b.role in own)
        self._kinds.set_visible_keys({k for k, n in columns.kinds.items() if n} or set(KINDS))
        shown = {s for b in self._blocks if b.role == "guest" for s in b.states}  # all guests
        shown = {"crashed" if s == "failed" else s for s in shown}
        self._states.set_visible_keys(set(_LEGEND_ALWAYS) | (shown & set(_LEGEND_STATES)))

    def _update_canvas(self, whole: bool) -> None:
        """Ask Qt to paint again where blocks changed (all of it when marks may spill over)."""
        shown = None  # badges, glows and the banner paint outside blocks: repaint all
        if not self.banner_px() and not any(b.mark for b in self._blocks):
            self.check_text_context()
            down = self._host is not None and self._host.down
            shown = {(paint.look(b, down), self._pulse(b, down)): b for b in self._blocks}
        region = self._damage.changed(shown, self._geometry_context(), whole)
        if region is None:
            self._canvas.update()
        else:
            self._canvas.update(region)

    def _pulse(self, b: lay.Block, host_down: bool) -> int:
        """Return the step of the pulse `b` is painted at (-1: it does not pulse)."""
        if paint.state_of(b, host_down) != "starting":
            return -1
        return int(self._time * PULSE_STEPS)

    def _geometry_context(self) -> tuple[object, ...]:
        """Return what places the blocks on the canvas besides their own coordinates."""
        c = self._canvas
        return (c.width(), c.height(), self.row_count, self.banner_px(), self.projector)

    def block_places(self) -> list[Place]:
        """Return where each block is painted and the pixels it may touch, in block order."""
        down = self._host is not None and self._host.down
        looks = [(paint.look(b, down), b) for b in self._blocks]
        return self._damage.places(looks, self._geometry_context())

    def _measure(self, b: lay.Block) -> Place:
        r = self._canvas.block_rect(b)
        return r, self.extent(b, r)

    def _shown(self, b: lay.Block, r: QRectF) -> tuple[str, QRectF, bool]:
        """Return the state a block is drawn in, where its face is, and whether it is solid."""
        host = self.snapshot.host if self.snapshot else None
        return paint.shown(b, r, host is not None and host.down, self.projector)

    def extent(self, b: lay.Block, r: QRectF) -> QRect:
        """Return the pixels block `b` at `r` may touch when painted (its text unfitted)."""
        small = b.role in _SMALL_TEXT
        if small not in self._line_h:  # the block's own size: a cut text is never taller
            font = theme.font(self.projector, bold=True, small=small)
            self._line_h[small] = QFontMetrics(font).height()
        state, face, _solid = self._shown(b, r)
        far = paint.reach(theme.metrics(self.projector).line_px, state in _GONE, bool(b.mark))
        return paint.extent(r, face, self._line_h[small], far)

    # --- painting ----------------------------------------------------------------------------
    def block_text(self, b: lay.Block) -> tuple[str, str]:
        """Return the title and subtitle painted on a block, in the current language."""
        snap = self.snapshot
        host = snap.host if snap else None
        windows = host is not None and host.os == "windows"
        if b.role == "utility_vm":
            return self.tr("Linux VM (WSL 2)"), self.tr(
                "its own Linux kernel, for Linux containers"
            )
        if b.role == "host_kernel" and windows:
            return self.tr("Windows kernel (host OS)"), ""
        if b.role == "hypervisor" and host is not None and windows and host.hypervisor == "type1":
            return self.tr("Hyper-V (type-1 hypervisor)"), ""
        if b.role == "hardware" and host:
            return labels.block_label("hardware"), self.tr("{cores} cores · {ram} RAM").format(
                cores=host.cores, ram=units.mib(host.ram_mib)
            )
        if b.role == "host_kernel":
            if host and host.hypervisor == "type1":
                return labels.block_label("host_os"), ""
            return labels.block_label(
                "host_kernel_shared" if host and host.runtime else "host_kernel"
            ), ""
        if b.role == "runtime":
            return labels.block_label("runtime"), labels.block_label("runtime_detail")
        if b.role == "hypervisor" and host:
            return labels.block_label(host.hypervisor), ""
        if b.role == "user_kernel":
            return labels.block_label("user_kernel"), ""
        if b.role == "guest_kernel":
            if b.count > 1:  # kernels that exist: a VM that failed to start has none
                return labels.block_label("guest_kernels").format(n=units.count(b.live_count)), ""
            # Which OS's kernel: three VMs of three OSes are not three of the same.
            template = self.snapshot.template(b.template) if self.snapshot else None
            return labels.block_label("guest_kernel"), (
                catalog_name(template.name) if template is not None else ""
            )
        name = b.guest_ids[0] if b.count == 1 else f"{b.template} ×{units.count(b.count)}"
        marks = " ".join(
            f"{n if b.count > 1 else ''}{theme.STATE_MARK.get(s, '?')}" for s, n in b.states.items()
        )
        if b.count == 1 and b.w > 0.09:  # room for the state in words
            return name, f"{marks} {labels.state_label(b.state)}"
        return name, marks

    def paint_block(self, p: QPainter, b: lay.Block, r: QRectF) -> None:
        """Paint one block: fill, state pattern, outline, deck for many kernels, text."""
        m = theme.metrics(self.projector)
        fill = paint.fill(b)
        state, face, _solid = self._shown(b, r)
        if face != r:
            step = 6.0 if self.projector else 4.0
            r = face
            for k in (2, 1):  # a deck of cards: several kernels, not one
                p.setBrush(fill.darker(100 + 25 * k))
                p.setPen(QPen(QColor("#FFFFFF"), 1))
                p.drawRect(r.translated(step * k, -step * k))
        if state == "starting":
            # Pulse with simulated time: slow motion pulses slowly, pause freezes it.
            fill = QColor(fill)
            phase = int(self._time * PULSE_STEPS) / PULSE_STEPS
            fill.setAlphaF(0.55 + 0.45 * (0.5 + 0.5 * math.sin(phase * 2 * math.pi)))
        p.setBrush(QBrush(QColor("#FFFFFF")))
        p.setPen(Qt.PenStyle.NoPen)
        p.drawRect(r)
        if b.role == "guest" and b.state == "mixed":
            paint.paint_breakdown(p, b, r, fill)
        else:
            p.setBrush(QBrush(fill, theme.STATE_BRUSH.get(state, Qt.BrushStyle.SolidPattern)))
            p.drawRect(r)
        pen = QPen(
            QColor(theme.BLACK),
            m.line_px + 1,
            theme.STATE_OUTLINE.get(state, Qt.PenStyle.SolidLine),
        )
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(r)
        if state in _GONE:  # it holds nothing on this host: struck through
            p.setPen(QPen(QColor(theme.VERMILLION), m.line_px + 2))
            p.drawLine(r.topLeft(), r.bottomRight())
            p.drawLine(r.topRight(), r.bottomLeft())
        self._paint_text(p, b, r, fill, state)
        incident_marks.paint_mark(p, b, r, self.projector, self._time)

    def banner_px(self) -> float:
        """Return the height kept free above the blocks for the host's banner (0: none)."""
        host = self.snapshot.host if self.snapshot else None
        if host is None or not (host.down or host.compromised):
            return 0.0
        return incident_marks.banner_height(self.projector)

    def paint_banner(self, p: QPainter, area: QRectF) -> None:
        """Grey out a panicked host, and name what happened to the host in a red banner."""
        host = self.snapshot.host if self.snapshot else None
        if host is None or not (host.down or host.compromised):
            return
        text = (
            self.tr("Host kernel panic: every guest on it is down")
            if host.down
            else self.tr("Host compromised: the attacker controls every guest on it")
        )
        incident_marks.paint_banner(p, area, text, host.down, self.projector)

    def block_variants(self, b: lay.Block) -> list[str]:
        """Return the block's text in variants, richest first, each fitting fewer pixels."""
        title, sub = self.block_text(b)
        full = f"{title}\n{sub}" if sub else title
        shorter: list[str] = [title] if sub else []
        host = self.snapshot.host if self.snapshot else None
        if b.role == "host_kernel" and title == labels.block_label("host_kernel_shared"):
            shorter.append(labels.block_label("host_kernel"))
        elif b.role == "hypervisor" and host is not None:
            shorter.append(labels.hypervisor_label(host.hypervisor))
        elif b.role == "guest_kernel" and b.count > 1:
            shorter += [f"{labels.block_label('guest_kernel')} ×{units.count(b.live_count)}"]
            shorter.append(f"×{units.count(b.live_count)}")
        elif b.role == "guest_kernel":
            shorter.append(labels.block_label("kernel"))
        elif b.role == "user_kernel":
            shorter.append("gVisor")  # the product's name: the same in every language
        elif b.role == "guest":
            full, shorter = breakable(full), [breakable(t) for t in shorter]
        # Last, any title without its explanation in brackets ("Type-2 hypervisor").
        bare = [t.split(" (")[0].split("（")[0] for t in (title, *shorter)]
        return list(dict.fromkeys([full, *shorter, *(t for t in bare if t)]))

    def text_areas(self, b: lay.Block, r: QRectF) -> list[QRectF]:
        """Return where a block's text may go, best first: beside its badge, then under it."""
        r = QRectF(r.left(), r.top(), r.width() * b.text_w, r.height())
        areas = [r.adjusted(4, 2, -4 - paint.badge_room(b, r, self.projector), -2)]
        if b.mark:  # a narrow column: the badge on a line of its own, the name below at full width
            # Below the badge's top inset and a shield's tip, which hangs 4 px lower.
            areas.append(r.adjusted(4, 2 + paint.badge_size(b, r, self.projector)[1] + 6, -4, -2))
        return areas

    def placed(self, b: lay.Block, r: QRectF) -> tuple[QRectF, Fitted]:
        """Return where the text of `b` painted in `r` goes, the text, its font, and if cut."""
        # Guest blocks can be narrow: the small size is still ≥ 16 pt in projector mode.
        font = theme.font(self.projector, bold=True, small=b.role in _SMALL_TEXT)
        areas = self.text_areas(b, r)
        floor = theme.font(self.projector, small=True).pointSize() * 0.75 * 96 / 72
        desk = round(theme.metrics(False).font_pt * 96 / 72)  # normal mode's text
        index, shown = self._fits.fit(font, areas, self.block_variants(b), floor, desk)
        return areas[index], shown

    def fitted(self, b: lay.Block, rect: QRectF | None = None) -> Fitted:
        """Return the text painted on `b` (at `rect`), its font, and whether it had to be cut."""
        return self.placed(b, self.block_rect(b) if rect is None else rect)[1]

    def cut_texts(self) -> list[str]:
        """Return the block texts that cannot be shown whole at the canvas's size now."""
        return [self.block_variants(b)[0] for b in self._blocks if self.fitted(b).cut]

    def check_text_context(self) -> None:
        """Forget block text plans when the mode's sizes or the application font changed."""
        # Normal mode's sizes too: a squat text takes normal mode's size before it is cut.
        context = (
            self.projector,
            theme.metrics(self.projector),
            theme.metrics(False),
            QFont().key(),
        )
        if self._plans.set_context(context):
            self._line_h.clear()
            self._damage.forget_places()

    def _plan(self, b: lay.Block, r: QRectF, solid: bool) -> paint.Plan:
        """Return where `b`'s text goes, what is painted, and its white plate (None: none)."""

        def make() -> paint.Plan:
            inner, shown = self.placed(b, r)
            if solid or r.width() <= 20:
                return inner, shown, None
            # Patterned fills: a white plate behind the text keeps it readable.
            box = self._fits.box(shown, inner.toRect())
            return inner, shown, QRectF(box).adjusted(-4, -2, 4, 2).intersected(r)

        return self._plans.get(paint.plan_key(b, r, solid), make)

    def _paint_text(self, p: QPainter, b: lay.Block, r: QRectF, fill: QColor, state: str) -> None:
        solid = state == "running" and (b.role != "guest" or b.state != "mixed")
        colour = theme.text_on(fill) if solid else QColor(theme.BLACK)
        inner, shown, plate = self._plan(b, r, solid)
        if plate is not None:
            p.fillRect(plate, QColor(255, 255, 255, 225))
        p.setFont(shown.font)
        p.setPen(colour)
        p.drawText(inner, WRAP, shown.text)

"""The template palette: one tile per catalog template, grouped containers / VMs / others.

Each tile shows an icon for the guest kind, the template's (translated) name, its start-up
time and resident memory alone on this host, and how many of it are on the host now. Clicking
a tile adds one guest; dragging it onto the centre views adds one there; "Add several…" (or a
tile's context menu) asks for a count and a stagger.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QMimeData, QPoint, QSize, Qt
from PySide6.QtGui import QDrag, QMouseEvent, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui import theme, units
from gui.fonts import asset_path
from gui.i18n import catalog_name, current_language
from gui.panels import MIME_TEMPLATE, scrolling
from gui.panels.tile_count import TileCount

if TYPE_CHECKING:
    from gui.controller import SimController
    from sim.scenario_templates import TemplateSpec
    from sim.snapshot import Snapshot, TemplateView

_icon_cache: dict[tuple[str, int], QPixmap] = {}


def kind_pixmap(kind: str, size: int) -> QPixmap:
    """Return the kind's icon (assets/icons/<kind>.svg, in the kind's colour) at `size` px."""
    key = (kind, size)
    if key not in _icon_cache:
        from PySide6.QtSvg import QSvgRenderer

        path = asset_path("icons", f"{kind}.svg")
        if not path.exists():
            path = asset_path("icons", "container.svg")
        svg = path.read_text(encoding="utf-8").replace(
            "KIND_COLOUR", theme.KIND_COLOURS.get(kind, theme.FALLBACK)
        )
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        QSvgRenderer(QByteArray(svg.encode("utf-8"))).render(painter)
        painter.end()
        _icon_cache[key] = pixmap
    return _icon_cache[key]


def tile_numbers(t: TemplateView) -> str:
    """Return a tile's figures: start-up alone, then one guest's own resident memory.

    The memory is the guest's own share, the figure Guest details shows for it; the tooltip
    says so and names the image's page cache apart (shared by every guest of the image). Short:
    in projector mode a longer line would push the tile's count out of sight.
    """
    return f"{units.duration(t.startup_s)} · {units.mib(t.resident_mib)}"


def tile_tooltip(t: TemplateView) -> str:
    """Return what a tile's figures mean, naming the shared image cache when there is one."""
    text = QCoreApplication.translate(
        "PalettePanel",
        "Starts in {startup} alone on this host (image cached); each guest "
        "holds {memory} of its own once running.",
    ).format(startup=units.duration(t.startup_s), memory=units.mib(t.resident_mib))
    if t.page_cache_mib > 0:
        text += "\n" + QCoreApplication.translate(
            "PalettePanel",
            "Its image adds {cache} of page cache once per host, shared by "
            "every guest of the same image.",
        ).format(cache=units.mib(t.page_cache_mib))
    return text


class TemplateTileView(QToolButton):
    """One template: click adds one guest, drag carries its id, context menu adds several."""

    def __init__(
        self,
        template: TemplateView,
        parent: QWidget | None = None,
        spec: TemplateSpec | None = None,
    ) -> None:
        super().__init__(parent)
        self.template_id = template.id
        self._name = template.name
        self._spec = spec  # set when the scenario file defines the template ([[templates]])
        self._press: QPoint | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setAutoRaise(False)
        self._icon = QLabel()
        self._title = QLabel()
        self._title.setWordWrap(True)  # long names wrap instead of widening the palette
        self._template = template
        self._numbers = QLabel()
        for label in (self._icon, self._title, self._numbers):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        text = QVBoxLayout()
        text.setSpacing(0)
        text.addWidget(self._title)
        text.addWidget(self._numbers)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 4, 8, 4)
        row.addWidget(self._icon)
        row.addLayout(text, 1)
        self._count = TileCount(self)
        row.addItem(self._count.item)
        self._kind = template.kind
        self.set_icon_size(32)
        self.retranslate()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        """Return the size its labels need (QToolButton alone ignores its layout)."""
        layout = self.layout()
        return layout.sizeHint() if layout is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        """Return the smallest size that still shows the labels whole."""
        layout = self.layout()
        return layout.minimumSize() if layout is not None else super().minimumSizeHint()

    def set_icon_size(self, size: int) -> None:
        """Show the kind icon at `size` pixels."""
        self._icon.setPixmap(kind_pixmap(self._kind, size))

    def set_count(self, n: int) -> None:
        """Show how many guests of this template are on the host."""
        self._count.set(n)

    def numbers_text(self) -> str:
        """Return the figures under the name as shown (read-only, for tests)."""
        return self._numbers.text()

    def count_text(self) -> str:
        """Return the count as shown, bold when guests are there (read-only, for tests)."""
        return f"<b>{self._count.text}</b>" if self._count.n else self._count.text

    def title_text(self) -> str:
        """Return the template's name as shown (read-only, for tests)."""
        return self._title.text()

    def _shown_name(self) -> str:
        spec = self._spec
        if spec is None or not spec.name:  # a catalog name, or a scenario template's base name
            return catalog_name(self._name)
        return spec.name_zh if spec.name_zh and current_language().startswith("zh") else spec.name

    def retranslate(self) -> None:
        """Set the name and tooltip in the current language."""
        name = self._shown_name()
        # A template from the scenario file is marked with its id, which the file uses.
        marked = f"{name} <i>({self._spec.id})</i>" if self._spec is not None else name
        self._title.setText(f"<b>{marked}</b>")
        self._numbers.setText(tile_numbers(self._template))
        tooltip = tile_tooltip(self._template)
        if self._spec is not None:
            tooltip += "\n" + self.tr(
                "Defined in this scenario file as '{id}', from the template '{base}'."
            ).format(id=self._spec.id, base=self._spec.base)
        self.setToolTip(
            tooltip
            + "\n\n"
            + self.tr(
                "Click to add one. Drag onto the host to add one there.\nRight-click to add "
                "several."
            )
        )
        self.setAccessibleName(name)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        """Draw the button, then the count in its room."""
        super().paintEvent(event)
        painter = QPainter(self)
        self._count.paint(painter)
        painter.end()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        """Measure the count's room afresh in a new font (projector mode)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._count.refit()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        """Remember where a possible drag starts."""
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        """Start a drag carrying the template id once the mouse moved far enough."""
        if self._press is None or not event.buttons() & Qt.MouseButton.LeftButton:
            super().mouseMoveEvent(event)
            return
        moved = (event.position().toPoint() - self._press).manhattanLength()
        if moved < QApplication.startDragDistance():
            return
        self._press = None
        self.setDown(False)
        mime = QMimeData()
        mime.setData(MIME_TEMPLATE, QByteArray(self.template_id.encode("utf-8")))
        drag = QDrag(self)
        drag.setMimeData(mime)
        drag.setPixmap(kind_pixmap(self._kind, 48))
        drag.exec(Qt.DropAction.CopyAction)


class PalettePanel(QWidget):
    """Template tiles in three groups, with counts updated from each snapshot."""

    def __init__(self, controller: SimController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._tiles: dict[str, TemplateTileView] = {}
        self._headers: dict[str, QLabel] = {}
        self._counts: dict[str, int] = {}
        self._icon_px = 32
        self._body = QWidget()
        self._body_layout = QVBoxLayout(self._body)
        self._body_layout.setContentsMargins(2, 2, 2, 2)
        scroll = scrolling(self._body, horizontal=False)
        self._add_several = QPushButton()
        self._add_several.clicked.connect(self._on_add_several_clicked)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll, 1)
        outer.addWidget(self._add_several)
        controller.session_replaced.connect(self._on_controller_session_replaced)
        controller.host_changed.connect(self._on_controller_host_changed)
        controller.snapshot_ready.connect(self._on_controller_snapshot_ready)
        self.retranslate()

    def tile(self, template_id: str) -> TemplateTileView:
        """Return the tile of a template (read-only use: tests and drag sources)."""
        return self._tiles[template_id]

    def template_ids(self) -> tuple[str, ...]:
        """Return the templates shown, in palette order."""
        return tuple(self._tiles)

    def set_projector(self, on: bool) -> None:
        """Use bigger icons in projector mode."""
        self._icon_px = 48 if on else 32
        for tile in self._tiles.values():
            tile.set_icon_size(self._icon_px)

    def retranslate(self) -> None:
        """Set every visible string in the current language."""
        self._add_several.setText(self.tr("Add several…"))
        self._add_several.setToolTip(self.tr("Add many guests of one template, one after another"))
        names = {
            "containers": self.tr("Containers"),
            "vms": self.tr("Virtual machines"),
            "others": self.tr("MicroVMs and sandboxes"),
        }
        for key, label in self._headers.items():
            label.setText(f"<b>{names[key]}</b>")
        for tile in self._tiles.values():
            tile.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        """Re-translate on a language change."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _rebuild(self) -> None:
        from sim.snapshot import PALETTE_GROUPS  # numpy with it: not before the first frame

        snap = self._controller.snapshot  # its templates carry start-up times on the host shown
        templates = snap.templates if snap is not None else ()
        while self._body_layout.count():
            item = self._body_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # gone at once, deleted on the next loop turn
                widget.deleteLater()
        self._tiles.clear()
        self._headers.clear()
        self._counts.clear()
        specs = {s.id: s for s in self._scenario_templates()}
        for key, _kinds in PALETTE_GROUPS:
            group = sorted((t for t in templates if t.group == key), key=self._place(specs))
            if not group:
                continue
            header = QLabel()
            self._headers[key] = header
            self._body_layout.addWidget(header)
            for template in group:
                tile = TemplateTileView(template, spec=specs.get(template.id))
                tile.set_icon_size(self._icon_px)
                tile.set_count(0)  # "×0" until a snapshot says more
                tile.clicked.connect(self._on_tile_clicked)
                tile.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
                tile.customContextMenuRequested.connect(self._on_tile_context_menu)
                self._tiles[template.id] = tile
                self._body_layout.addWidget(tile)
        self._body_layout.addStretch(1)
        self.retranslate()

    def _place(self, specs: dict[str, TemplateSpec]) -> Callable[[TemplateView], tuple[int, bool]]:
        """Return a sort key that puts a scenario's template right after its catalog base."""
        snap = self._controller.snapshot
        order = {t.id: i for i, t in enumerate(snap.templates if snap is not None else ())}

        def key(t: TemplateView) -> tuple[int, bool]:
            root = t.id
            for _ in range(len(specs)):  # a chain is at most as long as the file's templates
                if root not in specs:
                    break
                root = specs[root].base
            return order.get(root, 0), t.id in specs

        return key

    def _scenario_templates(self) -> tuple[TemplateSpec, ...]:
        if not self._controller.has_session:
            return ()
        return self._controller.session.scenario.templates

    def _ask_several(self, template_id: str | None) -> None:
        from gui.dialogs import AddGuestsDialog

        snap = self._controller.snapshot
        if snap is None:
            return
        choice = AddGuestsDialog.ask(self, snap.templates, template_id)
        if choice is not None:
            self._controller.add_guests(*choice)

    def _on_tile_clicked(self) -> None:
        tile = self.sender()
        if isinstance(tile, TemplateTileView):
            self._controller.add_guests(tile.template_id)

    def _on_tile_context_menu(self, pos: QPoint) -> None:
        tile = self.sender()
        if not isinstance(tile, TemplateTileView):
            return
        menu = QMenu(self)
        one = menu.addAction(self.tr("Add one"))
        several = menu.addAction(self.tr("Add several…"))
        chosen = menu.exec(tile.mapToGlobal(pos))
        if chosen is one:
            self._controller.add_guests(tile.template_id)
        elif chosen is several:
            self._ask_several(tile.template_id)

    def _on_add_several_clicked(self) -> None:
        self._ask_several(None)

    def _on_controller_session_replaced(self) -> None:
        self._rebuild()

    def _on_controller_host_changed(self, _host_id: str) -> None:
        self._rebuild()

    def _on_controller_snapshot_ready(self, snap: Snapshot) -> None:
        counts = snap.tally.live_by_template  # counted once per snapshot, never mutated
        if counts == self._counts:
            return
        self._counts = counts
        for template_id, tile in self._tiles.items():
            tile.set_count(counts.get(template_id, 0))

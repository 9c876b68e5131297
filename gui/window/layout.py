"""The window's grid of splitters: panels on the left, views in the centre and on the right.

Layout (a teacher can drag every splitter): palette over host panel on the left; the
"centre-top" view over "centre-bottom" in the centre; "right-top" over "right-bottom" on the
right; the lesson prompt and the host tabs above them; the tabs below everything.
`show_only` hides all views but one (a view at full size, or a small screen's one view).
A place in `ALONE` ("centre-alone") holds a view only a compact window shows, and only alone.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtWidgets import QScrollArea, QSplitter, QVBoxLayout, QWidget

# Default splitter proportions (reset layout restores them).
_SHARES: dict[str, tuple[int, ...]] = {
    "top": (22, 48, 30),
    "outer": (72, 28),
    "left": (62, 38),
    "centre": (45, 55, 0),
    "right": (55, 45),
}
MIN_SECTION = QSize(140, 90)
ALONE = ("centre-alone",)  # places shown only alone, never among all views
HOST_SHARE_MAX = 0.5  # the host panel may take this much of the left column; the palette scrolls


def _split(orientation: Qt.Orientation, *widgets: QWidget) -> QSplitter:
    splitter = QSplitter(orientation)
    splitter.setChildrenCollapsible(False)
    for widget in widgets:
        splitter.addWidget(widget)
    return splitter


class WindowGrid:
    """The splitters holding the window's places, by name ("outer", "top", "left", ...)."""

    def __init__(
        self, places: dict[str, QWidget], above: tuple[QWidget, ...], below: QWidget
    ) -> None:
        """Arrange `places` ("left-top", "left-bottom", "centre-top", ... "right-bottom").

        The grid adds the empty holders of `ALONE` itself (see `hold`).
        """
        self._held: dict[str, QVBoxLayout] = {}
        places = dict(places)
        for name in ALONE:
            holder = QWidget()
            holder.setObjectName(name)
            self._held[name] = QVBoxLayout(holder)
            self._held[name].setContentsMargins(0, 0, 0, 0)
            holder.hide()
            places[name] = holder
        # The splitters, not the views' size hints, decide: a projector at 1280×800 must still
        # fit the window on screen, even if a legend then has to clip.
        for widget in places.values():
            widget.setMinimumSize(MIN_SECTION)
        below.setMinimumSize(MIN_SECTION)
        vertical, horizontal = Qt.Orientation.Vertical, Qt.Orientation.Horizontal
        left = _split(vertical, places["left-top"], places["left-bottom"])
        centre = _split(
            vertical, places["centre-top"], places["centre-bottom"], places["centre-alone"]
        )
        right = _split(vertical, places["right-top"], places["right-bottom"])
        top = _split(horizontal, left, centre, right)
        column = QWidget()
        box = QVBoxLayout(column)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        for widget in above:  # the lesson prompt and the host tabs, over the views they name
            box.addWidget(widget)
        box.addWidget(top, 1)
        outer = _split(vertical, column, below)
        outer.setObjectName("outer")
        self.root = outer
        self.places = dict(places)
        self.below = below
        self._columns = {"left": left, "centre": centre, "right": right}
        self.splitters: dict[str, QSplitter] = {
            "outer": outer,
            "top": top,
            "left": left,
            "centre": centre,
            "right": right,
        }

    def reset(self, width: int, height: int) -> None:
        """Put every splitter back to the starting proportions for a window of this size."""
        for name, splitter in self.splitters.items():
            total = width if name == "top" else height
            splitter.setSizes([total * share // 100 for share in _SHARES[name]])

    def fit_host_panel(self) -> None:
        """Give the host panel (left-bottom) the height all its rows need, if the column has it.

        The palette above scrolls through its tiles; a host panel that scrolls hides half a
        switch (KSM) below its edge, which a class reads as missing.
        """
        left, host = self.splitters["left"], self.places["left-bottom"]
        area = host.findChild(QScrollArea)
        body = area.widget() if area is not None else None
        if area is None or body is None or not left.isVisible():
            return
        width = area.viewport().width()
        content = body.heightForWidth(width) if body.hasHeightForWidth() else -1
        need = host.height() - area.viewport().height() + max(content, body.sizeHint().height())
        top, bottom = left.sizes()
        total = top + bottom
        want = min(need, int(total * HOST_SHARE_MAX))
        if want > bottom:
            left.setSizes([total - want, want])

    def restore(self, states: dict[str, QByteArray]) -> None:
        """Restore splitter states saved from `splitters`."""
        for name, splitter in self.splitters.items():
            state = states.get(name)
            if isinstance(state, QByteArray) and not state.isEmpty():
                splitter.restoreState(state)

    def show_only(self, place: str | None, *, keep_panels: bool) -> None:
        """Show only the view at `place` (all of them for None), the panels if `keep_panels`.

        Hidden sections give their room to the one shown; nothing is reparented, so the
        splitters' proportions come back as they were when all are shown again.
        """
        for name, widget in self.places.items():
            if name.startswith("left"):
                widget.setVisible(place is None or keep_panels)
            elif name in ALONE:
                widget.setVisible(name == place)
            else:
                widget.setVisible(place is None or name == place)
        for column, splitter in self._columns.items():
            shown = any(
                not w.isHidden() for n, w in self.places.items() if n.startswith(column + "-")
            )
            splitter.setVisible(shown)
        self.below.setVisible(place is None or keep_panels)

    def hold(self, place: str, widget: QWidget) -> None:
        """Put `widget` in the holder at `place` (one of `ALONE`); reparenting it takes it out."""
        self._held[place].addWidget(widget)
        widget.show()

"""Render lessons at classroom screen sizes and list what a class could not read.

`problems(window)` names every visible label, legend entry, button, tab or check box whose
text is cut (elided or clipped), every grid view below a usable size, and sibling widgets
that overlap. `render(...)` builds the real window for one lesson, size, mode and language.
Run as a script (`make screens`) it renders the whole matrix (tests/gui/screens_matrix.py).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRect, QRectF, QSize, Qt  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QTabBar,
    QWidget,
)

if TYPE_CHECKING:
    from gui.controller import SimController
    from gui.window.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
LESSONS = tuple(
    sorted(p for p in (ROOT / "assets" / "scenarios").glob("*.toml") if p.name != "default.toml")
)
SIZES = ((1024, 768), (1280, 720), (1280, 800), (1366, 768), (1920, 1080), (3840, 2160))
USABLE_VIEW = QSize(320, 200)  # below this a grid view cannot be taught from


def _inside_scrolled_content(widget: QWidget) -> bool:
    """Return whether `widget` sits in a scroll area's content (cut there means: scroll)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and not isinstance(parent, QComboBox):
            return True
        parent = parent.parentWidget()
    return False


def _cut_text(widget: QWidget) -> str:
    """Return a description if `widget`'s text does not fit in it, else ""."""
    if isinstance(widget, QLabel):
        if not widget.text() or widget.pixmap() is not None and not widget.pixmap().isNull():
            return ""
        if widget.wordWrap():
            need = widget.heightForWidth(widget.width())
            return (
                f"wrapped label {widget.text()[:40]!r} needs {need} px, has {widget.height()}"
                if need > widget.height() + 1
                else ""
            )
        need = widget.sizeHint().width()
        return (
            f"label {widget.text()[:40]!r} needs {need} px, has {widget.width()}"
            if need > widget.width() + 1
            else ""
        )
    if isinstance(widget, QAbstractButton) and widget.text():
        need = widget.sizeHint().width()
        kind = "check box" if isinstance(widget, QCheckBox) else "button"
        return (
            f"{kind} {widget.text()!r} needs {need} px, has {widget.width()}"
            if need > widget.width() + 1
            else ""
        )
    return ""


def _clipped(widget: QWidget) -> str:
    """Return a description if part of `widget` lies outside one of its ancestors, else ""."""
    window = widget.window()
    shown = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        shown &= QRect(parent.mapTo(window, parent.rect().topLeft()), parent.size())
        parent = parent.parentWidget()
    if shown.height() + 1 < widget.height() or shown.width() + 1 < widget.width():
        text = getattr(widget, "text", lambda: "")()
        text = text if isinstance(text, str) else ""
        return (
            f"{type(widget).__name__} {text[:40]!r} clipped to "
            f"{shown.width()}×{shown.height()} of {widget.width()}×{widget.height()}"
        )
    return ""


def _tab_problems(bar: QTabBar) -> list[str]:
    found = []
    for i in range(bar.count()):
        if not bar.isTabVisible(i):
            continue
        rect, need = bar.tabRect(i), bar.tabSizeHint(i)
        if rect.width() + 1 < need.width() or not bar.rect().contains(rect):
            found.append(f"tab {bar.tabText(i)!r} cut ({rect.width()} of {need.width()} px)")
    return found


def _overlaps(parent: QWidget) -> list[str]:
    direct = Qt.FindChildOption.FindDirectChildrenOnly
    kids = [
        w
        for w in parent.findChildren(QWidget, options=direct)
        if w.isVisible()
        and not w.isWindow()
        and w.width() > 2
        and w.height() > 2
        and not w.property("overlay")
    ]  # a card meant to lie over the window
    found = []
    for i, a in enumerate(kids):
        for b in kids[i + 1 :]:
            common = a.geometry().intersected(b.geometry())
            if common.width() > 2 and common.height() > 2:
                found.append(
                    f"{type(a).__name__} {a.objectName()!r} overlaps "
                    f"{type(b).__name__} {b.objectName()!r} in {type(parent).__name__}"
                )
    return found


def _combo_cut(combo: QComboBox) -> str:
    """Return a description if a closed combo box shows its choice cut, else ""."""
    from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    need = combo.fontMetrics().horizontalAdvance(combo.currentText())
    if combo.currentText() and need > field.width() + 1:
        return f"combo box {combo.currentText()!r} needs {need} px, has {field.width()}"
    return ""


def _ink(text_item: QWidget) -> QRectF:
    """Return where a plot text's letters are, in scene pixels (without its margins)."""
    margin = text_item.document().documentMargin()
    return text_item.mapRectToScene(
        text_item.boundingRect().adjusted(margin, margin, -margin, -margin)
    )


def _plot_texts(item: QWidget) -> list[tuple[QRectF, str]]:
    """Return the texts drawn in a plot (its text items and line labels) with their ink."""
    texts = []
    for t in item.items:
        kind = type(t).__name__
        label = t if kind == "TextItem" else getattr(t, "label", None)
        if kind not in ("TextItem", "InfiniteLine") or label is None:
            continue
        if t.isVisible() and label.isVisible() and label.textItem.toPlainText():
            texts.append((_ink(label.textItem), label.textItem.toPlainText()))
    return texts


def _tick_labels(axis: QWidget) -> list[tuple[QRectF, str]]:
    """Return where an axis draws its tick labels (scene pixels), with their texts."""
    from PySide6.QtGui import QPainter as Painter

    canvas = QImage(4, 4, QImage.Format.Format_ARGB32)
    painter = Painter(canvas)
    if axis.style.get("tickFont") is not None:
        painter.setFont(axis.style["tickFont"])
    specs = axis.generateDrawSpecs(painter)
    painter.end()
    return [] if specs is None else [(QRectF(r), t) for r, _, t in specs[2]]


def _text_problems(item: QWidget, ticks: list[tuple[QRectF, str, str]]) -> list[str]:
    """Return plot texts that overlap, leave the plot's area, or lie under an axis label."""
    texts = _plot_texts(item)
    found = []
    for i, (a, ta) in enumerate(texts):
        for b, tb in texts[i + 1 :]:
            common = a.intersected(b)
            if common.width() > 1 and common.height() > 1:
                found.append(f"texts {ta!r} and {tb!r} overlap")
    view = item.getViewBox()
    area = view.mapRectToScene(view.boundingRect()).adjusted(-1, -1, 1, 1)
    for ink, text in texts:
        # The plot's area clips what lies outside it; a text wholly outside (the RAM line's
        # label while the chart is zoomed below RAM) is not drawn at all.
        if area.intersects(ink) and not area.contains(ink):
            found.append(f"text {text!r} cut by the edge of the plot")
        for rect, tick, name in ticks:
            common = ink.intersected(rect)
            if common.width() > 1 and common.height() > 1:
                found.append(f"text {text!r} under the {name} axis label {tick!r}")
    return found


def _axis_problems(plot: QWidget) -> list[str]:
    """Return tick labels of a pyqtgraph plot that overlap or are dropped, and cut texts."""
    item = plot.getPlotItem() if hasattr(plot, "getPlotItem") else None
    if item is None:
        return []
    found: list[str] = []
    ticks: list[tuple[QRectF, str, str]] = []
    for name in ("left", "bottom"):
        axis = item.getAxis(name)
        if not axis.isVisible() or axis.boundingRect().isEmpty():
            continue
        rects = _tick_labels(axis)
        ticks += [(axis.mapRectToScene(r), t, name) for r, t in rects]
        for i, (a, ta) in enumerate(rects):
            for b, tb in rects[i + 1 :]:
                common = a.intersected(b)
                if common.width() > 1 and common.height() > 1:
                    found.append(f"{name} axis labels {ta!r} and {tb!r} overlap")
        shown = {t for _, t in rects}
        levels = getattr(axis, "_tickLevels", None) or []
        low, high = sorted(axis.range)
        edge = (high - low) * 0.02  # a label at the very end would stick out: dropped by design
        for value, text in levels[0] if levels else []:
            if low + edge <= value <= high - edge and text not in shown:
                found.append(f"{name} axis label {text!r} dropped: no room")
        label = axis.label
        if axis.labelText and label.isVisible():
            room = axis.boundingRect().height() if name == "left" else axis.width()
            if label.boundingRect().width() > room + 1:
                found.append(f"{name} axis title {axis.labelText!r} is longer than its axis")
    return found + _text_problems(item, ticks)


def _painted_problems(window: QWidget) -> list[str]:
    """Return texts painted inside views (diagram blocks, plot axes) that are cut.

    Views are looked for everywhere in the window: the side-by-side panes have their own.
    """
    from gui.views.base import SnapshotView

    found = []
    named = {id(v): n for n, v in getattr(window, "views_by_name", dict)().items()}
    views = {id(v): v for v in (*getattr(window, "views_by_name", dict)().values(),)}
    views.update((id(v), v) for v in window.findChildren(SnapshotView))
    for key, view in views.items():
        if not view.isVisible():
            continue
        name = named.get(key) or f"{type(view).__name__} (side by side)"
        if hasattr(view, "cut_texts"):
            found += [f"{name}: block text {t!r} cut" for t in view.cut_texts()]
        for plot in (view, *view.findChildren(QWidget)):
            if type(plot).__name__ == "PlotWidget" and plot.isVisible():
                found += [f"{name}: {p}" for p in _axis_problems(plot)]
    return found


def problems(window: QWidget) -> list[str]:
    """Return every cut text, too-small view and overlap in the shown `window`."""
    found: list[str] = _overlaps(window) if window.layout() is not None else []
    found += _painted_problems(window)
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.isWindow():
            continue
        if type(widget).__module__.startswith("pyqtgraph"):
            continue  # a plot's own items are drawn in its scene, not as widgets
        if isinstance(widget, QTabBar):
            found += _tab_problems(widget)
        if isinstance(widget, (QLabel, QAbstractButton)):
            found += [p for p in (_cut_text(widget),) if p]
        if isinstance(widget, QComboBox):
            found += [p for p in (_combo_cut(widget),) if p]
        if not _inside_scrolled_content(widget):  # cut by a scroll area means: scroll
            found += [p for p in (_clipped(widget),) if p]
        if widget.layout() is not None:
            found += _overlaps(widget)
    for name, section in getattr(window, "sections", {}).items():
        if (
            name in getattr(window, "views_by_name", dict)()
            and section.isVisible()
            and section.parentWidget() is not None
            and not _is_tab(window, section)
        ):
            content = section.content
            if content.width() < USABLE_VIEW.width() or content.height() < USABLE_VIEW.height():
                found.append(
                    f"view {name} is {content.width()}×{content.height()} px, below "
                    f"{USABLE_VIEW.width()}×{USABLE_VIEW.height()}"
                )
    return found


def _is_tab(window: QWidget, widget: QWidget) -> bool:
    tabs = getattr(window, "tabs", None)
    return tabs is not None and tabs.indexOf(widget) >= 0


def lesson_time(path: Path) -> float:
    """Return when to look at a lesson: its end, else just after its last step (or 30 s)."""
    from sim.scenario import load_scenario

    lesson = load_scenario(path).lesson
    if lesson is not None and lesson.end_s:
        return lesson.end_s
    steps = lesson.steps if lesson is not None else ()
    return max((s.at_s for s in steps), default=28.0) + 2.0


def headless_window(lang: str, size: tuple[int, int]) -> tuple[SimController, MainWindow]:
    """Build the real window in `lang` at `size`, drawn off screen, asking nobody to predict."""
    from gui.app import make_application
    from gui.controller import SimController
    from gui.fonts import load_bundled_fonts
    from gui.i18n import install_language
    from gui.window.main_window import MainWindow

    load_bundled_fonts(make_application())
    install_language(lang, remember=False)
    controller = SimController()
    window = MainWindow(controller)
    window.prediction_card.asking = False  # nobody answers: the class would, then look
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    window.resize(*size)
    return controller, window


def render(
    path: Path,
    size: tuple[int, int],
    projector: bool,
    lang: str,
) -> tuple[QImage, list[str]]:
    """Render `path`'s lesson in a `size` window; return the picture and its problems."""
    from gui.app import apply_projector
    from gui.i18n import install_language
    from sim.session import Session

    controller, window = headless_window(lang, size)
    try:
        apply_projector(window, projector, remember=False, screen=QSize(*size))
        controller.set_session(Session.from_file(path), path)
        controller.run_until(lesson_time(path))
        window.show()
        for _ in range(3):
            QApplication.processEvents()
        return window.grab().toImage(), problems(window)
    finally:
        controller.pause()
        apply_projector(window, False, remember=False)
        window.close()
        window.deleteLater()
        install_language("en", remember=False)
        QApplication.processEvents()


if __name__ == "__main__":
    from screens_matrix import main

    sys.exit(main())

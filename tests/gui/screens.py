"""Render lessons at classroom screen sizes and list what a class could not read.

`problems(window)` names every visible label, legend entry, button, tab or check box whose
text is cut (elided or clipped), every grid view below a usable size, and sibling widgets
that overlap. `render(...)` builds the real window for one lesson, size, mode and language.
Run as a script (`make screens`) it renders the whole matrix, prints every problem, and with
`--sheet PNG` writes a contact sheet of one render per size, mode and language.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRect, QSize, Qt  # noqa: E402
from PySide6.QtGui import QColor, QFont, QImage, QPainter  # noqa: E402
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
    """Return a description if part of `widget` is hidden by its ancestors, else ""."""
    region = widget.visibleRegion().boundingRect()
    if region.height() + 1 < widget.height() or region.width() + 1 < widget.width():
        text = getattr(widget, "text", lambda: "")()
        return (
            f"{type(widget).__name__} {text[:40]!r} clipped to "
            f"{region.width()}×{region.height()} of {widget.width()}×{widget.height()}"
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


def problems(window: QWidget) -> list[str]:
    """Return every cut text, too-small view and overlap in the shown `window`."""
    found: list[str] = _overlaps(window) if window.layout() is not None else []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.isWindow():
            continue
        if type(widget).__module__.startswith("pyqtgraph"):
            continue  # a plot's own items are drawn in its scene, not as widgets
        if isinstance(widget, QTabBar):
            found += _tab_problems(widget)
        if isinstance(widget, (QLabel, QAbstractButton)) and not _inside_scrolled_content(widget):
            found += [p for p in (_cut_text(widget), _clipped(widget)) if p]
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


def render(
    path: Path,
    size: tuple[int, int],
    projector: bool,
    lang: str,
) -> tuple[QImage, list[str]]:
    """Render `path`'s lesson in a `size` window; return the picture and its problems."""
    from gui.app import apply_projector, make_application
    from gui.controller import SimController
    from gui.fonts import load_bundled_fonts
    from gui.i18n import install_language
    from gui.window.main_window import MainWindow
    from sim.session import Session

    app = make_application()
    load_bundled_fonts(app)
    install_language(lang, remember=False)
    controller = SimController()
    window = MainWindow(controller)
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    window.resize(*size)
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


def contact_sheet(
    cells: list[tuple[str, QImage]], out: Path, columns: int = 4, width: int = 400
) -> None:
    """Write thumbnails of `cells` (caption, picture) in a grid to `out`."""
    height = width * 9 // 16 + 22
    rows = (len(cells) + columns - 1) // columns
    sheet = QImage(columns * width, rows * height, QImage.Format.Format_RGB32)
    sheet.fill(QColor("white"))
    p = QPainter(sheet)
    p.setFont(QFont("DejaVu Sans", 9))
    for i, (caption, image) in enumerate(cells):
        x, y = (i % columns) * width, (i // columns) * height
        thumb = image.scaled(
            width - 8,
            height - 26,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        p.drawImage(x + 4, y + 20, thumb)
        p.drawText(QRect(x + 4, y + 2, width - 8, 18), Qt.AlignmentFlag.AlignLeft, caption)
    p.end()
    # 256 colours: a reviewer's overview, small enough to keep in the repository.
    sheet.convertToFormat(QImage.Format.Format_Indexed8).save(str(out), "PNG")


def _run_group(
    size: tuple[int, int], projector: bool, lang: str, lessons: list[Path], thumb: Path
) -> int:
    """Render `lessons` in one setting, print problems, save one render; return failures."""
    failed = 0
    pick = (SIZES.index(size) * 4 + 2 * projector + (lang != "en")) % len(lessons)
    for k, path in enumerate(lessons):
        image, found = render(path, size, projector, lang)
        mode = "projector" if projector else "normal"
        for problem in found:
            print(f"{path.name} {size[0]}x{size[1]} {mode} {lang}: {problem}", flush=True)
        failed += bool(found)
        if k == pick:  # a different lesson in each cell of the contact sheet
            image.save(str(thumb), "PNG")
            thumb.with_suffix(".txt").write_text(path.stem, encoding="utf-8")
    return failed


def main(argv: list[str] | None = None) -> int:
    """Render the matrix, print every problem; return 1 if there was one."""
    import subprocess
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sheet", type=Path, help="write a contact sheet PNG here")
    parser.add_argument("--lessons", nargs="*", help="lesson file names (default: all)")
    parser.add_argument("--group", nargs=5, help=argparse.SUPPRESS)  # W H P LANG THUMB
    args = parser.parse_args(argv)
    lessons = [p for p in LESSONS if not args.lessons or p.name in args.lessons]
    if args.group:
        w, h, proj, lang, thumb = args.group
        return min(1, _run_group((int(w), int(h)), proj == "1", lang, lessons, Path(thumb)))
    folder = Path(tempfile.mkdtemp(prefix="hostlab-screens-"))
    failed, cells = 0, []
    # One process per setting: hundreds of windows in one process pile up in Qt's caches.
    for w, h in SIZES:
        for projector in (False, True):
            for lang in ("en", "zh_CN"):
                thumb = folder / f"{w}x{h}-{int(projector)}-{lang}.png"
                names = [p.name for p in lessons]
                status = subprocess.call(
                    [
                        sys.executable,
                        __file__,
                        "--lessons",
                        *names,
                        "--group",
                        str(w),
                        str(h),
                        str(int(projector)),
                        lang,
                        str(thumb),
                    ]
                )
                failed += status != 0
                mode = "projector" if projector else "normal"
                if thumb.is_file():
                    lesson = thumb.with_suffix(".txt").read_text(encoding="utf-8")
                    cells.append((f"{w}×{h} {mode} {lang} · {lesson}", QImage(str(thumb))))
                verdict = {0: "ok", 1: "problems"}.get(status, f"crashed (exit status {status})")
                print(f"{w}x{h} {mode} {lang}: {verdict}", flush=True)
    if args.sheet:
        from gui.app import make_application

        make_application()  # drawing captions needs fonts, and fonts need the application
        contact_sheet(cells, args.sheet)
    print(f"{len(lessons)} lessons × {len(cells)} settings, {failed} settings with problems")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

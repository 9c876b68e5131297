"""Render every lesson at every classroom size, mode and language; print what is unreadable.

One window per language and mode, as a teacher uses it: each lesson is opened in it and run to
its end once, then the window is resized through every size (projector mode re-fitted to each
screen, as switching it on there does), checked with `screens.problems` at each. Sizes go
small to large for one lesson and back for the next, so a view that only lays out well when
built at its size is caught either way. `--sheet PNG` writes a contact sheet of one render per
size, mode and language. `make screens` runs it all; `--sizes/--modes/--langs` run a chunk.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))

import screens  # noqa: E402
from PySide6.QtCore import QRect, QSize, Qt  # noqa: E402
from PySide6.QtGui import QColor, QFont, QImage, QPainter  # noqa: E402

if TYPE_CHECKING:
    from gui.window.main_window import MainWindow

MODES = {"normal": False, "projector": True}
LANGS = ("en", "zh_CN")


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


def _thumb_lesson(size: tuple[int, int], projector: bool, lang: str, count: int) -> int:
    """Return which lesson a setting's thumbnail shows: a different one in each cell."""
    return (screens.SIZES.index(size) * 4 + 2 * projector + (lang != "en")) % count


def _settle() -> None:
    from PySide6.QtWidgets import QApplication

    for _ in range(3):
        QApplication.processEvents()


def every_part(window: MainWindow) -> list[str]:
    """Return the problems of `window` with each view of its bar and each tab brought forward.

    A compact window shows one view at a time, the tabs one page: what is hidden is not
    checked unless a teacher's click brings it forward, so each is clicked in turn.
    """
    found = dict.fromkeys(screens.problems(window))
    adaptive, tabs = window.adaptive, window.tabs
    view, page = adaptive.shown, tabs.current_name()
    clickable = adaptive.compact and adaptive.bar.isEnabled()  # not beside side-by-side panes
    others = [n for n in adaptive.names if n != view] if clickable else []
    for name in others:
        adaptive.choose(name)
        _settle()
        found.update((f"[{name}] {p}", None) for p in screens.problems(window) if p not in found)
    if others:
        adaptive.choose(view)
    for name in tabs.names():
        if name != page and tabs.is_page_visible(name) and not tabs.lent(name):
            tabs.show_page(name)
            _settle()
            found.update(
                (f"[{name}] {p}", None) for p in screens.problems(window) if p not in found
            )
    tabs.show_page(page)
    _settle()
    return list(found)


def run_live(
    lang: str,
    projector: bool,
    lessons: list[Path],
    sizes: list[tuple[int, int]],
    folder: Path,
    every: bool = True,
) -> dict[str, list[str]]:
    """Check `lessons` in one live window at each of `sizes`; return failing lessons by size.

    With `every`, each view and tab is brought forward and checked too (`every_part`).
    """
    from gui.app import apply_projector
    from gui.i18n import install_language
    from sim.session import Session

    controller, window = screens.headless_window(lang, sizes[0])
    window.show()
    mode = "projector" if projector else "normal"
    failing: dict[str, list[str]] = {f"{w}x{h}": [] for w, h in sizes}
    for k, path in enumerate(lessons):
        controller.set_session(Session.from_file(path), path)
        controller.run_until(screens.lesson_time(path))
        for size in sizes if k % 2 == 0 else sizes[::-1]:
            window.resize(*size)
            apply_projector(window, projector, remember=False, screen=QSize(*size))
            _settle()
            found = every_part(window) if every else screens.problems(window)
            for problem in found:
                print(f"{path.name} {size[0]}x{size[1]} {mode} {lang}: {problem}", flush=True)
            if found:
                failing[f"{size[0]}x{size[1]}"].append(path.stem)
            if k == _thumb_lesson(size, projector, lang, len(lessons)):
                thumb = folder / f"{size[0]}x{size[1]}-{int(projector)}-{lang}"
                window.grab().toImage().save(str(thumb.with_suffix(".png")), "PNG")
                thumb.with_suffix(".txt").write_text(path.stem, encoding="utf-8")
    controller.pause()
    apply_projector(window, False, remember=False)  # the application as it was found
    window.close()
    window.deleteLater()
    install_language("en", remember=False)
    return failing


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sheet", type=Path, help="write a contact sheet PNG here")
    parser.add_argument("--lessons", nargs="*", help="lesson file names (default: all)")
    parser.add_argument("--sizes", nargs="*", help="e.g. 1024x768 (default: all six)")
    parser.add_argument("--modes", nargs="*", choices=tuple(MODES), default=list(MODES))
    parser.add_argument("--langs", nargs="*", choices=LANGS, default=list(LANGS))
    parser.add_argument("--jobs", type=int, default=1, help="windows checked at once")
    parser.add_argument("--quick", action="store_true", help="check only what shows first")
    parser.add_argument("--group", nargs=3, help=argparse.SUPPRESS)  # LANG MODE FOLDER
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Check the matrix, print every problem and a verdict per setting; 1 if any failed."""
    args = _parse(argv)
    lessons = [p for p in screens.LESSONS if not args.lessons or p.name in args.lessons]
    sizes = [s for s in screens.SIZES if not args.sizes or f"{s[0]}x{s[1]}" in args.sizes]
    if args.group:
        lang, mode, folder = args.group
        failing = run_live(lang, MODES[mode], lessons, sizes, Path(folder), not args.quick)
        (Path(folder) / f"{lang}-{mode}.json").write_text(json.dumps(failing), encoding="utf-8")
        return 0
    folder = Path(tempfile.mkdtemp(prefix="hostlab-screens-"))
    options = ["--lessons", *(p.name for p in lessons), *(["--quick"] if args.quick else [])]
    options.append("--sizes")
    options += [f"{w}x{h}" for w, h in sizes]
    groups = [(lang, mode) for mode in args.modes for lang in args.langs]
    # One process per language and mode: both cores work, and a crash loses one group only.
    running: list[tuple[tuple[str, str], subprocess.Popen[bytes]]] = []
    crashed = []
    for k, group in enumerate(groups):
        command = [sys.executable, __file__, *options, "--group", *group, str(folder)]
        running.append((group, subprocess.Popen(command)))
        while running and (len(running) >= args.jobs or k + 1 == len(groups)):
            done, process = running.pop(0)
            if process.wait() != 0:
                crashed.append(done)
    return _report(folder, groups, sizes, lessons, crashed, args.sheet)


def _report(
    folder: Path,
    groups: list[tuple[str, str]],
    sizes: list[tuple[int, int]],
    lessons: list[Path],
    crashed: list[tuple[str, str]],
    sheet: Path | None,
) -> int:
    """Print a verdict per setting, write the contact sheet; return 1 if any setting failed."""
    failed, cells = 0, []
    for w, h in sizes:
        for lang, mode in groups:
            name = f"{w}x{h} {mode} {lang}"
            result = folder / f"{lang}-{mode}.json"
            if (lang, mode) in crashed or not result.is_file():
                print(f"{name}: crashed", flush=True)
                failed += 1
                continue
            bad = json.loads(result.read_text(encoding="utf-8"))[f"{w}x{h}"]
            print(f"{name}: " + (f"problems in {', '.join(bad)}" if bad else "ok"), flush=True)
            failed += bool(bad)
            thumb = folder / f"{w}x{h}-{int(MODES[mode])}-{lang}.png"
            if thumb.is_file():
                lesson = thumb.with_suffix(".txt").read_text(encoding="utf-8")
                cells.append((f"{w}×{h} {mode} {lang} · {lesson}", QImage(str(thumb))))
    if sheet is not None:
        from gui.app import make_application

        make_application()  # drawing captions needs fonts, and fonts need the application
        contact_sheet(cells, sheet)
    settings = len(sizes) * len(groups)
    print(f"{len(lessons)} lessons × {settings} settings, {failed} settings with problems")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

"""What happens on an unexpected exception: a log file, then a dialog (or stderr when headless).

A classroom app must not vanish mid-lesson. `install_excepthook` replaces `sys.excepthook`
(PySide6 routes exceptions raised in slots through it as well): the traceback is written to a
log file under the app-data folder, then shown in a dialog whose details can be copied. The
app keeps running. Headless runs print the traceback and exit with status 1.
"""

from __future__ import annotations

import datetime
import os
import platform
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QStandardPaths

translate = QCoreApplication.translate

_showing = False


def crash_dir() -> Path:
    """Return the folder crash logs are written to (created if needed)."""
    location = QStandardPaths.StandardLocation.AppDataLocation
    folder = Path(QStandardPaths.writableLocation(location) or Path.home() / ".hostlab")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def write_crash_log(details: str) -> Path | None:
    """Write `details` with version information to a new log file; return its path."""
    try:
        import PySide6

        from sim.atomic import write_text

        stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        path = crash_dir() / f"crash-{stamp}.log"
        header = (
            f"HostLab crash report {stamp}\nPython {sys.version.split()[0]}, "
            f"PySide6 {PySide6.__version__}, {platform.platform()}\n\n"
        )
        write_text(path, header + details)  # atomic: a crash mid-write leaves no half log
        return path
    except OSError:
        return None


def _format(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    return "".join(traceback.format_exception(exc_type, exc, tb))


def _show_dialog(summary: str, details: str, log: Path | None) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    box = QMessageBox(
        QMessageBox.Icon.Critical,
        translate("CrashDialog", "HostLab: unexpected error"),
        translate(
            "CrashDialog", "Something went wrong, but HostLab is still running.\n\n{0}"
        ).format(summary),
    )
    where = str(log) if log else translate("CrashDialog", "(the log file could not be written)")
    box.setInformativeText(translate("CrashDialog", "A report was saved to:\n{0}").format(where))
    box.setDetailedText(details)
    copy = box.addButton(
        translate("CrashDialog", "Copy details"), QMessageBox.ButtonRole.ActionRole
    )
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is copy:
        QApplication.clipboard().setText(details)


def install_excepthook(headless: bool) -> None:
    """Route uncaught exceptions to a log file plus a dialog, or to stderr and exit 1."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        global _showing
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        details = _format(exc_type, exc, tb)
        log = write_crash_log(details)
        if headless:
            sys.stderr.write(details)
            sys.stderr.write(f"hostlab: unexpected error (log: {log})\n")
            sys.stderr.flush()
            os._exit(1)  # inside Qt's event loop a SystemExit would be swallowed
        sys.stderr.write(details)
        if _showing:  # an error while the dialog is up: logged, not stacked
            return
        _showing = True
        try:
            _show_dialog(f"{exc_type.__name__}: {exc}", details, log)
        finally:
            _showing = False

    sys.excepthook = hook

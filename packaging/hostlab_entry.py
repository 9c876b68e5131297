"""Entry point of the frozen app (PyInstaller): the same as the `hostlab` console script.

A windowed build on Windows or macOS starts with no console, so `sys.stdout`/`sys.stderr` are
None and any message would raise; they are pointed at the null device instead, or, when
HOSTLAB_OUTPUT names a file, both go to that file: that is how CI reads a Windows build's
`--selftest` result (`HOSTLAB_OUTPUT=selftest.txt hostlab.exe --selftest`). With
HOSTLAB_EXIT_AFTER_SHOW set the app prints the seconds until its main window is first shown, and
until the views and the scenario it loads next are in, then quits: how packaging measures time
to first window. The seconds count from the Unix time in the variable when it holds one
(`HOSTLAB_EXIT_AFTER_SHOW=$(date +%s.%N) hostlab`: launch included), else from this script's
start.

On Linux the bundle has no ffmpeg of its own (packaging/hostlab.spec): video recording uses the
system's, which the .deb depends on. The launcher names it to imageio-ffmpeg through
IMAGEIO_FFMPEG_EXE (unless the user set it), so imageio-ffmpeg neither probes its own empty
folder nor depends on how PATH looks later; with no ffmpeg on PATH the variable stays unset and
recording says in one line that ffmpeg is missing (gui/ffmpeg_pipe.py).
"""

from __future__ import annotations

import os
import shutil
import sys
import time

_STARTED = time.time()

if os.environ.get("HOSTLAB_OUTPUT"):
    # Line-buffered, so what was printed is in the file even if the process dies afterwards.
    sys.stdout = sys.stderr = open(  # noqa: SIM115
        os.environ["HOSTLAB_OUTPUT"], "w", encoding="utf-8", buffering=1)
for _name in ("stdout", "stderr"):
    if getattr(sys, _name) is None:
        setattr(sys, _name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115


def use_system_ffmpeg(environ: dict[str, str] | os._Environ[str], platform: str) -> None:
    """Point imageio-ffmpeg at the system's ffmpeg on Linux, where the bundle has none."""
    if not platform.startswith("linux") or environ.get("IMAGEIO_FFMPEG_EXE"):
        return
    found = shutil.which("ffmpeg", path=environ.get("PATH", os.defpath))
    if found:
        environ["IMAGEIO_FFMPEG_EXE"] = found


def _exit_after_first_show(since: str) -> None:
    """Make the main window quit the app right after it is first shown."""
    try:
        started = float(since)
    except ValueError:
        started = _STARTED
    if not 0 < _STARTED - started < 3600:
        started = _STARTED
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from gui.window.main_window import MainWindow

    original = MainWindow.showEvent

    def show_event(self, event):  # type: ignore[no-untyped-def]
        original(self, event)

        def shown() -> None:
            print(f"hostlab: window shown after {time.time() - started:.3f} s")
            QTimer.singleShot(0, ready)  # queued behind the app's own first-turn loading

        def ready() -> None:
            print(f"hostlab: views and scenario loaded after "
                  f"{time.time() - started:.3f} s")
            QApplication.quit()

        QTimer.singleShot(0, shown)  # after the first paint that the show has queued

    MainWindow.showEvent = show_event  # type: ignore[method-assign]


if __name__ == "__main__":
    use_system_ffmpeg(os.environ, sys.platform)
    if os.environ.get("HOSTLAB_EXIT_AFTER_SHOW"):
        _exit_after_first_show(os.environ["HOSTLAB_EXIT_AFTER_SHOW"])
    from gui.app import main

    sys.exit(main())

"""Test set-up shared by tests/sim and tests/gui.

Qt must find its platform before any QApplication exists, so `QT_QPA_PLATFORM=offscreen` is set
here, before any test module imports Qt. Settings and app data (recent files, language, crash
logs) go to a throw-away folder so tests never read or change a teacher's real settings. This
file imports no Qt itself: tests/sim must stay Qt-free.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_HOME = Path(tempfile.mkdtemp(prefix="hostlab-tests-"))
os.environ["XDG_CONFIG_HOME"] = str(_HOME / "config")
os.environ["XDG_DATA_HOME"] = str(_HOME / "data")

ROOT = Path(__file__).resolve().parent.parent


def _build_translations() -> None:
    """Compile stale .qm files, as `make translations` does, so plain `pytest` works too."""
    lrelease = shutil.which("pyside6-lrelease") or str(ROOT / ".venv" / "bin" / "pyside6-lrelease")
    for ts in (ROOT / "assets" / "i18n").glob("*.ts"):
        qm = ts.with_suffix(".qm")
        if (not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime) and Path(lrelease).exists():
            subprocess.run([lrelease, "-silent", str(ts), "-qm", str(qm)], check=False)


_build_translations()


class MessageBoxRecorder:
    """Replaces QMessageBox's static functions: records each call and answers.

    The answer is `answer` when set; otherwise "No" to yes/no questions and "Discard" to
    "save changes?" (so closing a window at teardown never waits), "Ok" to the rest.
    """

    def __init__(self) -> None:
        self.calls: list[tuple[str, str, str]] = []
        self.answer: object = None

    def make(self, kind: str):  # noqa: ANN201 (returns a staticmethod body)
        from PySide6.QtWidgets import QMessageBox

        std = QMessageBox.StandardButton

        def box(parent: object, title: str, text: str, *args: object, **kwargs: object) -> object:
            self.calls.append((kind, str(title), str(text)))
            if self.answer is not None:
                return self.answer
            offered = args[0] if args else kwargs.get("buttons", std.Ok)
            for choice in (std.No, std.Discard, std.Ok):
                if offered & choice:
                    return choice
            return std.Ok

        return box

    def texts(self, kind: str) -> list[str]:
        """Return the texts of the boxes of one kind ("critical", "question", ...)."""
        return [text for k, _title, text in self.calls if k == kind]


@pytest.fixture(autouse=True)
def message_boxes(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch):
    """In tests/gui, make message boxes non-blocking (they would wait forever offscreen)."""
    recorder = MessageBoxRecorder()
    if "gui" not in Path(str(request.node.path)).parts:
        yield recorder
        return
    from PySide6.QtWidgets import QMessageBox

    for kind in ("question", "critical", "warning", "information"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(recorder.make(kind)))
    yield recorder

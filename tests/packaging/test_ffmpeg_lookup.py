"""Where recording finds ffmpeg, and the one line it says when there is none.

The Linux bundle carries no ffmpeg (packaging/hostlab.spec): the frozen launcher names the
system's to imageio-ffmpeg (packaging/hostlab_entry.py), and without one the recording must stop
with a sentence saying how to install it, in the CLI and in File > Record video.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from gui.ffmpeg_pipe import EncoderError, ffmpeg_exe
from gui.window.record_dialog import RecordDialog
from tests.gui.conftest import window  # noqa: F401 (fixture used by `dialog`)
from tests.gui.test_headless import hostlab
from tests.gui.test_record_dialog import dialog  # noqa: F401 (fixture)
from tests.gui.test_recording import SIZE

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import hostlab_entry  # noqa: E402

MISSING = "/nonexistent/bin/ffmpeg"
RECORD = ("--record", "out.mp4", "--from", "0", "--until", "1", "--fps", "5", "--size", "960x540")


def fake_ffmpeg(folder: Path) -> Path:
    """Write an executable called ffmpeg into `folder` and return its path."""
    program = folder / "ffmpeg"
    program.write_text("#!/bin/sh\nexit 0\n")
    program.chmod(0o755)
    return program


def test_the_launcher_names_the_systems_ffmpeg_on_linux_only(tmp_path: Path) -> None:
    program = fake_ffmpeg(tmp_path)
    environ = {"PATH": f"/nonexistent:{tmp_path}"}
    hostlab_entry.use_system_ffmpeg(environ, "linux")
    assert environ["IMAGEIO_FFMPEG_EXE"] == str(program)
    chosen = {"PATH": str(tmp_path), "IMAGEIO_FFMPEG_EXE": "/opt/my/ffmpeg"}
    hostlab_entry.use_system_ffmpeg(chosen, "linux")
    assert chosen["IMAGEIO_FFMPEG_EXE"] == "/opt/my/ffmpeg"  # the user's choice stays
    for platform in ("win32", "darwin"):  # their bundles carry imageio-ffmpeg's own program
        other = {"PATH": str(tmp_path)}
        hostlab_entry.use_system_ffmpeg(other, platform)
        assert "IMAGEIO_FFMPEG_EXE" not in other


def test_the_launcher_leaves_the_variable_unset_without_an_ffmpeg(tmp_path: Path) -> None:
    environ = {"PATH": str(tmp_path)}
    hostlab_entry.use_system_ffmpeg(environ, "linux")
    assert "IMAGEIO_FFMPEG_EXE" not in environ


def test_a_named_ffmpeg_is_used_and_a_wrong_name_is_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    program = fake_ffmpeg(tmp_path)
    monkeypatch.setenv("IMAGEIO_FFMPEG_EXE", str(program))
    assert ffmpeg_exe() == str(program)
    monkeypatch.setenv("IMAGEIO_FFMPEG_EXE", MISSING)
    with pytest.raises(EncoderError) as error:
        ffmpeg_exe()
    message = str(error.value)
    assert "\n" not in message
    assert f"IMAGEIO_FFMPEG_EXE={MISSING} is not a program" in message
    assert "sudo apt install ffmpeg" in message


def test_no_ffmpeg_anywhere_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    import imageio_ffmpeg

    def nothing_found() -> str:
        raise RuntimeError("No ffmpeg exe could be found.")

    monkeypatch.delenv("IMAGEIO_FFMPEG_EXE", raising=False)
    monkeypatch.setattr(imageio_ffmpeg, "get_ffmpeg_exe", nothing_found)
    with pytest.raises(EncoderError) as error:
        ffmpeg_exe()
    assert str(error.value) == (
        "video recording needs ffmpeg, and none was found: install "
        "ffmpeg (Debian, Ubuntu: sudo apt install ffmpeg) or set "
        "IMAGEIO_FFMPEG_EXE to the ffmpeg program"
    )


def test_the_cli_says_so_in_one_line_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IMAGEIO_FFMPEG_EXE", MISSING)
    out = tmp_path / "out.mp4"
    result = hostlab(*RECORD[:1], str(out), *RECORD[2:])
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines == [
        f"hostlab: video recording needs ffmpeg, and IMAGEIO_FFMPEG_EXE={MISSING} "
        "is not a program: install ffmpeg (Debian, Ubuntu: sudo apt install "
        "ffmpeg) or set IMAGEIO_FFMPEG_EXE to the ffmpeg program"
    ], result.stderr
    assert list(tmp_path.iterdir()) == []


def test_the_cli_without_any_ffmpeg(tmp_path: Path) -> None:
    # imageio-ffmpeg's own search failing, as in a Linux tarball on a system without ffmpeg.
    code = (
        "import sys, imageio_ffmpeg\n"
        "def none(): raise RuntimeError('No ffmpeg exe could be found.')\n"
        "imageio_ffmpeg.get_ffmpeg_exe = none\n"
        "from gui.app import main; sys.exit(main(sys.argv[1:]))"
    )
    env = {k: v for k, v in os.environ.items() if k != "IMAGEIO_FFMPEG_EXE"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    out = tmp_path / "out.mp4"
    result = subprocess.run(
        [sys.executable, "-c", code, *RECORD[:1], str(out), *RECORD[2:]],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0
    assert "none was found: install ffmpeg" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_the_record_dialog_says_ffmpeg_is_missing(
    dialog: RecordDialog,  # noqa: F811
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("IMAGEIO_FFMPEG_EXE", MISSING)
    dialog.set_values(0.0, 1.0, SIZE, 5, "mp4")
    dialog.record_button.click()
    qtbot.wait(50)
    assert not dialog.recording
    assert "video recording needs ffmpeg" in dialog.summary.text()
    assert "sudo apt install ffmpeg" in dialog.summary.text()
    assert dialog.record_button.isEnabled()
    assert list(tmp_path.iterdir()) == []

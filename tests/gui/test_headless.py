"""The `hostlab` command without a window: --screenshot, --selftest, bad input, crash hook."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from gui.app import parse_size
from gui.export import color_variety

ROOT = Path(__file__).resolve().parents[2]


def hostlab(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run gui.app.main in a fresh interpreter, as the console script does."""
    code = "import sys; from gui.app import main; sys.exit(main(sys.argv[1:]))"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_screenshot_is_a_non_blank_png_of_the_requested_size(tmp_path: Path, lang: str) -> None:
    out = tmp_path / f"{lang}.png"
    result = hostlab(
        "--until", "30", "--screenshot", str(out), "--lang", lang, "--size", "1600x1000"
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1600, 1000)
    assert color_variety(image) >= 12


def test_selftest_exits_zero_and_names_its_files() -> None:
    result = hostlab("--selftest")
    assert result.returncode == 0, result.stderr
    line = result.stdout.strip().splitlines()[-1]
    assert line.startswith("HostLab selftest OK:") and ".png" in line and ".csv" in line


def test_missing_scenario_file_exits_2_with_a_message(tmp_path: Path) -> None:
    result = hostlab(str(tmp_path / "nope.toml"), "--screenshot", str(tmp_path / "x.png"))
    assert result.returncode == 2
    assert "not found" in result.stderr and "nope.toml" in result.stderr
    assert not (tmp_path / "x.png").exists()


def test_broken_scenario_file_exits_2_with_the_loader_message(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("version = 1\nseed = -3\n", encoding="utf-8")
    result = hostlab(str(broken), "--screenshot", str(tmp_path / "x.png"))
    assert result.returncode == 2
    assert "broken.toml" in result.stderr and "seed" in result.stderr


def test_bad_size_is_a_usage_error() -> None:
    with pytest.raises(Exception, match="1600x1000"):
        parse_size("big")
    assert hostlab("--size", "10x10", "--selftest").returncode == 2


def test_crash_in_headless_mode_logs_and_exits_1(tmp_path: Path) -> None:
    code = (
        "import sys; from gui.crash import install_excepthook; "
        "install_excepthook(headless=True); raise RuntimeError('boom')"
    )
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    assert "RuntimeError: boom" in result.stderr
    logs = list(tmp_path.rglob("crash-*.log"))
    assert len(logs) == 1 and "RuntimeError: boom" in logs[0].read_text()


def test_crash_in_the_window_logs_and_shows_the_details(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from gui import crash

    shown: list[tuple[str, str, Path | None]] = []
    monkeypatch.setattr(crash, "_show_dialog", lambda *args: shown.append(args))
    monkeypatch.setattr(crash, "crash_dir", lambda: tmp_path)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    crash.install_excepthook(headless=False)
    try:
        raise ValueError("bad value in a slot")
    except ValueError as error:
        sys.excepthook(type(error), error, error.__traceback__)
    assert len(shown) == 1
    summary, details, log = shown[0]
    assert summary == "ValueError: bad value in a slot" and "Traceback" in details
    assert log is not None and log.parent == tmp_path and "bad value" in log.read_text()

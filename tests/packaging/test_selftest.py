"""`hostlab --selftest`: what it checks, what it leaves behind, and how it ends.

The built installers' own runs (frozen app, .deb, wheel) are in `make package-check` and
`make wheel-check`; these run the checkout's copy.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from gui.selftest import bundle_problems
from sim.assets import asset_path

ROOT = Path(__file__).resolve().parents[2]


def hostlab(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run gui.app.main in a fresh interpreter with exactly `env` plus PATH."""
    code = "import sys; from gui.app import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": os.environ["PATH"], **env},
    )


@pytest.fixture
def throwaway(tmp_path: Path) -> dict[str, str]:
    """An environment whose temporary, settings and data folders are under `tmp_path`."""
    for name in ("tmp", "config", "data"):
        (tmp_path / name).mkdir()
    return {
        "TMPDIR": str(tmp_path / "tmp"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "HOME": str(tmp_path),
    }


@pytest.fixture
def assets_copy(tmp_path: Path) -> Path:
    """A copy of the checkout's assets (with the compiled translations)."""
    target = tmp_path / "assets"
    shutil.copytree(asset_path(), target)
    return target


def test_checkout_assets_pass(qapp: object, assets_copy: Path) -> None:
    assert bundle_problems(assets_copy) == []


def test_missing_translation_fails(qapp: object, assets_copy: Path) -> None:
    (assets_copy / "i18n" / "hostlab_zh_CN.qm").unlink()
    assert any("hostlab_zh_CN.qm" in p for p in bundle_problems(assets_copy))


def test_empty_translation_fails(qapp: object, assets_copy: Path) -> None:
    (assets_copy / "i18n" / "hostlab_zh_CN.qm").write_bytes(b"")
    assert any("hostlab_zh_CN.qm" in p for p in bundle_problems(assets_copy))


def test_missing_or_foreign_cjk_font_fails(qapp: object, assets_copy: Path) -> None:
    font = assets_copy / "fonts" / "wqy-microhei.ttc"
    font.unlink()
    assert any("CJK font" in p for p in bundle_problems(assets_copy))
    font.write_bytes(b"not a font")
    assert any("CJK font" in p for p in bundle_problems(assets_copy))


def test_selftest_leaves_no_temporary_folder(throwaway: dict[str, str]) -> None:
    result = hostlab("--selftest", env={**throwaway, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert "HostLab selftest OK" in result.stdout and "offscreen" in result.stdout
    assert list(Path(throwaway["TMPDIR"]).iterdir()) == []


def test_selftest_with_qt_debug_output_exits_cleanly(throwaway: dict[str, str]) -> None:
    # Qt logs while unloading its plugins at exit; a Python handler still installed then
    # crashed the process (status -11) after "OK".
    env = {**throwaway, "QT_QPA_PLATFORM": "offscreen", "QT_DEBUG_PLUGINS": "1"}
    result = hostlab("--selftest", env=env)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "HostLab selftest OK" in result.stdout


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland only on Linux")
def test_selftest_uses_the_real_display_and_fails_without_one(throwaway: dict[str, str]) -> None:
    # No QT_QPA_PLATFORM, no DISPLAY, no WAYLAND_DISPLAY: the app could not open a window, so
    # the self-test must not pass by quietly switching to offscreen.
    result = hostlab("--selftest", env=throwaway)
    assert result.returncode != 0
    assert "HostLab selftest OK" not in result.stdout
    assert "QT_DEBUG_PLUGINS=1" in result.stderr

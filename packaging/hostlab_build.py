"""HostLab's build backend: setuptools, plus the data files a wheel must carry.

pyproject.toml names this module as the build backend (`backend-path = ["packaging"]`) and its
`BuildPy` as setuptools' build_py command. A wheel then holds, besides the `sim` and `gui`
packages, a copy of assets/ inside `sim/_assets/` (where sim/assets.py looks) with the
translations compiled from assets/i18n/*.ts by Qt's lrelease. They are compiled at build time,
not committed: a wheel built from a clean checkout or an sdist is complete, and the .qm files
can never be older than their .ts sources. PySide6 (which brings lrelease) is therefore a
requirement of a wheel build, asked for by `get_requires_for_build_wheel`: editable installs and
sdists do not download it.

An editable install (`pip install -e .`) copies nothing: sim/assets.py reads assets/ in the
checkout, where `make translations` compiles the .qm files.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import build_meta as _orig
from setuptools.build_meta import *  # noqa: F403 (the PEP 517 hooks, unchanged)
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent.parent
WHEEL_FOLDER = Path("sim") / "_assets"
# Sources and build products that the app never reads at run time.
IGNORED = shutil.ignore_patterns("*.ts", "*.qm", "__pycache__", ".*")

__all__ = [*_orig.__all__, "BuildPy"]
# The same PySide6 as at run time (pyproject.toml), for its lrelease.
LRELEASE_REQUIREMENT = "PySide6-Essentials>=6.11,<6.12"


def get_requires_for_build_wheel(config_settings: dict | None = None) -> list[str]:
    """Return setuptools' requirements for a wheel, plus PySide6 for lrelease."""
    return [*_orig.get_requires_for_build_wheel(config_settings), LRELEASE_REQUIREMENT]


def lrelease() -> Path:
    """Return Qt's lrelease from the installed PySide6 (a build requirement)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("hostlab_build: PySide6 is not installed; it compiles the translations")
    folder = Path(next(iter(spec.submodule_search_locations)))
    exe = folder / ("lrelease.exe" if sys.platform == "win32" else "lrelease")
    if not exe.is_file():
        raise RuntimeError(f"hostlab_build: {exe} is missing; it compiles the translations")
    return exe


def copy_assets(source: Path, target: Path) -> list[Path]:
    """Copy `source` (assets/) to `target` and compile its translations; return the .qm files."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target, ignore=IGNORED)
    sources = sorted((source / "i18n").glob("*.ts"))
    if not sources:
        raise RuntimeError(f"hostlab_build: no translations in {source / 'i18n'}")
    compiled = []
    for ts in sources:
        qm = target / "i18n" / ts.with_suffix(".qm").name
        qm.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([str(lrelease()), "-silent", str(ts), "-qm", str(qm)], check=True)
        if not qm.is_file() or qm.stat().st_size == 0:
            raise RuntimeError(f"hostlab_build: lrelease wrote no {qm.name}")
        compiled.append(qm)
    return compiled


class BuildPy(build_py):
    """build_py that also places assets/ and the compiled translations inside the package."""

    def run(self) -> None:
        """Build the Python packages, then the data files beside them."""
        super().run()
        if getattr(self, "editable_mode", False):
            return
        copy_assets(ROOT / "assets", Path(self.build_lib) / WHEEL_FOLDER)

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        """List the copied data files too, so every wheel builder packs them."""
        outputs = list(super().get_outputs(include_bytecode))
        folder = Path(self.build_lib) / WHEEL_FOLDER
        if folder.is_dir():
            outputs += [str(p) for p in sorted(folder.rglob("*")) if p.is_file()]
        return outputs

"""`sim` is the Qt-free model: importing all of it loads no GUI toolkit (docs/architecture.md)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN = ("PySide6", "shiboken6", "pyqtgraph", "PyQt5", "PyQt6", "gui")

PROBE = """
import json, pkgutil, sys, importlib
import sim
names = [m.name for m in pkgutil.walk_packages(sim.__path__, "sim.")]
for name in names:
    if name != "sim.__main__":
        importlib.import_module(name)
print(json.dumps({"imported": names, "modules": sorted(sys.modules)}))
"""


def test_importing_every_sim_module_loads_no_qt():
    done = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, check=True
    )
    report = json.loads(done.stdout)
    assert len(report["imported"]) >= 15  # the walk found the package's modules
    loaded = [
        m for m in report["modules"] if any(m == f or m.startswith(f + ".") for f in FORBIDDEN)
    ]
    assert loaded == []


def test_the_command_line_entry_point_loads_no_qt():
    # sim/__main__ runs the CLI when imported, so check it through `python -m sim catalog`.
    probe = (
        "import runpy, sys, json; sys.argv = ['sim', 'catalog', '--json']\n"
        "try:\n    runpy.run_module('sim', run_name='__main__')\nexcept SystemExit:\n"
        "    pass\nprint(json.dumps(sorted(sys.modules)), file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    modules = json.loads(done.stderr.strip().splitlines()[-1])
    assert not [m for m in modules if any(m == f or m.startswith(f + ".") for f in FORBIDDEN)]

"""Where HostLab's data files are: one answer for a checkout, a wheel and a frozen app.

The catalog, the lessons, the fonts, the icons and the compiled translations live in
`assets/` beside `sim/` and `gui/` in the repository. An installed copy finds them here:

- a frozen app (PyInstaller): `<bundle>/assets`, where packaging/hostlab.spec puts them;
- a wheel (pip, pipx): `sim/_assets/`, where the wheel build copies them (packaging/
  hostlab_build.py), because a top-level `assets/` in site-packages would be one more generic
  name for other distributions to overwrite;
- a checkout or an editable install: `assets/` beside `sim/`.

Code that reads a data file asks `asset_path(...)`, never its own `__file__`.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_SIM = Path(__file__).resolve().parent
WHEEL_FOLDER = "_assets"
# HostLab's top-level import packages; see `check_sole_owner`.
TOP_LEVEL = ("sim", "gui")


@cache
def assets_dir() -> Path:
    """Return the folder holding HostLab's data files."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "assets"
    packaged = _SIM / WHEEL_FOLDER
    if packaged.is_dir():
        check_sole_owner()
        return packaged
    return _SIM.parent / "assets"


def asset_path(*parts: str) -> Path:
    """Return the path of one data file or folder, e.g. asset_path("catalog")."""
    return assets_dir().joinpath(*parts)


def sharing_distributions() -> dict[str, list[str]]:
    """Return, per top-level package of HostLab, the other installed distributions providing it."""
    from importlib.metadata import packages_distributions

    providers = packages_distributions()
    shared = {}
    for package in TOP_LEVEL:
        others = sorted(
            {
                name
                for name in providers.get(package, [])
                if name.lower().replace("_", "-") != "hostlab"
            }
        )
        if others:
            shared[package] = others
    return shared


def check_sole_owner() -> None:
    """Stop with a one-line message when another distribution installs `sim` or `gui` too.

    Two distributions with the same top-level package write into the same folder: the one
    installed last overwrites the other's files, and uninstalling either breaks both. HostLab
    belongs in an environment of its own (pipx, or a venv); a shared one is refused up front
    rather than failing later with an import error from someone else's module.
    """
    shared = sharing_distributions()
    if shared:
        clashes = ", ".join(
            f"'{package}' (also from {', '.join(names)})" for package, names in shared.items()
        )
        raise SystemExit(
            f"hostlab: this Python environment has other packages named like HostLab's: "
            f"{clashes}; install HostLab in an environment of its own, with pipx or in a venv "
            f"(README: Install with pip)"
        )

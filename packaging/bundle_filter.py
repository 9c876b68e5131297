"""What of Qt goes into the frozen app: the plugins and translations kept, and the libraries
nothing kept still needs. Used by hostlab.spec.

PyInstaller's Qt hooks collect every plugin of the Qt modules in use, then the shared libraries
those plugins need. Dropping a plugin afterwards leaves its libraries behind (the GTK theme
plugin alone brings cairo, pango and ATK), so on Linux the libraries are kept only when a kept
binary needs them, directly or through another library. Libraries listed in
linux/system-libs.txt always come from the system (they are the .deb's Depends), even when the
build machine has them and PyInstaller would bundle them: the folder is then the same wherever
it is built.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from pathlib import Path

SYSTEM_LIBS = Path(__file__).resolve().parent / "linux" / "system-libs.txt"

# Qt plugins worth shipping, by folder; a folder not listed here is dropped whole.
KEEP_PLUGINS: dict[str, set[str]] = {
    # xcb for X11 and XWayland desktops, offscreen and minimal for --selftest and CI;
    # windows and cocoa for the other two systems.
    "platforms": {"qxcb", "qoffscreen", "qminimal", "qwindows", "qcocoa", "qdirect2d"},
    # Native file dialogs through the desktop portal. Not qgtk3: it would need the system's
    # GTK with the bundled cairo and pango, a mix that breaks on newer distributions.
    "platformthemes": {"qxdgdesktopportal"},
    "xcbglintegrations": {"qxcb-egl-integration", "qxcb-glx-integration"},
    "imageformats": {"qsvg", "qico", "qicns", "qjpeg"},
    "iconengines": {"qsvgicon"},
    "styles": {"qmodernwindowsstyle", "qwindowsvistastyle", "qmacstyle"},
    "platforminputcontexts": {"composeplatforminputcontextplugin",
                              "ibusplatforminputcontextplugin"},
}
# Qt's own translations: only the languages the app offers (qtbase_zh_CN for dialogs).
KEEP_TRANSLATIONS = re.compile(r"qtbase_zh_CN\.qm$")
# Data nothing in HostLab reads: pyqtgraph's logo (for apps made by pg.mkQApp, 1 MB of PNG that
# does not compress) and the metadata of an editable install of HostLab itself.
DROP_DATA = re.compile(r"(^|/)pyqtgraph/icons/peegee/|(^|/)hostlab[^/]*\.egg-info(/|$)")
# Qt libraries only excluded modules or dropped plugins load (matters where the closure below
# does not run: Windows and macOS).
DROP_QT_LIBS = re.compile(
    r"Qt6?(Quick|Qml|WebEngine|Pdf|VirtualKeyboard|Wayland|WlShell|EglFS|EglFs|Multimedia|"
    r"Network|Sql|Test|3D|Designer|Charts|Graphs)")


def wanted(dest: str) -> bool:
    """Decide whether a collected file (by its path inside the bundle) ships."""
    parts = Path(dest).parts
    if "plugins" in parts and len(parts) > parts.index("plugins") + 2:
        folder = parts[parts.index("plugins") + 1]
        stem = re.sub(r"^lib|\.(so|dll|dylib)$", "", Path(dest).name)
        return stem in KEEP_PLUGINS.get(folder, set())
    if "translations" in parts and dest.endswith(".qm") and "PySide6" in parts:
        return bool(KEEP_TRANSLATIONS.search(dest))
    return not DROP_QT_LIBS.search(dest) and not DROP_DATA.search(dest.replace("\\", "/"))


def system_sonames() -> set[str]:
    """Return the sonames linux/system-libs.txt says come from the system."""
    lines = SYSTEM_LIBS.read_text(encoding="utf-8").splitlines()
    return {line.split()[0] for line in lines if line.strip() and not line.startswith("#")}


def _is_root(dest: str) -> bool:
    """A binary loaded by name at run time (extension modules, plugins, libpython)."""
    name = Path(dest).name
    return (".cpython-" in name or ".abi3." in name or "/plugins/" in dest
            or name.startswith("libpython"))


def needed_closure(binaries: Iterable[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Keep, of PyInstaller's (dest, src, kind) binaries, those some root needs (Linux only)."""
    binaries = list(binaries)
    if not sys.platform.startswith("linux"):
        return binaries
    from PyInstaller.depend.bindepend import get_imports

    system = system_sonames()
    binaries = [entry for entry in binaries if Path(entry[0]).name not in system]
    by_name: dict[str, list[tuple[str, str, str]]] = {}
    for entry in binaries:  # a library and the symlinks to it share a file name
        by_name.setdefault(Path(entry[0]).name, []).append(entry)
    queue = [entry for entry in binaries if _is_root(entry[0])]
    kept = {entry[0] for entry in queue}
    while queue:
        _, src, kind = queue.pop()
        if kind == "SYMLINK":
            continue
        for name, _resolved in get_imports(src):
            for entry in by_name.get(Path(name).name, []):
                if entry[0] not in kept:
                    kept.add(entry[0])
                    queue.append(entry)
    return [entry for entry in binaries if entry[0] in kept]

"""Work out the .deb's Depends from the one-folder app: what it takes from the system.

    python packaging/linux/deb_depends.py dist/hostlab            # print the Depends line
    python packaging/linux/deb_depends.py --derive dist/hostlab   # also ask dpkg -S

PyInstaller bundles most shared libraries the app needs, but not those that must match the
machine: the C library, OpenGL/EGL (they come with the graphics driver) and libxcb (it must
match the X server's protocol support). The xcb helper libraries Qt's X11 plugin needs are
left out of the bundle on purpose, so they always come from the system (docs/maintainers.md).
Every ELF file in the folder is run through `ldd` with the folder on the library path; each
library found outside the folder, or not found at all, must be listed in system-libs.txt with
its Debian package, or the build stops: a new Qt may need a library no package provides yet.
`--derive` prints the missing lines, looked up with `dpkg -S` on this machine (install the
library first).

The C library's minimum version comes from the newest GLIBC_2.N symbol version the folder's
files reference.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TABLE = HERE / "system-libs.txt"
# Needed at run time though no binary links them: the bundled fontconfig reads the system's
# /etc/fonts configuration, and Qt needs at least one system font besides the bundled CJK one;
# video recording runs the system's ffmpeg program (the Linux bundle has none, hostlab.spec).
EXTRA = ["fontconfig-config", "ffmpeg"]
_LDD_LINE = re.compile(r"^\s*(\S+)\s+=>\s+(not found|\S+)")
_GLIBC = re.compile(rb"GLIBC_2\.(\d+)")


def read_table(path: Path = TABLE) -> dict[str, str]:
    """Return soname -> Debian package from system-libs.txt."""
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            soname, package = line.split()
            table[soname] = package
    return table


def elf_files(folder: Path) -> list[Path]:
    """Return the ELF files (executables and shared libraries) in `folder`, symlinks left out."""
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as f:
                if f.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def system_libraries(folder: Path, files: list[Path]) -> dict[str, str | None]:
    """Return soname -> path (None when not found) of the libraries taken from outside."""
    folder = folder.resolve()
    lib_dirs = sorted({str(f.parent) for f in files if ".so" in f.name})
    env = dict(os.environ, LD_LIBRARY_PATH=":".join(lib_dirs))
    needed: dict[str, str | None] = {}
    for path in files:
        result = subprocess.run(["ldd", str(path)], env=env, capture_output=True, text=True)
        for line in result.stdout.splitlines():
            match = _LDD_LINE.match(line)
            if not match:
                continue
            soname, where = match.groups()
            if where == "not found":
                needed.setdefault(soname, None)
            elif not Path(where).resolve().is_relative_to(folder):
                needed[soname] = where
    return needed


def glibc_minor(files: list[Path]) -> int:
    """Return N of the newest GLIBC_2.N version any of `files` references."""
    return max((int(m) for f in files for m in _GLIBC.findall(f.read_bytes())), default=17)


def dpkg_owner(path: str) -> str | None:
    """Return the package owning `path` (trying the /lib and /usr/lib spellings), or None."""
    candidates = {path, os.path.realpath(path)}
    candidates |= {p.removeprefix("/usr") for p in list(candidates)}
    candidates |= {"/usr" + p for p in list(candidates) if not p.startswith("/usr")}
    for candidate in sorted(candidates):
        result = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
        if result.returncode == 0:
            return result.stdout.split(":", 1)[0]
    return None


def depends(folder: Path, derive: bool = False) -> str:
    """Return the Depends field for the app in `folder`; exit 1 naming any unmapped library."""
    files = elf_files(folder)
    table = read_table()
    needed = system_libraries(folder, files)
    missing = sorted(set(needed) - set(table))
    if missing:
        lines = []
        for soname in missing:
            owner = dpkg_owner(needed[soname]) if derive and needed[soname] else None
            lines.append(f"{soname} {owner or '?'}")
        sys.exit("deb_depends: the app needs libraries system-libs.txt does not map to a "
                 "package; add these lines (`?`: install the library, then run with --derive):\n"
                 + "\n".join(lines))
    packages = {table[soname] for soname in needed} | set(EXTRA)
    packages.discard("libc6")
    return ", ".join([f"libc6 (>= 2.{glibc_minor(files)})", *sorted(packages)])


def main(argv: list[str] | None = None) -> int:
    """Print the Depends line for the folder given on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="the one-folder app (dist/hostlab)")
    parser.add_argument("--derive", action="store_true",
                        help="look unmapped libraries up with dpkg -S")
    args = parser.parse_args(argv)
    print(depends(args.folder, args.derive))
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env bash
# Build HostLab for Linux: the one-folder app, a .deb and a .tar.gz, with their SHA-256 sums.
#
#     packaging/build_linux.sh            # what `make package` runs
#     PY=/path/to/python packaging/build_linux.sh
#
# Needs the venv with the "package" extra (pyinstaller), the compiled translations
# (`make translations`), and dpkg-deb. Writes, under dist/:
#   hostlab/                                   the one-folder app (PyInstaller)
#   hostlab_<version>_<arch>.deb               /opt/hostlab, /usr/bin/hostlab, menu entry, icons
#   hostlab-<version>-linux-<machine>.tar.gz   hostlab/ for other distributions
#   SHA256SUMS
set -euo pipefail
umask 022
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
VERSION=$("$PY" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
ARCH=$(dpkg --print-architecture)
MAINTAINER=${DEB_MAINTAINER:-HostLab maintainers <hostlab@localhost>}
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}
DEB=dist/hostlab_${VERSION}_${ARCH}.deb
TGZ=dist/hostlab-${VERSION}-linux-$(uname -m).tar.gz
STAGE=build/deb/hostlab

step() { printf '\n== %s (%ss)\n' "$1" "$SECONDS"; }

step "PyInstaller one-folder build"
rm -rf dist/hostlab
"$PY" -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
    packaging/hostlab.spec

# The interpreter may come with debug information (a Python built from source does: libpython
# alone drops from 23 to 6 MB). Only Python's own files: stripping the wheels' libraries, which
# auditwheel has patched, can corrupt them.
if command -v strip >/dev/null; then
    find dist/hostlab/_internal -maxdepth 1 -name 'libpython3*.so*' -type f \
        -exec strip --strip-debug {} +
    find dist/hostlab/_internal -path '*/lib-dynload/*.so' -type f -exec strip --strip-debug {} +
fi

step "Depends"
DEPENDS=$("$PY" packaging/linux/deb_depends.py dist/hostlab)
echo "$DEPENDS"

step "Staging the .deb"
rm -rf "$STAGE"
mkdir -p "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
    "$STAGE/usr/share/icons/hicolor/scalable/apps" "$STAGE/usr/share/doc/hostlab" "$STAGE/DEBIAN"
cp -a dist/hostlab "$STAGE/opt/hostlab"
# Relative, so the launcher also works in a root unpacked with `dpkg-deb -x` (package-check).
ln -s ../../opt/hostlab/hostlab "$STAGE/usr/bin/hostlab"
install -m 644 packaging/linux/hostlab.desktop "$STAGE/usr/share/applications/"
for png in packaging/icons/hicolor/*/apps/hostlab.png; do
    size=$(basename "$(dirname "$(dirname "$png")")")
    install -D -m 644 "$png" "$STAGE/usr/share/icons/hicolor/$size/apps/hostlab.png"
done
install -m 644 assets/hostlab.svg "$STAGE/usr/share/icons/hicolor/scalable/apps/hostlab.svg"
install -m 644 packaging/linux/copyright "$STAGE/usr/share/doc/hostlab/copyright"
install -m 755 packaging/linux/postinst packaging/linux/postrm "$STAGE/DEBIAN/"
INSTALLED_SIZE=$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
sed -e "s|@VERSION@|$VERSION|" -e "s|@ARCH@|$ARCH|" -e "s|@MAINTAINER@|$MAINTAINER|" \
    -e "s|@INSTALLED_SIZE@|$INSTALLED_SIZE|" -e "s|@DEPENDS@|$DEPENDS|" \
    packaging/linux/control.in > "$STAGE/DEBIAN/control"

step "dpkg-deb (zstd)"
rm -f "$DEB"
dpkg-deb --root-owner-group -Zzstd --build "$STAGE" "$DEB"

step "Tarball"
rm -f "$TGZ"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$SOURCE_DATE_EPOCH" \
    -C dist -cf - hostlab | gzip -n -6 > "$TGZ"

step "SHA-256 sums"
(cd dist && sha256sum "$(basename "$DEB")" "$(basename "$TGZ")" > SHA256SUMS && cat SHA256SUMS)
printf '\nBuilt in %ss: one folder %s, .deb %s, tarball %s\n' "$SECONDS" \
    "$(du -sh dist/hostlab | cut -f1)" "$(du -h "$DEB" | cut -f1)" "$(du -h "$TGZ" | cut -f1)"

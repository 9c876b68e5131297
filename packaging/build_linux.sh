#!/usr/bin/env bash
# Build HostLab for Linux: the one-folder app, a .deb and a .tar.gz, with their SHA-256 sums.
#
#     packaging/build_linux.sh            # what `make package` runs
#     PY=/path/to/python packaging/build_linux.sh
#
# Needs the venv with the "package" extra (pyinstaller), the compiled translations
# (`make translations`), dpkg-deb, binutils (strip) and patchelf; with CI=true missing tools are
# installed with apt-get, otherwise the build stops naming them. The X11 libraries are never
# taken from the build machine (linux/system-libs.txt): the .deb depends on them instead.
# DEB_MAINTAINER ("Name <email>") sets the .deb's maintainer (the release workflow sets it);
# by default it is the author of the last commit. Writes, under dist/:
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
MAINTAINER=${DEB_MAINTAINER:-$(git log -1 --format='%an <%ae>' 2>/dev/null || true)}
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}
DEB=dist/hostlab_${VERSION}_${ARCH}.deb
TGZ=dist/hostlab-${VERSION}-linux-$(uname -m).tar.gz
STAGE=build/deb/hostlab

step() { printf '\n== %s (%ss)\n' "$1" "$SECONDS"; }
fail() { echo "build_linux: $*" >&2; exit 1; }

if ! [[ $MAINTAINER =~ ^[^\<\>]+\ \<[^@\<\>\ ]+@[^@\<\>\ ]+\.[a-z]+\>$ ]]; then
    fail "maintainer '$MAINTAINER' is not 'Name <email>' with a real domain: set DEB_MAINTAINER"
fi
# tool:package pairs; with CI=true the missing packages are installed, else named.
missing=()
for pair in dpkg-deb:dpkg strip:binutils patchelf:patchelf readelf:binutils xz:xz-utils; do
    command -v "${pair%%:*}" >/dev/null || missing+=("${pair#*:}")
done
if [ ${#missing[@]} -gt 0 ]; then
    [ "${CI:-}" = true ] || fail "missing tools; install them: apt-get install ${missing[*]}"
    apt-get update -qq || true  # a mirror mid-sync may fail one index; the install decides
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

step "PyInstaller one-folder build"
rm -rf dist/hostlab
"$PY" -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
    packaging/hostlab.spec

# Recording uses Debian's ffmpeg (a Depends); imageio-ffmpeg's 172 MB program stays out.
if [ -n "$(find dist/hostlab/_internal -path '*/imageio_ffmpeg/binaries/ffmpeg-*')" ]; then
    fail "imageio_ffmpeg/binaries/ffmpeg-* is in the bundle: hostlab.spec must leave it out"
fi

step "Stripping, RUNPATH"
# Symbols and debug information are of no use in an installed app (a Python built from source
# has libpython at 23 MB with them, 6 MB without). numpy's libraries are left alone: auditwheel
# has rewritten them with patchelf, and strip can corrupt such files.
find dist/hostlab/_internal -type f \( -name '*.so' -o -name '*.so.*' \) \
    ! -path '*/_internal/numpy/*' ! -path '*/_internal/numpy.libs/*' -print0 |
    xargs -0 strip --strip-unneeded
# A RUNPATH naming a folder of the build machine (a pyenv or a venv) makes the installed app
# search there first; only $ORIGIN-relative entries may stay.
elves() { find dist/hostlab -type f \( -name '*.so' -o -name '*.so.*' -o -name hostlab \) -print0; }
while IFS= read -r -d '' elf; do
    runpath=$(patchelf --print-rpath "$elf" 2>/dev/null) || continue
    [ -n "$runpath" ] || continue
    kept=$(tr ':' '\n' <<<"$runpath" | grep '^\$ORIGIN' | paste -sd: - || true)
    [ "$kept" = "$runpath" ] && continue
    if [ -n "$kept" ]; then patchelf --set-rpath "$kept" "$elf"; else patchelf --remove-rpath "$elf"; fi
done < <(elves)
while IFS= read -r -d '' elf; do
    runpath=$(patchelf --print-rpath "$elf" 2>/dev/null) || continue
    [ -n "$runpath" ] || continue
    IFS=: read -ra entries <<<"$runpath"
    for entry in "${entries[@]}"; do
        [[ $entry == '$ORIGIN'* ]] || fail "$elf keeps RUNPATH $runpath"
    done
done < <(elves)

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
# md5sums: what `dpkg --verify` and debsums check an installation against.
(cd "$STAGE" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | LC_ALL=C sort -z |
    xargs -0 md5sum > DEBIAN/md5sums)
chmod 644 "$STAGE/DEBIAN/md5sums"

# xz, not zstd: 20 % smaller (the release's download and the apt cache), for about two more
# minutes of build time; every dpkg since Debian 6 unpacks it.
step "dpkg-deb (xz)"
rm -f "$DEB"
dpkg-deb --root-owner-group -Zxz --build "$STAGE" "$DEB"

step "Tarball"
rm -f "$TGZ"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$SOURCE_DATE_EPOCH" \
    -C dist -cf - hostlab | gzip -n -6 > "$TGZ"

step "SHA-256 sums"
(cd dist && sha256sum "$(basename "$DEB")" "$(basename "$TGZ")" > SHA256SUMS && cat SHA256SUMS)
printf '\nBuilt in %ss: one folder %s, .deb %s, tarball %s\n' "$SECONDS" \
    "$(du -sh dist/hostlab | cut -f1)" "$(du -h "$DEB" | cut -f1)" "$(du -h "$TGZ" | cut -f1)"

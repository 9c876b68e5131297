#!/usr/bin/env bash
# Compile hostlab.iss with Inno Setup's compiler under wine, against a stand-in for the built
# app: script errors show up on Linux, before a release tag. What `make iscc-check` runs.
#
#     packaging/windows/iscc_check.sh            # as root (chroot); ~5 minutes the first time
#
# ISCC comes from the npm registry (the `innosetup` package, pinned below; npm checks its
# integrity). wine runs in a minimal Debian 12 chroot (the clean-system test's cached base,
# packaging/linux/clean_system_check.sh), so the machine itself gets no i386 architecture and
# no wine. The script is compiled twice: as a release (0.1.0) and as a release candidate
# (0.2.0rc1, whose version resource must still be numeric); each must produce its setup .exe.
# Not part of CI: wine32 and its i386 libraries are several hundred MB to download, and the
# check adds nothing that a change outside packaging/windows/ could break.
set -euo pipefail
cd "$(dirname "$0")/../.."
INNOSETUP_NPM=innosetup@6.4.1
CACHE=${HOSTLAB_ROOTFS_CACHE:-/var/cache/hostlab-ci}
BASE=$CACHE/debian12-minbase.tar
WINE_BASE=$CACHE/debian12-wine.tar
fail() { echo "iscc-check: FAILED: $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || fail "needs root (chroot, mount)"
command -v npm >/dev/null || fail "npm is missing: apt-get install npm"
if [ ! -s "$BASE" ]; then  # the clean-system test makes the base; make it without a .deb
    fail "no $BASE yet: run \`make package-check\` once (its clean-system test makes it)"
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
ROOT=$WORK/root
mkdir "$ROOT"
in_root() {  # in_root COMMAND: run a shell command in the chroot, in a private mount namespace
    unshare --mount --propagation private bash -euo pipefail -c '
        mount -t proc proc "$1/proc"; mount --bind /dev "$1/dev"
        mount -t tmpfs tmpfs "$1/dev/shm"; mount -t tmpfs tmpfs "$1/tmp"
        chroot "$1" /bin/bash -euo pipefail -c "$2"' _ "$ROOT" "$1"
}

if [ ! -s "$WINE_BASE" ]; then
    echo "-- wine in a minimal Debian 12 (once; cached in $WINE_BASE)"
    tar -C "$ROOT" -xf "$BASE"
    cp /etc/resolv.conf "$ROOT/etc/resolv.conf"
    in_root "dpkg --add-architecture i386 && apt-get update -qq &&
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
            wine wine32:i386 wine64 > /var/log/wine-install.log" ||
        fail "installing wine failed (see above)"
    tar -C "$ROOT" -cf "$WORK/wine.tar" . && mv "$WORK/wine.tar" "$WINE_BASE"
else
    tar -C "$ROOT" -xf "$WINE_BASE"
fi

echo "-- npm pack $INNOSETUP_NPM"
(cd "$WORK" && npm pack --silent "$INNOSETUP_NPM" > /dev/null)
mkdir -p "$ROOT/opt/innosetup" "$ROOT/opt/check"
tar -xzf "$WORK"/innosetup-*.tgz -C "$ROOT/opt/innosetup" --strip-components=1
[ -f "$ROOT/opt/innosetup/bin/ISCC.exe" ] || fail "the npm package has no bin/ISCC.exe"

# The script and what it refers to, at the same relative places; a stand-in for dist/hostlab.
mkdir -p "$ROOT/opt/check/packaging/windows" "$ROOT/opt/check/packaging/icons" \
    "$ROOT/opt/check/dist/hostlab/_internal/assets"
cp packaging/windows/hostlab.iss packaging/windows/ChineseSimplified.isl \
    "$ROOT/opt/check/packaging/windows/"
cp packaging/icons/hostlab.ico "$ROOT/opt/check/packaging/icons/"
printf 'stand-in for the PyInstaller launcher\n' > "$ROOT/opt/check/dist/hostlab/hostlab.exe"
cp assets/hostlab.svg "$ROOT/opt/check/dist/hostlab/_internal/assets/"

for version in 0.1.0 0.2.0rc1; do
    echo "-- ISCC /DAppVersion=$version hostlab.iss"
    in_root "cd /opt/check/packaging/windows && export WINEDEBUG=-all WINEPREFIX=/tmp/wine HOME=/tmp WINEDLLOVERRIDES=mscoree,mshtml=
        status=0
        wine /opt/innosetup/bin/ISCC.exe /DAppVersion=$version hostlab.iss > /tmp/iscc.log 2>&1 ||
            status=\$?
        tr -d '\\r' < /tmp/iscc.log | grep -iE 'error|warning|successful' || true
        test \$status -eq 0 && test -s /opt/check/dist/HostLab-$version-windows-x64-setup.exe" ||
        fail "ISCC did not make HostLab-$version-windows-x64-setup.exe"
    ls -l "$ROOT/opt/check/dist/HostLab-$version-windows-x64-setup.exe"
done
echo "iscc-check: OK: hostlab.iss compiles with $INNOSETUP_NPM (release and release candidate)"

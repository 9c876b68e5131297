#!/usr/bin/env bash
# Compile hostlab.iss with Inno Setup's compiler under wine, against a stand-in for the built
# app: script errors show up on Linux, before a release tag. What `make iscc-check` runs.
#
#     packaging/windows/iscc_check.sh     # as root (chroot); ~6 minutes the first time, then ~1.5
#
# ISCC comes from the npm registry (the `innosetup` package, pinned below: Inno Setup 6.4.1;
# npm checks its integrity). wine runs in a minimal Debian 12 chroot (linux/debian12_rootfs.sh,
# plus wine and its 32-bit libraries, cached beside it), so the machine itself gets no i386
# architecture and no wine. The script is compiled twice: as a release (0.1.0) and as a release
# candidate (0.2.0rc1, whose version resource must still be numeric); each must produce its
# setup .exe whose version resource has the numeric FileVersion (0.2.0) and the full
# ProductVersion. Inno Setup 6 has no Simplified Chinese of its own, so both builds use
# HostLab's translation (HostLabChineseSimplified.isl): isl_check.py first compares it, and the
# message list isl_keys.txt, with the compiler's Default.isl; ISCC's log must show it was read.
set -euo pipefail
cd "$(dirname "$0")/../.."
INNOSETUP_NPM=innosetup@6.4.1
WINE_BASE=${HOSTLAB_ROOTFS_CACHE:-/var/cache/hostlab-ci}/debian12-wine.tar
fail() { echo "iscc-check: FAILED: $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || fail "needs root (chroot, mount)"
for pair in npm:npm strings:binutils; do
    command -v "${pair%%:*}" >/dev/null && continue
    [ "${CI:-}" = true ] || fail "${pair%%:*} is missing: apt-get install ${pair#*:}"
    apt-get update -qq || true  # a mirror mid-sync may fail one index; the install decides
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${pair#*:}"
done
BASE=$(packaging/linux/debian12_rootfs.sh) || fail "no minimal Debian 12"
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
            wine wine32:i386 wine64 > /var/log/wine-install.log && apt-get clean" ||
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
[ ! -e "$ROOT/opt/innosetup/bin/Languages/ChineseSimplified.isl" ] ||
    fail "this compiler has its own Simplified Chinese: HostLab's file would not be checked"
echo "-- HostLabChineseSimplified.isl against this compiler's Default.isl"
python3 packaging/windows/isl_check.py --default "$ROOT/opt/innosetup/bin/Default.isl" ||
    fail "HostLabChineseSimplified.isl or isl_keys.txt does not match Default.isl"

# The script and what it refers to, at the same relative places; a stand-in for dist/hostlab.
mkdir -p "$ROOT/opt/check/packaging/windows" "$ROOT/opt/check/packaging/icons" \
    "$ROOT/opt/check/dist/hostlab/_internal/assets"
cp packaging/windows/hostlab.iss packaging/windows/HostLabChineseSimplified.isl \
    "$ROOT/opt/check/packaging/windows/"
cp packaging/icons/hostlab.ico "$ROOT/opt/check/packaging/icons/"
printf 'stand-in for the PyInstaller launcher\n' > "$ROOT/opt/check/dist/hostlab/hostlab.exe"
cp assets/hostlab.svg "$ROOT/opt/check/dist/hostlab/_internal/assets/"

for version in 0.1.0 0.2.0rc1; do
    echo "-- ISCC /DAppVersion=$version hostlab.iss"
    in_root "cd /opt/check/packaging/windows && export WINEDEBUG=-all WINEPREFIX=/tmp/wine HOME=/tmp WINEDLLOVERRIDES=mscoree,mshtml=
        status=0
        wine /opt/innosetup/bin/ISCC.exe /DAppVersion=$version hostlab.iss > /opt/check/iscc.log 2>&1 ||
            status=\$?
        tr -d '\\r' < /opt/check/iscc.log | grep -iE 'error|warning|successful|messages|\\.isl' || true
        test \$status -eq 0 && test -s /opt/check/dist/HostLab-$version-windows-x64-setup.exe" ||
        fail "ISCC did not make HostLab-$version-windows-x64-setup.exe"
    # The zh_CN entry of [Languages] read HostLab's file, and ISCC missed no message in it.
    log=$(tr -d '\r' < "$ROOT/opt/check/iscc.log")
    grep -A1 -F 'Parsing [Languages] section' <<<"$log" |
        grep -qF 'packaging\windows\HostLabChineseSimplified.isl' ||
        fail "ISCC did not read HostLabChineseSimplified.isl for the zh_CN language"
    ! grep -i 'warning' <<<"$log" || fail "ISCC warned (above)"
    setup=$ROOT/opt/check/dist/HostLab-$version-windows-x64-setup.exe
    # The version resource (UTF-16 strings): numeric FileVersion, the full version as product.
    resource=$(strings -el "$setup" | grep -A1 -xE 'FileVersion|ProductVersion' | grep -v '^--$' |
        paste -sd' ' - | tr -s ' ')
    echo "$(basename "$setup"): $(stat -c %s "$setup") bytes; $resource"
    grep -qE "FileVersion ${version%%[a-z]*}(\.0)* " <<<"$resource " ||
        fail "the setup's FileVersion is not the numeric part of $version"
done
echo "iscc-check: OK: hostlab.iss compiles with $INNOSETUP_NPM (release and release candidate)"

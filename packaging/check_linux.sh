#!/usr/bin/env bash
# Smoke-test the Linux packages that build_linux.sh left in dist/: what `make package-check` runs.
#
# The .deb is unpacked into a temporary root (dpkg-deb -x, no install) and the tarball into a
# temporary folder; in each, the app runs `--selftest` offscreen and must exit 0. The .deb's
# control fields, launcher, menu entry and icons are checked too, and the SHA-256 sums. Under
# Xvfb (when xvfb-run is installed) the unpacked app also runs on Qt's X11 plugin. Any failure
# stops with a message naming it and a non-zero status.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
VERSION=$("$PY" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
DEB=dist/hostlab_${VERSION}_$(dpkg --print-architecture).deb
TGZ=dist/hostlab-${VERSION}-linux-$(uname -m).tar.gz
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
# The app's settings, crash logs and self-test files go to throw-away folders, not root's home.
export HOME=$TMP/home XDG_CONFIG_HOME=$TMP/home/.config XDG_DATA_HOME=$TMP/home/.local/share
export XDG_RUNTIME_DIR=$TMP/run TMPDIR=$TMP
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"

fail() { echo "package-check: FAILED: $*" >&2; exit 1; }
selftest() {  # selftest LABEL EXECUTABLE [ENV...]: run --selftest, fail loudly unless it exits 0
    local label=$1 exe=$2 status=0
    shift 2
    echo "-- $label: $exe --selftest"
    env QT_QPA_PLATFORM=offscreen "$@" timeout 180 "$exe" --selftest || status=$?
    [ "$status" -eq 0 ] || fail "$label: --selftest exited with status $status"
}

for f in "$DEB" "$TGZ" dist/SHA256SUMS; do
    [ -f "$f" ] || fail "$f is missing: run \`make package\` first"
done
(cd dist && sha256sum --quiet -c SHA256SUMS) || fail "dist/SHA256SUMS does not match"

echo "== $DEB"
for field in Package Version Architecture Maintainer Depends Description; do
    value=$(dpkg-deb --field "$DEB" "$field")
    [ -n "$value" ] || fail "control field $field is empty"
    echo "$field: ${value%%$'\n'*}"
done
[ "$(dpkg-deb --field "$DEB" Version)" = "$VERSION" ] || fail "Version is not $VERSION"
ROOT=$TMP/deb
dpkg-deb -x "$DEB" "$ROOT"
for path in opt/hostlab/hostlab usr/bin/hostlab usr/share/applications/hostlab.desktop \
            usr/share/icons/hicolor/scalable/apps/hostlab.svg \
            usr/share/icons/hicolor/48x48/apps/hostlab.png \
            usr/share/icons/hicolor/256x256/apps/hostlab.png; do
    [ -e "$ROOT/$path" ] || fail "the .deb has no /$path"
done
DESKTOP=$ROOT/usr/share/applications/hostlab.desktop
for key in 'Name' 'Name\[zh_CN\]' 'Exec' 'Icon'; do
    grep -q "^$key=" "$DESKTOP" || fail "hostlab.desktop has no $key="
done
grep -q '^Exec=hostlab\b' "$DESKTOP" || fail "hostlab.desktop does not run hostlab"
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$DESKTOP" || fail "hostlab.desktop does not validate"
fi
selftest "deb, /opt" "$ROOT/opt/hostlab/hostlab"
selftest "deb, /usr/bin launcher" "$ROOT/usr/bin/hostlab"
if command -v xvfb-run >/dev/null; then
    echo "-- deb under Xvfb (X11 plugin)"
    xvfb-run -a -s "-screen 0 1920x1080x24" env QT_QPA_PLATFORM=xcb timeout 180 \
        "$ROOT/opt/hostlab/hostlab" --selftest || fail "--selftest under Xvfb failed"
else
    echo "-- xvfb-run not installed: X11 plugin not tried (offscreen only)"
fi

echo "== $TGZ"
mkdir "$TMP/tgz"
tar -xzf "$TGZ" -C "$TMP/tgz"
selftest "tarball" "$TMP/tgz/hostlab/hostlab"

echo "== time to first window from launch (frozen, offscreen; measured, not asserted)"
env QT_QPA_PLATFORM=offscreen HOSTLAB_EXIT_AFTER_SHOW="$(date +%s.%N)" timeout 60 \
    "$ROOT/opt/hostlab/hostlab" 2>/dev/null || fail "the app did not open its window"
echo "package-check: OK: $(basename "$DEB") and $(basename "$TGZ") pass --selftest"

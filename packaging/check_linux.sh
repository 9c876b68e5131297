#!/usr/bin/env bash
# Smoke-test the Linux packages that build_linux.sh left in dist/: what `make package-check` runs.
#
# Every check below runs; a tool a check needs is installed with apt-get when CI=true, and
# otherwise its absence stops the run with the command to install it: nothing is skipped.
#   - SHA-256 sums; the .deb's control fields, files, menu entry (desktop-file-validate), and
#     lintian's verdict on what the build controls (RUNPATH, md5sums, maintainer);
#   - the .deb unpacked (dpkg-deb -x) and the tarball: --selftest offscreen, and under Xvfb on
#     Qt's X11 plugin with the system libraries the Depends line names;
#   - the self-test fails when the bundle lost its translations or its CJK font;
#   - HOSTLAB_OUTPUT receives the self-test's result when the app has no stdout (how the
#     Windows build, which has no console, reports to CI);
#   - recording: the unpacked .deb records with the system's ffmpeg (a Depends, installed
#     here), and the tarball on a PATH without ffmpeg refuses in one line and writes nothing;
#   - SIGTERM ends the app, leaving no process behind;
#   - linux/clean_system_check.sh: apt installs the .deb into a minimal Debian 12 and the app
#     runs there (offscreen and X11) and is removed cleanly; HOSTLAB_CHECK_KEEP=DIR keeps the
#     Chinese screenshot it renders there, to look at.
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
need() {  # need PACKAGE...: install the Debian packages that are missing (CI) or stop (else)
    local missing=() package
    for package in "$@"; do
        [[ $(dpkg-query -W -f='${Status}' "$package" 2>/dev/null) == *"ok installed"* ]] ||
            missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    [ "${CI:-}" = true ] || fail "missing packages; install them: apt-get install ${missing[*]}"
    echo "-- apt-get install ${missing[*]}"
    # A mirror mid-sync may fail one index; the install then says whether it mattered.
    [ -n "${APT_UPDATED:-}" ] || { apt-get update -qq || true; APT_UPDATED=1; }
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" \
        > "$TMP/apt.log" || { tail -20 "$TMP/apt.log" >&2; fail "apt-get install failed"; }
}
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
need xvfb xauth desktop-file-utils lintian
# The libraries the .deb takes from the system, for the unpacked copies to run on X11 here.
read -r -a DEPENDS <<<"$(dpkg-deb --field "$DEB" Depends | sed -E 's/\([^)]*\)//g; s/,/ /g')"
need "${DEPENDS[@]}"

echo "== $DEB"
for field in Package Version Architecture Maintainer Depends Description; do
    value=$(dpkg-deb --field "$DEB" "$field")
    [ -n "$value" ] || fail "control field $field is empty"
    echo "$field: ${value%%$'\n'*}"
done
[ "$(dpkg-deb --field "$DEB" Version)" = "$VERSION" ] || fail "Version is not $VERSION"
# Not `dpkg-deb --info | grep -q`: under pipefail, grep's early exit can kill dpkg-deb with
# SIGPIPE and fail the pipeline though the line was found (CI did exactly this).
DEB_INFO=$(dpkg-deb --info "$DEB")
grep -qE ' md5sums +$' <<<"$DEB_INFO" || fail "the .deb has no md5sums"
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
desktop-file-validate "$DESKTOP" || fail "hostlab.desktop does not validate"
# The tags the build controls; the rest (a self-contained app in /opt) is what bundling means.
LINTIAN_TAGS=custom-library-search-path,no-md5sums-control-file,file-missing-in-md5sums,md5sum-mismatch,bogus-mail-host,mail-address-loops-or-bounces,maintainer-address-malformed,control-file-has-bad-permissions
echo "-- lintian --tags $LINTIAN_TAGS"
lintian --tags "$LINTIAN_TAGS" "$DEB" 2>&1 | tee "$TMP/lintian.txt"
! grep -qE "^[EWI]: " "$TMP/lintian.txt" || fail "lintian reports the problems above"

selftest "deb, /opt" "$ROOT/opt/hostlab/hostlab"
selftest "deb, /usr/bin launcher" "$ROOT/usr/bin/hostlab"
echo "-- deb under Xvfb, platform left to Qt"
out=$(xvfb-run -a -s "-screen 0 1366x768x24" env -u QT_QPA_PLATFORM timeout 180 \
    "$ROOT/opt/hostlab/hostlab" --selftest) || fail "--selftest under Xvfb failed"
echo "$out"
grep -q "on the xcb platform" <<<"$out" || fail "the self-test under Xvfb did not use X11"

echo "== $TGZ"
mkdir "$TMP/tgz"
tar -xzf "$TGZ" -C "$TMP/tgz"
APP=$TMP/tgz/hostlab
selftest "tarball" "$APP/hostlab"

echo "== the self-test notices a bundle that lost its translations or its CJK font"
for lost in i18n/hostlab_zh_CN.qm fonts/wqy-microhei.ttc; do
    mv "$APP/_internal/assets/$lost" "$TMP/lost"
    status=0
    env QT_QPA_PLATFORM=offscreen "$APP/hostlab" --selftest 2> "$TMP/err.txt" || status=$?
    mv "$TMP/lost" "$APP/_internal/assets/$lost"
    [ "$status" -ne 0 ] && grep -q "$(basename "$lost")" "$TMP/err.txt" ||
        fail "--selftest passed without assets/$lost (status $status)"
    echo "without $lost: $(tail -1 "$TMP/err.txt")"
done

echo "== HOSTLAB_OUTPUT: the result of a run without stdout or stderr"
env QT_QPA_PLATFORM=offscreen HOSTLAB_OUTPUT="$TMP/output.txt" "$APP/hostlab" --selftest >&- 2>&- ||
    fail "--selftest with HOSTLAB_OUTPUT failed: $(cat "$TMP/output.txt" 2>/dev/null)"
grep -q "HostLab selftest OK" "$TMP/output.txt" || fail "HOSTLAB_OUTPUT did not get the result"
cat "$TMP/output.txt"

echo "== recording: the system's ffmpeg, or one line saying it is missing"
SCENARIO=$APP/_internal/assets/scenarios/02-startup.toml
RECORD=(--from 0 --until 1 --fps 5 --size 960x540)
mkdir "$TMP/rec"
env -u IMAGEIO_FFMPEG_EXE QT_QPA_PLATFORM=offscreen timeout 180 "$ROOT/usr/bin/hostlab" \
    "$SCENARIO" --record "$TMP/rec/deb.mp4" "${RECORD[@]}" || fail "the .deb's app did not record"
probe=$(ffprobe -v error -select_streams v:0 -count_frames \
    -show_entries stream=codec_name,width,height,nb_read_frames -of csv=p=0 "$TMP/rec/deb.mp4")
[ "$probe" = "h264,960,540,6" ] || fail "deb.mp4 is not 6 H.264 frames of 960x540: $probe"
echo "deb.mp4: $(stat -c %s "$TMP/rec/deb.mp4") bytes, $probe"
rm "$TMP/rec/deb.mp4"
status=0
timeout 180 env -u IMAGEIO_FFMPEG_EXE PATH=/nonexistent QT_QPA_PLATFORM=offscreen \
    "$APP/hostlab" "$SCENARIO" --record "$TMP/rec/out.mp4" "${RECORD[@]}" 2> "$TMP/err.txt" ||
    status=$?
[ "$status" -ne 0 ] || fail "the tarball recorded without any ffmpeg"
[ "$(wc -l < "$TMP/err.txt")" -eq 1 ] && grep -q "needs ffmpeg" "$TMP/err.txt" &&
    ! grep -q Traceback "$TMP/err.txt" || fail "no ffmpeg is not one line: $(cat "$TMP/err.txt")"
[ -z "$(ls -A "$TMP/rec")" ] || fail "a recording without ffmpeg left $(ls -A "$TMP/rec")"
echo "without ffmpeg: $(cat "$TMP/err.txt")"

echo "== SIGTERM ends the app"
env QT_QPA_PLATFORM=offscreen "$APP/hostlab" & pid=$!
sleep 8
kill -0 "$pid" 2>/dev/null || fail "the app did not keep running before SIGTERM"
kill -TERM "$pid"
status=0
timeout 20 tail --pid="$pid" -f /dev/null || fail "the app outlived SIGTERM by 20 s"
wait "$pid" || status=$?
left=$(pgrep -f "^$APP/" || true)
[ -z "$left" ] || fail "processes of the app are left after SIGTERM: $left"
echo "ended with status $status, no process left"

echo "== time to first window from launch (frozen, offscreen; measured, not asserted)"
env QT_QPA_PLATFORM=offscreen HOSTLAB_EXIT_AFTER_SHOW="$(date +%s.%N)" timeout 60 \
    "$ROOT/opt/hostlab/hostlab" 2>/dev/null || fail "the app did not open its window"

echo "== clean system"
packaging/linux/clean_system_check.sh "$DEB" ${HOSTLAB_CHECK_KEEP:+"$HOSTLAB_CHECK_KEEP"}
echo "package-check: OK: $(basename "$DEB") and $(basename "$TGZ") pass every check"

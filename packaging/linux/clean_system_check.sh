#!/usr/bin/env bash
# Install the .deb with apt into a minimal Debian 12 and use it there: what `make package-check`
# runs after its own checks.
#
#     packaging/linux/clean_system_check.sh dist/hostlab_<version>_amd64.deb [KEEP_DIR]
#
# A minimal Debian 12 (linux/debian12_rootfs.sh: debootstrap --variant=minbase, no X11, no
# fonts, no Python; made once and cached, ~3 minutes the first time). Each run unpacks a fresh
# copy and, in a private mount namespace (nothing stays mounted afterwards), chroots into it to:
#   1. `apt-get install ./hostlab.deb`: the Depends line must bring every system library;
#   2. run `hostlab --selftest` offscreen, then install Xvfb and run it on the X11 platform,
#      which must be the platform the self-test reports;
#   3. render the Chinese window with only the fonts apt pulled in (KEEP_DIR gets the PNG);
#   3b. apt must have brought Debian's ffmpeg (the bundle has none): record one second as MP4
#      and check it with ffprobe (H.264, 960x540, 6 frames);
#   4. `dpkg --verify hostlab` (the md5sums), then `apt-get remove`, which must leave nothing
#      in /opt/hostlab.
# Packages come from the mirror the host's apt uses.
set -euo pipefail
DEB=$(realpath "$1")
KEEP=${2:-}
fail() { echo "clean-system: FAILED: $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || fail "needs root (debootstrap, chroot, mount)"
BASE=$("$(dirname "$0")/debian12_rootfs.sh") || fail "no minimal Debian 12"

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
ROOT=$WORK/root
mkdir "$ROOT"
tar -C "$ROOT" -xf "$BASE"
cp "$DEB" "$ROOT/tmp/hostlab.deb"
cp /etc/resolv.conf "$ROOT/etc/resolv.conf"

# The steps inside the chroot; every command's failure ends the run.
cat > "$ROOT/tmp/inside.sh" <<'INSIDE'
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive DEBCONF_NOWARNINGS=yes HOME=/root LANG=C.UTF-8 TMPDIR=/tmp
export XDG_RUNTIME_DIR=/tmp/run && mkdir -p -m 700 /tmp/run
apt-get update -qq
echo "-- apt-get install ./hostlab.deb"
apt-get install -y -qq --no-install-recommends /tmp/hostlab.deb > /tmp/apt.log
grep -c '^Setting up' /tmp/apt.log | sed 's/^/   packages set up: /'
echo "-- hostlab --selftest (offscreen)"
QT_QPA_PLATFORM=offscreen hostlab --selftest
echo "-- hostlab --selftest under Xvfb, platform left to Qt"
apt-get install -y -qq --no-install-recommends xvfb xauth > /dev/null
out=$(xvfb-run -a -s "-screen 0 1366x768x24" hostlab --selftest)
echo "$out"
grep -q "on the xcb platform" <<<"$out" || { echo "the self-test did not use X11" >&2; exit 1; }
echo "-- Chinese window; the system's fonts: $(find /usr/share/fonts -type f | wc -l) files"
QT_QPA_PLATFORM=offscreen hostlab /opt/hostlab/_internal/assets/scenarios/02-startup.toml \
    --until 12 --lang zh_CN --size 1366x768 --screenshot /tmp/startup-zh.png
command -v ffmpeg > /dev/null || { echo "apt-get install did not bring ffmpeg" >&2; exit 1; }
echo "-- recording with Debian's ffmpeg: $(dpkg-query -W -f='${Package} ${Version}' ffmpeg)"
cd /tmp
QT_QPA_PLATFORM=offscreen hostlab /opt/hostlab/_internal/assets/scenarios/02-startup.toml \
    --record out.mp4 --from 0 --until 1 --fps 5 --size 960x540
probe=$(ffprobe -v error -select_streams v:0 -count_frames \
    -show_entries stream=codec_name,width,height,nb_read_frames -of csv=p=0 out.mp4)
echo "   out.mp4: $(stat -c %s out.mp4) bytes, ffprobe: $probe"
[ "$probe" = "h264,960,540,6" ] || { echo "out.mp4 is not 6 H.264 frames of 960x540" >&2; exit 1; }
echo "-- dpkg --verify hostlab"
dpkg --verify hostlab
echo "-- apt-get remove hostlab"
apt-get remove -y -qq hostlab > /dev/null
if [ -e /opt/hostlab ] || [ -e /usr/bin/hostlab ]; then
    echo "apt-get remove left /opt/hostlab or /usr/bin/hostlab" >&2; exit 1
fi
INSIDE

echo "-- minimal Debian 12 in $ROOT"
unshare --mount --propagation private bash -euo pipefail -c '
    root=$1
    mount -t proc proc "$root/proc"
    mount --bind /dev "$root/dev"
    mount -t devpts -o newinstance,ptmxmode=0666 devpts "$root/dev/pts"
    mount -t tmpfs tmpfs "$root/dev/shm"
    mount -t sysfs sysfs "$root/sys"
    chroot "$root" /bin/bash /tmp/inside.sh
' _ "$ROOT" || fail "see the lines above"
if [ -n "$KEEP" ]; then
    mkdir -p "$KEEP" && cp "$ROOT/tmp/startup-zh.png" "$KEEP/clean-system-startup-zh.png"
fi
echo "clean-system: OK: $(basename "$DEB") installs (with ffmpeg), runs on X11 and offscreen, records, and removes"

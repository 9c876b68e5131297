#!/usr/bin/env bash
# Print the path of a minimal Debian 12 root file system as a tarball, making it first if needed.
#
#     base=$(packaging/linux/debian12_rootfs.sh)
#
# debootstrap --variant=minbase bookworm (no X11, no fonts, no Python), from the mirror the
# host's apt uses, kept in $HOSTLAB_ROOTFS_CACHE (default /var/cache/hostlab-ci): about 3
# minutes the first time, then reused by linux/clean_system_check.sh and
# windows/iscc_check.sh, which unpack a fresh copy for each run. Needs root; debootstrap is
# installed when CI=true.
set -euo pipefail
CACHE=${HOSTLAB_ROOTFS_CACHE:-/var/cache/hostlab-ci}
BASE=$CACHE/debian12-minbase.tar
fail() { echo "debian12_rootfs: FAILED: $*" >&2; exit 1; }

if [ -s "$BASE" ]; then echo "$BASE"; exit 0; fi
[ "$(id -u)" = 0 ] || fail "needs root (debootstrap)"
if ! command -v debootstrap >/dev/null; then
    [ "${CI:-}" = true ] || fail "debootstrap is missing: apt-get install debootstrap"
    { apt-get update -qq || true; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap; } >&2
fi
MIRROR=$(grep -hsE '^(URIs:|deb) ' /etc/apt/sources.list.d/debian.sources /etc/apt/sources.list |
    grep -v security | head -1 | sed -E 's/^URIs: //; s/^deb (\[[^]]*\] )?//; s/ .*//' || true)
[ -n "$MIRROR" ] || fail "no Debian mirror found in the host's apt sources"
echo "-- debootstrap --variant=minbase bookworm (once; cached in $BASE)" >&2
mkdir -p "$CACHE"
BUILD=$(mktemp -d "$CACHE/build.XXXXXX")
trap 'rm -rf "$BUILD"' EXIT
debootstrap --variant=minbase bookworm "$BUILD/root" "$MIRROR" > "$BUILD/log" 2>&1 ||
    { tail -20 "$BUILD/log" >&2; fail "debootstrap failed"; }
tar -C "$BUILD/root" -cf "$BUILD/base.tar" . && mv "$BUILD/base.tar" "$BASE"
echo "$BASE"

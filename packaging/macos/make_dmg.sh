#!/usr/bin/env bash
# Build HostLab for macOS: HostLab.app (PyInstaller, BUNDLE in hostlab.spec) and a .dmg that
# opens on the app beside an /Applications link, to drag it across. Then check the result:
# the app inside the mounted .dmg must pass --selftest.
#
#     packaging/macos/make_dmg.sh             # PY=python by default
#
# Signing and notarisation run only when their credentials are in the environment:
#   MACOS_SIGN_IDENTITY   "Developer ID Application: Name (TEAMID)", in an unlocked keychain
#                         on the search list (the release workflow imports the certificate
#                         into a temporary one); PyInstaller signs nested code inside out and
#                         the app last (packaging/hostlab.spec)
#   APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD   (app-specific password) for notarytool
# Without them the app is ad-hoc signed (PyInstaller does that) and Gatekeeper refuses the
# first start until the user allows it (README: "Download and install").
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=${PY:-python}
VERSION=$("$PY" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
APP=dist/HostLab.app
DMG=dist/HostLab-$VERSION-macos-$(uname -m).dmg
ENTITLEMENTS=packaging/macos/entitlements.plist

rm -rf dist/hostlab "$APP"
"$PY" -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
    packaging/hostlab.spec
echo "-- HostLab.app --selftest"
"$APP/Contents/MacOS/hostlab" --selftest

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
    echo "-- checking the signature PyInstaller made with $MACOS_SIGN_IDENTITY"
    codesign --verify --deep --strict --verbose=2 "$APP"
    codesign --display --verbose=2 "$APP" 2>&1 | grep -E "^(Authority|TeamIdentifier|Runtime)"
fi

echo "-- $DMG"
STAGE=build/dmg
rm -rf "$STAGE" "$DMG"
mkdir -p "$STAGE"
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
retry() {  # retry COMMAND...: hdiutil fails now and then on hosted runners ("Resource busy")
    local attempt
    for attempt in 1 2 3 4 5; do
        "$@" && return 0
        echo "make_dmg: attempt $attempt of '$1 $2' failed; retrying in $((attempt * 5)) s" >&2
        sleep $((attempt * 5))
    done
    return 1
}
retry hdiutil create -volname "HostLab $VERSION" -srcfolder "$STAGE" -fs HFS+ -format UDZO -ov "$DMG"

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
    codesign --force --timestamp --sign "$MACOS_SIGN_IDENTITY" "$DMG"
fi
if [ -n "${MACOS_SIGN_IDENTITY:-}" ] && [ -n "${APPLE_ID:-}" ] && [ -n "${APPLE_TEAM_ID:-}" ] \
        && [ -n "${APPLE_APP_PASSWORD:-}" ]; then
    echo "-- notarising (waits for Apple's answer)"
    xcrun notarytool submit "$DMG" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" \
        --password "$APPLE_APP_PASSWORD" --wait
    xcrun stapler staple "$DMG"
    spctl --assess --type open --context context:primary-signature --verbose=2 "$DMG"
else
    echo "-- no notarisation credentials: the .dmg is not notarised"
fi

echo "-- the app inside the .dmg --selftest"
MOUNT=$(mktemp -d)
retry hdiutil attach -nobrowse -readonly -mountpoint "$MOUNT" "$DMG"
trap 'hdiutil detach "$MOUNT" -force >/dev/null 2>&1 || true' EXIT
[ -L "$MOUNT/Applications" ] || { echo "make_dmg: no /Applications link in the .dmg" >&2; exit 1; }
"$MOUNT/HostLab.app/Contents/MacOS/hostlab" --selftest
SUMS=SHA256SUMS-macos-$(uname -m).txt  # one per architecture: the release merges them
(cd dist && shasum -a 256 "$(basename "$DMG")" > "$SUMS" && cat "$SUMS")

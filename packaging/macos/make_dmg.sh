#!/usr/bin/env bash
# Build HostLab for macOS: HostLab.app (PyInstaller, BUNDLE in hostlab.spec) and a .dmg that
# opens on the app beside an /Applications link, to drag it across. Then check the result:
# the app inside the mounted .dmg must pass --selftest.
#
#     packaging/macos/make_dmg.sh             # PY=python by default
#
# Signing and notarisation run only when their credentials are in the environment:
#   MACOS_SIGN_IDENTITY   "Developer ID Application: Name (TEAMID)", in the login keychain
#   APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD   (app-specific password) for notarytool
# Without them the app is ad-hoc signed (PyInstaller does that) and Gatekeeper asks the user
# to confirm on first start (README: "Download and install").
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
    echo "-- signing with $MACOS_SIGN_IDENTITY (hardened runtime)"
    # Inside out: every library and executable first, the bundle last.
    find "$APP/Contents" -type f \( -name '*.dylib' -o -name '*.so' -o -perm -u+x \) -print0 |
        xargs -0 codesign --force --timestamp --options runtime \
            --entitlements "$ENTITLEMENTS" --sign "$MACOS_SIGN_IDENTITY"
    codesign --force --timestamp --options runtime --entitlements "$ENTITLEMENTS" \
        --sign "$MACOS_SIGN_IDENTITY" "$APP"
    codesign --verify --deep --strict --verbose=2 "$APP"
fi

echo "-- $DMG"
STAGE=build/dmg
rm -rf "$STAGE" "$DMG"
mkdir -p "$STAGE"
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
hdiutil create -volname "HostLab $VERSION" -srcfolder "$STAGE" -fs HFS+ -format UDZO -ov "$DMG"

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
hdiutil attach -nobrowse -readonly -mountpoint "$MOUNT" "$DMG"
trap 'hdiutil detach "$MOUNT" -force >/dev/null 2>&1 || true' EXIT
[ -L "$MOUNT/Applications" ] || { echo "make_dmg: no /Applications link in the .dmg" >&2; exit 1; }
"$MOUNT/HostLab.app/Contents/MacOS/hostlab" --selftest
(cd dist && shasum -a 256 "$(basename "$DMG")" > SHA256SUMS-macos.txt && cat SHA256SUMS-macos.txt)

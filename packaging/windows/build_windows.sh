#!/usr/bin/env bash
# Build HostLab for Windows: the one-folder app, then the Inno Setup installer, and check both.
# Runs in Git Bash (the release workflow's Windows job); needs Python with the "package" extra,
# compiled translations and Inno Setup 6 (ISCC.exe). Writes dist/hostlab/ and
# dist/HostLab-<version>-windows-x64-setup.exe.
#
# The check installs the setup silently for the current user into a temporary folder, runs the
# installed app's --selftest, and uninstalls it again.
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=${PY:-python}
VERSION=$("$PY" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
SETUP=dist/HostLab-$VERSION-windows-x64-setup.exe

selftest() {  # run EXE --selftest and wait for it: hostlab.exe is a GUI program, so the shell
              # would not wait by itself; PowerShell's Start-Process -Wait gives its status
    powershell -NoProfile -Command "\$p = Start-Process -FilePath '$(cygpath -w "$1")' -ArgumentList '--selftest' -Wait -PassThru -NoNewWindow; exit \$p.ExitCode"
}

rm -rf dist/hostlab
"$PY" -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
    packaging/hostlab.spec
echo "-- frozen app --selftest"
selftest dist/hostlab/hostlab.exe

ISCC=${ISCC:-$(command -v iscc || echo "/c/Program Files (x86)/Inno Setup 6/ISCC.exe")}
LANGS=$(dirname "$ISCC")/Languages
if [ ! -f "$LANGS/ChineseSimplified.isl" ]; then
    # Older Inno Setup releases ship Simplified Chinese only among the unofficial translations.
    curl -fsSL -o "$LANGS/ChineseSimplified.isl" \
        https://raw.githubusercontent.com/jrsoftware/issrc/main/Files/Languages/Unofficial/ChineseSimplified.isl
fi
"$ISCC" -Q "-DAppVersion=$VERSION" packaging/windows/hostlab.iss
[ -f "$SETUP" ] || { echo "build_windows: $SETUP was not made" >&2; exit 1; }

echo "-- installer: silent per-user install, --selftest, uninstall"
TARGET=$(cygpath -w "$PWD/build/install-test")
powershell -NoProfile -Command "\$p = Start-Process -FilePath '$(cygpath -w "$SETUP")' -ArgumentList '/VERYSILENT','/SUPPRESSMSGBOXES','/NORESTART','/CURRENTUSER','/DIR=\"$TARGET\"' -Wait -PassThru; exit \$p.ExitCode"
selftest build/install-test/hostlab.exe
powershell -NoProfile -Command "\$p = Start-Process -FilePath '$TARGET\\unins000.exe' -ArgumentList '/VERYSILENT','/SUPPRESSMSGBOXES','/NORESTART' -Wait -PassThru; exit \$p.ExitCode"
[ ! -e build/install-test/hostlab.exe ] || { echo "build_windows: the uninstaller left hostlab.exe" >&2; exit 1; }
(cd dist && sha256sum "$(basename "$SETUP")" > SHA256SUMS-windows.txt && cat SHA256SUMS-windows.txt)

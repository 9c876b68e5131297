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

run_and_wait() {  # run_and_wait EXE ARG...: start a program, wait for it, return its status.
    # hostlab.exe and the installers are GUI programs, which the shell does not wait for;
    # PowerShell's Start-Process -Wait waits for them and their children.
    local exe args
    exe=$(cygpath -w "$1")
    shift
    args=$(printf "'%s'," "$@")
    powershell -NoProfile -Command \
        "\$p = Start-Process -FilePath '$exe' -ArgumentList ${args%,} -Wait -PassThru; exit \$p.ExitCode"
}
selftest() { run_and_wait "$1" --selftest; }

rm -rf dist/hostlab
"$PY" -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
    packaging/hostlab.spec
echo "-- frozen app --selftest"
selftest dist/hostlab/hostlab.exe

ISCC=${ISCC:-$(command -v iscc || echo "/c/Program Files (x86)/Inno Setup 6/ISCC.exe")}
LANGS=$(dirname "$ISCC")/Languages
if [ ! -f "$LANGS/ChineseSimplified.isl" ]; then
    # Older Inno Setup releases ship Simplified Chinese only among the unofficial translations.
    ISSRC=https://raw.githubusercontent.com/jrsoftware/issrc/main/Files/Languages
    curl -fsSL -o "$LANGS/ChineseSimplified.isl" "$ISSRC/Unofficial/ChineseSimplified.isl"
fi
"$ISCC" -Q "-DAppVersion=$VERSION" packaging/windows/hostlab.iss
[ -f "$SETUP" ] || { echo "build_windows: $SETUP was not made" >&2; exit 1; }

echo "-- installer: silent per-user install, --selftest, uninstall"
TARGET=$(cygpath -w "$PWD/build/install-test")
run_and_wait "$SETUP" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /CURRENTUSER "/DIR=$TARGET"
selftest build/install-test/hostlab.exe
run_and_wait build/install-test/unins000.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
[ ! -e build/install-test/hostlab.exe ] || { echo "build_windows: the uninstaller left hostlab.exe" >&2; exit 1; }
(cd dist && sha256sum "$(basename "$SETUP")" > SHA256SUMS-windows.txt && cat SHA256SUMS-windows.txt)

#!/usr/bin/env bash
# Build HostLab for Windows: the one-folder app, then the Inno Setup installer, and check both.
# Runs in Git Bash (the release workflow's Windows job); needs Python with the "package" extra,
# compiled translations and Inno Setup 6 or 7 (ISCC.exe: $ISCC, on PATH, or where either
# version installs itself). Writes dist/hostlab/ and dist/HostLab-<version>-windows-x64-setup.exe.
#
# The check installs the setup silently for the current user into a temporary folder, runs the
# installed app's --selftest, and uninstalls it again. hostlab.exe has no console, so each
# self-test writes its result to a file (HOSTLAB_OUTPUT, see packaging/hostlab_entry.py) that
# is printed here: a failing self-test says why in the CI log.
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
selftest() {  # selftest EXE: run EXE --selftest, print what it wrote, fail unless it passed
    local out status=0
    out=build/selftest-$(date +%s%N).txt
    mkdir -p build
    HOSTLAB_OUTPUT=$(cygpath -w "$PWD/$out") run_and_wait "$1" --selftest || status=$?
    cat "$out" 2>/dev/null || echo "build_windows: $1 wrote no self-test output" >&2
    [ "$status" -eq 0 ] && grep -q "HostLab selftest OK" "$out" ||
        { echo "build_windows: $1 --selftest failed (status $status)" >&2; return 1; }
}
find_iscc() {  # print the path of ISCC.exe: $ISCC, PATH, then Inno Setup 7's and 6's folders
    local candidate
    for candidate in "${ISCC:-}" "$(command -v iscc || true)" "$(command -v ISCC || true)" \
            "/c/Program Files/Inno Setup 7/ISCC.exe" "/c/Program Files (x86)/Inno Setup 7/ISCC.exe" \
            "/c/Program Files (x86)/Inno Setup 6/ISCC.exe" "/c/Program Files/Inno Setup 6/ISCC.exe" \
            "${LOCALAPPDATA:-/nonexistent}/Programs/Inno Setup 7/ISCC.exe" \
            "${LOCALAPPDATA:-/nonexistent}/Programs/Inno Setup 6/ISCC.exe"; do
        [ -n "$candidate" ] && [ -f "$candidate" ] && { echo "$candidate"; return 0; }
    done
    echo "build_windows: ISCC.exe (Inno Setup 6 or 7) not found; set ISCC" >&2
    return 1
}

rm -rf dist/hostlab
"$PY" -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
    packaging/hostlab.spec
echo "-- frozen app --selftest"
selftest dist/hostlab/hostlab.exe

ISCC=$(find_iscc)
echo "-- $ISCC"
# Simplified Chinese: Inno Setup 7's own, or for Inno Setup 6 HostLab's translation beside
# hostlab.iss (HostLabChineseSimplified.isl).
"$ISCC" -Q "-DAppVersion=$VERSION" packaging/windows/hostlab.iss
[ -f "$SETUP" ] || { echo "build_windows: $SETUP was not made" >&2; exit 1; }

echo "-- installer: silent per-user install, --selftest, uninstall"
TARGET=$(cygpath -w "$PWD/build/install-test")
run_and_wait "$SETUP" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /CURRENTUSER "/DIR=$TARGET"
selftest build/install-test/hostlab.exe
run_and_wait build/install-test/unins000.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
[ ! -e build/install-test/hostlab.exe ] || { echo "build_windows: the uninstaller left hostlab.exe" >&2; exit 1; }
(cd dist && sha256sum "$(basename "$SETUP")" > SHA256SUMS-windows.txt && cat SHA256SUMS-windows.txt)

"""The release workflow, the PyInstaller spec and the installers' metadata agree with the repo.

These read files only; nothing is built. The builds themselves are checked by
`make package-check` (Linux), `make iscc-check` (the Windows script, under wine) and by the
workflow's runs on each OS.
"""

from __future__ import annotations

import ast
import configparser
import importlib.util
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"
SPEC = ROOT / "packaging" / "hostlab.spec"
DESKTOP = ROOT / "packaging" / "linux" / "hostlab.desktop"
WINDOWS = ROOT / "packaging" / "windows"
ISS = WINDOWS / "hostlab.iss"
# GitHub-hosted runner images that are retired, or retire before the next release is likely.
RETIRED = ("macos-12", "macos-13", "macos-14", "ubuntu-20.04", "ubuntu-22.04", "windows-2019")


def jobs() -> dict[str, str]:
    """Return each job's text by its id (jobs are the two-space-indented keys under `jobs:`)."""
    body = WORKFLOW.read_text(encoding="utf-8").split("\njobs:\n", 1)[1]
    parts = re.split(r"^  ([\w-]+):\n", body, flags=re.M)[1:]
    return dict(zip(parts[::2], parts[1::2], strict=True))


def steps(job: str) -> list[str]:
    """Return the text of each step of `job` (a step starts at `      - `)."""
    return re.split(r"\n      - ", jobs()[job].split("\n    steps:", 1)[1])[1:]


def matrix_systems() -> list[str]:
    """Return the `os` labels of the build job's matrix."""
    match = re.search(r"^\s+os: \[(.*)\]", jobs()["build"], re.M)
    assert match, "release.yml: no `os: [...]` matrix in the build job"
    return [label.strip() for label in match.group(1).split(",")]


def referenced_scripts(text: str) -> list[Path]:
    """Return the repo files under packaging/ that `text` names."""
    return [ROOT / path for path in re.findall(r"(?<![\w/])packaging/[\w./-]+\w", text)]


def runs_selftest(step: str) -> bool:
    """Whether a step runs --selftest itself, through a packaging script, or a make target."""
    scripts = referenced_scripts(step)
    if "make " in step and "package-check" in step:
        scripts.append(ROOT / "packaging" / "check_linux.sh")
    return "--selftest" in step or any(
        "--selftest" in s.read_text(encoding="utf-8") for s in scripts if s.is_file()
    )


def test_workflow_refers_to_scripts_that_exist() -> None:
    scripts = referenced_scripts(WORKFLOW.read_text(encoding="utf-8"))
    assert scripts, "release.yml runs no packaging script"
    for script in scripts:
        assert script.is_file(), f"release.yml refers to {script.relative_to(ROOT)}: missing"
        for inner in referenced_scripts(script.read_text(encoding="utf-8")):
            if inner.suffix in {".sh", ".py", ".spec", ".iss", ".plist", ".isl"}:
                assert inner.exists(), f"{script.name} refers to {inner.relative_to(ROOT)}"


def test_three_systems_and_both_mac_architectures_on_current_runners() -> None:
    labels = matrix_systems() + re.findall(r"^    runs-on: ([\w.-]+)$", jobs()["linux"], re.M)
    assert {label.split("-")[0] for label in labels} == {"ubuntu", "windows", "macos"}
    macs = [label for label in labels if label.startswith("macos")]
    assert any("intel" in mac for mac in macs) and any("intel" not in mac for mac in macs)
    text = WORKFLOW.read_text(encoding="utf-8")
    assert not [label for label in RETIRED if label in text], "a retired runner image is used"


def test_linux_builds_in_debian_12_with_the_x11_libraries() -> None:
    linux = jobs()["linux"]
    assert re.search(r"^\s+image: debian:12$", linux, re.M)
    for package in (
        "libxcb-cursor0",
        "libxcb-icccm4",
        "libxkbcommon-x11-0",
        "xvfb",
        "debootstrap",
        "patchelf",
        "lintian",
        "desktop-file-utils",
    ):
        assert package in linux, f"the Linux job does not install {package}"
    assert re.search(r'^\s+CI: "true"$', linux, re.M), "package-check must not skip: CI=true"


@pytest.mark.parametrize(
    ("job", "family"), [("linux", "Linux"), ("build", "Windows"), ("build", "macOS")]
)
def test_every_system_runs_the_built_apps_selftest(job: str, family: str) -> None:
    selftests = []
    for step in steps(job):
        condition = re.search(r"^\s*if: (.*)$", step, re.M)
        if condition and f"runner.os == '{family}'" not in condition.group(1):
            continue
        if runs_selftest(step):
            selftests.append(step.splitlines()[0])
    assert selftests, f"no step of release.yml's {job} job runs --selftest on {family}"


def test_linux_selftest_runs_under_xvfb_and_in_a_clean_system() -> None:
    check = (ROOT / "packaging" / "check_linux.sh").read_text(encoding="utf-8")
    assert "xvfb-run" in check and "linux/clean_system_check.sh" in check
    assert any("package-check" in step for step in steps("linux"))


def test_a_tag_must_match_the_version_before_anything_builds() -> None:
    version = jobs()["version"]
    assert "packaging/check_version.py" in version and "DEB_MAINTAINER" in version
    for job in ("linux", "build"):
        assert re.search(r"^    needs: version$", jobs()[job], re.M), f"{job} runs unchecked"
    assert re.search(r"^    needs: \[linux, build\]$", jobs()["release"], re.M)


def test_release_uploads_installers_and_sums() -> None:
    release = jobs()["release"]
    for pattern in ("*.deb", "*.tar.gz", "*.whl", "*-setup.exe", "*.dmg", "SHA256SUMS"):
        assert pattern in release, f"release job does not publish {pattern}"
    assert "actions/upload-artifact" in jobs()["build"] + jobs()["linux"]
    assert "startsWith(github.ref, 'refs/tags/')" in WORKFLOW.read_text(encoding="utf-8")
    dmg = (ROOT / "packaging" / "macos" / "make_dmg.sh").read_text(encoding="utf-8")
    assert "SHA256SUMS-macos-$(uname -m)" in dmg, "two Mac builds would overwrite one sums file"


def test_macos_signing_imports_the_certificate_and_lets_pyinstaller_sign() -> None:
    text = "\n".join(steps("build"))
    assert "security import" in text and "set-key-partition-list" in text
    spec = SPEC.read_text(encoding="utf-8")
    assert "codesign_identity=SIGN_IDENTITY" in spec and "entitlements_file=ENTITLEMENTS" in spec
    dmg = (ROOT / "packaging" / "macos" / "make_dmg.sh").read_text(encoding="utf-8")
    assert "xargs -0 codesign" not in dmg, "signing file by file breaks Qt's frameworks"
    assert "retry hdiutil create" in dmg and "retry hdiutil attach" in dmg


def test_spec_bundles_every_asset_folder() -> None:
    text = SPEC.read_text(encoding="utf-8")
    match = re.search(r"^ASSET_FOLDERS = (\[.*?\])", text, re.M | re.S)
    assert match, "hostlab.spec: no ASSET_FOLDERS list"
    listed = set(ast.literal_eval(match.group(1)))
    present = {p.name for p in (ROOT / "assets").iterdir() if p.is_dir()}
    assert present <= listed, f"asset folders the frozen app would lack: {present - listed}"


def test_desktop_entry_names_the_app_in_english_and_chinese() -> None:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    entry = parser["Desktop Entry"]
    for key in ("Type", "Name", "Name[zh_CN]", "Exec", "Icon", "Categories"):
        assert entry.get(key), f"hostlab.desktop: no {key}"
    assert entry["Exec"].split()[0] == "hostlab"
    assert entry["Icon"] == "hostlab"
    assert re.search(r"[\u4e00-\u9fff]", entry["Name[zh_CN]"]), "Name[zh_CN] has no Chinese"


def test_inno_setup_script_offers_both_languages_and_per_user_install() -> None:
    text = ISS.read_text(encoding="utf-8-sig")
    assert re.search(r'^Name: "en"; MessagesFile: "compiler:Default.isl"', text, re.M)
    assert re.search(r'^Name: "zh_CN"; MessagesFile: "\{#ChineseMessages\}"', text, re.M)
    assert '#define ChineseMessages "HostLabChineseSimplified.isl"' in text
    assert '#define ChineseMessages "compiler:Languages\\ChineseSimplified.isl"' in text
    assert re.search(r"^PrivilegesRequiredOverridesAllowed=dialog", text, re.M)
    assert re.search(r"^PrivilegesRequired=lowest", text, re.M)
    assert re.search(r'^Name: "\{autoprograms\}', text, re.M), "no Start-menu shortcut"
    assert re.search(r'^Name: "desktopicon".*Flags: unchecked', text, re.M)
    icon = re.search(r"^SetupIconFile=(.*)$", text, re.M).group(1).strip()
    assert (ISS.parent / icon.replace("\\", "/")).is_file()


def test_inno_setup_version_resource_is_numeric_for_release_candidates() -> None:
    text = ISS.read_text(encoding="utf-8-sig")
    assert re.search(r"^VersionInfoVersion=\{#NumericVersion\}$", text, re.M)
    assert re.search(r"^AppVersion=\{#AppVersion\}$", text, re.M)


def test_windows_build_brings_no_translation_from_elsewhere() -> None:
    assert not (WINDOWS / "ChineseSimplified.isl").exists(), "only HostLab's own translation"
    build = (WINDOWS / "build_windows.sh").read_text(encoding="utf-8")
    assert "curl" not in build, "the Windows build must not download translations"


def test_windows_selftest_result_reaches_the_ci_log() -> None:
    build = (WINDOWS / "build_windows.sh").read_text(encoding="utf-8")
    assert "HOSTLAB_OUTPUT=" in build and 'cat "$out"' in build
    entry = (ROOT / "packaging" / "hostlab_entry.py").read_text(encoding="utf-8")
    assert 'os.environ["HOSTLAB_OUTPUT"]' in entry
    for inno in ("Inno Setup 6", "Inno Setup 7"):
        assert inno in build, f"build_windows.sh does not look for {inno}'s ISCC"


def test_dmg_script_links_applications_and_signs_only_with_credentials() -> None:
    text = (ROOT / "packaging" / "macos" / "make_dmg.sh").read_text(encoding="utf-8")
    assert "ln -s /Applications" in text and "hdiutil create" in text
    for tool in ("codesign --force", "notarytool submit"):
        line = next(i for i, ln in enumerate(text.splitlines()) if tool in ln)
        before = "\n".join(text.splitlines()[:line])
        assert before.rfind('if [ -n "${MACOS_SIGN_IDENTITY:-}" ]') > before.rfind("\nfi\n"), (
            f"{tool} runs without its credentials"
        )


def _check_version():  # -> module; packaging/ is scripts, not a package
    spec = importlib.util.spec_from_file_location(
        "check_version", ROOT / "packaging" / "check_version.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("tag", "version", "ok"),
    [
        ("v0.1.0", "0.1.0", True),
        ("refs/tags/v0.2.0rc1", "0.2.0rc1", True),
        ("v0.2.0", "0.2.0rc1", False),
        ("0.1.0", "0.1.0", False),
        ("v0.1.0-rc1", "0.1.0rc1", False),
    ],
)
def test_tag_must_be_v_plus_the_version(tag: str, version: str, ok: bool) -> None:
    assert (_check_version().tag_problem(tag, version) is None) is ok


def test_tag_check_reads_pyproject() -> None:
    module = _check_version()
    version = module.project_version()
    assert module.main([f"v{version}"]) == 0
    assert module.main([f"v{version}.post9"]) == 1

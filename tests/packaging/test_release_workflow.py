"""The release workflow, the PyInstaller spec and the installers' metadata agree with the repo.

These read files only; nothing is built. The builds themselves are checked by
`make package-check` (Linux) and by the workflow's runs on each OS.
"""

from __future__ import annotations

import ast
import configparser
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"
SPEC = ROOT / "packaging" / "hostlab.spec"
DESKTOP = ROOT / "packaging" / "linux" / "hostlab.desktop"
ISS = ROOT / "packaging" / "windows" / "hostlab.iss"
RUNNER_OS = {"ubuntu": "Linux", "windows": "Windows", "macos": "macOS"}


def workflow_steps() -> list[str]:
    """Return the text of each step of the build job (a step starts at `      - `)."""
    text = WORKFLOW.read_text(encoding="utf-8")
    build = text.split("\n  build:", 1)[1].split("\n  release:", 1)[0]
    return re.split(r"\n      - ", build.split("\n    steps:", 1)[1])[1:]


def matrix_systems() -> list[str]:
    """Return the `os` labels of the build matrix."""
    match = re.search(r"^\s+os: \[(.*)\]", WORKFLOW.read_text(encoding="utf-8"), re.M)
    assert match, "release.yml: no `os: [...]` matrix"
    return [label.strip() for label in match.group(1).split(",")]


def referenced_scripts(text: str) -> list[Path]:
    """Return the repo files under packaging/ that `text` names."""
    return [ROOT / path for path in re.findall(r"\bpackaging/[\w./-]+\w", text)]


def test_workflow_refers_to_scripts_that_exist() -> None:
    scripts = referenced_scripts(WORKFLOW.read_text(encoding="utf-8"))
    assert scripts, "release.yml runs no packaging script"
    for script in scripts:
        assert script.is_file(), f"release.yml refers to {script.relative_to(ROOT)}: missing"
        for inner in referenced_scripts(script.read_text(encoding="utf-8")):
            if inner.suffix in {".sh", ".py", ".spec", ".iss", ".plist"}:
                assert inner.exists(), f"{script.name} refers to {inner.relative_to(ROOT)}"


def test_matrix_covers_three_systems() -> None:
    families = {RUNNER_OS[label.split("-")[0]] for label in matrix_systems()}
    assert families == {"Linux", "Windows", "macOS"}


@pytest.mark.parametrize("label", matrix_systems())
def test_every_system_in_the_matrix_runs_the_built_apps_selftest(label: str) -> None:
    family = RUNNER_OS[label.split("-")[0]]
    selftests = []
    for step in workflow_steps():
        condition = re.search(r"^\s*if: (.*)$", step, re.M)
        if condition and f"runner.os == '{family}'" not in condition.group(1):
            continue
        scripts = [s for s in referenced_scripts(step) if s.suffix == ".sh"]
        if "--selftest" in step or any(
                "--selftest" in s.read_text(encoding="utf-8") for s in scripts if s.is_file()):
            selftests.append(step.splitlines()[0])
    assert selftests, f"no step of release.yml runs --selftest on {label} ({family})"


def test_linux_selftest_runs_under_xvfb() -> None:
    linux = [s for s in workflow_steps() if "runner.os == 'Linux'" in s and "--selftest" in s]
    assert any("xvfb-run" in step for step in linux)


def test_release_uploads_installers_and_sums() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    release = text.split("\n  release:", 1)[1]
    for pattern in ("*.deb", "*.tar.gz", "*-setup.exe", "*.dmg", "SHA256SUMS"):
        assert pattern in release, f"release job does not publish {pattern}"
    assert "actions/upload-artifact" in text
    assert "startsWith(github.ref, 'refs/tags/')" in text


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
    assert re.search(r'^Name: "zh_CN"; MessagesFile: .*ChineseSimplified.isl"', text, re.M)
    assert re.search(r"^PrivilegesRequiredOverridesAllowed=dialog", text, re.M)
    assert re.search(r"^PrivilegesRequired=lowest", text, re.M)
    assert re.search(r'^Name: "\{autoprograms\}', text, re.M), "no Start-menu shortcut"
    assert re.search(r'^Name: "desktopicon".*Flags: unchecked', text, re.M)
    icon = re.search(r"^SetupIconFile=(.*)$", text, re.M).group(1).strip()
    assert (ISS.parent / icon.replace("\\", "/")).is_file()


def test_dmg_script_links_applications_and_signs_only_with_credentials() -> None:
    text = (ROOT / "packaging" / "macos" / "make_dmg.sh").read_text(encoding="utf-8")
    assert "ln -s /Applications" in text and "hdiutil create" in text
    for tool in ("codesign --force", "notarytool submit"):
        line = next(i for i, ln in enumerate(text.splitlines()) if tool in ln)
        before = "\n".join(text.splitlines()[:line])
        assert before.rfind('if [ -n "${MACOS_SIGN_IDENTITY:-}" ]') > before.rfind("\nfi\n"), (
            f"{tool} runs without its credentials")

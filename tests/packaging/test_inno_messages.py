"""HostLab's Simplified Chinese messages for Inno Setup 6 have every message, intact.

The message names and the arguments each must keep come from packaging/windows/isl_keys.txt
(names only); `make iscc-check` checks that list against the Default.isl of the Inno Setup
compiler it downloads, and compiles the installer with the translation.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WINDOWS = ROOT / "packaging" / "windows"
ISL = WINDOWS / "HostLabChineseSimplified.isl"
CHECK = WINDOWS / "isl_check.py"


def load_check():  # noqa: ANN201 - a module loaded from a file path
    """Import packaging/windows/isl_check.py (a script, not a package)."""
    spec = importlib.util.spec_from_file_location("isl_check", CHECK)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


isl_check = load_check()


def messages() -> dict[str, dict[str, str]]:
    """Return the translation's sections."""
    return isl_check.parse_isl(ISL.read_text(encoding="utf-8-sig"))


def test_translation_has_every_message_with_its_arguments() -> None:
    keys = isl_check.read_keys()
    assert len(keys) > 250, "isl_keys.txt lost most of Inno Setup 6.4's messages"
    assert isl_check.problems(messages(), keys) == []
    assert ISL.read_bytes().startswith(b"\xef\xbb\xbf"), "ISCC reads it as UTF-8 only with a BOM"


def test_the_script_reports_problems_and_exits_1(tmp_path: Path) -> None:
    broken = tmp_path / "broken.isl"
    text = ISL.read_text(encoding="utf-8")
    text = text.replace("SetupWindowTitle=安装 - %1", "SetupWindowTitle=安装")
    text = text.replace("ButtonNext=下一步(&N) >", "ButtonNext=下一步 >")
    text = re.sub(r"^ErrorTitle=.*\n", "", text, flags=re.M)
    broken.write_text(text, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, str(CHECK), "--messages", str(broken)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1
    for name in ("SetupWindowTitle", "ButtonNext", "ErrorTitle is missing"):
        assert name in run.stderr


def test_every_message_is_chinese_and_options_are_simplified_chinese() -> None:
    found = messages()
    options = found["LangOptions"]
    name = re.sub(r"<([0-9A-F]{4})>", lambda m: chr(int(m.group(1), 16)), options["LanguageName"])
    assert name == "简体中文"
    assert (options["LanguageID"], options["LanguageCodePage"]) == ("$0804", "936")
    english = re.compile(r"[A-Za-z]{3,}")
    chinese = re.compile(r"[\u4e00-\u9fff]")
    untranslated = [
        key
        for section in ("Messages", "CustomMessages")
        for key, value in found[section].items()
        if english.search(value) and not chinese.search(value)
    ]
    assert untranslated == [], f"English left in: {untranslated}"


@pytest.mark.parametrize("line", ["Messages ButtonNext &", "CustomMessages LaunchProgram %1"])
def test_key_list_records_what_setup_substitutes(line: str) -> None:
    listed = {" ".join([section, name, *marks]) for section, name, marks in isl_check.read_keys()}
    assert line in listed


def test_every_custom_message_the_script_uses_exists_in_both_languages() -> None:
    script = (WINDOWS / "hostlab.iss").read_text(encoding="utf-8-sig")
    used = set(re.findall(r"\{cm:(\w+)", script))
    own = set(re.findall(r"^zh_CN\.(\w+)=", script, re.M))
    english = set(re.findall(r"^en\.(\w+)=", script, re.M))
    from_isl = set(messages()["CustomMessages"])
    assert used and used <= (own | from_isl), used - own - from_isl
    assert own == english, "a custom message of hostlab.iss lacks one language"

"""The repository explains itself: no tracked file cites a document that HostLab does not ship.

Design notes and the calibration tables the project was started from live outside the repository;
a comment, a catalog source or a lesson that points at them leaves a reader with nothing to open.
State the fact, or cite docs/ or assets/catalog/references.toml instead.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Spelled in pieces so that this file does not match itself.
_NAMES = "|".join(n + r"\.md" for n in ("DESIGN", "STYLE", "SPECIFICATION", "calibration"))
# A bare file name is a citation; at the end of a URL (".../main/X.md") it names a published page.
FOREIGN = re.compile(
    rf"(?<![/\w])(?:{_NAMES})|\b(?:calibration|DESIGN|STYLE) §|shared/" + "reference"
)
TEXT_SUFFIXES = {
    ".py",
    ".toml",
    ".md",
    ".txt",
    ".yml",
    ".yaml",
    ".sh",
    ".spec",
    ".iss",
    ".ts",
    ".cfg",
    ".ini",
    ".json",
    ".desktop",
    "",
}


def tracked_files() -> list[Path]:
    """Return the files git tracks (every file outside .git and .venv without git)."""
    try:
        out = subprocess.run(
            ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
        ).stdout.decode("utf-8")
        return [ROOT / name for name in out.split("\0") if name]
    except (OSError, subprocess.CalledProcessError):
        skip = {".git", ".venv", "build", "dist"}
        return [
            p for p in ROOT.rglob("*") if p.is_file() and not skip & set(p.relative_to(ROOT).parts)
        ]


def test_no_tracked_file_cites_a_document_outside_the_repo():
    files = [p for p in tracked_files() if p.suffix in TEXT_SUFFIXES and p.is_file()]
    assert len(files) > 100
    found = []
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        for n, line in enumerate(text.splitlines(), 1):
            if FOREIGN.search(line):
                found.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()[:90]}")
    assert not found, "cites a document HostLab does not ship:\n" + "\n".join(found)


def test_the_check_catches_what_it_is_for():
    for line in (
        "see DESIGN" + ".md §3",
        "calibration" + " §5a 'fio'",
        "(STYLE" + ".md)",
        "from SPECIFICATION" + ".md",
        "shared/" + "reference/x",
    ):
        assert FOREIGN.search(line), line
    assert not FOREIGN.search("https://github.com/x/blob/main/SPECIFICATION" + ".md")

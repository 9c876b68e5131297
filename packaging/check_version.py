"""Check that a release tag names the project's version: `v` + pyproject.toml's version.

    python packaging/check_version.py v0.2.0rc1     # exit 0 if pyproject.toml says 0.2.0rc1

The release workflow runs it first on a tag, so that an installer never carries a version other
than its tag's (the .deb, the setup and the .dmg all take theirs from pyproject.toml).
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def project_version(path: Path = PYPROJECT) -> str:
    """Return [project].version from pyproject.toml."""
    return str(tomllib.loads(path.read_text(encoding="utf-8"))["project"]["version"])


def tag_problem(tag: str, version: str) -> str | None:
    """Return why `tag` does not name `version`, or None when it does."""
    if tag.startswith("refs/tags/"):
        tag = tag.removeprefix("refs/tags/")
    if tag != f"v{version}":
        return (f"tag {tag!r} does not match pyproject.toml's version {version!r} "
                f"(expected 'v{version}')")
    return None


def main(argv: list[str] | None = None) -> int:
    """Compare the tag on the command line with pyproject.toml; exit 1 on a mismatch."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        sys.stderr.write("usage: check_version.py TAG\n")
        return 2
    problem = tag_problem(args[0], project_version())
    if problem:
        sys.stderr.write(f"check_version: {problem}\n")
        return 1
    print(f"check_version: tag {args[0]} matches version {project_version()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

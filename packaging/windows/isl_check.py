"""Check HostLab's Inno Setup messages file against the message names Inno Setup expects.

    python3 packaging/windows/isl_check.py                      # against isl_keys.txt
    python3 packaging/windows/isl_check.py --default Default.isl  # and isl_keys.txt against it

isl_keys.txt lists, per section, each message name of Inno Setup 6.4's English Default.isl
with what a translation must keep: the arguments Setup fills in (%1 … %9, [name], [gb] …) and
whether it has an &-accelerator. It holds names only, no English text. With --default (what
`make iscc-check` passes, from the compiler it downloads) the list itself is checked too, so it
cannot drift from the compiler. Standard library only: the check runs outside the venv.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
MESSAGES = HERE / "HostLabChineseSimplified.isl"
KEYS = HERE / "isl_keys.txt"
# What Setup substitutes: numbered arguments and the wizard's bracketed names.
ARGUMENT = re.compile(r"%[1-9]|\[(?:name|name/ver|gb|mb|kb)\]")
ACCELERATOR = re.compile(r"&(?!&)")  # "&&" is a literal ampersand
EMPTY = "(empty)"  # the English message is empty, so the translation may be too


def parse_isl(text: str) -> dict[str, dict[str, str]]:
    """Return {section: {name: value}} of an .isl file's text (comments skipped)."""
    sections: dict[str, dict[str, str]] = {}
    current: dict[str, str] | None = None
    for number, raw in enumerate(text.lstrip("\ufeff").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith(";"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], {})
            continue
        name, sep, value = line.partition("=")
        if current is None or not sep:
            raise ValueError(f"line {number}: not 'Name=text' inside a section: {line[:40]!r}")
        if name.strip() in current:
            raise ValueError(f"line {number}: {name.strip()} appears twice")
        current[name.strip()] = value
    return sections


def interface(value: str) -> list[str]:
    """Return what a translation of `value` must keep: sorted arguments, '&' if it has one."""
    marks = sorted(set(ARGUMENT.findall(value)))
    if ACCELERATOR.search(value.replace("&&", "")):
        marks.append("&")
    return marks if value else [EMPTY]


def key_lines(default: dict[str, dict[str, str]]) -> list[str]:
    """Return isl_keys.txt's lines for a parsed Default.isl."""
    return [" ".join([section, name, *interface(value)])
            for section, entries in default.items() for name, value in entries.items()]


def read_keys(path: Path = KEYS) -> list[tuple[str, str, list[str]]]:
    """Return (section, name, marks) for each line of isl_keys.txt (# comments skipped)."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            section, name, *marks = line.split()
            rows.append((section, name, marks))
    return rows


Sections = dict[str, dict[str, str]]
Keys = list[tuple[str, str, list[str]]]


def problems(messages: Sections, keys: Keys) -> list[str]:
    """Return what the translation lacks or breaks compared with the key list."""
    found = []
    listed = {(section, name) for section, name, _ in keys}
    for section, name, marks in keys:
        value = messages.get(section, {}).get(name)
        if value is None:
            found.append(f"[{section}] {name} is missing")
        elif section == "LangOptions" or marks == [EMPTY]:
            continue
        elif not value.strip():
            found.append(f"[{section}] {name} is empty")
        elif interface(value) != marks:
            found.append(f"[{section}] {name} keeps {interface(value)}, Setup needs {marks}")
    for section, entries in messages.items():
        found += [f"[{section}] {name} is not a message Inno Setup 6.4 knows"
                  for name in entries if (section, name) not in listed]
    return found


def main() -> int:
    """Check the messages file (and with --default the key list); print problems, exit 1."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--default", type=Path, help="Inno Setup's Default.isl")
    parser.add_argument("--messages", type=Path, default=MESSAGES)
    args = parser.parse_args()
    raw = args.messages.read_bytes()
    found = [] if raw.startswith(b"\xef\xbb\xbf") else [f"{args.messages.name}: no UTF-8 BOM"]
    keys = read_keys()
    found += problems(parse_isl(raw.decode("utf-8")), keys)
    if args.default:
        default = key_lines(parse_isl(args.default.read_text(encoding="utf-8-sig")))
        ours = [" ".join([section, name, *marks]) for section, name, marks in keys]
        found += [f"isl_keys.txt lacks: {line}" for line in default if line not in ours]
        found += [f"isl_keys.txt has, Default.isl not: {line}"
                  for line in ours if line not in default]
    for problem in found:
        print(f"isl-check: {problem}", file=sys.stderr)
    print(f"isl-check: {args.messages.name}: {len(keys)} messages, {len(found)} problems")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())

"""Build HostLab's wheel from the checkout's files and use it as a pip or pipx user would.

    python packaging/check_wheel.py [--keep DIR]      # what `make wheel-check` runs

Steps, each stopping the check with a message naming it when it fails:
1. copy the tracked and untracked-but-not-ignored files of the checkout (so no compiled .qm
   and no build/ folder) and build a wheel from that copy with pip, as from a clean clone;
2. check the wheel holds the data files (catalog, lessons, fonts, icons, compiled
   translations) inside `sim/_assets/`, and no top-level `assets/`;
3. install it into a fresh venv and, from a folder outside the checkout, run `hostlab
   --selftest`, a Chinese `--screenshot` of a lesson, `python -m sim run --json` and
   `python -m sim lessons`;
4. install a stand-in distribution that also ships a `sim` package into the same venv, and
   check that HostLab then refuses to start with a message naming it (README: Install with pip).
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import venv
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REQUIRED = ["catalog/templates.toml", "scenarios/default.toml", "scenarios/02-startup.toml",
            "fonts/wqy-microhei.ttc", "fonts/LICENSE-wqy-microhei.txt",
            "i18n/hostlab_zh_CN.qm", "icons/container.svg", "hostlab.svg"]


def fail(message: str) -> None:
    """Stop the check with a message naming what failed."""
    sys.exit(f"wheel-check: FAILED: {message}")


def run(cmd: list[str], cwd: Path, env: dict[str, str], expect: int = 0) -> str:
    """Run `cmd`; return its stdout and then its stderr, or fail unless it exits `expect`."""
    print("--", " ".join(str(c) for c in cmd), flush=True)
    result = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=900)
    if result.returncode != expect:
        fail(f"{' '.join(cmd)} exited {result.returncode}, expected {expect}:\n"
             f"{result.stdout[-3000:]}{result.stderr[-3000:]}")
    return result.stdout + result.stderr


def clean_copy(target: Path) -> None:
    """Copy the checkout's files that git would commit (no ignored build products)."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=ROOT, capture_output=True, check=True).stdout.split(b"\0")
    for name in filter(None, (entry.decode() for entry in listed)):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            (target / name).write_bytes(source.read_bytes())
    if list(target.rglob("*.qm")):
        fail("the clean copy holds compiled translations; they must come from the build")


def check_wheel(wheel: Path) -> None:
    """Fail unless the wheel carries every data file inside sim/_assets/."""
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = [name for name in REQUIRED if f"sim/_assets/{name}" not in names]
    if missing:
        fail(f"{wheel.name} lacks sim/_assets/{', '.join(missing)}")
    top = sorted({name.split("/")[0] for name in names if "/" in name})
    if "assets" in top:
        fail(f"{wheel.name} installs a top-level assets/ folder")
    print(f"{wheel.name}: {wheel.stat().st_size / 1e6:.1f} MB, {len(names)} files, "
          f"top level {top}")


def stand_in_wheel(folder: Path) -> Path:
    """Write a minimal wheel of a distribution 'othersim' that also provides `sim`."""
    files = {"sim/other.py": b"VALUE = 1\n",
             "othersim-1.0.dist-info/METADATA": b"Metadata-Version: 2.1\nName: othersim\n"
                                                b"Version: 1.0\n",
             "othersim-1.0.dist-info/WHEEL": b"Wheel-Version: 1.0\nGenerator: hand\n"
                                             b"Root-Is-Purelib: true\nTag: py3-none-any\n"}
    record = ""
    for name, data in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        record += f"{name},sha256={digest},{len(data)}\n"
    files["othersim-1.0.dist-info/RECORD"] = (record + "othersim-1.0.dist-info/RECORD,,\n").encode()
    path = folder / "othersim-1.0-py3-none-any.whl"
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return path


def use_installed(bin_dir: Path, work: Path, source: Path, env: dict[str, str]) -> None:
    """Run the installed commands from `work`, outside the checkout; fail on any problem."""
    python, hostlab = bin_dir / "python", bin_dir / "hostlab"
    out = run([str(hostlab), "--selftest"], work, env)
    if "HostLab selftest OK" not in out:
        fail(f"--selftest printed no OK line:\n{out}")
    shot = work / "startup-zh.png"
    run([str(hostlab), str(source / "assets/scenarios/02-startup.toml"), "--until", "12",
         "--lang", "zh_CN", "--size", "1366x768", "--screenshot", str(shot)], work, env)
    if not shot.is_file() or shot.stat().st_size < 20_000:
        fail(f"the Chinese screenshot {shot} is missing or too small to hold a window")
    out = run([str(python), "-m", "sim", "run", "--until", "20", "--json"], work, env)
    result = json.loads(out[out.index("{"):out.rindex("}") + 1])
    if not result.get("guests"):
        fail("python -m sim run --json reported no guests")
    lessons = run([str(python), "-m", "sim", "lessons"], work, env).strip().splitlines()
    if len(lessons) < 8:
        fail(f"python -m sim lessons listed {len(lessons)} lessons, expected at least 8")
    print(f"installed wheel OK: selftest, Chinese screenshot ({shot.stat().st_size} bytes), "
          f"{len(result['guests'])} guests from sim run, {len(lessons)} lessons")


def main(argv: list[str] | None = None) -> int:
    """Run the whole check; exit 0 when every step passed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="keep the screenshot and wheel in this folder")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="hostlab-wheel-check-") as tmp_name:
        tmp = Path(tmp_name)
        source, wheels, work, env_dir = (tmp / n for n in ("src", "wheels", "elsewhere", "venv"))
        for folder in (source, wheels, work):
            folder.mkdir()
        env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               "HOME": str(tmp), "XDG_CONFIG_HOME": str(tmp / "config"),
               "XDG_DATA_HOME": str(tmp / "data"), "TMPDIR": str(tmp), "PIP_NO_INPUT": "1"}
        env.pop("PYTHONPATH", None)
        env.pop("VIRTUAL_ENV", None)
        clean_copy(source)
        run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels),
             str(source)], tmp, env)
        wheel = next(wheels.glob("hostlab-*.whl"))
        check_wheel(wheel)
        venv.create(env_dir, with_pip=True)
        bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
        run([str(bin_dir / "python"), "-m", "pip", "install", "-q", str(wheel)], tmp, env)
        use_installed(bin_dir, work, source, env)
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            for kept in (wheel, work / "startup-zh.png"):
                (args.keep / kept.name).write_bytes(kept.read_bytes())
        run([str(bin_dir / "python"), "-m", "pip", "install", "-q", "--no-deps",
             str(stand_in_wheel(wheels))], tmp, env)
        out = run([str(bin_dir / "python"), "-m", "sim", "run"], work, env, expect=1)
        if "othersim" not in out or "pipx" not in out or "Traceback" in out:
            fail(f"with a second `sim` installed, HostLab did not say so in one line:\n{out}")
        print("a second distribution providing `sim` is refused with:", out.strip())
    print("wheel-check: OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""A seeded fuzzer of scenario files: mutate the bundled lessons, load, run, check, count.

Each case is a scenario file made by mutating a bundled lesson (numbers pushed to extremes,
strings replaced by markup or huge texts, lines dropped, duplicated or truncated, a BOM, deep
nesting, stray bytes). It is written to disk and loaded like a file the window opens; a
rejected file must give a one-line error that starts with the file's name. A loaded file must
save and load back equal, then run for a while with every host's recorded samples checked
(ledger, free never negative, time never backwards) and every guest checked (no negative times,
a gone guest holds no memory). One case in twenty also goes through `python -m sim run`.

Outcomes are counted: loaded, rejected, and the failures crash, hang and violation, which
must all be 0. The suite runs a few hundred cases (tests/sim/test_fuzz_scenarios.py); `make
fuzz` runs 10,000: `python tests/sim/fuzz_scenarios.py --cases 10000 --seed 1`.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import math
import random
import re
import signal
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sim.scenario import (  # noqa: E402
    ScenarioError,
    dumps_scenario,
    load_scenario,
    parse_scenario,
)
from sim.snapshot import LAYERS  # noqa: E402

LESSONS = sorted((ROOT / "assets" / "scenarios").glob("*.toml"))
NUMBERS = [
    "0",
    "-1",
    "1",
    "0.5",
    "1e-9",
    "1e6",
    "1e308",
    "-0.0",
    "nan",
    "inf",
    "-inf",
    "100000",
    "9223372036854775808",
    "9" * 400,
    "9" * 4400,
    "0x7fffffff",
    "3600",
]
STRINGS = [
    '"<img src=\\"/dev/zero\\">"',
    '"![x](/dev/zero)"',
    '"[x](file:///bin/sh)"',
    '""',
    '"\\u0000"',
    '"nginx"',
    '"alpine"',
    '"arm-board"',
    '"no-such-id"',
    '"x"',
    '"' + "a" * 120_000 + '"',
    '"\\ud7ff漢字"',
    '"main"',
    '"kvm"',
    '"firecracker"',
]
SNIPPETS = [
    '[[hosts]]\nid = "x"\n',
    "[host]\n",
    '[[guests]]\ntemplate = "alpine"\ncount = 3\n',
    '[[actions]]\naction = "move"\ntargets = ["alpine-1", "alpine-1"]\nto = "x"\n',
    '[[actions]]\naction = "remove"\nat_s = 0.0\ntargets = ["alpine-1"]\n',
    '[[actions]]\naction = "leak"\ntargets = ["alpine-1"]\nrate_mib_s = 1e6\n',
    "a = " + "[" * 2000 + "]" * 2000 + "\n",
    "= broken\n",
    "[lesson]\n",
    '[[lesson.steps]]\nat_s = 1.0\ntext = "<b>step</b>"\n',
    "\x00\x01\x7f\n",
    '[[templates]]\nid = "vm-1g"\nbase = "alpine-vm"\nmemory_mib = 1024\nvcpus = 1\n',
    '[[templates]]\nid = "small"\nbase = "nginx"\nmemory_limit_mib = 64\n'
    '[[guests]]\ntemplate = "small"\ncount = 2\n',
    '[[templates]]\nid = "a"\nbase = "b"\n[[templates]]\nid = "b"\nbase = "a"\n',
    '[configs."gvisor-1"]\ngvisor_platform = "ptrace"\n'
    '[configs."kata-1"]\nkata_hypervisor = "clh"\n',
    '[[templates]]\nid = "kfc"\nbase = "kata"\nkata_hypervisor = "firecracker"\n'
    '[[guests]]\ntemplate = "kfc"\ncount = 3\n',
]
NUMERIC = re.compile(
    r"\s*(count|at_s|stagger_s|ram_gib|cores|swap_gib|rate_mib_s|duration_s|"
    r"mib_s|seed|memory_limit_mib|pids_limit|cpu_quota|memory_mib|vcpus|disk_gib)\s*=\s*[\d.]+\s*$"
)
BUDGET_S = 20.0  # wall seconds a case may take before it counts as a hang


class Hang(Exception):
    """A case ran longer than its budget."""


def mutate(text: str, rng: random.Random) -> str:
    """Return `text` with one to four random mutations."""
    for _ in range(rng.randint(1, 3)):
        lines = text.splitlines(keepends=True) or [""]
        i = rng.randrange(len(lines))
        line = lines[i]
        # Value changes most often: a file that is no longer TOML tests little past the parser.
        kind = rng.choices(range(9), weights=(3, 1, 1, 2, 1, 1, 8, 1, 1))[0]
        if kind == 0 and "=" in line:  # a value pushed to an extreme
            key = line.split("=", 1)[0]
            lines[i] = f"{key}= {rng.choice(NUMBERS + STRINGS)}\n"
        elif kind == 1:
            del lines[i]
        elif kind == 2:
            lines.insert(i, line)
        elif kind == 3:
            lines.insert(i, rng.choice(SNIPPETS))
        elif kind == 4:
            return "".join(lines)[: rng.randrange(len(text) + 1)]
        elif kind == 5:
            lines[i] = "".join(chr(rng.randrange(1, 0x3000)) for _ in range(rng.randint(1, 12)))
        elif kind == 6:  # a number made another plausible one: the model, not the loader, is hit
            numeric = [j for j, x in enumerate(lines) if NUMERIC.match(x)]
            if numeric:
                j = rng.choice(numeric)
                key = lines[j].split("=", 1)[0]
                value = rng.choice([rng.randint(1, 60), round(rng.uniform(0, 120), 3)])
                lines[j] = f"{key}= {value}\n"
        elif kind == 7:
            lines.insert(0, "\ufeff")
        else:
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        text = "".join(lines)
    return text


def check_session(session, until_s: float) -> list[str]:
    """Run `session` to `until_s`; return the invariant violations seen."""
    import numpy as np

    problems: list[str] = []
    session.run_until(until_s)
    for hid in session.hosts:
        snap = session.snapshot(hid)
        s = snap.series
        if len(s.time_s):
            resident = np.sum([s.layers[n] for n in LAYERS], axis=0)
            total = snap.host.ram_mib + s.layers["swap_used"]
            if np.any(np.abs(resident + s.layers["free"] - total) > 1e-6 * total):
                problems.append(f"{hid}: ledger does not add up")
            if np.any(s.layers["free"] < -1e-6) or np.any(np.diff(s.time_s) < 0):
                problems.append(f"{hid}: free < 0 or time backwards")
        for g in snap.guests:
            times = [g.created_s, g.ready_s, g.startup_s]
            times += [t for p in g.phases for t in (p.start_s, p.end_s)]
            if any(t is not None and (t < 0 or math.isnan(t)) for t in times):
                problems.append(f"{g.id}: negative time")
            if g.state in ("killed", "failed", "stopped", "crashed") and g.resident_mib > 1e-6:
                problems.append(f"{g.id}: {g.state} but holds {g.resident_mib:.1f} MiB")
    return problems


def run_case(text: str, folder: Path, rng: random.Random, max_guests: int) -> tuple[str, str]:
    """Return (outcome, detail) for one scenario text."""
    from sim.cli import main as cli_main
    from sim.session import Session

    path = folder / "case.toml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        scenario = load_scenario(path)
    except ScenarioError as exc:
        message = str(exc)
        if not message.startswith(str(path)) or "\n" in message:
            return "violation", f"error not one line naming the file: {message[:200]!r}"
        return "rejected", ""
    if parse_scenario(dumps_scenario(scenario), str(path)) != scenario:
        return "violation", "save does not load back equal"
    if sum(g.count for g in scenario.guests) > max_guests:
        return "loaded", "not run (many guests)"
    until = rng.choice([0.0, 1.0, 10.0, 45.0])
    problems = check_session(Session.bundled(scenario), until)
    if problems:
        return "violation", "; ".join(problems[:3])
    if rng.random() < 0.05:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            status = cli_main(["run", str(path), "--until", "5", "--json"])
        if status not in (0, 2):
            return "violation", f"CLI exit status {status}"
    return "loaded", ""


def fuzz(cases: int, seed: int, max_guests: int = 2000) -> tuple[Counter, list[str]]:
    """Run `cases` cases from `seed`; return the outcome counts and failure details."""
    rng = random.Random(seed)
    bases = [p.read_text(encoding="utf-8") for p in LESSONS]
    counts: Counter = Counter()
    failures: list[str] = []

    def on_alarm(_signum: int, _frame: object) -> None:
        raise Hang

    old = signal.signal(signal.SIGALRM, on_alarm)
    try:
        with tempfile.TemporaryDirectory(prefix="hostlab-fuzz-") as tmp:
            for case in range(cases):
                text = mutate(rng.choice(bases), rng)
                signal.setitimer(signal.ITIMER_REAL, BUDGET_S)
                try:
                    outcome, detail = run_case(text, Path(tmp), rng, max_guests)
                except Hang:
                    outcome, detail = "hang", f"over {BUDGET_S:g} s"
                except Exception as exc:  # noqa: BLE001 (anything else is what we count)
                    outcome, detail = "crash", f"{type(exc).__name__}: {str(exc)[:200]}"
                finally:
                    signal.setitimer(signal.ITIMER_REAL, 0)
                counts[outcome] += 1
                if outcome in ("crash", "hang", "violation"):
                    failures.append(f"case {case} (seed {seed}): {outcome}: {detail}")
    finally:
        signal.signal(signal.SIGALRM, old)
    return counts, failures


def main() -> int:
    """Run the fuzzer from the command line; exit 1 on any crash, hang or violation."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--max-guests",
        type=int,
        default=20_000,
        help="run only files asking for at most this many guests",
    )
    args = parser.parse_args()
    start = time.monotonic()
    counts, failures = fuzz(args.cases, args.seed, args.max_guests)
    for line in failures[:50]:
        print(line)
    summary = {k: counts.get(k, 0) for k in ("loaded", "rejected", "crash", "hang", "violation")}
    print(
        json.dumps(
            {
                "cases": args.cases,
                "seed": args.seed,
                **summary,
                "wall_s": round(time.monotonic() - start, 1),
            }
        )
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

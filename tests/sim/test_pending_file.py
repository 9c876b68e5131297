"""sim.atomic.PendingFile: a file written at a temporary path, then put in place or removed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sim.atomic import PREFIX, AtomicWriteError, PendingFile


def test_commit_puts_the_file_at_the_target_and_leaves_nothing_else(tmp_path: Path) -> None:
    target = tmp_path / "clip.mp4"
    target.write_bytes(b"old")
    pending = PendingFile(target)
    assert pending.path.parent == tmp_path and pending.path.name.startswith(PREFIX)
    pending.path.write_bytes(b"new")
    assert target.read_bytes() == b"old"  # nobody sees the new file before commit
    assert pending.commit() == target
    assert target.read_bytes() == b"new" and os.listdir(tmp_path) == ["clip.mp4"]


def test_discard_and_exceptions_leave_the_target_as_it_was(tmp_path: Path) -> None:
    target = tmp_path / "clip.gif"
    target.write_bytes(b"old")
    pending = PendingFile(target)
    pending.path.write_bytes(b"half")
    pending.discard()
    with pytest.raises(RuntimeError), PendingFile(target) as failing:
        failing.path.write_bytes(b"half")
        raise RuntimeError("encoder died")
    assert target.read_bytes() == b"old" and os.listdir(tmp_path) == ["clip.gif"]


def test_committing_nothing_is_an_error_naming_the_target(tmp_path: Path) -> None:
    target = tmp_path / "clip.webm"
    with pytest.raises(AtomicWriteError, match="clip.webm"):
        PendingFile(target).commit()
    assert os.listdir(tmp_path) == []


@pytest.mark.skipif(os.name == "nt", reason="sim/atomic.py cleans dead writers' files on POSIX")
def test_a_dead_writers_file_is_removed_by_the_next_one(tmp_path: Path) -> None:
    code = (
        "import sys; from sim.atomic import PendingFile; "
        "p = PendingFile(sys.argv[1]); p.path.write_bytes(b'half'); print(p.path)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "a.mp4")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert Path(done.stdout.strip()).exists()  # its writer exited without commit or discard
    PendingFile(tmp_path / "b.mp4").discard()
    assert os.listdir(tmp_path) == []

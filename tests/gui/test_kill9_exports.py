"""kill -9 during the window's writers (PNG, SVG, crash log): old or new, nothing else.

The child and the harness are in tests/kill_child.py.
"""

from __future__ import annotations

import os
import random
import xml.etree.ElementTree as ET

import pytest
from kill_child import ROUNDS, kill_while_writing, leftovers

from sim.atomic import write_bytes, write_text


@pytest.mark.parametrize("kind", ["png", "svg"])
def test_picture_exports_survive_kill_9(tmp_path, kind):
    rng = random.Random(17)
    target = tmp_path / f"shot.{kind}"
    for _ in range(ROUNDS):
        kill_while_writing(kind, target, rng)
        data = target.read_bytes()
        if kind == "png":
            assert data.startswith(b"\x89PNG\r\n\x1a\n") and data.endswith(b"IEND\xaeB`\x82")
        else:
            assert ET.fromstring(data).tag.endswith("svg")
        write_bytes(target, data)  # the next write cleans up after the killed one
        assert leftovers(tmp_path, {target.name}) == []


def test_crash_logs_survive_kill_9(tmp_path):
    rng = random.Random(19)
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path), "HOME": str(tmp_path)}
    for _ in range(ROUNDS):
        kill_while_writing("crash", tmp_path / "unused", rng, env)
    logs = list(tmp_path.rglob("crash-*.log"))
    assert logs and all(p.read_text().endswith("\nend\n") for p in logs)
    temporaries = [p for p in tmp_path.rglob("*") if p.name.startswith(".hostlab-tmp-")]
    if temporaries:  # one killed mid-write: the next log written there removes it
        write_text(temporaries[0].parent / "crash-next.log", "next\n")
        assert not [p for p in tmp_path.rglob("*") if p.name.startswith(".hostlab-tmp-")]

"""Recording the motion headless (`hostlab --record`): frames, size, duration, pictures, errors."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import imageio_ffmpeg
import numpy as np
import pytest
from PIL import Image

from gui.recording import RecordingPlan
from sim.atomic import PREFIX, PendingFile
from tests.gui.test_headless import ROOT, hostlab

SCENARIO = "assets/scenarios/02-startup.toml"
SIZE = (960, 540)
SIZE_ARG = f"{SIZE[0]}x{SIZE[1]}"


def png(path: Path) -> np.ndarray:
    """Return a picture as an int array (height, width, 3)."""
    return np.asarray(Image.open(path).convert("RGB")).astype(int)


def video_frames(path: Path) -> tuple[dict, list[np.ndarray]]:
    """Decode a video with the same ffmpeg; return its metadata and its frames."""
    reader = imageio_ffmpeg.read_frames(str(path))
    meta = next(reader)
    width, height = meta["size"]
    return meta, [np.frombuffer(f, np.uint8).reshape(height, width, 3).astype(int) for f in reader]


def gif_frames(path: Path) -> tuple[list[int], list[np.ndarray]]:
    """Decode an animated GIF; return each frame's duration in ms and the frames."""
    durations, frames = [], []
    with Image.open(path) as gif:
        for i in range(gif.n_frames):
            gif.seek(i)
            durations.append(gif.info["duration"])
            frames.append(np.asarray(gif.convert("RGB")).astype(int))
    return durations, frames


def screenshot(tmp_path: Path, t: float, *extra: str) -> np.ndarray:
    out = tmp_path / f"shot-{t:g}.png"
    result = hostlab(
        SCENARIO, "--until", str(t), "--screenshot", str(out), "--size", SIZE_ARG, *extra
    )
    assert result.returncode == 0, result.stderr
    return png(out)


def assert_close(frame: np.ndarray, picture: np.ndarray, mean_limit: float) -> None:
    """Assert a decoded frame is the picture up to codec loss (a few levels, a few pixels)."""
    diff = np.abs(frame - picture)
    assert frame.shape == picture.shape
    assert diff.mean() < mean_limit, diff.mean()
    assert (diff.max(axis=2) > 64).mean() < 0.01


def test_plan_counts_both_ends_and_steps_one_frame_interval() -> None:
    plan = RecordingPlan(2.0, 4.0, 10.0, SIZE, "mp4")
    assert plan.frame_count == 21
    assert plan.time_of(0) == 2.0 and plan.time_of(20) == 4.0
    assert plan.time_of(7) == pytest.approx(2.7)
    assert plan.duration_s == pytest.approx(2.1)


def test_mp4_has_the_frames_size_and_duration_and_its_ends_are_screenshots(tmp_path: Path) -> None:
    out = tmp_path / "startup.mp4"
    result = hostlab(
        SCENARIO,
        "--record",
        str(out),
        "--from",
        "2",
        "--until",
        "4",
        "--fps",
        "10",
        "--size",
        SIZE_ARG,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["startup.mp4"]
    meta, frames = video_frames(out)
    assert meta["codec"] == "h264" and meta["fps"] == 10.0
    assert meta["size"] == SIZE and len(frames) == 21
    assert meta["duration"] == pytest.approx(2.1, abs=0.01)
    first, last = screenshot(tmp_path, 2), screenshot(tmp_path, 4)
    assert_close(frames[0], first, mean_limit=4.0)
    assert_close(frames[-1], last, mean_limit=4.0)
    assert np.abs(frames[0] - last).mean() > 2 * 4.0  # twice the tolerance: moments differ


def test_gif_in_chinese_projector_mode_matches_its_screenshots(tmp_path: Path) -> None:
    out = tmp_path / "startup.gif"
    flags = ("--lang", "zh_CN", "--projector")
    result = hostlab(
        SCENARIO,
        "--record",
        str(out),
        "--from",
        "3",
        "--until",
        "4.5",
        "--fps",
        "12",
        "--size",
        SIZE_ARG,
        *flags,
    )
    assert result.returncode == 0, result.stderr
    durations, frames = gif_frames(out)
    assert len(frames) == 19 and frames[0].shape == (SIZE[1], SIZE[0], 3)
    # GIF delays are whole centiseconds: each frame is within 10 ms, the whole to one frame.
    assert all(abs(d - 1000 / 12) <= 10 for d in durations)
    assert abs(sum(durations) - 19 * 1000 / 12) <= 1000 / 12
    # One palette per frame: quantisation costs almost nothing on the window's flat colours.
    assert_close(frames[0], screenshot(tmp_path, 3, *flags), mean_limit=1.0)
    assert_close(frames[-1], screenshot(tmp_path, 4.5, *flags), mean_limit=1.0)


def test_webm_has_the_frames_and_size(tmp_path: Path) -> None:
    out = tmp_path / "startup.webm"
    result = hostlab(
        SCENARIO,
        "--record",
        str(out),
        "--from",
        "0",
        "--until",
        "1",
        "--fps",
        "5",
        "--size",
        SIZE_ARG,
    )
    assert result.returncode == 0, result.stderr
    meta, frames = video_frames(out)
    assert meta["codec"] == "vp9" and meta["size"] == SIZE and len(frames) == 6


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("--record", "{d}/x.mp4", "--fps", "0"), "--fps"),
        (("--record", "{d}/x.mp4", "--fps", "500"), "--fps"),
        (("--record", "{d}/x.mp4", "--from", "5", "--until", "3"), "--from"),
        (("--record", "{d}/x.avi"), ".mp4"),
        (("--record", "{d}/x.mp4", "--size", "855x480"), "even"),
        (("--record", "{d}/x.mp4", "--size", "640x300"), "--size"),
        (("--record", "{d}/x.mp4", "--until", "10000", "--fps", "60"), "frames"),
        (("--fps", "10", "--screenshot", "{d}/x.png"), "--record"),
        (("--record", "{d}/x.mp4", "--selftest"), "--record"),
    ],
)
def test_bad_arguments_give_one_line_and_exit_2(
    tmp_path: Path, args: tuple[str, ...], says: str
) -> None:
    result = hostlab(SCENARIO, *(a.format(d=tmp_path) for a in args))
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("hostlab: ") and says in lines[0], lines
    assert list(tmp_path.iterdir()) == []


def test_a_missing_folder_is_named_and_nothing_is_written(tmp_path: Path) -> None:
    out = tmp_path / "nope" / "x.mp4"
    result = hostlab(SCENARIO, "--record", str(out), "--until", "1", "--size", SIZE_ARG)
    assert result.returncode == 1
    assert str(out) in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.name == "nt", reason="sim/atomic.py cleans dead writers' files on POSIX")
def test_kill_9_while_recording_leaves_no_video_and_the_next_write_cleans_up(
    tmp_path: Path,
) -> None:
    out = tmp_path / "long.mp4"
    code = "import sys; from gui.app import main; sys.exit(main(sys.argv[1:]))"
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            code,
            SCENARIO,
            "--record",
            str(out),
            "--until",
            "60",
            "--size",
            SIZE_ARG,
        ],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while not any(p.name.startswith(PREFIX) for p in tmp_path.iterdir()):
        assert time.monotonic() < deadline and child.poll() is None
        time.sleep(0.1)
    child.kill()
    child.wait()
    assert not out.exists()
    PendingFile(tmp_path / "next.mp4").discard()  # any next write into the folder
    assert list(tmp_path.iterdir()) == []

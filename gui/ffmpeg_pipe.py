"""Frames to a video file through ffmpeg: MP4 (H.264), WebM (VP9) or an animated GIF.

The ffmpeg program comes inside the imageio-ffmpeg wheel (pip installs, the Windows and macOS
apps); the Linux packages use the system's ffmpeg instead (the .deb depends on it), which
imageio-ffmpeg finds through IMAGEIO_FFMPEG_EXE or PATH. Without any, recording stops with one
line saying how to install it. Frames go to ffmpeg's standard input as raw RGB, one
`write()` each, and ffmpeg encodes while the next frame is rendered. A GIF gets a palette of
its own for every frame (palettegen in single-frame mode), computed as the frames stream by,
so memory stays flat however long the recording; no dithering keeps the window's flat colours
and text crisp.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import numpy as np

FORMATS = ("mp4", "webm", "gif")

_CODEC_ARGS: dict[str, list[str]] = {
    # yuv420p and the moov atom first: what PowerPoint, browsers and phones all play.
    "mp4": [
        "-c:v",
        "libx264",
        "-pix_fmt",
        "yuv420p",
        "-preset",
        "medium",
        "-crf",
        "20",
        "-tune",
        "stillimage",
        "-movflags",
        "+faststart",
        "-f",
        "mp4",
    ],
    "webm": [
        "-c:v",
        "libvpx-vp9",
        "-pix_fmt",
        "yuv420p",
        "-crf",
        "32",
        "-b:v",
        "0",
        "-deadline",
        "good",
        "-cpu-used",
        "4",
        "-row-mt",
        "1",
        "-f",
        "webm",
    ],
    "gif": [
        "-filter_complex",
        "split[a][b];[a]palettegen=stats_mode=single[p];[b][p]paletteuse=new=1:dither=none",
        "-loop",
        "0",
        "-f",
        "gif",
    ],
}


class EncoderError(OSError):
    """ffmpeg could not be started or failed to write the file."""


INSTALL_FFMPEG = (
    "install ffmpeg (Debian, Ubuntu: sudo apt install ffmpeg) or set "
    "IMAGEIO_FFMPEG_EXE to the ffmpeg program"
)


def ffmpeg_exe() -> str:
    """Return the ffmpeg program: IMAGEIO_FFMPEG_EXE, imageio-ffmpeg's own, or the system's."""
    try:
        import imageio_ffmpeg  # type: ignore[import-untyped]  # the wheel ships no type hints
    except ImportError:
        raise EncoderError(
            "video recording needs the imageio-ffmpeg package (pip install imageio-ffmpeg)"
        ) from None
    # imageio-ffmpeg returns the variable unchecked; a wrong one would fail later, less clearly.
    named = os.environ.get("IMAGEIO_FFMPEG_EXE")
    if named and shutil.which(named) is None:
        raise EncoderError(
            f"video recording needs ffmpeg, and IMAGEIO_FFMPEG_EXE={named} "
            f"is not a program: {INSTALL_FFMPEG}"
        )
    try:
        return str(imageio_ffmpeg.get_ffmpeg_exe())
    except RuntimeError:
        raise EncoderError(
            f"video recording needs ffmpeg, and none was found: {INSTALL_FFMPEG}"
        ) from None


def command(path: Path, fmt: str, size: tuple[int, int], fps: float) -> list[str]:
    """Return ffmpeg's command line to encode raw RGB frames of `size` at `fps` into `path`."""
    width, height = size
    return [
        ffmpeg_exe(),
        "-hide_banner",
        "-loglevel",
        "error",
        "-y",
        "-f",
        "rawvideo",
        "-pix_fmt",
        "rgb24",
        "-s",
        f"{width}x{height}",
        "-r",
        f"{fps:g}",
        "-i",
        "-",
        "-an",
        *_CODEC_ARGS[fmt],
        str(path),
    ]


class FfmpegWriter:
    """One ffmpeg process encoding the frames it is given into `path`."""

    def __init__(
        self, path: Path, fmt: str, size: tuple[int, int], fps: float, name: str = ""
    ) -> None:
        """Start ffmpeg writing `path`; `name` is how messages call the file (its target)."""
        if fmt not in FORMATS:
            raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
        self._name = name or path.name
        self._shape = (size[1], size[0], 3)
        # A file, not a pipe, for ffmpeg's messages: a full pipe would block it. Closed by
        # close(), abort() or the failure report.
        args = command(path, fmt, size, fps)  # a missing ffmpeg says so on its own
        self._log = tempfile.TemporaryFile()  # noqa: SIM115
        try:
            self._process = subprocess.Popen(
                args, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=self._log
            )
        except OSError as exc:
            self._log.close()
            raise EncoderError(f"cannot start ffmpeg: {exc.strerror or exc}") from None

    def write(self, frame: np.ndarray) -> None:
        """Encode one frame: uint8 RGB of shape (height, width, 3)."""
        if frame.shape != self._shape or frame.dtype != np.uint8:
            raise ValueError(f"frame must be uint8 {self._shape}, not {frame.dtype} {frame.shape}")
        stdin = self._process.stdin
        assert stdin is not None
        try:
            stdin.write(np.ascontiguousarray(frame).tobytes())
        except (BrokenPipeError, OSError):
            self._process.wait()
            raise EncoderError(self._failure()) from None

    def close(self) -> None:
        """Finish the file: end the input and wait for ffmpeg; raise EncoderError if it failed."""
        stdin = self._process.stdin
        assert stdin is not None
        with contextlib.suppress(OSError):  # ffmpeg already gone: its status and log say why
            stdin.close()
        if self._process.wait() != 0:
            raise EncoderError(self._failure())
        self._log.close()

    def abort(self) -> None:
        """Stop ffmpeg at once; what it wrote is the caller's to remove."""
        self._process.kill()
        self._process.wait()
        if self._process.stdin is not None:
            with contextlib.suppress(OSError):  # the pipe's reader is dead by design
                self._process.stdin.close()
        self._log.close()

    def _failure(self) -> str:
        self._log.seek(0)
        lines = self._log.read().decode("utf-8", "replace").strip().splitlines()
        self._log.close()
        detail = lines[-1] if lines else f"exit status {self._process.returncode}"
        return f"{self._name}: ffmpeg failed: {detail}"

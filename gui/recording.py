"""Record the motion: a time range of a run as an MP4 or WebM video or an animated GIF.

A recording renders its own copy of the window, never shown on screen and built as the
headless screenshot builds it (gui/headless.py), so each frame is exactly what
`hostlab SCENARIO --until t --screenshot` renders at the same size. Frame i shows simulated
time from + i × (until − from) / (frames − 1), with frames = round((until − from) × fps) + 1:
the clock advances one frame interval per frame, the first frame shows `from`, the last
`until`, and one second of video is one simulated second.

The file is written through sim.atomic.PendingFile: ffmpeg (gui/ffmpeg_pipe.py) encodes into a
temporary file beside the target, which replaces the target only after the last frame; cancel,
an error or a kill leave nothing behind. `Recording.step()` renders one frame, so the window's
dialog interleaves frames with the event loop and stays responsive; headless runs loop.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from gui.export import render_image
from gui.ffmpeg_pipe import FORMATS, FfmpegWriter
from gui.headless import show_settled
from sim.atomic import AtomicWriteError, PendingFile

if TYPE_CHECKING:
    from gui.window.main_window import MainWindow
    from sim.session import Session

MIN_FPS, MAX_FPS = 1.0, 60.0
MAX_FRAMES = 36_000  # 20 minutes at 30 fps: about what one class period can use
MAX_TIME_S = 1e7  # the same bound as --until


class RecordingError(ValueError):
    """A recording was asked with a bad range, rate, size or file name (one-line message)."""


class WindowTooSmall(RecordingError):
    """The window cannot be laid out at the plan's size; `needed` is the size it took."""

    def __init__(self, asked: tuple[int, int], needed: tuple[int, int]) -> None:
        super().__init__(
            f"the window cannot be as small as {asked[0]}x{asked[1]}: at that "
            f"width it needs {needed[0]}x{needed[1]}; choose a larger --size"
        )
        self.needed = needed


@dataclass(frozen=True, slots=True)
class RecordingPlan:
    """What to record: the simulated range, frames per second, frame size and file format."""

    start_s: float
    end_s: float
    fps: float
    size: tuple[int, int]
    fmt: str

    @property
    def frame_count(self) -> int:
        """Return how many frames the recording has (both ends of the range included)."""
        return round((self.end_s - self.start_s) * self.fps) + 1

    @property
    def duration_s(self) -> float:
        """Return how long the video plays."""
        return self.frame_count / self.fps

    def time_of(self, frame: int) -> float:
        """Return the simulated time frame number `frame` (from 0) shows."""
        intervals = self.frame_count - 1
        if frame >= intervals:
            return self.end_s
        return self.start_s + (self.end_s - self.start_s) * frame / intervals


def format_of(path: str | Path) -> str:
    """Return the format a file name asks for by its extension; raise RecordingError if none."""
    fmt = Path(path).suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise RecordingError(
            f"{path}: the file name must end in {', '.join('.' + f for f in FORMATS)}"
        )
    return fmt


def make_plan(
    path: str | Path, start_s: float, end_s: float, fps: float, size: tuple[int, int]
) -> RecordingPlan:
    """Check a recording request and return its plan; raise RecordingError naming the option."""
    fmt = format_of(path)
    if not all(math.isfinite(v) for v in (start_s, end_s, fps)):
        raise RecordingError("--from, --until and --fps must be numbers")
    if not 0 <= start_s < end_s <= MAX_TIME_S:
        raise RecordingError(
            f"--from must be at least 0 and less than --until "
            f"(from {start_s:g} s, until {end_s:g} s)"
        )
    if not MIN_FPS <= fps <= MAX_FPS:
        raise RecordingError(f"--fps must be between {MIN_FPS:g} and {MAX_FPS:g}, not {fps:g}")
    plan = RecordingPlan(float(start_s), float(end_s), float(fps), size, fmt)
    if plan.frame_count > MAX_FRAMES:
        raise RecordingError(
            f"{plan.frame_count} frames is more than {MAX_FRAMES}: record a "
            f"shorter range or fewer frames per second"
        )
    if fmt != "gif" and (size[0] % 2 or size[1] % 2):
        raise RecordingError(
            f"--size must have an even width and height for .{fmt} video, not {size[0]}x{size[1]}"
        )
    return plan


def grab(window: MainWindow) -> np.ndarray:
    """Render the window into an RGB array of shape (height, width, 3)."""
    image = render_image(window).convertToFormat(QImage.Format.Format_RGB888)
    height, width, stride = image.height(), image.width(), image.bytesPerLine()
    rows = np.frombuffer(image.constBits(), np.uint8, count=stride * height)
    return rows.reshape(height, stride)[:, : width * 3].reshape(height, width, 3).copy()


def offscreen_window(
    session: Session, path: Path | None, size: tuple[int, int], projector: bool, host_id: str = ""
) -> MainWindow:
    """Build a window never shown on screen over `session`, as gui/headless.py builds its own."""
    from gui.app import apply_projector
    from gui.controller import SimController
    from gui.window.main_window import MainWindow

    controller = SimController()
    window = MainWindow(controller)
    window.prediction_card.asking = False  # nobody answers here: see PredictionCard
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    window.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)  # closing the app's ends it
    window.resize(*size)
    if projector:
        apply_projector(window, True, remember=False)
    controller.set_session(session, path)
    if host_id:
        controller.set_host(host_id)
    return window


class Recording:
    """Render a plan's frames one at a time from an offscreen window into a video file."""

    def __init__(self, window: MainWindow, plan: RecordingPlan, target: str | Path) -> None:
        """Show the window and start ffmpeg on a temporary file beside `target`.

        Raises WindowTooSmall when the window cannot take the plan's size, OSError when the
        file cannot be written.
        """
        self.plan = plan
        self.target = Path(target)
        if not self.target.parent.is_dir():
            raise AtomicWriteError(f"{self.target}: cannot write (no folder {self.target.parent})")
        self._window = window
        show_settled(window)
        shown = (window.width(), window.height())
        if shown != plan.size:
            raise WindowTooSmall(plan.size, shown)
        self._pending = PendingFile(self.target)
        self._writer = FfmpegWriter(
            self._pending.path, plan.fmt, plan.size, plan.fps, name=str(self.target)
        )
        self.frames_done = 0

    @property
    def finished(self) -> bool:
        """Return whether every frame has been encoded."""
        return self.frames_done >= self.plan.frame_count

    def step(self) -> bool:
        """Render and encode the next frame; return whether frames remain.

        On any error the recording is cancelled (nothing left behind) and the error raised.
        """
        try:
            self._window.controller.run_until(self.plan.time_of(self.frames_done))
            show_settled(self._window)
            self._writer.write(grab(self._window))
        except BaseException:
            self.cancel()
            raise
        self.frames_done += 1
        return not self.finished

    def finish(self) -> Path:
        """Close the video and put it at the target; return the target."""
        try:
            self._writer.close()
        except BaseException:
            self._pending.discard()
            raise
        return self._pending.commit()

    def cancel(self) -> None:
        """Stop encoding and remove the unfinished file; the target is left as it was."""
        self._writer.abort()
        self._pending.discard()

    def run(self) -> Path:
        """Render every remaining frame, then finish (headless use)."""
        while self.step():
            pass
        return self.finish()

"""Record of a run: memory by layer over time and the event log.

Samples are appended to a plain list (cheap: the model samples after every memory change) and
moved into numpy buffers, which double when full, when someone looks or every `FLUSH_EVERY`
samples. Views handed out are never written again (a full buffer is replaced, not resized), so a
plot may keep them.

Memory stays bounded over runs of any length: once a host holds `max_samples` samples, the
older half is compacted. First, samples equal to the one before them are dropped, which loses
nothing (the series is a step function: a value holds until the next sample). If that is not
enough, the oldest samples are thinned in buckets, each keeping its first sample and the one
with the most memory in use (so peaks, such as the instant before an OOM kill, stay visible).
Whole samples are kept, never averaged, so every row still adds up to the host's RAM. The most
recent `max_samples // 2` samples and the OOM times are always exact. The event log keeps its
newest `max_log // 2` to `max_log` entries: when it reaches `max_log`, the older half goes to a
new list (views handed out keep the old one) and `log_dropped` counts what went.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable

import numpy as np

from sim.eventlog import Logged, LogView, worded
from sim.guest import Span
from sim.snapshot import EXTRA_SERIES, LAYERS, LogEntry, MemorySeries

SERIES = LAYERS + EXTRA_SERIES
MAX_SAMPLES = 100_000  # per host: 12 MiB of float64 rows
MAX_LOG = 100_000  # entries (about 0.5 KB each with their parameters)
FLUSH_EVERY = 4096  # pending rows are moved into the numpy buffer in batches of this many


class Recorder:
    """Memory samples (one column per series) and log entries, in the order they happened."""

    def __init__(
        self, capacity: int = 1024, max_samples: int = MAX_SAMPLES, max_log: int = MAX_LOG
    ) -> None:
        self._data = np.zeros((len(SERIES) + 1, capacity))  # row 0 is time
        self.max_samples = max(max_samples, 16)
        self._n = 0  # samples in the buffer
        self._width = self._data.shape[0]
        self._flush_at = FLUSH_EVERY * self._width
        # Samples not moved into the buffer yet, row after row in one flat array of doubles:
        # appending a row copies its floats in C and keeps no Python object alive.
        self._pending = array("d")
        # Entries, and the phase records "phase_done" entries are derived from (sim.eventlog):
        # read them through `log_view`.
        self.log: list[Logged] = []
        self.max_log = max(max_log, 2)
        self.log_dropped = 0  # oldest entries let go to keep the log bounded
        self.oom_times_s: list[float] = []
        self._subscribers: list[Callable[[LogEntry], None]] = []

    def __len__(self) -> int:
        return self._n + len(self._pending) // self._width

    def sample(self, time_s: float, values: tuple[float, ...]) -> None:
        """Append one sample at `time_s`: `values` holds every series, in SERIES order."""
        if len(values) != self._width - 1:
            raise ValueError(f"a sample holds {self._width - 1} values, got {len(values)}")
        self.append_row((time_s, *values))

    def append_row(self, row: tuple[float, ...]) -> None:
        """Append one sample given as a row: its time, then every series in SERIES order."""
        pending = self._pending
        pending.extend(row)
        if len(pending) >= self._flush_at:
            self._flush()

    def _flush(self) -> None:
        if not self._pending:
            return
        new = np.frombuffer(self._pending, dtype=np.float64).reshape(-1, self._width).T
        n, k = self._n, new.shape[1]
        if n + k > self._data.shape[1]:
            # A new buffer, not a resize in place: views handed out keep the old one intact.
            grown = np.zeros((self._data.shape[0], max(2 * self._data.shape[1], n + k)))
            grown[:, :n] = self._data[:, :n]
            self._data = grown
        self._data[:, n : n + k] = new
        self._n = n + k
        self._pending = array("d")
        if self._n > self.max_samples:
            self._compact()

    def _compact(self) -> None:
        """Shrink the older half of the samples (see the module docstring); keep the rest."""
        data = self._data[:, : self._n]
        split = self._n - self.max_samples // 2
        old = data[:, :split]
        changed = np.ones(split, dtype=bool)
        changed[1:] = np.any(old[1:, 1:] != old[1:, :-1], axis=0)
        old = old[:, changed]
        budget = self.max_samples // 4
        if old.shape[1] > budget:
            old = _thin(old, budget)
        kept = np.concatenate([old, data[:, split:]], axis=1)
        fresh = np.zeros((data.shape[0], max(self.max_samples + FLUSH_EVERY, kept.shape[1])))
        fresh[:, : kept.shape[1]] = kept  # a new buffer: views handed out keep the old one
        self._data = fresh
        self._n = kept.shape[1]

    def series(self) -> MemorySeries:
        """Return views of every series recorded so far."""
        self._flush()
        data = self._data[:, : self._n]
        return MemorySeries(time_s=data[0], layers={n: data[i] for i, n in enumerate(SERIES, 1)})

    def log_view(self) -> LogView:
        """Return the log as it is now, without copying it."""
        return LogView(self.log, len(self.log))

    def subscribe(self, callback: Callable[[LogEntry], None]) -> None:
        """Call `callback(entry)` for every log entry from now on."""
        self._subscribers.append(callback)

    def emit(self, entry: LogEntry) -> None:
        """Append `entry` to the log and tell subscribers."""
        self._append(entry)
        for callback in self._subscribers:
            callback(entry)

    def emit_phase_done(self, span: Span) -> None:
        """Log that `span` ended; its "phase_done" entry is derived when read (sim.eventlog)."""
        if self._subscribers:  # they are told now, so the entry is made now
            self.emit(worded(span))
            return
        log = self.log
        log.append(span)
        if len(log) >= self.max_log:
            self._trim()

    def _append(self, logged: Logged) -> None:
        self.log.append(logged)
        if len(self.log) >= self.max_log:
            self._trim()

    def _trim(self) -> None:
        keep = self.max_log // 2
        self.log_dropped += len(self.log) - keep
        self.log = self.log[-keep:]  # a new list: LogViews handed out keep the old one

    def mark_oom(self, time_s: float) -> None:
        """Remember that the OOM killer fired on this recorder's host at `time_s`."""
        self.oom_times_s.append(time_s)

    def memory_rows(self) -> np.ndarray:
        """Return the samples as rows: time_s, then one MiB value per series (a copy)."""
        self._flush()
        return self._data[:, : self._n].T.copy()


def _thin(old: np.ndarray, budget: int) -> np.ndarray:
    """Keep, per bucket of columns, the first and the one with the most memory in use."""
    buckets = max(budget // 2, 1)
    size = -(-old.shape[1] // buckets)
    used = old[1 : len(LAYERS) + 1].sum(axis=0)
    keep: list[int] = []
    for start in range(0, old.shape[1], size):
        peak = start + int(np.argmax(used[start : start + size]))
        keep.extend((start, peak) if peak != start else (start,))
    return old[:, keep]

"""Append-only record of a run: memory by layer over time and the event log.

Samples are appended to a plain list (cheap: the model samples after every memory change) and
moved into numpy buffers, which double when full, when someone looks. Views handed out are
slices that are never written again (samples are only appended), so a plot may keep them.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import overload

import numpy as np

from sim.snapshot import EXTRA_SERIES, LAYERS, LogEntry, MemorySeries

SERIES = LAYERS + EXTRA_SERIES


class LogView(Sequence[LogEntry]):
    """The first `n` entries of a growing log, read-only: O(1) to make, unchanged by appends."""

    __slots__ = ("_entries", "_n")

    def __init__(self, entries: list[LogEntry], n: int) -> None:
        self._entries = entries
        self._n = n

    def __len__(self) -> int:
        return self._n

    @overload
    def __getitem__(self, index: int) -> LogEntry: ...

    @overload
    def __getitem__(self, index: slice) -> list[LogEntry]: ...

    def __getitem__(self, index: int | slice) -> LogEntry | list[LogEntry]:
        if isinstance(index, slice):
            return self._entries[: self._n][index]
        if index < 0:
            index += self._n
        if not 0 <= index < self._n:
            raise IndexError(index)
        return self._entries[index]


class Recorder:
    """Memory samples (one column per series) and log entries, in the order they happened."""

    def __init__(self, capacity: int = 1024) -> None:
        self._data = np.zeros((len(SERIES) + 1, capacity))  # row 0 is time
        self._n = 0  # samples in the buffer
        self._pending: list[tuple[float, ...]] = []  # samples not moved into it yet
        self.log: list[LogEntry] = []
        self.oom_times_s: list[float] = []
        self._subscribers: list[Callable[[LogEntry], None]] = []

    def __len__(self) -> int:
        return self._n + len(self._pending)

    def sample(self, time_s: float, values: tuple[float, ...]) -> None:
        """Append one sample at `time_s`: `values` holds every series, in SERIES order."""
        self._pending.append((time_s, *values))

    def _flush(self) -> None:
        if not self._pending:
            return
        new = np.array(self._pending).T
        n, k = self._n, new.shape[1]
        if n + k > self._data.shape[1]:
            # A new buffer, not a resize in place: views handed out keep the old one intact.
            grown = np.zeros((self._data.shape[0], max(2 * self._data.shape[1], n + k)))
            grown[:, :n] = self._data[:, :n]
            self._data = grown
        self._data[:, n:n + k] = new
        self._n = n + k
        self._pending.clear()

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
        self.log.append(entry)
        for callback in self._subscribers:
            callback(entry)

    def mark_oom(self, time_s: float) -> None:
        """Remember that the OOM killer fired on this recorder's host at `time_s`."""
        self.oom_times_s.append(time_s)

    def write_memory_csv(self, path: Path) -> None:
        """Write the memory series as CSV: time_s, then one MiB column per series."""
        self._flush()
        data = self._data[:, : self._n]
        with path.open("w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out)
            writer.writerow(["time_s", *(f"{n}_mib" for n in SERIES)])
            writer.writerows(data.T.round(6).tolist())

    def write_events_csv(self, path: Path) -> None:
        """Write the event log as CSV: time_s, code, guest, message."""
        with path.open("w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out)
            writer.writerow(["time_s", "code", "guest", "message"])
            for e in self.log:
                writer.writerow([f"{e.time_s:.6f}", e.code, e.guest_id or "", e.message])

"""The event log's entries and how the log is read.

Most entries are logged as facts (`WordedEntry`, worded in English only when read). A phase's
end is not: the guest's phase record (`sim.guest.Span`) already holds everything its
"phase_done" entry says, so the log keeps the record itself in the entry's place and
`LogView` derives the entry from it the first time someone reads that place (and keeps it
there, so later reads see the same object). Five of a container's seven entries are phase
ends: building them during a run cost a twentieth of a 10,000-container start, and the
objects they left behind slowed every later garbage collection.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import overload

from sim.guest import Span
from sim.snapshot import LogEntry
from sim.vocabulary import sentence

_new_entry = tuple.__new__

# What the recorder's log list holds: an entry, or the phase record a "phase_done" comes from.
Logged = LogEntry | Span


class WordedEntry(LogEntry):
    """A log entry whose English sentence (sim.vocabulary) is worded when read, not when logged.

    A run logs several entries per guest and reads few of their sentences (the CLI's events
    file, the window's fallback); wording each at once cost a tenth of a 10,000-guest run.
    """

    __slots__ = ()

    @property
    def message(self) -> str:
        """Return the entry in English."""
        return sentence(self.code, self.params)


def new_entry(time_s: float, code: str, guest_id: str | None, params: object) -> WordedEntry:
    """Return a worded entry, made without the named tuple's Python-level __new__."""
    entry: WordedEntry = _new_entry(WordedEntry, (time_s, code, guest_id, params, ""))
    return entry


def phase_done_entry(span: Span) -> WordedEntry:
    """Return the "phase_done" entry of an ended phase, as it would have been logged then."""
    end_s = span.end_s
    if end_s is None:
        raise ValueError(f"phase {span.name!r} of {span.guest_id} has not ended")
    gid = span.guest_id
    duration_s = round(end_s - span.start_s, 6)
    return new_entry(
        end_s, "phase_done", gid, {"guest": gid, "phase": span.name, "duration_s": duration_s}
    )


def worded(logged: Logged) -> LogEntry:
    """Return the entry `logged` stands for (itself, unless it is a phase record)."""
    return phase_done_entry(logged) if isinstance(logged, Span) else logged


class LogView(Sequence[LogEntry]):
    """The first `n` entries of a growing log, read-only: O(1) to make, unchanged by appends."""

    __slots__ = ("_entries", "_n")

    def __init__(self, entries: list[Logged], n: int) -> None:
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
            return [self._entry(i) for i in range(*index.indices(self._n))]
        if index < 0:
            index += self._n
        if not 0 <= index < self._n:
            raise IndexError(index)
        return self._entry(index)

    def __iter__(self) -> Iterator[LogEntry]:
        return map(self._entry, range(self._n))

    def _entry(self, i: int) -> LogEntry:
        logged = self._entries[i]
        if not isinstance(logged, Span):
            return logged
        # Kept in place: the list only grows (the recorder replaces it whole when it trims),
        # and a reader that compares entries by identity sees the same object next time.
        entry = self._entries[i] = phase_done_entry(logged)
        return entry

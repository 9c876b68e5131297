"""Serial resources: the daemon's FIFO network-setup lock and a store that commits one at a time."""

from __future__ import annotations

from collections import deque

from sim.engine import Engine, Event


class _Request(Event):
    """Pending or granted acquisition of a `FifoLock`."""

    __slots__ = ("_lock",)

    def __init__(self, lock: FifoLock) -> None:
        super().__init__(lock.engine)
        self._lock = lock

    def cancel(self) -> None:
        """Leave the queue; a grant the requester has not seen yet passes to the next waiter."""
        lock = self._lock
        if not self.triggered:
            lock._queue.remove(self)
        elif lock._holder is self and not self.processed:
            # Nobody would ever release a grant whose callbacks never run.
            lock.release()
        super().cancel()


class FifoLock:
    """One holder at a time; waiters are granted strictly in the order they asked."""

    def __init__(self, engine: Engine, name: str = "") -> None:
        self.engine = engine
        self.name = name
        self._holder: _Request | None = None
        self._queue: deque[_Request] = deque()

    @property
    def held(self) -> bool:
        """Return whether someone holds the lock."""
        return self._holder is not None

    @property
    def queue_length(self) -> int:
        """Return the number of pending requests."""
        return len(self._queue)

    def acquire(self) -> Event:
        """Return an event that succeeds when the lock is granted to the caller."""
        request = _Request(self)
        if self._holder is None:
            self._holder = request
            request.succeed()
        else:
            self._queue.append(request)
        return request

    def release(self) -> None:
        """Hand the lock to the next waiter, granted at the current time.

        Raises
        ------
        RuntimeError
            If nobody holds the lock.
        """
        if self._holder is None:
            raise RuntimeError(f"release() of lock {self.name!r} that nobody holds")
        self._holder = None
        if self._queue:
            self._holder = self._queue.popleft()
            self._holder.succeed()


class SerialQueue:
    """One writer at a time, first come first served, for work whose length is known on arrival.

    A durable store commit (a write and its fdatasync) is such work: its end is computed at
    once, so a commit costs one timeout instead of a request, a grant and a release. A commit
    that was queued is made even if its requester is gone meanwhile, as a daemon finishes it.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.free_at = 0.0  # when the last queued commit ends

    def occupy(self, seconds: float) -> Event:
        """Return an event that succeeds once `seconds` of work, queued behind the rest, is done."""
        now = self.engine.now
        self.free_at = max(self.free_at, now) + seconds
        return self.engine.timeout(self.free_at - now)

"""A host's image store: layers on disk, layers being pulled, and the shared page cache.

"A layer arrives on a host" is `arrive` and nothing else (a pull and a move both call it), and
the page cache of an image is written by `cache` and dropped by `reclaim` only. Which images
live guests use is counted as guests come and go, so reclaiming never scans every guest.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from sim.catalog import Image, Layer
from sim.engine import Event
from sim.memory import MemoryLedger
from sim.resources import Counters


class ImageStore:
    """Image layers present on one host, pulls under way, and page cache by image."""

    def __init__(self, ledger: MemoryLedger, counters: Counters, cache_fraction: float) -> None:
        self._ledger = ledger
        self._counters = counters
        self._cache_fraction = cache_fraction
        self.layers_present: set[str] = set()
        self.stored_gib = 0.0  # what the layers present take on disk
        self.pulls: dict[str, Event] = {}  # layers being pulled now, to wait on
        # Missing layer ids -> (all of their pulls, their sources), shared by the guests waiting.
        self.waits: dict[tuple[str, ...], tuple[Event, str]] = {}
        self.page_cache: dict[str, float] = {}  # image id -> MiB cached
        self._users: Counter[str] = Counter()  # image id -> live guests using it

    def missing(self, image: Image) -> list[Layer]:
        """Return the layers of `image` not on this host yet."""
        return [layer for layer in image.layers if layer.id not in self.layers_present]

    def pull(self, layer: Layer, fetch: Callable[[], Event]) -> Event:
        """Return the download of `layer`, started by `fetch()` unless one is under way."""
        download = self.pulls.get(layer.id)
        if download is None:
            download = self.pulls[layer.id] = fetch()
        return download

    def arrive(self, layer: Layer) -> None:
        """Record that `layer` is now stored on the host's disk (pulled or shipped)."""
        self.pulls.pop(layer.id, None)
        if not self.pulls:
            self.waits.clear()  # every shared wait has fired or is about to
        if layer.id not in self.layers_present:
            self.layers_present.add(layer.id)
            self.stored_gib += layer.extracted_mib / 1024
            self._counters.store(layer.extracted_mib / 1024)

    def cache_mib(self, image: Image) -> float:
        """Return the page cache `image` would add (0 when already cached)."""
        if image.id in self.page_cache:
            return 0.0
        return image.extracted_mib * self._cache_fraction

    def cache(self, image: Image, mib: float) -> None:
        """Record `mib` of `image` in the page cache, already taken from the ledger."""
        self.page_cache[image.id] = self.page_cache.get(image.id, 0.0) + mib

    def use(self, image: Image | None, delta: int) -> None:
        """Count a live guest starting (+1) or ceasing (-1) to use `image`."""
        if image is not None:
            self._users[image.id] += delta
            if self._users[image.id] <= 0:
                del self._users[image.id]

    def reclaim(self) -> bool:
        """Drop the page cache of one image no live guest uses; False if there is none."""
        for image_id, mib in self.page_cache.items():
            if image_id not in self._users:
                del self.page_cache[image_id]
                self._ledger.give("page_cache", mib)
                return True
        return False

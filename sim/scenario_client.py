"""A scenario's `[client]` table: how the tool that sends the starts behaves.

A client such as `parallel -j 32 docker run …` or Docker Compose keeps a bounded number of starts
in flight and sends the next one when one of them is up; without the table, every start is sent
as soon as its guest is asked for (HostLab's behaviour before the table existed).
"""

from __future__ import annotations

from dataclasses import dataclass

from sim.fields import Table
from sim.vocabulary import MAX_GUESTS


@dataclass(frozen=True, slots=True)
class ClientSpec:
    """At most `max_in_flight` starts at once (0: no limit)."""

    max_in_flight: int = 0


def parse_client(t: Table) -> ClientSpec:
    """Return the client a `[client]` table describes (an empty table: no limit)."""
    t.only(("max_in_flight",))
    return ClientSpec(t.integer("max_in_flight", 0, lo=0, hi=MAX_GUESTS))


def dump_client(client: ClientSpec) -> list[str]:
    """Return the scenario lines of `client`, none when it sets nothing."""
    if client == ClientSpec():
        return []
    return ["", "[client]", f"max_in_flight = {client.max_in_flight}"]

"""Checked reading of TOML tables: every error names the file, the field path and what was expected.

Shared by the catalog and the scenario loaders, which validate at the edge so the rest of `sim`
can trust its types.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Any

# Ids a file gives to hosts and guests: shown in the window and in file names, so plain words.
ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
ID_EXPECTED = (
    "an id of letters, digits, '.', '_' or '-' (at most 64, starting with a letter or digit)"
)


class FieldError(ValueError):
    """A value in a TOML file is missing, of the wrong type or out of range."""

    def __init__(self, file: str, path: str, expected: str, got: object = None) -> None:
        self.file = file
        self.path = path
        self.expected = expected
        shown = "" if got is None else f", got {_show(got)}"
        where = f"{file}: {path}" if path else file
        super().__init__(f"{where}: expected {expected}{shown}")


class Said(str):
    """A description of a value that is shown as it is, not quoted ("1,001 tables")."""

    def __repr__(self) -> str:
        return str(self)


def _show(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


class Table:
    """A TOML table being read, with the path that leads to it."""

    def __init__(self, data: object, file: str, path: str = "") -> None:
        if not isinstance(data, dict):
            raise FieldError(file, path, "a table", data)
        self.data: dict[str, Any] = data
        self.file = file
        self.path = path

    def _at(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def error(self, key: str, expected: str, got: object = None) -> FieldError:
        """Return an error about `key` of this table."""
        return FieldError(self.file, self._at(key), expected, got)

    def only(self, allowed: Iterable[str]) -> None:
        """Reject keys not in `allowed`, naming the first unknown one."""
        allowed = tuple(allowed)
        for key in self.data:
            if key not in allowed:
                raise FieldError(
                    self.file,
                    self._at(key),
                    "one of the known keys: " + ", ".join(allowed),
                    f"unknown key {key!r}",
                )

    def has(self, key: str) -> bool:
        """Return whether `key` is present."""
        return key in self.data

    def number(
        self,
        key: str,
        default: float | None = None,
        *,
        lo: float = 0.0,
        hi: float = math.inf,
        integer: bool = False,
    ) -> float:
        """Return a number in [lo, hi]; missing keys take `default` or are an error."""
        kind = "a whole number" if integer else "a number"
        if key not in self.data:
            if default is None:
                raise self.error(key, f"{kind} (required)")
            return default
        value = self.data[key]
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or (integer and not isinstance(value, int))
        ):
            raise self.error(key, kind, value)
        # An int is compared exactly: a float conversion overflows past 1e308.
        if (isinstance(value, float) and not math.isfinite(value)) or not lo <= value <= hi:
            bound = (
                f"from {_bound(lo, integer)} to {_bound(hi, integer)}"
                if math.isfinite(hi)
                else f"≥ {_bound(lo, integer)}"
            )
            raise self.error(key, f"{kind} {bound}", value)
        return value

    def integer(
        self, key: str, default: int | None = None, *, lo: int = 0, hi: float = math.inf
    ) -> int:
        """Return a whole number in [lo, hi]."""
        return int(self.number(key, default, lo=lo, hi=hi, integer=True))

    def string(
        self,
        key: str,
        default: str | None = None,
        *,
        choices: tuple[str, ...] | None = None,
        max_len: int = 10_000,
    ) -> str:
        """Return a string of at most `max_len` characters, optionally one of `choices`."""
        if key not in self.data:
            if default is None:
                raise self.error(key, "a string (required)")
            return default
        value = self.data[key]
        if not isinstance(value, str):
            raise self.error(key, "a string", value)
        if choices is not None and value not in choices:
            raise self.error(key, "one of " + ", ".join(repr(c) for c in choices), value)
        if len(value) > max_len:
            raise self.error(
                key, f"a text of at most {max_len:,} characters", Said(f"{len(value):,} characters")
            )
        return value

    def ident(self, key: str, default: str | None = None) -> str:
        """Return an id (see `ID`)."""
        value = self.string(key, default)
        if not ID.fullmatch(value):
            raise self.error(key, ID_EXPECTED, value)
        return value

    def boolean(self, key: str, default: bool | None = None) -> bool:
        """Return true or false."""
        if key not in self.data:
            if default is None:
                raise self.error(key, "true or false (required)")
            return default
        value = self.data[key]
        if not isinstance(value, bool):
            raise self.error(key, "true or false", value)
        return value

    def table(self, key: str, *, required: bool = True) -> Table:
        """Return the sub-table `key` (an empty one when optional and missing)."""
        if key not in self.data:
            if required:
                raise self.error(key, "a table (required)")
            return Table({}, self.file, self._at(key))
        return Table(self.data[key], self.file, self._at(key))

    def tables(self, key: str, max_len: int = 100_000) -> list[Table]:
        """Return the array of tables `key` ([[key]] in TOML); missing means empty."""
        value = self.data.get(key, [])
        if not isinstance(value, list):
            raise self.error(key, "an array of tables ([[...]])", value)
        if len(value) > max_len:
            raise self.error(key, f"at most {max_len:,} tables", Said(f"{len(value):,}"))
        return [Table(item, self.file, f"{self._at(key)}[{i}]") for i, item in enumerate(value)]

    def strings(self, key: str) -> tuple[str, ...]:
        """Return a non-empty array of strings."""
        value = self.data.get(key)
        if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
            raise self.error(key, "a non-empty array of strings", value)
        return tuple(value)

    def ids(self, key: str, max_len: int = 10_000) -> tuple[str, ...]:
        """Return a non-empty array of at most `max_len` ids (see `ID`)."""
        value = self.data.get(key)
        if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
            raise self.error(key, "a non-empty array of strings", value)
        if len(value) > max_len:
            raise self.error(key, f"at most {max_len:,} ids", Said(f"{len(value):,}"))
        for v in value:
            if not ID.fullmatch(v):
                raise self.error(key, ID_EXPECTED, v)
        return tuple(value)


def _bound(x: float, integer: bool) -> str:
    """Return a bound as people write it: whole numbers in full, others short."""
    return str(int(x)) if integer and math.isfinite(x) else f"{x:g}"

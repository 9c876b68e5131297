"""Reading a text file HostLab does not control: regular files only, bounded, UTF-8.

A scenario path may name a FIFO (which blocks until someone writes), a device such as
/dev/urandom (which never ends) or a huge file. Only a regular file is read, opened without
blocking and read to at most `limit` bytes; anything else is a one-line `TextFileError`
that names the file. A UTF-8 byte-order mark, which some Windows editors write, is dropped.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class TextFileError(ValueError):
    """The file could not be read as text; the message names it and says why."""


def shown(path: str | Path) -> str:
    """Return `path` printable on one line (control characters such as NUL escaped)."""
    text = str(path)
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def read_text(path: str | Path, limit: int) -> str:
    """Return the text of the regular file `path`, at most `limit` bytes of UTF-8."""
    name = shown(path)
    if "\x00" in str(path):
        raise TextFileError(f"{name}: cannot read the file (a file name cannot contain NUL)")
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # before open: opening a FIFO may block
            raise TextFileError(f"{name}: not a regular file (a folder, device or pipe)")
        fd = os.open(path, flags)
    except OSError as exc:
        raise TextFileError(f"{name}: cannot read the file ({exc.strerror or exc})") from None
    try:
        info = os.fstat(fd)  # the file opened, which may not be the one checked above
        if not stat.S_ISREG(info.st_mode):
            raise TextFileError(f"{name}: not a regular file (a folder, device or pipe)")
        if info.st_size > limit:
            raise TextFileError(f"{name}: too large ({info.st_size:,} bytes; at most {limit:,})")
        data = _read_at_most(fd, limit + 1)
    except OSError as exc:
        raise TextFileError(f"{name}: cannot read the file ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise TextFileError(f"{name}: too large (more than {limit:,} bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise TextFileError(f"{name}: not UTF-8 text (byte {exc.start})") from None
    return text.removeprefix("\ufeff")


def _read_at_most(fd: int, n: int) -> bytes:
    chunks: list[bytes] = []
    got = 0
    while got < n:
        chunk = os.read(fd, min(65536, n - got))
        if not chunk:
            break
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)

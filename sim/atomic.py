"""Atomic writes: every file HostLab writes appears whole or not at all, and nothing is left behind.

A file is written to a temporary file in the same folder, flushed to disk (fsync), given the
permissions of the file it replaces (or the umask default for a new file) and renamed over the
target, which is atomic on POSIX and Windows within one file system. A folder of files (the
CLI's and the window's data export) is written into a staging folder beside the target, then
swapped into place as a whole (one atomic exchange on Linux), so a reader sees the files of one
run, never a mix of two. A folder holding anything but HostLab's own export files is refused.

Temporary names are `.hostlab-tmp-<pid>-<random>-<name>`. A writer killed with `kill -9` cannot
remove its own; the next write into the same folder removes those whose process is gone (on
POSIX; Windows keeps them, recognisable by name), so they do not pile up, and a person who sees
one can tell what it is. Error messages name the target, never the temporary file.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import secrets
import shutil
import stat
import sys
from collections.abc import Callable, Collection, Iterator
from pathlib import Path
from typing import BinaryIO

PREFIX = ".hostlab-tmp-"


class AtomicWriteError(OSError):
    """A file or folder could not be written; the target is unchanged."""


def _temp_name(target: Path) -> Path:
    return target.with_name(f"{PREFIX}{os.getpid()}-{secrets.token_hex(4)}-{target.name}"[:240])


def _pid_of(name: str) -> int | None:
    """Return the writer's process id encoded in a temporary name, or None if not one of ours."""
    if not name.startswith(PREFIX):
        return None
    head = name[len(PREFIX) :].split("-", 1)[0]
    return int(head) if head.isdigit() else None


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)  # signal 0: existence check only (on Windows it would terminate)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # exists but is not ours, or the check is not possible: leave it
    return True


def clean_stale(folder: Path) -> list[Path]:
    """Remove temporary files and folders left in `folder` by writers that no longer run."""
    removed: list[Path] = []
    if os.name == "nt":  # os.kill(pid, 0) would kill there; stale names are left to age
        return removed
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        pid = _pid_of(entry.name)
        if pid is None or _alive(pid):
            continue
        path = Path(entry.path)
        with contextlib.suppress(OSError):
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(path)
            else:
                path.unlink()
            removed.append(path)
    return removed


def _mode_for(target: Path) -> int:
    """Return the permissions a new file at `target` should have: the old file's, or the default."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    """Return the process's umask, read without changing it where the system allows."""
    with contextlib.suppress(OSError, ValueError), open("/proc/self/status") as status:
        for line in status:
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    umask = os.umask(0o077)  # elsewhere: set and restore (the brief value is the safe one)
    os.umask(umask)
    return umask


def _check_target(target: Path) -> None:
    if not target.name or str(target) in ("", "."):
        raise AtomicWriteError(f"{target}: not a file name")
    if "\x00" in str(target):
        raise AtomicWriteError(f"{target!r}: a file name cannot contain a NUL character")
    if target.is_dir():
        raise AtomicWriteError(f"{target}: is a folder, not a file")


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_with(target: str | Path, fill: Callable[[BinaryIO], None]) -> Path:
    """Write `target` atomically: `fill` writes the content into the open binary temp file."""
    target = Path(target)
    _check_target(target)
    folder = target.parent
    clean_stale(folder)
    tmp = _temp_name(target)
    mode = _mode_for(target)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    except OSError as exc:
        raise AtomicWriteError(f"{target}: cannot write ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "wb") as out:
            fill(out)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(exc, OSError) and not isinstance(exc, AtomicWriteError):
            raise AtomicWriteError(f"{target}: cannot write ({exc.strerror or exc})") from None
        raise
    _fsync_dir(folder)
    return target


class PendingFile:
    """A file written by another program or over many steps, at a temporary path beside its target.

    For writers that need a path rather than an open file (an encoder in a subprocess) or that
    write piece by piece between other work (a recording driven by the event loop): write to
    `path`, then `commit()` puts it at the target atomically, or `discard()` removes it. Used
    as a context manager it commits on success and discards on any exception.
    """

    def __init__(self, target: str | Path) -> None:
        self.target = Path(target)
        _check_target(self.target)
        clean_stale(self.target.parent)
        self.path = _temp_name(self.target)
        self._mode = _mode_for(self.target)

    def commit(self) -> Path:
        """Flush the finished temporary file to disk and rename it over the target."""
        try:
            with open(self.path, "rb+") as done:
                os.fsync(done.fileno())
            os.chmod(self.path, self._mode)
            os.replace(self.path, self.target)
        except OSError as exc:
            self.discard()
            raise AtomicWriteError(f"{self.target}: cannot write ({exc.strerror or exc})") from None
        _fsync_dir(self.target.parent)
        return self.target

    def discard(self) -> None:
        """Remove the temporary file, if it was written; the target is left as it was."""
        with contextlib.suppress(OSError):
            self.path.unlink()

    def __enter__(self) -> PendingFile:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        if kind is None:
            self.commit()
        else:
            self.discard()


def write_bytes(target: str | Path, data: bytes) -> Path:
    """Write `data` to `target` atomically."""

    def write(out: BinaryIO) -> None:
        out.write(data)

    return write_with(target, write)


def write_text(target: str | Path, text: str) -> Path:
    """Write `text` as UTF-8 to `target` atomically (newlines as given)."""
    return write_bytes(target, text.encode("utf-8"))


@contextlib.contextmanager
def staged_folder(target: str | Path, owned: Collection[str]) -> Iterator[Path]:
    """Yield an empty staging folder; on success it replaces the folder `target` as a whole.

    Files written into the staging folder need not be atomic themselves: nobody sees them until
    the folder is swapped in. On any error the staging folder is removed and `target` is left as
    it was. An existing `target` may hold only names in `owned` (an earlier export): a folder of
    the user's own files is never replaced.
    """
    target = Path(target)
    _check_folder(target, owned)
    parent = target.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise AtomicWriteError(f"{target}: cannot create its folder ({exc.strerror})") from None
    clean_stale(parent)
    staging = _temp_name(target)
    try:
        staging.mkdir()
    except OSError as exc:
        raise AtomicWriteError(f"{target}: cannot write ({exc.strerror or exc})") from None
    try:
        yield staging
        _sync_tree(staging)
        if target.exists():
            os.chmod(staging, stat.S_IMODE(os.stat(target).st_mode))
        _swap_in(staging, target)
    except BaseException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(exc, OSError) and not isinstance(exc, AtomicWriteError):
            raise AtomicWriteError(f"{target}: cannot write ({exc.strerror or exc})") from None
        raise
    _fsync_dir(parent)


def _check_folder(target: Path, owned: Collection[str]) -> None:
    if not str(target) or target.name in ("", ".", ".."):
        raise AtomicWriteError(f"{str(target)!r}: not a folder name")
    if "\x00" in str(target):
        raise AtomicWriteError(f"{target!r}: a folder name cannot contain a NUL character")
    if not target.exists():
        return
    if not target.is_dir():
        raise AtomicWriteError(f"{target}: exists and is not a folder")
    foreign = foreign_names(target, owned)
    if foreign:
        raise AtomicWriteError(
            f"{target}: holds files HostLab did not write ({foreign[0]}, …); "
            "choose a new or empty folder, or an earlier export"
        )


def foreign_names(folder: Path, owned: Collection[str]) -> list[str]:
    """Return the names in `folder` that are neither in `owned` nor HostLab temporaries."""
    return sorted(n for n in os.listdir(folder) if n not in owned and _pid_of(n) is None)


def _sync_tree(folder: Path) -> None:
    for path in folder.iterdir():
        with open(path, "rb") as f:
            os.fsync(f.fileno())
    _fsync_dir(folder)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux renameat2 RENAME_EXCHANGE); False if not available."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    done = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    return bool(done == 0)


def _swap_in(staging: Path, target: Path) -> None:
    """Put `staging` at `target`; an old `target` ends at the staging name and is removed."""
    if not target.exists():
        os.replace(staging, target)
        return
    if _exchange(staging, target):
        shutil.rmtree(staging, ignore_errors=True)  # now the old folder
        return
    # Without an atomic exchange: the old folder is renamed aside for an instant.
    old = _temp_name(target)
    os.replace(target, old)
    try:
        os.replace(staging, target)
    except OSError:
        os.replace(old, target)
        raise
    shutil.rmtree(old, ignore_errors=True)

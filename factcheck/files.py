"""Write a file so that a crash, a full disk or a kill leaves either the old file or the new one,
and so that two writers updating the same file one after the other lose neither's change."""
from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import time
from pathlib import Path

try:
    import fcntl
except ImportError:          # not POSIX: no lock between writers, the writes stay atomic
    fcntl = None

from .errors import InputError


def write_atomically(path: Path, text: str | bytes, durable: bool = True) -> None:
    """Write `text` (or bytes) to a temporary file beside `path`, fsync it, rename it over `path`,
    fsync the folder (so that the rename itself survives a power cut; `durable=False` skips both
    fsyncs, for files that may be lost but never half-written). On any failure the old file is
    untouched and an InputError says why in one line."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    tmp = None
    try:
        mode = _mode_for(path)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as fh:
            fh.write(text.encode("utf-8") if isinstance(text, str) else text)
            fh.flush()
            if durable:
                os.fsync(fh.fileno())
            os.fchmod(fh.fileno(), mode)
        os.replace(tmp, path)
        tmp = None
        if durable:
            _fsync_folder(folder)
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc.strerror or exc}; the old file, if any, is unchanged") from None
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


LOCK_WAIT_S = 30.0


@contextlib.contextmanager
def exclusive(path: Path, wait: float | None = None):
    """Hold the one writer's lock on `path` for a read-change-write of it, and clear the
    temporary files a killed writer of `path` left behind.

    The lock is an flock on the file's folder, not on the file (which each write replaces)
    or on a lock file (which would be left beside it); the kernel drops it when its holder
    dies, so a kill never leaves the file locked. Waits up to `wait` seconds for another
    writer (LOCK_WAIT_S by default), then an InputError says so."""
    wait = LOCK_WAIT_S if wait is None else wait
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if fcntl is None:
        yield
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise InputError(f"cannot write {path}: another process has been writing in {folder} "
                                     f"for over {wait:g} s; the file is unchanged") from None
                time.sleep(0.02)
        _remove_leftovers(path, folder)
        yield
    finally:
        os.close(fd)             # releases the lock


def _remove_leftovers(path: Path, folder: Path) -> None:
    """Every writer holds the lock while its temporary file exists, so one found by the lock's
    holder was left by a writer that was killed."""
    for stale in folder.glob(f".{glob_escape(path.name)}.*.tmp"):
        try:
            stale.unlink()
        except OSError:
            pass


def glob_escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in name)


def _mode_for(path: Path) -> int:
    """The permissions of the file replaced, or what a plain open() would give a new one
    (mkstemp's 0600 would otherwise make a shared file private)."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return                   # a folder that cannot be opened (some platforms): rename still done
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)

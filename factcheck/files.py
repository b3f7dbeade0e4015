"""Write a file so that a crash, a full disk or a kill leaves either the old file or the new one."""
from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from .errors import InputError


def write_atomically(path: Path, text: str) -> None:
    """Write `text` to a temporary file beside `path`, fsync it, rename it over `path`, fsync the
    folder (so that the rename itself survives a power cut). On any failure the old file is
    untouched and an InputError says why in one line."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    tmp = None
    try:
        mode = _mode_for(path)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
            os.fchmod(fh.fileno(), mode)
        os.replace(tmp, path)
        tmp = None
        _fsync_folder(folder)
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc.strerror or exc}; the old file, if any, is unchanged") from None
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


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

"""Writing files safely: every file vetcompare writes goes to a temporary file first.

An error, Ctrl-C or SIGTERM half-way leaves the previous file intact; the finished file replaces
it in one atomic rename. Failures of the file system (a full disk, a read-only folder, a path
that names a file) become one :class:`WriteError` line that names the path.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Iterator


LOCK_FILE = ".vetcompare-lock"
"""Beside the files of a folder being written, on systems without ``fcntl`` (Windows)."""


class WriteError(OSError):
    """A file could not be written; the message names it and says what to do."""


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _folder(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise WriteError(f"{path.parent}: is a file, not a folder; choose another place to write") from None
    except OSError as exc:
        raise WriteError(f"{path.parent}: cannot create the folder ({exc.strerror})") from None
    if path.is_dir():
        raise WriteError(f"{path}: is a folder; give a file name")


def make_folder(path: Path | str) -> Path:
    """``path`` as a folder that exists, or a :class:`WriteError` saying why it cannot be one."""
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise WriteError(f"{path}: is a file; give a folder")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise WriteError(f"{path}: a part of the path is a file, not a folder; give another folder") from None
    except NotADirectoryError:
        raise WriteError(f"{path}: a part of the path is a file, not a folder; give another folder") from None
    except OSError as exc:
        raise WriteError(f"{path}: cannot create the folder ({exc.strerror})") from None
    return path


@contextlib.contextmanager
def atomic_path(path: Path | str) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success it replaces ``path``, on error it is removed."""
    path = Path(path)
    _folder(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise WriteError(f"{path}: cannot write in {path.parent} ({exc.strerror}); check its permissions") from None
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        os.chmod(tmp_path, 0o666 & ~_umask())  # mkstemp makes files private; give the usual permissions
        os.replace(tmp_path, path)
    except OSError as exc:
        tmp_path.unlink(missing_ok=True)
        if isinstance(exc, WriteError):
            raise
        raise WriteError(f"{path}: could not be written ({exc.strerror or exc}); the previous file is unchanged") \
            from None
    except BaseException:
        tmp_path.unlink(missing_ok=True)
        raise


def atomic_write_bytes(path: Path | str, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically; return the path."""
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)
    return Path(path)


@contextlib.contextmanager
def folder_lock(path: Path | str, what: str = "a report") -> Iterator[Path]:
    """Hold ``path`` (a folder) for one writer: a second writer, from another terminal or notebook, is
    refused at once with a :class:`WriteError` instead of mixing its files with the first one's.

    The lock is the operating system's (``flock`` on the folder itself), so it ends with the process
    that held it, even a killed one; where there is no ``flock``, a lock file made exclusively."""
    path = make_folder(path)
    busy = WriteError(f"{path}: {what} is being written into this folder by another run; wait for it to "
                      "finish, or write into another folder")
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield from _lock_file(path, busy)
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise busy from None
    try:
        yield path
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def _lock_file(path: Path, busy: WriteError) -> Iterator[Path]:  # pragma: no cover - Windows
    lock = path / LOCK_FILE
    try:
        os.close(os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except FileExistsError:
        raise busy from None
    try:
        yield path
    finally:
        lock.unlink(missing_ok=True)

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

"""Read and write files that a pack, a cache or a user names, without surprises.

Reading opens only regular files (a FIFO would hang, /dev/zero never ends)
and never takes more than a fixed number of bytes, whatever the file claims.
Writing never follows a symlink at the target: a new file is created
exclusively, a replacement is written beside it and renamed over it, so a
reader sees the old file or the new one, and an interrupted write leaves
only a temporary file that `sweep_temporaries` removes later.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import time
from pathlib import Path

TEMP_SUFFIX = ".fintech-tui-tmp"

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


class UnsafeFile(Exception):
    """A file that cannot be read or written as asked; the message says why, in one line."""


def kind_of(mode: int) -> str:
    """A reader's name for what a file mode says the file is."""
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def _reason(error: OSError) -> str:
    return (error.strerror or str(error)).lower()


def read_capped(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at `path`, refusing anything else or more than `limit` bytes.

    Opened non-blocking, so a FIFO cannot stall the open; the size is checked
    before reading and the read itself stops at `limit + 1` bytes, so a file
    that lies about its size (or grows) cannot exhaust memory either.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        with contextlib.suppress(OSError):  # a socket cannot even be opened: say what it is
            mode = os.stat(path).st_mode
            if not stat.S_ISREG(mode):
                raise UnsafeFile(f"cannot read: {kind_of(mode)}, not a regular file") from None
        raise UnsafeFile(f"cannot read: {_reason(error)}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UnsafeFile(f"cannot read: {kind_of(info.st_mode)}, not a regular file")
        if info.st_size > limit:
            raise UnsafeFile(f"file is {info.st_size:,} bytes; the limit is {limit:,}")
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            raise UnsafeFile(f"file is more than {limit:,} bytes; the limit is {limit:,}")
        return b"".join(chunks)
    except OSError as error:
        raise UnsafeFile(f"cannot read: {_reason(error)}") from None
    finally:
        os.close(fd)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_new(path: Path, data: bytes, *, replace: bool = False) -> None:
    """Write `data` to `path`; without `replace` the path must not exist (not even as a broken link).

    With `replace`, the data goes to a temporary file in the same folder that
    is renamed over `path`: a symlink there is replaced, never written through;
    a regular file keeps its mode; a device, FIFO or socket is never replaced.
    """
    if path.is_dir():
        raise UnsafeFile(f"cannot write {path}: it is a folder; name a file to write")
    if not path.parent.is_dir():
        raise UnsafeFile(f"cannot write {path}: there is no folder {path.parent}")
    if not replace:
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
        try:
            fd = os.open(path, flags, 0o666)
        except FileExistsError:
            raise UnsafeFile(f"{path} exists; pass --force to replace it") from None
        except OSError as error:
            raise UnsafeFile(f"cannot write {path}: {_reason(error)}") from None
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
        except BaseException as error:  # a half-written new file is worth nothing: remove it
            path.unlink(missing_ok=True)
            if isinstance(error, OSError):
                raise UnsafeFile(f"cannot write {path}: {_reason(error)}") from None
            raise
        return
    mode = 0o666 & ~_umask()
    try:
        existing = path.lstat()
    except FileNotFoundError:
        existing = None
    except OSError as error:
        raise UnsafeFile(f"cannot write {path}: {_reason(error)}") from None
    if existing is not None and not (stat.S_ISREG(existing.st_mode) or stat.S_ISLNK(existing.st_mode)):
        raise UnsafeFile(f"cannot replace {path}: it is {kind_of(existing.st_mode)}, not a regular file")
    if existing is not None and stat.S_ISREG(existing.st_mode):
        mode = stat.S_IMODE(existing.st_mode)  # a private file stays private
    temporary = write_temporary(path.parent, data, mode=mode)
    try:
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise UnsafeFile(f"cannot write {path}: {_reason(error)}") from None


def write_temporary(folder: Path, data: bytes, *, mode: int = 0o600) -> Path:
    """A new temporary file in `folder` holding `data`; removed again if writing fails or is interrupted."""
    try:
        fd, name = tempfile.mkstemp(dir=folder, prefix=".", suffix=TEMP_SUFFIX)
    except OSError as error:
        raise UnsafeFile(f"cannot write in {folder}: {_reason(error)}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            os.fchmod(handle.fileno(), mode)
    except BaseException as error:  # KeyboardInterrupt and signal exits included
        with contextlib.suppress(OSError):
            os.unlink(name)
        if isinstance(error, OSError):
            raise UnsafeFile(f"cannot write in {folder}: {_reason(error)}") from None
        raise
    return Path(name)


def sweep_temporaries(folder: Path, *, older_than: float = 3600.0) -> int:
    """Remove temporary files left in `folder` by writes that were killed; return how many."""
    cutoff = time.time() - older_than
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        if not entry.name.endswith(TEMP_SUFFIX):
            continue
        try:
            if entry.is_file(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_mtime < cutoff:
                os.unlink(entry.path)
                removed += 1
        except OSError:
            continue
    return removed


def write_new_folder(folder: Path, files: dict[str, str]) -> list[Path]:
    """Create `folder` (with its parents) and write `files` (name → text) into it; return their paths.

    The folder must not exist, and each file is created exclusively, so nothing already on
    disk is overwritten, not even by a folder made by someone else in the meantime.
    """
    if folder.exists():
        raise FileExistsError(f"{folder} already exists; choose a new folder (nothing was written)")
    folder.mkdir(parents=True)
    written = []
    for name, text in files.items():
        path = folder / name
        with path.open("x", encoding="utf-8", newline="\n") as out:
            out.write(text)
        written.append(path)
    return written

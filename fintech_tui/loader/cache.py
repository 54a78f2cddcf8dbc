"""A cache of packs that passed validation, so a large pack opens fast.

Keyed by a hash of every file's name and bytes (and this version of
fintech-tui and of the model's shape), so any edit to a pack misses the cache and is validated again.
The bytes hashed are the very bytes that are then parsed (see `load_pack`).

A cache folder may be shared or planted, so an entry is data, never code:
JSON decoded by msgspec straight into the model's Structs, which checks
every field's type and every fixed choice, plus the entry's format, version
and key. An entry is written only for a pack that passed every check, and
sealed with a keyed hash whose secret (`seal.key`, private) only this cache's
writer holds; an entry without a valid seal (edited, copied from another cache,
planted) is a miss, so a sealed one needs no second check. A
folder not owned by the user, or writable by others, is neither read nor written.
Entries live in `$FINTECH_TUI_CACHE`, else `$XDG_CACHE_HOME/fintech-tui`, else `~/.cache/fintech-tui`; nothing is
written into a pack (a cache folder inside the pack's folder is not written).
`FINTECH_TUI_CACHE=off` (or 0, false, no) disables the cache. Any failure
to read or write just means a normal load.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

import msgspec

from fintech_tui import __version__
from fintech_tui.model import Pack
from fintech_tui.model.plan import model_fingerprint
from fintech_tui.util.digest import blake2b
from fintech_tui.util.safe_files import TEMP_SUFFIX, UnsafeFile, sweep_temporaries

FORMAT = 6  # bump when an entry changes shape or what one may hold (model changes are in the key)
MAX_ENTRY_BYTES = 512 * 1024 * 1024
MAX_CACHE_BYTES = 256 * 1024 * 1024  # all entries together; the least recently used go first
SUFFIX = ".json"
SEAL_KEY = "seal.key"  # this cache's secret: 32 random bytes, private to the user
_SEAL_FIELD = b',"seal":"'
_UNSEALED = b"0" * 64  # the seal's place while the seal is worked out
_END = b'"}'


class Entry(msgspec.Struct, frozen=True):
    """What one cache file holds."""

    format: int
    version: str
    key: str
    pack: Pack
    seal: str = _UNSEALED.decode()  # last, so it is the entry's final bytes (see `_seal`)


def _seal(data: bytes | memoryview, secret: bytes) -> bytes:
    """The seal of an encoded entry: a keyed BLAKE2b of its bytes with the seal's place zeroed.

    Only this cache's writer knows the secret, and it writes an entry only for a pack that
    passed every check, so a sealed entry needs no second check; an entry changed by hand,
    copied from another cache or planted has no valid seal and is a miss.
    """
    digest = blake2b(key=secret, digest_size=32)
    digest.update(memoryview(data)[: -len(_UNSEALED) - len(_END)])
    digest.update(_UNSEALED + _END)
    return digest.hexdigest().encode()


def _sealed_by(data: bytes, secret: bytes) -> bool:
    """Whether `data` ends in a seal made with `secret` (not an oracle: a mismatch is only a miss)."""
    tail = len(_SEAL_FIELD) + len(_UNSEALED) + len(_END)
    if len(data) < tail or not data.endswith(_END) or data[-tail : -tail + len(_SEAL_FIELD)] != _SEAL_FIELD:
        return False
    return data[-len(_UNSEALED) - len(_END) : -len(_END)] == _seal(data, secret)


def _secret(folder_fd: int, *, create: bool = False) -> bytes | None:
    """This cache's sealing secret, made on first write; None if it is missing or not ours alone."""
    try:
        secret = _read_entry(folder_fd, SEAL_KEY)
    except FileNotFoundError:
        secret = None
    except OSError:
        return None
    if secret is not None or not create:
        return secret if secret is not None and len(secret) == 32 else None
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    made = os.urandom(32)
    try:
        fd = os.open(SEAL_KEY, flags, 0o600, dir_fd=folder_fd)
    except FileExistsError:  # another process made it first
        return _secret(folder_fd)
    except OSError:
        return None
    with os.fdopen(fd, "wb") as handle:
        handle.write(made)
    return made


def folder() -> Path | None:
    """Where entries live, or None when caching is off."""
    setting = os.environ.get("FINTECH_TUI_CACHE")
    if setting is not None:
        return None if setting.strip().lower() in ("", "0", "off", "no", "false", "none") else Path(setting)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "fintech-tui"


def _trusted(info: os.stat_result) -> bool:
    """Owned by this user and writable by nobody else."""
    return info.st_uid == os.geteuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def trusted_folder(*, create: bool = False) -> Path | None:
    """The cache folder if it is safe to use (optionally creating it, private), else None.

    The folder itself is checked with lstat: a symlink named like the cache
    folder (planted by anyone who can write its parent) is refused, never followed.
    """
    where = folder()
    if where is None:
        return None
    try:
        if create and not os.path.lexists(where):
            where.mkdir(mode=0o700, parents=True)
        info = where.lstat()
    except OSError:
        return None
    return where if stat.S_ISDIR(info.st_mode) and _trusted(info) else None


def _open_folder(*, create: bool = False) -> int | None:
    """A descriptor for the trusted cache folder, opened without following a link, else None.

    Entries are then read and written relative to this descriptor, so swapping
    the folder for a link after the check changes nothing.
    """
    where = trusted_folder(create=create)
    if where is None:
        return None
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(where, flags)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
    except OSError:
        info = None
    if info is None or not stat.S_ISDIR(info.st_mode) or not _trusted(info):
        os.close(fd)
        return None
    return fd


def _read_entry(folder_fd: int, name: str) -> bytes | None:
    """The bytes of entry `name` in the folder, if it is a regular file of ours within the cap."""
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(name, flags, dir_fd=folder_fd)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or not _trusted(info) or info.st_size > MAX_ENTRY_BYTES:
            return None
        with os.fdopen(os.dup(fd), "rb") as handle:
            data = handle.read(MAX_ENTRY_BYTES + 1)
        return None if len(data) > MAX_ENTRY_BYTES else data
    finally:
        os.close(fd)


def key_for(contents: list[tuple[str, bytes]]) -> str | None:
    """A hash of the pack's files (name and bytes), or None if caching is off."""
    if folder() is None:
        return None
    return digest_of(contents)


def digest_of(contents: list[tuple[str, bytes]]) -> str:
    """A hash of the pack's files (name and bytes), this version and the model's shape.

    The library's index keys each pack by it too, so both re-read a pack on the same change.
    """
    digest = blake2b(f"{__version__}/{FORMAT}/{model_fingerprint()}".encode())
    for name, data in contents:
        digest.update(name.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def read(key: str, *, origin: str) -> Pack | None:
    """The cached Pack for `key`, with `origin` set, or None."""
    folder_fd = _open_folder()
    if folder_fd is None:
        return None
    try:
        data = _read_entry(folder_fd, f"{key}{SUFFIX}")
        secret = _secret(folder_fd)
        if data is None or secret is None or not _sealed_by(data, secret):
            return None
        with contextlib.suppress(OSError):  # a hit is a use: eviction goes by this time
            os.utime(f"{key}{SUFFIX}", dir_fd=folder_fd, follow_symlinks=False)
        # Straight into the model's types: no tree of plain values on the way.
        entry = msgspec.json.decode(data, type=Entry)
        if entry.format != FORMAT or entry.version != __version__ or entry.key != key:
            return None
    except (OSError, UnsafeFile, msgspec.MsgspecError, RecursionError, ValueError, TypeError, LookupError):
        return None  # missing, partial, planted or stale: simply a miss
    finally:
        os.close(folder_fd)
    return msgspec.structs.replace(entry.pack, origin=origin)


def inside(folder_path: Path) -> bool:
    """Whether the cache folder is `folder_path` or lies within it (`XDG_CACHE_HOME=.` in a pack)."""
    where = folder()
    if where is None:
        return False
    try:
        return where.resolve().is_relative_to(folder_path.resolve())
    except (OSError, RuntimeError):  # a link loop: better not to write at all
        return True


def write(key: str, pack: Pack, *, pack_folder: Path | None = None) -> None:
    """Store `pack` under `key`, atomically; silently give up if the folder is not usable.

    Nothing is written into the pack itself: with the cache folder inside `pack_folder`, nothing is stored.
    """
    if pack_folder is not None and inside(pack_folder):
        return
    folder_fd = _open_folder(create=True)
    if folder_fd is None:
        return
    try:
        where = trusted_folder()
        if where is not None:
            sweep_temporaries(where)
        entry = Entry(FORMAT, __version__, key, msgspec.structs.replace(pack, origin=""))
        secret = _secret(folder_fd, create=True)
        if secret is None:
            return
        try:
            data = msgspec.json.encode(entry)
        except (RecursionError, TypeError):
            return
        data = data[: -len(_UNSEALED) - len(_END)] + _seal(data, secret) + _END
        temporary = f".{os.urandom(8).hex()}{TEMP_SUFFIX}"  # not secrets: it imports hashlib at start-up
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
        try:
            fd = os.open(temporary, flags, 0o600, dir_fd=folder_fd)
        except OSError:
            return
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(temporary, f"{key}{SUFFIX}", src_dir_fd=folder_fd, dst_dir_fd=folder_fd)
            evict(folder_fd, keep=f"{key}{SUFFIX}")
        except BaseException as error:  # interrupted or failed: leave no temporary file behind
            with contextlib.suppress(OSError):
                os.unlink(temporary, dir_fd=folder_fd)
            if not isinstance(error, OSError):
                raise
    finally:
        os.close(folder_fd)


def evict(folder_fd: int, *, keep: str, limit: int | None = None) -> list[str]:
    """Remove the least recently used entries until all of them fit in `limit` bytes; their names.

    Used means read or written (a hit touches its entry). `keep`, the entry just
    written, stays even when it alone is larger than the limit.
    """
    limit = MAX_CACHE_BYTES if limit is None else limit
    entries = []
    with contextlib.suppress(OSError), os.scandir(folder_fd) as found:
        for entry in found:
            if entry.name.endswith(SUFFIX) and entry.is_file(follow_symlinks=False):
                with contextlib.suppress(OSError):
                    info = entry.stat(follow_symlinks=False)
                    entries.append((info.st_mtime_ns, entry.name, info.st_size))
    total = sum(size for _, _, size in entries)
    removed = []
    for _, name, size in sorted(entries):  # oldest use first
        if total <= limit:
            break
        if name == keep:
            continue
        with contextlib.suppress(OSError):
            os.unlink(name, dir_fd=folder_fd)
            removed.append(name)
            total -= size
    return removed

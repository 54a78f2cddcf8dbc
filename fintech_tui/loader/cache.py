"""A cache of packs that passed validation, so a large pack opens fast.

Keyed by a hash of every file's name and bytes (and this version of
fintech-tui and of the model's shape), so any edit to a pack misses the cache and is validated again.
The bytes hashed are the very bytes that are then parsed (see `load_pack`).

A cache folder may be shared or planted, so an entry is data, never code:
JSON decoded by msgspec straight into the model's Structs, which checks
every field's type and every fixed choice, plus the entry's format, version
and key. A folder not owned by the user, or writable by others, is neither
read nor written. Entries live in `$FINTECH_TUI_CACHE`, else
`$XDG_CACHE_HOME/fintech-tui`, else `~/.cache/fintech-tui`; nothing is
written into a pack. `FINTECH_TUI_CACHE=off` disables the cache. Any failure
to read or write just means a normal load.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import msgspec

from fintech_tui import __version__
from fintech_tui.model import Pack
from fintech_tui.model.plan import model_fingerprint
from fintech_tui.util.digest import blake2b
from fintech_tui.util.safe_files import UnsafeFile, read_capped, sweep_temporaries, write_temporary

FORMAT = 4  # bump when an entry changes shape (model changes are in the key)
MAX_ENTRY_BYTES = 512 * 1024 * 1024
SUFFIX = ".json"


class Entry(msgspec.Struct, frozen=True):
    """What one cache file holds."""

    format: int
    version: str
    key: str
    pack: Pack


def folder() -> Path | None:
    """Where entries live, or None when caching is off."""
    setting = os.environ.get("FINTECH_TUI_CACHE")
    if setting is not None:
        return None if setting.strip().lower() in ("", "0", "off", "no") else Path(setting)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "fintech-tui"


def _trusted(info: os.stat_result) -> bool:
    """Owned by this user and writable by nobody else."""
    return info.st_uid == os.geteuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def trusted_folder(*, create: bool = False) -> Path | None:
    """The cache folder if it is safe to use (optionally creating it, private), else None."""
    where = folder()
    if where is None:
        return None
    try:
        if create and not where.exists():
            where.mkdir(mode=0o700, parents=True)
        info = where.stat()
    except OSError:
        return None
    return where if stat.S_ISDIR(info.st_mode) and _trusted(info) else None


def key_for(contents: list[tuple[str, bytes]]) -> str | None:
    """A hash of the pack's files (name and bytes), or None if caching is off."""
    if folder() is None:
        return None
    digest = blake2b(f"{__version__}/{FORMAT}/{model_fingerprint()}".encode())
    for name, data in contents:
        digest.update(name.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def read(key: str, *, origin: str) -> Pack | None:
    """The cached Pack for `key`, with `origin` set, or None."""
    where = trusted_folder()
    if where is None:
        return None
    path = where / f"{key}{SUFFIX}"
    try:
        if not _trusted(path.lstat()):
            return None
        # Straight into the model's types: no tree of plain values on the way.
        entry = msgspec.json.decode(read_capped(path, MAX_ENTRY_BYTES), type=Entry)
        if entry.format != FORMAT or entry.version != __version__ or entry.key != key:
            return None
    except (OSError, UnsafeFile, msgspec.MsgspecError, RecursionError, ValueError, TypeError, LookupError):
        return None  # missing, partial, planted or stale: simply a miss
    return msgspec.structs.replace(entry.pack, origin=origin)


def write(key: str, pack: Pack) -> None:
    """Store `pack` under `key`, atomically; silently give up if the folder is not usable."""
    where = trusted_folder(create=True)
    if where is None:
        return
    sweep_temporaries(where)
    entry = Entry(FORMAT, __version__, key, msgspec.structs.replace(pack, origin=""))
    try:
        temporary = write_temporary(where, msgspec.json.encode(entry))
    except (UnsafeFile, RecursionError, TypeError):
        return
    try:
        os.replace(temporary, where / f"{key}{SUFFIX}")
    except BaseException as error:  # interrupted or failed: leave no temporary file behind
        temporary.unlink(missing_ok=True)
        if not isinstance(error, OSError):
            raise

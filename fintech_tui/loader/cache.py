"""A cache of packs that passed validation, so a large pack opens fast.

Keyed by a hash of every file's name and bytes (and this version of
fintech-tui), so any edit to a pack misses the cache and is validated again.
Entries are pickles written only by fintech-tui into the user's own cache
folder (`$FINTECH_TUI_CACHE`, else `$XDG_CACHE_HOME/fintech-tui`, else
`~/.cache/fintech-tui`); nothing is ever written into a pack. Set
`FINTECH_TUI_CACHE=off` to disable it. Any failure to read or write the
cache just means a normal load.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import pickle
import tempfile
from pathlib import Path

from fintech_tui import __version__
from fintech_tui.model import Pack

FORMAT = 2  # bump when the model changes shape


def folder() -> Path | None:
    """Where entries live, or None when caching is off."""
    setting = os.environ.get("FINTECH_TUI_CACHE")
    if setting is not None:
        return None if setting.strip().lower() in ("", "0", "off", "no") else Path(setting)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "fintech-tui"


def key_for(files: list[Path]) -> str | None:
    """A hash of the pack's files, or None if caching is off or a file is unreadable."""
    if folder() is None:
        return None
    digest = hashlib.sha256(f"{__version__}/{FORMAT}".encode())
    try:
        for file in files:
            digest.update(file.name.encode("utf-8", "surrogateescape") + b"\0")
            digest.update(file.read_bytes())
            digest.update(b"\0")
    except OSError:
        return None
    return digest.hexdigest()


def read(key: str, *, origin: str) -> Pack | None:
    """The cached Pack for `key`, with `origin` set, or None."""
    where = folder()
    if where is None:
        return None
    try:
        with open(where / f"{key}.pickle", "rb") as handle:
            pack = pickle.load(handle)
    except Exception:  # a missing, partial or stale entry is simply a miss
        return None
    if not isinstance(pack, Pack):
        return None
    return dataclasses.replace(pack, origin=origin)


def write(key: str, pack: Pack) -> None:
    """Store `pack` under `key`, atomically; silently give up if the folder is not writable."""
    where = folder()
    if where is None:
        return
    try:
        where.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=where, suffix=".tmp", delete=False) as handle:
            pickle.dump(pack, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, where / f"{key}.pickle")
    except OSError:
        return

"""Reload a pack whenever one of its files changes, for `--watch`.

Each change yields either the freshly validated Pack or the PackError that
explains why it is not valid, so the explorer can keep showing the last
valid state beside the problems. Nothing here imports Textual.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import msgspec

from fintech_tui.loader import PackError, load_pack
from fintech_tui.model import Pack

PACK_SUFFIXES = (".yaml", ".yml", ".json")
DEBOUNCE_MS = 150  # an editor's save is often several writes; wait for the last


class Reloaded(msgspec.Struct, frozen=True):
    """The pack changed and is valid."""

    pack: Pack


class Invalid(msgspec.Struct, frozen=True):
    """The pack changed and is not valid; `error` lists every problem."""

    error: PackError


PackChange = Reloaded | Invalid


def watched_folder(path: Path) -> tuple[Path, Callable[[Any, str], bool]]:
    """The folder to watch for the pack at `path` and a filter for its files.

    A single-file pack is watched through its folder, because editors often
    save by writing a new file and renaming it over the old one.
    """
    if path.is_dir():
        folder = path.resolve()

        def in_pack(_change: Any, name: str) -> bool:
            changed = Path(name)
            return changed.parent == folder and changed.suffix.lower() in PACK_SUFFIXES

        return folder, in_pack
    target = path.resolve()

    def is_target(_change: Any, name: str) -> bool:
        return Path(name) == target

    return target.parent, is_target


def reload(path: Path) -> PackChange:
    """Load the pack at `path` afresh (bypassing the cache: drafts need not fill it)."""
    try:
        return Reloaded(load_pack(path, use_cache=False))
    except PackError as error:
        return Invalid(error)


async def watch_pack(path: Path, *, stop: asyncio.Event | None = None) -> AsyncIterator[PackChange]:
    """Yield a PackChange after every burst of changes to the pack's files."""
    from watchfiles import awatch  # deferred: only --watch needs it

    folder, only_pack_files = watched_folder(path)
    async for _changes in awatch(
        folder,
        watch_filter=only_pack_files,
        debounce=DEBOUNCE_MS,
        step=25,
        recursive=False,
        stop_event=stop,
    ):
        yield await asyncio.to_thread(reload, path)

"""Reload a pack whenever one of its files changes, for `--watch`.

Each change yields either the freshly validated Pack or the PackError that
explains why it is not valid, so the explorer can keep showing the last
valid state beside the problems. Nothing here imports Textual.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import msgspec

from fintech_tui.loader import PackError, load_pack
from fintech_tui.model import Pack

PACK_SUFFIXES = (".yaml", ".yml", ".json")
MAX_LINKS = 40  # as the system's own limit on links followed in one path
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


def links_to(path: Path) -> list[Path]:
    """The symbolic links `path` goes through to reach the pack (none for a plain path), each as
    its folder resolved and its own name, the way a watcher of that folder names it."""
    links: list[Path] = []
    step = path.absolute()
    while step.is_symlink() and len(links) < MAX_LINKS:
        links.append(step.parent.resolve() / step.name)
        step = step.parent / os.readlink(step)
    return links


def watched_paths(path: Path) -> tuple[list[Path], Callable[[Any, str], bool]]:
    """The folders to watch for the pack at `path` and a filter for its files and for the links
    on the way to it, so a link that comes to name another pack is seen."""
    folder, in_pack = watched_folder(path)
    links = links_to(path)
    names = {str(link) for link in links}

    def wanted(change: Any, name: str) -> bool:
        return name in names or in_pack(change, name)

    return sorted({folder, *(link.parent for link in links)}), wanted


async def watch_pack(path: Path, *, stop: asyncio.Event | None = None) -> AsyncIterator[PackChange]:
    """Yield a PackChange after every burst of changes to the pack's files.

    A pack opened through a symbolic link is followed to wherever the link points now: the
    link's own folder is watched too, and once the link names another target, that target's
    folder is watched instead (before, the first target was watched for good).
    """
    from watchfiles import awatch  # deferred: only --watch needs it

    while stop is None or not stop.is_set():
        target = path.resolve()
        folders, wanted = watched_paths(path)
        watcher = awatch(*folders, watch_filter=wanted, debounce=DEBOUNCE_MS, step=25, recursive=False, stop_event=stop)
        async with contextlib.aclosing(watcher) as changes:
            async for _changes in changes:
                yield await asyncio.to_thread(reload, path)
                if path.resolve() != target:
                    break  # the link moved: watch what it names now
            else:
                return

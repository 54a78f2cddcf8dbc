"""`--watch` over a library: a pack whose files change is re-indexed (`Library.refresh`) and its row
redrawn; if that article is open in the explorer, the explorer shows the new version in place."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from fintech_tui.loader import PackError
from fintech_tui.loader.watch import DEBOUNCE_MS, PACK_SUFFIXES
from fintech_tui.queries.index import PackIndex

if TYPE_CHECKING:
    from fintech_tui.library.catalog import Library
    from fintech_tui.model import Pack
    from fintech_tui.tui.screens.library import LibraryScreen
    from fintech_tui.tui.screens.main import MainScreen


class Watched(Protocol):
    """What the watch needs of the app (the app is above it, so it is named by shape, not imported)."""

    folder: Path
    library: Library | None

    @property
    def library_screen(self) -> LibraryScreen: ...

    @property
    def explorer(self) -> MainScreen | None: ...

    async def replace_pack(self, pack: Pack, index: PackIndex) -> None: ...


def pack_file(folder: Path, name: str) -> bool:
    """Whether the changed file `name` may be part of a pack of the library at `folder`."""
    path = Path(name)
    if path.suffix.lower() not in PACK_SUFFIXES:
        return False
    try:
        parts = path.relative_to(folder).parts
    except ValueError:
        return False
    return not any(part.startswith(".") for part in parts)  # editors' and tools' hidden files


def pack_key(library: Library, folder: Path, changed: Path) -> str | None:
    """The key of the library's pack that holds `changed` (the shortest that the library knows), or None."""
    parts = changed.relative_to(folder).parts
    for depth in range(1, len(parts) + 1):
        key = "/".join(parts[:depth])
        try:
            library.article(key)
        except KeyError:
            continue
        return key
    return None


class LibraryWatch:
    """Follows the library of `app` until the app exits."""

    def __init__(self, app: Watched) -> None:
        self.app = app
        self.folder = app.folder.resolve()

    async def follow(self) -> None:
        from watchfiles import awatch  # deferred: only --watch needs it

        def in_a_pack(_change: Any, name: str) -> bool:
            return pack_file(self.folder, name)

        async for changes in awatch(self.folder, watch_filter=in_a_pack, debounce=DEBOUNCE_MS, step=25):
            for changed in sorted({Path(name) for _, name in changes}):
                await self.refresh(changed)

    async def refresh(self, changed: Path) -> None:
        """Re-index the pack holding `changed`, redraw its row, and show it afresh where it is open."""
        library = self.app.library
        if library is None:
            return
        await asyncio.to_thread(library.refresh, changed)
        key = pack_key(library, self.folder, changed)
        self.app.library_screen.refreshed(key)
        if key is None:
            return
        explorer = self.app.explorer
        if explorer is not None and getattr(explorer, "key", None) == key:
            try:
                loaded = await asyncio.to_thread(library.load, key)
            except PackError:
                return  # broken now: the explorer keeps the last valid version; the list names the problems
            await self.app.replace_pack(loaded, PackIndex(loaded))

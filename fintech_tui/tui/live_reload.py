"""`--watch`: keep the open explorer in step with a pack while its author edits it.

Each valid change re-indexes the pack and refreshes the explorer in place
(the item on show and the panes' scroll are kept where the item still
exists); an invalid one leaves the last valid state on screen with a
problems panel docked beneath it, until a fix is saved.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from textual.css.query import NoMatches
from textual.screen import Screen

from fintech_tui.loader import PackError
from fintech_tui.loader.watch import Reloaded, watch_pack
from fintech_tui.model import Pack
from fintech_tui.queries.index import PackIndex
from fintech_tui.tui.screens.main import MainScreen
from fintech_tui.tui.widgets.problems_panel import ProblemsPanel


class Reloadable(Protocol):
    """What live reload needs of the app (the app is above it, so it is named by shape, not imported)."""

    @property
    def screen(self) -> Screen[Any]: ...

    @property
    def screen_stack(self) -> list[Screen[Any]]: ...

    @property
    def main_screen(self) -> MainScreen: ...

    async def replace_pack(self, pack: Pack, index: PackIndex) -> None: ...


class LiveReload:
    """Follows the pack at `path` for `app` until the app exits."""

    def __init__(self, app: Reloadable, path: Path) -> None:
        self.app = app
        self.path = path

    async def follow(self) -> None:
        """Apply every change to the pack's files (run as the app's worker)."""
        async for change in watch_pack(self.path):
            if isinstance(change, Reloaded):
                await self.app.replace_pack(change.pack, PackIndex(change.pack))
                self.clear_problems()
            else:
                self.show_problems(change.error)

    def show_problems(self, error: PackError) -> None:
        screen = self.app.screen
        try:
            screen.query_one(ProblemsPanel).show(error)
        except NoMatches:
            screen.mount(ProblemsPanel(error))

    def clear_problems(self) -> None:
        for screen in self.app.screen_stack:
            for panel in screen.query(ProblemsPanel):
                panel.remove()

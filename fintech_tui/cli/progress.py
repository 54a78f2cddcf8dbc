"""Progress of a long load on the terminal: which file, how many items, a bar.

A load that ends within `DELAY` seconds shows nothing; a longer one (or one
whose files are big enough to be sure of it) shows a bar on standard error
until the explorer opens or `check` reports, then the bar is erased. Rich is
imported only when the bar is actually shown. The display redraws from the
load's own calls, never from a thread, so the loader stays free to fork.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import IO, Any

from fintech_tui.util.sanitize import neutralise

DELAY = 0.3  # seconds a load may take before it shows progress
AT_ONCE_BYTES = 512 * 1024  # a pack this big takes longer than DELAY: show progress from the start
REDRAW_EVERY = 1 / 15  # seconds


class TerminalProgress:
    """A LoadProgress that draws a transient rich progress bar on a terminal."""

    def __init__(self, stream: IO[str] | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.started = time.monotonic()
        self.last_drawn = 0.0
        self.items = 0
        self._progress: Any = None
        self._task: Any = None

    @classmethod
    def for_terminal(cls) -> TerminalProgress | None:
        """A display if standard error is a terminal, else None (no progress for pipes and logs)."""
        try:
            return cls() if sys.stderr is not None and sys.stderr.isatty() else None
        except (AttributeError, ValueError):  # a closed or unusual stream
            return None

    def reading(self, file: str, done: int, total: int, items: int) -> None:
        self.items = items
        if not self._shown(total):
            return
        self._progress.update(
            self._task, description=f"reading {neutralise(Path(file).name)}", completed=done, total=total, items=items
        )
        self._draw()

    def checking(self) -> None:
        if not self._shown(0):
            return
        self._progress.update(self._task, description="checking", items=self.items)
        self._draw(force=True)

    def close(self) -> None:
        """Erase the bar (if one was shown)."""
        if self._progress is not None:
            self._progress.stop()
            self._progress = None

    def _shown(self, total: int) -> bool:
        if self._progress is None:
            if time.monotonic() - self.started < DELAY and total < AT_ONCE_BYTES:
                return False
            self._start()
        return True

    def _start(self) -> None:
        from rich.console import Console  # deferred: only a long load pays for it
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        self._progress = Progress(
            TextColumn("fintech-tui: {task.description}", markup=False),
            BarColumn(),
            TextColumn("{task.fields[items]:,} items", markup=False),
            TimeElapsedColumn(),
            console=Console(file=self.stream, stderr=True),
            auto_refresh=False,
            transient=True,
        )
        self._progress.start()
        self._task = self._progress.add_task("reading", total=None, items=self.items)

    def _draw(self, *, force: bool = False) -> None:
        now = time.monotonic()
        if force or now - self.last_drawn >= REDRAW_EVERY:
            self.last_drawn = now
            self._progress.refresh()

"""What a long load tells whoever shows its progress (the terminal, or nobody)."""

from __future__ import annotations

from typing import Protocol


class LoadProgress(Protocol):
    """Told how a load goes; `fintech_tui.cli.progress` shows it on a terminal."""

    def reading(self, file: str, done: int, total: int, items: int) -> None:
        """Parsing: `file` is being read, `done` of `total` bytes so far, `items` found."""

    def checking(self) -> None:
        """Every file is read; the items are being converted and cross-checked."""

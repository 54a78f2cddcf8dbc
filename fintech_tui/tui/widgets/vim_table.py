"""Textual's DataTable with the vim keys added (matrix and figures views)."""

from __future__ import annotations

from textual.widgets import DataTable

from fintech_tui.tui.widgets.keys import VIM_TABLE_KEYS


class VimTable(DataTable[object]):
    """A DataTable that also moves with h, j, k, l, g and G."""

    HELP_TITLE = "place.table"
    BINDINGS = [*VIM_TABLE_KEYS]

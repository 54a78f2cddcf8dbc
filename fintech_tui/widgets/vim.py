"""Textual's list, table and scroll container with the vim keys added.

Three one-line subclasses in one file: they differ only in their keys, and
every full-screen view uses one of them.
"""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.widgets import DataTable, OptionList

from fintech_tui.widgets.keys import VIM_LIST_KEYS, VIM_SCROLL_KEYS, VIM_TABLE_KEYS


class VimList(OptionList):
    """An OptionList that also moves with j, k, g and G."""

    HELP_TITLE = "place.list"
    BINDINGS = [*VIM_LIST_KEYS]


class VimTable(DataTable[object]):
    """A DataTable that also moves with h, j, k, l, g and G."""

    HELP_TITLE = "place.table"
    BINDINGS = [*VIM_TABLE_KEYS]


class VimScroll(VerticalScroll, can_focus=True):
    """A scrolling container that also scrolls with j, k, g, G and space."""

    HELP_TITLE = "place.scrolling"
    BINDINGS = [*VIM_SCROLL_KEYS]

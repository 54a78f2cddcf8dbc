"""Textual's list and scroll container with the vim keys added.

Two one-line subclasses in one file: they differ only in their keys. The
table's twin lives in `vim_table`, so the first screen need not import
DataTable.
"""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.widgets import OptionList

from fintech_tui.tui.widgets.keys import VIM_LIST_KEYS, VIM_SCROLL_KEYS


class VimList(OptionList):
    """An OptionList that also moves with j, k, g and G."""

    HELP_TITLE = "place.list"
    BINDINGS = [*VIM_LIST_KEYS]


class VimScroll(VerticalScroll, can_focus=True):
    """A scrolling container that also scrolls with j, k, g, G and space."""

    HELP_TITLE = "place.scrolling"
    BINDINGS = [*VIM_SCROLL_KEYS]

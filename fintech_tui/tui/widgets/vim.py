"""Textual's list and scroll container with the vim keys added.

Two one-line subclasses in one file: they differ only in their keys. The
table's twin lives in `vim_table`, so the first screen need not import
DataTable.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.actions import SkipAction
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import OptionList

from fintech_tui.tui.widgets.keys import VIM_LIST_KEYS, VIM_SCROLL_KEYS


class VimList(OptionList):
    """An OptionList that also moves with j, k, g and G."""

    HELP_TITLE = "place.list"
    BINDINGS = [*VIM_LIST_KEYS]


# A plain mixin at run time: as a Widget subclass it brought Widget's default styles in ahead of
# the container's (overflow hidden), and the compare view no longer scrolled with j or down.
if TYPE_CHECKING:
    _Scrollable = Widget
else:
    _Scrollable = object


class InstantJumps(_Scrollable):
    """Home, End and the page keys land at once: Textual animates them, and End took
    about 800 ms to settle in the detail text (G 700 ms), the reader waiting to read."""

    def _can_scroll(self) -> None:
        if not (self.allow_vertical_scroll or self.allow_horizontal_scroll):
            raise SkipAction()  # nothing to scroll here: let the key reach the pane's parent

    def action_scroll_home(self) -> None:
        self._can_scroll()
        self.scroll_home(animate=False, immediate=True, x_axis=self.scroll_y == 0)

    def action_scroll_end(self) -> None:
        self._can_scroll()
        self.scroll_end(animate=False, immediate=True, x_axis=self.is_vertical_scroll_end)

    def action_page_down(self) -> None:
        self._can_scroll()
        self.scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        self._can_scroll()
        self.scroll_page_up(animate=False)


class VimScroll(InstantJumps, VerticalScroll, can_focus=True):
    """A scrolling container that also scrolls with j, k, g, G and space."""

    HELP_TITLE = "place.scrolling"
    BINDINGS = [*VIM_SCROLL_KEYS]

"""A table fed page by page: rows are asked for as the cursor nears the last one loaded.

A library of 10,000 articles costs what the reader has scrolled through, not
the whole library: the table holds a window of consecutive rows, the pages
fetched so far. Given `count`, `G` (or End) fetches only the last page (the
window then starts there, and grows upwards a page at a time as the cursor
nears its top); `g` goes back to the first page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from rich.text import Text
from textual.widgets import DataTable

from fintech_tui.tui.widgets.vim_table import VimTable

Row = TypeVar("Row")
PAGE = 100  # rows fetched at a time: a few screenfuls on the tallest terminal


class PagedTable(VimTable, Generic[Row]):
    """A VimTable whose rows come from `fetch(offset, limit)`, drawn by `cells(row)`, keyed by `key(row)`."""

    def __init__(
        self,
        fetch: Callable[[int, int], Sequence[Row]],
        cells: Callable[[Row], list[Text]],
        key: Callable[[Row], str],
        count: Callable[[], int] | None = None,
        **options: object,
    ) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **options)  # type: ignore[arg-type]
        self.fetch = fetch
        self.cells = cells
        self.key = key
        self.count = count  # how many rows there are in all: without it, G fetches every page
        self.rows_by_key: dict[str, Row] = {}
        self.exhausted = False
        self.origin = 0  # the position of the first row loaded among all the rows

    @property
    def loaded(self) -> int:
        return self.row_count

    def reset(self, keep: str | None = None) -> None:
        """Drop the rows and fetch the first page again (a new order, or new words), the cursor on `keep` if loaded."""
        self._window(0)
        if keep is not None and keep in self.rows_by_key:
            self.move_cursor(row=self.get_row_index(keep), animate=False)

    def _window(self, origin: int) -> None:
        """Drop the rows and fetch the page that starts at `origin`."""
        self.clear()
        self.rows_by_key.clear()
        self.exhausted = False
        self.origin = origin
        self.more()

    def more(self, until: int = 0) -> None:
        """Fetch the next page, or pages until `until` rows are loaded (all of them for a huge `until`)."""
        while not self.exhausted:
            page = self.fetch(self.origin + self.loaded, PAGE)
            for row in page:
                key = self.key(row)
                if key not in self.rows_by_key:  # an order that changed under us repeats none
                    self.rows_by_key[key] = row
                    self.add_row(*self.cells(row), key=key)
            self.exhausted = len(page) < PAGE
            if self.loaded >= until:
                break

    def redraw_rows(self) -> None:
        """Draw every loaded row again (the language or a mark changed), the cursor kept."""
        for key, row in self.rows_by_key.items():
            for column, cell in zip(self.columns, self.cells(row), strict=False):
                self.update_cell(key, column, cell)

    def replace_row(self, row: Row) -> None:
        """Show `row` in place of the loaded row with the same key (a pack re-indexed by --watch)."""
        key = self.key(row)
        if key in self.rows_by_key:
            self.rows_by_key[key] = row
            for column, cell in zip(self.columns, self.cells(row), strict=False):
                self.update_cell(key, column, cell)

    def current(self) -> Row | None:
        """The row under the cursor, or None when the table is empty."""
        if not self.row_count:
            return None
        row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        return self.rows_by_key.get(row_key.value or "")

    def earlier(self) -> None:
        """Fetch the page before the window (after `G`), the cursor kept on its row."""
        if self.origin <= 0:
            return
        start = max(0, self.origin - PAGE)
        before = [row for row in self.fetch(start, self.origin - start) if self.key(row) not in self.rows_by_key]
        rows = [*before, *self.rows_by_key.values()]
        cursor = self.cursor_row + len(before)
        self.clear()
        self.rows_by_key.clear()
        self.origin = start
        for row in rows:
            key = self.key(row)
            self.rows_by_key[key] = row
            self.add_row(*self.cells(row), key=key)
        self.move_cursor(row=cursor, animate=False)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """Near either end of what is loaded: fetch the next (or the earlier) page before the reader gets there."""
        margin = max(self.size.height, 10)
        if event.cursor_row >= self.loaded - margin:
            self.more(self.loaded + 1)
        if self.cursor_row < margin and self.origin > 0:  # where it is now: a window just moved posts row 0
            self.earlier()

    def action_scroll_bottom(self) -> None:
        if not self.exhausted and self.count is not None:
            last = max(0, self.count() - PAGE)
            if last > self.origin + self.loaded:  # far beyond the window: only the last page, not every one
                self._window(last)
        self.more(until=1 << 62)  # the rest of the way to the last row, a page at most
        super().action_scroll_bottom()

    def action_scroll_top(self) -> None:
        if self.origin > 0:
            self._window(0)
        super().action_scroll_top()

    def action_page_up(self) -> None:
        if self.cursor_row < 2 * max(self.size.height, 10):
            self.earlier()
        super().action_page_up()

    def action_page_down(self) -> None:
        self.more(self.cursor_row + 2 * max(self.size.height, 10))
        super().action_page_down()

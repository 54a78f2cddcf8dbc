"""The companies more than one article of the library names, fed page by page; enter shows one across them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import DataTable

from fintech_tui.i18n import phrase
from fintech_tui.render.library import shared_cells
from fintech_tui.tui.screens.view import View
from fintech_tui.tui.widgets.keys import bind
from fintech_tui.tui.widgets.paged_table import PagedTable

if TYPE_CHECKING:
    from fintech_tui.library.catalog import Library, SharedEntity

LEAST_ARTICLES = 2  # a company one article names is that article's own: the explorer shows it
KIND_WIDTH = 12
COUNT_WIDTH = 8
FRAME = 10  # border, scrollbar and cell padding


class SharedScreen(View[None]):
    """Shared companies: name in both languages (≈ where a match is inferred), kind, articles."""

    WHERE = "view.shared"
    BINDINGS = [bind("enter", "across", "across", priority=True, key_display="⏎")]

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library

    def body(self) -> ComposeResult:
        yield PagedTable(self._fetch, self._cells, self._key, self._count, id="shared")

    def _count(self) -> int:
        return self.library.shared_count(min_articles=LEAST_ARTICLES)

    def _fetch(self, offset: int, limit: int) -> Sequence[SharedEntity]:
        return self.library.shared_entities(min_articles=LEAST_ARTICLES, offset=offset, limit=limit)

    def _name_width(self) -> int:
        return max(16, self.app.size.width - KIND_WIDTH - COUNT_WIDTH - FRAME)

    def _cells(self, shared: SharedEntity) -> list[Text]:
        return shared_cells(shared, self.lang, self._name_width())

    @staticmethod
    def _key(shared: SharedEntity) -> str:
        return shared.key

    def on_mount(self) -> None:
        self._fill()
        self.query_one(PagedTable).focus()

    def _fill(self, keep: str | None = None) -> None:
        table: PagedTable[SharedEntity] = self.query_one(PagedTable)
        table.clear(columns=True)
        table.rows_by_key.clear()
        widths = {"name": self._name_width(), "kind": KIND_WIDTH, "articles": COUNT_WIDTH}
        for name, width in widths.items():
            table.add_column(Text(phrase(f"column.{name}", self.lang)), key=name, width=width)
        table.reset(keep=keep)
        table.border_title = phrase("shared.title", self.lang, least=LEAST_ARTICLES)

    def redraw(self) -> None:
        current = self.query_one(PagedTable).current()
        self._fill(keep=current.key if current is not None else None)

    @on(DataTable.RowSelected)
    def _row(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_across()

    def action_across(self) -> None:
        from fintech_tui.tui.screens.library_entity import AcrossScreen  # deferred: opened on demand

        shared = self.query_one(PagedTable).current()
        if shared is not None:
            self.app.push_screen(AcrossScreen(self.library, shared))

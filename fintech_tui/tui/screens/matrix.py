"""Companies × strategies: how strongly the article ties each pair."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult

from fintech_tui.i18n import phrase
from fintech_tui.model import Entity, Lang, Strategy
from fintech_tui.queries.analysis import Tie, ties
from fintech_tui.queries.index import PackIndex
from fintech_tui.render.safe import clipped, one_line
from fintech_tui.tui.screens.view import View
from fintech_tui.tui.widgets.keys import bind
from fintech_tui.tui.widgets.vim_table import VimTable

SHADES = ["dim", "cyan", "bold cyan", "bold black on cyan"]
HEADER_WIDTH = 18  # cells of a strategy (or company) heading before it ends with "…"
LABEL_WIDTH = 28  # cells of the fixed first column


class MatrixScreen(View[None]):
    """A table whose cells count the quotes tying a company to a strategy."""

    WHERE = "view.matrix"

    BINDINGS = [
        bind("enter", "open_cell", "quotes", priority=True),
        bind("x", "transpose", "transpose"),
    ]

    def __init__(self, index: PackIndex, lang: Lang) -> None:
        super().__init__()
        self.index = index
        self.lang = lang
        self.ties = ties(index)
        owners = {entity_id for entity_id, _ in self.ties}
        self.entities: list[Entity] = [e for e in index.pack.entities if e.id in owners]
        self.strategies: list[Strategy] = list(index.pack.strategies)
        self.transposed = False

    def body(self) -> ComposeResult:
        yield VimTable(id="matrix", cursor_type="cell", zebra_stripes=True, fixed_columns=1)

    def on_mount(self) -> None:
        self._fill()
        table = self.query_one(VimTable)
        table.focus()
        if len(table.columns) > 1:
            table.move_cursor(column=1)  # on the first cell, not the names

    def _axes(self) -> tuple[Sequence[Entity | Strategy], Sequence[Entity | Strategy]]:
        return (self.strategies, self.entities) if self.transposed else (self.entities, self.strategies)

    def _tie(self, row: int, column: int) -> Tie | None:
        rows, columns = self._axes()
        entity, strategy = (columns[column], rows[row]) if self.transposed else (rows[row], columns[column])
        return self.ties.get((entity.id, strategy.id))  # both are ids: the pair's key

    def _fill(self) -> None:
        table = self.query_one(VimTable)
        table.clear(columns=True)
        rows, columns = self._axes()
        corner = phrase("matrix.corner_transposed" if self.transposed else "matrix.corner", self.lang)
        table.add_column(clipped(corner, LABEL_WIDTH, "bold"), key="label")
        for number, item in enumerate(columns):
            table.add_column(clipped(item.name.pick(self.lang), HEADER_WIDTH, "bold"), key=str(number))
        for row_number, item in enumerate(rows):
            cells: list[Text] = [clipped(item.name.pick(self.lang), LABEL_WIDTH, "bold")]
            for column_number in range(len(columns)):
                tie = self._tie(row_number, column_number)
                strength = tie.strength if tie else 0
                cells.append(Text(str(strength) if strength else "·", style=SHADES[min(strength, 3)], justify="center"))
            table.add_row(*cells, key=str(row_number))
        table.border_title = phrase("matrix.title_transposed" if self.transposed else "matrix.title", self.lang)
        table.border_subtitle = phrase("matrix.subtitle", self.lang)

    def redraw(self) -> None:
        table = self.query_one(VimTable)
        cursor, scroll = table.cursor_coordinate, table.scroll_offset
        self._fill()
        table.move_cursor(row=cursor.row, column=cursor.column, animate=False)
        self.call_after_refresh(table.scroll_to, scroll.x, scroll.y, animate=False)  # once the columns are measured

    def action_transpose(self) -> None:
        self.transposed = not self.transposed
        self._fill()

    def action_open_cell(self) -> None:
        table = self.query_one(VimTable)
        row, column = table.cursor_coordinate
        if column == 0 or not table.row_count:
            return
        tie = self._tie(row, column - 1)
        if tie is None:
            self.notify(phrase("toast.no_tie", self.lang), timeout=2, markup=False)
            return
        from fintech_tui.tui.screens.evidence import EvidenceScreen  # deferred: opened on demand

        def title(lang: Lang) -> Text:
            return Text.assemble(one_line(tie.entity.name.pick(lang)), " × ", one_line(tie.strategy.name.pick(lang)))

        self.app.push_screen(EvidenceScreen(self.index, title, tie.evidence, self.lang))

    @on(VimTable.CellSelected)
    def _selected(self, event: VimTable.CellSelected) -> None:
        event.stop()
        self.action_open_cell()

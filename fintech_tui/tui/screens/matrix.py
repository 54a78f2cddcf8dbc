"""Companies × strategies: how strongly the article ties each pair."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.coordinate import Coordinate
from textual.events import Resize
from textual.widgets import Static

from fintech_tui.i18n import phrase
from fintech_tui.model import Entity, Lang, Strategy
from fintech_tui.queries.analysis import Tie, ties
from fintech_tui.queries.index import PackIndex
from fintech_tui.render.safe import one_line, shortened
from fintech_tui.render.wrap import break_offsets
from fintech_tui.tui.screens.view import View
from fintech_tui.tui.widgets.keys import bind
from fintech_tui.tui.widgets.vim_table import VimTable

SHADES = ["dim", "cyan", "bold cyan", "bold black on cyan"]
#: The cell under the cursor is bracketed as well as coloured: a shade's own background
#: would otherwise hide the cursor's, in either theme.
CURSOR_STYLE = "bold reverse"
LABEL_WIDTH = 28  # the fixed first column's widest
COLUMN_LEAST = 10  # a column's narrowest; below this the table scrolls instead
HEADER_LINES = 2  # a heading wraps onto this many lines before it ends with "…"
CELL_PADDING = 2  # DataTable pads each cell by one on either side


def heading(name: str, width: int, lines: int = HEADER_LINES) -> Text:
    """`name` wrapped at words (anywhere in Chinese) onto at most `lines` lines of `width` cells."""
    flat = one_line(name).plain
    starts = [0, *break_offsets(flat, width), len(flat)]
    shown = [flat[a:b].strip() for a, b in pairwise(starts)]
    if len(shown) > lines:
        shown = [*shown[: lines - 1], shortened(" ".join(shown[lines - 1 :]), width).plain]
    return Text("\n".join(shown), style="bold")


def widths(labels: Sequence[str], names: Sequence[str], room: int) -> tuple[int, int]:
    """The first column's width and every other column's, for a table `room` cells wide:
    the labels' widest (up to LABEL_WIDTH), then an equal share of the rest, no wider than the
    widest name and no narrower than COLUMN_LEAST."""
    label = min(LABEL_WIDTH, max((cell_len(text) for text in labels), default=LABEL_WIDTH))
    if not names:
        return label, COLUMN_LEAST
    share = (room - label - CELL_PADDING) // len(names) - CELL_PADDING
    widest = max(cell_len(name) for name in names)
    return label, max(COLUMN_LEAST, min(widest, share))


def padding(view: int, column: int, count: int) -> int:
    """Cells of a blank last column that make the farthest scroll end at a column's start
    (0 when the columns fit): scrolled all the way, the first column shown is then whole too."""
    over = count * column - view
    if over <= 0:
        return 0
    pad = -over % column
    return pad + column if pad < CELL_PADDING else pad


class MatrixTable(VimTable):
    """The matrix's table: scrolled sideways by whole columns, so the first column shown
    after the names is never cut mid-word with its numbers out of line under it."""

    def watch_scroll_x(self, old_value: float, new_value: float) -> None:
        starts = self.column_starts()
        snapped = (
            next((start for start in starts if start >= new_value), new_value) if new_value not in starts else None
        )
        if snapped is not None and snapped != new_value and snapped <= self.max_scroll_x:
            self.scroll_x = snapped  # the watcher runs again, at a column's start
            return
        super().watch_scroll_x(old_value, new_value)

    def column_starts(self) -> list[float]:
        """Where each scrolling column starts, counted as scroll_x counts (after the fixed ones)."""
        starts, at = [], 0
        for column in list(self.columns.values())[self.fixed_columns :]:
            starts.append(float(at))
            at += column.get_render_width(self)
        return starts


class MatrixScreen(View[None]):
    """A table whose cells count the quotes tying a company to a strategy; under it, the full
    names of the cursor's pair and what a cell's shade means."""

    WHERE = "view.matrix"

    BINDINGS = [
        bind("enter", "open_cell", "quotes", priority=True),
        bind("x", "transpose", "transpose"),
    ]

    def __init__(self, index: PackIndex) -> None:
        super().__init__()
        self.index = index
        self.ties = ties(index)
        owners = {entity_id for entity_id, _ in self.ties}
        self.entities: list[Entity] = [e for e in index.pack.entities if e.id in owners]
        self.strategies: list[Strategy] = list(index.pack.strategies)
        self.transposed = False
        self._cursor_cell: tuple[int, int] | None = None  # the cell drawn bracketed
        self._room = 0

    def body(self) -> ComposeResult:
        yield MatrixTable(id="matrix", cursor_type="cell", zebra_stripes=True, fixed_columns=1, header_height=2)
        yield Static(id="matrix-here")

    def on_mount(self) -> None:
        self._fill()
        table = self.query_one(MatrixTable)
        table.focus()
        if len(table.columns) > 1:
            table.move_cursor(column=1)  # on the first cell, not the names

    def _axes(self) -> tuple[Sequence[Entity | Strategy], Sequence[Entity | Strategy]]:
        return (self.strategies, self.entities) if self.transposed else (self.entities, self.strategies)

    def _tie(self, row: int, column: int) -> Tie | None:
        rows, columns = self._axes()
        entity, strategy = (columns[column], rows[row]) if self.transposed else (rows[row], columns[column])
        return self.ties.get((entity.id, strategy.id))  # both are ids: the pair's key

    def _cell(self, row: int, column: int, *, cursor: bool = False) -> Text:
        tie = self._tie(row, column)
        strength = tie.strength if tie else 0
        shown = str(strength) if strength else "·"
        if cursor:
            return Text(f"▸{shown}◂", style=CURSOR_STYLE, justify="center")
        return Text(shown, style=SHADES[min(strength, 3)], justify="center")

    def _fill(self) -> None:
        table = self.query_one(MatrixTable)
        table.clear(columns=True)
        self._cursor_cell = None
        rows, columns = self._axes()
        labels = [one_line(item.name.pick(self.lang)).plain for item in rows]
        names = [one_line(item.name.pick(self.lang)).plain for item in columns]
        self._room = table.scrollable_content_region.width or self.app.size.width - 2
        label_width, column_width = widths(labels, names, self._room)
        corner = phrase("matrix.corner_transposed" if self.transposed else "matrix.corner", self.lang)
        table.add_column(heading(corner, label_width), key="label", width=label_width)
        for number, name in enumerate(names):
            table.add_column(heading(name, column_width), key=str(number), width=column_width)
        pad = padding(self._room - label_width - CELL_PADDING, column_width + CELL_PADDING, len(names))
        if pad:
            table.add_column("", key="pad", width=pad - CELL_PADDING)
        for row_number, label in enumerate(labels):
            cells = [shortened(label, label_width, "bold")]  # cut after a whole word
            cells += [self._cell(row_number, column) for column in range(len(columns))]
            table.add_row(*cells, *([Text("")] if pad else []), key=str(row_number))
        table.border_title = phrase("matrix.title_transposed" if self.transposed else "matrix.title", self.lang)
        table.border_subtitle = phrase("matrix.subtitle", self.lang)
        self._show_here()

    @on(MatrixTable.CellHighlighted)
    def _highlighted(self, event: MatrixTable.CellHighlighted) -> None:
        if event.coordinate.column > len(self._axes()[1]):  # the blank column that ends the scroll
            self.query_one(MatrixTable).move_cursor(column=len(self._axes()[1]), animate=False)
            return
        self._show_here()

    def _show_here(self) -> None:
        """Bracket the cell under the cursor, and name its pair in full under the table."""
        table = self.query_one(MatrixTable)
        if not table.row_count:
            return
        row, column = table.cursor_coordinate
        if self._cursor_cell is not None and self._cursor_cell != (row, column):
            old_row, old_column = self._cursor_cell
            if old_row < table.row_count and old_column < len(table.columns):
                table.update_cell_at(Coordinate(old_row, old_column), self._cell(old_row, old_column - 1))
            self._cursor_cell = None
        if column > 0 and self._cursor_cell != (row, column):
            table.update_cell_at(Coordinate(row, column), self._cell(row, column - 1, cursor=True))
            self._cursor_cell = (row, column)
        rows, columns = self._axes()
        here = Text()
        if column > 0:
            row_name, column_name = rows[row].name.pick(self.lang), columns[column - 1].name.pick(self.lang)
            here = Text.assemble(one_line(row_name, "bold"), " × ", one_line(column_name, "bold"))
        else:
            here = one_line(rows[row].name.pick(self.lang), "bold")
        self.query_one("#matrix-here", Static).update(Text("\n").join([here, self._legend()]))

    def _legend(self) -> Text:
        """What the shades mean, each drawn in its own shade."""

        def say(key: str) -> str:
            return phrase(f"matrix.legend_{key}", self.lang)

        return Text.assemble(
            (phrase("matrix.legend", self.lang), "dim"),
            " ",
            ("·", SHADES[0]),
            f" {say('none')}  ",
            ("1", SHADES[1]),
            "  ",
            ("2", SHADES[2]),
            "  ",
            ("3", SHADES[3]),
            f" {say('more')}  ",
            ("▸n◂", CURSOR_STYLE),
            f" {say('cursor')}",
        )

    def on_resize(self, event: Resize) -> None:
        table = self.query_one(MatrixTable)
        if (table.scrollable_content_region.width or event.size.width - 2) != self._room:
            self._refill(table.cursor_coordinate.row, table.cursor_coordinate.column)

    def _refill(self, row: int, column: int) -> None:
        table = self.query_one(MatrixTable)
        self._fill()
        table.move_cursor(row=row, column=column, animate=False)
        self._show_here()

    def redraw(self) -> None:
        table = self.query_one(MatrixTable)
        cursor, scroll = table.cursor_coordinate, table.scroll_offset
        self._refill(cursor.row, cursor.column)
        self.call_after_refresh(table.scroll_to, scroll.x, scroll.y, animate=False)  # once the columns are measured

    def action_transpose(self) -> None:
        """Swap rows and columns, the cursor on the same pair (on the names, the same item's column)."""
        table = self.query_one(MatrixTable)
        row, column = table.cursor_coordinate
        self.transposed = not self.transposed
        self._refill(max(column - 1, 0), row + 1)

    def action_open_cell(self) -> None:
        table = self.query_one(MatrixTable)
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

        self.app.push_screen(EvidenceScreen(self.index, title, tie.evidence))

    @on(MatrixTable.CellSelected)
    def _selected(self, event: MatrixTable.CellSelected) -> None:
        event.stop()
        self.action_open_cell()

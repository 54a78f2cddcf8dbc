"""Companies × strategies: how strongly the article ties each pair."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer

from fintech_tui.analysis import Tie, ties
from fintech_tui.index import PackIndex
from fintech_tui.model import Entity, Lang, Strategy
from fintech_tui.render.safe import one_line
from fintech_tui.widgets.title_bar import TitleBar

SHADES = ["dim", "cyan", "bold cyan", "bold black on cyan"]


class MatrixScreen(Screen[None]):
    """A table whose cells count the quotes tying a company to a strategy."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("x", "transpose", "Transpose"),
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

    def compose(self) -> ComposeResult:
        yield TitleBar(self.app.sub_title, "Matrix")
        yield DataTable(id="matrix", cursor_type="cell", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self._fill()
        self.query_one(DataTable).focus()

    def _axes(self) -> tuple[Sequence[Entity | Strategy], Sequence[Entity | Strategy]]:
        return (self.strategies, self.entities) if self.transposed else (self.entities, self.strategies)

    def _tie(self, row: int, column: int) -> Tie | None:
        rows, columns = self._axes()
        entity, strategy = (columns[column], rows[row]) if self.transposed else (rows[row], columns[column])
        return self.ties.get((entity.id, strategy.id))  # both are ids: the pair's key

    def _fill(self) -> None:
        table = self.query_one(DataTable)
        table.clear(columns=True)
        rows, columns = self._axes()
        corner = "Strategy ↓  Company →" if self.transposed else "Company ↓  Strategy →"
        table.add_column(Text(corner, style="bold"), key="label")
        for number, item in enumerate(columns):
            table.add_column(one_line(item.name.pick(self.lang)[:18], "bold"), key=str(number))
        for row_number, item in enumerate(rows):
            cells: list[Text] = [one_line(item.name.pick(self.lang)[:28], "bold")]
            for column_number in range(len(columns)):
                tie = self._tie(row_number, column_number)
                strength = tie.strength if tie else 0
                cells.append(Text(str(strength) if strength else "·", style=SHADES[min(strength, 3)], justify="center"))
            table.add_row(*cells, key=str(row_number))
        table.border_title = "Companies × strategies — quotes tying each pair"
        table.border_subtitle = "enter: the quotes · x: transpose · esc: back"

    def action_transpose(self) -> None:
        self.transposed = not self.transposed
        self._fill()

    def action_open_cell(self) -> None:
        table = self.query_one(DataTable)
        row, column = table.cursor_coordinate
        if column == 0:
            return
        tie = self._tie(row, column - 1)
        if tie is None:
            self.notify("The article does not tie these two.", timeout=2)
            return
        from fintech_tui.screens.evidence import EvidenceScreen

        title = Text.assemble(
            one_line(tie.entity.name.pick(self.lang)), " × ", one_line(tie.strategy.name.pick(self.lang))
        )
        self.app.push_screen(EvidenceScreen(self.index, title, tie.evidence, self.lang))

    @on(DataTable.CellSelected)
    def _selected(self) -> None:
        self.action_open_cell()

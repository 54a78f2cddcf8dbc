"""Every figure in one sortable table, with bars where values share a unit."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer

from fintech_tui.analysis import comparable_groups
from fintech_tui.index import PackIndex
from fintech_tui.model import Figure, Lang
from fintech_tui.render.detail import format_number
from fintech_tui.render.safe import one_line
from fintech_tui.widgets.title_bar import TitleBar

COLUMNS = ("Subject", "Metric", "Value", "As written", "Period", "Source", "Bar")
BAR_WIDTH = 12


def bar(value: float, largest: float) -> Text:
    """A horizontal bar of eighth-blocks, `value` against `largest`."""
    eighths = round(value / largest * BAR_WIDTH * 8)
    full, rest = divmod(eighths, 8)
    return Text("█" * full + ("▏▎▍▌▋▊▉"[rest - 1] if rest else ""), style="cyan")


def clipped(text: str, width: int) -> Text:
    """One line of content, cut to `width` cells with an ellipsis."""
    line = one_line(text)
    line.truncate(width, overflow="ellipsis")
    return line


class FiguresScreen(Screen[None]):
    """Figures sorted by any column (o cycles the column, r reverses, or click a header)."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("o", "sort_next", "Sort by next column"),
        Binding("r", "reverse", "Reverse"),
    ]

    def __init__(self, index: PackIndex, lang: Lang) -> None:
        super().__init__()
        self.index = index
        self.lang = lang
        self.figures: list[Figure] = list(index.pack.figures)
        self.largest = comparable_groups(self.figures)
        self.sort_column = 0
        self.descending = False

    def compose(self) -> ComposeResult:
        yield TitleBar(self.app.sub_title, "Figures")
        yield DataTable(id="figures", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for name in COLUMNS:
            table.add_column(name, key=name)
        for number, figure in enumerate(self.figures):
            table.add_row(*self._cells(figure), key=str(number))
        table.border_title = "Figures — bars compare values that share a unit"
        table.border_subtitle = "enter: evidence · o: sort column · r: reverse · esc: back"
        table.focus()

    def _subject(self, figure: Figure) -> str:
        subject = self.index.entities.get(figure.subject)
        return subject.name.pick(self.lang) if subject else "(the article)"

    def _cells(self, figure: Figure) -> list[Text]:
        unit = figure.unit.split(" (")[0]
        largest = self.largest.get(unit)
        chart = bar(figure.value, largest) if largest and figure.value is not None else Text("")
        number = "" if figure.value is None else format_number(figure.value)
        value = Text("—", style="dim") if not number else Text(f"{number} {unit}".strip())
        if figure.hedge:
            value.append(" ~", style="yellow")
        return [
            clipped(self._subject(figure), 22),
            clipped(figure.metric.pick(self.lang), 24),
            value,
            clipped(figure.as_written, 12),
            clipped(figure.period, 14),
            clipped(figure.source, 12),
            chart,
        ]

    def _sort_key(self, figure: Figure) -> tuple[int, float | str]:
        column = COLUMNS[self.sort_column]
        if column in ("Value", "Bar"):
            return (0, figure.value) if figure.value is not None else (1, 0.0)
        text = {
            "Subject": self._subject(figure),
            "Metric": figure.metric.pick(self.lang),
            "As written": figure.as_written,
            "Period": figure.period,
            "Source": figure.source,
        }[column]
        return (0, text.casefold())

    def _resort(self) -> None:
        table = self.query_one(DataTable)
        keys = {n: self._sort_key(figure) for n, figure in enumerate(self.figures)}
        present = sorted((n for n in keys if keys[n][0] == 0), key=lambda n: keys[n], reverse=self.descending)
        order = present + [n for n in keys if keys[n][0] == 1]  # figures without a value stay last
        table.clear()
        for number in order:
            table.add_row(*self._cells(self.figures[number]), key=str(number))
        arrow = "↓" if self.descending else "↑"
        table.border_title = f"Figures — sorted by {COLUMNS[self.sort_column]} {arrow}"

    def action_sort_next(self) -> None:
        self.sort_column = (self.sort_column + 1) % len(COLUMNS)
        self._resort()

    def action_reverse(self) -> None:
        self.descending = not self.descending
        self._resort()

    @on(DataTable.HeaderSelected)
    def _header(self, event: DataTable.HeaderSelected) -> None:
        self.sort_column = event.column_index
        self._resort()

    @on(DataTable.RowSelected)
    def _row(self, event: DataTable.RowSelected) -> None:
        from fintech_tui.screens.evidence import EvidenceScreen

        figure = self.figures[int(event.row_key.value or 0)]
        title = Text.assemble(one_line(self._subject(figure)), ": ", one_line(figure.metric.pick(self.lang)))
        self.app.push_screen(EvidenceScreen(self.index, title, figure.evidence, self.lang))

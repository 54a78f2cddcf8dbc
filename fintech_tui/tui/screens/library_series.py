"""Figures over time: one company's metric, every article's figure on a row, ordered by period.

Each row shows the period as written (and as a date where the text dates it),
the value, its hedge and source, and the article; where two articles give
different values for one period the rows are marked and the view says so.
Where periods are dates the series is drawn above the table with
textual-plotext, imported here only (see docs/design/library-screens.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.widgets import DataTable, Static

from fintech_tui.i18n import phrase
from fintech_tui.model import Bilingual
from fintech_tui.queries.index import Ref
from fintech_tui.render.library import SERIES_COLUMNS, compact_number, disagreement_lines, series_cells
from fintech_tui.render.safe import clipped
from fintech_tui.tui.screens.library_open import OpenArticle, QuoteOpener
from fintech_tui.tui.screens.view import View
from fintech_tui.tui.widgets.keys import bind
from fintech_tui.tui.widgets.vim_table import VimTable

if TYPE_CHECKING:
    from textual_plotext import PlotextPlot

    from fintech_tui.library.catalog import Disagreement, FigureRow, Library, SharedEntity


def dated(points: tuple[FigureRow, ...]) -> list[FigureRow]:
    """The points the chart can place: a date and a value."""
    return [point for point in points if point.period_date and point.value is not None]


class SeriesScreen(View[None]):
    """A shared company's metric across the library's articles, by period."""

    WHERE = "view.series"
    BINDINGS = [
        bind("enter", "open_quote", "open_quote", priority=True, key_display="⏎"),
        bind("o", "open_article", "open_article"),
        bind("n", "next_metric", "next_metric"),
    ]

    def __init__(self, library: Library, shared: SharedEntity, metrics: tuple[Bilingual, ...], start: int) -> None:
        super().__init__()
        self.library = library
        self.shared = shared
        self.metrics = metrics
        self.metric = start
        self.points: tuple[FigureRow, ...] = ()
        self.disagreements: tuple[Disagreement, ...] = ()
        self.quotes = QuoteOpener(library)

    def body(self) -> ComposeResult:
        from textual_plotext import PlotextPlot  # deferred: the chart widget, this view's alone

        yield PlotextPlot(id="series-chart")
        yield VimTable(id="series", cursor_type="row", zebra_stripes=True)
        yield Static(id="series-notes")

    def on_mount(self) -> None:
        self._load()
        self.query_one(VimTable).focus()

    def _load(self) -> None:
        metric = self.metrics[self.metric]
        self.points, self.disagreements = self.library.figures_over_time(self.shared.key, metric.pick("en"))
        self._fill()

    def _fill(self) -> None:
        table = self.query_one(VimTable)
        row = table.cursor_row
        table.clear(columns=True)
        for name, width in SERIES_COLUMNS.items():
            table.add_column(clipped(phrase(f"column.{name}", self.lang), width), key=name, width=width)
        differing = {(point.article, point.id) for disagreement in self.disagreements for point in disagreement.points}
        titles = {point.article: self.library.article(point.article).title for point in self.points}
        for number, point in enumerate(self.points):
            title = titles[point.article].pick(self.lang)
            differs = (point.article, point.id) in differing
            table.add_row(*series_cells(point, title, differs, self.lang), key=str(number))
        if self.points:
            table.move_cursor(row=min(row, len(self.points) - 1), animate=False)
        name, metric = self.shared.name.pick(self.lang), self.metrics[self.metric].pick(self.lang)
        table.border_title = phrase("series.title", self.lang, name=name, metric=metric, count=len(self.points))
        table.border_subtitle = phrase("key.next_metric.tip", self.lang) if len(self.metrics) > 1 else ""
        self.query_one("#series-notes", Static).update(disagreement_lines(self.disagreements, self.lang))
        self._chart()

    def _chart(self) -> None:
        chart: PlotextPlot = self.query_one("#series-chart")  # type: ignore[assignment]
        points = dated(self.points)
        chart.display = len(points) >= 1
        plt = chart.plt
        plt.clear_data()
        plt.clear_figure()
        chart.border_title = phrase("series.chart", self.lang, metric=self.metrics[self.metric].pick(self.lang))
        if not points:
            chart.border_title = ""
            return
        dates, values = [p.period_date for p in points], [float(p.value or 0) for p in points]
        plt.date_form("Y-m-d")
        plt.plot(dates, values, marker="braille")
        plt.scatter(dates, values, marker="●")
        low, high = min(values), max(values)
        ticks = [low + (high - low) * step / 4 for step in range(5)] if high > low else [low]
        plt.yticks(ticks, [compact_number(tick, self.lang) for tick in ticks])
        chart.refresh()

    def redraw(self) -> None:
        self._fill()

    def action_next_metric(self) -> None:
        self.metric = (self.metric + 1) % len(self.metrics)
        self._load()

    def _current(self) -> FigureRow | None:
        table = self.query_one(VimTable)
        if not table.row_count:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return self.points[int(row_key.value or 0)]

    @on(DataTable.RowSelected)
    def _row(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_quote()

    def action_open_quote(self) -> None:
        """The figure's article, its source view at the figure's quote."""
        point = self._current()
        if point is not None:
            self.quotes.show(self, point.article, Ref("figure", point.id), point.quotes[0] if point.quotes else None)

    def action_open_article(self) -> None:
        """The figure's article in the explorer, at the figure."""
        point = self._current()
        if point is not None:
            self.post_message(OpenArticle(point.article, Ref("figure", point.id)))

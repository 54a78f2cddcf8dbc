"""Every figure in one sortable table, with bars where values share a unit."""

from __future__ import annotations

from rich.cells import cell_len
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.events import Resize

from fintech_tui.i18n import phrase
from fintech_tui.model import Figure, Lang
from fintech_tui.queries.analysis import comparable_groups
from fintech_tui.queries.index import PackIndex
from fintech_tui.render.detail import figure_facts, is_rank, value_words
from fintech_tui.render.numbers import format_amount, split_unit
from fintech_tui.render.safe import clipped, one_line
from fintech_tui.tui.screens.view import View
from fintech_tui.tui.widgets.keys import bind
from fintech_tui.tui.widgets.vim_table import VimTable

#: The columns, by id; their headings are the messages `column.<id>`.
COLUMNS = ("subject", "metric", "value", "as_written", "period", "source", "bar")
BAR_WIDTH = 12
#: When the terminal is narrow these give up width first, each down to its floor, in this order;
#: then Subject, Metric and As written share the cut.
FIRST_TO_GO = (("source", 6), ("period", 6), ("bar", 6), ("value", 16))
SHARED_CUT = ("subject", "metric", "as_written")
LEAST = 6  # a shrunk text column keeps this many cells
VALUE_MAX = 24  # the value column's widest, with room to spare
BAR_MAX = 40  # the bar takes what is left over, up to this
CELL_PADDING = 2  # DataTable pads each cell by one on either side
ROOMY = 100  # from this width on, Period and Source keep room for their short forms


def bar(value: float, largest: float, width: int = BAR_WIDTH) -> Text:
    """A horizontal bar of eighth-blocks, `value` against `largest` (`width` cells at most)."""
    eighths = round(value / largest * (width - 1) * 8)
    full, rest = divmod(eighths, 8)
    return Text("█" * full + ("▏▎▍▌▋▊▉"[rest - 1] if rest else ""), style="cyan")


def short_form(text: str) -> str:
    """A period or source without its gloss: 今年2月 for 今年2月 (February of "this year")."""
    return text.split(" (")[0].split("（")[0].strip() or text


def column_widths(natural: dict[str, int], total: int, floors: dict[str, int] | None = None) -> dict[str, int]:
    """Each column's width for a table `total` cells wide.

    Every column gets its natural (widest cell) width when there is room, and
    the bar grows into what is left. When there is not, Source, Period, the bar
    and Value give way first, each down to its floor, then Subject, Metric and
    As written share the cut in proportion to their widths; no text column
    goes below LEAST cells. `floors` raises a column's floor (Period and Source keep
    room for their short forms, so 今年2月 and 艾瑞咨询 stay whole).
    """
    floors = floors or {}
    widths = dict(natural)
    widths["value"] = min(natural["value"], VALUE_MAX)
    widths["bar"] = BAR_WIDTH
    over = sum(widths.values()) - (total - CELL_PADDING * len(COLUMNS))
    for name, least in FIRST_TO_GO:
        floor = min(widths[name], max(least, floors.get(name, 0)))
        give = max(0, min(over, widths[name] - floor))
        widths[name] -= give
        over -= give
    if over > 0:
        spare = {name: max(0, widths[name] - LEAST) for name in SHARED_CUT}
        pool = sum(spare.values()) or 1
        for name in SHARED_CUT:
            widths[name] -= min(spare[name], -(-over * spare[name] // pool))  # rounded up: never too wide
    elif over < 0:
        widths["bar"] = min(BAR_MAX, BAR_WIDTH - over)
    return widths


class FiguresScreen(View[None]):
    """Figures sorted by any column (o cycles the column, r reverses, or click a header)."""

    WHERE = "view.figures"

    BINDINGS = [
        bind("enter", "open_row", "evidence", priority=True),
        bind("o", "sort_next", "sort"),
        bind("r", "reverse", "reverse"),
    ]

    def __init__(self, index: PackIndex) -> None:
        super().__init__()
        self.index = index
        self.figures: list[Figure] = list(index.pack.figures)
        self.largest = comparable_groups(self.figures)
        self.sort_column = 0
        self.descending = False
        self.sorted = False
        self._widths: dict[str, int] = {}
        self._short: dict[str, int] = {}  # Period's and Source's widest short forms
        self._natural = self._natural_widths()

    def body(self) -> ComposeResult:
        yield VimTable(id="figures", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        table = self.query_one(VimTable)
        self._titles()
        self._fill()
        table.focus()

    def _titles(self) -> None:
        table = self.query_one(VimTable)
        if self.sorted:
            arrow = "↓" if self.descending else "↑"
            column = self._heading(COLUMNS[self.sort_column])
            table.border_title = phrase("figures.sorted", self.lang, column=column, arrow=arrow)
        else:
            table.border_title = phrase("figures.title", self.lang)
        table.border_subtitle = phrase("figures.subtitle", self.lang)

    def redraw(self) -> None:
        """The same order (by the same column, now compared in the new language) and figure."""
        table = self.query_one(VimTable)
        scroll = table.scroll_offset
        self._natural = self._natural_widths()
        self._widths = {}  # the headings change: the columns are built again
        self._titles()
        self._fill()
        self.call_after_refresh(table.scroll_to, scroll.x, scroll.y, animate=False)  # once the rows are measured

    def on_resize(self, event: Resize) -> None:
        self._fill()

    def _texts(self, figure: Figure) -> dict[str, str]:
        return {
            "subject": self._subject(figure),
            "metric": figure.metric.pick(self.lang),
            "as_written": figure.as_written,
            "period": figure.period,
            "source": figure.source,
        }

    def _natural_widths(self) -> dict[str, int]:
        """The widest cell of each column (its heading included)."""
        widest = {name: cell_len(self._heading(name)) for name in COLUMNS}
        self._short = {name: cell_len(self._heading(name)) for name in ("period", "source")}
        for figure in self.figures:
            for name, text in self._texts(figure).items():
                widest[name] = max(widest[name], cell_len(one_line(text).plain))
            widest["value"] = max(widest["value"], cell_len(self._value(figure).plain))
            for name in self._short:
                self._short[name] = max(
                    self._short[name], cell_len(one_line(short_form(self._texts(figure)[name])).plain)
                )
        return widest

    def _heading(self, column: str) -> str:
        return phrase(f"column.{column}", self.lang)

    def _value(self, figure: Figure) -> Text:
        """The value as the article words it: 50,000,000 users, 2nd, 5000万用户, or 数亿用户 where it gives no number.
        English leaves the unit's qualifier to the detail; Chinese writes it in two characters (超过)."""
        if figure.value is None or (is_rank(figure) and self.lang == "en"):
            words = value_words(figure, self.lang)
            value = one_line(words.plain, words.style)  # the article's words may hold a line break
        else:
            unit = figure.unit if self.lang == "zh" else split_unit(figure.unit)[0]
            value = one_line(format_amount(figure.value, unit, self.lang))
        if figure.hedge:
            value.append(" ~", style="yellow")
        return value

    def _subject(self, figure: Figure, lang: Lang | None = None) -> str:
        """Whose figure it is, in `lang` (the view's language unless given)."""
        lang = lang or self.lang
        subject = self.index.entities.get(figure.subject)
        return subject.name.pick(lang) if subject else phrase("figures.no_subject", lang)

    def _cells(self, figure: Figure) -> list[Text]:
        widths = self._widths
        largest = self.largest.get(figure.unit.split(" (")[0])
        chart = bar(figure.value, largest, widths["bar"]) if largest and figure.value is not None else Text("")
        value = self._value(figure)
        value.truncate(widths["value"], overflow="ellipsis")
        texts = self._texts(figure)
        return [
            clipped(texts["subject"], widths["subject"]),
            clipped(texts["metric"], widths["metric"]),
            value,
            clipped(texts["as_written"], widths["as_written"]),
            self._fitted(texts["period"], widths["period"]),
            self._fitted(texts["source"], widths["source"]),
            chart,
        ]

    @staticmethod
    def _fitted(text: str, width: int) -> Text:
        """The whole text if it fits, else its short form (the Enter view has the whole)."""
        return clipped(text if cell_len(one_line(text).plain) <= width else short_form(text), width)

    def _order(self) -> list[int]:
        if not self.sorted:
            return list(range(len(self.figures)))
        keys = {n: self._sort_key(figure) for n, figure in enumerate(self.figures)}
        present = sorted((n for n in keys if keys[n][0] == 0), key=lambda n: keys[n], reverse=self.descending)
        return present + [n for n in keys if keys[n][0] == 1]  # figures without a value stay last

    def _fill(self) -> None:
        """(Re)build the table for the current width and order, keeping the cursor's figure."""
        table = self.query_one(VimTable)
        width = table.scrollable_content_region.width or self.app.size.width - 2
        floors = self._short if width >= ROOMY else None  # narrower, Subject and Metric need the room more
        widths = column_widths(self._natural, width, floors)
        current = self._current_figure()
        rebuild_columns = widths != self._widths or not table.columns
        self._widths = widths
        table.clear(columns=rebuild_columns)
        if rebuild_columns:
            for name in COLUMNS:
                table.add_column(clipped(self._heading(name), widths[name]), key=name, width=widths[name])
        for number in self._order():
            table.add_row(*self._cells(self.figures[number]), key=str(number))
        if current is not None:
            table.move_cursor(row=table.get_row_index(str(current)), animate=False)

    def _current_figure(self) -> int | None:
        table = self.query_one(VimTable)
        if not table.row_count:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return int(row_key.value or 0)

    def _sort_key(self, figure: Figure) -> tuple[int, float | str]:
        column = COLUMNS[self.sort_column]
        if column in ("value", "bar"):
            return (0, figure.value) if figure.value is not None else (1, 0.0)
        return (0, self._texts(figure)[column].casefold())

    def _resort(self) -> None:
        self.sorted = True
        self._fill()
        self._titles()

    def action_sort_next(self) -> None:
        self.sort_column = (self.sort_column + 1) % len(COLUMNS)
        self._resort()

    def action_reverse(self) -> None:
        self.descending = not self.descending
        self._resort()

    @on(VimTable.HeaderSelected)
    def _header(self, event: VimTable.HeaderSelected) -> None:
        event.stop()
        self.sort_column = event.column_index
        self._resort()

    def action_open_row(self) -> None:
        from fintech_tui.tui.screens.evidence import EvidenceScreen  # deferred: opened on demand

        number = self._current_figure()
        if number is None:
            return
        figure = self.figures[number]

        def title(lang: Lang) -> Text:
            return Text.assemble(one_line(self._subject(figure, lang)), ": ", one_line(figure.metric.pick(lang)))

        def about(lang: Lang) -> Table:
            return figure_facts(figure, self.index, lang)

        self.app.push_screen(EvidenceScreen(self.index, title, tuple(figure.evidence), about))

    @on(VimTable.RowSelected)
    def _row(self, event: VimTable.RowSelected) -> None:
        event.stop()
        self.action_open_row()

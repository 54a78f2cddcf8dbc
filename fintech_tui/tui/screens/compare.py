"""Two or more companies side by side across the same rows."""

from __future__ import annotations

from collections.abc import Callable

from rich import box
from rich.cells import cell_len
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.events import Resize
from textual.widgets import Static

from fintech_tui.i18n import phrase, value_phrase
from fintech_tui.model import Bilingual, Entity, Lang
from fintech_tui.queries.index import PackIndex, ref_of
from fintech_tui.render.detail import format_value
from fintech_tui.render.labels import item_label, pair
from fintech_tui.render.safe import one_line, plain, shortened
from fintech_tui.render.wrap import breakable
from fintech_tui.tui.screens.view import View
from fintech_tui.tui.widgets.vim import VimScroll

#: The rows, by id; their labels are the messages `compare.<id>`.
ROWS = ("kind", "part_of", "products", "strategies", "figures", "arguments", "quotes", "names")
LABEL_WIDTH = 10  # the row labels wrap onto two lines rather than widen their column
#: Narrower than this, a column breaks words ("mutual-ai" / "d") and Chinese names ("支" / "付宝");
#: when the columns do not fit at this width the view scrolls sideways (h, l) instead.
COLUMN_MIN_WIDTH = 16
SHOWN_ARGUMENTS = 6  # arguments listed per company before "…+N"
CELL_PADDING = 2  # one cell either side of every column
EDGES = 2  # the table's box: a blank edge either side
SEPARATOR = 1  # the blank between two columns
BORDER_LABEL_FRAME = 6  # a border's corners and the rule and spaces around its subtitle


VIEW_FRAME = 5  # cells of a screen's width the view's border, padding and scrollbar take


def table_room(screen_width: int) -> int:
    """The cells the table has across on a screen `screen_width` wide."""
    return screen_width - VIEW_FRAME


def column_width(room: int, count: int) -> int:
    """Each company column's width when the table has `room` cells across."""
    share = (room - EDGES - LABEL_WIDTH - CELL_PADDING) // max(count, 1) - CELL_PADDING - SEPARATOR
    return max(COLUMN_MIN_WIDTH, share)


def columns_that_fit(room: int) -> int:
    """How many company columns fit side by side in `room` cells without scrolling."""
    return (room - EDGES - LABEL_WIDTH - CELL_PADDING) // (COLUMN_MIN_WIDTH + CELL_PADDING + SEPARATOR)


def name_cell(name: Bilingual, lang: Lang, width: int) -> Text:
    """A name and its other-language form on one line, or the other form on a line of its
    own when the two do not fit together: a Chinese name is never broken in two."""
    label = pair(name, lang)
    if cell_len(label.plain) <= width:
        return label
    first, other = name.pick(lang), name.other(lang)
    stacked = one_line(first, "bold")
    if other and other != first:
        stacked.append("\n")
        stacked.append_text(one_line(other, "dim"))
    return stacked


def compare_table(index: PackIndex, entities: list[Entity], lang: Lang, room: int = 200) -> Table:
    """A Rich table: one column per entity, one row per aspect, for a view `room` cells wide."""
    width = column_width(room, len(entities))
    table = Table(box=box.SIMPLE_HEAD, show_lines=True, header_style="bold", padding=(0, 1))
    table.add_column("", style="bold", width=LABEL_WIDTH)
    for entity in entities:
        header = name_cell(entity.name, lang, width)
        header.no_wrap = False  # a long name takes two lines rather than ending in "…"
        table.add_column(header, width=width)

    def listing(refs: list[Text]) -> Text:
        return Text("\n").join(refs) if refs else Text("—", style="dim")

    for row in ROWS:
        cells: list[Text] = []
        for entity in entities:
            if row == "kind":
                cells.append(plain(value_phrase("entity_kind", entity.kind, lang)))
            elif row == "part_of":
                parent = index.entities.get(entity.parent)
                cells.append(name_cell(parent.name, lang, width) if parent else Text("—", style="dim"))
            elif row == "products":
                children = index.children_of.get(entity.id, [])
                cells.append(listing([name_cell(c.name, lang, width) for c in children]))
            elif row == "strategies":
                cells.append(
                    listing([item_label(index, ref_of(s), lang) for s in index.strategies_of.get(entity.id, [])])
                )
            elif row == "figures":
                figures = index.figures_of.get(entity.id, [])
                cells.append(
                    listing(
                        [Text.assemble(one_line(f.metric.pick(lang)), ": ", format_value(f, lang)) for f in figures]
                    )
                )
            elif row == "arguments":
                arguments = index.arguments_about.get(entity.id, [])
                shown = [item_label(index, ref_of(a), lang) for a in arguments[:SHOWN_ARGUMENTS]]
                if len(arguments) > SHOWN_ARGUMENTS:  # say how many more rather than stop short
                    shown.append(Text(f"…+{len(arguments) - SHOWN_ARGUMENTS}", style="dim"))
                cells.append(listing(shown))
            elif row == "quotes":
                cells.append(Text(str(len(entity.evidence))))
            else:
                cells.append(listing([one_line(a.text) for a in entity.aliases]))
        for cell in cells:  # labels are one-liners in lists; here they may wrap
            cell.no_wrap = False
            cell.overflow = "fold"
        table.add_row(phrase(f"compare.{row}", lang), *cells)
    return table


class CompareScreen(View[None]):
    """Companies side by side; `why` says how they were chosen."""

    WHERE = "view.compare"

    def __init__(self, index: PackIndex, entities: list[Entity], why: Callable[[Lang], Text] | None = None) -> None:
        super().__init__()
        self.index = index
        self.entities = entities
        self.why = why

    def body(self) -> ComposeResult:
        scroll = VimScroll(id="compare")
        self._titles(scroll)
        with scroll:
            yield Static(id="compare-table")

    def on_mount(self) -> None:
        self.query_one(VimScroll).focus()

    def on_resize(self, event: Resize) -> None:
        self._titles(self.query_one(VimScroll))
        self._draw()

    def _titles(self, scroll: VimScroll) -> None:
        scroll.border_title = phrase("compare.title", self.lang)
        if self.why is not None:  # why these companies, cut after a whole word to the border's length
            room = (scroll.size.width or self.app.size.width) - BORDER_LABEL_FRAME
            scroll.border_subtitle = shortened(self.why(self.lang).plain, room)

    def redraw(self) -> None:
        self._titles(self.query_one(VimScroll))
        self._draw()  # the scroll position stays: the table is drawn again in the same container

    def _draw(self) -> None:
        """Columns share the width; below their minimum the table is wider and scrolls sideways."""
        scroll = self.query_one(VimScroll)
        inside = scroll.content_region.width  # 0 before the first layout
        room = inside - 1 if inside else table_room(self.app.size.width)  # - 1: the vertical scrollbar
        table = compare_table(self.index, self.entities, self.lang, room)
        self.query_one("#compare-table", Static).update(breakable(table))

"""Two or more companies side by side across the same rows."""

from __future__ import annotations

from rich import box
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from fintech_tui.index import PackIndex, ref_of
from fintech_tui.messages import say, say_value
from fintech_tui.model import Entity, Lang
from fintech_tui.render.detail import format_value
from fintech_tui.render.labels import item_label, pair
from fintech_tui.render.safe import one_line, plain
from fintech_tui.render.wrap import breakable
from fintech_tui.screens.view import View
from fintech_tui.widgets.vim import VimScroll

#: The rows, by id; their labels are the messages `compare.<id>`.
ROWS = ("kind", "part_of", "products", "strategies", "figures", "arguments", "quotes", "names")
LABEL_WIDTH = 10  # the row labels wrap onto two lines rather than widen their column
COLUMN_MIN_WIDTH = 12  # below this a column would break ordinary words


def compare_table(index: PackIndex, entities: list[Entity], lang: Lang) -> Table:
    """A Rich table: one column per entity, one row per aspect."""
    table = Table(box=box.SIMPLE_HEAD, show_lines=True, expand=True, header_style="bold", padding=(0, 1))
    table.add_column("", style="bold", max_width=LABEL_WIDTH)
    for entity in entities:
        header = pair(entity.name, lang)
        header.no_wrap = False  # a long name takes two lines rather than ending in "…"
        table.add_column(header, ratio=1, min_width=COLUMN_MIN_WIDTH)

    def listing(refs: list[Text]) -> Text:
        return Text("\n").join(refs) if refs else Text("—", style="dim")

    for row in ROWS:
        cells: list[Text] = []
        for entity in entities:
            if row == "kind":
                cells.append(plain(say_value("entity_kind", entity.kind, lang)))
            elif row == "part_of":
                parent = index.entities.get(entity.parent)
                cells.append(pair(parent.name, lang) if parent else Text("—", style="dim"))
            elif row == "products":
                cells.append(listing([pair(c.name, lang) for c in index.children_of.get(entity.id, [])]))
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
                cells.append(listing([item_label(index, ref_of(a), lang) for a in arguments[:6]]))
            elif row == "quotes":
                cells.append(Text(str(len(entity.evidence))))
            else:
                cells.append(listing([one_line(a.text) for a in entity.aliases]))
        for cell in cells:  # labels are one-liners in lists; here they may wrap
            cell.no_wrap = False
            cell.overflow = "fold"
        table.add_row(say(f"compare.{row}", lang), *cells)
    return table


class CompareScreen(View[None]):
    """Companies side by side; `why` says how they were chosen."""

    WHERE = "view.compare"

    def __init__(self, index: PackIndex, entities: list[Entity], lang: Lang, why: Text | None = None) -> None:
        super().__init__()
        self.index = index
        self.entities = entities
        self.lang = lang
        self.why = why

    def body(self) -> ComposeResult:
        scroll = VimScroll(id="compare")
        scroll.border_title = say("compare.title", self.lang)
        if self.why is not None:
            scroll.border_subtitle = self.why
        with scroll:
            yield Static(breakable(compare_table(self.index, self.entities, self.lang)))

    def on_mount(self) -> None:
        self.query_one(VimScroll).focus()

"""Two or more companies side by side across the same rows."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from fintech_tui.index import PackIndex, ref_of
from fintech_tui.model import Entity, Lang
from fintech_tui.render.detail import format_value
from fintech_tui.render.labels import item_label, pair
from fintech_tui.render.safe import one_line
from fintech_tui.widgets.title_bar import TitleBar

ROWS = ("Kind", "Part of", "Products", "Strategies", "Figures", "Arguments", "Quotes", "Names in the text")


def compare_table(index: PackIndex, entities: list[Entity], lang: Lang) -> Table:
    """A Rich table: one column per entity, one row per aspect."""
    table = Table(show_lines=True, expand=True, header_style="bold")
    table.add_column("", style="bold", no_wrap=True)
    for entity in entities:
        table.add_column(pair(entity.name, lang), overflow="fold", ratio=1)

    def listing(refs: list[Text]) -> Text:
        return Text("\n").join(refs) if refs else Text("—", style="dim")

    for row in ROWS:
        cells: list[Text] = []
        for entity in entities:
            if row == "Kind":
                cells.append(Text(entity.kind))
            elif row == "Part of":
                parent = index.entities.get(entity.parent)
                cells.append(pair(parent.name, lang) if parent else Text("—", style="dim"))
            elif row == "Products":
                cells.append(listing([pair(c.name, lang) for c in index.children_of.get(entity.id, [])]))
            elif row == "Strategies":
                cells.append(
                    listing([item_label(index, ref_of(s), lang) for s in index.strategies_of.get(entity.id, [])])
                )
            elif row == "Figures":
                figures = index.figures_of.get(entity.id, [])
                cells.append(
                    listing([Text.assemble(one_line(f.metric.pick(lang)), ": ", format_value(f)) for f in figures])
                )
            elif row == "Arguments":
                arguments = index.arguments_about.get(entity.id, [])
                cells.append(listing([item_label(index, ref_of(a), lang) for a in arguments[:6]]))
            elif row == "Quotes":
                cells.append(Text(str(len(entity.evidence))))
            else:
                cells.append(listing([one_line(a.text) for a in entity.aliases]))
        table.add_row(row, *cells)
    return table


class CompareScreen(Screen[None]):
    """Companies side by side; esc goes back."""

    BINDINGS = [Binding("escape", "app.pop_screen", "Back"), Binding("j", "scroll_down", show=False)]

    def __init__(self, index: PackIndex, entities: list[Entity], lang: Lang) -> None:
        super().__init__()
        self.index = index
        self.entities = entities
        self.lang = lang

    def compose(self) -> ComposeResult:
        yield TitleBar(self.app.sub_title, "Compare")
        with VerticalScroll(id="compare") as scroll:
            scroll.border_title = "Compare — x marks companies in the Companies pane, c compares them"
            yield Static(compare_table(self.index, self.entities, self.lang))
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#compare").focus()

"""The source view: the article with ¶ numbers, a cited quote highlighted and
garbled names marked with their reading."""

from __future__ import annotations

from rich.table import Table
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, OptionList
from textual.widgets.option_list import Option

from fintech_tui.index import PackIndex, Ref
from fintech_tui.model import Lang
from fintech_tui.render.source import marked_paragraph
from fintech_tui.widgets.keys import VIM_LIST_KEYS
from fintech_tui.widgets.title_bar import TitleBar


class SourceList(OptionList):
    """One option per paragraph; enter opens what cites it."""

    BINDINGS = [*VIM_LIST_KEYS]


class SourceScreen(Screen[Ref | None]):
    """The whole article, scrolled to one paragraph."""

    BINDINGS = [
        Binding("escape,backspace", "close", "Back", key_display="esc"),
        Binding("enter", "open_paragraph", "Cited by", show=True),
    ]

    def __init__(self, index: PackIndex, target: Ref | None, quote: str, lang: Lang) -> None:
        super().__init__()
        self.index = index
        self.target = target
        self.quote = quote
        self.lang = lang

    def compose(self) -> ComposeResult:
        target = self.index.paragraphs.get(self.target.id) if self.target else None
        options = []
        for paragraph in self.index.pack.paragraphs:
            quote = self.quote if paragraph is target else ""
            body = marked_paragraph(self.index, paragraph, quote=quote)
            prompt = Table.grid(padding=(0, 1))
            prompt.add_column(width=5, style="bold cyan", no_wrap=True)
            prompt.add_column(ratio=1, overflow="fold")
            prompt.add_row(f"¶{paragraph.number}", body)
            options.append(Option(prompt, id=paragraph.id))
        source = SourceList(*options, id="source")
        source.border_title = "Source — garbled names underlined, ⟨canonical name⟩ after them"
        if target is not None:
            source.border_subtitle = f"¶{target.number}" + (" · quote highlighted" if self.quote else "")
        self._start = target.number - 1 if target is not None else 0
        yield TitleBar(self.app.sub_title, "Source")
        yield source
        yield Footer()

    def on_mount(self) -> None:
        source = self.query_one(SourceList)
        source.highlighted = self._start
        source.focus()
        self.call_after_refresh(source.scroll_to_highlight, top=True)  # once lines are measured

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(Ref("paragraph", event.option.id or ""))

    def action_open_paragraph(self) -> None:
        source = self.query_one(SourceList)
        if source.highlighted is not None:
            self.dismiss(Ref("paragraph", self.index.pack.paragraphs[source.highlighted].id))

    def action_close(self) -> None:
        self.dismiss(None)

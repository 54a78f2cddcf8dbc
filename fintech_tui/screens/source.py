"""The source view: the article with ¶ numbers, a cited quote highlighted and
garbled names marked with their reading."""

from __future__ import annotations

from rich.table import Table
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from fintech_tui.index import PackIndex, Ref
from fintech_tui.render.source import marked_paragraph
from fintech_tui.render.wrap import breakable
from fintech_tui.screens.view import View
from fintech_tui.widgets.vim import VimList


class SourceList(VimList):
    """One option per paragraph; enter opens what cites it."""

    HELP_TITLE = "Paragraphs"


class SourceScreen(View[Ref | None]):
    """The whole article, scrolled to one paragraph."""

    WHERE = "Source"
    TITLE = "Source — garbled names underlined, ⟨canonical name⟩ after them"
    AT = "¶{number}"
    QUOTE_SHOWN = " · quote highlighted"

    BINDINGS = [
        Binding("enter", "open_paragraph", "Cited by", tooltip="Open the paragraph and what cites it", priority=True),
    ]

    def __init__(self, index: PackIndex, target: Ref | None, quote: str, lang: str) -> None:
        super().__init__()
        self.index = index
        self.target = target
        self.quote = quote
        self.lang = lang
        self._start = 0

    def body(self) -> ComposeResult:
        target = self.index.paragraphs.get(self.target.id) if self.target else None
        options = []
        for paragraph in self.index.pack.paragraphs:
            quote = self.quote if paragraph is target else ""
            text = marked_paragraph(self.index, paragraph, quote=quote)
            prompt = Table.grid(padding=(0, 1))
            prompt.add_column(width=5, style="bold cyan", no_wrap=True)
            prompt.add_column(ratio=1, overflow="fold")
            prompt.add_row(f"¶{paragraph.number}", text)
            options.append(Option(breakable(prompt), id=paragraph.id))
        source = SourceList(*options, id="source")
        source.border_title = self.TITLE
        if target is not None:
            source.border_subtitle = self.AT.format(number=target.number) + (self.QUOTE_SHOWN if self.quote else "")
        self._start = target.number - 1 if target is not None else 0
        yield source

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

"""A list of evidence quotes, in article order; enter opens the source view there."""

from __future__ import annotations

from collections.abc import Callable

from rich.console import RenderableType
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from fintech_tui.i18n import phrase
from fintech_tui.model import Evidence, Lang
from fintech_tui.queries.index import PackIndex, Ref
from fintech_tui.render.safe import plain
from fintech_tui.render.wrap import breakable
from fintech_tui.tui.screens.view import View
from fintech_tui.tui.widgets.placed_list import PlacedList


class EvidenceScreen(View[None]):
    """The quotes behind a matrix cell or a figure, sorted by paragraph."""

    WHERE = "view.evidence"

    def __init__(
        self,
        index: PackIndex,
        title: Text | Callable[[Lang], Text],
        evidence: tuple[Evidence, ...],
        about: Callable[[Lang], RenderableType] | None = None,
    ) -> None:
        """`about`, given, draws what the quotes are behind (a figure's whole row) above them."""
        super().__init__()
        self.index = index
        self.about = about
        self.heading = title  # what the quotes are behind; given as a function of the language, it follows `t`
        self.evidence = sorted(evidence, key=lambda ev: index.paragraphs[ev.para].number)

    def body(self) -> ComposeResult:
        options = []
        for number, ev in enumerate(self.evidence):
            paragraph = self.index.paragraphs[ev.para]
            prompt = Text.assemble((f"¶{paragraph.number:<4}", "bold cyan"), "“", plain(ev.quote, "italic"), "”")
            options.append(Option(breakable(prompt), id=str(number)))
        quotes = PlacedList(*options, id="evidence-list")
        self._titles(quotes)
        if self.about is not None:
            yield Static(self.about(self.lang), id="evidence-about")
        yield quotes

    def _titles(self, quotes: PlacedList) -> None:
        quotes.border_title = self.heading if isinstance(self.heading, Text) else self.heading(self.lang)
        quotes.border_subtitle = phrase("evidence.subtitle", self.lang)

    def redraw(self) -> None:
        self._titles(self.query_one(PlacedList))  # the quotes are the article's: the same in both languages
        if self.about is not None:
            self.query_one("#evidence-about", Static).update(self.about(self.lang))

    def on_mount(self) -> None:
        self.query_one(PlacedList).focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        from fintech_tui.tui.screens.source import SourceScreen  # deferred: opened on demand

        event.stop()
        ev = self.evidence[int(event.option.id or 0)]
        self.app.push_screen(SourceScreen(self.index, Ref("paragraph", ev.para), ev.quote, self.evidence))

"""A list of evidence quotes; enter opens the source view at the chosen quote."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from fintech_tui.index import PackIndex, Ref
from fintech_tui.model import Evidence, Lang
from fintech_tui.render.safe import plain


class EvidenceScreen(ModalScreen[None]):
    """The quotes behind a matrix cell or a figure."""

    BINDINGS = [Binding("escape", "dismiss", "Close")]

    def __init__(self, index: PackIndex, title: Text, evidence: tuple[Evidence, ...], lang: Lang) -> None:
        super().__init__()
        self.index = index
        self.heading = title
        self.evidence = evidence
        self.lang = lang

    def compose(self) -> ComposeResult:
        options = []
        for number, ev in enumerate(self.evidence):
            paragraph = self.index.paragraphs[ev.para]
            prompt = Text.assemble((f"¶{paragraph.number:<4}", "bold cyan"), "“", plain(ev.quote, "italic"), "”")
            options.append(Option(prompt, id=str(number)))
        quotes = OptionList(*options, id="evidence-list")
        quotes.border_title = self.heading
        quotes.border_subtitle = "enter: show in the source · esc: close"
        yield quotes

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        from fintech_tui.screens.source import SourceScreen

        ev = self.evidence[int(event.option.id or 0)]
        self.app.push_screen(SourceScreen(self.index, Ref("paragraph", ev.para), ev.quote, self.lang))

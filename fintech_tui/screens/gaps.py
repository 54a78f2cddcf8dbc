"""The gap report as a screen: each finding can be opened."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, OptionList
from textual.widgets.option_list import Option

from fintech_tui.gaps import Gap, gap_report
from fintech_tui.index import PackIndex, Ref
from fintech_tui.render.safe import one_line
from fintech_tui.widgets.title_bar import TitleBar


class GapsScreen(Screen[Ref | None]):
    """Findings grouped by kind; enter opens the item a finding concerns."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Back")]

    def __init__(self, index: PackIndex) -> None:
        super().__init__()
        self.index = index
        self.report = gap_report(index)
        self.gaps: list[Gap] = []

    def compose(self) -> ComposeResult:
        options: list[Option] = []
        for group, gaps in self.report.groups.items():
            options.append(Option(Text(f"{group} ({len(gaps)})", style="bold underline"), disabled=True))
            for gap in gaps:
                where = f"  ¶{', ¶'.join(map(str, gap.paragraphs))}" if gap.paragraphs else ""
                label = Text.assemble("  ", one_line(gap.message), (where, "cyan"))
                options.append(Option(label, id=str(len(self.gaps)), disabled=gap.ref is None))
                self.gaps.append(gap)
        report = OptionList(*options, id="gaps")
        report.border_title = f"Gap report — {self.report.count} findings"
        report.border_subtitle = "enter: open the item · esc: back"
        yield TitleBar(self.app.sub_title, "Gaps")
        yield report
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.gaps[int(event.option.id or 0)].ref)

"""The gap report as a screen: each finding can be opened."""

from __future__ import annotations

from contextlib import suppress

from rich.padding import Padding
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from fintech_tui.i18n import join_list, phrase, value_phrase
from fintech_tui.queries.index import PackIndex, Ref
from fintech_tui.render.gaps import Finding, Gap, gap_report
from fintech_tui.render.safe import one_line
from fintech_tui.tui.screens.view import View
from fintech_tui.tui.widgets.keys import bind
from fintech_tui.tui.widgets.placed_list import PlacedList


class FindingList(PlacedList):
    """The findings; enter is worded as what it does (Textual words it "Select")."""

    BINDINGS = [bind("enter", "select", "open_finding", show=False)]


class GapsScreen(View[Ref | None]):
    """Findings grouped by kind; enter opens the item a finding concerns.

    It dismisses with the item's Ref; the explorer opens it and, on back,
    brings the report again with `start` on the same finding. A finding of
    paragraphs alone (a name nothing resolves) opens the source view over the
    report at its first paragraph, its words highlighted: esc comes back here.
    """

    WHERE = "view.gaps"

    def __init__(self, index: PackIndex, start: int = 0) -> None:
        super().__init__()
        self.index = index
        self.report = gap_report(index, self.lang)
        self.gaps: list[Gap] = []
        self.start = start
        self.chosen = start  # the finding last opened, for coming back to it

    def body(self) -> ComposeResult:
        report = FindingList(*self._options(), id="gaps")
        self._titles(report)
        yield report

    def _options(self) -> list[Option]:
        """A heading per kind of finding, then its findings; `self.gaps` in the same order."""
        options: list[Option] = []
        self.gaps = []
        for group, gaps in self.report.groups.items():
            heading = value_phrase("gap", group.name, self.lang) if isinstance(group, Finding) else group
            title = phrase("gaps.heading", self.lang, heading=heading, count=len(gaps))
            options.append(Option(Text(title, style="bold underline"), disabled=True))
            for gap in gaps:
                where = f"  {join_list((f'¶{n}' for n in gap.paragraphs), self.lang)}" if gap.paragraphs else ""
                label = Text.assemble(one_line(gap.message), (where, "cyan"))
                openable = gap.ref is not None or bool(gap.paragraphs)
                options.append(Option(Padding(label, (0, 0, 0, 2)), id=str(len(self.gaps)), disabled=not openable))
                self.gaps.append(gap)
        return options

    def _titles(self, report: PlacedList) -> None:
        report.border_title = phrase("gaps.title", self.lang, count=self.report.count)
        report.border_subtitle = phrase("gaps.subtitle", self.lang)

    def on_mount(self) -> None:
        report = self.query_one(PlacedList)
        report.focus()
        if self.start:
            with suppress(LookupError):  # the report has fewer findings than before
                report.highlighted = report.get_option_index(str(self.start))

    def redraw(self) -> None:
        """The report in the new language: the same findings in the same order, the cursor on the same one."""
        report = self.query_one(PlacedList)
        highlighted, scroll_y = report.highlighted, report.scroll_y
        self.report = gap_report(self.index, self.lang)
        report.set_options(self._options())
        self._titles(report)
        if highlighted is not None and highlighted < report.option_count:
            report.highlighted = highlighted
        report.scroll_to(y=scroll_y, animate=False, immediate=True)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.chosen = int(event.option.id or 0)
        gap = self.gaps[self.chosen]
        if gap.ref is not None:
            self.dismiss(gap.ref)
            return
        from fintech_tui.tui.screens.source import SourceScreen  # deferred: a paragraph finding only

        paragraphs = {paragraph.number: paragraph.id for paragraph in self.index.pack.paragraphs}
        first = Ref("paragraph", paragraphs[gap.paragraphs[0]])
        self.app.push_screen(SourceScreen(self.index, first, gap.quote), self._from_source)

    def _from_source(self, ref: Ref | None) -> None:
        """What the reader opened from the source view opens in the explorer, as from a finding."""
        if ref is not None:
            self.dismiss(ref)

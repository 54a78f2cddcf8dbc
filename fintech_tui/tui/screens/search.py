"""Search as you type: names in either language, any garbled alias, claim words."""

from __future__ import annotations

from textual import on
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from fintech_tui.i18n import phrase
from fintech_tui.queries.index import PackIndex, Ref
from fintech_tui.render.labels import item_label
from fintech_tui.tui.screens.query_popup import QueryPopup

RESULT_LIMIT = 60  # more than a screenful; refine the query to see others


class SearchScreen(QueryPopup[Ref | None]):
    """A query box over a result list; enter opens the highlighted result."""

    HELP_TITLE = "place.search"

    def __init__(self, index: PackIndex) -> None:
        super().__init__()
        self.index = index
        self.results: list[Ref] = []

    def show_results(self, query: str) -> None:
        """Search for `query` and list what matches, best first."""
        self.results = self.index.search(query, limit=RESULT_LIMIT)
        options = [
            Option(item_label(self.index, ref, self.lang, with_kind=True), id=str(i))
            for i, ref in enumerate(self.results)
        ]
        self.show_options_for(query, options, phrase("search.count", self.lang, count=len(options)))
        if options:
            self.results_list.highlighted = 0

    def action_move(self, step: int) -> None:
        results = self.results_list
        if results.option_count:
            current = results.highlighted or 0
            results.highlighted = max(0, min(results.option_count - 1, current + step))

    def action_open(self) -> None:
        """Open the highlighted result (or say there is none)."""
        self._search_pending()  # enter typed right after the query opens what it finds
        highlighted = self.results_list.highlighted
        if highlighted is not None and highlighted < len(self.results):
            self.dismiss(self.results[highlighted])
        else:
            self.no_match()

    @on(OptionList.OptionSelected)
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.results[int(event.option.id or 0)])

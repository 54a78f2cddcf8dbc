"""One search across the library: names, aliases, pinyin, claims and paragraphs of every pack,
results grouped under their article; enter opens the article in the explorer at the hit."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from fintech_tui.i18n import phrase
from fintech_tui.queries.index import Ref
from fintech_tui.render.labels import pair
from fintech_tui.render.library import hit_label
from fintech_tui.tui.screens.library_open import OpenArticle
from fintech_tui.tui.screens.query_popup import QueryPopup

if TYPE_CHECKING:
    from fintech_tui.library.catalog import Library, SearchHit

RESULT_LIMIT = 50  # per search: refine the query to see others


class LibrarySearchScreen(QueryPopup[None]):
    """A query box over the library's hits, each article's under its title."""

    HELP_TITLE = "place.library_search"
    ID_PREFIX = "library-search"
    TITLE_PHRASE = "search.library_title"

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.hits: list[SearchHit | None] = []  # one per option: None for an article's heading

    def show_results(self, query: str) -> None:
        grouped = self.library.search(query, limit=RESULT_LIMIT) if query.strip() else {}
        options: list[Option] = []
        self.hits = []
        for key, hits in grouped.items():
            heading = Text("▌ ", style="bold cyan")
            heading.append_text(pair(self.library.article(key).title, self.lang))
            options.append(Option(heading, id=f"h{len(options)}", disabled=True))
            self.hits.append(None)
            for hit in hits:
                label = Text("  ")
                label.append_text(hit_label(hit, self.lang))
                options.append(Option(label, id=str(len(options))))
                self.hits.append(hit)
        count = sum(len(hits) for hits in grouped.values())
        subtitle = phrase("search.library_many", self.lang, count=count, articles=len(grouped))
        self.show_options_for(query, options, subtitle)
        self.results_list.highlighted = next((n for n, hit in enumerate(self.hits) if hit is not None), None)

    def action_move(self, step: int) -> None:
        results = self.results_list
        if not results.option_count:
            return
        position = results.highlighted if results.highlighted is not None else -step
        while 0 <= position + step < len(self.hits):
            position += step
            if self.hits[position] is not None:
                results.highlighted = position
                return

    def action_open(self) -> None:
        self._search_pending()
        highlighted = self.results_list.highlighted
        hit = self.hits[highlighted] if highlighted is not None and highlighted < len(self.hits) else None
        if hit is None:
            self.no_match()
            return
        self._open(hit)

    @on(OptionList.OptionSelected)
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        hit = self.hits[event.option_index]
        if hit is not None:
            self._open(hit)

    def _open(self, hit: SearchHit) -> None:
        message = OpenArticle(hit.article, Ref(hit.kind, hit.item))
        self.dismiss(None)
        self.app.post_message(message)

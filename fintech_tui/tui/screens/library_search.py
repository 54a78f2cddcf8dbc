"""One search across the library: names, aliases, pinyin, claims and paragraphs of every pack,
results grouped under their article; enter opens the article in the explorer at the hit."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from fintech_tui.i18n import phrase
from fintech_tui.model import Lang
from fintech_tui.queries.index import Ref
from fintech_tui.render.labels import pair
from fintech_tui.render.library import hit_label
from fintech_tui.tui.keymap import key_name
from fintech_tui.tui.screens.library_open import OpenArticle
from fintech_tui.tui.state import ui
from fintech_tui.tui.widgets.key_line import KeyLine
from fintech_tui.tui.widgets.keys import bind, localise, localised

if TYPE_CHECKING:
    from fintech_tui.library.catalog import Library, SearchHit

RESULT_LIMIT = 50  # per search: refine the query to see others


class LibrarySearchScreen(ModalScreen[None]):
    """A query box over the library's hits, each article's under its title."""

    HELP_TITLE = "place.library_search"
    BINDINGS = [
        bind("escape", "dismiss(None)", "close_search"),
        bind("up", "move(-1)", "previous", group="results", priority=True),
        bind("down", "move(1)", "next", group="results", priority=True),
        bind("enter", "open", "open_result", priority=True, key_display="⏎"),
    ]
    ORDER = {binding.key: number for number, binding in enumerate(Binding.make_bindings(BINDINGS))}

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.hits: list[SearchHit | None] = []  # one per option: None for an article's heading
        self._pending_query: str | None = None

    @property
    def lang(self) -> Lang:
        """The label language (the app's)."""
        return ui(self).label_lang

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        active = sorted(super().active_bindings.items(), key=lambda item: self.ORDER.get(item[0], len(self.ORDER)))
        return localised(dict(active), self.lang)

    def compose(self) -> ComposeResult:
        with Vertical(id="library-search-box"):
            yield Input(placeholder=phrase("search.placeholder", self.lang), id="library-search-input")
            yield OptionList(id="library-search-results")
        yield KeyLine(self.key_entries(), id="library-search-keys")

    def key_entries(self) -> list[tuple[str, str]]:
        entries: list[tuple[str, str]] = []
        for binding in Binding.make_bindings(self.BINDINGS):
            shown = localise(binding, self.lang)
            key = binding.key_display or key_name(binding.key)
            if shown.group is not None and entries and entries[-1][1] == shown.group.description:
                entries[-1] = (entries[-1][0] + key, entries[-1][1])
            else:
                entries.append((key, shown.group.description if shown.group else shown.description))
        return entries

    def on_mount(self) -> None:
        self.query_one("#library-search-box").border_title = phrase("search.library_title", self.lang)
        self.query_one(OptionList).can_focus = False
        self.query_one(Input).focus()

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        if self._pending_query is None:  # a burst of keys: search once, for the last
            self.call_later(self._search_pending)
        self._pending_query = event.value

    def _search_pending(self) -> None:
        query, self._pending_query = self._pending_query, None
        if query is not None:
            self.show_results(query)

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
        results = self.query_one(OptionList)
        before = results.option_count
        results.set_options(options)
        first = next((n for n, hit in enumerate(self.hits) if hit is not None), None)
        results.highlighted = first
        count = sum(len(hits) for hits in grouped.values())
        subtitle = phrase("search.library_many", self.lang, count=count, articles=len(grouped))
        self.query_one("#library-search-box").border_subtitle = subtitle if query.strip() else ""
        if len(options) < before:
            self.call_after_refresh(self.refresh)  # the box shrinks: repaint what it cut through

    def action_move(self, step: int) -> None:
        results = self.query_one(OptionList)
        if not results.option_count:
            return
        position = results.highlighted if results.highlighted is not None else -step
        while 0 <= position + step < len(self.hits):
            position += step
            if self.hits[position] is not None:
                results.highlighted = position
                return

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        self._search_pending()
        highlighted = self.query_one(OptionList).highlighted
        hit = self.hits[highlighted] if highlighted is not None and highlighted < len(self.hits) else None
        if hit is None:
            self.notify(phrase("toast.no_match", self.lang), severity="warning", timeout=2, markup=False)
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

"""Search as you type: names in either language, any garbled alias, claim words."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from fintech_tui.i18n import phrase
from fintech_tui.model import Lang
from fintech_tui.queries.index import PackIndex, Ref
from fintech_tui.render.labels import item_label
from fintech_tui.tui.keymap import key_name
from fintech_tui.tui.widgets.key_line import KeyLine
from fintech_tui.tui.widgets.keys import bind, localise, localised

RESULT_LIMIT = 60  # more than a screenful; refine the query to see others


class SearchScreen(ModalScreen[Ref | None]):
    """A query box over a result list; enter opens the highlighted result."""

    HELP_TITLE = "place.search"

    BINDINGS = [
        bind("escape", "dismiss(None)", "close_search"),
        # priority: before the query box's own up, down (scrolling nothing) and enter
        bind("up", "move(-1)", "previous", group="results", priority=True),
        bind("down", "move(1)", "next", group="results", priority=True),
        bind("enter", "open", "open_result", priority=True, key_display="⏎"),
    ]
    ORDER = {binding.key: number for number, binding in enumerate(Binding.make_bindings(BINDINGS))}  # for the help

    def __init__(self, index: PackIndex, lang: Lang) -> None:
        super().__init__()
        self.index = index
        self.lang = lang
        self.results: list[Ref] = []
        self._pending_query: str | None = None  # typed, not yet searched for

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """Its own keys in the label language (for the help), not the explorer's; there is
        no footer to fit them to (its keys are one KeyLine)."""
        active = sorted(super().active_bindings.items(), key=lambda item: self.ORDER.get(item[0], len(self.ORDER)))
        return localised(dict(active), self.lang)

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box"):
            yield Input(placeholder=phrase("search.placeholder", self.lang), id="search-input")
            yield OptionList(id="search-results")
        yield KeyLine(self.key_entries(), id="search-keys")  # over the explorer's footer, whose keys do not work here

    def key_entries(self) -> list[tuple[str, str]]:
        """(key, word) for each of the popup's own keys, read from BINDINGS in the label
        language; the keys of one group share its word (↑↓ Results)."""
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
        self.query_one("#search-box").border_title = phrase("search.title", self.lang)
        self.query_one("#search-results", OptionList).can_focus = False
        self.query_one(Input).focus()

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        # Keys typed in one burst each post a change: search once, for the last
        # of them (each search of a 100k-item pack scans every entry).
        if self._pending_query is None:
            self.call_later(self._search_pending)
        self._pending_query = event.value

    def _search_pending(self) -> None:
        query, self._pending_query = self._pending_query, None
        if query is not None:
            self.show_results(query)

    def show_results(self, query: str) -> None:
        """Search for `query` and list what matches, best first."""
        self.results = self.index.search(query, limit=RESULT_LIMIT)
        options = [
            Option(item_label(self.index, ref, self.lang, with_kind=True), id=str(i))
            for i, ref in enumerate(self.results)
        ]
        results = self.query_one("#search-results", OptionList)
        before = results.option_count
        results.set_options(options)
        if options:
            results.highlighted = 0
        count = phrase("search.count", self.lang, count=len(options))
        self.query_one("#search-box").border_subtitle = count if query.strip() else ""
        if len(options) < before:
            # The box shrinks: repaint the whole screen once it has, or wide
            # characters it cut through stay half-drawn behind it.
            self.call_after_refresh(self.refresh)

    def action_move(self, step: int) -> None:
        results = self.query_one("#search-results", OptionList)
        if results.option_count:
            current = results.highlighted or 0
            results.highlighted = max(0, min(results.option_count - 1, current + step))

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        """Open the highlighted result (or say there is none)."""
        self._search_pending()  # enter typed right after the query opens what it finds
        highlighted = self.query_one("#search-results", OptionList).highlighted
        if highlighted is not None and highlighted < len(self.results):
            self.dismiss(self.results[highlighted])
        else:
            self.notify(phrase("toast.no_match", self.lang), severity="warning", timeout=2, markup=False)

    @on(OptionList.OptionSelected)
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.results[int(event.option.id or 0)])

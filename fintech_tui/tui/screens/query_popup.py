"""A query box over a result list, searched once per burst of keys: the pack's search and
the library's share it, and differ only in what a query finds and what enter opens."""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from fintech_tui.i18n import phrase
from fintech_tui.model import Lang
from fintech_tui.tui.keymap import key_name
from fintech_tui.tui.state import ui
from fintech_tui.tui.widgets.key_line import KeyLine
from fintech_tui.tui.widgets.keys import bind, localise, localised

ResultT = TypeVar("ResultT")

QUERY_BINDINGS: list[BindingType] = [
    bind("escape", "dismiss(None)", "close_search"),
    # priority: before the query box's own up, down (scrolling nothing) and enter
    bind("up", "move(-1)", "previous", group="results", priority=True),
    bind("down", "move(1)", "next", group="results", priority=True),
    bind("enter", "open", "open_result", priority=True, key_display="⏎"),
]


class QueryPopup(ModalScreen[ResultT]):
    """The box, its keys and the debounce; subclasses list results and open one."""

    BINDINGS = QUERY_BINDINGS
    ORDER: ClassVar[dict[str, int]] = {
        binding.key: number for number, binding in enumerate(Binding.make_bindings(QUERY_BINDINGS))
    }  # for the help
    ID_PREFIX: ClassVar[str] = "search"  # the widgets' ids: PREFIX-box, -input, -results, -keys
    TITLE_PHRASE: ClassVar[str] = "search.title"

    def __init__(self) -> None:
        super().__init__()
        self._pending_query: str | None = None  # typed, not yet searched for

    @property
    def lang(self) -> Lang:
        """The label language (the app's)."""
        return ui(self).label_lang

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """Its own keys in the label language (for the help), not the explorer's; there is
        no footer to fit them to (its keys are one KeyLine)."""
        active = sorted(super().active_bindings.items(), key=lambda item: self.ORDER.get(item[0], len(self.ORDER)))
        return localised(dict(active), self.lang)

    @property
    def box(self) -> Vertical:
        return self.query_one(f"#{self.ID_PREFIX}-box", Vertical)

    @property
    def results_list(self) -> OptionList:
        return self.query_one(f"#{self.ID_PREFIX}-results", OptionList)

    def compose(self) -> ComposeResult:
        with Vertical(id=f"{self.ID_PREFIX}-box"):
            yield Input(placeholder=phrase("search.placeholder", self.lang), id=f"{self.ID_PREFIX}-input")
            yield OptionList(id=f"{self.ID_PREFIX}-results")
        yield KeyLine(self.key_entries(), id=f"{self.ID_PREFIX}-keys")  # over the explorer's footer

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
        self.box.border_title = phrase(self.TITLE_PHRASE, self.lang)
        self.results_list.can_focus = False
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

    def show_options_for(self, query: str, options: list[Option], subtitle: str) -> None:
        """Put `options` in the list and `subtitle` under the box (none for an empty query)."""
        results = self.results_list
        before = results.option_count
        results.set_options(options)
        self.box.border_subtitle = subtitle if query.strip() else ""
        if len(options) < before:
            # The box shrinks: repaint the whole screen once it has, or wide
            # characters it cut through stay half-drawn behind it.
            self.call_after_refresh(self.refresh)

    def show_results(self, query: str) -> None:
        """Search for `query` and list what matches."""
        raise NotImplementedError

    def action_open(self) -> None:
        """Open the highlighted result (or say there is none)."""
        raise NotImplementedError

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_open()

    def no_match(self) -> None:
        self.notify(phrase("toast.no_match", self.lang), severity="warning", timeout=2, markup=False)

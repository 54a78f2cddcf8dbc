"""Command palette (ctrl+p): find any item by name, alias or claim words."""

from __future__ import annotations

from functools import partial
from typing import Any, Protocol, cast

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.widgets.option_list import Option

from fintech_tui.i18n import phrase
from fintech_tui.queries.index import ref_of
from fintech_tui.render.labels import item_kind, item_label
from fintech_tui.tui.screens.main import MainScreen


class WithExplorer(Protocol):
    """What the palette needs of the app (the app is above it, so it is named by shape, not imported)."""

    @property
    def explorer(self) -> MainScreen | None: ...


class ItemCommands(Provider):
    """Searches the pack the explorer shows; choosing a hit opens it."""

    def _main(self) -> MainScreen | None:
        return cast(WithExplorer, self.app).explorer

    async def discover(self) -> Hits:
        main = self._main()
        if main is None:
            return
        for argument in main.index.roots():
            ref = ref_of(argument)
            label = item_label(main.index, ref, main.lang, with_kind=True)
            yield DiscoveryHit(label, partial(main.reveal, ref), help=phrase("palette.thesis", main.lang))

    async def startup(self) -> None:
        main = self._main()
        if main is not None:
            main.warm_up_search()

    async def search(self, query: str) -> Hits:
        main = self._main()
        if main is None:
            return
        for rank, ref in enumerate(main.index.search(query, limit=40)):
            label = item_label(main.index, ref, main.lang, with_kind=True)
            yield Hit(
                1.0 - rank / 100,
                label,
                partial(main.reveal, ref),
                help=phrase("palette.open", main.lang, kind=item_kind(main.index, ref, main.lang).lower(), id=ref.id),
            )


class Palette(CommandPalette):
    """The command palette, its "no matches" line in the label language.

    Textual writes "No matches found" inside `_start_no_matches_countdown` with no
    hook for the words, so this is that method again with ours."""

    def __init__(self, *, no_matches: str, **options: Any) -> None:
        super().__init__(**options)
        self.no_matches = no_matches

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if not search_value:  # discovery: nothing to say
                self._list_visible = False
                return
            nothing = Option(Align.center(Text(self.no_matches, style="not bold")), disabled=True, id=self._NO_MATCHES)
            self.query_one(CommandList).add_option(nothing)
            self._list_visible = True

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)

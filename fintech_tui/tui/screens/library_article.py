"""Today's explorer on one article of a library: back at its start returns to the library,
and `a` shows what every article of the library says of the company on show."""

from __future__ import annotations

from typing import TYPE_CHECKING

from fintech_tui.i18n import phrase
from fintech_tui.queries.index import PackIndex, Ref
from fintech_tui.tui.screens.main import MainScreen
from fintech_tui.tui.widgets.keys import bind

if TYPE_CHECKING:
    from fintech_tui.library.catalog import Library


class ArticleScreen(MainScreen):
    """The explorer, opened from a library on the article `key`."""

    BINDINGS = [bind("a", "across", "across")]

    def __init__(
        self,
        index: PackIndex,
        goto: Ref | None = None,
        *,
        library: Library,
        key: str,
    ) -> None:
        super().__init__(index, goto)
        self.library = library
        self.key = key

    def action_back(self) -> None:
        """Back through the article's history; at its start, back to the library."""
        if self.can_go_back():
            super().action_back()
        else:
            self.dismiss(None)

    def action_across(self) -> None:
        """The company on show across the library (the shared entity it is one of)."""
        from fintech_tui.tui.screens.library_entity import AcrossScreen  # deferred: opened on demand

        if self.current is None or self.current.kind != "entity":
            self.notify(phrase("toast.across_how", self.lang), timeout=3, markup=False)
            return
        shared = self.library.shared_of(self.key, self.current.id)
        if shared is None:
            self.notify(phrase("toast.not_shared", self.lang), timeout=3, markup=False)
            return
        self.app.push_screen(AcrossScreen(self.library, shared))

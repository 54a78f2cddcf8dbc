"""How library views open an article: a message the app acts on, and the source view at a quote."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.message import Message
from textual.screen import Screen

from fintech_tui.queries.index import PackIndex, Ref

if TYPE_CHECKING:
    from fintech_tui.library.catalog import Library, QuoteRow


class OpenArticle(Message):
    """Open the library's article `key` in the explorer, at `ref` when given."""

    def __init__(self, key: str, ref: Ref | None = None) -> None:
        super().__init__()
        self.key = key
        self.ref = ref


class QuoteOpener:
    """Opens an article's source view at a quote over a library view; each article is
    loaded once, when its first quote is opened (memory grows with what is asked for)."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.indexes: dict[str, PackIndex] = {}

    def index(self, key: str) -> PackIndex:
        if key not in self.indexes:
            self.indexes[key] = PackIndex(self.library.load(key))
        return self.indexes[key]

    def show(self, over: Screen[Any], key: str, ref: Ref, quote: QuoteRow | None) -> None:
        """The source of article `key` at `quote`; enter there opens that paragraph in the explorer.
        Without a quote, the article opens in the explorer at `ref`."""
        from fintech_tui.tui.screens.source import SourceScreen  # deferred: opened on demand

        if quote is None:
            over.post_message(OpenArticle(key, ref))
            return

        def chosen(paragraph: Ref | None) -> None:
            if paragraph is not None:
                over.post_message(OpenArticle(key, paragraph))

        source = SourceScreen(self.index(key), Ref("paragraph", quote.para), quote.quote)
        over.app.push_screen(source, chosen)

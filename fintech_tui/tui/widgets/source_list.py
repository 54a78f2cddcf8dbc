"""The article as a list of paragraphs, in one reading at a time, keeping its place."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import RenderableType
from textual.widgets.option_list import Option

from fintech_tui.model import Evidence, Lang, Paragraph
from fintech_tui.queries.index import PackIndex
from fintech_tui.render.readings import Reading, paragraph_view
from fintech_tui.render.wrap import breakable
from fintech_tui.tui.state import ui
from fintech_tui.tui.widgets.placed_list import PlacedList


class SourceList(PlacedList):
    """One option per paragraph; enter opens what cites it. The cited paragraph's
    `quote` is highlighted, and so is every one of `quotes` (the item's other quotes).

    Changing the reading keeps the reader's place: the paragraph at the top
    stays at the top and the cursor on its paragraph (the view scrolls only
    when the cursor would otherwise be out of sight).
    """

    HELP_TITLE = "place.paragraphs"

    def __init__(
        self,
        index: PackIndex,
        cited: Paragraph | None,
        quote: str,
        reading: Reading = "original",
        quotes: Sequence[Evidence] = (),
        *,
        stacked: bool = False,
        id: str | None = None,
    ) -> None:
        self.index = index
        self.cited = cited
        self.quote = quote
        self.quotes: dict[str, list[str]] = {}  # paragraph id → the other quotes highlighted in it
        for evidence in quotes:
            self.quotes.setdefault(evidence.para, []).append(evidence.quote)
        self.reading: Reading = reading
        self.stacked = stacked
        super().__init__(*self._paragraph_options(), id=id)

    @property
    def lang(self) -> Lang:
        """The label language (the app's)."""
        return ui(self).label_lang

    def _paragraph_options(self) -> list[Option]:
        return [Option(self._view(paragraph), id=paragraph.id) for paragraph in self.index.pack.paragraphs]

    def _view(self, paragraph: Paragraph) -> RenderableType:
        cited = paragraph is self.cited
        others = self.quotes.get(paragraph.id, ())
        return breakable(  # Chinese lines break where Chinese typesetting allows
            paragraph_view(
                self.index,
                paragraph,
                self.reading,
                quote=self.quote if cited else "",
                quotes=others,
                cited=cited or bool(others),
                stacked=self.stacked,
                lang=self.lang,
            )
        )

    def show(self, reading: Reading, *, stacked: bool) -> None:
        """Show every paragraph in `reading` (side by side `stacked` or not), in place."""
        if reading == self.reading and (stacked == self.stacked or reading != "side"):
            self.stacked = stacked  # only side by side looks different stacked
            return
        self.reading, self.stacked = reading, stacked
        self._redraw()

    def on_mount(self) -> None:
        self.watch(self.app, "label_lang", self._redraw, init=False)  # the reading headings and notes

    def _redraw(self) -> None:
        """Render every paragraph again, the reader's place kept."""
        top, cursor = self.top_option(), self.highlighted
        if cursor not in self.options_in_view():
            cursor = top  # the reader scrolled away from the cursor: the scroll is the place
        for number, paragraph in enumerate(self.index.pack.paragraphs):
            self.replace_option_prompt_at_index(number, self._view(paragraph))
        self.keep_place(top, cursor)

"""The article as a list of paragraphs, in one reading at a time, keeping its place."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import RenderableType
from textual.strip import Strip
from textual.widgets.option_list import Option

from fintech_tui.model import Evidence, Lang, Paragraph
from fintech_tui.queries.index import PackIndex
from fintech_tui.render.readings import Reading, paragraph_view
from fintech_tui.render.wrap import breakable
from fintech_tui.tui.widgets.vim import VimList


class SourceList(VimList):
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
        lang: Lang = "en",
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
        self.lang = lang
        self._tops: dict[int, int] = {}  # width → the paragraph on the first line last drawn at that width
        self._width = 0
        super().__init__(*self._paragraph_options(), id=id)

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

    def relabel(self, lang: Lang) -> None:
        """Every paragraph with its labels (reading headings, notes) in `lang`, in place."""
        self.lang = lang
        self._redraw()

    def _redraw(self) -> None:
        """Render every paragraph again, the reader's place kept."""
        top, cursor = self.top_option(), self.highlighted
        if cursor not in self.options_in_view():
            cursor = top  # the reader scrolled away from the cursor: the scroll is the place
        for number, paragraph in enumerate(self.index.pack.paragraphs):
            self.replace_option_prompt_at_index(number, self._view(paragraph))
        self.keep_place(top, cursor)

    def keep_place(self, top: int | None, cursor: int | None) -> None:
        """Paragraph `top` at the top and the cursor on paragraph `cursor`, as the reader left them;
        only if the cursor would then be out of sight does the view scroll, just enough to show it."""
        if top is None:
            return
        self.highlighted = top
        self.scroll_to_highlight(top=True)
        if cursor is None or cursor == top:
            return
        self.set_reactive(SourceList.highlighted, cursor)  # moving the cursor back scrolls nothing
        self.refresh()
        if cursor not in self.options_in_view():
            self.scroll_to_highlight()

    def on_resize(self) -> None:
        """A new width wraps every paragraph anew: the one that was at the top stays there
        (as last drawn at the old width: a frame at the new width may come first)."""
        old, self._width = self._width, self.size.width
        if old != self._width and old in self._tops:
            self.call_after_refresh(self.keep_place, self._tops[old], self.highlighted)

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        if y == 0 and (top := self._option_in(strip)) is not None:
            self._tops[self.size.width] = top
        return strip

    def top_option(self) -> int | None:
        """The option at the first line in view."""
        shown = self.options_in_view()
        return shown[0] if shown else None

    def options_in_view(self, *, whole: bool = False) -> list[int]:
        """The options on screen, in order; with `whole`, only those shown from first line to last.

        Read from the `option` meta Textual puts on every line it renders
        (what a click reads too): the list keeps its line map to itself.
        """
        height = self.scrollable_content_region.height
        found = [self._option_on_line(y) for y in range(height)]
        shown = list(dict.fromkeys(o for o in found if o is not None))
        if whole and shown:
            if found[0] is not None and self.scroll_y > 0 and self._option_on_line(-1) == found[0]:
                shown = shown[1:]  # its first line is above the view
            if found[-1] is not None and self._option_on_line(height) == found[-1]:
                shown = shown[:-1]  # its last line is below the view
        return shown

    def _option_on_line(self, y: int) -> int | None:
        return self._option_in(self.render_line(y))

    @staticmethod
    def _option_in(strip: Strip) -> int | None:
        for segment in strip:
            option = segment.style.meta.get("option") if segment.style else None
            if option is not None:
                return int(option)
        return None

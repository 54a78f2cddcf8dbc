"""The article as a list of paragraphs, in one reading at a time, keeping its place.

Only what is on screen is drawn (`VirtualOptionList`): a pack of 100,000 paragraphs, or one
of 4 MB, opens at once, a long paragraph drawn a page at a time (`render.pages`)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import RenderableType
from textual.widgets.option_list import Option

from fintech_tui.model import Evidence, Lang, Paragraph
from fintech_tui.queries.index import PackIndex
from fintech_tui.render.pages import page_count, page_of, quote_page
from fintech_tui.render.readings import Reading, number_width, paragraph_view
from fintech_tui.render.wrap import breakable
from fintech_tui.tui.state import ui
from fintech_tui.tui.widgets.placed_list import PlacedList
from fintech_tui.tui.widgets.virtual_list import VirtualOptionList


class SourceList(PlacedList, VirtualOptionList):
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
        self._pages: list[int] | None = None  # how many pages each paragraph is drawn in
        super().__init__(*self._paragraph_options(), id=id)

    @property
    def lang(self) -> Lang:
        """The label language (the app's)."""
        return ui(self).label_lang

    def _paragraph_options(self) -> list[Option]:
        return [Option("", id=paragraph.id) for paragraph in self.index.pack.paragraphs]  # drawn when shown

    def block_counts(self) -> list[int]:
        if self._pages is None:
            self._pages = [page_count(paragraph) for paragraph in self.index.pack.paragraphs]
        return self._pages

    def guess_heights(self, width: int) -> list[int]:
        """Lines if every character were two cells wide; a reading beside or below the text doubles it."""
        column = max(1, width - number_width(self.index.pack) - 1) // (
            2 if self.reading == "side" and not self.stacked else 1
        )
        english = self.reading in ("en", "side")
        heights = []
        for paragraph, pages in zip(self.index.pack.paragraphs, self.block_counts(), strict=True):
            shown = len(paragraph.text) + (len(paragraph.en) if english else 0)
            heights += [max(1, -(-2 * shown // (pages * column)))] * pages
        return heights

    def block_renderable(self, option: int, block: int, blocks: int) -> RenderableType:
        return self._view(self.index.pack.paragraphs[option], block, blocks)

    def _view(self, paragraph: Paragraph, page: int = 0, pages: int = 1) -> RenderableType:
        """Page `page` of the `pages` `paragraph` is shown in (the whole of it, for all but the longest)."""
        cited = paragraph is self.cited
        quote = self.quote if cited and quote_page(paragraph, self.quote, pages) == page else ""
        others = [each for each in self.quotes.get(paragraph.id, ()) if quote_page(paragraph, each, pages) == page]
        return breakable(  # Chinese lines break where Chinese typesetting allows
            paragraph_view(
                self.index,
                page_of(paragraph, page, pages),
                self.reading,
                quote=quote,
                quotes=others,
                cited=cited or paragraph.id in self.quotes,
                stacked=self.stacked,
                lang=self.lang,
                numbered=page == 0,
            )
        )

    def show(self, reading: Reading, *, stacked: bool, resized: bool = False) -> None:
        """Show every paragraph in `reading` (side by side `stacked` or not), in place
        (`resized`: the terminal's new size stacks or unstacks it: the place before the resizes)."""
        if reading == self.reading and (stacked == self.stacked or reading != "side"):
            self.stacked = stacked  # only side by side looks different stacked
            return
        self.reading, self.stacked = reading, stacked
        self._redraw(resized=resized)

    def on_mount(self) -> None:
        self.watch(self.app, "label_lang", self._relabel, init=False)  # the reading headings and notes

    def _relabel(self) -> None:
        self._redraw()

    def _redraw(self, *, resized: bool = False) -> None:
        """Lay every paragraph out again, the reader's place kept."""
        top, cursor = self.reader_top(resized=resized), self.highlighted
        if cursor not in self.options_in_view():
            cursor = top  # the reader scrolled away from the cursor: the scroll is the place
        self.forget_layout()
        self.keep_place(top, cursor)

    # -- a pager's keys: a paragraph taller than the view is read a screen at a time ------------------
    def _view_lines(self) -> tuple[int, int, int, int] | None:
        """The view's first line and height, and the cursor's paragraph's first line and end."""
        cursor = self.highlighted
        if cursor is None or not self.scrollable_content_region:
            return None
        lines = self.line_map()
        start = lines.option_start(cursor)
        height = max(1, self.scrollable_content_region.height)
        return int(self.scroll_y), height, start, start + lines.option_height(cursor)

    def _scroll_by(self, lines: int) -> None:
        self.scroll_to(y=max(0, min(self.scroll_y + lines, self.max_scroll_y)), animate=False, immediate=True)

    def _move(self, step: int, page: bool) -> None:
        """Down (`step` 1) or up (-1) by a paragraph or a `page`, never past a line the reader has not seen:
        while the cursor's paragraph goes on beyond the view, the view scrolls a screen within it;
        the cursor moves on once its end (or start) is on screen."""
        place = self._view_lines()
        if place is None:
            return
        y, height, start, end = place
        if (step > 0 and end > y + height) or (step < 0 and start < y):
            self._scroll_by(step * height)
        elif page:
            self._turn_page(step, y, height)
        elif 0 <= (target := (self.highlighted or 0) + step) < self.option_count:
            self.highlighted = target
            if abs(self.scroll_y - y) > height:  # a tall paragraph: shown from the side the reader comes from
                self.scroll_to(y=max(0, y + step * height), animate=False, immediate=True)

    def _turn_page(self, step: int, y: int, height: int) -> None:
        """A screen on, the cursor on the first paragraph that starts on it (or the one filling it)."""
        turned = max(0, min(y + step * height, int(self.max_scroll_y)))
        cursor = self.highlighted or 0
        if turned == y:  # at either end: as OptionList, the cursor goes a screen on
            self._move_page(step)  # type: ignore[arg-type]
            return
        lines = self.line_map()
        target = lines.owners[lines.block_at(turned)]
        starts_on_screen = target + 1 < self.option_count and lines.option_start(target + 1) < turned + height
        if lines.option_start(target) < turned and starts_on_screen:
            target += 1  # the first one that starts on the new screen
        if (target - cursor) * step <= 0:
            target = cursor + step
        self.highlighted = max(0, min(target, self.option_count - 1))
        self.scroll_to(y=turned, animate=False, immediate=True)

    def action_cursor_down(self) -> None:
        self._move(1, page=False)

    def action_cursor_up(self) -> None:
        self._move(-1, page=False)

    def action_page_down(self) -> None:
        self._move(1, page=True)

    def action_page_up(self) -> None:
        self._move(-1, page=True)

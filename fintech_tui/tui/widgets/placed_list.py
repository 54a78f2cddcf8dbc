"""A list that keeps the reader's place: across a resize, the option at the top stays there."""

from __future__ import annotations

from typing import Any

from textual.strip import Strip
from textual.widgets import OptionList

from fintech_tui.tui.widgets.vim import VimList


class PlacedList(VimList):
    """A VimList whose top option stays at the top when a new width wraps every option anew
    (Textual keeps the scroll's line number, so a resize showed another option at the top),
    the cursor on its option. The source view, the gap report and the evidence lists use it."""

    def __init__(self, *content: Any, **options: Any) -> None:
        self._tops: dict[int, int] = {}  # width → the option on the first line last drawn at that width
        self._width = 0
        # (width, top asked for, cursor, top drawn) after the last keep_place: when showing the cursor
        # pushed the asked-for top off screen, the next resize restores the asked-for one, not the drawn one
        self._kept: tuple[int, int, int | None, int | None] | None = None
        super().__init__(*content, **options)

    def keep_place(self, top: int | None, cursor: int | None) -> None:
        """Option `top` at the top and the cursor on option `cursor`, as the reader left them;
        only if the cursor would then be out of sight does the view scroll, just enough to show it."""
        if top is None:
            return
        self.highlighted = top
        self.scroll_to_highlight(top=True)
        if cursor is not None and cursor != top:
            self.set_reactive(OptionList.highlighted, cursor)  # moving the cursor back scrolls nothing
            self.refresh()
            if cursor not in self.options_in_view():
                self.scroll_to_highlight()
        self._kept = (self.size.width, top, cursor, self.top_option())

    def on_resize(self) -> None:
        """A new width wraps every option anew: the one that was at the top stays there
        (as last drawn at the old width: a frame at the new width may come first)."""
        old, self._width = self._width, self.size.width
        if old != self._width and old in self._tops:
            self.call_after_refresh(self.keep_place, self._reader_top(self._tops[old]), self.highlighted)

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        if y == 0 and (top := self._option_in(strip)) is not None:
            self._tops[self.size.width] = top
        return strip

    def _reader_top(self, drawn: int | None) -> int | None:
        """The option the reader left at the top: `drawn`, unless the last resize had to scroll it
        away to show the cursor and the reader has moved neither since (so resizes do not drift)."""
        if self._kept is None:
            return drawn
        width, asked, cursor, shown = self._kept
        if cursor == self.highlighted and shown == drawn == self._tops.get(width, drawn):
            return asked
        return drawn

    def reader_top(self, *, resized: bool = False) -> int | None:
        """The option at the top as the reader left it (`resized`: as before the resizes since, see `_reader_top`)."""
        return self._reader_top(self.top_option()) if resized else self.top_option()

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

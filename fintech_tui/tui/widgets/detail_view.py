"""The detail pane: a scrollable Rich body above the item's links."""

from __future__ import annotations

from rich.console import Group, RenderableType
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.events import Resize
from textual.geometry import Size
from textual.reactive import Reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from fintech_tui.i18n import phrase
from fintech_tui.model import Lang
from fintech_tui.render.detail import Detail
from fintech_tui.render.wrap import breakable
from fintech_tui.tui.state import ui
from fintech_tui.tui.widgets.keys import vim_keys
from fintech_tui.tui.widgets.link_list import LinkList
from fintech_tui.tui.widgets.vim import InstantJumps


class DetailBody(InstantJumps, ScrollView, can_focus=True):
    """The body text, rendered once per item into lines and scrolled.

    Line-based rather than a Static in a scroll container: replacing the
    content then changes only this widget's virtual size, so showing an item
    does not re-lay out the whole screen on every cursor move.
    """

    HELP_TITLE = "place.detail_text"
    DEFAULT_CSS = """
    DetailBody {
        overflow-y: scroll;  /* always there: a new item never changes the layout */
        overflow-x: hidden;
    }
    """

    # The scrollbar is always there (DEFAULT_CSS), so a new virtual size never
    # changes this widget's layout: repaint it and its scrollbar, and spare
    # the whole screen a reflow on every item shown.
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    BINDINGS = vim_keys(
        down=("scroll_down", "down"),
        up=("scroll_up", "up"),
        first=("scroll_home", "top"),
        last=("scroll_end", "bottom"),
        page_down=("page_down", "page_down"),
        page_up=("page_up", "page_up"),
    )

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.renderable: RenderableType | None = None
        self._lines: list[Strip] = []
        self._starts: list[int] = []  # the first line of each part of the body (a Group's renderables)
        self._width = 0

    def show(self, renderable: RenderableType) -> None:
        """Replace the body with `renderable`, scrolled to the top."""
        self.renderable = renderable
        self._render_at(self.scrollable_content_region.width)
        self.scroll_to(0, 0, animate=False, immediate=True)

    def _render_at(self, width: int) -> None:
        self._width = width
        self._lines, self._starts = [], []
        if self.renderable is not None and width > 0:
            console = self.app.console
            options = console.options.update_width(width)
            parts = self.renderable.renderables if isinstance(self.renderable, Group) else [self.renderable]
            for part in parts:  # one at a time, as a Group renders them, to know where each starts
                self._starts.append(len(self._lines))
                lines = console.render_lines(breakable(part), options, pad=False)
                self._lines += [Strip(line).simplify() for line in lines]
        self._fit_virtual_size()
        self.refresh()

    def _fit_virtual_size(self) -> None:
        """Never less than the visible height: the scrollbar shows a thumb only
        when the text really overflows."""
        window = self.scrollable_content_region.height
        height = max(len(self._lines), window)
        self.virtual_size = Size(self._width, height)
        # With no re-layout, the scrollbar keeps the last item's size unless told.
        bar = self.vertical_scrollbar
        bar.window_virtual_size = height
        bar.window_size = window
        bar.refresh()

    def on_resize(self, event: Resize) -> None:
        width = self.scrollable_content_region.width
        if width != self._width:
            place = self._place(round(self.scroll_y))
            self._render_at(width)
            self.scroll_to(0, self._line_of(place), animate=False, immediate=True)
        else:
            self._fit_virtual_size()

    def _place(self, line: int) -> tuple[int, float]:
        """Where line `line` stands: the part of the body it is in, and how far into that part."""
        part = max((n for n, start in enumerate(self._starts) if start <= line), default=0)
        if not self._starts:
            return 0, 0.0
        end = self._starts[part + 1] if part + 1 < len(self._starts) else len(self._lines)
        start = self._starts[part]
        return part, (line - start) / max(end - start, 1)

    def _line_of(self, place: tuple[int, float]) -> int:
        """The line at `place` in the body as now wrapped: the same part at the top, as far into it."""
        part, into = place
        if part >= len(self._starts):
            return 0
        end = self._starts[part + 1] if part + 1 < len(self._starts) else len(self._lines)
        return self._starts[part] + int(into * (end - self._starts[part]))

    def render_line(self, y: int) -> Strip:
        index = y + self.scroll_offset.y
        width = self.scrollable_content_region.width
        if index >= len(self._lines):
            return Strip.blank(width, self.rich_style)
        return self._lines[index].crop_extend(0, width, self.rich_style).apply_style(self.rich_style)


class DetailView(Vertical):
    """Shows one item: what it is, then every link that can be followed from it."""

    shown: Detail | None = None  # what is on display, for tests and exports

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.where = ""
        self.hint = ""  # the screen's note for the lower border, after the readings key

    @property
    def lang(self) -> Lang:
        """The label language (the app's)."""
        return ui(self).label_lang

    @property
    def readings(self) -> bool:
        """Whether the pack's reading of each cited paragraph shows under its quote (the app's)."""
        return ui(self).evidence_readings

    def compose(self) -> ComposeResult:
        body = DetailBody(id="detail-body")
        body.border_title = phrase("detail.title", self.lang)
        yield body
        yield LinkList(id="detail-links")

    def on_mount(self) -> None:
        self.watch(self.app, "label_lang", self._relabel, init=False)
        self.watch(self.app, "evidence_readings", self._readings_toggled, init=False)

    def show(self, detail: Detail, where: str = "", hint: str = "") -> None:
        """Render `detail`; `where` (e.g. "Company") becomes the pane title, `hint` goes on the lower border."""
        self.shown, self.where, self.hint = detail, where, hint
        body = self.query_one(DetailBody)
        with self.app.batch_update():  # body, title and links change in one frame
            body.border_title = where or phrase("detail.title", self.lang)
            self._render_body(body)  # scrolled to the top
            self.query_one(LinkList).show_links(detail.links)

    def _relabel(self) -> None:
        """Its own words in the new label language (the item is shown again by its screen)."""
        self.query_one(DetailBody).border_title = self.where or phrase("detail.title", self.lang)

    def _readings_toggled(self) -> None:
        """Show or hide the readings under the quotes, for this item and the next ones."""
        if self.shown is not None:
            body = self.query_one(DetailBody)
            y = body.scroll_y
            self._render_body(body)
            body.scroll_to(0, y, animate=False, immediate=True)

    def _render_body(self, body: DetailBody) -> None:
        detail = self.shown
        if detail is None:
            return
        key = "detail.readings_shown" if self.readings else "detail.readings_hidden"
        readings = phrase(key, self.lang) if detail.has_readings else ""
        body.border_subtitle = " · ".join(part for part in (readings, self.hint) if part)
        body.show(detail.renderable(readings=self.readings))

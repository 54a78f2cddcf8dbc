"""The detail pane: a scrollable Rich body above the item's links."""

from __future__ import annotations

from rich.console import RenderableType
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.events import Resize
from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import RichLog

from fintech_tui.render.detail import Detail
from fintech_tui.widgets.link_list import LinkList


class DetailBody(RichLog):
    """The body text, rendered once per item into lines and scrolled.

    A line-based log rather than a Static in a scroll container: replacing
    the content then changes only this widget's virtual size, so showing an
    item does not re-lay out the whole screen on every cursor move.
    """

    # Scrollbars are always shown (see app.tcss), so a new virtual size never
    # changes this widget's layout: repaint it and its scrollbars, and spare
    # the whole screen a reflow on every item shown.
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    BINDINGS = [
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
        Binding("g", "scroll_home", "Top", show=False),
        Binding("G", "scroll_end", "Bottom", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, wrap=True, markup=False, highlight=False, auto_scroll=False, min_width=1)
        self.can_focus = True
        self.renderable: RenderableType | None = None
        self._width = 0

    def show(self, renderable: RenderableType) -> None:
        """Replace the body with `renderable`, scrolled to the top."""
        self.renderable = renderable
        self._render_at(self.scrollable_content_region.width)
        self.scroll_to(0, 0, animate=False, immediate=True)

    def _render_at(self, width: int) -> None:
        self._width = width
        self.clear()
        if self.renderable is not None and width > 0:
            self.write(self.renderable, width=width, scroll_end=False)

    def on_resize(self, event: Resize) -> None:
        width = self.scrollable_content_region.width
        if width != self._width:
            y = self.scroll_y
            self._render_at(width)
            self.scroll_to(0, y, animate=False, immediate=True)


class DetailView(Vertical):
    """Shows one item: what it is, then every link that can be followed from it."""

    shown: Detail | None = None  # what is on display, for tests and exports

    def compose(self) -> ComposeResult:
        body = DetailBody(id="detail-body")
        body.border_title = "Detail"
        yield body
        yield LinkList(id="detail-links")

    def show(self, detail: Detail, where: str = "") -> None:
        """Render `detail`; `where` (e.g. "Company") becomes the pane title."""
        self.shown = detail
        body = self.query_one(DetailBody)
        body.border_title = where or "Detail"
        body.show(detail.renderable())
        self.query_one(LinkList).show_links(detail.links)

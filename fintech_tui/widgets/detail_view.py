"""The detail pane: a scrollable Rich body above the item's links."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from fintech_tui.render.detail import Detail
from fintech_tui.widgets.link_list import LinkList


class DetailBody(VerticalScroll):
    """Scrolls the body text; vim keys as well as arrows."""

    BINDINGS = [
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
        Binding("g", "scroll_home", "Top", show=False),
        Binding("G", "scroll_end", "Bottom", show=False),
    ]


class DetailView(Vertical):
    """Shows one item: what it is, then every link that can be followed from it."""

    shown: Detail | None = None  # what is on display, for tests and exports

    def compose(self) -> ComposeResult:
        with DetailBody(id="detail-body") as body:
            body.border_title = "Detail"
            yield Static(id="detail-text")
        yield LinkList(id="detail-links")

    def show(self, detail: Detail, where: str = "") -> None:
        """Render `detail`; `where` (e.g. "Company") becomes the pane title."""
        self.shown = detail
        body = self.query_one(DetailBody)
        body.border_title = where or "Detail"
        self.query_one("#detail-text", Static).update(detail.renderable())
        body.scroll_home(animate=False)
        self.query_one(LinkList).show_links(detail.links)

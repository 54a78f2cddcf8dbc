"""The list of related items under a detail view; enter follows a link."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from fintech_tui.render.detail import Link
from fintech_tui.widgets.vim import VimList


class LinkList(VimList):
    """Related items grouped under dim headings; each can be followed."""

    HELP_TITLE = "Links"
    COUNT = {0: "no links", 1: "1 link", 2: "{count} links"}
    DEFAULT_CSS = """
    LinkList {
        overflow-y: scroll;  /* always there: new links never change the layout */
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    # As in DetailBody: scrollbars always shown, so new links need no screen reflow.
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    BINDINGS = [Binding("enter", "select", "Follow", show=False, tooltip="Follow the link; evidence opens the source")]

    @dataclass
    class Followed(Message):
        """The reader chose a link."""

        link: Link

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.links: list[Link] = []
        self.border_title = "Links"

    def show_links(self, links: list[Link]) -> None:
        """Replace the list with `links`, keeping their groups in order."""
        self.links = links
        options: list[Option] = []
        group = None
        for number, link in enumerate(links):
            if link.group != group:
                group = link.group
                options.append(Option(Text(group, style="bold dim"), disabled=True))
            label = Text.assemble("  ", link.label, no_wrap=True, overflow="ellipsis")
            options.append(Option(label, id=str(number)))
        self.set_options(options)
        count = len(links)
        self.border_subtitle = self.COUNT[min(count, 2)].format(count=count)
        if links:
            self.highlighted = 1  # the first link, below its heading

    @on(OptionList.OptionSelected)
    def _follow(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Followed(self.links[int(event.option.id)]))

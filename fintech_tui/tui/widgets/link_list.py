"""The list of related items under a detail view; enter follows a link."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from fintech_tui.i18n import phrase
from fintech_tui.model import Lang
from fintech_tui.render.detail import Link
from fintech_tui.render.safe import ellipsised
from fintech_tui.tui.widgets.keys import bind
from fintech_tui.tui.widgets.vim import VimList


class LinkList(VimList):
    """Related items grouped under dim headings; each can be followed."""

    HELP_TITLE = "place.links"
    DEFAULT_CSS = """
    LinkList {
        overflow-y: scroll;  /* always there: new links never change the layout */
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    # As in DetailBody: scrollbars always shown, so new links need no screen reflow.
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    BINDINGS = [bind("enter", "select", "follow", show=False)]

    @dataclass
    class Followed(Message):
        """The reader chose a link."""

        link: Link

    def __init__(self, lang: Lang = "en", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.links: list[Link] = []
        self._cut_to = 0  # the room the options were cut for
        self.lang = lang
        self.border_title = phrase("links.title", self.lang)

    def show_links(self, links: list[Link]) -> None:
        """Replace the list with `links`, keeping their groups in order."""
        self.links = links
        self._fill()
        self.border_title = phrase("links.title", self.lang)
        count = len(links)
        said = "links.count" if count else "links.none"
        self.border_subtitle = phrase(said, self.lang, count=count)
        if links:
            self.highlighted = 1  # the first link, below its heading

    def _room(self) -> int:
        """Cells an option's text has (0 before the first layout)."""
        padding = self.get_component_styles("option-list--option").padding.width
        return max(self.scrollable_content_region.width - self._get_left_gutter_width() - padding, 0)

    def _fill(self) -> None:
        """The options for `links`, each cut to the room there is with "…" right after the last
        character kept (cut by Rich as it draws, Chinese would end in a space before "…")."""
        room = self._cut_to = self._room()
        options: list[Option] = []
        group = None
        for number, link in enumerate(self.links):
            if link.group != group:
                group = link.group
                options.append(Option(Text(group, style="bold dim"), disabled=True))
            label = Text.assemble("  ", link.label, no_wrap=True, overflow="ellipsis")
            options.append(Option(ellipsised(label, room) if room else label, id=str(number)))
        self.set_options(options)

    def on_resize(self) -> None:
        if self.links and self._room() != self._cut_to:
            highlighted, scrolled = self.highlighted, self.scroll_offset
            self._fill()
            self.highlighted = highlighted
            self.scroll_to(scrolled.x, scrolled.y, animate=False, immediate=True)

    @on(OptionList.OptionSelected)
    def _follow(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Followed(self.links[int(event.option.id)]))

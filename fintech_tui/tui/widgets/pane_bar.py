"""A one-line bar naming the panes, for narrow terminals where only one shows.

A plain Static rather than Textual's Tabs: it is one widget instead of ten,
which keeps start-up cheap, and it never takes focus.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual.events import Click
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from fintech_tui.i18n import phrase
from fintech_tui.tui.state import ui


class PaneBar(Static):
    """Shows every pane name, the active one highlighted; a click picks a pane."""

    active: reactive[int] = reactive(0)

    @dataclass
    class Picked(Message):
        """The reader clicked a pane's name."""

        number: int

    def __init__(self, keys: list[str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.keys = keys  # the message keys of the names

    def on_mount(self) -> None:
        self.watch(self.app, "label_lang", self._relabel, init=False)

    def _relabel(self) -> None:
        self.refresh()

    @property
    def names(self) -> list[str]:
        """The panes' names in the label language."""
        return [phrase(key, ui(self).label_lang) for key in self.keys]

    def render(self) -> Text:
        bar = Text(no_wrap=True, overflow="ellipsis")
        for number, name in enumerate(self.names):
            if number:
                bar.append(" ")
            bar.append(name, style="reverse bold" if number == self.active else "dim")
        return bar

    def on_click(self, event: Click) -> None:
        start = 0
        for number, name in enumerate(self.names):
            end = start + cell_len(name) + 1  # the name and the space after it
            if start <= event.x < end:
                self.post_message(self.Picked(number))
                return
            start = end

"""The top line: the app's name, the article's title and, in a view, where the reader is.

A single Static instead of Textual's Header (four widgets and a timer): it
only follows the app's `sub_title`, which changes with the label language.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from fintech_tui.render.safe import ellipsised


class TitleBar(Static):
    """`fintech-tui — <title>` with an optional note on the right (e.g. "Source")."""

    def __init__(self, title: str, where: str = "") -> None:
        super().__init__(id="title-bar")
        self.title_text = title  # already neutralised by the app
        self.where = where

    def on_mount(self) -> None:
        self.watch(self.app, "sub_title", self._retitle, init=False)

    def _retitle(self, title: str) -> None:
        self.title_text = title  # set neutralised by whoever changes the language
        self.refresh()

    def render(self) -> Text:
        """On a narrow screen the title gives way, cut with "…": the view's name stays whole."""
        head = Text.assemble(("fintech-tui", "bold"), " — ")
        tail = Text(f"  ·  {self.where}", style="italic") if self.where else Text()
        room = self.size.width - head.cell_len - tail.cell_len
        bar = Text(no_wrap=True, overflow="ellipsis", justify="center")
        bar.append_text(head)
        bar.append_text(ellipsised(Text(self.title_text), max(room, 1)))
        bar.append_text(tail)
        return ellipsised(bar, self.size.width)  # narrower still: whatever fits, from the left

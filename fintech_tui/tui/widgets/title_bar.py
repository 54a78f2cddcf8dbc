"""The top line: the app's name and the article's title.

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
        bar = Text(no_wrap=True, overflow="ellipsis", justify="center")
        bar.append("fintech-tui", style="bold")
        bar.append(" — ")
        bar.append(self.title_text)
        if self.where:
            bar.append(f"  ·  {self.where}", style="italic")
        return ellipsised(bar, self.size.width)

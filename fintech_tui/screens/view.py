"""The base of every full-screen view over the explorer.

A view has the title bar (naming where the reader is), its body, and the
footer with the view's own keys; esc (or backspace) closes it, always the
same way: `dismiss`, so a caller waiting for a result gets None.
"""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer

from fintech_tui.widgets.title_bar import TitleBar

Result = TypeVar("Result")


class View(Screen[Result]):
    """Title bar, body, footer; esc closes. Subclasses give `WHERE` and `body()`."""

    WHERE: ClassVar[str] = ""  # shown in the title bar and as the help section's title
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,backspace", "close", "Back", key_display="esc", tooltip="Close this view"),
    ]

    @property
    def help_title(self) -> str:
        return self.WHERE

    def compose(self) -> ComposeResult:
        yield TitleBar(self.app.sub_title, self.WHERE)
        yield from self.body()
        yield Footer()

    def body(self) -> ComposeResult:
        """The view's own widgets, between the title bar and the footer."""
        raise NotImplementedError

    def action_close(self) -> None:
        self.dismiss(None)

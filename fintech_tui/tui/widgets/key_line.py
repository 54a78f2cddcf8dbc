"""One line of a dialog's own keys where the footer is, as a single widget.

A dialog over the explorer should show its own keys, not the explorer's
footer beneath it. Textual's Footer builds a widget per key and restyles
them all; for a popup opened at every `/` one line of text costs a fraction.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class KeyLine(Static):
    """ " esc Close  ↑↓ Move  ⏎ Open": (key, word) pairs, docked at the bottom."""

    DEFAULT_CSS = """
    KeyLine {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
    }
    """

    def __init__(self, entries: list[tuple[str, str]], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries = entries
        self.update(self.line())

    def line(self) -> Text:
        """The keys as inert text (words come from the message table, never markup)."""
        text = Text(no_wrap=True, overflow="ellipsis")
        for key, word in self.entries:
            text.append(f" {key} ", "bold")
            text.append(f"{word} ")
        return text

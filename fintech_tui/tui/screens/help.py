"""The keys that work where `?` was pressed: that view's first, then the rest.

Built from the live bindings (`keymap.sections_for`), never from a hand-kept list.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static

from fintech_tui.i18n import has, phrase
from fintech_tui.tui.keymap import Rows, sections_for
from fintech_tui.tui.screens.view import View
from fintech_tui.tui.widgets.keys import bind
from fintech_tui.tui.widgets.vim import VimScroll

KEY_COLUMN_WIDTH = 20


class HelpScreen(View[None]):
    """A table of keys, grouped by where they work; esc, q or ? closes it.

    It is built for the screen `over` it was opened on, so `t` can build it
    again, for that screen, in the other language."""

    WHERE = "view.keys"

    BINDINGS = [bind("question_mark,q", "close", "close_help", key_display="?")]

    def __init__(self, over: Screen[object]) -> None:
        super().__init__()
        self.over = over
        self.where = ""  # what the help calls the screen it is over
        self.sections: list[tuple[str, Rows]] = []  # that screen's keys, by where they come from

    def _read(self) -> None:
        """The name and the keys of the screen the help is over, in the label language."""
        where = str(getattr(self.over, "help_title", "") or getattr(self.over, "HELP_TITLE", ""))
        self.where = phrase(where, self.lang) if has(where) else where or phrase("place.this_view", self.lang)
        self.sections = sections_for(self.over, self.lang)

    def _table(self) -> Table:
        table = Table(box=None, show_header=False, padding=(0, 2), expand=True)
        table.add_column(style="bold cyan", max_width=KEY_COLUMN_WIDTH, overflow="fold")
        table.add_column(ratio=1)
        mouse = (phrase("help.mouse", self.lang), phrase("help.mouse.tip", self.lang))
        for title, rows in [*self.sections, (phrase("place.mouse", self.lang), [mouse])]:
            table.add_row(Text(title, style="bold underline"), "")
            for keys, description in rows:
                table.add_row(keys, description)
            table.add_row("", "")
        return table

    def body(self) -> ComposeResult:
        self._read()
        box = VimScroll(id="help-box")
        box.border_title = phrase("help.title", self.lang, where=self.where)
        with box:
            yield Static(self._table(), id="help-table")

    def on_mount(self) -> None:
        self.query_one(VimScroll).focus()

    def redraw(self) -> None:
        self._read()
        self.query_one(VimScroll).border_title = phrase("help.title", self.lang, where=self.where)
        self.query_one("#help-table", Static).update(self._table())  # the box keeps its scroll position

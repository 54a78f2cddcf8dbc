"""The keys that work where `?` was pressed: that view's first, then the rest.

Built from the live bindings (`keymap.sections_for`), never from a hand-kept list.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from fintech_tui.keymap import Rows
from fintech_tui.messages import say
from fintech_tui.model import Lang
from fintech_tui.screens.view import View
from fintech_tui.widgets.keys import bind
from fintech_tui.widgets.vim import VimScroll

KEY_COLUMN_WIDTH = 20


class HelpScreen(View[None]):
    """A table of keys, grouped by where they work; esc, q or ? closes it."""

    WHERE = "view.keys"

    BINDINGS = [bind("question_mark,q", "close", "close_help", key_display="?")]

    def __init__(self, where: str, sections: list[tuple[str, Rows]], lang: Lang = "en") -> None:
        super().__init__()
        self.where = where
        self.sections = sections
        self.lang = lang

    def body(self) -> ComposeResult:
        table = Table(box=None, show_header=False, padding=(0, 2), expand=True)
        table.add_column(style="bold cyan", max_width=KEY_COLUMN_WIDTH, overflow="fold")
        table.add_column(ratio=1)
        mouse = (say("help.mouse", self.lang), say("help.mouse.tip", self.lang))
        for title, rows in [*self.sections, (say("place.mouse", self.lang), [mouse])]:
            table.add_row(Text(title, style="bold underline"), "")
            for keys, description in rows:
                table.add_row(keys, description)
            table.add_row("", "")
        box = VimScroll(id="help-box")
        box.border_title = say("help.title", self.lang, where=self.where)
        with box:
            yield Static(table)

    def on_mount(self) -> None:
        self.query_one(VimScroll).focus()

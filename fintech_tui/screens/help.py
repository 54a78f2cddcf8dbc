"""Every key binding, grouped by where it works."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

GENERAL = [
    ("tab / shift+tab", "Next / previous pane (the detail body and links count as panes)"),
    ("1 2 3 4", "Outline, Companies, Strategies, Arguments"),
    ("5 or d", "The detail view's links"),
    ("↑ ↓ or j k", "Move; g / G (home / end) first / last"),
    ("← → or h l", "Collapse / expand a tree node"),
    ("enter", "Open the item; on a link, follow it; on evidence, show the source"),
    ("esc", "Back to the panes; closes a dialog or the source view"),
    ("/ or ctrl+p", "Search; the command palette (ctrl+p) also changes the theme"),
    ("mouse", "Click to select, scroll with the wheel"),
]


FRIENDLY = {
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "question_mark": "?",
    "slash": "/",
    "backspace": "⌫",
    "escape": "esc",
}


def binding_rows(bindings: list[BindingType]) -> list[tuple[str, str]]:
    """(keys, description) per action, its alternative keys joined: "5, d"."""
    grouped: dict[tuple[str, str], list[str]] = {}
    for binding in Binding.make_bindings(bindings):
        if binding.description:
            keys = grouped.setdefault((binding.action, binding.description), [])
            shown = FRIENDLY.get(binding.key, binding.key)
            if shown not in keys:
                keys.append(shown)
    return [(", ".join(keys), description) for (_, description), keys in grouped.items()]


class HelpScreen(ModalScreen[None]):
    """A table of keys; any of escape, q or ? closes it."""

    BINDINGS = [Binding("escape,question_mark,q", "dismiss", "Close")]

    def __init__(self, sections: list[tuple[str, list[tuple[str, str]]]]) -> None:
        super().__init__()
        self.sections = [("Moving around", GENERAL), *sections]

    def compose(self) -> ComposeResult:
        table = Table(box=None, show_header=False, padding=(0, 2), expand=True)
        table.add_column(style="bold cyan", max_width=24, overflow="fold")
        table.add_column(ratio=1)
        for title, rows in self.sections:
            table.add_row(Text(title, style="bold underline"), "")
            seen = set()
            for keys, description in rows:
                if (keys, description) not in seen:
                    seen.add((keys, description))
                    table.add_row(keys, description)
            table.add_row("", "")
        with VerticalScroll(id="help-box") as box:
            box.border_title = "Keys — esc to close"
            yield Static(table)

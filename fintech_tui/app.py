"""The Textual application: holds the pack and its index, opens the main screen."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from fintech_tui.commands import ItemCommands
from fintech_tui.index import PackIndex, Ref
from fintech_tui.model import Lang, Pack
from fintech_tui.sanitize import neutralise
from fintech_tui.screens.main import MainScreen


class FintechApp(App[None]):
    """fintech-tui: one article as a navigable map."""

    CSS_PATH = "styles/app.tcss"
    COMMANDS = App.COMMANDS | {ItemCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "help", "Keys", key_display="?"),
        Binding("ctrl+p", "command_palette", "Find", show=False),
    ]

    def __init__(self, pack: Pack, *, lang: Lang = "en", goto: Ref | None = None) -> None:
        super().__init__()
        self.pack = pack
        self.index = PackIndex(pack)
        self.lang = lang
        self.goto = goto
        self.title = "fintech-tui"
        self.sub_title = neutralise(pack.meta.title.pick(lang))

    def get_default_screen(self) -> MainScreen:
        return MainScreen(self.index, self.lang, self.goto)

    def action_help(self) -> None:
        from fintech_tui.screens.help import HelpScreen, binding_rows  # deferred: rarely opened
        from fintech_tui.widgets.item_tree import ItemTree

        if isinstance(self.screen, HelpScreen):
            return
        sections = [
            ("Explorer", binding_rows(MainScreen.BINDINGS)),
            ("Panes", binding_rows(ItemTree.BINDINGS)),
            ("Anywhere", binding_rows(self.BINDINGS)),
        ]
        self.push_screen(HelpScreen(sections))

"""The base of every full-screen view over the explorer.

A view has the title bar (naming where the reader is), its body, and the
footer with the view's own keys; esc (or backspace) closes it, always the
same way: `dismiss`, so a caller waiting for a result gets None.

`t` switches the label language from any view, as it does on the explorer:
the app's `label_lang` changes, and every open view, watching it, redraws
itself in place (`redraw`), keeping its cursor, scroll position and the like.
"""

from __future__ import annotations

from typing import ClassVar, Protocol, TypeVar, cast

from textual.app import ComposeResult
from textual.binding import ActiveBinding, BindingType
from textual.compose import compose
from textual.screen import Screen

from fintech_tui.i18n import phrase
from fintech_tui.model import Lang
from fintech_tui.tui.state import ui
from fintech_tui.tui.widgets.footer import ScreenFooter
from fintech_tui.tui.widgets.keys import bind, fit_footer, localised
from fintech_tui.tui.widgets.title_bar import TitleBar

Result = TypeVar("Result")


class Explorer(Protocol):
    """What a view needs of the explorer beneath it (the explorer imports the views, so it is named by shape)."""

    def search_from_view(self) -> None: ...


class WithExplorer(Protocol):
    """The app, as far as a view needs it."""

    @property
    def explorer(self) -> Explorer | None: ...


class View(Screen[Result]):
    """Title bar, body, footer; esc closes. Subclasses give `WHERE` and `body()`."""

    WHERE: ClassVar[str] = ""  # the message key of its name, in the title bar and the help
    BINDINGS: ClassVar[list[BindingType]] = [
        bind("escape,backspace", "close", "close_view", key_display="esc"),
        bind("t", "toggle_language", "language"),
        bind("slash", "search", "search", key_display="/", show=False),
    ]

    @property
    def lang(self) -> Lang:
        """The label language (the app's)."""
        return ui(self).label_lang

    @property
    def help_title(self) -> str:
        return phrase(self.WHERE, self.lang)

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The keys, their words in the label language (what the footer and help show)."""
        return fit_footer(localised(super().active_bindings, self.lang), self.app.size.width)

    def compose(self) -> ComposeResult:
        yield TitleBar(self.app.sub_title, self.help_title)
        body = compose(self, self.body())
        main = next((widget for widget in body if widget.can_focus), None)
        if main is not None:
            main.add_class("view-body")  # styled by class (app.tcss), so a new view needs no CSS of its own
        yield from body
        yield ScreenFooter()

    def on_mount(self) -> None:
        self.watch(self.app, "label_lang", self._relabel, init=False)

    def body(self) -> ComposeResult:
        """The view's own widgets, between the title bar and the footer."""
        raise NotImplementedError

    def redraw(self) -> None:
        """Show the view's words in the new label language, in place: its cursor, scroll position and
        other state kept."""
        raise NotImplementedError

    def _explorer(self) -> Explorer | None:
        return cast(WithExplorer, self.app).explorer

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`/` searches the explorer's pack: not offered where no explorer is open (a library's list)."""
        if action == "search":
            return self._explorer() is not None
        return True

    def action_search(self) -> None:
        explorer = self._explorer()
        if explorer is not None:
            explorer.search_from_view()

    def action_close(self) -> None:
        self.dismiss(None)

    async def action_toggle_language(self) -> None:
        """The other label language for the whole app (every open screen follows it)."""
        await self.app.run_action("toggle_language")

    def _relabel(self) -> None:
        """The title bar, the footer and the view's body in the new label language."""
        bar = self.query_one(TitleBar)
        bar.where = self.help_title
        bar.refresh()
        self.redraw()
        self.refresh_bindings()  # the footer's words (it catches up when shown, if covered)

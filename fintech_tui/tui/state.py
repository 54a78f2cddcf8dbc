"""The UI's state, held once on the App: the label language, the readings under quotes, the compare marks.

Screens and widgets read it through `ui(self)` and follow it with Textual's
`self.watch(self.app, "label_lang", ...)`, so none of them looks the explorer
up on the stack and nothing is pushed from screen to screen by hand.
"""

from __future__ import annotations

from typing import cast

from textual.app import App
from textual.dom import DOMNode
from textual.reactive import reactive

from fintech_tui.model import Lang

#: A compare mark: the pack (its origin, as loaded) and the id of a company in it.
Mark = tuple[str, str]


class UiApp(App[None]):
    """The reactives every screen follows (the explorer's app and the library's derive from it)."""

    label_lang: reactive[Lang] = reactive[Lang]("en", init=False)
    evidence_readings: reactive[bool] = reactive(True, init=False)  # each quote's reading under it
    marked: reactive[tuple[Mark, ...]] = reactive[tuple[Mark, ...]]((), init=False)  # in the order marked

    def marks_in(self, origin: str) -> list[str]:
        """The ids marked in the pack loaded from `origin`, in the order they were marked."""
        return [entity_id for pack, entity_id in self.marked if pack == origin]


def ui(node: DOMNode) -> UiApp:
    """The app `node` runs in, typed for its shared state."""
    return cast(UiApp, node.app)

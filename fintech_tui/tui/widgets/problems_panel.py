"""The problems of a pack being edited under `--watch`, shown without a keypress.

Docked at the bottom of whatever screen is on show, so the reader keeps the
last valid state above it; it goes away as soon as the pack is valid again.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from fintech_tui.i18n import phrase
from fintech_tui.loader import PackError
from fintech_tui.model import Lang
from fintech_tui.tui.state import ui

MAX_LINES = 8  # beyond this, say how many more: the panel must not hide the explorer


class ProblemsPanel(Static):
    """`FILE:LINE:COL: field: message` lines under a one-line heading."""

    DEFAULT_CSS = """
    ProblemsPanel {
        dock: bottom;
        height: auto;
        max-height: 50%;
        margin-bottom: 1;
        padding: 0 1;
        background: $error 15%;
        border-top: heavy $error;
        overflow-y: auto;
    }
    """

    def __init__(self, error: PackError) -> None:
        super().__init__(id="problems-panel", markup=False)
        self.error = error

    def on_mount(self) -> None:
        self.watch(self.app, "label_lang", self._relabel, init=False)

    def _relabel(self) -> None:
        self.refresh(layout=True)

    def render(self) -> Text:
        """Drawn from the error each time, so the panel is never shown empty before it is filled."""
        return self.describe(self.error, ui(self).label_lang)

    def show(self, error: PackError) -> None:
        """Replace the problems listed with those of `error`."""
        self.error = error
        self.refresh(layout=True)

    @staticmethod
    def describe(error: PackError, lang: Lang = "en") -> Text:
        problems = error.problems
        count = len(problems)
        text = Text()
        text.append(phrase("problems.heading", lang, count=count), style="bold")
        text.append(phrase("problems.reload", lang), style="italic")
        for problem in problems[:MAX_LINES]:
            text.append("\n")
            text.append(str(problem))  # already neutralised: file names and fields come from the pack
        if count > MAX_LINES:
            text.append("\n" + phrase("problems.more", lang, count=count - MAX_LINES), style="italic")
        return text

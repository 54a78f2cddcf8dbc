"""Textual's Footer, left alone while its screen is covered by another.

Textual refreshes a screen's bindings when another screen is pushed over it;
the stock Footer then rebuilds itself, and with a dialog over the explorer
every cell of the screen beneath is drawn again, several times, for keys
nobody can see. The footer catches up when its screen is shown again.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class ScreenFooter(Footer):
    """A Footer that only rebuilds while its own screen is the one on top (`is_active`)."""

    def bindings_changed(self, screen: Screen[object]) -> None:
        if screen.is_active or not self._bindings_ready:
            super().bindings_changed(screen)

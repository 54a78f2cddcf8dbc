"""Vim-style keys shared by every list and tree, so they behave alike everywhere."""

from __future__ import annotations

from textual.binding import Binding, BindingType

VIM_LIST_KEYS: list[BindingType] = [
    Binding("j", "cursor_down", "Down", show=False),
    Binding("k", "cursor_up", "Up", show=False),
    Binding("g", "first", "First", show=False),
    Binding("G", "last", "Last", show=False),
]

"""Vim-style keys shared by every list, table and tree, so they behave alike everywhere.

Each list names the arrow key beside its letter, so the help and the README
(both generated from bindings) show the two together.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

VIM_LIST_KEYS: list[BindingType] = [
    Binding("j,down", "cursor_down", "Down", show=False),
    Binding("k,up", "cursor_up", "Up", show=False),
    Binding("g,home", "first", "First", show=False),
    Binding("G,end", "last", "Last", show=False),
]

VIM_TABLE_KEYS: list[BindingType] = [
    Binding("j,down", "cursor_down", "Down", show=False),
    Binding("k,up", "cursor_up", "Up", show=False),
    Binding("h,left", "cursor_left", "Left", show=False),
    Binding("l,right", "cursor_right", "Right", show=False),
    Binding("g,home", "scroll_top", "First row", show=False),
    Binding("G,end", "scroll_bottom", "Last row", show=False),
]

VIM_SCROLL_KEYS: list[BindingType] = [
    Binding("j,down", "scroll_down", "Scroll down", show=False),
    Binding("k,up", "scroll_up", "Scroll up", show=False),
    Binding("h,left", "scroll_left", "Scroll left", show=False),
    Binding("l,right", "scroll_right", "Scroll right", show=False),
    Binding("g,home", "scroll_home", "Top", show=False),
    Binding("G,end", "scroll_end", "Bottom", show=False),
    Binding("space,pagedown", "page_down", "Page down", show=False),
    Binding("pageup", "page_up", "Page up", show=False),
]

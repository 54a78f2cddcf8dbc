"""The README's key table, generated from the bindings of every place with keys of its own.

It imports the app and every view, so it sits above them all and nothing of
the app imports it. `python -m fintech_tui.tui.key_table` prints the table;
a test checks the README holds exactly that.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from textual.binding import Binding
from textual.dom import DOMNode

from fintech_tui.tui.app import FintechApp
from fintech_tui.tui.keymap import own_bindings, rows
from fintech_tui.tui.screens.compare import CompareScreen
from fintech_tui.tui.screens.evidence import EvidenceScreen
from fintech_tui.tui.screens.figures import FiguresScreen
from fintech_tui.tui.screens.gaps import GapsScreen
from fintech_tui.tui.screens.help import HelpScreen
from fintech_tui.tui.screens.library import LibraryScreen
from fintech_tui.tui.screens.library_article import ArticleScreen
from fintech_tui.tui.screens.library_entity import AcrossScreen
from fintech_tui.tui.screens.library_search import LibrarySearchScreen
from fintech_tui.tui.screens.library_series import SeriesScreen
from fintech_tui.tui.screens.library_shared import SharedScreen
from fintech_tui.tui.screens.library_sides import SideBySideScreen
from fintech_tui.tui.screens.main import MainScreen
from fintech_tui.tui.screens.matrix import MatrixScreen
from fintech_tui.tui.screens.search import SearchScreen
from fintech_tui.tui.screens.source import SourceScreen
from fintech_tui.tui.screens.view import View
from fintech_tui.tui.widgets.detail_view import DetailBody
from fintech_tui.tui.widgets.item_tree import ItemTree
from fintech_tui.tui.widgets.link_list import LinkList
from fintech_tui.tui.widgets.vim import VimList, VimScroll
from fintech_tui.tui.widgets.vim_table import VimTable


def places() -> list[tuple[str, type[DOMNode], bool]]:
    """Every place with keys of its own, in the order the README lists them, and
    whether its keys fit on one row (moving around, the same everywhere)."""
    return [
        ("Anywhere", FintechApp, False),
        ("Explorer", MainScreen, False),
        ("Panes (1–4)", ItemTree, True),
        ("Detail text", DetailBody, True),
        ("Detail links (5)", LinkList, True),
        ("Search (/)", SearchScreen, True),
        ("Every view below", View, False),
        ("Source view (s)", SourceScreen, False),
        ("Matrix (m)", MatrixScreen, False),
        ("Figures (f)", FiguresScreen, False),
        ("Compare (c)", CompareScreen, False),
        ("Gap report (r)", GapsScreen, False),
        ("Evidence", EvidenceScreen, False),
        ("Keys (?)", HelpScreen, False),
        ("Library (fintech-tui LIBRARY)", LibraryScreen, False),
        ("An article opened from a library", ArticleScreen, False),
        ("Library search (/)", LibrarySearchScreen, True),
        ("Shared companies (e)", SharedScreen, False),
        ("A company across the library (a, or ⏎ on a shared company)", AcrossScreen, False),
        ("Over time (f)", SeriesScreen, False),
        ("Side by side (c)", SideBySideScreen, False),
        ("Lists in views and links", VimList, True),
        ("Tables in views", VimTable, True),
        ("Scrolling views", VimScroll, True),
    ]


def _own_only(cls: type[DOMNode], listed: set[type[DOMNode]]) -> list[Binding]:
    """Bindings `cls` adds beyond the base classes the table lists a row of their own for
    (a shared base it does not list, such as the query popup, is part of `cls`)."""
    inherited = {(b.key, b.action) for base in cls.__mro__[1:] if base in listed for b in own_bindings(base)}
    return [b for b in own_bindings(cls) if (b.key, b.action) not in inherited]


def markdown() -> str:
    """The README's key table: one row per action, grouped by place."""
    lines = ["| where | key | does |", "| --- | --- | --- |"]
    listed = {cls for _, cls, _ in places()}
    for place, cls, compact in places():
        own = rows(_own_only(cls, listed))
        found = [(" ".join(f"`{key}`" for key in keys.split(", ")), text) for keys, text in own]
        if compact and found:
            found = [(" · ".join(keys for keys, _ in found), " · ".join(text.lower() for _, text in found))]
        for keys, text in found:
            lines.append(f"| {place} | {keys} | {text} |")
            place = ""
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    sys.stdout.write(markdown())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

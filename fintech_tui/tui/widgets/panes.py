"""The four navigation panes: Outline, Names (companies first), Strategies and Arguments."""

from __future__ import annotations

from textual.binding import BindingType

from fintech_tui.queries.index import ref_of
from fintech_tui.tui.widgets.item_tree import ItemTree, Nesting
from fintech_tui.tui.widgets.keys import bind
from fintech_tui.util.nesting import preorder


class OutlinePane(ItemTree):
    """The article's structure, in article order."""

    PANE_TITLE = "pane.outline"
    PANE_KEY = "1"

    def nesting(self) -> Nesting:
        return ((ref_of(node), depth) for node, depth in preorder(self.index.pack.outline, lambda n: n.children))


#: Where a top-level name stands in the Names pane: businesses first, then organisations, then people.
NAME_ORDER = {"organisation": 1, "person": 2}


class CompaniesPane(ItemTree):
    """Every name the article gives: companies with their products and apps beneath them (in
    pack order), then organisations, then people, so the pane is named for what it holds."""

    PANE_TITLE = "pane.companies"
    PANE_KEY = "2"

    def nesting(self) -> Nesting:
        children = self.index.children_of
        tops = [e for e in self.index.pack.entities if e.parent not in self.index.entities]
        tops.sort(key=lambda entity: NAME_ORDER.get(entity.kind, 0))  # stable: pack order within each
        return ((ref_of(e), depth) for e, depth in preorder(tops, lambda e: children.get(e.id, [])))


class StrategiesPane(ItemTree):
    """Strategies and business models, in the order the pack gives them."""

    PANE_TITLE = "pane.strategies"
    PANE_KEY = "3"

    def nesting(self) -> Nesting:
        return [(ref_of(s), 0) for s in self.index.pack.strategies]


class ArgumentsPane(ItemTree):
    """The argument tree, from the thesis down."""

    PANE_TITLE = "pane.arguments"
    PANE_KEY = "4"

    def nesting(self) -> Nesting:
        replies = self.index.replies
        return ((ref_of(a), depth) for a, depth in preorder(self.index.roots(), lambda a: replies.get(a.id, [])))


PANES: tuple[type[ItemTree], ...] = (OutlinePane, CompaniesPane, StrategiesPane, ArgumentsPane)


def pane_bindings(panes: tuple[type[ItemTree], ...]) -> list[BindingType]:
    """A digit for each pane, its words the pane's name ("pane.outline" → "pane_outline")."""
    return [
        bind(pane.PANE_KEY, f"focus_pane({number})", pane.PANE_TITLE.replace(".", "_"), show=False)
        for number, pane in enumerate(panes)
    ]

"""The four navigation panes: Outline, Companies, Strategies and Arguments."""

from __future__ import annotations

from fintech_tui.index import Ref, ref_of
from fintech_tui.model import Entity, OutlineNode
from fintech_tui.widgets.item_tree import ItemTree, Nesting


class OutlinePane(ItemTree):
    """The article's structure, in article order."""

    PANE_TITLE = "Outline"
    PANE_KEY = "1"

    def nesting(self) -> Nesting:
        def walk(nodes: tuple[OutlineNode, ...]) -> Nesting:
            return [(ref_of(node), walk(node.children)) for node in nodes]

        return walk(self.index.pack.outline)


class CompaniesPane(ItemTree):
    """Companies and organisations, with their products and apps beneath them."""

    PANE_TITLE = "Companies"
    PANE_KEY = "2"

    def nesting(self) -> Nesting:
        children = self.index.children_of

        def walk(entities: list[Entity]) -> Nesting:
            return [(ref_of(e), walk(children.get(e.id, []))) for e in entities]

        tops = [e for e in self.index.pack.entities if e.parent not in self.index.entities]
        return walk(tops)


class StrategiesPane(ItemTree):
    """Strategies and business models, in the order the pack gives them."""

    PANE_TITLE = "Strategies"
    PANE_KEY = "3"

    def nesting(self) -> Nesting:
        return [(ref_of(s), []) for s in self.index.pack.strategies]


class ArgumentsPane(ItemTree):
    """The argument tree, from the thesis down."""

    PANE_TITLE = "Arguments"
    PANE_KEY = "4"

    def nesting(self) -> Nesting:
        replies = self.index.replies

        def walk(refs: list[Ref]) -> Nesting:
            return [(ref, walk([ref_of(c) for c in replies.get(ref.id, [])])) for ref in refs]

        return walk([ref_of(a) for a in self.index.roots()])


PANES: tuple[type[ItemTree], ...] = (OutlinePane, CompaniesPane, StrategiesPane, ArgumentsPane)

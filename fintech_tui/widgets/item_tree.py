"""The shared base of the four navigation panes: a Tree of item Refs.

Each pane only says which items it holds and how they nest; this class
handles keys, labels, language changes and moving the cursor to an item.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from textual import on
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from fintech_tui.index import PackIndex, Ref
from fintech_tui.model import Lang
from fintech_tui.render.labels import item_label

Nesting = Iterable[tuple[Ref, int]]  # (item, depth) in display order, parents first (see nesting.preorder)
EXPAND_ALL_UP_TO = 2_000  # nodes; beyond this a pane opens with its top two levels expanded


class ItemTree(Tree[Ref]):
    """A pane listing items; highlighting previews an item, enter opens it."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g,home", "scroll_home_item", "First", show=False),
        Binding("G,end", "scroll_end_item", "Last", show=False),
        Binding("l", "expand", "Expand", show=False),
        Binding("h", "collapse", "Collapse", show=False),
    ]

    PANE_TITLE = "Items"
    PANE_KEY = "0"

    @dataclass
    class Previewed(Message):
        """The cursor rests on an item: show it without recording history."""

        ref: Ref

    @dataclass
    class Opened(Message):
        """The reader chose an item with enter or a click."""

        ref: Ref

    def __init__(self, index: PackIndex, lang: Lang, *, id: str | None = None) -> None:
        super().__init__("root", id=id)
        self.index = index
        self.lang = lang
        self.show_root = False
        self.auto_expand = False
        self.guide_depth = 2
        self.nodes_by_ref: dict[Ref, TreeNode[Ref]] = {}
        self.border_title = f"{self.PANE_KEY} {self.PANE_TITLE}"

    def nesting(self) -> Nesting:
        """(ref, depth) pairs in display order; subclasses say what they hold."""
        raise NotImplementedError

    def on_mount(self) -> None:
        items = list(self.nesting())
        count = len(items)
        # A large pack opens its top two levels, the rest on demand. Nodes are
        # created open rather than opened afterwards: each expand() posts a
        # message, and 100k items meant 60k messages before the first frame.
        self._add(self.root, items, open_depth=None if count <= EXPAND_ALL_UP_TO else 1)
        self.root.expand()
        self.border_subtitle = f"{count:,}"

    def _add(self, root: TreeNode[Ref], items: list[tuple[Ref, int]], open_depth: int | None) -> None:
        """Add `items` (preorder, with depths) under `root`; nodes above `open_depth` start open."""
        parents = [root]  # parents[d] holds the node that items of depth d go under
        for i, (ref, depth) in enumerate(items):
            label = item_label(self.index, ref, self.lang)
            parent = parents[depth]
            has_children = i + 1 < len(items) and items[i + 1][1] > depth
            if has_children:
                node = parent.add(label, data=ref, expand=open_depth is None or depth < open_depth)
            else:
                node = parent.add_leaf(label, data=ref)
            self.nodes_by_ref[ref] = node
            del parents[depth + 1 :]
            parents.append(node)

    def relabel(self, lang: Lang) -> None:
        """Show every label in `lang`, keeping the cursor and expansion as they are."""
        self.lang = lang
        for ref, node in self.nodes_by_ref.items():
            node.set_label(item_label(self.index, ref, lang))

    def select_ref(self, ref: Ref) -> bool:
        """Move the cursor to `ref` if this pane holds it."""
        node = self.nodes_by_ref.get(ref)
        if node is None:
            return False
        ancestor = node.parent
        while ancestor is not None:
            if not ancestor.is_expanded:  # expanding an open node would still rebuild every line
                ancestor.expand()
            ancestor = ancestor.parent
        if self.cursor_node is not node:
            self.call_after_refresh(self.move_cursor, node, animate=False)
        return True

    def get_label_width(self, node: TreeNode[Ref]) -> int:
        """The label's width without rendering it.

        Tree measures every line whenever it rebuilds; rendering each label
        for that makes a pane of tens of thousands of items slow to open.
        """
        return len(node.label)  # an estimate is enough: the panes never scroll sideways

    @property
    def current_ref(self) -> Ref | None:
        node = self.cursor_node
        return node.data if node is not None else None

    def action_scroll_home_item(self) -> None:
        self.cursor_line = 0

    def action_scroll_end_item(self) -> None:
        self.cursor_line = self.last_line

    def action_expand(self) -> None:
        if self.cursor_node is not None:
            self.cursor_node.expand()

    def action_collapse(self) -> None:
        node = self.cursor_node
        if node is None:
            return
        if node.is_expanded and node.allow_expand:
            node.collapse()
        elif node.parent is not None and node.parent is not self.root:
            self.move_cursor(node.parent)

    @on(Tree.NodeHighlighted)
    def _previewed(self, event: Tree.NodeHighlighted[Ref]) -> None:
        event.stop()
        if event.node.data is not None and self.has_focus:  # only the reader's own moves preview
            self.post_message(self.Previewed(event.node.data))

    @on(Tree.NodeSelected)
    def _opened(self, event: Tree.NodeSelected[Ref]) -> None:
        event.stop()
        if event.node.data is not None:
            self.post_message(self.Opened(event.node.data))

    def on_focus(self) -> None:
        if self.cursor_node is None or self.cursor_node is self.root:
            self.cursor_line = 0
        elif self.cursor_node.data is not None:
            self.post_message(self.Previewed(self.cursor_node.data))

"""The shared base of the four navigation panes: a Tree of item Refs.

Each pane only says which items it holds and how they nest; this class
handles keys, labels, language changes and moving the cursor to an item.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual import on
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from fintech_tui.i18n import phrase
from fintech_tui.model import Lang
from fintech_tui.queries.index import PackIndex, Ref
from fintech_tui.render.labels import item_label
from fintech_tui.render.safe import ellipsised
from fintech_tui.tui.state import Mark, ui
from fintech_tui.tui.widgets.keys import bind, vim_keys

Nesting = Iterable[tuple[Ref, int]]  # (item, depth) in display order, parents first (see nesting.preorder)
EXPAND_ALL_UP_TO = 2_000  # nodes; beyond this a pane opens with its top two levels expanded


def _parents(items: list[tuple[Ref, int]]) -> dict[Ref, Ref | None]:
    """Each item of a preorder (item, depth) list with the item directly above it."""
    parent_of: dict[Ref, Ref | None] = {}
    line: list[Ref] = []  # line[d]: the latest item of depth d
    for ref, depth in items:
        del line[depth:]
        parent_of[ref] = line[-1] if line else None
        line.append(ref)
    return parent_of


class ItemTree(Tree[Ref]):
    """A pane listing items; highlighting previews an item, enter opens it."""

    HELP_TITLE = "place.panes"
    MARK = "✓ "  # before a company marked for compare

    BINDINGS = [
        *vim_keys(
            down=("cursor_down", "down"),
            up=("cursor_up", "up"),
            first=("first", "first"),
            last=("last", "last"),
            right=("expand", "expand"),
            left=("collapse", "collapse"),
        ),
        bind("enter", "select_cursor", "open", show=False),
    ]

    PANE_TITLE = ""  # the message key of the pane's name
    PANE_KEY = "0"

    @dataclass
    class Previewed(Message):
        """The cursor rests on an item: show it without recording history."""

        ref: Ref

    @dataclass
    class Opened(Message):
        """The reader chose an item with enter or a click."""

        ref: Ref

    def __init__(self, index: PackIndex, *, id: str | None = None) -> None:
        super().__init__("root", id=id)
        self.index = index
        self.show_root = False
        self.auto_expand = False
        self.guide_depth = 2
        self.nodes_by_ref: dict[Ref, TreeNode[Ref]] = {}  # the items made into tree nodes so far
        self.parent_of: dict[Ref, Ref | None] = {}  # every item the pane holds, with the item above it
        self._pending: dict[TreeNode[Ref], list[tuple[Ref, int]]] = {}
        self.marked: set[Ref] = self._marks(ui(self).marked)
        self._title()

    @property
    def lang(self) -> Lang:
        """The label language (the app's)."""
        return ui(self).label_lang

    def _title(self) -> None:
        self.border_title = f"{self.PANE_KEY} {phrase(self.PANE_TITLE, self.lang)}"

    def nesting(self) -> Nesting:
        """(ref, depth) pairs in display order; subclasses say what they hold."""
        raise NotImplementedError

    def on_mount(self) -> None:
        self.watch(self.app, "label_lang", self._relabel, init=False)
        self.watch(self.app, "marked", self._show_marks, init=False)
        items = list(self.nesting())
        count = len(items)
        self.parent_of = _parents(items)
        # A large pack opens its top two levels; what lies under a closed node
        # is made into tree nodes when that node is first opened, so 100k
        # items cost a first screen of the few thousand a reader can reach.
        # Nodes are created open rather than opened afterwards: each expand()
        # posts a message.
        self._add(self.root, items, open_depth=None if count <= EXPAND_ALL_UP_TO else 1)
        self.root.expand()
        self.border_subtitle = f"{count:,}"
        if count:
            self.cursor_line = 0  # a key that arrives with the focus moves from the first item

    def _label(self, ref: Ref) -> Text:
        label = item_label(self.index, ref, self.lang)
        if ref in self.marked:
            return Text.assemble((self.MARK, "bold green"), label, no_wrap=True, overflow="ellipsis")
        return label

    def _add(self, root: TreeNode[Ref], items: list[tuple[Ref, int]], open_depth: int | None) -> None:
        """Add `items` (preorder, with depths) under `root`.

        Nodes above `open_depth` start open; a closed node's descendants wait
        in `_pending` until it is opened.
        """
        top = items[0][1] if items else 0
        parents = {top: root}  # parents[d] holds the node that items of depth d go under
        i, count = 0, len(items)
        while i < count:
            ref, depth = items[i]
            parent = parents[depth]
            end = i + 1  # past this item; past its descendants too when it waits closed
            if end == count or items[end][1] <= depth:
                node = parent.add_leaf(self._label(ref), data=ref)
            elif open_depth is None or depth - top < open_depth:
                node = parent.add(self._label(ref), data=ref, expand=True)  # its descendants follow in this pass
            else:
                while end < count and items[end][1] > depth:
                    end += 1
                node = parent.add(self._label(ref), data=ref, expand=False)
                self._pending[node] = items[i + 1 : end]
            self.nodes_by_ref[ref] = node
            parents[depth + 1] = node
            i = end

    def _materialise(self, node: TreeNode[Ref]) -> None:
        """Make tree nodes of what waits under `node`, its children closed."""
        waiting = self._pending.pop(node, None)
        if waiting:
            self._add(node, waiting, open_depth=0)

    @on(Tree.NodeExpanded)
    def _expanded(self, event: Tree.NodeExpanded[Ref]) -> None:
        self._materialise(event.node)

    def _relabel(self) -> None:
        """Every label in the new label language, the cursor and expansion kept as they are."""
        self._title()
        for ref, node in self.nodes_by_ref.items():
            node.set_label(self._label(ref))

    def _marks(self, marks: tuple[Mark, ...]) -> set[Ref]:
        origin = self.index.pack.origin
        return {Ref("entity", entity_id) for pack, entity_id in marks if pack == origin}

    def _show_marks(self, marks: tuple[Mark, ...]) -> None:
        """The compare mark on exactly the marked items of this pack that this pane holds."""
        marked = self._marks(marks)
        changed = (self.marked ^ marked) & self.nodes_by_ref.keys()
        self.marked = marked & self.parent_of.keys()
        for ref in changed:
            self.nodes_by_ref[ref].set_label(self._label(ref))

    def render_label(self, node: TreeNode[Ref], base_style: Style, style: Style) -> Text:
        """The label, ending with "…" when the pane is too narrow for it."""
        label = super().render_label(node, base_style, style)
        depth = 0
        ancestor = node.parent
        while ancestor is not None and ancestor is not self.root:
            depth += 1
            ancestor = ancestor.parent
        room = self.scrollable_content_region.width - depth * self.guide_depth
        return ellipsised(label, room) if room > 0 else label  # "…" right after the last character kept

    def select_ref(self, ref: Ref) -> bool:
        """Move the cursor to `ref` if this pane holds it."""
        if ref not in self.parent_of:
            return False
        node = self._node_for(ref)
        ancestor = node.parent
        while ancestor is not None:
            if not ancestor.is_expanded:  # expanding an open node would still rebuild every line
                ancestor.expand()
            ancestor = ancestor.parent
        if self.cursor_node is not node:
            self.call_after_refresh(self.move_cursor, node, animate=False)
        return True

    def _node_for(self, ref: Ref) -> TreeNode[Ref]:
        """The tree node of `ref`, made (with the nodes above it) if it waits under a closed one."""
        chain = [ref]
        while chain[-1] not in self.nodes_by_ref:
            above = self.parent_of[chain[-1]]
            assert above is not None, "a top-level item is always a tree node"
            chain.append(above)
        for above in reversed(chain[1:]):
            self._materialise(self.nodes_by_ref[above])
        return self.nodes_by_ref[ref]

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

    def action_first(self) -> None:
        """The first item, scrolled into view (Tree's own home leaves the view behind)."""
        self._cursor_to(0)

    def action_last(self) -> None:
        self._cursor_to(self.last_line)

    def _cursor_to(self, line: int) -> None:
        if line >= 0:
            self.cursor_line = line
            self.scroll_to_line(line, animate=False)

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
